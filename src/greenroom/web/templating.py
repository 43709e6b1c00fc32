"""The Jinja2 environment shared by every HTML page, with the filters the templates use."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

__all__ = ["TEMPLATES_DIR", "highlight", "templates", "verdict_label"]

TEMPLATES_DIR = Path(__file__).parent / "templates"

VERDICT_LABELS = {
    "advance": "Advance",
    "lean_advance": "Lean advance",
    "lean_no": "Lean no",
    "no": "No",
}
OUTCOME_LABELS = {
    "offer_likely": "Offer likely",
    "offer_possible": "Offer possible",
    "at_risk": "At risk",
    "unlikely": "Unlikely",
}


def _spans(spans: Iterable[Mapping[str, Any]], size: int) -> list[tuple[int, int]]:
    """The evidence spans clamped to the text and merged where they overlap, in order."""
    found: list[tuple[int, int]] = []
    for span in spans:
        start, end = span.get("start"), span.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            continue
        start, end = max(0, start), min(size, end)
        if start < end:
            found.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, spans: Iterable[Mapping[str, Any]]) -> Markup:
    """``text`` HTML-escaped, with each evidence span (``start``/``end`` offsets) in ``<mark>``."""
    out: list[str] = []
    at = 0
    for start, end in _spans(spans, len(text)):
        out.append(str(escape(text[at:start])))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        at = end
    out.append(str(escape(text[at:])))
    return Markup("".join(out))


def verdict_label(verdict: str) -> str:
    return VERDICT_LABELS.get(verdict, verdict.replace("_", " ").capitalize())


def outcome_label(outcome: str) -> str:
    return OUTCOME_LABELS.get(outcome, outcome.replace("_", " ").capitalize())


def label(value: str) -> str:
    """An id as words: ``no_example`` -> "No example"."""
    return value.replace("_", " ").replace("-", " ").capitalize()


templates = Jinja2Templates(directory=TEMPLATES_DIR)
templates.env.filters["highlight"] = highlight
templates.env.filters["verdict_label"] = verdict_label
templates.env.filters["outcome_label"] = outcome_label
templates.env.filters["label"] = label

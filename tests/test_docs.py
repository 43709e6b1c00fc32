"""Guard tests: the docs name every setting, threshold, flag and JSON key the code has."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from greenroom.cli.reference import render_markdown
from greenroom.config import Settings
from greenroom.contract import interview_to_dict, judgement_to_dict
from greenroom.domain import thresholds
from greenroom.domain.feedback import FLAG_TIPS
from greenroom.domain.interview import judge_interview
from greenroom.domain.judging import judge_answer
from greenroom.domain.models import FLAG_IDS, Exchange
from greenroom.embedding.hashing import HashingEmbedder

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

QUESTION = "Tell me about a time you failed."
ANSWER = (
    "Um, I think we basically had a project that, like, kind of went wrong, and honestly it was "
    "my manager's fault because he never listened to anyone. We did our best as a team and we "
    "worked hard, I guess, and maybe it was fine in the end. What is the salary for this role?"
)


def _doc(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def _mentions(text: str, name: str) -> bool:
    """``name`` as a whole identifier (``off_topic_semantic`` is not in ``..._high``)."""
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


def _keys(data: Any) -> Iterator[str]:
    """Every key of every object, however deeply nested."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from _keys(value)
    elif isinstance(data, list):
        for item in data:
            yield from _keys(item)


def _documented_keys(text: str) -> set[str]:
    """Names in backticks and in ``{a, b, c}`` lists."""
    names: set[str] = set()
    for code in re.findall(r"`([^`]+)`", text):
        names.update(re.findall(r"[A-Za-z_]\w*", code))
    for group in re.findall(r"\{([^{}]*)\}", text):
        names.update(re.findall(r"[A-Za-z_]\w*", group))
    return names


@pytest.mark.parametrize("field", sorted(Settings.model_fields))
def test_every_setting_is_documented(field: str) -> None:
    assert f"`{field}`" in _doc("configuration.md")


@pytest.mark.parametrize("threshold", thresholds.ALL, ids=lambda t: t.name)
def test_every_threshold_is_documented(threshold: thresholds.Threshold) -> None:
    judging = _doc("judging.md")
    assert _mentions(judging, threshold.name), f"{threshold.name} is not in docs/judging.md"
    headings = re.findall(r"^#+\s+(.+?)\s*$", judging, flags=re.MULTILINE)
    assert threshold.source in headings, f"no section '{threshold.source}' in docs/judging.md"


@pytest.mark.parametrize("threshold", thresholds.ALL, ids=lambda t: t.name)
def test_documented_threshold_values_match_the_code(threshold: thresholds.Threshold) -> None:
    """Where docs/judging.md writes "`name` = value", the value is the one in the code."""
    pattern = rf"`{re.escape(threshold.name)}`\s*=\s*([0-9]+(?:\.[0-9]+)?)\s*(%?)"
    for number, percent in re.findall(pattern, _doc("judging.md")):
        value = float(number) / 100 if percent else float(number)
        assert value == pytest.approx(threshold.value), (
            f"docs/judging.md gives {threshold.name} = {number}{percent}, "
            f"the code {threshold.value}"
        )


def test_cli_reference_is_up_to_date() -> None:
    expected = render_markdown() + "\n"
    assert _doc("cli.md") == expected, "docs/cli.md is stale: run `make docs`"


def test_every_json_key_is_documented() -> None:
    embedder = HashingEmbedder()
    judgement = judge_answer(QUESTION, ANSWER, interviewer="hiring-manager", embedder=embedder)
    interview = judge_interview(
        [Exchange(QUESTION, ANSWER)], interviewer="hiring-manager", embedder=embedder
    )
    answer = judgement_to_dict(judgement)
    assert answer["flags"] and answer["reasons"] and answer["signals"], "a poor example answer"
    keys = set(_keys(answer)) | set(_keys(interview_to_dict(interview)))
    missing = keys - _documented_keys(_doc("judgement-json.md"))
    assert not missing, f"keys missing from docs/judgement-json.md: {sorted(missing)}"


@pytest.mark.parametrize("flag", FLAG_IDS)
def test_every_flag_is_explained(flag: str) -> None:
    assert _mentions(_doc("judging.md"), flag), f"{flag} is not explained in docs/judging.md"
    assert flag in FLAG_TIPS, f"{flag} has no tip"


def test_readme_names_the_make_targets() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme
    assert "make test" in readme

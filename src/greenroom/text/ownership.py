"""Ownership: how much an answer says "I" rather than "we"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from greenroom.domain.models import Evidence

_I_FORMS = re.compile(
    r"(?<![\w'’])(?:i(?:['’](?:m|ve|d|ll))?|me|my|mine|myself)(?![\w'’])(?!\.\s?e\.)",
    re.IGNORECASE,
)
_WE_FORMS = re.compile(
    r"(?<![\w'’])(?:we(?:['’](?:re|ve|d|ll))?|us|our|ours|ourselves)(?![\w'’])", re.IGNORECASE
)
_NOT_US = "US"  # the country, not the pronoun


@dataclass(frozen=True, slots=True)
class Ownership:
    """First-person singular vs plural; ``i_share`` is None when neither appears."""

    i_count: int
    we_count: int
    i_share: float | None
    i_evidence: tuple[Evidence, ...]
    we_evidence: tuple[Evidence, ...]


def ownership(text: str) -> Ownership:
    """Counts of I-forms (I, I'm, I've, I'd, I'll, me, my, mine, myself) and we-forms (we,
    we're, we've, we'd, we'll, us, our, ours, ourselves); ``i_share = i / (i + we)``.
    """
    i_spans = tuple(Evidence(m.start(), m.end(), m.group()) for m in _I_FORMS.finditer(text))
    we_spans = tuple(
        Evidence(m.start(), m.end(), m.group())
        for m in _WE_FORMS.finditer(text)
        if m.group() != _NOT_US
    )
    total = len(i_spans) + len(we_spans)
    share = len(i_spans) / total if total else None
    return Ownership(len(i_spans), len(we_spans), share, i_spans, we_spans)

"""Lexicon matches: how often an answer uses the phrases of one list, and where.

Each red-flag and motivation list of :mod:`greenroom.text.english` is compiled once here as a
:class:`~greenroom.text.lexicon.Lexicon`; the ``*_RE`` names are the same lists as plain
case-insensitive patterns.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from greenroom.domain.models import Evidence
from greenroom.text import english
from greenroom.text.context import words_before
from greenroom.text.lexicon import Lexicon
from greenroom.text.tokens import find


@dataclass(frozen=True, slots=True)
class PhraseUse:
    """How many times a lexicon matched, with every match as evidence."""

    count: int
    evidence: tuple[Evidence, ...]


CLICHES = Lexicon.of(english.CLICHES)
NEGATIVE = Lexicon.of(english.NEGATIVE_ABOUT_OTHERS)
BLAME = Lexicon.of(english.BLAME)
ARROGANCE = Lexicon.of(english.ARROGANCE)
OVERSHARING = Lexicon.of(english.OVERSHARING)
PREMATURE_TERMS = Lexicon.of(english.PREMATURE_TERMS)
SELF_CENTERED = Lexicon.of(english.SELF_CENTERED)
NO_INTEREST = Lexicon.of(english.NO_INTEREST)
LOW_COMMITMENT = Lexicon.of(english.LOW_COMMITMENT)
UNPREPARED = Lexicon.of(english.UNPREPARED)
EVASIVE = Lexicon.of(english.EVASIVE)
ENTHUSIASM = Lexicon.of(english.ENTHUSIASM)
EMPLOYER_FOCUS = Lexicon.of(english.EMPLOYER_FOCUS)

CLICHE_RE = CLICHES.pattern
NEGATIVE_RE = NEGATIVE.pattern
BLAME_RE = BLAME.pattern
ARROGANCE_RE = ARROGANCE.pattern
OVERSHARING_RE = OVERSHARING.pattern
PREMATURE_TERMS_RE = PREMATURE_TERMS.pattern
SELF_CENTERED_RE = SELF_CENTERED.pattern
NO_INTEREST_RE = NO_INTEREST.pattern
LOW_COMMITMENT_RE = LOW_COMMITMENT.pattern
UNPREPARED_RE = UNPREPARED.pattern
EVASIVE_RE = EVASIVE.pattern
ENTHUSIASM_RE = ENTHUSIASM.pattern
EMPLOYER_FOCUS_RE = EMPLOYER_FOCUS.pattern

_BY_PATTERN: Mapping[re.Pattern[str], Lexicon] = MappingProxyType(
    {
        lexicon.pattern: lexicon
        for lexicon in (
            CLICHES,
            NEGATIVE,
            BLAME,
            ARROGANCE,
            OVERSHARING,
            PREMATURE_TERMS,
            SELF_CENTERED,
            NO_INTEREST,
            LOW_COMMITMENT,
            UNPREPARED,
            EVASIVE,
            ENTHUSIASM,
            EMPLOYER_FOCUS,
        )
    }
)

_SELF_SUBJECTS = frozenset({"i", "i'm", "i've", "i'd", "myself"})
_OTHER_TARGETS = frozenset(
    "he she they them him her his their he's she's they're everyone everybody people boss "
    "manager managers management team colleague colleagues coworker coworkers co-worker "
    "co-workers client clients company staff supervisor lead director leadership vendor "
    "customer customers department owner".split()
)
_SUBJECT_WINDOW = 4


def phrase_use(text: str, pattern: re.Pattern[str]) -> PhraseUse:
    """Every non-overlapping match of ``pattern`` in ``text`` (count 0 for empty text)."""
    lexicon = _BY_PATTERN.get(pattern)
    evidence = lexicon.find(text) if lexicon is not None else find(pattern, text)
    return PhraseUse(len(evidence), evidence)


def negative_about_others(text: str) -> PhraseUse:
    """Disparaging words aimed at other people, not at the speaker.

    A match is dropped when the speaker is its subject: "I" (or "I'm", "I was", "myself")
    within the four words before it, with no other person named in between, as in "I was
    lazy about documentation". "I found my manager useless" still counts.
    """
    kept = tuple(span for span in NEGATIVE.find(text) if not _about_self(text, span.start))
    return PhraseUse(len(kept), kept)


def _about_self(text: str, start: int) -> bool:
    before = words_before(text, start, _SUBJECT_WINDOW)
    for i in range(len(before) - 1, -1, -1):
        if before[i] in _OTHER_TARGETS:
            return False
        if before[i] in _SELF_SUBJECTS:
            return True
    return False

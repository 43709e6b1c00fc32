"""Lexicon matches: how often an answer uses the phrases of one list, and where.

Each red-flag and motivation list of :mod:`greenroom.text.english` is compiled once here as a
:class:`~greenroom.text.lexicon.Lexicon`; the ``*_RE`` names are the same lists as plain
case-insensitive patterns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from greenroom.domain.models import Evidence
from greenroom.text import english
from greenroom.text.context import words_after, words_before
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
_TARGET_WINDOW = 6
_PERSONAL_WINDOW = 5
_PRONOUN_WINDOW = 12

_ORGANISATIONS = frozenset(
    "place firm employer business organisation organization department agency bosses "
    "managers directors owners hr".split()
)
_THINGS = frozenset("it it's this that that's which what everything things".split())
_AIMED_IF_TARGETED = re.compile(r"a\s+(?:nightmare|joke)", re.IGNORECASE)
_WORK_WITH = ("to", "work")

_DISOWNED = re.compile(r"not\s+my\s+(?:job|problem|responsibility)", re.IGNORECASE)
_BUT_I = re.compile(
    r"[^.!?]*?(?:[.!?]+[\"'’”)]*\s+)?(?<![\w'’])but\s+i(?:['’](?:d|ve|m|ll))?(?![\w'’])",
    re.IGNORECASE,
)

_PERSONAL_IF_MINE = re.compile(r"diagnosed|drunk|rehab", re.IGNORECASE)
_SPEAKER = frozenset("i i'm i'd i've i'll me my myself".split())
_THIRD_PARTIES = _OTHER_TARGETS | frozenset(
    "he'd she'd they'd he'll she'll they'll patient patients man woman guy guest guests "
    "member members resident residents child children student students pupil pupils driver "
    "caller visitor someone somebody".split()
)

_PLANS = re.compile(r"see\s+(?:how|where)", re.IGNORECASE)
_FIRST_PERSON = frozenset("i i'm i'd i'll i've we we'd we'll we're we've let's".split())
_THIRD_PERSON = frozenset(
    "he she they he'd she'd they'd he'll she'll they'll he's she's they're".split()
)


def phrase_use(text: str, pattern: re.Pattern[str]) -> PhraseUse:
    """Every match of ``pattern`` in ``text`` that its lexicon's context rule keeps.

    Count 0 for empty text. The lists with context rules are
    :data:`NEGATIVE` ("a nightmare" / "a joke" only about people or an organisation),
    :data:`BLAME` ("not my job" followed by "but I..." is initiative, not blame),
    :data:`OVERSHARING` ("diagnosed with", "drunk", "rehab" only about the speaker) and
    :data:`LOW_COMMITMENT` ("see how it goes" not in someone else's words).
    """
    lexicon = _BY_PATTERN.get(pattern)
    evidence = in_context(lexicon, text) if lexicon is not None else find(pattern, text)
    return PhraseUse(len(evidence), evidence)


def in_context(lexicon: Lexicon, text: str) -> tuple[Evidence, ...]:
    """``lexicon.find(text)`` less the matches its context rule drops (see :func:`phrase_use`)."""
    spans = lexicon.find(text)
    keep = _CONTEXT_RULES.get(lexicon.pattern)
    if keep is None or not spans:
        return spans
    return tuple(span for span in spans if keep(text, span))


def _aimed_at_someone(text: str, span: Evidence) -> bool:
    """Whether "a nightmare" / "a joke" is said of a person or an organisation (not a thing)."""
    if not _AIMED_IF_TARGETED.fullmatch(span.text):
        return True
    if words_after(text, span.end, 2) == _WORK_WITH:  # "a nightmare to work with"
        return True
    for word in reversed(words_before(text, span.start, _TARGET_WINDOW)):
        if word in _OTHER_TARGETS or word in _ORGANISATIONS:
            return True
        if word in _THINGS:
            return False
    return False


def _not_initiative(text: str, span: Evidence) -> bool:
    """False for "it's not my job ..., but I did it anyway": that owns the work."""
    if not _DISOWNED.fullmatch(span.text):
        return True
    return _BUT_I.match(text, span.end) is None


def _about_the_speaker(text: str, span: Evidence) -> bool:
    """Whether "diagnosed with", "drunk", "rehab" is about the speaker ("I'd been drunk")."""
    if not _PERSONAL_IF_MINE.match(span.text):
        return True
    for word in reversed(words_before(text, span.start, _PERSONAL_WINDOW)):
        if word in _THIRD_PARTIES:
            return False
        if word in _SPEAKER:
            return True
    return False


def _not_reported(text: str, span: Evidence) -> bool:
    """False for "see how it goes" in someone else's words ("she said she'd see how it goes")."""
    if not _PLANS.match(span.text):
        return True
    for word in reversed(words_before(text, span.start, _PRONOUN_WINDOW)):
        if word in _FIRST_PERSON:
            return True
        if word in _THIRD_PERSON:
            return False
    return True


_CONTEXT_RULES: Mapping[re.Pattern[str], Callable[[str, Evidence], bool]] = MappingProxyType(
    {
        NEGATIVE.pattern: _aimed_at_someone,
        BLAME.pattern: _not_initiative,
        OVERSHARING.pattern: _about_the_speaker,
        LOW_COMMITMENT.pattern: _not_reported,
    }
)


def negative_about_others(text: str) -> PhraseUse:
    """Disparaging words aimed at other people, not at the speaker.

    A match is dropped when the speaker is its subject: "I" (or "I'm", "I was", "myself")
    within the four words before it, with no other person named in between, as in "I was
    lazy about documentation". "I found my manager useless" still counts.
    """
    kept = tuple(span for span in in_context(NEGATIVE, text) if not _about_self(text, span.start))
    return PhraseUse(len(kept), kept)


def _about_self(text: str, start: int) -> bool:
    before = words_before(text, start, _SUBJECT_WINDOW)
    for i in range(len(before) - 1, -1, -1):
        if before[i] in _OTHER_TARGETS:
            return False
        if before[i] in _SELF_SUBJECTS:
            return True
    return False

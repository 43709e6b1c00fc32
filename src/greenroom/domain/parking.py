"""The parking lot: concerns the candidate notes while rehearsing, kept for after the offer.

Pay, benefits, vacation, the commute, the schedule and doubts about the job are real questions,
but raising them before an offer costs leverage (see :data:`greenroom.domain.loop.TIMING_RULE`).
Parking them keeps them safe without asking them too early; the one exception is a recruiter
who asks what you expect to earn.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType
from typing import Final, Literal, get_args

from greenroom.domain.interviewers import interviewer as interviewer_type
from greenroom.domain.loop import TIMING_RULE, may_raise_terms, pay_question
from greenroom.domain.models import InterviewerId, Stage
from greenroom.errors import InputError
from greenroom.text.lexicon import Lexicon

__all__ = [
    "MAX_CONCERN_CHARS",
    "TOPICS",
    "ConcernDraft",
    "ParkedConcern",
    "Topic",
    "classify_concern",
    "park",
    "parse_topic",
    "timing_message",
]

Topic = Literal["pay", "benefits", "vacation", "commute", "schedule", "doubts", "other"]
TOPICS: Final[tuple[Topic, ...]] = get_args(Topic)
"""The loop's :data:`~greenroom.domain.loop.PARKED_TOPICS`, plus ``other``."""

MAX_CONCERN_CHARS: Final = 2000

_TOPIC_PHRASES: Final[dict[Topic, tuple[str, ...]]] = {
    "pay": (
        "salary", "salaries", "compensation", "pay", "paid", "wages?", "bonus(?:es)?",
        "raises?", "get a raise", "stock options", "equity", "money", "rate", "overtime pay",
        "remuneration", "commission", "package",
    ),
    "benefits": (
        "benefits", "health insurance", "insurance", "dental", "pension", "401k",
        "401\\(k\\)", "perks", "parental leave", "maternity leave", "paternity leave",
        "gym", "training budget", "company car",
    ),
    "vacation": (
        "vacation", "holidays?", "holiday allowance", "pto", "paid time off", "time off",
        "days off", "annual leave", "sick days", "sick leave", "leave",
    ),
    "commute": (
        "commute", "commuting", "parking", "travel(?:ling|ing)? to (?:the )?(?:office|work)",
        "drive", "train", "relocat(?:e|ion)", "remote(?:ly)?", "work from home",
        "working from home", "wfh", "hybrid", "office days?", "in the office",
    ),
    "schedule": (
        "schedule", "hours", "start time", "overtime", "shifts?", "weekends?", "on call",
        "on-call", "flexible working", "flexible hours", "part-time", "part time",
        "four-day week", "evenings?", "early mornings?",
    ),
    "doubts": (
        "doubts?", "worr(?:y|ied|ies)", "concern(?:ed|s)?", "not sure", "unsure", "afraid",
        "turnover", "layoffs?", "red flags?", "burn(?:out|ed out)", "culture", "toxic",
        "growth", "career path", "stability", "why did the last", "manager seemed",
    ),
}  # fmt: skip

_LEXICONS: Final = MappingProxyType(
    {topic: Lexicon.of(phrases) for topic, phrases in _TOPIC_PHRASES.items()}
)


@dataclass(frozen=True, slots=True)
class ConcernDraft:
    """A concern to park: what it is about, the candidate's note, and when it came up."""

    topic: Topic
    text: str
    stage: Stage = Stage.INTERVIEW
    interviewer: InterviewerId | None = None


@dataclass(frozen=True, slots=True)
class ParkedConcern:
    """A stored concern; ``resolved_at`` is set once it has been dealt with (UTC)."""

    id: int
    topic: Topic
    text: str
    stage: Stage
    interviewer: InterviewerId | None
    created_at: datetime
    resolved_at: datetime | None

    @property
    def resolved(self) -> bool:
        return self.resolved_at is not None


def parse_topic(value: str) -> Topic:
    """``value`` as a topic; raises ``InputError`` naming the topics otherwise."""
    wanted = value.strip().lower()
    for topic in TOPICS:
        if topic == wanted:
            return topic
    raise InputError(f"unknown topic '{value}' (known: {', '.join(TOPICS)})")


def classify_concern(text: str) -> Topic:
    """The topic a concern is about: the one whose phrases match most often.

    Ties go to the topic listed first in :data:`TOPICS`; a question about the candidate's pay
    (:func:`~greenroom.domain.loop.pay_question`) counts for ``pay``; no match gives ``other``.
    """
    counts = {topic: len(lexicon.find(text)) for topic, lexicon in _LEXICONS.items()}
    if pay_question(text):
        counts["pay"] += 1
    best = max(TOPICS[:-1], key=lambda topic: counts[topic])
    return best if counts[best] > 0 else "other"


def park(
    text: str,
    *,
    topic: Topic | None = None,
    stage: int | Stage = Stage.INTERVIEW,
    interviewer: str | None = None,
) -> ConcernDraft:
    """A concern ready to store; the topic is classified from the text when not given.

    The text is stripped and must be non-empty and at most :data:`MAX_CONCERN_CHARS` long;
    ``stage`` must be 1-3 and ``interviewer`` a known interviewer type id (else ``InputError``
    or ``NotFoundError``).
    """
    note = text.strip()
    if not note:
        raise InputError("a parked concern needs its text")
    if len(note) > MAX_CONCERN_CHARS:
        raise InputError(f"a parked concern has at most {MAX_CONCERN_CHARS} characters")
    try:
        when = Stage(int(stage))
    except ValueError as exc:
        raise InputError("stage must be 1 (screening), 2 (interview rounds) or 3 (offer)") from exc
    who = interviewer_type(interviewer).id if interviewer else None
    return ConcernDraft(topic or classify_concern(note), note, when, who)


def timing_message(
    stage: int | Stage, interviewer: InterviewerId | None = None, *, asked_about_pay: bool = False
) -> str | None:
    """The timing rule when raising a parked topic now would be too early, else None.

    Raising is fine at the offer stage (3), or when a recruiter has asked about pay.
    """
    when = Stage(int(stage))
    if when == Stage.OFFER:
        return None
    if interviewer is not None and may_raise_terms(
        when, interviewer, asked_about_pay=asked_about_pay
    ):
        return None
    return TIMING_RULE

"""The stages of a hiring loop and the rule for when a candidate may talk terms.

Before an offer the candidate's job is to win one: be the side that pursues, and leave pay,
benefits, time off, the commute and any doubts until the employer has said yes. The one
exception is a recruiter who asks about salary; they need a number to check the fit, and a
researched range answers them without closing any doors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from greenroom.domain.models import InterviewerId, Stage
from greenroom.errors import InputError

__all__ = [
    "PARKED_TOPICS",
    "RECRUITER_IDS",
    "STAGES",
    "TIMING_RULE",
    "StageInfo",
    "may_raise_terms",
    "parse_stage",
    "pay_question",
    "stage_info",
]

PARKED_TOPICS: tuple[str, ...] = ("pay", "benefits", "vacation", "commute", "schedule", "doubts")

RECRUITER_IDS: tuple[InterviewerId, ...] = ("external-recruiter", "internal-recruiter")

TIMING_RULE: str = (
    "Until there is an offer, the interview is about one thing: getting the employer to want "
    "you. Pay, benefits, vacation, the commute, the schedule and any doubts you have about the "
    "job are all real questions, but raising them early turns you from the one pursuing into "
    "the one being persuaded, and gives the other side a reason to hesitate. Keep them for the "
    "offer stage, when the employer has decided and you have room to ask and to negotiate. "
    "There is one exception: when a recruiter, from an agency or from the company's own HR, "
    "asks what you expect to earn, answer with a range you have researched for the role and "
    "the market. They ask to check the fit, and a sensible range keeps you in the running "
    "without fixing the number too early."
)

_STAGE_ERROR = "stage must be 1 (screening), 2 (interview rounds) or 3 (offer)"


@dataclass(frozen=True, slots=True)
class StageInfo:
    """One stage of the hiring loop: what it is for and what the candidate should do in it."""

    stage: Stage
    name: str
    goal: str
    what_to_do: tuple[str, ...]


STAGES: tuple[StageInfo, ...] = (
    StageInfo(
        stage=Stage.SCREENING,
        name="Screening",
        goal=(
            "Get through to the interview rounds by showing you meet the requirements and "
            "carry no deal-breakers."
        ),
        what_to_do=(
            "Tie your experience to each stated requirement of the posting, briefly.",
            "Answer facts (dates, location, availability, notice) directly and consistently.",
            "Give a short, positive reason for each gap and each move.",
            "If a recruiter asks about salary, give a researched range.",
            "Say clearly that you are interested and ask what the next step is.",
        ),
    ),
    StageInfo(
        stage=Stage.INTERVIEW,
        name="Interview rounds",
        goal=(
            "Earn the offer: make each interviewer want you, and leave no doubt that you "
            "will perform, fit in and stay."
        ),
        what_to_do=(
            "Back every claim with a real example that ends in a result.",
            "Adjust to who is across the table: their agenda, worries and answer length.",
            "Speak well of past employers and colleagues, always.",
            "Ask each interviewer questions that suit their role.",
            "Keep pay, benefits, time off, the commute and doubts for after an offer.",
        ),
    ),
    StageInfo(
        stage=Stage.OFFER,
        name="Offer",
        goal=(
            "Decide whether the job is right and settle the terms, now that the employer has "
            "said yes."
        ),
        what_to_do=(
            "Thank them and ask for the offer in writing before answering.",
            "Raise the topics you parked: pay, benefits, vacation, schedule and commute.",
            "Ask the questions behind any doubts you held back.",
            "Negotiate on facts: your research, the role's scope and what you bring.",
        ),
    ),
)


def parse_stage(value: int | str) -> Stage:
    """The stage named by ``value``: 1-3, their digits as text, or a stage name.

    Names are case-insensitive: ``screening``, ``interview`` (or ``interview rounds``) and
    ``offer``. Anything else raises ``InputError``.
    """
    if isinstance(value, bool):
        raise InputError(_STAGE_ERROR)
    if isinstance(value, int):
        try:
            return Stage(value)
        except ValueError:
            raise InputError(_STAGE_ERROR) from None
    text = " ".join(value.strip().lower().replace("_", " ").replace("-", " ").split())
    if text.isdigit():
        return parse_stage(int(text))
    by_name = {
        "screening": Stage.SCREENING,
        "screen": Stage.SCREENING,
        "interview": Stage.INTERVIEW,
        "interviews": Stage.INTERVIEW,
        "interview rounds": Stage.INTERVIEW,
        "offer": Stage.OFFER,
    }
    if text in by_name:
        return by_name[text]
    raise InputError(_STAGE_ERROR)


def stage_info(stage: int | Stage) -> StageInfo:
    """What the given stage is for; raises ``InputError`` for anything but 1, 2 or 3."""
    wanted = parse_stage(stage)
    for info in STAGES:
        if info.stage == wanted:
            return info
    raise InputError(_STAGE_ERROR)  # pragma: no cover - STAGES covers every Stage


def may_raise_terms(stage: Stage, interviewer: InterviewerId, *, asked_about_pay: bool) -> bool:
    """Whether the candidate may talk pay and other parked topics in this situation.

    True at the offer stage, or when a recruiter (external or internal) has asked about pay;
    False otherwise.
    """
    if stage == Stage.OFFER:
        return True
    return asked_about_pay and interviewer in RECRUITER_IDS


# Words that follow "pay"/"paid" when they mean something other than the candidate's pay:
# "pay-per-click", "pay attention", "paid off", "paid search", ...
_NOT_PAY = (
    r"(?![-\s]+(?:per|(?:special\s+|careful\s+|close\s+|particular\s+|more\s+)?attention"
    r"|off|back|down|out|for\s+itself|it\s+forward|dividends|on\s+time|invoices?|bills?"
    r"|the\s+price|search|social|media|ads?|advertising|campaigns?|channels?|traffic"
    r"|acquisition|marketing|subscribers?|users?|customers?|tiers?|plans?)\b)"
)

_PAY_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\bsalar(?:y|ies)\b",
        r"\bcompensation\b",
        r"\bremuneration\b",
        r"\bwages?\b",
        # "pay" as a word, not "payroll", "payment" or "pay-per-click".
        r"(?<![-\w])pay\b" + _NOT_PAY,
        r"\b(?:were|are|get|getting|being|been|be)\s+(?:you\s+)?paid\b" + _NOT_PAY,
        # "What are your expectations for comp?", "your package expectations"
        r"\b(?:comp|money|package|financial)\s+expectations?\b",
        r"\bexpectations?\b[^.?!]{0,40}?\b(?:comp|money|package)\b",
        # "How much are you looking for?", "How much would you like to earn?"
        r"\bhow\s+much\s+(?:money\s+)?(?:do|did|would|are|were|will|should)\s+you\s+"
        r"(?:currently\s+|now\s+|be\s+)?(?:(?:hope|want|need|expect|like|looking|hoping)\s+to\s+)?"
        r"(?:earn|earning|make|making|charge|charging|get\s+paid|be\s+paid|bring\s+home"
        r"|looking\s+for|hoping\s+for|asking\s+for|ask\s+for)\b",
        # "What do you currently earn?", "What would you hope to earn?"
        r"\bwhat\s+(?:do|did|would|are|were)\s+you\s+(?:currently\s+|now\s+)?"
        r"(?:(?:hope|want|need|expect|like)\s+to\s+)?(?:earn|earning)\b",
        # "What kind of money are you looking for?"
        r"\bwhat\s+(?:kind|sort)\s+of\s+(?:money|package)\b",
        # "What is your hourly rate?", "your rate", "rate of pay"; not "success rate".
        r"\b(?:your\s+(?:current\s+|usual\s+|normal\s+)?|(?:hourly|daily|day|weekly|billing"
        r"|bill|contract|consulting|going|pay|expected|desired)\s+)rates?\b(?!\s+of\s+(?!pay\b))",
        r"\brates?\s+of\s+pay\b",
    )
)


def pay_question(question: str) -> bool:
    """Whether a question asks about the candidate's pay, salary or compensation expectations.

    A case-insensitive match on phrases such as "salary", "compensation", "pay", "how much are
    you looking for" and "your hourly rate". Uses of the same words that are not about the
    candidate's pay are left out: "pay-per-click", "pay attention", "paid off", "paid search",
    "payroll", "success rate". Questions about designing someone else's salary bands still
    count; that errs towards letting the candidate speak about pay. Empty text gives False.
    """
    return any(pattern.search(question) for pattern in _PAY_PATTERNS)

"""Frozen records shared by every layer. This module imports nothing from the project."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from typing import Literal

CriterionId = Literal[
    "qualified", "performs", "pleasant", "team_player", "dependable", "stays", "enthusiasm"
]
CRITERION_IDS: tuple[CriterionId, ...] = (
    "qualified",
    "performs",
    "pleasant",
    "team_player",
    "dependable",
    "stays",
    "enthusiasm",
)

InterviewerId = Literal[
    "external-recruiter",
    "internal-recruiter",
    "hiring-manager",
    "hiring-managers-boss",
    "direct-report",
    "peer",
]
INTERVIEWER_IDS: tuple[InterviewerId, ...] = (
    "external-recruiter",
    "internal-recruiter",
    "hiring-manager",
    "hiring-managers-boss",
    "direct-report",
    "peer",
)

QuestionKind = Literal[
    "behavioural", "motivation", "situational", "screening", "technical-general", "closing"
]
QUESTION_KINDS: tuple[QuestionKind, ...] = (
    "behavioural",
    "motivation",
    "situational",
    "screening",
    "technical-general",
    "closing",
)

Seniority = Literal["any", "people-manager"]

FlagId = Literal[
    "off_topic",
    "no_example",
    "vague",
    "lacks_result",
    "negative_about_others",
    "blame_shifting",
    "cliche",
    "arrogance",
    "oversharing",
    "premature_terms",
    "self_centered_motivation",
    "no_interest",
    "low_commitment",
    "unprepared",
    "evasive",
    "too_short",
    "too_long",
    "filler_heavy",
    "hedging",
]
FLAG_IDS: tuple[FlagId, ...] = (
    "off_topic",
    "no_example",
    "vague",
    "lacks_result",
    "negative_about_others",
    "blame_shifting",
    "cliche",
    "arrogance",
    "oversharing",
    "premature_terms",
    "self_centered_motivation",
    "no_interest",
    "low_commitment",
    "unprepared",
    "evasive",
    "too_short",
    "too_long",
    "filler_heavy",
    "hedging",
)

Severity = Literal["low", "medium", "high"]
Verdict = Literal["advance", "lean_advance", "lean_no", "no"]
VERDICTS: tuple[Verdict, ...] = ("advance", "lean_advance", "lean_no", "no")
Speaker = Literal["interviewer", "candidate"]


class Stage(IntEnum):
    """Where the candidate stands in the hiring process."""

    SCREENING = 1
    INTERVIEW = 2
    OFFER = 3


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span quoted from the answer: ``text == answer[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Signal:
    """One measured property of an answer, with the spans that show it."""

    id: str
    value: float
    unit: str
    detail: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Flag:
    """A problem an interviewer would notice, with the rule that raised it."""

    id: FlagId
    severity: Severity
    explanation: str
    rule: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class CriterionScore:
    """How well an answer shows one employer criterion (0-100), and why."""

    id: CriterionId
    score: int
    rule: str
    tip: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Reason:
    """One of the 1-3 things that decided a verdict."""

    text: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Judgement:
    """An interviewer's judgement of one answer."""

    interviewer: InterviewerId
    stage: Stage
    question: str
    answer: str
    overall: int
    verdict: Verdict
    criteria: tuple[CriterionScore, ...]
    flags: tuple[Flag, ...]
    reasons: tuple[Reason, ...]
    flip: tuple[str, ...]
    tips: tuple[str, ...]
    signals: tuple[Signal, ...]


@dataclass(frozen=True, slots=True)
class Question:
    """A question an interviewer may ask, with what it really probes."""

    id: str
    text: str
    interviewers: tuple[InterviewerId, ...]
    criteria: tuple[CriterionId, ...]
    kind: QuestionKind
    seniority: Seniority
    really_asking: str
    follow_ups: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CandidateQuestion:
    """A question the candidate can ask an interviewer."""

    id: str
    text: str
    interviewers: tuple[InterviewerId, ...]
    purpose: str
    earliest_stage: Stage = Stage.SCREENING


@dataclass(frozen=True, slots=True)
class QuestionBank:
    questions: tuple[Question, ...]
    candidate_questions: tuple[CandidateQuestion, ...]


@dataclass(frozen=True, slots=True)
class Turn:
    speaker: Speaker
    text: str
    name: str = ""
    time_s: float | None = None


@dataclass(frozen=True, slots=True)
class Transcript:
    turns: tuple[Turn, ...]


@dataclass(frozen=True, slots=True)
class Exchange:
    """A question and the candidate's answer to it, taken from a transcript."""

    question: str
    answer: str
    kind: QuestionKind | None = None  # known when the question came from the bank


@dataclass(frozen=True, slots=True)
class InterviewJudgement:
    """An interviewer's judgement of a whole interview."""

    interviewer: InterviewerId
    stage: Stage
    overall: int
    verdict: Verdict
    answers: tuple[Judgement, ...]
    reasons: tuple[Reason, ...] = ()
    flip: tuple[str, ...] = ()
    tips: tuple[str, ...] = ()
    signals: tuple[Signal, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class JobProfile:
    """What a job posting asks for, as the plan and the judging use it."""

    title: str
    seniority: Literal["entry", "mid", "senior", "lead", "unknown"]
    manages_people: bool
    must_have: tuple[str, ...]
    nice_to_have: tuple[str, ...]
    responsibilities: tuple[str, ...]
    skills: tuple[str, ...]
    logistics: tuple[str, ...]  # location, schedule, travel, licences the screener will check
    partial: bool = False  # True when the posting was too thin or odd to read fully
    notes: tuple[str, ...] = ()  # why the result is partial, one line each

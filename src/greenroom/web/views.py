"""What the HTML pages show, built from the services: the rehearsal's next question, the
follow-up for a stored judgement, and a loop's summary. No HTTP here; the page handlers call
one of these and render the result.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from greenroom.domain.consistency import Inconsistency, Said, check_consistency
from greenroom.domain.interview import judge_interview
from greenroom.domain.interviewers import InterviewerType
from greenroom.domain.interviewers import interviewer as interviewer_info
from greenroom.domain.models import (
    CriterionScore,
    Evidence,
    Exchange,
    Flag,
    InterviewJudgement,
    JobProfile,
    Judgement,
    Question,
    QuestionBank,
    Reason,
    Signal,
    Stage,
)
from greenroom.domain.outlook import OfferOutlook, roll_up_loop
from greenroom.domain.plan import Plan, make_plan
from greenroom.domain.ports import Embedder
from greenroom.domain.postings import parse_posting
from greenroom.domain.questions import question_by_id, sample_questions
from greenroom.domain.rehearsal import FollowUp, follow_up_for
from greenroom.domain.sessions import Attempt, PracticeSession
from greenroom.errors import NotFoundError

__all__ = [
    "QUESTIONS_PER_INTERVIEWER",
    "SINGLE_QUESTIONS",
    "LoopSummary",
    "NextQuestion",
    "follow_up",
    "judgement_from_dict",
    "loop_summary",
    "next_question",
    "rehearsal_questions",
    "session_plan",
]

QUESTIONS_PER_INTERVIEWER = 2  # brief questions rehearsed per interviewer of a loop
SINGLE_QUESTIONS = 6  # bank questions rehearsed in a single-interviewer session

NO_POSTING = JobProfile("", "unknown", False, (), (), (), (), ())


@dataclass(frozen=True, slots=True)
class NextQuestion:
    """One question of a rehearsal, with who asks it and where it sits in the session."""

    who: InterviewerType
    stage: int
    question_id: str
    text: str
    why: str
    number: int  # 1-based position in the session
    total: int


def session_plan(session: PracticeSession, bank: QuestionBank) -> Plan:
    """The plan for the session's posting (a generic loop when it has none)."""
    profile = parse_posting(session.job) if session.job else NO_POSTING
    return make_plan(profile, bank)


def rehearsal_questions(session: PracticeSession, bank: QuestionBank) -> list[NextQuestion]:
    """Every question of the session in order: a loop takes a few brief questions from each
    interviewer of the plan; a single session samples the bank with the session id as seed."""
    items: list[tuple[InterviewerType, int, str, str, str]] = []
    if session.kind == "loop":
        for brief in session_plan(session, bank).loop:
            who = interviewer_info(brief.interviewer)
            for q in brief.likely_questions[:QUESTIONS_PER_INTERVIEWER]:
                items.append((who, int(brief.stage), q.question_id, q.text, q.why))
    elif session.interviewer is not None:
        who = interviewer_info(session.interviewer)
        manager = bool(session.job) and session_plan(session, bank).profile.manages_people
        picked = sample_questions(
            bank, who.id, SINGLE_QUESTIONS, seed=session.id, people_manager=manager
        )
        items = [(who, session.stage, q.id, q.text, q.really_asking) for q in picked]
    total = len(items)
    return [
        NextQuestion(who, stage, qid, text, why, n, total)
        for n, (who, stage, qid, text, why) in enumerate(items, start=1)
    ]


def next_question(
    session: PracticeSession, attempts: Sequence[Attempt], bank: QuestionBank
) -> NextQuestion | None:
    """The first question of the session not answered yet; ``None`` when all are answered."""
    answered = {(a.interviewer, a.question_id) for a in attempts}
    return next(
        (
            q
            for q in rehearsal_questions(session, bank)
            if (q.who.id, q.question_id) not in answered
        ),
        None,
    )


def _evidence(items: Any) -> tuple[Evidence, ...]:
    return tuple(Evidence(int(e["start"]), int(e["end"]), str(e["text"])) for e in items or () if e)


def judgement_from_dict(data: Mapping[str, Any], answer: str) -> Judgement:
    """A stored judgement JSON object back as a record (the JSON leaves out the answer)."""
    return Judgement(
        interviewer=data["interviewer"],
        stage=Stage(int(data["stage"])),
        question=data["question"],
        answer=answer,
        overall=int(data["overall"]),
        verdict=data["verdict"],
        criteria=tuple(
            CriterionScore(c["id"], int(c["score"]), c["rule"], c["tip"], _evidence(c["evidence"]))
            for c in data.get("criteria", ())
        ),
        flags=tuple(
            Flag(f["id"], f["severity"], f["explanation"], f["rule"], _evidence(f["evidence"]))
            for f in data.get("flags", ())
        ),
        reasons=tuple(Reason(r["text"], _evidence(r["evidence"])) for r in data.get("reasons", ())),
        flip=tuple(data.get("flip", ())),
        tips=tuple(data.get("tips", ())),
        signals=tuple(
            Signal(s["id"], float(s["value"]), s["unit"], s["detail"], _evidence(s["evidence"]))
            for s in data.get("signals", ())
        ),
    )


def _bank_question(bank: QuestionBank, question_id: str | None) -> Question | None:
    if question_id is None:
        return None
    try:
        return question_by_id(bank, question_id)
    except NotFoundError:
        return None


def follow_up(attempt: Attempt, bank: QuestionBank) -> FollowUp | None:
    """The probe a real interviewer would ask after this attempt, when it left a gap."""
    if attempt.judgement is None:
        return None
    j = judgement_from_dict(attempt.judgement, attempt.answer)
    return follow_up_for(j, _bank_question(bank, attempt.question_id))


@dataclass(frozen=True, slots=True)
class LoopSummary:
    """Each interviewer's verdict over their answers, the offer outlook and the warnings."""

    interviews: tuple[InterviewJudgement, ...]
    outlook: OfferOutlook | None
    warnings: tuple[Inconsistency, ...]


def _latest_per_question(attempts: Sequence[Attempt]) -> list[Attempt]:
    """The latest attempt at each question (a retry replaces what it retried), in order."""
    latest: dict[tuple[str, str], Attempt] = {}
    for a in attempts:  # oldest first
        latest[(a.interviewer, a.question_id or a.question)] = a
    return sorted(latest.values(), key=lambda a: a.id)


def loop_summary(
    session: PracticeSession,
    attempts: Sequence[Attempt],
    bank: QuestionBank,
    embedder: Embedder,
) -> LoopSummary:
    """Judge each interviewer's interview, roll the loop up and check it for consistency."""
    kept = _latest_per_question(attempts)
    order: list[str] = []
    for a in kept:
        if a.interviewer not in order:
            order.append(a.interviewer)
    interviews: list[InterviewJudgement] = []
    for who in order:
        mine = [a for a in kept if a.interviewer == who]
        exchanges = []
        for a in mine:
            q = _bank_question(bank, a.question_id)
            exchanges.append(Exchange(a.question, a.answer, q.kind if q is not None else None))
        interviews.append(
            judge_interview(
                exchanges,
                interviewer=who,
                stage=mine[-1].stage,
                job=session.job,
                embedder=embedder,
            )
        )
    outlook = roll_up_loop(interviews) if interviews else None
    said = [Said(a.interviewer, a.question, a.answer) for a in kept]
    warnings = check_consistency(said, embedder=embedder) if said else ()
    return LoopSummary(tuple(interviews), outlook, warnings)

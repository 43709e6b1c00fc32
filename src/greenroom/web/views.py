"""What the HTML pages show, built from the services: the rehearsal's next question, the
follow-up for a stored judgement, and a loop's summary. No HTTP here; the page handlers call
one of these and render the result.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from greenroom.domain import thresholds as th
from greenroom.domain.consistency import Inconsistency, Said, check_consistency
from greenroom.domain.delivery import expected_seconds
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
from greenroom.text.fillers import fillers

__all__ = [
    "QUESTIONS_PER_INTERVIEWER",
    "SINGLE_QUESTIONS",
    "DeliveryView",
    "LoopSummary",
    "NextQuestion",
    "delivery_view",
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


# --- delivery of a recorded answer --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DeliveryRow:
    """One line of the delivery table: a measurement, its threshold and whether it is in range
    (``None`` for a measurement shown for information only)."""

    name: str
    value: str
    unit: str
    threshold: str
    in_range: bool | None
    section: str  # the docs/judging.md or docs/metrics.md section that explains it


@dataclass(frozen=True, slots=True)
class TimelineMark:
    """Something on the answer's timeline, placed in percent of its length."""

    kind: str  # "speech", "pause", "long-pause" or "filler"
    start_s: float
    end_s: float
    left: float
    width: float
    text: str


@dataclass(frozen=True, slots=True)
class TranscriptItem:
    """A word of the transcript (``filler`` marks a filler word) or a long pause after it."""

    text: str
    start_s: float
    pause_s: float | None = None
    filler: bool = False


@dataclass(frozen=True, slots=True)
class DeliveryView:
    """What the feedback page shows about how an answer was said."""

    rows: tuple[DeliveryRow, ...]
    length_s: float
    marks: tuple[TimelineMark, ...]
    transcript: tuple[TranscriptItem, ...]
    long_pauses: int
    fillers: int

    @property
    def summary(self) -> str:
        """One sentence describing the timeline for screen readers."""
        pauses = "1 long pause" if self.long_pauses == 1 else f"{self.long_pauses} long pauses"
        fillers = "1 filler" if self.fillers == 1 else f"{self.fillers} fillers"
        return f"Timeline of the answer: {self.length_s:.1f} s, {pauses}, {fillers}."


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _pairs(items: Any) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for item in items if isinstance(items, list) else ():
        if isinstance(item, list) and len(item) >= 2:
            a, b = _number(item[0]), _number(item[1])
            if a is not None and b is not None and b >= a:
                out.append((a, b))
    return out


def _timed_words(items: Any) -> list[tuple[str, float, float]]:
    out: list[tuple[str, float, float]] = []
    for item in items if isinstance(items, list) else ():
        if isinstance(item, list) and len(item) >= 3 and isinstance(item[0], str):
            a, b = _number(item[1]), _number(item[2])
            if a is not None and b is not None:
                out.append((item[0], a, b))
    return out


def _filler_words(words: Sequence[tuple[str, float, float]]) -> list[list[int]]:
    """For each filler, the indexes of its words, by the rules the judgement counts them with."""
    starts: list[int] = []
    at = 0
    for text, _, _ in words:
        starts.append(at)
        at += len(text) + 1
    return [
        [i for i, s in enumerate(starts) if s < span.end and s + len(words[i][0]) > span.start]
        for span in fillers(" ".join(text for text, _, _ in words)).evidence
    ]


def _rows(d: Mapping[str, Any], who: InterviewerType, words: int) -> list[DeliveryRow]:
    rows: list[DeliveryRow] = []
    wpm = _number(d.get("words_per_minute"))
    duration = _number(d.get("duration_s")) or 0.0
    pauses = _pairs(d.get("pauses"))
    long = [b - a for a, b in pauses if b - a > th.LONG_PAUSE.value]
    if wpm is not None:
        talking = duration - sum(long)
        judged = wpm * duration / talking if talking > 0 and wpm > 0 else 0.0
        rows.append(
            DeliveryRow(
                "Pace (long pauses left out)",
                f"{judged:.0f}",
                "words per minute",
                f"{th.PACE_SLOW.value:.0f}–{th.PACE_FAST.value:.0f}",
                th.PACE_SLOW.value <= judged <= th.PACE_FAST.value if judged else None,
                "pace",
            )
        )
        rows.append(DeliveryRow("Words per minute", f"{wpm:.0f}", "wpm", "—", None, "pace"))
    art = _number(d.get("articulation_rate_wpm"))
    if art is not None:
        rows.append(DeliveryRow("Articulation rate", f"{art:.0f}", "wpm", "—", None, "pace"))
    count = _number(d.get("filler_count"))
    per100 = _number(d.get("fillers_per_100_words"))
    if count is not None and per100 is not None:
        rows.append(
            DeliveryRow(
                "Fillers",
                f"{count:.0f} ({per100:.1f} per 100 words)",
                "per 100 words",
                f"below {th.FILLER_HEAVY.value:.0f}",
                per100 < th.FILLER_HEAVY.value or count < 3,
                "fillers",
            )
        )
    rows.append(
        DeliveryRow(
            f"Pauses over {th.LONG_PAUSE.value:.0f} s",
            str(len(long)),
            "pauses",
            "none",
            not long,
            "pauses",
        )
    )
    longest = max((b - a for a, b in pauses), default=0.0)
    rows.append(
        DeliveryRow(
            "Longest pause",
            f"{longest:.1f}",
            "s",
            f"at most {th.LONG_PAUSE.value:.0f} s",
            longest <= th.LONG_PAUSE.value,
            "pauses",
        )
    )
    share = _number(d.get("silence_share"))
    if share is not None:
        rows.append(DeliveryRow("Silence", f"{share:.0%}", "of the answer", "—", None, "pauses"))
    pitch = _number(d.get("pitch_variation_st"))
    rows.append(
        DeliveryRow(
            "Pitch variation",
            "not measured" if pitch is None else f"{pitch:.1f}",
            "semitones",
            f"at least {th.MONOTONE_ST.value:.1f} (lively from {th.LIVELY_ST.value:.1f})",
            None if pitch is None else pitch >= th.MONOTONE_ST.value,
            "pitch",
        )
    )
    level, spread = _number(d.get("loudness_db")), _number(d.get("loudness_sd_db"))
    if level is not None and spread is not None:
        rows.append(
            DeliveryRow("Loudness", f"{level:.0f} ± {spread:.0f}", "dBFS", "—", None, "loudness")
        )
    low, high = expected_seconds(who)
    rows.append(
        DeliveryRow(
            "Speaking time",
            f"{duration:.0f}",
            "s",
            f"{low:.0f}–{high:.0f} s for the {who.name.lower()} ({words} words spoken); "
            f"over {high * th.TOO_LONG_FACTOR.value:.0f} s costs points",
            low <= duration <= high if duration else None,
            "answer duration",
        )
    )
    return rows


def _percent(t: float, length: float) -> float:
    return round(max(0.0, min(100.0, t / length * 100.0)), 2)


def delivery_view(attempt: Attempt) -> DeliveryView | None:
    """The delivery table and the answer's timeline for a recorded attempt; ``None`` when the
    stored judgement has no ``delivery`` (a typed answer, or one not judged yet)."""
    j = attempt.judgement
    d = j.get("delivery") if j is not None else None
    if not isinstance(d, dict):
        return None
    try:
        who = interviewer_info(attempt.interviewer)
    except NotFoundError:
        return None
    words = _timed_words(j.get("words") if j is not None else None)
    pauses = _pairs(d.get("pauses"))
    speech = _pairs(j.get("speech") if j is not None else None)
    ends = [e for _, _, e in words] + [b for _, b in pauses] + [b for _, b in speech]
    length = max(ends, default=0.0)
    filler_spans = [f for f in _filler_words(words) if f]
    filler_idx = {i for f in filler_spans for i in f}
    marks: list[TimelineMark] = []
    if length > 0:
        for a, b in speech:
            marks.append(
                TimelineMark("speech", a, b, _percent(a, length), _percent(b - a, length), "")
            )
        for a, b in pauses:
            kind = "long-pause" if b - a > th.LONG_PAUSE.value else "pause"
            left, width = _percent(a, length), _percent(b - a, length)
            marks.append(TimelineMark(kind, a, b, left, width, f"pause {b - a:.1f} s"))
        for f in filler_spans:
            text = " ".join(words[i][0] for i in f)
            a, b = words[f[0]][1], words[f[-1]][2]
            marks.append(TimelineMark("filler", a, b, _percent(a, length), 0.0, text))
    items: list[TranscriptItem] = []
    long = [(a, b) for a, b in pauses if b - a > th.LONG_PAUSE.value]
    for i, (text, a, _) in enumerate(words):
        items.append(TranscriptItem(text, a, filler=i in filler_idx))
        after = words[i + 1][1] if i + 1 < len(words) else float("inf")
        for pa, pb in long:
            if a < (pa + pb) / 2 <= after:
                items.append(TranscriptItem(f"[pause {pb - pa:.1f} s]", pa, pause_s=pb - pa))
    return DeliveryView(
        tuple(_rows(d, who, len(words))),
        length,
        tuple(marks),
        tuple(items),
        len(long),
        len(filler_spans),
    )

"""Practice with history: every answer is committed before it is judged.

``submit_answer`` checks that the answer can be judged at all (so junk is refused and nothing is
stored), commits it, and only then judges it and attaches the judgement. A crash while judging
leaves the attempt stored without a judgement; ``rejudge_pending`` judges those at the next start.
Talks only to the ports.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace

from greenroom.contract import judgement_to_dict, spoken_judgement_to_dict
from greenroom.domain.delivery import spoken_delivery
from greenroom.domain.interviewers import interviewer as interviewer_info
from greenroom.domain.judging import NO_SPEECH, judge_answer
from greenroom.domain.loop import parse_stage
from greenroom.domain.ports import Embedder, SessionStore
from greenroom.domain.sessions import (
    Attempt,
    AttemptDraft,
    PracticeSession,
    SessionDraft,
    SessionKind,
)
from greenroom.errors import GreenroomError, InputError
from greenroom.speech.asr import TimedTranscript
from greenroom.speech.delivery import Delivery
from greenroom.text.language import check_answer_text

__all__ = [
    "SessionSummary",
    "find_attempt",
    "history",
    "judge_attempt",
    "rejudge_pending",
    "start_session",
    "submit_answer",
    "submit_spoken_answer",
]

MAX_JOB_CHARS = 200_000


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """A session as history lists it: how many answers it holds and the latest overall score."""

    session: PracticeSession
    attempts: int
    last_overall: int | None


log = logging.getLogger(__name__)


def _check_draft(draft: AttemptDraft, *, max_words: int) -> None:
    """Refuse what ``judge_answer`` would refuse, before anything is stored."""
    interviewer_info(draft.interviewer)
    parse_stage(draft.stage)
    if not draft.question.strip():
        raise InputError("the question is empty")
    check = check_answer_text(draft.answer, max_words=max_words)
    if not check.ok:
        raise InputError(check.problem)


def judge_attempt(
    store: SessionStore,
    embedder: Embedder,
    attempt: Attempt,
    *,
    job: str | None = None,
    max_words: int = 5000,
) -> Attempt:
    """Judge a stored attempt and save the judgement JSON with it; returns the updated attempt."""
    judgement = judge_answer(
        attempt.question,
        attempt.answer,
        interviewer=attempt.interviewer,
        stage=attempt.stage,
        job=job,
        embedder=embedder,
        max_words=max_words,
    )
    return store.save_judgement(attempt.id, judgement_to_dict(judgement))


def submit_answer(
    store: SessionStore,
    embedder: Embedder,
    draft: AttemptDraft,
    *,
    job: str | None = None,
    max_words: int = 5000,
) -> Attempt:
    """Validate, commit, then judge one answer; returns the attempt with its judgement.

    Without ``job`` the session's posting (if any) is used. Unknown interviewers, sessions and
    retried attempts raise ``NotFoundError`` and unjudgeable input raises ``InputError`` before
    anything is stored. Once the attempt is committed, a failure while judging propagates but the
    attempt stays stored, unjudged, for :func:`rejudge_pending`.
    """
    _check_draft(draft, max_words=max_words)
    session = store.get_session(draft.session_id)
    if draft.retry_of is not None:
        find_attempt(store, draft.retry_of)
    attempt = store.add_attempt(draft)
    job_text = job if job is not None else session.job
    return judge_attempt(store, embedder, attempt, job=job_text, max_words=max_words)


def submit_spoken_answer(
    store: SessionStore,
    embedder: Embedder,
    draft: AttemptDraft,
    *,
    transcript: TimedTranscript,
    delivery: Delivery,
    job: str | None = None,
    max_words: int = 5000,
) -> Attempt:
    """Validate, commit, then judge a recorded answer on its words and its delivery.

    The stored answer is the transcript's timed words joined by single spaces (``draft.answer``
    is replaced); ``draft.recording_id`` links the attempt to its recording. No words raise
    ``InputError("no speech was heard in the recording")`` before anything is stored. The
    judgement JSON is :func:`~greenroom.contract.spoken_judgement_to_dict` with the timeline
    data (``words`` and ``speech``). Errors otherwise as for :func:`submit_answer`; an attempt
    whose judging failed is judged on its text alone by :func:`rejudge_pending`.
    """
    spoken = spoken_delivery(transcript.words, delivery)
    if not spoken.words:
        raise InputError(NO_SPEECH)
    draft = replace(draft, answer=spoken.text)
    _check_draft(draft, max_words=max_words)
    session = store.get_session(draft.session_id)
    if draft.retry_of is not None:
        find_attempt(store, draft.retry_of)
    attempt = store.add_attempt(draft)
    judgement = judge_answer(
        attempt.question,
        attempt.answer,
        interviewer=attempt.interviewer,
        stage=attempt.stage,
        job=job if job is not None else session.job,
        embedder=embedder,
        max_words=max_words,
        delivery=spoken,
    )
    data = spoken_judgement_to_dict(judgement, spoken.text, delivery.to_dict(), spoken.words)
    return store.save_judgement(attempt.id, data)


def rejudge_pending(store: SessionStore, embedder: Embedder, *, max_words: int = 5000) -> int:
    """Judge every stored attempt that has no judgement yet; returns how many were judged.

    The session's job posting is used when it has one. An attempt that cannot be judged (for
    example one stored under a larger word limit) is logged and left as it is.
    """
    judged = 0
    jobs: dict[int, str | None] = {}
    for attempt in store.unjudged_attempts():
        try:
            if attempt.session_id not in jobs:
                jobs[attempt.session_id] = store.get_session(attempt.session_id).job
            judge_attempt(
                store, embedder, attempt, job=jobs[attempt.session_id], max_words=max_words
            )
        except GreenroomError as exc:
            log.warning("attempt %d could not be judged: %s", attempt.id, exc)
            continue
        judged += 1
    return judged


def start_session(
    store: SessionStore,
    *,
    kind: SessionKind,
    title: str = "",
    interviewer: str | None = None,
    stage: int = 2,
    job: str | None = None,
) -> PracticeSession:
    """Create a practice session after checking the interviewer, stage and posting.

    A ``single`` session needs an interviewer; an empty title becomes a descriptive one.
    """
    stage_ = parse_stage(stage)
    if interviewer is not None:
        name = interviewer_info(interviewer).name
    elif kind == "single":
        raise InputError("a single-interviewer session needs an interviewer")
    else:
        name = ""
    if job is not None and not job.strip():
        job = None
    if job is not None and len(job) > MAX_JOB_CHARS:
        raise InputError(f"the posting has {len(job)} characters; the limit is {MAX_JOB_CHARS}")
    title = " ".join(title.split()) or (f"Practice with the {name}" if name else "Practice loop")
    draft = SessionDraft(
        kind=kind, title=title, interviewer=interviewer, stage=int(stage_), job=job
    )
    return store.create_session(draft)


def history(
    store: SessionStore, attempts: Sequence[Attempt] | None = None
) -> tuple[SessionSummary, ...]:
    """Every session, newest first, with its number of attempts and latest overall score.

    ``attempts`` may pass in ``store.list_attempts()`` when the caller already has it.
    """
    counts: dict[int, int] = {}
    last: dict[int, int] = {}
    found = store.list_attempts() if attempts is None else attempts
    for attempt in found:  # oldest first, so the last one seen is the latest
        counts[attempt.session_id] = counts.get(attempt.session_id, 0) + 1
        if attempt.judgement is not None and isinstance(attempt.judgement.get("overall"), int):
            last[attempt.session_id] = attempt.judgement["overall"]
    return tuple(
        SessionSummary(s, counts.get(s.id, 0), last.get(s.id)) for s in store.list_sessions()
    )


def find_attempt(store: SessionStore, attempt_id: int) -> Attempt:
    """The stored attempt with this id; raises ``NotFoundError`` when there is none."""
    return store.get_attempt(attempt_id)

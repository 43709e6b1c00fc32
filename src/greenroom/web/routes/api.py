"""The JSON API under ``/api/v1``: judge an answer, practise in sessions, list history, plan."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, status

from greenroom.contract import interviewer_to_dict, judgement_to_dict, question_to_dict
from greenroom.domain.interviewers import INTERVIEWERS
from greenroom.domain.judging import judge_answer
from greenroom.domain.plan import make_plan
from greenroom.domain.postings import parse_posting
from greenroom.domain.practice import find_attempt, history, start_session, submit_answer
from greenroom.domain.questions import filter_questions
from greenroom.domain.sessions import AttemptDraft
from greenroom.errors import InputError
from greenroom.reports.plan import plan_to_dict
from greenroom.web.deps import BankDep, EmbedderDep, SettingsDep, StoreDep
from greenroom.web.forms import (
    MAX_ID_CHARS,
    MAX_ROW_ID,
    AttemptRequest,
    JudgementRequest,
    PlanRequest,
    SessionRequest,
)
from greenroom.web.payloads import attempt_to_dict, session_to_dict, summary_to_dict

router = APIRouter(prefix="/api/v1", tags=["api"])

JSON = dict[str, Any]
SessionId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]
AttemptId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]
Filter = Annotated[str | None, Query(max_length=MAX_ID_CHARS)]


@router.post("/judgements", summary="Judge one answer (same JSON as `analyze --json`)")
def create_judgement(body: JudgementRequest, embedder: EmbedderDep, settings: SettingsDep) -> JSON:
    judgement = judge_answer(
        body.question,
        body.answer,
        interviewer=body.interviewer,
        stage=body.stage,
        job=body.job,
        embedder=embedder,
        max_words=settings.max_answer_words,
    )
    return judgement_to_dict(judgement)


@router.post("/sessions", status_code=status.HTTP_201_CREATED, summary="Start a session")
def create_session(body: SessionRequest, store: StoreDep) -> JSON:
    session = start_session(
        store,
        kind=body.kind,
        title=body.title,
        interviewer=body.interviewer,
        stage=body.stage,
        job=body.job,
    )
    return session_to_dict(session)


@router.get("/sessions", summary="History: every session, newest first")
def list_sessions(store: StoreDep) -> list[JSON]:
    return [summary_to_dict(s) for s in history(store)]


@router.get("/sessions/{session_id}", summary="One session with its attempts")
def get_session(session_id: SessionId, store: StoreDep) -> JSON:
    session = store.get_session(session_id)
    attempts = store.list_attempts(session_id)
    return {**session_to_dict(session), "attempts": [attempt_to_dict(a) for a in attempts]}


@router.post(
    "/sessions/{session_id}/attempts",
    status_code=status.HTTP_201_CREATED,
    summary="Submit an answer: stored first, then judged",
)
def create_attempt(
    session_id: SessionId,
    body: AttemptRequest,
    store: StoreDep,
    embedder: EmbedderDep,
    settings: SettingsDep,
) -> JSON:
    session = store.get_session(session_id)
    interviewer = body.interviewer or session.interviewer
    if interviewer is None:
        raise InputError("interviewer: this session has none, so the answer must name one")
    draft = AttemptDraft(
        session_id=session_id,
        interviewer=interviewer,
        stage=body.stage if body.stage is not None else session.stage,
        question=body.question,
        answer=body.answer,
        question_id=body.question_id,
        retry_of=body.retry_of,
    )
    attempt = submit_answer(store, embedder, draft, max_words=settings.max_answer_words)
    return attempt_to_dict(attempt)


@router.get("/attempts/{attempt_id}", summary="One attempt with its judgement")
def get_attempt(attempt_id: AttemptId, store: StoreDep) -> JSON:
    return attempt_to_dict(find_attempt(store, attempt_id))


@router.post("/plans", summary="Plan the loop for a job posting")
def create_plan(body: PlanRequest, bank: BankDep) -> JSON:
    plan = make_plan(
        parse_posting(body.job),
        bank,
        external_recruiter=body.external_recruiter,
        include=body.include,
        exclude=body.exclude,
    )
    return plan_to_dict(plan)


@router.get("/interviewers", summary="The interviewer types of a hiring loop")
def list_interviewers() -> list[JSON]:
    return [interviewer_to_dict(t) for t in INTERVIEWERS]


@router.get("/questions", summary="Browse the question bank")
def list_questions(bank: BankDep, interviewer: Filter = None, kind: Filter = None) -> list[JSON]:
    # An empty filter (as an HTML form sends it) means no filter.
    found = filter_questions(bank, interviewer=interviewer or None, kind=kind or None)
    return [question_to_dict(q) for q in found]

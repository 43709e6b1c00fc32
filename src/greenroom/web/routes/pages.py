"""The HTML pages of a rehearsal: start, plan, rehearsal room, feedback and loop summary.

Each handler parses the form, calls one service and renders a template; a POST that works
redirects (POST-redirect-GET). Bad input re-renders the form with the message and status 422.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Query, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from greenroom.domain.interviewers import INTERVIEWERS
from greenroom.domain.parking import park, timing_message
from greenroom.domain.practice import find_attempt, start_session, submit_answer
from greenroom.domain.sessions import Attempt, AttemptDraft, SessionKind
from greenroom.errors import InputError
from greenroom.web.deps import BankDep, EmbedderDep, SettingsDep, StoreDep
from greenroom.web.forms import (
    MAX_ANSWER_CHARS,
    MAX_ID_CHARS,
    MAX_JOB_CHARS,
    MAX_QUESTION_CHARS,
    MAX_ROW_ID,
)
from greenroom.web.templating import templates
from greenroom.web.views import (
    delivery_view,
    follow_up,
    loop_summary,
    next_question,
    session_plan,
)

router = APIRouter(tags=["pages"], include_in_schema=False)

SessionId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]
AttemptId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]
Text = Annotated[str, Form()]

STAGES = ((1, "Screening"), (2, "Interview rounds"), (3, "Offer"))


class _Form(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class StartForm(_Form):
    kind: SessionKind
    interviewer: Annotated[str, Field(max_length=MAX_ID_CHARS)] = ""
    stage: Annotated[int, Field(ge=1, le=3)] = 2
    job: Annotated[str, Field(max_length=MAX_JOB_CHARS)] = ""


class AnswerForm(_Form):
    interviewer: Annotated[str, Field(min_length=1, max_length=MAX_ID_CHARS)]
    stage: Annotated[int, Field(ge=1, le=3)]
    question: Annotated[str, Field(min_length=1, max_length=MAX_QUESTION_CHARS)]
    question_id: Annotated[str, Field(max_length=MAX_ID_CHARS)] = ""
    answer: Annotated[str, Field(max_length=MAX_ANSWER_CHARS)]


class RetryForm(_Form):
    answer: Annotated[str, Field(max_length=MAX_ANSWER_CHARS)]


class ParkForm(_Form):
    concern: Annotated[str, Field(max_length=2_000)]


def _problem(exc: ValidationError) -> str:
    """The first problem of a rejected form as ``<field>: <message>``."""
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ())) or "form"
    return f"{where}: {first.get('msg', 'invalid value')}"


def _render(
    request: Request, name: str, context: dict[str, Any], code: int = status.HTTP_200_OK
) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=code)


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=status.HTTP_303_SEE_OTHER)


# --- start ------------------------------------------------------------------------------


def _start_page(
    request: Request, *, error: str | None = None, values: dict[str, Any] | None = None
) -> HTMLResponse:
    context = {
        "interviewers": INTERVIEWERS,
        "stages": STAGES,
        "values": values or {"kind": "loop", "stage": 2, "interviewer": "", "job": ""},
        "error": error,
    }
    return _render(request, "start.html", context, 422 if error else 200)


@router.get("/", response_class=HTMLResponse)
def start_page(request: Request) -> HTMLResponse:
    return _start_page(request)


@router.post("/sessions", response_class=HTMLResponse)
def create_session(
    request: Request,
    store: StoreDep,
    kind: Text = "loop",
    interviewer: Text = "",
    stage: Text = "2",
    job: Text = "",
) -> Response:
    values: dict[str, Any] = {"kind": kind, "interviewer": interviewer, "stage": stage, "job": job}
    try:
        form = StartForm.model_validate(values)
        session = start_session(
            store,
            kind=form.kind,
            interviewer=form.interviewer or None,
            stage=form.stage,
            job=form.job or None,
        )
    except ValidationError as exc:
        return _start_page(request, error=_problem(exc), values=values)
    except InputError as exc:
        return _start_page(request, error=str(exc), values=values)
    return _see_other(f"/sessions/{session.id}")


# --- plan -------------------------------------------------------------------------------


@router.get("/sessions/{session_id}/plan", response_class=HTMLResponse)
def plan_page(request: Request, session_id: SessionId, store: StoreDep, bank: BankDep) -> Response:
    session = store.get_session(session_id)
    plan = session_plan(session, bank)
    return _render(request, "plan.html", {"session": session, "plan": plan})


# --- rehearsal room ---------------------------------------------------------------------


def _room(
    request: Request,
    store: StoreDep,
    bank: BankDep,
    session_id: int,
    *,
    error: str | None = None,
    answer: str = "",
    parked: int | None = None,
) -> HTMLResponse:
    session = store.get_session(session_id)
    attempts = store.list_attempts(session_id)
    question = next_question(session, attempts, bank)
    flash = None
    if parked is not None:
        concern = next((c for c in store.list_parked() if c.id == parked), None)
        if concern is not None:
            who = question.who.id if question is not None else concern.interviewer
            rule = timing_message(concern.stage, who)
            flash = {"concern": concern, "rule": rule}
    context = {
        "session": session,
        "attempts": attempts,
        "question": question,
        "error": error,
        "answer": answer,
        "flash": flash,
    }
    return _render(request, "room.html", context, 422 if error else 200)


@router.get("/sessions/{session_id}", response_class=HTMLResponse)
def room_page(
    request: Request,
    session_id: SessionId,
    store: StoreDep,
    bank: BankDep,
    parked: Annotated[int | None, Query(ge=1, le=MAX_ROW_ID)] = None,
) -> Response:
    return _room(request, store, bank, session_id, parked=parked)


@router.post("/sessions/{session_id}/answers", response_class=HTMLResponse)
def answer(
    request: Request,
    session_id: SessionId,
    store: StoreDep,
    bank: BankDep,
    embedder: EmbedderDep,
    settings: SettingsDep,
    interviewer: Text = "",
    stage: Text = "",
    question: Text = "",
    question_id: Text = "",
    answer: Text = "",
) -> Response:
    values = {
        "interviewer": interviewer,
        "stage": stage,
        "question": question,
        "question_id": question_id,
        "answer": answer,
    }
    try:
        form = AnswerForm.model_validate(values)
        draft = AttemptDraft(
            session_id=session_id,
            interviewer=form.interviewer,
            stage=form.stage,
            question=form.question,
            answer=form.answer,
            question_id=form.question_id or None,
        )
        attempt = submit_answer(store, embedder, draft, max_words=settings.max_answer_words)
    except ValidationError as exc:
        return _room(request, store, bank, session_id, error=_problem(exc), answer=answer)
    except InputError as exc:
        return _room(request, store, bank, session_id, error=str(exc), answer=answer)
    return _see_other(f"/attempts/{attempt.id}")


@router.post("/sessions/{session_id}/park", response_class=HTMLResponse)
def park_concern(
    request: Request,
    session_id: SessionId,
    store: StoreDep,
    bank: BankDep,
    concern: Text = "",
) -> Response:
    session = store.get_session(session_id)
    try:
        form = ParkForm.model_validate({"concern": concern})
        parked = store.park(
            park(form.concern, stage=session.stage, interviewer=session.interviewer)
        )
    except ValidationError as exc:
        return _room(request, store, bank, session_id, error=_problem(exc))
    except InputError as exc:
        return _room(request, store, bank, session_id, error=str(exc))
    return _see_other(f"/sessions/{session_id}?parked={parked.id}")


# --- feedback ---------------------------------------------------------------------------


def _feedback(
    request: Request,
    store: StoreDep,
    bank: BankDep,
    attempt_id: int,
    *,
    error: str | None = None,
    answer: str = "",
) -> HTMLResponse:
    attempt = find_attempt(store, attempt_id)
    original: Attempt | None = None
    if attempt.retry_of is not None:
        original = find_attempt(store, attempt.retry_of)
    context = {
        "attempt": attempt,
        "j": attempt.judgement,
        "original": original,
        "follow_up": follow_up(attempt, bank),
        "delivery": delivery_view(attempt),
        "session": store.get_session(attempt.session_id),
        "error": error,
        "answer": answer,
    }
    return _render(request, "feedback.html", context, 422 if error else 200)


@router.get("/attempts/{attempt_id}", response_class=HTMLResponse)
def feedback_page(
    request: Request, attempt_id: AttemptId, store: StoreDep, bank: BankDep
) -> Response:
    return _feedback(request, store, bank, attempt_id)


@router.post("/attempts/{attempt_id}/retry", response_class=HTMLResponse)
def retry(
    request: Request,
    attempt_id: AttemptId,
    store: StoreDep,
    bank: BankDep,
    embedder: EmbedderDep,
    settings: SettingsDep,
    answer: Text = "",
) -> Response:
    first = find_attempt(store, attempt_id)
    try:
        form = RetryForm.model_validate({"answer": answer})
        draft = AttemptDraft(
            session_id=first.session_id,
            interviewer=first.interviewer,
            stage=first.stage,
            question=first.question,
            answer=form.answer,
            question_id=first.question_id,
            retry_of=first.id,
        )
        attempt = submit_answer(store, embedder, draft, max_words=settings.max_answer_words)
    except ValidationError as exc:
        return _feedback(request, store, bank, attempt_id, error=_problem(exc), answer=answer)
    except InputError as exc:
        return _feedback(request, store, bank, attempt_id, error=str(exc), answer=answer)
    return _see_other(f"/attempts/{attempt.id}")


# --- summary ----------------------------------------------------------------------------


@router.get("/sessions/{session_id}/summary", response_class=HTMLResponse)
def summary_page(
    request: Request, session_id: SessionId, store: StoreDep, bank: BankDep, embedder: EmbedderDep
) -> Response:
    session = store.get_session(session_id)
    summary = loop_summary(session, store.list_attempts(session_id), bank, embedder)
    return _render(request, "summary.html", {"session": session, "summary": summary})

"""HTML pages for looking back: history and progress, a printable session report, the story
bank, the question bank browser and the effective settings.

Handlers parse input, call the domain and render a template with a plain mapping; the chart
geometry (pure layout, no statistics) and the user question file live in helpers below them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Final

import yaml
from fastapi import APIRouter, Form, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from greenroom.config import Settings
from greenroom.domain.bank_file import parse_bank
from greenroom.domain.criteria import criterion as criterion_info
from greenroom.domain.interviewers import INTERVIEWERS
from greenroom.domain.models import (
    CRITERION_IDS,
    INTERVIEWER_IDS,
    QUESTION_KINDS,
    CriterionId,
    Question,
    QuestionBank,
)
from greenroom.domain.practice import history
from greenroom.domain.progress import (
    RECENT_ATTEMPTS,
    Point,
    criterion_series,
    flag_counts,
    judged,
    practice_days,
    streaks,
    weakest_criterion,
)
from greenroom.domain.questions import filter_questions
from greenroom.domain.stories import draft_story, overuse_warnings
from greenroom.embedding import available as available_embedders
from greenroom.errors import BankError, GreenroomError, InputError
from greenroom.storage.engine import database_url, safe_url
from greenroom.web.deps import BankDep, RuntimeDep, SettingsDep, StoreDep
from greenroom.web.forms import MAX_ID_CHARS, MAX_ROW_ID
from greenroom.web.templating import templates

router = APIRouter(tags=["pages"], include_in_schema=False)

RowId = Annotated[int, PathParam(ge=1, le=MAX_ROW_ID)]
Filter = Annotated[str | None, Query(max_length=MAX_ID_CHARS)]

INTERVIEWER_NAMES: Final[dict[str, str]] = {t.id: t.name for t in INTERVIEWERS}
CRITERION_NAMES: Final[dict[str, str]] = {c: criterion_info(c).name for c in CRITERION_IDS}
USER_BANK_FILE: Final = "my-questions.yaml"


def _name(interviewer: str | None) -> str:
    if interviewer is None:
        return ""
    return INTERVIEWER_NAMES.get(interviewer, interviewer)


# --- History and progress -----------------------------------------------------------------


@router.get("/history", response_class=HTMLResponse)
def history_page(request: Request, store: StoreDep) -> Response:
    # The page changes only when the data (or the day, for streaks) does: keep the last render.
    version = f"{store.data_version()}|{datetime.now(UTC).date()}"
    cached = getattr(request.app.state, "history_page", None)
    if cached is not None and cached[0] == version:
        return HTMLResponse(cached[1])
    response = _render_history(request, store)
    request.app.state.history_page = (version, response.body)
    return response


def _render_history(request: Request, store: StoreDep) -> Response:
    attempts = store.list_attempts()
    by_session: dict[int, list[str]] = {}
    verdicts: dict[int, str] = {}
    for a in attempts:
        names = by_session.setdefault(a.session_id, [])
        if _name(a.interviewer) not in names:
            names.append(_name(a.interviewer))
        if a.judgement is not None and isinstance(a.judgement.get("verdict"), str):
            verdicts[a.session_id] = a.judgement["verdict"]
    sessions = [
        {
            "id": s.session.id,
            "title": s.session.title,
            "kind": s.session.kind,
            "created_at": s.session.created_at,
            "interviewers": by_session.get(s.session.id) or [_name(s.session.interviewer)],
            "attempts": s.attempts,
            "last_overall": s.last_overall,
            "last_verdict": verdicts.get(s.session.id),
        }
        for s in history(store, attempts)
    ]
    panels = []
    for iid in INTERVIEWER_IDS:
        if not judged(attempts, iid):
            continue
        series = criterion_series(attempts, iid)
        panels.append(
            {
                "id": iid,
                "name": _name(iid),
                "lines": line_chart(series, f"line-{iid}", f"Criterion scores, {_name(iid)}"),
                "bars": bar_chart(flag_counts(attempts, iid), f"bars-{iid}", _name(iid)),
                "weakest": weakest_criterion(attempts, interviewer=iid),
            }
        )
    weakest = weakest_criterion(attempts)
    context = {
        "sessions": sessions,
        "panels": panels,
        "weakest": weakest,
        "weakest_name": criterion_info(weakest.criterion).name if weakest else "",
        "recent": RECENT_ATTEMPTS,
        "criterion_names": CRITERION_NAMES,
        "streaks": streaks(practice_days(attempts), datetime.now(UTC).date()),
    }
    return templates.TemplateResponse(request, "progress.html", context)


# --- Printable report ---------------------------------------------------------------------


@router.get("/sessions/{session_id}/report", response_class=HTMLResponse)
def report_page(request: Request, session_id: RowId, store: StoreDep) -> Response:
    session = store.get_session(session_id)
    attempts = store.list_attempts(session_id)
    context = {
        "session": session,
        "interviewer_name": _name(session.interviewer),
        "criterion_names": CRITERION_NAMES,
        "attempts": [
            {
                "attempt": a,
                "interviewer_name": _name(a.interviewer),
                "j": a.judgement,
                "spans": _flag_spans(a.judgement),
            }
            for a in attempts
        ],
    }
    return templates.TemplateResponse(request, "session_report.html", context)


# --- Stories ------------------------------------------------------------------------------


def _stories_page(
    request: Request,
    store: StoreDep,
    *,
    error: str = "",
    title: str = "",
    text: str = "",
    status_code: int = 200,
) -> Response:
    stories = store.list_stories()
    uses = store.list_uses()
    counts: dict[int, int] = {}
    for use in uses:
        counts[use.story_id] = counts.get(use.story_id, 0) + 1
    context = {
        "stories": [
            {
                "story": s,
                "uses": counts.get(s.id, 0),
                "criteria": [criterion_info(c).name for c in s.criteria],
            }
            for s in stories
        ],
        "warnings": overuse_warnings(uses, stories),
        "error": error,
        "title": title,
        "text": text,
    }
    return templates.TemplateResponse(request, "stories.html", context, status_code=status_code)


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, store: StoreDep) -> Response:
    return _stories_page(request, store)


@router.post("/stories", response_class=HTMLResponse)
def add_story(
    request: Request,
    store: StoreDep,
    title: Annotated[str, Form(max_length=1000)] = "",
    text: Annotated[str, Form(max_length=40_000)] = "",
) -> Response:
    try:
        draft = draft_story(title, text)
    except InputError as exc:
        return _stories_page(
            request, store, error=str(exc), title=title, text=text, status_code=422
        )
    store.add_story(draft)
    return RedirectResponse("/stories", status_code=303)


@router.post("/stories/{story_id}/delete")
def delete_story(story_id: RowId, store: StoreDep) -> Response:
    store.delete_story(story_id)
    return RedirectResponse("/stories", status_code=303)


# --- Question bank --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QuestionForm:
    text: str = ""
    interviewers: tuple[str, ...] = ()
    criteria: tuple[str, ...] = ()
    kind: str = ""
    really_asking: str = ""
    follow_ups: str = ""


def _questions_page(
    request: Request,
    bank: QuestionBank,
    settings: Settings,
    *,
    interviewer: str | None = None,
    criterion: str | None = None,
    kind: str | None = None,
    form: QuestionForm | None = None,
    error: str = "",
    status_code: int = 200,
) -> Response:
    user_ids: set[str] = set()
    filter_error = ""
    try:
        own = load_user_bank(settings.data_dir)
        user_ids = {q.id for q in own}
    except BankError as exc:
        own, filter_error = (), f"Your own questions could not be read: {exc}"
    merged = QuestionBank((*bank.questions, *own), bank.candidate_questions)
    try:
        found = filter_questions(merged, interviewer=interviewer, criterion=criterion, kind=kind)
    except GreenroomError as exc:
        found, filter_error = (), str(exc)
        status_code = 422
    context = {
        "questions": [
            {
                "q": q,
                "own": q.id in user_ids,
                "interviewers": [_name(i) for i in q.interviewers],
                "criteria": [criterion_info(c).name for c in q.criteria],
            }
            for q in found
        ],
        "total": len(merged.questions),
        "own_count": len(user_ids),
        "selected": {"interviewer": interviewer, "criterion": criterion, "kind": kind},
        "interviewers": [(i, _name(i)) for i in INTERVIEWER_IDS],
        "criteria": [(c, criterion_info(c).name) for c in CRITERION_IDS],
        "kinds": QUESTION_KINDS,
        "filter_error": filter_error,
        "form": form or QuestionForm(),
        "error": error,
    }
    return templates.TemplateResponse(request, "questions.html", context, status_code=status_code)


@router.get("/questions", response_class=HTMLResponse)
def questions_page(
    request: Request,
    bank: BankDep,
    settings: SettingsDep,
    interviewer: Filter = None,
    criterion: Filter = None,
    kind: Filter = None,
) -> Response:
    # An empty select (as the form sends "any") means no filter.
    return _questions_page(
        request,
        bank,
        settings,
        interviewer=interviewer or None,
        criterion=criterion or None,
        kind=kind or None,
    )


@router.post("/questions", response_class=HTMLResponse)
def add_question(
    request: Request,
    bank: BankDep,
    settings: SettingsDep,
    text: Annotated[str, Form(max_length=2000)] = "",
    interviewers: Annotated[list[str] | None, Form(max_length=len(INTERVIEWER_IDS))] = None,
    criteria: Annotated[list[str] | None, Form(max_length=len(CRITERION_IDS))] = None,
    kind: Annotated[str, Form(max_length=MAX_ID_CHARS)] = "",
    really_asking: Annotated[str, Form(max_length=2000)] = "",
    follow_ups: Annotated[str, Form(max_length=6000)] = "",
) -> Response:
    form = QuestionForm(
        text, tuple(interviewers or ()), tuple(criteria or ()), kind, really_asking, follow_ups
    )
    try:
        add_user_question(settings.data_dir, bank, form)
    except (BankError, InputError) as exc:
        return _questions_page(request, bank, settings, form=form, error=str(exc), status_code=422)
    return RedirectResponse("/questions#own", status_code=303)


# --- Settings -------------------------------------------------------------------------------


@router.get("/settings", response_class=HTMLResponse)
def settings_page(request: Request, runtime: RuntimeDep) -> Response:
    settings = runtime.settings
    try:
        runtime.embedder.embed(["Tell me about yourself."])
        model_ok, model_problem = True, ""
    except GreenroomError as exc:
        model_ok, model_problem = False, str(exc)
    rows = [
        ("data_dir", "Data directory", str(settings.data_dir)),
        (
            "database_url",
            "Database",
            safe_url(database_url(settings.database_url, settings.data_dir)),
        ),
        ("embedder", "Embedder", settings.embedder),
        ("embedding_model_path", "Embedding model file", _or_packaged(settings)),
        ("threads", "Threads", str(settings.threads)),
        (
            "question_bank",
            "Question bank",
            str(settings.question_bank) if settings.question_bank else "the shipped bank",
        ),
        ("max_answer_words", "Longest answer (words)", str(settings.max_answer_words)),
    ]
    context = {
        "rows": [
            {"id": key, "label": label, "value": value, "source": setting_source(settings, key)}
            for key, label, value in rows
        ],
        "user_bank": str(settings.data_dir / USER_BANK_FILE),
        "embedders": available_embedders(),
        "model_ok": model_ok,
        "model_problem": model_problem,
    }
    return templates.TemplateResponse(request, "settings.html", context)


# --- Helpers (no request handling below) ------------------------------------------------------


def _flag_spans(judgement: Mapping[str, Any] | None) -> list[Mapping[str, Any]]:
    """The evidence spans of every flag, to mark in the answer."""
    if judgement is None or not isinstance(judgement.get("flags"), list):
        return []
    return [
        e
        for f in judgement["flags"]
        if isinstance(f, dict) and isinstance(f.get("evidence"), list)
        for e in f["evidence"]
        if isinstance(e, dict)
    ]


def _or_packaged(settings: Settings) -> str:
    path = settings.embedding_model_path
    return str(path) if path is not None else "the packaged model"


def setting_source(settings: Settings, name: str, environ: Mapping[str, str] | None = None) -> str:
    """Where an effective setting most likely came from: the environment, a flag or the
    config file (set but not from the environment), or the default."""
    env = os.environ if environ is None else environ
    if f"GREENROOM_{name.upper()}" in env:
        return f"environment (GREENROOM_{name.upper()})"
    field = Settings.model_fields[name]
    default = field.get_default(call_default_factory=True)
    if getattr(settings, name) != default:
        return "flag or config file"
    return "default"


SERIES_COLOURS: Final = (
    "#1d6b46",
    "#1f4e9c",
    "#a4161a",
    "#7a3e9d",
    "#8a5a00",
    "#c2185b",
    "#444444",
)
SERIES_DASHES: Final = ("", "8 4", "2 3", "10 3 2 3", "4 4", "12 4", "1 4")
"""A dash pattern per criterion too, so lines differ without colour."""
"""One colour per criterion (same order as ``CRITERION_IDS``), each at least 3:1 on white."""
BAR_COLOUR: Final = "#b35c00"
CHART_W: Final = 640
CHART_H: Final = 240
PAD_L, PAD_R, PAD_T, PAD_B = 40, 12, 12, 28


def _x(i: int, n: int) -> float:
    inner = CHART_W - PAD_L - PAD_R
    return PAD_L + (inner / 2 if n <= 1 else inner * i / (n - 1))


def _y(value: float, top: float) -> float:
    inner = CHART_H - PAD_T - PAD_B
    return PAD_T + inner * (1 - value / top) if top > 0 else CHART_H - PAD_B


def line_chart(
    series: Mapping[CriterionId, Sequence[Point]], chart_id: str, title: str
) -> dict[str, Any]:
    """Geometry for one polyline per criterion over the attempts (x: attempt order, y: 0-100)."""
    order = sorted({(p.at, p.attempt_id) for points in series.values() for p in points})
    index = {key: i for i, key in enumerate(order)}
    lines = []
    for cid, points in series.items():
        coords = [(_x(index[(p.at, p.attempt_id)], len(order)), _y(p.score, 100)) for p in points]
        lines.append(
            {
                "id": cid,
                "name": criterion_info(cid).name,
                "colour": SERIES_COLOURS[CRITERION_IDS.index(cid)],
                "dash": SERIES_DASHES[CRITERION_IDS.index(cid)],
                "points": " ".join(f"{x:.1f},{y:.1f}" for x, y in coords),
                "dots": coords,
                "scores": [p.score for p in points],
                "last": points[-1].score,
            }
        )
    return {
        "id": chart_id,
        "title": title,
        "desc": (
            f"{len(order)} judged answer(s); one line per criterion, score 0 to 100, oldest "
            "on the left. The table below lists the same scores."
        ),
        "width": CHART_W,
        "height": CHART_H,
        "lines": lines,
        "grid": [{"y": _y(v, 100), "label": v} for v in (0, 25, 50, 75, 100)],
        "xs": [{"x": _x(i, len(order)), "label": i + 1} for i in range(len(order))],
        "dates": [at for at, _ in order],
        "left": PAD_L,
        "right": CHART_W - PAD_R,
        "bottom": CHART_H - PAD_B,
    }


def bar_chart(days: Sequence[Any], chart_id: str, who: str) -> dict[str, Any]:
    """Geometry for one bar per practice day: the number of flags raised that day."""
    top = max((d.flags for d in days), default=0) or 1
    inner = CHART_W - PAD_L - PAD_R
    slot = inner / max(len(days), 1)
    width = max(min(slot * 0.6, 48), 2)
    bars = []
    for i, d in enumerate(days):
        y = _y(d.flags, top)
        bars.append(
            {
                "x": PAD_L + slot * i + (slot - width) / 2,
                "y": y,
                "w": width,
                "h": CHART_H - PAD_B - y,
                "cx": PAD_L + slot * i + slot / 2,
                "day": d.day,
                "flags": d.flags,
                "attempts": d.attempts,
            }
        )
    return {
        "id": chart_id,
        "title": f"Flags per day, {who}",
        "desc": f"{len(days)} practice day(s); bar height is the number of flags raised that day.",
        "width": CHART_W,
        "height": CHART_H,
        "bars": bars,
        "colour": BAR_COLOUR,
        "top": top,
        "grid": [{"y": _y(v, top), "label": v} for v in sorted({0, top // 2, top})],
        "left": PAD_L,
        "right": CHART_W - PAD_R,
        "bottom": CHART_H - PAD_B,
    }


def _slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())[:8]
    return "-".join(words) or "question"


def load_user_bank(data_dir: Path) -> tuple[Question, ...]:
    """The user's own questions (``my-questions.yaml`` in the data dir); none when absent."""
    path = data_dir / USER_BANK_FILE
    if not path.is_file():
        return ()
    return parse_bank(path.read_bytes(), str(path)).questions


def add_user_question(data_dir: Path, shipped: QuestionBank, form: QuestionForm) -> Question:
    """Append a question to the user bank file after validating the whole file as a bank.

    Raises :class:`BankError` (schema problems, named by field) or :class:`InputError`.
    """
    path = data_dir / USER_BANK_FILE
    raw: dict[str, Any] = {"questions": []}
    if path.is_file():
        loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(loaded, dict) or not isinstance(loaded.get("questions"), list):
            raise BankError(str(path), "top level must be a mapping with a 'questions' list")
        raw = loaded
    taken = {q.id for q in shipped.questions} | {
        str(e.get("id")) for e in raw["questions"] if isinstance(e, dict)
    }
    base = "my-" + _slug(form.text)
    qid, n = base, 2
    while qid in taken:
        qid, n = f"{base}-{n}", n + 1
    entry = {
        "id": qid,
        "text": form.text.strip(),
        "interviewers": list(form.interviewers),
        "criteria": list(form.criteria),
        "kind": form.kind,
        "seniority": "any",
        "really_asking": form.really_asking.strip(),
        "follow_ups": [line.strip() for line in form.follow_ups.splitlines() if line.strip()],
    }
    if not entry["text"]:
        raise InputError("the question text is empty")
    candidate = {**raw, "questions": [*raw["questions"], entry]}
    data = yaml.safe_dump(candidate, sort_keys=False, allow_unicode=True).encode("utf-8")
    # Validate the new entry alone so the message points at the form, then the whole file.
    parse_bank(
        yaml.safe_dump({"questions": [entry]}, allow_unicode=True).encode(), "the new question"
    )
    bank = parse_bank(data, str(path))
    data_dir.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".yaml.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return next(q for q in bank.questions if q.id == qid)

"""``create_app(settings)``: a fresh FastAPI app per call, so each test gets its own.

At startup the app judges every answer that was stored but never judged (the server stopped
while judging), so nothing submitted is lost; at shutdown it stops the background transcriber of
recorded answers (``Runtime.background``). Project errors become JSON ``{"error": "..."}``
under ``/api/`` and an HTML error page elsewhere, with a status chosen here; the errors themselves
carry no HTTP codes.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from greenroom import __version__
from greenroom.config import Settings
from greenroom.domain.practice import rejudge_pending
from greenroom.domain.recordings import ChunkConflict, NotAudio, UploadTooLarge
from greenroom.errors import (
    AudioDecodeError,
    BackendUnavailable,
    BankError,
    ConfigurationError,
    GreenroomError,
    InputError,
    NotFoundError,
    StorageError,
)
from greenroom.runtime import Runtime
from greenroom.web.routes import api, pages, progress, recordings
from greenroom.web.templating import templates

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
ERROR_HEADINGS = {
    404: "Not found",
    413: "Too large",
    415: "Not audio",
    422: "That did not work",
    503: "Not available right now",
}

# The first matching kind wins, so subclasses come before their bases.
STATUS_FOR: tuple[tuple[type[GreenroomError], int], ...] = (
    (ChunkConflict, 409),
    (UploadTooLarge, 413),
    (NotAudio, 415),
    (AudioDecodeError, 422),
    (InputError, 422),
    (BankError, 422),
    (NotFoundError, 404),
    (ConfigurationError, 400),
    (BackendUnavailable, 503),
    (StorageError, 503),
)


def status_for(exc: GreenroomError) -> int:
    """The HTTP status for a project error (400 for any kind not listed)."""
    return next((code for kind, code in STATUS_FOR if isinstance(exc, kind)), 400)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def validation_message(exc: RequestValidationError) -> str:
    """The first problem of a rejected request as ``<field>: <message>``."""
    errors = exc.errors()
    if not errors:
        return "invalid request"
    first = errors[0]
    if first.get("type") == "json_invalid":
        detail = (first.get("ctx") or {}).get("error", "")
        return _one_line(f"invalid JSON body: {detail}".rstrip(": "))
    loc = [str(part) for part in first.get("loc", ())]
    where = ".".join(loc[1:]) if len(loc) > 1 else (loc[0] if loc else "request")
    return _one_line(f"{where}: {first.get('msg', 'invalid value')}")


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error(
    request: Request, message: str, code: int, headers: Mapping[str, str] | None = None
) -> Response:
    """JSON ``{"error": ...}`` for the API, an HTML error page for everything else."""
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=code, headers=headers)
    heading = ERROR_HEADINGS.get(code, "Something went wrong")
    context = {"status_code": code, "heading": heading, "message": message}
    return templates.TemplateResponse(
        request, "error.html", context, status_code=code, headers=headers
    )


async def _project_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, GreenroomError)
    code = status_for(exc)
    if code >= 500:
        log.warning("%s %s: %s", request.method, request.url.path, exc)
    return _error(request, _one_line(str(exc)), code)


async def _chunk_conflict(request: Request, exc: Exception) -> Response:
    """409 with the server's offset, so an upload resumes from there."""
    assert isinstance(exc, ChunkConflict)
    return JSONResponse({"error": _one_line(str(exc)), "offset": exc.offset}, status_code=409)


async def _invalid_request(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return _error(request, validation_message(exc), 422)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    return _error(request, _one_line(str(exc.detail)), exc.status_code, exc.headers)


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return _error(request, "internal error (see the server log)", 500)


def create_app(settings: Settings, *, runtime: Runtime | None = None) -> FastAPI:
    """A new app over ``settings`` (or over ``runtime``, which the caller then owns and closes)."""
    owned = runtime is None
    rt = runtime if runtime is not None else Runtime(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            judged = await run_in_threadpool(
                rejudge_pending, rt.store, rt.embedder, max_words=rt.settings.max_answer_words
            )
            if judged:
                log.info("judged %d answer(s) left unjudged by the last run", judged)
        except GreenroomError as exc:
            log.warning("could not judge pending answers at startup: %s", exc)
        try:
            yield
        finally:
            await run_in_threadpool(rt.close_background)
            if owned and "store" in vars(rt):
                rt.store.close()

    app = FastAPI(
        title="greenroom",
        version=__version__,
        summary="Local interview rehearsal coach: judge answers the way each interviewer does.",
        lifespan=lifespan,
    )
    app.state.runtime = rt
    app.add_exception_handler(GreenroomError, _project_error)
    app.add_exception_handler(ChunkConflict, _chunk_conflict)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
    app.include_router(api.router)
    app.include_router(recordings.router)
    app.include_router(progress.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app

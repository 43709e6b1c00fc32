"""Recorded answers: chunked, resumable uploads under ``/api/v1/recordings``, playback of the
stored audio, and the form that uploads a whole file when scripts are off.

The protocol is in ``docs/recording-api.md``. Each chunk is acknowledged only after it is on
disk; after each new chunk the background transcriber is told, so most of the answer is
transcribed by the time the candidate stops.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Path, Query, Request, UploadFile, status
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from greenroom.domain.ports import RecordingStore
from greenroom.domain.recordings import (
    MEDIA_TYPES,
    NotAudio,
    RecordingDraft,
    UploadTooLarge,
    answer_from_file,
    check_chunk_size,
    finish_recording,
    over_limit,
    start_recording,
)
from greenroom.errors import AudioDecodeError, GreenroomError, InputError, NotFoundError
from greenroom.speech.audio import decode_audio, sniff_container
from greenroom.web.deps import (
    BankDep,
    EmbedderDep,
    RecordingsDep,
    RuntimeDep,
    SettingsDep,
    StoreDep,
)
from greenroom.web.forms import MAX_ID_CHARS, MAX_QUESTION_CHARS, MAX_ROW_ID, RowId, StageNumber
from greenroom.web.routes.pages import _feedback, _problem, _room

router = APIRouter(tags=["recordings"])

JSON = dict[str, Any]
RecordingId = Annotated[str, Path(description="32 hexadecimal digits.")]
Offset = Annotated[int, Query(ge=0, le=2**62, description="Byte offset of the chunk.")]
SessionId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]
Text = Annotated[str, Form()]


class RecordingRequest(BaseModel):
    """A recording about to start, and the question it answers."""

    model_config = ConfigDict(extra="forbid")

    session_id: RowId
    interviewer: Annotated[str, Field(min_length=1, max_length=MAX_ID_CHARS)]
    stage: StageNumber
    question: Annotated[str, Field(min_length=1, max_length=MAX_QUESTION_CHARS)]
    question_id: Annotated[str, Field(min_length=1, max_length=MAX_ID_CHARS)] | None = None
    retry_of: RowId | None = None


class AudioAnswerForm(BaseModel):
    """The hidden fields of the room's answer form, sent with an audio file."""

    model_config = ConfigDict(extra="forbid")

    interviewer: Annotated[str, Field(min_length=1, max_length=MAX_ID_CHARS)]
    stage: Annotated[int, Field(ge=1, le=3)]
    question: Annotated[str, Field(min_length=1, max_length=MAX_QUESTION_CHARS)]
    question_id: Annotated[str, Field(max_length=MAX_ID_CHARS)] = ""
    retry_of: RowId | None = None


async def _read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with :class:`UploadTooLarge` as soon as it passes ``limit``."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit():
        check_chunk_size(int(declared), limit)
    body = bytearray()
    async for part in request.stream():
        body += part
        check_chunk_size(len(body), limit)
    return bytes(body)


@router.post(
    "/api/v1/recordings",
    status_code=status.HTTP_201_CREATED,
    summary="Start a recorded answer (then upload it in chunks)",
)
def create_recording(
    body: RecordingRequest, recordings: RecordingsDep, runtime: RuntimeDep, settings: SettingsDep
) -> JSON:
    draft = RecordingDraft(
        session_id=body.session_id,
        interviewer=body.interviewer,
        stage=body.stage,
        question=body.question,
        question_id=body.question_id,
        retry_of=body.retry_of,
    )
    # Load the speech model now, before the candidate speaks (and before a row exists, so a
    # missing model refuses the recording instead of failing it at the end).
    runtime.background  # noqa: B018
    recording = start_recording(recordings, draft)
    return {
        "id": recording.id,
        "offset": recording.offset,
        "max_bytes": settings.max_audio_bytes,
        "max_chunk_bytes": settings.max_chunk_bytes,
    }


@router.put("/api/v1/recordings/{recording_id}", summary="Upload the chunk that starts at offset")
async def put_chunk(
    recording_id: RecordingId,
    offset: Offset,
    request: Request,
    recordings: RecordingsDep,
    runtime: RuntimeDep,
    settings: SettingsDep,
) -> JSON:
    data = await _read_body(request, settings.max_chunk_bytes)
    receipt = await run_in_threadpool(recordings.append_chunk, recording_id, offset, data)
    if not receipt.duplicate and data:
        background = await run_in_threadpool(lambda: runtime.background)
        background.update(recording_id, _loader(recordings, recording_id))
    return {"id": recording_id, "offset": receipt.offset, "duplicate": receipt.duplicate}


def _loader(recordings: RecordingStore, recording_id: str) -> Callable[[], bytes]:
    def load() -> bytes:
        try:
            return recordings.read_audio(recording_id)
        except GreenroomError:
            return b""  # deleted meanwhile: nothing to transcribe

    return load


@router.get("/api/v1/recordings/{recording_id}", summary="Where an upload stands")
def get_recording(
    recording_id: RecordingId, recordings: RecordingsDep, runtime: RuntimeDep
) -> JSON:
    recording = recordings.get_recording(recording_id)
    background = runtime.background_if_started()
    return {
        "id": recording.id,
        "offset": recording.offset,
        "state": recording.state,
        "attempt_id": recording.attempt_id,
        "transcribed_s": background.progress(recording.id) if background is not None else 0.0,
    }


@router.delete(
    "/api/v1/recordings/{recording_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Discard an unfinished recording (to record again)",
)
def delete_recording(
    recording_id: RecordingId, recordings: RecordingsDep, runtime: RuntimeDep
) -> Response:
    recordings.delete_recording(recording_id)
    background = runtime.background_if_started()
    if background is not None:
        background.discard(recording_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/api/v1/recordings/{recording_id}/finish",
    status_code=status.HTTP_201_CREATED,
    summary="Finish a recording: transcribe the rest, measure delivery, judge",
)
def finish(
    recording_id: RecordingId,
    offset: Offset,
    recordings: RecordingsDep,
    store: StoreDep,
    embedder: EmbedderDep,
    runtime: RuntimeDep,
    settings: SettingsDep,
) -> JSON:
    attempt = finish_recording(
        recordings,
        store,
        embedder,
        lambda key, data: runtime.background.finish(key, data),
        recording_id,
        offset=offset,
        max_words=settings.max_answer_words,
    )
    return {
        "attempt_id": attempt.id,
        "url": f"/attempts/{attempt.id}",
        "judgement": attempt.judgement,
    }


@router.get("/recordings/{recording_id}/audio", include_in_schema=False)
def audio(recording_id: RecordingId, recordings: RecordingsDep) -> FileResponse:
    recording = recordings.get_recording(recording_id)
    path = recordings.audio_path(recording_id)
    assert recording.container is not None  # there is a file
    return FileResponse(
        path,
        media_type=MEDIA_TYPES[recording.container],
        filename=f"answer-{recording_id[:8]}.{recording.container}",
        content_disposition_type="inline",
    )


@router.post("/sessions/{session_id}/answers/audio", include_in_schema=False)
def answer_with_audio(
    request: Request,
    session_id: SessionId,
    store: StoreDep,
    bank: BankDep,
    embedder: EmbedderDep,
    recordings: RecordingsDep,
    runtime: RuntimeDep,
    settings: SettingsDep,
    audio: Annotated[UploadFile | None, File()] = None,
    interviewer: Text = "",
    stage: Text = "",
    question: Text = "",
    question_id: Text = "",
    retry_of: Text = "",
) -> Response:
    values = {
        "interviewer": interviewer,
        "stage": stage,
        "question": question,
        "question_id": question_id,
        "retry_of": retry_of or None,
    }

    def again(error: str, code: int) -> HTMLResponse:
        """The page the form was on, with the message: the retried answer, else the room."""
        earlier = int(retry_of) if retry_of.isdigit() and int(retry_of) <= MAX_ROW_ID else None
        if earlier is not None:
            try:
                page = _feedback(request, store, bank, earlier, error=error)
            except NotFoundError:
                page = _room(request, store, bank, session_id, error=error)
        else:
            page = _room(request, store, bank, session_id, error=error)
        page.status_code = code
        return page

    try:
        form = AudioAnswerForm.model_validate(values)
        data = _upload_bytes(audio, settings.max_audio_bytes)
        if sniff_container(data) is None:
            raise NotAudio("the file is not audio (expected wav, webm, ogg, mp3 or m4a)")
        # Checks the name against the content (a .wav holding something else) and the limits.
        decode_audio(
            data,
            max_bytes=settings.max_audio_bytes,
            max_seconds=settings.max_audio_s,
            name=audio.filename if audio is not None else None,
        )
        draft = RecordingDraft(
            session_id=session_id,
            interviewer=form.interviewer,
            stage=form.stage,
            question=form.question,
            question_id=form.question_id or None,
            retry_of=form.retry_of,
        )
        attempt = answer_from_file(
            recordings,
            store,
            embedder,
            lambda key, data: runtime.background.finish(key, data),
            draft,
            data,
            max_words=settings.max_answer_words,
        )
    except ValidationError as exc:
        return again(_problem(exc), status.HTTP_422_UNPROCESSABLE_CONTENT)
    except (AudioDecodeError, InputError) as exc:
        return again(str(exc), _upload_status(exc))
    return RedirectResponse(f"/attempts/{attempt.id}", status_code=status.HTTP_303_SEE_OTHER)


def _upload_bytes(upload: UploadFile | None, limit: int) -> bytes:
    if upload is None:
        raise InputError("choose an audio file to upload")
    data = upload.file.read(limit + 1)
    if len(data) > limit:
        raise UploadTooLarge(f"the audio file is over the {limit} byte limit")
    if not data:
        raise AudioDecodeError("the audio file is empty")
    return data


def _upload_status(exc: GreenroomError) -> int:
    if isinstance(exc, NotAudio):
        return status.HTTP_415_UNSUPPORTED_MEDIA_TYPE
    if isinstance(exc, AudioDecodeError) and over_limit(exc):
        return status.HTTP_413_CONTENT_TOO_LARGE
    return status.HTTP_422_UNPROCESSABLE_CONTENT

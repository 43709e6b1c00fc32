"""Recorded answers, uploaded in chunks while the candidate speaks, and what finishing one does.

A recording is a database row plus a file that only ever grows at its end. The browser sends
chunks with the byte offset they start at; the server's offset is the size of the file after
``fsync``, so whatever it acknowledges survives a crash. The rules for placing a chunk are
pure and live here (:func:`plan_chunk`): a chunk at the server's offset is appended, a chunk
that repeats bytes already stored is a harmless duplicate, one that would leave a gap or
rewrite stored bytes is refused with the offset to resume from. ``docs/recording-api.md``
describes the protocol as clients see it.

:func:`finish_recording` turns a complete recording into a judged attempt exactly once.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from greenroom.domain.interviewers import interviewer as interviewer_info
from greenroom.domain.loop import parse_stage
from greenroom.domain.practice import submit_spoken_answer
from greenroom.domain.sessions import Attempt, AttemptDraft
from greenroom.errors import AudioDecodeError, GreenroomError, InputError
from greenroom.speech.delivery import measure_delivery

if TYPE_CHECKING:
    from greenroom.domain.ports import Embedder, RecordingStore, SessionStore
    from greenroom.speech.streaming import SpokenAnswer

log = logging.getLogger(__name__)

__all__ = [
    "MEDIA_TYPES",
    "ChunkConflict",
    "ChunkPlan",
    "ChunkReceipt",
    "NotAudio",
    "Recording",
    "RecordingDraft",
    "RecordingState",
    "UploadTooLarge",
    "answer_from_file",
    "check_chunk_size",
    "check_recording_draft",
    "finish_recording",
    "is_recording_id",
    "over_limit",
    "plan_chunk",
    "start_recording",
]

RecordingState = Literal["recording", "finished"]

MEDIA_TYPES: dict[str, str] = {
    "wav": "audio/wav",
    "webm": "audio/webm",
    "ogg": "audio/ogg",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
}
"""The media type a stored recording is served with, by container kind."""

_ID = re.compile(r"[0-9a-f]{32}")


class ChunkConflict(GreenroomError):
    """A chunk (or a finish) that does not fit the bytes stored; ``offset`` is where to resume."""

    def __init__(self, recording_id: str, offset: int, problem: str) -> None:
        self.recording_id = recording_id
        self.offset = offset
        self.problem = problem
        super().__init__(f"recording {recording_id}: {problem}")


class UploadTooLarge(AudioDecodeError):
    """A chunk or a recording over its size or duration limit."""


class NotAudio(AudioDecodeError):
    """A recording whose first bytes are not a known audio container."""


@dataclass(frozen=True, slots=True)
class RecordingDraft:
    """A recording about to start: the question it answers, as a text answer would carry."""

    session_id: int
    interviewer: str
    stage: int
    question: str
    question_id: str | None = None
    retry_of: int | None = None


@dataclass(frozen=True, slots=True)
class Recording:
    """A stored recording. ``offset`` is the number of bytes durably on disk; ``container`` is
    known once the first chunk arrived; ``attempt_id`` once it was finished and judged."""

    id: str
    session_id: int
    interviewer: str
    stage: int
    question: str
    question_id: str | None
    retry_of: int | None
    container: str | None
    state: RecordingState
    attempt_id: int | None
    created_at: datetime
    finished_at: datetime | None
    offset: int

    def attempt_draft(self, answer: str) -> AttemptDraft:
        """The attempt this recording becomes, with ``answer`` (its transcript) as the text."""
        return AttemptDraft(
            session_id=self.session_id,
            interviewer=self.interviewer,
            stage=self.stage,
            question=self.question,
            answer=answer,
            question_id=self.question_id,
            retry_of=self.retry_of,
            recording_id=self.id,
        )


@dataclass(frozen=True, slots=True)
class ChunkReceipt:
    """The answer to a chunk: the server's offset after it, and whether it was a repeat."""

    offset: int
    duplicate: bool


@dataclass(frozen=True, slots=True)
class ChunkPlan:
    """How a chunk is placed: its first ``compare`` bytes repeat stored bytes and must equal
    them; the remaining ``append`` bytes go at the end of the file."""

    compare: int
    append: int
    duplicate: bool


def is_recording_id(text: str) -> bool:
    """Whether ``text`` has the shape of a recording id (32 lowercase hex digits)."""
    return _ID.fullmatch(text) is not None


def check_recording_draft(draft: RecordingDraft) -> None:
    """Refuse a recording whose answer could never be judged (unknown interviewer, stage out of
    range, empty question) before the candidate starts speaking."""
    interviewer_info(draft.interviewer)
    parse_stage(draft.stage)
    if not draft.question.strip():
        raise InputError("the question is empty")


def start_recording(recordings: RecordingStore, draft: RecordingDraft) -> Recording:
    """Check the draft (:func:`check_recording_draft`) and commit a new, empty recording."""
    check_recording_draft(draft)
    return recordings.create_recording(draft)


def check_chunk_size(length: int, max_chunk_bytes: int) -> None:
    """Raise :class:`UploadTooLarge` for a chunk over ``max_chunk_bytes``."""
    if length > max_chunk_bytes:
        raise UploadTooLarge(f"the chunk is {length} bytes, over the {max_chunk_bytes} limit")


def plan_chunk(
    recording_id: str,
    *,
    offset: int,
    length: int,
    stored: int,
    max_bytes: int,
    finished: bool = False,
) -> ChunkPlan:
    """Place a chunk of ``length`` bytes sent for byte ``offset`` when ``stored`` bytes are on
    disk, or refuse it.

    - ``offset == stored``: appended.
    - ``offset < stored``: the stored part is compared; a chunk entirely stored is a
      duplicate, one that runs past the end has its new tail appended (a resend after a lost
      acknowledgement).
    - ``offset > stored`` (a gap) or a finished recording: :class:`ChunkConflict` with
      ``stored`` as the offset to resume from.
    - more than ``max_bytes`` in all: :class:`UploadTooLarge`.
    """
    if finished:
        raise ChunkConflict(recording_id, stored, "the recording is finished")
    if offset > stored:
        raise ChunkConflict(
            recording_id,
            stored,
            f"a chunk for byte {offset} but {stored} bytes are stored; resend from {stored}",
        )
    compare = min(stored - offset, length)
    append = length - compare
    if stored + append > max_bytes:
        raise UploadTooLarge(
            f"the recording would be {stored + append} bytes, over the {max_bytes} limit"
        )
    return ChunkPlan(compare=compare, append=append, duplicate=offset < stored and append == 0)


def over_limit(exc: AudioDecodeError) -> bool:
    """Whether a decode error is about a size or duration limit (rather than bad content).

    Every limit message of :mod:`greenroom.speech.audio` ends in ``... limit``.
    """
    return isinstance(exc, UploadTooLarge) or str(exc).endswith(" limit")


Listen = Callable[[str, bytes], "SpokenAnswer"]
"""Transcribes a finished recording: ``listen(recording_id, data)``."""


def finish_recording(
    recordings: RecordingStore,
    sessions: SessionStore,
    embedder: Embedder,
    listen: Listen,
    recording_id: str,
    *,
    offset: int,
    max_words: int = 5000,
) -> Attempt:
    """Judge a complete recording once and return its attempt.

    ``offset`` is the client's length of the recording; it must equal the stored length
    (:class:`ChunkConflict` otherwise, with the offset to resume from). The audio is
    transcribed (``listen``), its delivery measured, and the answer committed and judged; the
    recording is then marked finished with the attempt. Finishing again returns the same
    attempt. Bad audio raises :class:`AudioDecodeError` (:class:`UploadTooLarge` for one over a
    limit) and a recording with no speech raises :class:`InputError`; the recording stays open
    so it can be deleted and recorded again.
    """

    def judge(recording: Recording, data: bytes) -> int:
        try:
            spoken = listen(recording.id, data)
        except UploadTooLarge:
            raise
        except AudioDecodeError as exc:
            if over_limit(exc):
                raise UploadTooLarge(str(exc)) from exc
            raise
        delivery = measure_delivery(spoken.audio.samples, spoken.transcript.words)
        attempt = submit_spoken_answer(
            sessions,
            embedder,
            recording.attempt_draft(spoken.transcript.text),
            transcript=spoken.transcript,
            delivery=delivery,
            max_words=max_words,
        )
        return attempt.id

    finished = recordings.finish_recording(recording_id, offset, judge)
    assert finished.attempt_id is not None
    return sessions.get_attempt(finished.attempt_id)


def answer_from_file(
    recordings: RecordingStore,
    sessions: SessionStore,
    embedder: Embedder,
    listen: Listen,
    draft: RecordingDraft,
    data: bytes,
    *,
    max_words: int = 5000,
) -> Attempt:
    """A whole uploaded file as one recording, finished at once (the form without scripts).

    The recording is stored like a chunked one, so it plays back the same way; when it cannot
    be judged it is deleted again and the error propagates.
    """
    recording = start_recording(recordings, draft)
    try:
        recordings.append_chunk(recording.id, 0, data)
        return finish_recording(
            recordings,
            sessions,
            embedder,
            listen,
            recording.id,
            offset=len(data),
            max_words=max_words,
        )
    except BaseException:
        try:
            recordings.delete_recording(recording.id)
        except GreenroomError:
            log.warning("could not delete recording %s after a failed upload", recording.id)
        raise

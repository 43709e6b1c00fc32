"""The capabilities the domain needs from the outside, as small Protocols."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
import numpy.typing as npt

from greenroom.domain.parking import ConcernDraft, ParkedConcern
from greenroom.domain.sessions import Attempt, AttemptDraft, PracticeSession, SessionDraft
from greenroom.domain.stories import Story, StoryDraft, StoryUse

if TYPE_CHECKING:
    from greenroom.domain.recordings import ChunkReceipt, Recording, RecordingDraft
    from greenroom.speech.asr import TimedTranscript
    from greenroom.speech.audio import Audio


class Embedder(Protocol):
    """Turns sentences into unit-length vectors; cosine similarity is then a dot product."""

    name: str

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """One L2-normalised row per text (shape ``(len(texts), dim)``)."""
        ...


class Transcriber(Protocol):
    """Turns decoded speech into text with a start and end time for every word."""

    name: str

    def transcribe(self, audio: Audio) -> TimedTranscript:
        """The words heard in ``audio`` (16 kHz mono), in order, times in seconds."""
        ...


class StoryStore(Protocol):
    """Keeps the candidate's stories and each time one was told."""

    def add_story(self, draft: StoryDraft) -> Story:
        """Store a new story and return it with its id and timestamps."""
        ...

    def list_stories(self) -> tuple[Story, ...]:
        """Every story, oldest first."""
        ...

    def get_story(self, story_id: int) -> Story:
        """The story with this id; raises ``NotFoundError`` when there is none."""
        ...

    def delete_story(self, story_id: int) -> None:
        """Delete a story and its uses; raises ``NotFoundError`` when there is none."""
        ...

    def record_use(self, use: StoryUse) -> StoryUse:
        """Note that a story was told; raises ``NotFoundError`` for an unknown story."""
        ...

    def list_uses(self, story_id: int | None = None) -> tuple[StoryUse, ...]:
        """Uses of one story, or of all stories, oldest first."""
        ...


class ParkingLot(Protocol):
    """Keeps concerns for after the offer."""

    def park(self, draft: ConcernDraft) -> ParkedConcern:
        """Store a concern and return it with its id and time."""
        ...

    def list_parked(self, *, include_resolved: bool = False) -> tuple[ParkedConcern, ...]:
        """Open concerns (or all of them), oldest first."""
        ...

    def resolve(self, concern_id: int) -> ParkedConcern:
        """Mark a concern dealt with; raises ``NotFoundError`` when there is none."""
        ...


class SessionStore(Protocol):
    """Practice sessions and their attempts; an attempt is committed before it is judged."""

    def create_session(self, draft: SessionDraft) -> PracticeSession:
        """Store a new session."""
        ...

    def get_session(self, session_id: int) -> PracticeSession:
        """The session (``NotFoundError`` when unknown)."""
        ...

    def list_sessions(self) -> tuple[PracticeSession, ...]:
        """Every session, newest first."""
        ...

    def finish_session(self, session_id: int) -> PracticeSession:
        """Mark a session finished (idempotent)."""
        ...

    def add_attempt(self, draft: AttemptDraft) -> Attempt:
        """Commit an answer before it is judged."""
        ...

    def save_judgement(self, attempt_id: int, judgement: dict[str, Any]) -> Attempt:
        """Attach the judgement JSON to a stored attempt."""
        ...

    def get_attempt(self, attempt_id: int) -> Attempt:
        """The attempt (``NotFoundError`` when unknown)."""
        ...

    def data_version(self) -> str:
        """A token that changes whenever sessions or attempts change (for caching pages)."""
        ...

    def list_attempts(self, session_id: int | None = None) -> tuple[Attempt, ...]:
        """Attempts of one session (or all), oldest first."""
        ...

    def unjudged_attempts(self) -> tuple[Attempt, ...]:
        """Attempts saved but never judged (a crash while judging), oldest first."""
        ...


class RecordingStore(Protocol):
    """Recorded answers: a row per recording and its bytes in a file that grows at its end.

    Every call on one recording is serialised (across threads and processes), and a chunk is
    acknowledged only once it is on disk.
    """

    def create_recording(self, draft: RecordingDraft) -> Recording:
        """Commit a new, empty recording (``NotFoundError`` for an unknown session)."""
        ...

    def get_recording(self, recording_id: str) -> Recording:
        """The recording with its durable offset (``NotFoundError`` when unknown)."""
        ...

    def append_chunk(self, recording_id: str, offset: int, data: bytes) -> ChunkReceipt:
        """Place ``data`` sent for byte ``offset`` (see ``plan_chunk``); returns after fsync."""
        ...

    def read_audio(self, recording_id: str) -> bytes:
        """Every byte stored so far (empty when none)."""
        ...

    def audio_path(self, recording_id: str) -> Path:
        """The file holding the recording (``NotFoundError`` before its first chunk)."""
        ...

    def finish_recording(
        self, recording_id: str, offset: int, judge: Callable[[Recording, bytes], int]
    ) -> Recording:
        """Mark a complete recording finished with the attempt ``judge(recording, data)``
        returns; an already finished one is returned as it is, without judging again."""
        ...

    def delete_recording(self, recording_id: str) -> None:
        """Discard an unfinished recording and its file (``ChunkConflict`` once finished)."""
        ...


class Store(StoryStore, ParkingLot, SessionStore, Protocol):
    """The whole persistent store, which holds a database connection pool until closed."""

    def close(self) -> None:
        """Release connections; the store is not used afterwards."""
        ...

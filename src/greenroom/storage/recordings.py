"""Recordings on disk and in the database: a durable, resumable, append-only upload store.

A recording's row is committed when it is created; its bytes live in
``<directory>/<id>.<container>`` (the container kind is sniffed from the first chunk and
saved in the row before the file is made). The file is only ever appended to, and a chunk is
acknowledged only after ``write`` + ``fsync`` of the file (and of the directory when the file
was created), so the durable offset is simply the file's size. Work on one recording is
serialised by a per-recording thread lock and an ``fcntl.flock`` on ``<id>.lock``, so two
requests (in one process or several) never interleave. Placement rules (duplicate, gap,
conflict) are the pure :func:`~greenroom.domain.recordings.plan_chunk`.
"""

from __future__ import annotations

import fcntl
import logging
import os
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import sqlalchemy as sa

from greenroom.domain.recordings import (
    MEDIA_TYPES,
    ChunkConflict,
    ChunkReceipt,
    NotAudio,
    Recording,
    RecordingDraft,
    RecordingState,
    is_recording_id,
    plan_chunk,
)
from greenroom.errors import NotFoundError, StorageError
from greenroom.speech.audio import sniff_container
from greenroom.storage.engine import GuardedEngine, safe_url
from greenroom.storage.sql import Clock, require_answer_parents, utc_now
from greenroom.storage.tables import attempts, recordings

log = logging.getLogger(__name__)

__all__ = ["DiskRecordingStore"]


class _KeyedLocks:
    """One thread lock per key, dropped when no thread holds or waits for it."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[str, tuple[threading.Lock, int]] = {}

    @contextmanager
    def hold(self, key: str) -> Iterator[None]:
        with self._guard:
            lock, users = self._locks.get(key, (threading.Lock(), 0))
            self._locks[key] = (lock, users + 1)
        try:
            with lock:
                yield
        finally:
            with self._guard:
                lock, users = self._locks[key]
                if users == 1:
                    del self._locks[key]
                else:
                    self._locks[key] = (lock, users - 1)


class DiskRecordingStore(GuardedEngine):
    """:class:`~greenroom.domain.ports.RecordingStore` over a database engine and a folder."""

    def __init__(
        self,
        engine: sa.Engine,
        directory: Path,
        *,
        max_bytes: int,
        clock: Clock = utc_now,
    ) -> None:
        self.directory = directory.expanduser()
        self.max_bytes = max_bytes
        self._engine = engine
        self._storage_url = safe_url(engine.url.render_as_string(hide_password=False))
        self._clock = clock
        self._locks = _KeyedLocks()
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(str(self.directory), f"cannot create the folder: {exc}") from exc

    # --- rows ----------------------------------------------------------------------------

    def create_recording(self, draft: RecordingDraft) -> Recording:
        new_id = uuid.uuid4().hex
        with self._begin() as conn:
            require_answer_parents(conn, draft.session_id, draft.retry_of)
            conn.execute(
                sa.insert(recordings).values(
                    id=new_id,
                    session_id=draft.session_id,
                    interviewer=draft.interviewer,
                    stage=int(draft.stage),
                    question=draft.question,
                    question_id=draft.question_id,
                    retry_of=draft.retry_of,
                    container=None,
                    state="recording",
                    attempt_id=None,
                    created_at=self._clock(),
                    finished_at=None,
                )
            )
            row = conn.execute(sa.select(recordings).where(recordings.c.id == new_id)).one()
        return _recording(row, 0)

    def get_recording(self, recording_id: str) -> Recording:
        row = self._row(recording_id)
        return _recording(row, self._durable_size(row))

    # --- bytes ---------------------------------------------------------------------------

    def append_chunk(self, recording_id: str, offset: int, data: bytes) -> ChunkReceipt:
        """Place ``data`` sent for byte ``offset``; returns only once it is on disk.

        Raises ``NotFoundError``, :class:`ChunkConflict` (gap, differing bytes, finished),
        :class:`UploadTooLarge` and :class:`NotAudio` (a first chunk that is not audio).
        """
        row = self._row(recording_id)
        if row.state == "finished":
            raise ChunkConflict(recording_id, self._size(row), "the recording is finished")
        with self._hold(recording_id):
            row = self._row(recording_id)
            stored = self._size(row)
            plan = plan_chunk(
                recording_id,
                offset=offset,
                length=len(data),
                stored=stored,
                max_bytes=self.max_bytes,
                finished=row.state == "finished",
            )
            if plan.compare:
                kept = self._read(row, offset, plan.compare)
                if kept != data[: plan.compare]:
                    raise ChunkConflict(
                        recording_id,
                        stored,
                        f"the chunk for byte {offset} differs from the bytes stored there; "
                        f"resend from {stored}",
                    )
            if not plan.append:
                return ChunkReceipt(offset=stored, duplicate=plan.duplicate)
            tail = data[plan.compare :]
            if stored == 0:
                row = self._start_file(row, tail)
            self._write(self._file(row), stored, tail)
            return ChunkReceipt(offset=stored + len(tail), duplicate=False)

    def read_audio(self, recording_id: str) -> bytes:
        row = self._row(recording_id)
        if row.container is None:
            return b""
        try:
            return self._file(row).read_bytes()
        except FileNotFoundError:
            return b""
        except OSError as exc:
            raise StorageError(str(self._file(row)), f"cannot read: {exc}") from exc

    def audio_path(self, recording_id: str) -> Path:
        row = self._row(recording_id)
        path = self._file(row) if row.container is not None else None
        if path is None or not path.is_file():
            raise NotFoundError("recording audio", recording_id)
        return path

    # --- finishing and discarding --------------------------------------------------------

    def finish_recording(
        self, recording_id: str, offset: int, judge: Callable[[Recording, bytes], int]
    ) -> Recording:
        """Mark the recording finished with the attempt ``judge(recording, data)`` returns.

        A finished recording is returned as it is. ``offset`` must equal the stored size
        (:class:`ChunkConflict` otherwise). When an attempt for this recording was already
        committed (a crash after judging, before this row was updated), it is used instead of
        judging again.
        """
        row = self._row(recording_id)
        if row.state == "finished":
            return _recording(row, self._size(row))
        with self._hold(recording_id):
            row = self._row(recording_id)
            stored = self._durable_size(row)
            if row.state == "finished":
                self._drop_lock_file(recording_id)
                return _recording(row, stored)
            if offset != stored:
                raise ChunkConflict(
                    recording_id,
                    stored,
                    f"finish at byte {offset} but {stored} bytes are stored; "
                    f"send the rest from {stored} first",
                )
            attempt_id = self._attempt_for(recording_id)
            if attempt_id is None:
                recording = _recording(row, stored)
                attempt_id = judge(recording, self.read_audio(recording_id))
            where = recordings.c.id == recording_id
            with self._begin() as conn:
                conn.execute(
                    sa.update(recordings)
                    .where(where)
                    .values(state="finished", attempt_id=attempt_id, finished_at=self._clock())
                )
                row = conn.execute(sa.select(recordings).where(where)).one()
            self._drop_lock_file(recording_id)
            return _recording(row, stored)

    def delete_recording(self, recording_id: str) -> None:
        self._row(recording_id)
        with self._hold(recording_id):
            row = self._row(recording_id)
            if row.state == "finished":
                raise ChunkConflict(
                    recording_id, self._size(row), "the recording is finished and kept"
                )
            for kind in {row.container, *MEDIA_TYPES} - {None}:
                self._unlink(self.directory / f"{recording_id}.{kind}")
            self._sync_directory()
            with self._begin() as conn:
                conn.execute(sa.delete(recordings).where(recordings.c.id == recording_id))
            self._drop_lock_file(recording_id)

    # --- plumbing ------------------------------------------------------------------------

    def _row(self, recording_id: str) -> sa.Row[Any]:
        if not is_recording_id(recording_id):
            raise NotFoundError("recording", recording_id[:64])
        with self._connect() as conn:
            row = conn.execute(
                sa.select(recordings).where(recordings.c.id == recording_id)
            ).one_or_none()
        if row is None:
            raise NotFoundError("recording", recording_id)
        return row

    def _attempt_for(self, recording_id: str) -> int | None:
        with self._connect() as conn:
            found = conn.execute(
                sa.select(attempts.c.id).where(attempts.c.recording_id == recording_id)
            ).one_or_none()
        return None if found is None else int(found.id)

    def _file(self, row: sa.Row[Any]) -> Path:
        return self.directory / f"{row.id}.{row.container}"

    def _size(self, row: sa.Row[Any]) -> int:
        if row.container is None:
            return 0
        try:
            return self._file(row).stat().st_size
        except FileNotFoundError:
            return 0
        except OSError as exc:
            raise StorageError(str(self._file(row)), f"cannot read: {exc}") from exc

    def _durable_size(self, row: sa.Row[Any]) -> int:
        """The size after an ``fsync``, so an offset reported to a client is on disk even when
        the last writer was killed between its write and its ``fsync``."""
        if row.container is None or row.state == "finished":
            return self._size(row)
        path = self._file(row)
        try:
            fd = os.open(path, os.O_RDONLY)
        except FileNotFoundError:
            return 0
        except OSError as exc:
            raise StorageError(str(path), f"cannot read: {exc}") from exc
        try:
            os.fsync(fd)
            return os.fstat(fd).st_size
        except OSError as exc:
            raise StorageError(str(path), f"cannot sync: {exc}") from exc
        finally:
            os.close(fd)

    def _read(self, row: sa.Row[Any], offset: int, length: int) -> bytes:
        path = self._file(row)
        try:
            with path.open("rb") as handle:
                handle.seek(offset)
                return handle.read(length)
        except OSError as exc:
            raise StorageError(str(path), f"cannot read: {exc}") from exc

    def _start_file(self, row: sa.Row[Any], first: bytes) -> sa.Row[Any]:
        """Record the container the first bytes show before the file named after it exists."""
        kind = sniff_container(first)
        if kind is None:
            raise NotAudio(
                "the recording does not start like an audio file "
                "(expected wav, webm, ogg, mp3 or m4a)"
            )
        if row.container == kind:
            return row
        if row.container is not None:
            self._unlink(self._file(row))  # an empty file from a first chunk of another kind
        where = recordings.c.id == row.id
        with self._begin() as conn:
            conn.execute(sa.update(recordings).where(where).values(container=kind))
            return conn.execute(sa.select(recordings).where(where)).one()

    def _write(self, path: Path, offset: int, data: bytes) -> None:
        """Write ``data`` at ``offset`` and ``fsync`` it (and the folder for a new file)."""
        created = not path.exists()
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        except OSError as exc:
            raise StorageError(str(path), f"cannot open for writing: {exc}") from exc
        try:
            view = memoryview(data)
            written = 0
            while written < len(view):
                written += os.pwrite(fd, view[written:], offset + written)
            os.fsync(fd)
        except OSError as exc:
            _truncate(fd, offset)
            raise StorageError(str(path), f"cannot write: {exc}") from exc
        finally:
            os.close(fd)
        if created:
            self._sync_directory()

    def _sync_directory(self) -> None:
        fd = os.open(self.directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def _unlink(self, path: Path) -> None:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            raise StorageError(str(path), f"cannot delete: {exc}") from exc

    @contextmanager
    def _hold(self, recording_id: str) -> Iterator[None]:
        """Exclusive use of one recording: a thread lock, then ``flock`` for other processes."""
        with self._locks.hold(recording_id):
            path = self.directory / f"{recording_id}.lock"
            try:
                fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError as exc:
                raise StorageError(str(path), f"cannot lock: {exc}") from exc
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                yield
            except NotFoundError:
                self._drop_lock_file(recording_id)  # deleted while this request waited
                raise
            finally:
                os.close(fd)  # closing the only descriptor releases the flock

    def _drop_lock_file(self, recording_id: str) -> None:
        """Remove the lock file of a recording that is finished or gone (called while holding
        it; a process still waiting on it sees the final state once it gets it)."""
        try:
            (self.directory / f"{recording_id}.lock").unlink(missing_ok=True)
        except OSError:
            log.warning("could not remove the lock file of recording %s", recording_id)


def _truncate(fd: int, size: int) -> None:
    """Cut a failed write back to the acknowledged size (best effort: the size is what counts,
    and a resend of the same bytes is accepted anyway)."""
    try:
        os.ftruncate(fd, size)
        os.fsync(fd)
    except OSError:
        log.warning("could not cut a failed write back to %d bytes", size)


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _recording(row: sa.Row[Any], offset: int) -> Recording:
    return Recording(
        id=row.id,
        session_id=row.session_id,
        interviewer=row.interviewer,
        stage=row.stage,
        question=row.question,
        question_id=row.question_id,
        retry_of=row.retry_of,
        container=row.container,
        state=cast(RecordingState, row.state),
        attempt_id=row.attempt_id,
        created_at=_utc(row.created_at),
        finished_at=None if row.finished_at is None else _utc(row.finished_at),
        offset=offset,
    )

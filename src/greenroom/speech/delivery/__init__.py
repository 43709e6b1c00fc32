"""Delivery metrics of a spoken answer: pace, fillers, pauses, pitch variation and loudness.

Pure functions over a mono 16 kHz float32 array and ASR word timings. Pauses come from voice
activity, never from word timestamps. No face, emotion or "confidence" inference.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields

import numpy as np
from numpy.typing import NDArray

from greenroom.speech.delivery import constants
from greenroom.speech.delivery.fillers import timed_fillers
from greenroom.speech.delivery.loudness import loudness
from greenroom.speech.delivery.pace import pace
from greenroom.speech.delivery.pauses import pauses, speech_segments
from greenroom.speech.delivery.pitch import f0_track, is_monotone, pitch_variation_st

__all__ = ["Delivery", "TimedWord", "measure_delivery"]


@dataclass(frozen=True, slots=True)
class TimedWord:
    """One recognised word with its start and end in seconds."""

    text: str
    start_s: float
    end_s: float


@dataclass(frozen=True, slots=True)
class Delivery:
    """How an answer was said. Durations in seconds, rates per minute, levels in dBFS/dB.

    ``duration_s`` runs from the first speech onset to the last speech offset and
    ``speech_s`` sums the voice-activity segments. ``pauses`` lists every gap of at least the
    minimum pause length as ``(start_s, end_s)``; ``filler_times`` the start of each filler.
    ``pitch_variation_st``/``monotone`` are ``None`` with too few voiced frames and
    ``loudness_db``/``loudness_sd_db`` are ``None`` without speech.
    """

    duration_s: float
    speech_s: float
    words_per_minute: float
    articulation_rate_wpm: float
    filler_count: int
    fillers_per_minute: float
    fillers_per_100_words: float
    long_pause_count: int
    longest_pause_s: float
    silence_share: float
    pitch_variation_st: float | None
    monotone: bool | None
    loudness_db: float | None
    loudness_sd_db: float | None
    pauses: tuple[tuple[float, float], ...]
    filler_times: tuple[float, ...]

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict (tuples become lists)."""
        out: dict[str, object] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "pauses":
                value = [[start, end] for start, end in value]
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out


def measure_delivery(
    samples: NDArray[np.float32],
    words: Sequence[TimedWord],
    *,
    sample_rate: int = constants.SAMPLE_RATE,
    long_pause_s: float = constants.LONG_PAUSE_S,
    min_pause_s: float = constants.MIN_PAUSE_S,
) -> Delivery:
    """All delivery metrics of one answer (mono float32 ``samples`` at ``sample_rate`` Hz).

    Empty or silent audio gives zeros, no pauses and ``None`` for pitch and loudness; the
    filler count still comes from ``words``.
    """
    audio = np.asarray(samples, dtype=np.float32).reshape(-1)
    segments = speech_segments(audio, sample_rate=sample_rate, min_pause_s=min_pause_s)
    spoken = [w for w in words if w.text.strip()]
    speed = pace(len(spoken), segments)
    gaps = pauses(segments, long_pause_s=long_pause_s, min_pause_s=min_pause_s)
    filler = timed_fillers(spoken)
    variation = pitch_variation_st(f0_track(audio, sample_rate=sample_rate))
    level = loudness(audio, segments, sample_rate=sample_rate)
    minutes = speed.duration_s / 60.0
    return Delivery(
        duration_s=speed.duration_s,
        speech_s=speed.speech_s,
        words_per_minute=speed.words_per_minute,
        articulation_rate_wpm=speed.articulation_rate_wpm,
        filler_count=filler.count,
        fillers_per_minute=filler.count / minutes if minutes > 0 else 0.0,
        fillers_per_100_words=filler.per_100_words,
        long_pause_count=gaps.long_count,
        longest_pause_s=gaps.longest_s,
        silence_share=gaps.silence_share,
        pitch_variation_st=variation,
        monotone=is_monotone(variation),
        loudness_db=level.level_db,
        loudness_sd_db=level.sd_db,
        pauses=gaps.pauses,
        filler_times=filler.times_s,
    )

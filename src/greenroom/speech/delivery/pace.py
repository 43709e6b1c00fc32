"""Speaking pace: words per minute over the answer, and articulation rate over speech only."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

Segment = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Pace:
    """Pace of an answer; every field is 0.0 when there is no speech or no words."""

    duration_s: float
    speech_s: float
    words_per_minute: float
    articulation_rate_wpm: float


def speaking_span(segments: Sequence[Segment]) -> tuple[float, float]:
    """Seconds from the first speech onset to the last speech offset; ``(0.0, 0.0)`` if none."""
    if not segments:
        return (0.0, 0.0)
    return (min(s for s, _ in segments), max(e for _, e in segments))


def pace(word_count: int, segments: Sequence[Segment]) -> Pace:
    """Words per minute (words / span from first onset to last offset * 60) and articulation
    rate (words / summed speech-segment seconds * 60), both in words per minute.

    ``duration_s`` is the span and ``speech_s`` the summed segment length, in seconds.
    Rates are 0.0 when the matching duration is 0.
    """
    start, end = speaking_span(segments)
    duration = max(0.0, end - start)
    speech = sum((max(0.0, e - s) for s, e in segments), 0.0)
    wpm = word_count / duration * 60.0 if duration > 0 else 0.0
    art = word_count / speech * 60.0 if speech > 0 else 0.0
    return Pace(duration, speech, wpm, art)

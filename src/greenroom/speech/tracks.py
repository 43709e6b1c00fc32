"""Who spoke when in an interview recording, from voice activity alone (no speaker model).

Two situations are supported, both by where the voices were recorded rather than by what they
sound like:

- **The candidate's own track only.** Answers are the stretches of speech separated by at
  least :data:`ANSWER_GAP_S` seconds of silence: while the candidate is silent that long, the
  interviewer was asking the next question (:func:`answer_spans`).
- **One track (or channel) per voice.** Every speech segment belongs to the voice of its track;
  consecutive segments of one voice form a turn, ordered by time (:func:`voice_turns`), and
  the answers are the candidate turns between two interviewer prompts
  (:func:`answer_bounds`).

Everything here is pure: sample arrays and ``(start_s, end_s)`` segments in, segments out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from greenroom.domain.models import Speaker
from greenroom.speech.delivery import constants
from greenroom.speech.delivery.pauses import Segment, speech_segments

__all__ = [
    "ANSWER_GAP_S",
    "TURN_PAD_S",
    "Segment",
    "VoiceTurn",
    "answer_bounds",
    "answer_spans",
    "group_segments",
    "voice_turns",
]

ANSWER_GAP_S = 4.0
"""Silence (seconds) in the candidate's own track that separates two answers.

Twice the 2 s long-pause threshold of the delivery metrics, so every pause they can flag as
long (2-4 s) still stays inside its answer, while a silence this long is what asking even a
short question takes: a 10-word prompt at the conversational 150 words per minute lasts 4 s,
plus the two turn transitions around it. A shorter follow-up ("Why?") is missed and a
thinking pause of 4 s or more splits an answer; ``--answer-gap`` changes the value."""

TURN_PAD_S = 0.2
"""Audio kept on each side of a turn when it is cut out for transcription, so the first and
last syllables are not clipped by the voice-activity edges."""


@dataclass(frozen=True, slots=True)
class VoiceTurn:
    """One voice speaking, from ``start_s`` to ``end_s`` seconds into the recording."""

    speaker: Speaker
    start_s: float
    end_s: float


def group_segments(
    segments: Sequence[Segment], *, min_gap_s: float = ANSWER_GAP_S
) -> tuple[Segment, ...]:
    """Speech segments joined across every gap shorter than ``min_gap_s`` seconds.

    Each group runs from its first onset to its last offset. Segments may come unordered or
    overlapping; empty input gives ``()``.
    """
    groups: list[Segment] = []
    for start, end in sorted(segments):
        if groups and start - groups[-1][1] < min_gap_s:
            groups[-1] = (groups[-1][0], max(groups[-1][1], end))
        else:
            groups.append((start, end))
    return tuple(groups)


def answer_spans(
    samples: NDArray[np.float32],
    *,
    sample_rate: int = constants.SAMPLE_RATE,
    min_gap_s: float = ANSWER_GAP_S,
    use_silero: bool = True,
) -> tuple[Segment, ...]:
    """The answers in a track holding only the candidate's voice, as ``(start_s, end_s)``.

    Speech comes from voice activity (:func:`~greenroom.speech.delivery.pauses.speech_segments`)
    and is grouped with :func:`group_segments`. Silent or empty audio gives ``()``.
    """
    found = speech_segments(samples, sample_rate=sample_rate, use_silero=use_silero)
    return group_segments(found, min_gap_s=min_gap_s)


def voice_turns(
    candidate: Sequence[Segment], interviewer: Sequence[Segment]
) -> tuple[VoiceTurn, ...]:
    """Both voices' speech segments as turns ordered by start time.

    A segment lying wholly inside a segment of the other voice is overlap (a "mhm" or a laugh
    while the other one talks), not a turn, and is left out. The remaining segments are sorted
    by start and consecutive segments of one voice merge into one turn. A backchannel in the
    other voice's pause stays a turn of its own; ``exchanges`` drops it when it pairs
    questions with answers.
    """
    labelled = [("candidate", s) for s in candidate] + [("interviewer", s) for s in interviewer]
    kept = [
        (who, seg)
        for who, seg in labelled
        if not any(
            other != who and o_start <= seg[0] and seg[1] <= o_end
            for other, (o_start, o_end) in labelled
        )
    ]
    turns: list[VoiceTurn] = []
    for who, (start, end) in sorted(kept, key=lambda item: (item[1][0], item[1][1])):
        speaker: Speaker = "candidate" if who == "candidate" else "interviewer"
        if turns and turns[-1].speaker == speaker:
            last = turns[-1]
            turns[-1] = VoiceTurn(speaker, last.start_s, max(last.end_s, end))
        else:
            turns.append(VoiceTurn(speaker, start, end))
    return tuple(turns)


def answer_bounds(
    candidate_turns: Sequence[Segment], answer_starts: Sequence[float]
) -> tuple[Segment, ...]:
    """Where each answer lies, given where each one starts (its first candidate turn).

    An answer runs from its start to the latest end of the candidate turns that start before
    the next answer does. ``answer_starts`` must be ascending; an answer with no candidate turn
    in its range (which the callers never produce) ends where it starts.
    """
    bounds: list[Segment] = []
    for index, start in enumerate(answer_starts):
        stop = answer_starts[index + 1] if index + 1 < len(answer_starts) else float("inf")
        ends = [end for begin, end in candidate_turns if start <= begin < stop]
        bounds.append((start, max(ends, default=start)))
    return tuple(bounds)

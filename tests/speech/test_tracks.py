"""Who spoke when: answers split at long silences, turns from one track per voice."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.typing import NDArray

from greenroom.domain.models import Transcript, Turn
from greenroom.domain.transcripts import answer_turns, exchanges
from greenroom.speech.delivery import constants
from greenroom.speech.tracks import (
    ANSWER_GAP_S,
    VoiceTurn,
    answer_bounds,
    answer_spans,
    group_segments,
    voice_turns,
)

SAMPLE_RATE = 16000


def tone(seconds: float, hz: float = 220.0) -> NDArray[np.float32]:
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    return (0.3 * np.sin(2 * np.pi * hz * t)).astype(np.float32)


def silence(seconds: float) -> NDArray[np.float32]:
    return np.zeros(int(seconds * SAMPLE_RATE), dtype=np.float32)


def test_answer_gap_keeps_every_long_pause_inside_an_answer() -> None:
    assert ANSWER_GAP_S >= 2 * constants.LONG_PAUSE_S


@pytest.mark.parametrize(
    ("segments", "gap", "expected"),
    [
        ([], 4.0, ()),
        ([(0.0, 1.0)], 4.0, ((0.0, 1.0),)),
        ([(0.0, 1.0), (3.0, 5.0)], 4.0, ((0.0, 5.0),)),
        ([(0.0, 1.0), (5.0, 6.0)], 4.0, ((0.0, 1.0), (5.0, 6.0))),
        ([(7.0, 8.0), (0.0, 1.0), (2.0, 2.5)], 4.0, ((0.0, 2.5), (7.0, 8.0))),
        ([(0.0, 4.0), (1.0, 2.0)], 4.0, ((0.0, 4.0),)),
        ([(0.0, 1.0), (3.0, 4.0)], 1.5, ((0.0, 1.0), (3.0, 4.0))),
    ],
)
def test_group_segments_joins_across_gaps_shorter_than_the_threshold(
    segments: list[tuple[float, float]], gap: float, expected: tuple[tuple[float, float], ...]
) -> None:
    assert group_segments(segments, min_gap_s=gap) == expected


def test_answer_spans_split_a_candidate_track_at_long_silences() -> None:
    # answer 1 with a 2.5 s thinking pause inside, a 6 s question, answer 2
    audio = np.concatenate(
        [silence(1.0), tone(3.0), silence(2.5), tone(2.0), silence(6.0), tone(4.0), silence(1.0)]
    )
    spans = answer_spans(audio, use_silero=False)
    assert len(spans) == 2
    (first_start, first_end), (second_start, second_end) = spans
    assert first_start == pytest.approx(1.0, abs=0.05)
    assert first_end == pytest.approx(8.5, abs=0.05)
    assert second_start == pytest.approx(14.5, abs=0.05)
    assert second_end == pytest.approx(18.5, abs=0.05)


def test_answer_spans_follow_the_gap_setting() -> None:
    audio = np.concatenate([tone(2.0), silence(3.0), tone(2.0)])
    assert len(answer_spans(audio, use_silero=False)) == 1
    assert len(answer_spans(audio, use_silero=False, min_gap_s=2.0)) == 2


def test_silent_track_has_no_answers() -> None:
    assert answer_spans(silence(5.0), use_silero=False) == ()
    assert answer_spans(np.zeros(0, dtype=np.float32), use_silero=False) == ()


def test_voice_turns_alternate_in_time_order() -> None:
    interviewer = [(0.0, 3.0), (20.0, 23.0)]
    candidate = [(3.5, 8.0), (8.4, 19.0), (23.5, 30.0)]
    assert voice_turns(candidate, interviewer) == (
        VoiceTurn("interviewer", 0.0, 3.0),
        VoiceTurn("candidate", 3.5, 19.0),
        VoiceTurn("interviewer", 20.0, 23.0),
        VoiceTurn("candidate", 23.5, 30.0),
    )


def test_speech_wholly_inside_the_other_voice_is_not_a_turn() -> None:
    interviewer = [(0.0, 3.0), (6.0, 6.4), (20.0, 23.0)]  # "mhm" at 6 s
    candidate = [(3.5, 19.0), (21.0, 21.5)]  # "yes" while the question runs
    turns = voice_turns(candidate, interviewer)
    assert [t.speaker for t in turns] == ["interviewer", "candidate", "interviewer"]
    assert turns[2] == VoiceTurn("interviewer", 20.0, 23.0)


def test_backchannel_in_a_pause_stays_a_turn_between_two_answer_parts() -> None:
    turns = voice_turns([(2.0, 6.0), (7.0, 12.0)], [(0.0, 1.5), (6.2, 6.7), (13.0, 15.0)])
    assert [t.speaker for t in turns] == [
        "interviewer", "candidate", "interviewer", "candidate", "interviewer",
    ]  # fmt: skip


def test_interruption_orders_turns_by_start() -> None:
    turns = voice_turns([(2.0, 10.0)], [(0.0, 2.5), (9.5, 12.0)])
    assert [(t.speaker, t.start_s) for t in turns] == [
        ("interviewer", 0.0),
        ("candidate", 2.0),
        ("interviewer", 9.5),
    ]


def test_no_speech_gives_no_turns() -> None:
    assert voice_turns([], []) == ()


def test_answer_bounds_cover_every_candidate_turn_of_an_answer() -> None:
    candidate = [(3.0, 6.0), (7.0, 12.0), (20.0, 25.0), (26.0, 27.0)]
    assert answer_bounds(candidate, [3.0, 20.0]) == ((3.0, 12.0), (20.0, 27.0))
    assert answer_bounds(candidate, []) == ()


def test_answer_turns_follow_exchanges_across_a_dropped_backchannel() -> None:
    transcript = Transcript(
        (
            Turn("candidate", "Hello there.", time_s=0.0),
            Turn("interviewer", "Tell me about a project you led.", time_s=2.0),
            Turn("candidate", "I led the billing migration.", time_s=5.0),
            Turn("interviewer", "Mhm.", time_s=8.0),
            Turn("candidate", "It took six weeks.", time_s=9.0),
            Turn("interviewer", "Why do you want to work here?", time_s=12.0),
            Turn("candidate", "Your product helps clinics.", time_s=15.0),
        )
    )
    pairs = exchanges(transcript)
    groups = answer_turns(transcript)
    assert len(groups) == len(pairs) == 3
    assert [[t.time_s for t in group] for group in groups] == [[0.0], [5.0, 9.0], [15.0]]
    for pair, group in zip(pairs, groups, strict=True):
        assert pair.answer == " ".join(t.text for t in group)

"""Delivery metrics on synthetic input (pure, fast) and espeak-ng speech."""

from __future__ import annotations

import json
from collections.abc import Callable

import numpy as np
import pytest
from numpy.typing import NDArray

from greenroom.speech.delivery import Delivery, TimedWord, measure_delivery
from greenroom.speech.delivery.fillers import timed_fillers
from greenroom.speech.delivery.loudness import loudness
from greenroom.speech.delivery.pace import pace
from greenroom.speech.delivery.pauses import energy_segments, pauses, speech_segments
from greenroom.speech.delivery.pitch import f0_track, is_monotone, pitch_variation_st

SAMPLE_RATE = 16000
TEXT = (
    "I led the migration of our billing service to a new database. "
    "We planned the cutover carefully, tested every step in staging, "
    "and finished two weeks early without any downtime for customers."
)
Synth = Callable[..., NDArray[np.float32]]
SILENCE = np.zeros(int(2.5 * SAMPLE_RATE), dtype=np.float32)


def words_over(text: str, start: float, end: float) -> list[TimedWord]:
    """Spread the words of ``text`` evenly over ``[start, end]`` seconds."""
    tokens = text.split()
    step = (end - start) / len(tokens)
    return [TimedWord(t, start + i * step, start + (i + 1) * step) for i, t in enumerate(tokens)]


def tone(hz: float, seconds: float, amp: float = 0.3) -> NDArray[np.float32]:
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    return (amp * np.sin(2 * np.pi * hz * t)).astype(np.float32)


# --- pure, table-driven -------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "segments", "wpm", "art"),
    [
        (150, [(0.0, 60.0)], 150.0, 150.0),
        (100, [(1.0, 21.0), (31.0, 41.0)], 150.0, 200.0),
        (10, [], 0.0, 0.0),
        (0, [(0.0, 5.0)], 0.0, 0.0),
    ],
)
def test_pace(words: int, segments: list[tuple[float, float]], wpm: float, art: float) -> None:
    result = pace(words, segments)
    assert result.words_per_minute == pytest.approx(wpm)
    assert result.articulation_rate_wpm == pytest.approx(art)


@pytest.mark.parametrize(
    ("segments", "count", "longest", "share", "n_pauses"),
    [
        ([(0.0, 1.0), (3.5, 4.0), (4.2, 5.0), (5.5, 6.0)], 1, 2.5, 1 - 2.8 / 6.0, 2),
        ([(0.0, 1.0), (3.0, 4.0)], 0, 2.0, 0.5, 1),  # exactly 2 s is not "over 2 s"
        ([(1.0, 2.0)], 0, 0.0, 0.0, 0),
        ([], 0, 0.0, 0.0, 0),
    ],
)
def test_pauses(
    segments: list[tuple[float, float]], count: int, longest: float, share: float, n_pauses: int
) -> None:
    result = pauses(segments)
    assert result.long_count == count
    assert result.longest_s == pytest.approx(longest)
    assert result.silence_share == pytest.approx(share)
    assert len(result.pauses) == n_pauses


@pytest.mark.parametrize(
    ("text", "count", "times"),
    [
        ("um I think uh we shipped", 2, (0.0, 3.0)),
        ("I'd like to lead the team", 0, ()),
        ("it was, like, broken you know", 2, (2.0, 4.0)),
        ("", 0, ()),
    ],
)
def test_timed_fillers(text: str, count: int, times: tuple[float, ...]) -> None:
    words = [TimedWord(t, float(i), i + 0.5) for i, t in enumerate(text.split())]
    result = timed_fillers(words)
    assert result.count == count
    assert result.times_s == times


def test_fillers_per_100_words() -> None:
    words = [TimedWord(t, float(i), i + 0.5) for i, t in enumerate("um so uh yes".split())]
    assert timed_fillers(words).per_100_words == pytest.approx(50.0)


def test_pitch_of_steady_and_gliding_tones() -> None:
    steady = f0_track(tone(150.0, 1.0))
    assert np.median(steady) == pytest.approx(150.0, rel=0.02)
    variation = pitch_variation_st(steady)
    assert variation is not None and variation < 0.1
    assert is_monotone(variation) is True
    t = np.arange(SAMPLE_RATE * 2) / SAMPLE_RATE
    glide = (0.3 * np.sin(2 * np.pi * (100 * t + 50 * t**2))).astype(np.float32)  # 100->300 Hz
    wide = pitch_variation_st(f0_track(glide))
    assert wide is not None and wide > 3.0
    assert is_monotone(wide) is False


@pytest.mark.parametrize("audio", [np.zeros(0, np.float32), np.zeros(SAMPLE_RATE, np.float32)])
def test_pitch_undefined_without_voice(audio: NDArray[np.float32]) -> None:
    assert pitch_variation_st(f0_track(audio)) is None
    assert is_monotone(None) is None


def test_loudness_of_tone_and_none_without_speech() -> None:
    result = loudness(tone(200.0, 1.0, amp=0.5), [(0.0, 1.0)])
    assert result.level_db == pytest.approx(20 * np.log10(0.5 / np.sqrt(2)), abs=0.05)
    assert result.sd_db == pytest.approx(0.0, abs=0.05)
    assert loudness(tone(200.0, 1.0), []) == type(result)(None, None)


def test_energy_vad_finds_gap() -> None:
    audio = np.concatenate([tone(200, 1.0), SILENCE, tone(200, 1.0)])
    segments = energy_segments(audio)
    gaps = pauses(segments)
    assert gaps.long_count == 1
    assert gaps.longest_s == pytest.approx(2.5, abs=0.05)


@pytest.mark.parametrize("audio", [np.zeros(0, np.float32), np.zeros(SAMPLE_RATE, np.float32)])
def test_empty_and_silent_audio_give_defined_values(audio: NDArray[np.float32]) -> None:
    result = measure_delivery(audio, [TimedWord("um", 0.0, 0.2)])
    assert speech_segments(audio) == ()
    assert result.duration_s == result.speech_s == result.words_per_minute == 0.0
    assert result.articulation_rate_wpm == result.fillers_per_minute == 0.0
    assert (result.long_pause_count, result.longest_pause_s, result.silence_share) == (0, 0.0, 0.0)
    assert result.pitch_variation_st is None and result.monotone is None
    assert result.loudness_db is None and result.loudness_sd_db is None
    assert result.pauses == ()
    assert result.filler_count == 1 and result.filler_times == (0.0,)


def test_to_dict_is_json_ready() -> None:
    result = measure_delivery(np.zeros(0, np.float32), [])
    data = result.to_dict()
    assert set(data) == set(Delivery.__slots__)
    json.dumps(data)
    for key in ("words_per_minute", "filler_count", "long_pause_count", "longest_pause_s"):
        assert key in data
    assert "pitch_variation_st" in data


# --- espeak-ng speech ----------------------------------------------------------------


@pytest.mark.parametrize("rate", [120, 170, 220])
def test_words_per_minute_tracks_speaking_rate(espeak: Synth, rate: int) -> None:
    audio = espeak(TEXT, rate=rate)
    known = len(TEXT.split()) / (audio.size / SAMPLE_RATE) * 60.0
    result = measure_delivery(audio, words_over(TEXT, 0.0, audio.size / SAMPLE_RATE))
    assert result.words_per_minute == pytest.approx(known, rel=0.10)
    assert result.articulation_rate_wpm >= result.words_per_minute


def test_inserted_pauses_are_long_pauses(espeak: Synth) -> None:
    chunks = (
        "I led the migration of our billing service to a new database.",
        "We planned the cutover carefully, tested every step in staging,",
        "and finished two weeks early without any downtime for customers.",
    )
    first, second, third = (espeak(chunk) for chunk in chunks)
    audio = np.concatenate([first, SILENCE, second, SILENCE, third])
    result = measure_delivery(audio, words_over(TEXT, 0.0, audio.size / SAMPLE_RATE))
    starts = [first.size / SAMPLE_RATE, (first.size + SILENCE.size + second.size) / SAMPLE_RATE]
    long = [(s, e) for s, e in result.pauses if e - s > 2.0]
    assert result.long_pause_count == len(long) == 2
    for (s, e), expected in zip(long, starts, strict=True):
        assert e - s == pytest.approx(2.5, abs=0.4)
        assert s == pytest.approx(expected, abs=0.4)
    assert result.longest_pause_s == pytest.approx(2.5, abs=0.4)
    assert 0.2 < result.silence_share < 0.5


def test_monotone_and_lively_are_separated(espeak: Synth) -> None:
    def ssml(pitch_range: str) -> str:
        return f"<speak><prosody range='{pitch_range}'>{TEXT}</prosody></speak>"

    flat = measure_delivery(espeak(ssml("x-low"), ssml=True), [])
    lively = measure_delivery(espeak(ssml("x-high"), ssml=True), [])
    assert flat.pitch_variation_st is not None and lively.pitch_variation_st is not None
    assert flat.pitch_variation_st < lively.pitch_variation_st
    assert flat.monotone is True
    assert lively.monotone is False


def test_quieter_copy_measures_12_db_lower(espeak: Synth) -> None:
    audio = espeak(TEXT)
    quiet = (audio * 10 ** (-12 / 20)).astype(np.float32)
    loud, soft = measure_delivery(audio, []), measure_delivery(quiet, [])
    assert loud.loudness_db is not None and soft.loudness_db is not None
    assert loud.loudness_db - soft.loudness_db == pytest.approx(12.0, abs=0.5)
    assert loud.loudness_sd_db is not None and soft.loudness_sd_db is not None
    assert soft.loudness_sd_db == pytest.approx(loud.loudness_sd_db, abs=0.5)

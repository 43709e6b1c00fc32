"""A stereo recording decoded into its two channels, with the checks of decode_audio."""

from __future__ import annotations

import io
import wave

import numpy as np
import pytest
from numpy.typing import NDArray

from greenroom.errors import AudioDecodeError
from greenroom.speech.channels import decode_channels

RATE = 22050
MAX_BYTES = 10_000_000
MAX_S = 60.0


def tone(seconds: float, hz: float) -> NDArray[np.float32]:
    t = np.arange(int(seconds * RATE)) / RATE
    return (0.3 * np.sin(2 * np.pi * hz * t)).astype(np.float32)


def wav(*channels: NDArray[np.float32]) -> bytes:
    frames = np.stack(channels, axis=1).reshape(-1)
    out = io.BytesIO()
    with wave.open(out, "wb") as file:
        file.setnchannels(len(channels))
        file.setsampwidth(2)
        file.setframerate(RATE)
        file.writeframes((frames * 32767).astype("<i2").tobytes())
    return out.getvalue()


def test_channels_come_apart_at_16_khz() -> None:
    left = np.concatenate([tone(1.0, 200.0), np.zeros(RATE, dtype=np.float32)])
    right = np.concatenate([np.zeros(RATE, dtype=np.float32), tone(1.0, 300.0)])
    first, second = decode_channels(
        wav(left, right), name="call.wav", max_bytes=MAX_BYTES, max_seconds=MAX_S
    )
    assert first.duration_s == pytest.approx(2.0, abs=0.01)
    assert first.samples.size == second.samples.size == pytest.approx(32000, abs=10)
    half = first.samples.size // 2
    assert np.abs(first.samples[:half]).max() > 0.2 > np.abs(first.samples[half + 200 :]).max()
    assert np.abs(second.samples[half + 200 :]).max() > 0.2 > np.abs(second.samples[:half]).max()


def test_mono_file_is_refused_in_one_line() -> None:
    with pytest.raises(AudioDecodeError, match=r"^call\.wav has 1 audio channel; expected two"):
        decode_channels(
            wav(tone(1.0, 200.0)), name="call.wav", max_bytes=MAX_BYTES, max_seconds=MAX_S
        )


def test_the_same_sound_on_both_channels_is_refused() -> None:
    same = tone(1.0, 200.0)
    with pytest.raises(AudioDecodeError, match="carry the same sound"):
        decode_channels(wav(same, same), name="call.wav", max_bytes=MAX_BYTES, max_seconds=MAX_S)


def test_a_silent_channel_is_not_the_same_sound() -> None:
    left, right = decode_channels(
        wav(tone(1.0, 200.0), np.zeros(RATE, dtype=np.float32)),
        max_bytes=MAX_BYTES,
        max_seconds=MAX_S,
    )
    assert np.any(left.samples) and not np.any(right.samples)


def test_limits_and_content_checks_are_those_of_decode_audio() -> None:
    with pytest.raises(AudioDecodeError, match="longer than|declares"):
        decode_channels(wav(tone(2.0, 200.0), tone(2.0, 300.0)), max_bytes=10**7, max_seconds=1)
    with pytest.raises(AudioDecodeError, match="not a recognised audio file"):
        decode_channels(b"definitely not audio", max_bytes=MAX_BYTES, max_seconds=MAX_S)

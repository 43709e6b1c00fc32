"""decode_audio: real containers decode to 16 kHz mono; bad, huge or lying files are refused."""

from __future__ import annotations

import io
import math
import time
import wave
from collections.abc import Callable

import av
import numpy as np
import pytest
from numpy.typing import NDArray

from greenroom.errors import AudioDecodeError
from greenroom.speech.audio import SAMPLE_RATE, PrefixDecoder, decode_audio, sniff_container

Synth = Callable[..., NDArray[np.float32]]

LIMITS = {"max_bytes": 50_000_000, "max_seconds": 900.0}


def wav_bytes(samples: NDArray[np.float32], rate: int = SAMPLE_RATE) -> bytes:
    """16-bit PCM mono WAV made with the stdlib ``wave`` module."""
    pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm)
    return buffer.getvalue()


def encoded(samples: NDArray[np.float32], container: str, codec: str, rate: int) -> bytes:
    """``samples`` (16 kHz) encoded with PyAV, e.g. webm/libopus at 48 kHz."""
    buffer = io.BytesIO()
    with av.open(buffer, "w", format=container) as out:
        stream = out.add_stream(codec, rate=rate, layout="mono")
        resampler = av.AudioResampler(format=stream.format.name, layout="mono", rate=rate)
        step = SAMPLE_RATE // 10
        for start in range(0, samples.size, step):
            chunk = samples[start : start + step].reshape(1, -1)
            frame = av.AudioFrame.from_ndarray(chunk, format="flt", layout="mono")
            frame.sample_rate = SAMPLE_RATE
            for rs in resampler.resample(frame):
                out.mux(stream.encode(rs))
        for rs in resampler.resample(None):
            out.mux(stream.encode(rs))
        out.mux(stream.encode(None))
    return buffer.getvalue()


def tone(seconds: float, hz: float = 220.0) -> NDArray[np.float32]:
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    return (0.3 * np.sin(2 * math.pi * hz * t)).astype(np.float32)


def test_espeak_wav_round_trips(espeak: Synth) -> None:
    samples = espeak("Um, I led a small team.")
    audio = decode_audio(wav_bytes(samples), **LIMITS)
    assert audio.samples.dtype == np.float32 and audio.samples.ndim == 1
    assert audio.samples.size == samples.size
    assert audio.duration_s == pytest.approx(samples.size / SAMPLE_RATE)
    assert np.max(np.abs(audio.samples - samples)) < 1e-3


def test_other_rates_are_resampled_to_16k() -> None:
    audio = decode_audio(wav_bytes(tone(2.0), rate=SAMPLE_RATE), **LIMITS)
    assert audio.duration_s == pytest.approx(2.0, abs=0.01)
    stereo = io.BytesIO()
    with wave.open(stereo, "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(44_100)
        out.writeframes(np.zeros(44_100 * 2, dtype="<i2").tobytes())
    audio = decode_audio(stereo.getvalue(), **LIMITS)
    assert audio.duration_s == pytest.approx(1.0, abs=0.01)


@pytest.mark.parametrize(
    ("container", "codec", "rate", "kind"),
    [
        ("webm", "libopus", 48_000, "webm"),
        ("ogg", "libopus", 48_000, "ogg"),
        ("mp3", "libmp3lame", 16_000, "mp3"),
        ("ipod", "aac", 16_000, "m4a"),
    ],
)
def test_compressed_containers_decode(container: str, codec: str, rate: int, kind: str) -> None:
    data = encoded(tone(3.0), container, codec, rate)
    assert sniff_container(data) == kind
    audio = decode_audio(data, **LIMITS, name=f"answer.{kind}")
    assert audio.duration_s == pytest.approx(3.0, abs=0.15)
    assert float(np.sqrt(np.mean(audio.samples**2))) > 0.1


def test_real_webm_speech_decodes(espeak: Synth) -> None:
    samples = espeak("I cut the deployment time by forty percent.")
    audio = decode_audio(encoded(samples, "webm", "libopus", 48_000), **LIMITS)
    assert audio.duration_s == pytest.approx(samples.size / SAMPLE_RATE, abs=0.1)


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", None, "empty"),
        (b"\x00garbage" + np.random.default_rng(1).bytes(4096), "a.wav", "not a recognised"),
        (b"ID3\x04\x00" + bytes(200), "answer.wav", "named like WAV but holds MP3"),
        (b"RIFF\x00\x00\x00\x00WAVEjunk" + bytes(20), None, "cannot decode"),
        (b"OggS" + bytes(100), None, "cannot decode"),
    ],
    ids=["empty", "random", "mp3-named-wav", "broken-wav", "broken-ogg"],
)
def test_bad_input_is_refused(data: bytes, name: str | None, message: str) -> None:
    with pytest.raises(AudioDecodeError, match=message):
        decode_audio(data, **LIMITS, name=name)


def test_truncated_wav_is_refused() -> None:
    data = wav_bytes(tone(2.0))
    with pytest.raises(AudioDecodeError, match="truncated"):
        decode_audio(data[: len(data) // 2], **LIMITS)


def test_too_many_bytes_is_refused() -> None:
    with pytest.raises(AudioDecodeError, match="over the 1000 limit"):
        decode_audio(wav_bytes(tone(1.0)), max_bytes=1000, max_seconds=900)


def test_tiny_file_claiming_ten_hours_is_refused_quickly() -> None:
    header = wav_bytes(np.zeros(0, dtype=np.float32))[:44]
    claimed = 10 * 3600 * SAMPLE_RATE * 2
    data = bytearray(header + bytes(1000))
    data[4:8] = (36 + claimed).to_bytes(4, "little")
    data[40:44] = claimed.to_bytes(4, "little")
    started = time.perf_counter()
    with pytest.raises(AudioDecodeError, match="limit"):
        decode_audio(bytes(data), **LIMITS)
    assert time.perf_counter() - started < 1.0


def test_declared_duration_over_the_cap_is_refused() -> None:
    data = encoded(np.zeros(SAMPLE_RATE * 60, dtype=np.float32), "webm", "libopus", 48_000)
    with pytest.raises(AudioDecodeError, match="declares 60 s, over the 5 s limit"):
        decode_audio(data, max_bytes=len(data), max_seconds=5)


def test_duration_cap_stops_while_decoding() -> None:
    """A streamed WAV (sizes left unknown) of 2 minutes of silence stops once past the cap."""
    data = bytearray(wav_bytes(np.zeros(SAMPLE_RATE * 120, dtype=np.float32)))
    data[4:8] = data[40:44] = (0xFFFFFFFF).to_bytes(4, "little")
    started = time.perf_counter()
    with pytest.raises(AudioDecodeError, match="over the 5 s limit"):
        decode_audio(bytes(data), max_bytes=len(data), max_seconds=5)
    assert time.perf_counter() - started < 1.0


def _live_webm(samples: NDArray[np.float32]) -> bytes:
    """WebM/Opus written as a live stream in 1 s clusters, as a browser recorder does."""
    buffer = io.BytesIO()
    options = {"live": "1", "cluster_time_limit": "1000"}
    with av.open(buffer, "w", format="webm", options=options) as out:
        stream = out.add_stream("libopus", rate=48_000, layout="mono")
        resampler = av.AudioResampler(format=stream.format.name, layout="mono", rate=48_000)
        for start in range(0, samples.size, SAMPLE_RATE // 10):
            chunk = samples[start : start + SAMPLE_RATE // 10].reshape(1, -1)
            frame = av.AudioFrame.from_ndarray(chunk, format="flt", layout="mono")
            frame.sample_rate = SAMPLE_RATE
            for rs in resampler.resample(frame):
                out.mux(stream.encode(rs))
        for rs in resampler.resample(None):
            out.mux(stream.encode(rs))
        out.mux(stream.encode(None))
    return buffer.getvalue()


@pytest.mark.parametrize("kind", ["webm", "ogg", "wav"])
def test_growing_prefixes_decode_to_exactly_the_whole_file(kind: str) -> None:
    samples = tone(6.0) * np.linspace(0.2, 1.0, SAMPLE_RATE * 6, dtype=np.float32)
    data = {
        "webm": _live_webm(samples),
        "ogg": encoded(samples, "ogg", "libopus", 48_000),
        "wav": wav_bytes(samples),
    }[kind]
    decoder = PrefixDecoder(**LIMITS)
    seen = 0.0
    for k in range(1, 13):  # cut at arbitrary bytes, mid-packet as often as not
        decoder.feed(data[: len(data) * k // 13])
        assert decoder.duration_s >= seen
        seen = decoder.duration_s
    assert 3.0 < seen < 6.0  # the cut-off last packet waits for the rest
    decoder.feed(data, final=True)
    whole = decode_audio(data, **LIMITS)
    assert decoder.restarts == 0
    assert np.array_equal(decoder.samples, whole.samples)


def test_prefix_decoder_starts_over_when_the_file_changes() -> None:
    first, second = _live_webm(tone(3.0, 220.0)), _live_webm(tone(2.0, 440.0))
    decoder = PrefixDecoder(**LIMITS)
    decoder.feed(first[: len(first) // 2])
    decoder.feed(second, final=True)
    assert decoder.restarts == 1
    assert np.array_equal(decoder.samples, decode_audio(second, **LIMITS).samples)


def test_prefix_decoder_is_lenient_only_about_the_end() -> None:
    data = _live_webm(tone(2.0))
    decoder = PrefixDecoder(**LIMITS)
    for size in (0, 2, 30, 300):  # too short to open yet: nothing decoded, no error
        decoder.feed(data[:size])
    assert decoder.duration_s == 0.0
    with pytest.raises(AudioDecodeError, match="not a recognised"):
        decoder.feed(b"GIF89a" + bytes(400))
    with pytest.raises(AudioDecodeError, match="empty"):
        PrefixDecoder(**LIMITS).feed(b"", final=True)
    with pytest.raises(AudioDecodeError, match="cannot decode|no audio"):
        PrefixDecoder(**LIMITS).feed(data[:300], final=True)
    truncated = wav_bytes(tone(2.0))
    with pytest.raises(AudioDecodeError, match="truncated"):
        PrefixDecoder(**LIMITS).feed(truncated[: len(truncated) // 2], final=True)


def test_prefix_decoder_keeps_the_duration_cap() -> None:
    data = _live_webm(np.zeros(SAMPLE_RATE * 8, dtype=np.float32))
    decoder = PrefixDecoder(max_bytes=len(data), max_seconds=5)
    with pytest.raises(AudioDecodeError, match="over the 5 s limit"):
        decoder.feed(data[: len(data) * 7 // 8])
    with pytest.raises(AudioDecodeError, match="over the 10 limit"):
        PrefixDecoder(max_bytes=10, max_seconds=5).feed(data)

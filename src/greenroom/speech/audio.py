"""Decode an uploaded recording into 16 kHz mono float32 samples, in process, with PyAV.

The container is recognised by its content (magic bytes), never by the file name: a file
named ``.wav`` that holds something else is refused. Limits are enforced while decoding, so
a small file that expands to hours of silence is stopped after ``max_seconds`` of audio,
not after decoding all of it.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

import numpy as np
import numpy.typing as npt

from greenroom.errors import AudioDecodeError

logger = logging.getLogger(__name__)

__all__ = ["SAMPLE_RATE", "Audio", "decode_audio", "sniff_container"]

SAMPLE_RATE = 16_000
# A WAV whose samples stop before the length its header declares is truncated.
_WAV_COMPLETE = 0.98

# kind -> (FFmpeg demuxer, name shown to people)
_CONTAINERS: dict[str, tuple[str, str]] = {
    "wav": ("wav", "WAV"),
    "webm": ("matroska", "WebM"),
    "ogg": ("ogg", "Ogg"),
    "mp3": ("mp3", "MP3"),
    "m4a": ("mov", "M4A/MP4"),
}
# file extension -> the kind its content must be
_EXTENSIONS: dict[str, str] = {
    ".wav": "wav",
    ".wave": "wav",
    ".webm": "webm",
    ".mkv": "webm",
    ".ogg": "ogg",
    ".oga": "ogg",
    ".opus": "ogg",
    ".mp3": "mp3",
    ".m4a": "m4a",
    ".mp4": "m4a",
    ".aac": "m4a",
}


@dataclass(frozen=True)
class Audio:
    """Mono samples in [-1, 1] at :data:`SAMPLE_RATE` Hz, and their length in seconds."""

    samples: npt.NDArray[np.float32]
    duration_s: float


def sniff_container(data: bytes) -> str | None:
    """``wav``, ``webm``, ``ogg``, ``mp3`` or ``m4a`` from the first bytes, else ``None``."""
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return "wav"
    if data[:4] == b"\x1a\x45\xdf\xa3":
        return "webm"
    if data[:4] == b"OggS":
        return "ogg"
    if data[:3] == b"ID3" or (len(data) >= 2 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0):
        return "mp3"
    if len(data) >= 12 and data[4:8] == b"ftyp":
        return "m4a"
    return None


def decode_audio(
    data: bytes,
    *,
    max_bytes: int,
    max_seconds: float,
    name: str | None = None,
) -> Audio:
    """Decode ``data`` to :class:`Audio`.

    ``name`` (optional) is the uploaded file name: when its extension is a known audio type the
    content must be that type. Raises :class:`AudioDecodeError` (one-line message) for empty,
    oversized, unrecognised, truncated or undecodable input and for audio longer than
    ``max_seconds``.
    """
    if not data:
        raise AudioDecodeError("the audio file is empty")
    if len(data) > max_bytes:
        raise AudioDecodeError(f"the audio file is {len(data)} bytes, over the {max_bytes} limit")
    kind = sniff_container(data)
    if kind is None:
        raise AudioDecodeError("not a recognised audio file (expected wav, webm, ogg, mp3 or m4a)")
    if name is not None:
        expected = _EXTENSIONS.get(PurePath(name).suffix.lower())
        if expected is not None and expected != kind:
            raise AudioDecodeError(
                f"{PurePath(name).name} is named like {_CONTAINERS[expected][1]} "
                f"but holds {_CONTAINERS[kind][1]}"
            )
    return _decode(data, kind, max_seconds)


def _decode(data: bytes, kind: str, max_seconds: float) -> Audio:
    import av

    demuxer, shown = _CONTAINERS[kind]
    max_samples = int(max_seconds * SAMPLE_RATE)
    chunks: list[npt.NDArray[np.float32]] = []
    total = 0
    try:
        with av.open(io.BytesIO(data), mode="r", format=demuxer) as container:
            if not container.streams.audio:
                raise AudioDecodeError(f"the {shown} file has no audio stream")
            stream = container.streams.audio[0]
            declared = (
                _wav_declared_seconds(data)
                if kind == "wav"
                else _declared_seconds(container.duration, stream)
            )
            if declared is not None and declared > max_seconds:
                raise AudioDecodeError(
                    f"the audio declares {declared:.0f} s, over the {max_seconds:.0f} s limit"
                )
            resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    total += _append(chunks, out.to_ndarray())
                if total > max_samples:
                    raise AudioDecodeError(
                        f"the audio is longer than the {max_seconds:.0f} s limit"
                    )
            for out in resampler.resample(None):
                total += _append(chunks, out.to_ndarray())
    except av.FFmpegError as exc:
        raise AudioDecodeError(f"cannot decode the {shown} file: {exc.strerror or exc}") from exc
    if total > max_samples:
        raise AudioDecodeError(f"the audio is longer than the {max_seconds:.0f} s limit")
    if total == 0:
        raise AudioDecodeError(f"the {shown} file holds no audio samples")
    duration = total / SAMPLE_RATE
    if kind == "wav" and declared is not None and duration < declared * _WAV_COMPLETE:
        raise AudioDecodeError(
            f"the WAV file is truncated ({duration:.1f} s of the {declared:.1f} s it declares)"
        )
    samples = np.concatenate(chunks).astype(np.float32, copy=False)
    np.clip(samples, -1.0, 1.0, out=samples)
    return Audio(samples=samples, duration_s=duration)


def _append(chunks: list[npt.NDArray[np.float32]], array: npt.NDArray[Any]) -> int:
    flat = np.asarray(array, dtype=np.float32).reshape(-1)
    chunks.append(flat)
    return int(flat.size)


def _wav_declared_seconds(data: bytes) -> float | None:
    """Length the WAV ``data`` chunk header declares (FFmpeg trusts the file size instead);
    ``None`` for a streamed WAV whose sizes are left as 0 or 0xFFFFFFFF."""
    byte_rate = 0
    pos = 12
    while pos + 8 <= len(data):
        chunk_id = data[pos : pos + 4]
        size = int.from_bytes(data[pos + 4 : pos + 8], "little")
        if chunk_id == b"fmt " and pos + 16 <= len(data):
            byte_rate = int.from_bytes(data[pos + 16 : pos + 20], "little")
        elif chunk_id == b"data":
            if byte_rate <= 0 or size in (0, 0xFFFFFFFF):
                return None
            return size / byte_rate
        pos += 8 + size + (size & 1)
    return None


def _declared_seconds(container_duration: int | None, stream: object) -> float | None:
    """Length the file claims in its header, when it claims one."""
    import av

    if container_duration is not None and container_duration > 0:
        return float(container_duration) / av.time_base
    duration = getattr(stream, "duration", None)
    time_base = getattr(stream, "time_base", None)
    if duration and time_base:
        return float(duration * time_base)
    return None

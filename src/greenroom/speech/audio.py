"""Decode an uploaded recording into 16 kHz mono float32 samples, in process, with PyAV.

The container is recognised by its content (magic bytes), never by the file name: a file
named ``.wav`` that holds something else is refused. Limits are enforced while decoding, so
a small file that expands to hours of silence is stopped after ``max_seconds`` of audio,
not after decoding all of it.
"""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

import numpy as np
import numpy.typing as npt

from greenroom.errors import AudioDecodeError

logger = logging.getLogger(__name__)

__all__ = ["SAMPLE_RATE", "Audio", "PrefixDecoder", "decode_audio", "sniff_container"]

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
            codec = stream.codec_context
            # Demuxing is cheap: a file without a declared length (as browsers record) that
            # expands to hours is refused from its packet times, before anything is decoded.
            packets = [packet for packet in container.demux(stream) if packet.size]
            _check_packet_time(packets, stream, max_seconds)
            for packet in [*packets, None]:
                for frame in codec.decode(packet):
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


def _check_packet_time(packets: list[Any], stream: Any, max_seconds: float) -> None:
    """Refuse a stream whose last packet ends after ``max_seconds`` (no decoding needed)."""
    time_base = getattr(stream, "time_base", None)
    if not packets or not time_base:
        return
    last = packets[-1]
    if last.pts is None:
        return
    end = float((last.pts + (last.duration or 0)) * time_base)
    if end > max_seconds:
        raise AudioDecodeError(f"the audio runs {end:.0f} s, over the {max_seconds:.0f} s limit")


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


class PrefixDecoder:
    """Decodes a recording that is still growing, keeping the decoder state between calls.

    Each :meth:`feed` gets the whole file so far. Packets already decoded are demuxed again
    (cheap) but not decoded again, so the samples equal those of :func:`decode_audio` on the
    complete file, bit for bit, while each call only decodes what is new. The last packet of a
    prefix may be cut short, so it waits for the next call (or the final one). When ``data``
    no longer starts with the bytes fed before, decoding starts over and :attr:`restarts`
    counts up.
    """

    def __init__(self, *, max_bytes: int, max_seconds: float) -> None:
        self.max_bytes = max_bytes
        self.max_seconds = max_seconds
        self.restarts = 0
        self._reset()

    def _reset(self) -> None:
        self._kind: str | None = None
        self._codec: Any = None
        self._resampler: Any = None
        self._fed_packets = 0
        self._fed_bytes = 0
        self._digest = b""
        self._chunks: list[npt.NDArray[np.float32]] = []
        self._total = 0
        self._joined: npt.NDArray[np.float32] = np.zeros(0, dtype=np.float32)
        self._finished = False

    @property
    def samples(self) -> npt.NDArray[np.float32]:
        """Every sample decoded so far (16 kHz mono float32, clipped to [-1, 1])."""
        if self._joined.size != self._total:
            joined = np.concatenate(self._chunks).astype(np.float32, copy=False)
            np.clip(joined, -1.0, 1.0, out=joined)
            self._chunks = [joined]
            self._joined = joined
        return self._joined

    @property
    def duration_s(self) -> float:
        """Seconds decoded so far."""
        return self._total / SAMPLE_RATE

    def feed(self, data: bytes, *, final: bool = False) -> None:
        """Decode what ``data`` (the file so far) adds. With ``final`` the file is complete and
        is held to :func:`decode_audio`'s rules; otherwise a cut-off end is normal and a
        prefix too short to open yet decodes nothing. Raises :class:`AudioDecodeError` for
        content that is not audio, and for audio over the limits."""
        if not data:
            if final:
                raise AudioDecodeError("the audio file is empty")
            return
        if len(data) > self.max_bytes:
            raise AudioDecodeError(
                f"the audio file is {len(data)} bytes, over the {self.max_bytes} limit"
            )
        kind = sniff_container(data)
        if kind is None:
            if not final and len(data) < 12:
                return
            raise AudioDecodeError(
                "not a recognised audio file (expected wav, webm, ogg, mp3 or m4a)"
            )
        if self._finished or kind != self._kind or not self._extends(data):
            if self._fed_bytes:
                self.restarts += 1
            self._reset()
            self._kind = kind
        try:
            self._decode(data, kind, final)
        except AudioDecodeError:
            self._reset()  # a half-fed decoder must not be reused
            raise
        self._fed_bytes = len(data)
        self._digest = hashlib.blake2b(data, digest_size=16).digest()

    def _extends(self, data: bytes) -> bool:
        if len(data) < self._fed_bytes:
            return False
        seen = hashlib.blake2b(data[: self._fed_bytes], digest_size=16).digest()
        return seen == self._digest

    def _decode(self, data: bytes, kind: str, final: bool) -> None:
        import av

        demuxer, shown = _CONTAINERS[kind]
        try:
            container = av.open(io.BytesIO(data), mode="r", format=demuxer)
        except av.FFmpegError as exc:
            if not final:
                return  # the header itself may still be incomplete
            raise AudioDecodeError(
                f"cannot decode the {shown} file: {exc.strerror or exc}"
            ) from exc
        try:
            with container:
                if not container.streams.audio:
                    if not final:
                        return
                    raise AudioDecodeError(f"the {shown} file has no audio stream")
                stream = container.streams.audio[0]
                declared = (
                    _wav_declared_seconds(data)
                    if kind == "wav"
                    else _declared_seconds(container.duration, stream)
                )
                if declared is not None and declared > self.max_seconds:
                    raise AudioDecodeError(
                        f"the audio declares {declared:.0f} s, over the "
                        f"{self.max_seconds:.0f} s limit"
                    )
                if self._codec is None:
                    self._codec = stream.codec_context
                    self._resampler = av.AudioResampler(
                        format="flt", layout="mono", rate=SAMPLE_RATE
                    )
                packets = self._demux(container, stream, final)
                _check_packet_time(packets, stream, self.max_seconds)
                todo = packets[self._fed_packets :] if final else packets[self._fed_packets : -1]
                for packet in todo:
                    self._add_frames(self._codec.decode(packet))
                self._fed_packets += len(todo)
                if final:
                    self._add_frames(self._codec.decode(None))
                    self._add_resampled(self._resampler.resample(None))
                    self._finished = True
        except av.FFmpegError as exc:
            raise AudioDecodeError(
                f"cannot decode the {shown} file: {exc.strerror or exc}"
            ) from exc
        if final:
            self._check_complete(data, kind, shown, declared)

    def _demux(self, container: Any, stream: Any, final: bool) -> list[Any]:
        import av

        packets: list[Any] = []
        try:
            for packet in container.demux(stream):
                if packet.size:
                    packets.append(packet)
        except av.FFmpegError:
            if final:
                raise
        return packets

    def _add_frames(self, frames: Any) -> None:
        for frame in frames:
            self._add_resampled(self._resampler.resample(frame))

    def _add_resampled(self, frames: Any) -> None:
        for out in frames:
            self._total += _append(self._chunks, out.to_ndarray())
        if self._total > int(self.max_seconds * SAMPLE_RATE):
            raise AudioDecodeError(f"the audio is longer than the {self.max_seconds:.0f} s limit")

    def _check_complete(self, data: bytes, kind: str, shown: str, declared: float | None) -> None:
        if self._total == 0:
            raise AudioDecodeError(f"the {shown} file holds no audio samples")
        duration = self.duration_s
        if kind == "wav" and declared is not None and duration < declared * _WAV_COMPLETE:
            raise AudioDecodeError(
                f"the WAV file is truncated ({duration:.1f} s of the {declared:.1f} s it declares)"
            )

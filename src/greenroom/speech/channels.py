"""Decode a stereo recording into its two channels, one voice each.

:func:`~greenroom.speech.audio.decode_audio` mixes every recording down to mono, which is right
for one answer but loses who spoke when in a call recorded with one speaker per channel (call
recorders and many meeting tools can do this). :func:`decode_channels` keeps the channels apart.
The file is first held to all of :func:`decode_audio`'s checks (content type, size, length,
truncation), so a stereo recording is accepted exactly when a mono one would be.
"""

from __future__ import annotations

import io
from itertools import chain

import numpy as np
import numpy.typing as npt

from greenroom.errors import AudioDecodeError
from greenroom.speech.audio import SAMPLE_RATE, Audio, decode_audio

__all__ = ["SAME_SOUND_CORRELATION", "decode_channels"]

SAME_SOUND_CORRELATION = 0.98
"""Correlation of the two channels above which they carry the same sound (a mono recording
stored as stereo) rather than one voice each. Two separate voices with some crosstalk correlate
far lower; a copied channel correlates 1.0 and a lossy re-encode of one stays above 0.99."""


def decode_channels(
    data: bytes,
    *,
    max_bytes: int,
    max_seconds: float,
    name: str | None = None,
) -> tuple[Audio, Audio]:
    """The left and right channels of ``data``, each as 16 kHz mono :class:`Audio`.

    Raises :class:`AudioDecodeError` (one line) for anything :func:`decode_audio` refuses, for
    a recording that does not have exactly two channels, and for one whose two channels carry
    the same sound (see :data:`SAME_SOUND_CORRELATION`).
    """
    decode_audio(data, max_bytes=max_bytes, max_seconds=max_seconds, name=name)
    shown = name or "the recording"
    left, right = _decode_stereo(data, max_seconds, shown)
    if _same_sound(left, right):
        raise AudioDecodeError(
            f"both channels of {shown} carry the same sound; expected one speaker per channel"
        )
    duration = left.size / SAMPLE_RATE
    return Audio(left, duration), Audio(right, duration)


def _decode_stereo(
    data: bytes, max_seconds: float, shown: str
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
    import av

    max_samples = int(max_seconds * SAMPLE_RATE)
    chunks: list[npt.NDArray[np.float32]] = []
    total = 0
    try:
        with av.open(io.BytesIO(data), mode="r") as container:
            stream = container.streams.audio[0]
            channels = int(stream.layout.nb_channels)
            if channels != 2:
                raise AudioDecodeError(
                    f"{shown} has {channels} audio channel{'s' if channels != 1 else ''}; "
                    "expected two, one speaker per channel"
                )
            resampler = av.AudioResampler(format="fltp", layout="stereo", rate=SAMPLE_RATE)
            for frame in chain(container.decode(stream), [None]):
                for out in resampler.resample(frame):
                    planes = np.asarray(out.to_ndarray(), dtype=np.float32).reshape(2, -1)
                    chunks.append(planes)
                    total += planes.shape[1]
                if total > max_samples:
                    raise AudioDecodeError(
                        f"the audio is longer than the {max_seconds:.0f} s limit"
                    )
    except av.FFmpegError as exc:
        raise AudioDecodeError(f"cannot decode {shown}: {exc.strerror or exc}") from exc
    both = np.clip(np.concatenate(chunks, axis=1), -1.0, 1.0)
    return both[0].copy(), both[1].copy()


def _same_sound(left: npt.NDArray[np.float32], right: npt.NDArray[np.float32]) -> bool:
    """Whether the channels correlate above :data:`SAME_SOUND_CORRELATION`; a silent channel
    carries nothing, so it is never the same sound."""
    if not np.any(left) or not np.any(right):
        return False
    a = left.astype(np.float64) - float(np.mean(left))
    b = right.astype(np.float64) - float(np.mean(right))
    denominator = float(np.sqrt(np.dot(a, a) * np.dot(b, b)))
    return denominator > 0 and float(np.dot(a, b)) / denominator > SAME_SOUND_CORRELATION

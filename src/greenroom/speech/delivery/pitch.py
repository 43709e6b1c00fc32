"""Pitch variation in semitones with a small numpy autocorrelation tracker (no GPL code)."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from greenroom.speech.delivery import constants as c

_FFT_BLOCK = 512  # frames transformed at a time


def f0_track(
    samples: NDArray[np.float32],
    *,
    sample_rate: int = c.SAMPLE_RATE,
    frame_s: float = c.PITCH_FRAME_S,
    hop_s: float = c.PITCH_HOP_S,
    min_hz: float = c.PITCH_MIN_HZ,
    max_hz: float = c.PITCH_MAX_HZ,
    voicing: float = c.PITCH_VOICING,
    silence_dbfs: float = c.PITCH_SILENCE_DBFS,
    min_run: int = c.PITCH_MIN_RUN_FRAMES,
) -> NDArray[np.float64]:
    """F0 in Hz of each voiced frame (unvoiced frames are left out); empty input gives ``[]``.

    Each frame is Hann-windowed; its autocorrelation is normalized by the window's own
    autocorrelation (Boersma 1993). The shortest lag whose peak reaches 90 % of the best peak
    in ``[min_hz, max_hz]`` is taken (guards against octave-down errors), refined by a parabola.
    A frame is voiced when that peak reaches ``voicing``, its level is above ``silence_dbfs``
    and it sits in a run of at least ``min_run`` voiced frames.
    """
    audio = np.asarray(samples, dtype=np.float32).reshape(-1)
    n = int(round(frame_s * sample_rate))
    hop = max(1, int(round(hop_s * sample_rate)))
    if audio.size < n or n < 4:
        return np.zeros(0)
    count = 1 + (audio.size - n) // hop
    # Frames are views into the samples (no copy); their mean and RMS come from running sums,
    # so only the audible frames below are ever materialised.
    frames = np.lib.stride_tricks.sliding_window_view(audio, n)[::hop][:count]
    wide = audio.astype(np.float64)
    sums = np.concatenate(([0.0], np.cumsum(wide)))
    squares = np.concatenate(([0.0], np.cumsum(wide * wide)))
    starts = hop * np.arange(count)
    mean = (sums[starts + n] - sums[starts]) / n
    power = np.maximum((squares[starts + n] - squares[starts]) / n - mean * mean, 0.0)
    level = 20.0 * np.log10(np.maximum(np.sqrt(power), 1e-12))
    window = np.hanning(n).astype(np.float32)
    lo = max(1, int(np.floor(sample_rate / max_hz)))
    hi = min(n - 2, int(np.ceil(sample_rate / min_hz)))
    if hi <= lo + 1:
        return np.zeros(0)
    # Only frames loud enough to be voiced are transformed (silence is most of a pause-rich
    # answer), and only the lags up to ``hi + 1`` are kept; 2n points avoid circular overlap.
    audible = level > silence_dbfs
    nfft = 2 * n
    acf = np.zeros((count, hi + 2))
    rows_audible = np.flatnonzero(audible)
    # Blocks of frames keep the spectra small (cache-sized) however long the answer is.
    for first_row in range(0, rows_audible.size, _FFT_BLOCK):
        rows_ = rows_audible[first_row : first_row + _FFT_BLOCK]
        centred = (frames[rows_] - mean[rows_, None].astype(np.float32)) * window
        spectrum = np.fft.rfft(centred, nfft)
        acf[rows_] = np.fft.irfft(spectrum.real**2 + spectrum.imag**2, nfft)[:, : hi + 2]
    wacf = np.fft.irfft(np.abs(np.fft.rfft(window, nfft)) ** 2, nfft)[: hi + 2]
    energy = acf[:, :1]
    r = np.where(energy > 0, acf / np.maximum(energy, 1e-300), 0.0) / (wacf / wacf[0])
    band = r[:, lo : hi + 1]
    peaks = (band[:, 1:-1] >= band[:, :-2]) & (band[:, 1:-1] >= band[:, 2:])
    values = np.where(peaks, band[:, 1:-1], -np.inf)
    best = values.max(axis=1)
    good = values >= 0.9 * best[:, None]
    first = np.argmax(good, axis=1) + 1  # index into band
    rows = np.arange(count)
    y0, y1, y2 = band[rows, first - 1], band[rows, first], band[rows, first + 1]
    denom = y0 - 2.0 * y1 + y2
    shift = np.where(np.abs(denom) > 1e-12, 0.5 * (y0 - y2) / np.where(denom == 0, 1, denom), 0.0)
    lag = lo + first + np.clip(shift, -0.5, 0.5)
    voiced = np.isfinite(best) & (best >= voicing) & (level > silence_dbfs)
    voiced &= _long_runs(voiced, min_run)
    return np.asarray(sample_rate / lag[voiced], dtype=np.float64)


def _long_runs(mask: NDArray[np.bool_], min_run: int) -> NDArray[np.bool_]:
    """``mask`` with runs of True shorter than ``min_run`` cleared (isolated blips)."""
    out = mask.copy()
    edges = np.flatnonzero(np.diff(np.concatenate(([0], mask.astype(np.int8), [0]))))
    for start, end in zip(edges[::2], edges[1::2], strict=True):
        if end - start < min_run:
            out[start:end] = False
    return out


def pitch_variation_st(
    f0_hz: NDArray[np.float64],
    *,
    min_voiced_frames: int = c.PITCH_MIN_VOICED_FRAMES,
    max_jump_st: float = c.PITCH_MAX_DEVIATION_ST,
) -> float | None:
    """Standard deviation of F0 in semitones relative to the median F0 (12 * log2(f / median)).

    Frames more than ``max_jump_st`` from the median are taken as octave/tracking errors and
    left out. ``None`` when fewer than ``min_voiced_frames`` voiced frames remain.
    """
    f0 = np.asarray(f0_hz, dtype=np.float64)
    f0 = f0[np.isfinite(f0) & (f0 > 0)]
    if f0.size < min_voiced_frames:
        return None
    st = 12.0 * np.log2(f0 / np.median(f0))
    st = st[np.abs(st) <= max_jump_st]
    if st.size < min_voiced_frames:
        return None
    return float(np.std(st))


def is_monotone(variation_st: float | None, *, threshold_st: float = c.MONOTONE_ST) -> bool | None:
    """Whether the pitch SD is below ``threshold_st`` semitones; ``None`` without a measurement."""
    return None if variation_st is None else variation_st < threshold_st

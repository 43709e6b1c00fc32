"""Correlation, its confidence interval, and a small ridge regression, with numpy only.

Degenerate input (fewer than three pairs, a constant column) gives ``None`` rather than raising.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]


def pearson(x: Sequence[float], y: Sequence[float]) -> float | None:
    """Pearson's r of paired values; ``None`` with fewer than 3 pairs or a constant side."""
    if len(x) != len(y):
        raise ValueError(f"pearson needs paired values, got {len(x)} and {len(y)}")
    if len(x) < 3:
        return None
    a = np.asarray(x, dtype=np.float64) - float(np.mean(x))
    b = np.asarray(y, dtype=np.float64) - float(np.mean(y))
    denominator = math.sqrt(float(a @ a) * float(b @ b))
    if denominator == 0.0:
        return None
    return max(-1.0, min(1.0, float(a @ b) / denominator))


def fisher_ci(r: float, n: int, level: float = 0.95) -> tuple[float, float] | None:
    """Confidence interval of a Pearson r by Fisher's z transform; ``None`` when n <= 3."""
    if n <= 3:
        return None
    clipped = max(-0.999999, min(0.999999, r))
    z = math.atanh(clipped)
    half_width = NormalDist().inv_cdf(0.5 + level / 2) / math.sqrt(n - 3)
    return math.tanh(z - half_width), math.tanh(z + half_width)


@dataclass(frozen=True, slots=True)
class RidgeModel:
    """A linear model over standardised columns: ``y = intercept + z(x) @ weights``."""

    means: tuple[float, ...]
    scales: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float

    def predict(self, x: FloatArray) -> FloatArray:
        """Predictions for the rows of ``x`` (shape ``(n, features)``)."""
        z = (np.asarray(x, dtype=np.float64) - np.asarray(self.means)) / np.asarray(self.scales)
        predictions: FloatArray = z @ np.asarray(self.weights, dtype=np.float64) + self.intercept
        return predictions


def fit_ridge(x: FloatArray, y: FloatArray, *, alpha: float = 1.0) -> RidgeModel:
    """Least squares on standardised columns with an L2 penalty ``alpha`` on the weights.

    A constant column gets scale 1 and, being all zeros once centred, weight 0 (the
    minimum-norm solution, so ``alpha=0`` is plain least squares even then).
    """
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    means = x.mean(axis=0)
    scales = x.std(axis=0)
    scales[scales == 0.0] = 1.0
    z = (x - means) / scales
    gram = z.T @ z + alpha * np.eye(z.shape[1])
    weights = np.linalg.lstsq(gram, z.T @ (y - y.mean()), rcond=None)[0]
    return RidgeModel(
        tuple(float(v) for v in means),
        tuple(float(v) for v in scales),
        tuple(float(v) for v in weights),
        float(y.mean()),
    )


def loo_predictions(x: FloatArray, y: FloatArray, *, alpha: float = 1.0) -> FloatArray:
    """Leave-one-out predictions: row i predicted by a ridge fitted on every other row."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    predictions = np.empty(len(y))
    for i in range(len(y)):
        keep = np.arange(len(y)) != i
        model = fit_ridge(x[keep], y[keep], alpha=alpha)
        predictions[i] = model.predict(x[i : i + 1])[0]
    return predictions

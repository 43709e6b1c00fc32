"""Cosine similarity between embedding rows, safe on all-zero vectors."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

_EPS = 1e-12


def cosine(a: npt.NDArray[np.floating], b: npt.NDArray[np.floating]) -> float:
    """Cosine of the angle between two 1-D vectors, in [-1, 1]; 0.0 when either is all zero.

    Embedder rows are already unit length, so this is their dot product; dividing by the norms
    anyway keeps the result honest for vectors that are not.
    """
    x = np.asarray(a, dtype=np.float64).ravel()
    y = np.asarray(b, dtype=np.float64).ravel()
    if x.shape != y.shape:
        raise ValueError(f"cosine of vectors with different lengths: {x.size} and {y.size}")
    norms = float(np.linalg.norm(x) * np.linalg.norm(y))
    if norms < _EPS:
        return 0.0
    return float(np.clip(np.dot(x, y) / norms, -1.0, 1.0))


def cosine_matrix(
    a: npt.NDArray[np.floating], b: npt.NDArray[np.floating]
) -> npt.NDArray[np.float32]:
    """Cosines of every row of ``a`` (n, d) with every row of ``b`` (m, d): shape (n, m).

    A 1-D argument counts as one row. All-zero rows give 0.0 against everything.
    """
    x = _unit_rows(a)
    y = _unit_rows(b)
    if x.shape[1] != y.shape[1]:
        raise ValueError(
            f"cosine_matrix of rows with different lengths: {x.shape[1]}, {y.shape[1]}"
        )
    result: npt.NDArray[np.float32] = np.clip(x @ y.T, -1.0, 1.0).astype(np.float32)
    return result


def _unit_rows(m: npt.NDArray[np.floating]) -> npt.NDArray[np.float64]:
    rows = np.atleast_2d(np.asarray(m, dtype=np.float64))
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    unit: npt.NDArray[np.float64] = np.divide(
        rows, norms, out=np.zeros_like(rows), where=norms > _EPS
    )
    return unit

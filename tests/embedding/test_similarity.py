"""Cosine similarity helpers."""

from __future__ import annotations

import numpy as np
import pytest

from greenroom.embedding.similarity import cosine, cosine_matrix


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ([1.0, 0.0], [1.0, 0.0], 1.0),
        ([1.0, 0.0], [0.0, 1.0], 0.0),
        ([1.0, 0.0], [-1.0, 0.0], -1.0),
        ([3.0, 4.0], [6.0, 8.0], 1.0),
        ([0.0, 0.0], [1.0, 0.0], 0.0),
        ([0.0, 0.0], [0.0, 0.0], 0.0),
    ],
)
def test_cosine_of_simple_vectors(a: list[float], b: list[float], expected: float) -> None:
    assert cosine(np.array(a), np.array(b)) == pytest.approx(expected)


def test_cosine_returns_a_python_float() -> None:
    assert type(cosine(np.ones(3, dtype=np.float32), np.ones(3, dtype=np.float32))) is float


def test_cosine_refuses_vectors_of_different_lengths() -> None:
    with pytest.raises(ValueError):
        cosine(np.ones(3), np.ones(4))


def test_cosine_matrix_has_one_cell_per_pair_of_rows() -> None:
    a = np.array([[1.0, 0.0], [0.0, 2.0], [0.0, 0.0]])
    b = np.array([[1.0, 1.0], [0.0, -1.0]])
    expected = np.array([[0.70710677, 0.0], [0.70710677, -1.0], [0.0, 0.0]])
    result = cosine_matrix(a, b)
    assert result.dtype == np.float32
    np.testing.assert_allclose(result, expected, atol=1e-6)


def test_cosine_matrix_treats_a_vector_as_one_row() -> None:
    assert cosine_matrix(np.array([1.0, 0.0]), np.array([[1.0, 0.0]])).shape == (1, 1)


def test_cosine_matrix_refuses_rows_of_different_lengths() -> None:
    with pytest.raises(ValueError):
        cosine_matrix(np.ones((2, 3)), np.ones((2, 4)))

"""Pearson r, its Fisher interval and the small ridge used by the evaluation scripts."""

from __future__ import annotations

import math

import numpy as np
import pytest

from greenroom.evaluation.stats import fisher_ci, fit_ridge, loo_predictions, pearson


def test_pearson_of_a_perfect_line_is_one_and_of_its_mirror_minus_one() -> None:
    assert pearson([1, 2, 3, 4], [2, 4, 6, 8]) == pytest.approx(1.0)
    assert pearson([1, 2, 3, 4], [8, 6, 4, 2]) == pytest.approx(-1.0)


def test_pearson_matches_numpy_corrcoef() -> None:
    x, y = [1.0, 2.0, 4.0, 3.0, 7.0], [2.0, 1.0, 5.0, 4.0, 6.0]
    assert pearson(x, y) == pytest.approx(float(np.corrcoef(x, y)[0, 1]))


def test_pearson_of_too_few_or_constant_values_is_none() -> None:
    assert pearson([1, 2], [3, 4]) is None
    assert pearson([1, 1, 1], [1, 2, 3]) is None


def test_pearson_refuses_unpaired_values() -> None:
    with pytest.raises(ValueError, match="paired"):
        pearson([1, 2, 3], [1, 2])


def test_fisher_interval_contains_r_and_narrows_with_n() -> None:
    small = fisher_ci(0.4, 20)
    large = fisher_ci(0.4, 200)
    assert small is not None and large is not None
    assert small[0] < 0.4 < small[1]
    assert large[1] - large[0] < small[1] - small[0]


def test_fisher_interval_matches_the_textbook_formula() -> None:
    interval = fisher_ci(0.5, 69)
    assert interval is not None
    half = 1.959963984540054 / math.sqrt(66)
    assert interval == pytest.approx(
        (math.tanh(math.atanh(0.5) - half), math.tanh(0.5493 + half)), abs=1e-3
    )


def test_fisher_interval_needs_more_than_three_pairs() -> None:
    assert fisher_ci(0.5, 3) is None


def test_ridge_recovers_a_linear_relation_and_ignores_constant_columns() -> None:
    x = np.array([[0.0, 5.0], [1.0, 5.0], [2.0, 5.0], [3.0, 5.0]])
    y = 3.0 * x[:, 0] + 1.0
    model = fit_ridge(x, y, alpha=0.0)
    assert model.weights[1] == 0.0
    assert model.predict(np.array([[4.0, 5.0]]))[0] == pytest.approx(13.0)


def test_leave_one_out_predictions_never_see_their_own_row() -> None:
    x = np.array([[0.0], [1.0], [2.0], [10.0]])
    y = np.array([0.0, 1.0, 2.0, 0.0])
    predictions = loo_predictions(x, y, alpha=0.0)
    assert predictions[3] > 5.0

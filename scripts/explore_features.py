"""Which simple text features of the candidate's speech track the crowd ratings? (P* only)

Reads the calibration half (first-session interviews, ``P*``) of the MIT interview dataset
from ``../shared/datasets/mit_interview`` and never the test half (``PP*``): it refuses to run
if a test interview slips through. Prints the Pearson r of each feature of
:mod:`greenroom.evaluation.features` with RecommendHiring and Overall, then leave-one-out
r of a few ridge models over standardised features (selection done inside each fold).

    .venv/bin/python scripts/explore_features.py [--data DIR]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from greenroom.domain.transcripts import exchanges
from greenroom.errors import GreenroomError
from greenroom.evaluation.features import FEATURE_NAMES, candidate_features
from greenroom.evaluation.mit import TARGETS, RatedInterview, load_interviews
from greenroom.evaluation.stats import fisher_ci, fit_ridge, loo_predictions, pearson

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "datasets" / "mit_interview"
FloatArray = npt.NDArray[np.float64]

# Hand-picked sets; each is a plausible "judging design" to compare by LOO on P*.
HAND_PICKED: dict[str, tuple[str, ...]] = {
    "length": ("total_words", "mean_answer_words"),
    "length+fillers": ("total_words", "fillers_per_100"),
    "answer_length+fillers": ("mean_answer_words", "fillers_per_100"),
    "answer_length+vocal+verbal": (
        "mean_answer_words",
        "vocal_fillers_per_100",
        "verbal_fillers_per_100",
    ),
    "answer_length+fillers+i": ("mean_answer_words", "fillers_per_100", "i_per_100"),
    "answer_length+fillers+i+vocab": (
        "mean_answer_words",
        "fillers_per_100",
        "i_per_100",
        "msttr_50",
    ),
    "length+fillers+hedges": ("total_words", "fillers_per_100", "hedges_per_100"),
    "length+fillers+vocab": ("total_words", "fillers_per_100", "msttr_50"),
    "length+fillers+we+results": (
        "total_words",
        "fillers_per_100",
        "we_per_100",
        "result_words_per_100",
    ),
    "length+fillers+short+results+enthusiasm": (
        "total_words",
        "fillers_per_100",
        "short_answer_share",
        "result_words_per_100",
        "enthusiasm_per_100",
    ),
}


SHOWN = "answer_length+fillers"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="dataset folder")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        interviews = load_interviews(args.data, halves=("calibration",))
    except GreenroomError as error:
        print(f"explore_features: {error}", file=sys.stderr)
        return 1
    if any(interview.half != "calibration" for interview in interviews):
        print("explore_features: refusing to look at the test half (PP*)", file=sys.stderr)
        return 1
    x = feature_matrix(interviews)
    targets = {name: np.array([i.rating(name) for i in interviews]) for name in TARGETS}
    print(f"calibration half (P*), n = {len(interviews)} interviews\n")
    print_correlations(x, targets)
    print()
    print_models(x, targets["RecommendHiring"], "RecommendHiring")
    print()
    print_models(x, targets["Overall"], "Overall")
    print(f"\n{time.perf_counter() - started:.1f} s")
    return 0


def feature_matrix(interviews: Sequence[RatedInterview]) -> FloatArray:
    rows = []
    for interview in interviews:
        features = candidate_features(exchanges(interview.transcript))
        rows.append([features[name] for name in FEATURE_NAMES])
    return np.array(rows, dtype=np.float64)


def print_correlations(x: FloatArray, targets: dict[str, FloatArray]) -> None:
    by_strength = sorted(
        range(len(FEATURE_NAMES)),
        key=lambda j: -abs(pearson(list(x[:, j]), list(targets["RecommendHiring"])) or 0.0),
    )
    print(f"{'feature':<24}{'mean':>9}{'r Recommend':>13}{'95% CI':>16}{'r Overall':>11}")
    for j in by_strength:
        column = list(x[:, j])
        r_hire = pearson(column, list(targets["RecommendHiring"])) or 0.0
        r_overall = pearson(column, list(targets["Overall"])) or 0.0
        low, high = fisher_ci(r_hire, len(column)) or (float("nan"), float("nan"))
        print(
            f"{FEATURE_NAMES[j]:<24}{np.mean(column):>9.2f}{r_hire:>+13.3f}"
            f"  [{low:+.2f},{high:+.2f}]{r_overall:>+11.3f}"
        )


def print_models(x: FloatArray, y: FloatArray, target: str) -> None:
    print(f"leave-one-out r with {target} (ridge on standardised features, P* only)")
    for name, columns in HAND_PICKED.items():
        index = [FEATURE_NAMES.index(column) for column in columns]
        for alpha in (1.0, 10.0):
            r = pearson(list(loo_predictions(x[:, index], y, alpha=alpha)), list(y)) or 0.0
            print(f"  {name:<44} alpha={alpha:<5g} LOO r = {r:+.3f}")
    for alpha in (1.0, 10.0, 50.0):
        r = pearson(list(loo_predictions(x, y, alpha=alpha)), list(y)) or 0.0
        print(f"  {'all features':<44} alpha={alpha:<5g} LOO r = {r:+.3f}")
    for k in (1, 2, 3, 5):
        r = pearson(list(loo_top_k(x, y, k, alpha=1.0)), list(y)) or 0.0
        print(f"  {f'top {k} by |r| (chosen inside each fold)':<44} alpha=1     LOO r = {r:+.3f}")
    full = fit_ridge(x[:, _indices(HAND_PICKED[SHOWN])], y, alpha=1.0)
    weights = ", ".join(
        f"{name} {weight:+.3f}"
        for name, weight in zip(HAND_PICKED[SHOWN], full.weights, strict=True)
    )
    print(f"  weights of {SHOWN} on all P* (per SD): {weights}")


def loo_top_k(x: FloatArray, y: FloatArray, k: int, *, alpha: float) -> FloatArray:
    """LOO predictions where the k features are re-chosen by |r| on each training fold."""
    predictions = np.empty(len(y))
    for i in range(len(y)):
        keep = np.arange(len(y)) != i
        chosen = _top_k(x[keep], y[keep], k, pearson_of=pearson)
        model = fit_ridge(x[keep][:, chosen], y[keep], alpha=alpha)
        predictions[i] = model.predict(x[i : i + 1, chosen])[0]
    return predictions


def _top_k(
    x: FloatArray,
    y: FloatArray,
    k: int,
    *,
    pearson_of: Callable[[Sequence[float], Sequence[float]], float | None],
) -> list[int]:
    strengths = [abs(pearson_of(list(x[:, j]), list(y)) or 0.0) for j in range(x.shape[1])]
    return sorted(range(x.shape[1]), key=lambda j: -strengths[j])[:k]


def _indices(columns: Sequence[str]) -> list[int]:
    return [FEATURE_NAMES.index(column) for column in columns]


if __name__ == "__main__":
    sys.exit(main())

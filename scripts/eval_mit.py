"""How well does the judge's overall score track crowd ratings of real mock interviews?

Scores every interview of the MIT interview dataset (Naim et al.; research-only, read from
``../shared/datasets/mit_interview`` and never copied) with the hiring manager's judgement at
stage 2, then prints Pearson r with RecommendHiring and Overall on the test half (second
sessions, ``PP*``) with a 95% confidence interval, and on the calibration half (``P*``) for
reference. Nothing is tuned here. Writes the numbers and per-interview scores to
``eval-results.json``.

``--features-only`` replaces the judge with a two-feature baseline (mean answer length and
fillers per 100 words, a ridge fitted on ``P*`` only), the floor the judge should beat.

    .venv/bin/python scripts/eval_mit.py [--data DIR] [--limit N] [--features-only]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from greenroom.domain.models import Exchange
from greenroom.domain.transcripts import exchanges
from greenroom.errors import GreenroomError
from greenroom.evaluation.features import FEATURE_NAMES, candidate_features
from greenroom.evaluation.mit import MERGED_FILE, TARGETS, RatedInterview, load_interviews
from greenroom.evaluation.stats import fisher_ci, fit_ridge, pearson

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "datasets" / "mit_interview"
# Chosen by leave-one-out r on P* only (scripts/explore_features.py); frozen before any PP* run.
BASELINE_FEATURES = ("mean_answer_words", "fillers_per_100")
BASELINE_TARGET = "RecommendHiring"
BASELINE_ALPHA = 1.0

Scorer = Callable[[Sequence[Exchange]], float]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="dataset folder")
    parser.add_argument("--limit", type=int, default=0, help="score only N interviews per half")
    parser.add_argument(
        "--features-only", action="store_true", help="score with the text-feature baseline"
    )
    parser.add_argument("--json", type=Path, default=REPO / "eval-results.json", help="output")
    args = parser.parse_args(argv)
    if not (args.data / MERGED_FILE).is_file():
        print(f"eval_mit: dataset not found: {args.data / MERGED_FILE} is missing", file=sys.stderr)
        return 1
    started = time.perf_counter()
    try:
        interviews = _limited(
            load_interviews(args.data, halves=("calibration", "test")), args.limit
        )
        scorer = _baseline_scorer(interviews) if args.features_only else _judge_scorer()
        scores = {i.participant: scorer(exchanges(i.transcript)) for i in interviews}
    except GreenroomError as error:
        print(f"eval_mit: {error}", file=sys.stderr)
        return 1
    except ImportError as error:
        print(f"eval_mit: cannot import the judge or the embedder: {error}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    name = "text-feature baseline" if args.features_only else "judge (hiring-manager, stage 2)"
    results = {
        "scorer": name,
        "test_half": _half_results(interviews, scores, "test"),
        "calibration_half": _half_results(interviews, scores, "calibration"),
        "seconds": round(seconds, 1),
        "scores": {participant: round(score, 3) for participant, score in scores.items()},
    }
    _print_results(name, results)
    if args.features_only:
        print("  (the baseline is fitted on P*, so its calibration-half r is in-sample)")
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.json} ({seconds:.1f} s)")
    return 0


def _limited(interviews: Sequence[RatedInterview], limit: int) -> list[RatedInterview]:
    if limit <= 0:
        return list(interviews)
    halves = ("calibration", "test")
    return [i for half in halves for i in [i for i in interviews if i.half == half][:limit]]


def _judge_scorer() -> Scorer:
    from greenroom.domain.interview import judge_interview
    from greenroom.domain.models import Stage
    from greenroom.embedding import create_embedder

    embedder = create_embedder("minilm")

    def score(found: Sequence[Exchange]) -> float:
        judgement = judge_interview(
            tuple(found),
            interviewer="hiring-manager",
            stage=Stage.INTERVIEW,
            job=None,
            embedder=embedder,
        )
        return float(judgement.overall)

    return score


def _baseline_scorer(interviews: Sequence[RatedInterview]) -> Scorer:
    """A ridge over :data:`BASELINE_FEATURES` fitted on the calibration half only."""
    calibration = [i for i in interviews if i.half == "calibration"]
    columns = [FEATURE_NAMES.index(name) for name in BASELINE_FEATURES]

    def row(found: Sequence[Exchange]) -> list[float]:
        features = candidate_features(found)
        return [features[FEATURE_NAMES[j]] for j in columns]

    x = np.array([row(exchanges(i.transcript)) for i in calibration], dtype=np.float64)
    y = np.array([i.rating(BASELINE_TARGET) for i in calibration], dtype=np.float64)
    model = fit_ridge(x, y, alpha=BASELINE_ALPHA)
    return lambda found: float(model.predict(np.array([row(found)], dtype=np.float64))[0])


def _half_results(
    interviews: Sequence[RatedInterview], scores: dict[str, float], half: str
) -> dict[str, object]:
    members = [i for i in interviews if i.half == half]
    results: dict[str, object] = {"n": len(members)}
    predicted = [scores[i.participant] for i in members]
    for target in TARGETS:
        r = pearson(predicted, [i.rating(target) for i in members])
        interval = fisher_ci(r, len(members)) if r is not None else None
        results[target] = {
            "r": None if r is None else round(r, 4),
            "ci95": None if interval is None else [round(v, 4) for v in interval],
        }
    return results


def _print_results(name: str, results: dict[str, object]) -> None:
    print(f"MIT interview dataset, scored by the {name}")
    labels = (("test_half", "test half (PP*)"), ("calibration_half", "calibration half (P*)"))
    for key, label in labels:
        half = results[key]
        assert isinstance(half, dict)
        for target in TARGETS:
            entry = half[target]
            r, interval = entry["r"], entry["ci95"]
            shown = "   n/a" if r is None else f"{r:+.3f}"
            ci = f"  95% CI [{interval[0]:+.2f}, {interval[1]:+.2f}]" if interval else ""
            if key == "calibration_half":
                ci = ""
            print(f"  {label:<22} r with {target:<16} = {shown}  (n = {half['n']}){ci}")
    print(
        "  published anchor: multimodal SVR (Naim et al.), r = 0.54 with RecommendHiring; "
        "text-feature baseline here (--features-only): r = 0.34 on PP*"
    )


if __name__ == "__main__":
    sys.exit(main())

"""Choose the interview roll-up knobs on the calibration half (first-session ``P*``) only.

Judges every answer of every ``P*`` interview once (hiring manager, stage 2), then searches a
small grid of :class:`~greenroom.domain.interview.RollupParams` for the best Pearson r with the
crowd's RecommendHiring, reporting leave-one-out stability so a lucky corner of the grid is not
taken for a finding. The second-session half (``PP*``) is never loaded here.

    .venv/bin/python scripts/calibrate.py [--data DIR]
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

from greenroom.domain.analysis import analyze
from greenroom.domain.interview import DEFAULT_ROLLUP, RollupParams, roll_up
from greenroom.domain.interviewers import interviewer
from greenroom.domain.judging import judge_analysis
from greenroom.domain.models import Stage
from greenroom.domain.transcripts import exchanges
from greenroom.embedding import create_embedder
from greenroom.evaluation.mit import MERGED_FILE, load_interviews
from greenroom.evaluation.stats import pearson

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "datasets" / "mit_interview"

GRID = {
    "filler_threshold": (1.0, 2.0, 3.0, 5.0),
    "filler_points": (0.0, 1.0, 2.0, 3.0, 4.0, 5.0),
    "short_points": (0.0, 15.0, 30.0, 45.0, 60.0),
    "words_full": (30.0, 60.0, 120.0),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    if not (args.data / MERGED_FILE).is_file():
        print(f"calibrate: dataset not found in {args.data}", file=sys.stderr)
        return 1
    interviews = load_interviews(args.data, halves=("calibration",))
    embedder = create_embedder("minilm")
    who = interviewer("hiring-manager")
    judged = []
    for item in interviews:
        analyses = [
            analyze(e.question, e.answer, embedder=embedder) for e in exchanges(item.transcript)
        ]
        answers = [judge_analysis(a, who, Stage.INTERVIEW) for a in analyses]
        judged.append((answers, analyses, item.rating("RecommendHiring")))
    target = [y for _, _, y in judged]

    def r_for(params: RollupParams, rows: list[int] | None = None) -> float:
        idx = rows if rows is not None else list(range(len(judged)))
        scores = [roll_up(judged[i][0], judged[i][1], params).score for i in idx]
        return pearson(scores, [target[i] for i in idx]) or 0.0

    print(f"P* interviews: {len(judged)}")
    print(f"current defaults {DEFAULT_ROLLUP}: r = {r_for(DEFAULT_ROLLUP):+.3f}")
    results = []
    for values in itertools.product(*GRID.values()):
        params = RollupParams(**dict(zip(GRID, values, strict=True)))
        results.append((r_for(params), params))
    results.sort(key=lambda p: -p[0])
    print("best 8 on P*:")
    for r, params in results[:8]:
        print(f"  r = {r:+.3f}  {params}")
    # Leave-one-out among the 20 best: is the choice stable when one interview is left out?
    picks: dict[RollupParams, int] = {}
    for i in range(len(judged)):
        rows = [k for k in range(len(judged)) if k != i]
        best = max(results[:20], key=lambda p: r_for(p[1], rows))[1]
        picks[best] = picks.get(best, 0) + 1
    print("grid points chosen across leave-one-out folds:")
    for params, count in sorted(picks.items(), key=lambda p: -p[1])[:5]:
        print(f"  {count:3d} x {params}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

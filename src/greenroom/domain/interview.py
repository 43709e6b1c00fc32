"""A whole interview judged by one interviewer: every answer, then one score and verdict.

The interview score is a weighted mean of the answer scores. Answers weigh by kind (small talk
counts little, substantive questions count fully) and by how much the candidate said, because a
one-line reply to a real question leaves an impression as strong as a long one. Two interview-wide
habits are scored on the whole interview, not answer by answer: the filler rate of all the speech
and the share of answers that are far too short. Severe red flags anywhere cap the verdict, as
they would in a real debrief.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from greenroom.domain import thresholds as th
from greenroom.domain.analysis import AnswerAnalysis, analyze
from greenroom.domain.delivery import SpokenDelivery
from greenroom.domain.interviewers import InterviewerType
from greenroom.domain.interviewers import interviewer as interviewer_info
from greenroom.domain.judging import judge_analysis, verdict_for
from greenroom.domain.loop import parse_stage
from greenroom.domain.models import (
    Exchange,
    Flag,
    InterviewJudgement,
    Judgement,
    Reason,
    Signal,
    Stage,
)
from greenroom.domain.ports import Embedder
from greenroom.errors import InputError
from greenroom.text import fillers, job_terms

KIND_WEIGHT: Final[Mapping[str, float]] = MappingProxyType(
    {
        "small-talk": 0.15,
        "closing": 0.6,
        "screening": 0.7,
        "behavioural": 1.2,
        "situational": 1.0,
        "motivation": 1.0,
        "technical-general": 1.0,
    }
)


@dataclass(frozen=True, slots=True)
class RollupParams:
    """The interview-wide knobs, chosen on the calibration half of the rated interviews only
    (``scripts/calibrate.py``; ``docs/eval.md`` records the run)."""

    filler_threshold: float = 3.0  # fillers per 100 words tolerated before points come off
    filler_points: float = 3.0  # points off per filler per 100 words above the threshold
    short_points: float = 45.0  # points off when every substantive answer is too short
    words_full: float = 60.0  # an answer this long (words) carries its full weight


DEFAULT_ROLLUP = RollupParams()


@dataclass(frozen=True, slots=True)
class Rollup:
    score: float
    mean: float
    weights: tuple[float, ...]
    filler_rate: float
    filler_count: int
    filler_penalty: float
    short: int
    substantive: int
    short_penalty: float


def roll_up(
    answers: Sequence[Judgement],
    analyses: Sequence[AnswerAnalysis],
    params: RollupParams = DEFAULT_ROLLUP,
) -> Rollup:
    """The interview score from judged answers: a weighted mean minus interview-wide habits."""
    weights = tuple(
        KIND_WEIGHT.get(a.kind, 1.0) * (0.5 + 0.5 * min(1.0, a.words / params.words_full))
        for a in analyses
    )
    mean = sum(j.overall * w for j, w in zip(answers, weights, strict=True)) / sum(weights)
    filler = fillers(" ".join(a.answer for a in analyses))
    substantive = [a for a in analyses if a.kind not in ("small-talk", "closing")]
    short = sum(1 for a in substantive if a.words < th.MIN_WORDS[a.kind])
    share = short / len(substantive) if substantive else 0.0
    filler_penalty = max(0.0, filler.per_100_words - params.filler_threshold) * params.filler_points
    short_penalty = params.short_points * share
    score = max(0.0, min(100.0, mean - filler_penalty - short_penalty))
    return Rollup(
        score,
        mean,
        weights,
        filler.per_100_words,
        filler.count,
        filler_penalty,
        short,
        len(substantive),
        short_penalty,
    )


def judge_interview(
    exchanges: Sequence[Exchange],
    *,
    interviewer: str | InterviewerType,
    stage: int | Stage = Stage.INTERVIEW,
    job: str | None = None,
    embedder: Embedder,
    params: RollupParams = DEFAULT_ROLLUP,
    deliveries: Sequence[SpokenDelivery | None] = (),
) -> InterviewJudgement:
    """Judge every answer of an interview and roll them up for one interviewer.

    ``deliveries`` (one per exchange, ``None`` for a written answer) lets how a recorded
    answer was said count, as in :func:`~greenroom.domain.judging.judge_spoken_answer`.
    """
    if not exchanges:
        raise InputError("the interview has no answers to judge")
    if deliveries and len(deliveries) != len(exchanges):
        raise ValueError("give one delivery per exchange")
    who = interviewer if isinstance(interviewer, InterviewerType) else interviewer_info(interviewer)
    stage_ = parse_stage(stage)
    terms = job_terms(job) if job else None
    analyses = [
        analyze(e.question, e.answer, embedder=embedder, job_terms_cache=terms, kind=e.kind)
        for e in exchanges
    ]
    spoken = list(deliveries) or [None] * len(analyses)
    answers = tuple(
        judge_analysis(a, who, stage_, delivery=d) for a, d in zip(analyses, spoken, strict=True)
    )
    r = roll_up(answers, analyses, params)
    flags = [f for j in answers for f in j.flags]
    verdict = verdict_for(r.score, who.bar, _worst_per_id(flags), who)
    signals = (
        Signal("answers", len(answers), "answers", "judged answers"),
        Signal("mean_answer_score", round(r.mean, 1), "points", "weighted by kind and length"),
        Signal(
            "fillers",
            round(r.filler_rate, 1),
            "fillers per 100 words",
            f"{r.filler_count} fillers in all answers; -{r.filler_penalty:.1f} points",
        ),
        Signal(
            "short_answers",
            r.short,
            "answers",
            f"{r.short} of {r.substantive} substantive answers too short; "
            f"-{r.short_penalty:.1f} points",
        ),
    )
    return InterviewJudgement(
        interviewer=who.id,
        stage=stage_,
        overall=round(r.score),
        verdict=verdict,
        answers=answers,
        reasons=_reasons(answers, r.weights),
        flip=_flip(answers, who),
        tips=_tips(answers),
        signals=signals,
    )


def _worst_per_id(flags: Sequence[Flag]) -> tuple[Flag, ...]:
    """One flag per id, keeping the most severe, so repeats of one habit count once."""
    rank = {"low": 0, "medium": 1, "high": 2}
    best: dict[str, Flag] = {}
    for f in flags:
        if f.id not in best or rank[f.severity] > rank[best[f.id].severity]:
            best[f.id] = f
    return tuple(best.values())


def _reasons(answers: Sequence[Judgement], weights: Sequence[float]) -> tuple[Reason, ...]:
    ranked = sorted(
        zip(answers, weights, strict=True),
        key=lambda p: abs(p[0].overall - 60) * p[1],
        reverse=True,
    )
    out: list[Reason] = []
    for j, _ in ranked[:3]:
        if not j.reasons:
            continue
        r = j.reasons[0]
        question = j.question if len(j.question) <= 70 else j.question[:67] + "..."
        out.append(Reason(f"'{question}' scored {j.overall} ({j.verdict}): {r.text}", r.evidence))
    return tuple(out)


def _flip(answers: Sequence[Judgement], who: InterviewerType) -> tuple[str, ...]:
    weakest = sorted(answers, key=lambda j: j.overall)[:2]
    out = []
    for j in weakest:
        if j.flip:
            out.append(f"On '{j.question[:60]}': {j.flip[0]}")
    return tuple(out)


def _tips(answers: Sequence[Judgement]) -> tuple[str, ...]:
    counts: dict[str, int] = {}
    for j in answers:
        for t in j.tips:
            counts[t] = counts.get(t, 0) + 1
    return tuple(sorted(counts, key=lambda t: -counts[t])[:4])

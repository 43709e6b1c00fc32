"""A whole interview judged by one interviewer (domain/interview.py).

The answers were written for this file and are judged with the real shipped MiniLM model.
"""

from __future__ import annotations

import math

import pytest

from greenroom.domain.analysis import AnswerAnalysis, analyze
from greenroom.domain.interview import (
    DEFAULT_ROLLUP,
    KIND_WEIGHT,
    RollupParams,
    judge_interview,
    roll_up,
)
from greenroom.domain.interviewers import interviewer
from greenroom.domain.judging import judge_analysis
from greenroom.domain.models import Exchange, InterviewJudgement, Judgement, Stage
from greenroom.domain.ports import Embedder
from greenroom.embedding import create_embedder
from greenroom.errors import InputError

pytestmark = pytest.mark.model

STRONG: tuple[Exchange, ...] = (
    Exchange(
        "Tell me about a time you improved a process.",
        "At my last job I ran the returns desk for a shoe retailer. Refunds took nine days on "
        "average and customers were angry. I was asked to get that under a week. I mapped every "
        "step with the warehouse team, cut two manual checks and set up a daily report in Excel. "
        "As a result refunds dropped from 9 days to 4 days within two months, and complaints "
        "fell by 35%. I learned that the slowest step is rarely the one people complain about.",
    ),
    Exchange(
        "Tell me about a time you disagreed with a colleague.",
        "In 2022 a colleague, Priya, wanted to ship our billing API without load tests. I "
        "disagreed, so I booked thirty minutes with her and ran a quick test with k6 on the "
        "staging cluster. It showed timeouts above 200 requests a second. We fixed the "
        "connection pool together and shipped a week later with zero incidents, and since then "
        "load tests run on every release.",
    ),
    Exchange(
        "Why do you want this job?",
        "I have used your scheduling app at two clinics, and I would love to help make it as "
        "easy for the receptionists as it is for patients. Your team is moving into hospital "
        "trusts this year, and I spent three years rolling out booking software across four NHS "
        "sites, so I know where those projects get stuck and how to keep the front desk on side.",
    ),
)
ONE_LINERS: tuple[Exchange, ...] = tuple(
    Exchange(x.question, a)
    for x, a in zip(STRONG, ("We fixed it.", "I just did it my way.", "It pays well."), strict=True)
)
SMALL_TALK = Exchange(
    "So, how are you doing today?", "Very well, thank you, the train was on time for once."
)
BOASTING = Exchange(
    "How do you work with other engineers?",
    "Honestly I'm the best engineer on any team I join, and most of my colleagues are not very "
    "smart, so they tend to follow my lead and I end up fixing their code on Fridays.",
)
FILLED = Exchange(
    "Tell me about a time you improved a process.",
    "Um, so, at my last job I, uh, ran the returns desk for a shoe retailer. Um, refunds took "
    "nine days on average and, uh, customers were angry. I, um, mapped every step with the "
    "warehouse team, uh, cut two manual checks and set up a daily report in Excel. As a result, "
    "um, refunds dropped from 9 days to 4 days within two months.",
)


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return create_embedder("minilm")


def _judge(
    exchanges: tuple[Exchange, ...] | list[Exchange],
    embedder: Embedder,
    who: str = "hiring-manager",
    params: RollupParams = DEFAULT_ROLLUP,
) -> InterviewJudgement:
    return judge_interview(exchanges, interviewer=who, embedder=embedder, params=params)


def _signal(j: InterviewJudgement, signal_id: str) -> tuple[float, str]:
    s = next(s for s in j.signals if s.id == signal_id)
    return s.value, s.detail


def _analysed(
    exchanges: tuple[Exchange, ...], embedder: Embedder
) -> tuple[list[Judgement], list[AnswerAnalysis]]:
    who = interviewer("hiring-manager")
    analyses = [analyze(e.question, e.answer, embedder=embedder, kind=e.kind) for e in exchanges]
    return [judge_analysis(a, who, Stage.INTERVIEW) for a in analyses], analyses


def test_an_interview_of_strong_answers_outscores_one_of_one_line_answers(
    embedder: Embedder,
) -> None:
    strong = _judge(STRONG, embedder)
    weak = _judge(ONE_LINERS, embedder)
    assert strong.overall >= weak.overall + 30
    assert strong.verdict in ("lean_advance", "advance")
    assert weak.verdict == "no"
    assert len(strong.answers) == len(STRONG)


@pytest.mark.parametrize("exchanges", [STRONG, ONE_LINERS], ids=["strong", "one-liners"])
def test_small_talk_barely_moves_the_interview_score(
    exchanges: tuple[Exchange, ...], embedder: Embedder
) -> None:
    without = _judge(exchanges, embedder)
    with_talk = _judge([SMALL_TALK, *exchanges], embedder)
    mean_without, _ = _signal(without, "mean_answer_score")
    mean_with, _ = _signal(with_talk, "mean_answer_score")
    assert abs(mean_with - mean_without) <= 2.0
    assert abs(with_talk.overall - without.overall) <= 2


def test_small_talk_carries_less_weight_than_any_real_question() -> None:
    assert all(KIND_WEIGHT["small-talk"] < w for k, w in KIND_WEIGHT.items() if k != "small-talk")


def test_one_line_answers_to_real_questions_are_counted_and_penalised(
    embedder: Embedder,
) -> None:
    weak = _judge(ONE_LINERS, embedder)
    value, detail = _signal(weak, "short_answers")
    assert value == 3
    assert (
        detail == f"3 of 3 substantive answers too short; -{DEFAULT_ROLLUP.short_points:.1f} points"
    )
    strong_value, _ = _signal(_judge(STRONG, embedder), "short_answers")
    assert strong_value == 0


def test_fillers_are_reported_across_the_whole_interview(embedder: Embedder) -> None:
    rate, detail = _signal(_judge([FILLED], embedder), "fillers")
    assert rate > DEFAULT_ROLLUP.filler_threshold
    assert detail.startswith("7 fillers in all answers; -")
    clean_rate, clean_detail = _signal(_judge(STRONG, embedder), "fillers")
    assert clean_rate == 0.0
    assert clean_detail == "0 fillers in all answers; -0.0 points"


def test_the_filler_penalty_applies_only_above_the_threshold(embedder: Embedder) -> None:
    answers, analyses = _analysed((FILLED,), embedder)
    rate = roll_up(answers, analyses).filler_rate
    tolerant = roll_up(answers, analyses, RollupParams(filler_threshold=rate + 0.5))
    at_rate = roll_up(answers, analyses, RollupParams(filler_threshold=rate))
    strict = roll_up(answers, analyses, RollupParams(filler_threshold=rate - 2.0, filler_points=4))
    assert tolerant.filler_penalty == 0.0
    assert at_rate.filler_penalty == 0.0
    assert math.isclose(strict.filler_penalty, 8.0)
    assert math.isclose(tolerant.score - strict.score, 8.0)


def test_a_custom_threshold_reaches_the_interview_judgement(embedder: Embedder) -> None:
    lenient = _judge([FILLED], embedder, params=RollupParams(filler_threshold=50.0))
    harsh = _judge([FILLED], embedder, params=RollupParams(filler_threshold=0.0))
    assert _signal(lenient, "fillers")[1].endswith("-0.0 points")
    assert harsh.overall < lenient.overall


def test_roll_up_weighs_answers_by_kind_and_length(embedder: Embedder) -> None:
    answers, analyses = _analysed((SMALL_TALK, STRONG[0]), embedder)
    r = roll_up(answers, analyses)
    talk, story = r.weights
    assert story == KIND_WEIGHT["behavioural"]  # long enough to carry its full weight
    assert talk < KIND_WEIGHT["small-talk"]  # a short reply carries less than its kind's weight
    expected = (answers[0].overall * talk + answers[1].overall * story) / (talk + story)
    assert math.isclose(r.mean, expected)


def test_an_interview_without_exchanges_is_an_input_error(embedder: Embedder) -> None:
    with pytest.raises(InputError, match="no answers"):
        judge_interview([], interviewer="peer", embedder=embedder)


def test_the_kind_given_by_the_bank_overrides_the_wording(embedder: Embedder) -> None:
    reply = "Fine, thanks."
    read = _judge([Exchange("How are you?", reply)], embedder, who="peer")
    banked = _judge([Exchange("How are you?", reply, kind="behavioural")], embedder, who="peer")
    assert [f.id for f in read.answers[0].flags] == []
    assert "too_short" in [f.id for f in banked.answers[0].flags]
    assert _signal(read, "short_answers")[0] == 0
    assert _signal(banked, "short_answers")[0] == 1
    assert banked.overall < read.overall


def test_a_severe_red_flag_caps_the_interview_verdict_even_above_the_bar(
    embedder: Embedder,
) -> None:
    j = _judge([*STRONG, BOASTING], embedder, who="peer")
    assert ("arrogance", "high") in [(f.id, f.severity) for a in j.answers for f in a.flags]
    assert j.overall >= interviewer("peer").bar
    assert j.verdict == "lean_no"


def test_the_same_flag_does_not_cap_an_interviewer_who_does_not_red_flag_it(
    embedder: Embedder,
) -> None:
    assert "arrogance" not in interviewer("hiring-manager").red_flags
    j = _judge([*STRONG, BOASTING], embedder, who="hiring-manager")
    assert j.overall >= interviewer("hiring-manager").bar
    assert j.verdict == "lean_advance"

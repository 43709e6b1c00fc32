"""Stages of the hiring loop, the timing rule, and spotting a pay question."""

from __future__ import annotations

import pytest

from greenroom.domain.loop import (
    PARKED_TOPICS,
    STAGES,
    TIMING_RULE,
    may_raise_terms,
    parse_stage,
    pay_question,
    stage_info,
)
from greenroom.domain.models import INTERVIEWER_IDS, InterviewerId, Stage
from greenroom.errors import InputError

_STAGE_ERROR = "stage must be 1 (screening), 2 (interview rounds) or 3 (offer)"


def test_stages_cover_every_stage_in_order() -> None:
    assert tuple(info.stage for info in STAGES) == tuple(Stage)


@pytest.mark.parametrize("stage", [1, 2, 3, Stage.SCREENING, Stage.OFFER])
def test_stage_info_accepts_numbers_and_stages(stage: int) -> None:
    assert stage_info(stage).stage == stage


@pytest.mark.parametrize("stage", [0, 4, -1])
def test_stage_info_refuses_numbers_outside_the_loop(stage: int) -> None:
    with pytest.raises(InputError, match=_STAGE_ERROR.replace("(", r"\(").replace(")", r"\)")):
        stage_info(stage)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1, Stage.SCREENING),
        ("2", Stage.INTERVIEW),
        (" 3 ", Stage.OFFER),
        ("Screening", Stage.SCREENING),
        ("interview rounds", Stage.INTERVIEW),
        ("INTERVIEW", Stage.INTERVIEW),
        ("offer", Stage.OFFER),
        (Stage.OFFER, Stage.OFFER),
    ],
)
def test_parse_stage_reads_numbers_digits_and_names(value: int | str, expected: Stage) -> None:
    assert parse_stage(value) is expected


@pytest.mark.parametrize("value", [0, 4, "", "zero", "final", "1.5", True])
def test_parse_stage_refuses_anything_else_with_one_clear_message(value: int | str) -> None:
    with pytest.raises(InputError) as caught:
        parse_stage(value)
    assert str(caught.value) == _STAGE_ERROR


_RECRUITERS: tuple[InterviewerId, ...] = ("external-recruiter", "internal-recruiter")
_OTHERS: tuple[InterviewerId, ...] = tuple(i for i in INTERVIEWER_IDS if i not in _RECRUITERS)


@pytest.mark.parametrize("interviewer", INTERVIEWER_IDS)
@pytest.mark.parametrize("asked", [True, False])
def test_anyone_may_be_asked_about_terms_once_there_is_an_offer(
    interviewer: InterviewerId, asked: bool
) -> None:
    assert may_raise_terms(Stage.OFFER, interviewer, asked_about_pay=asked)


@pytest.mark.parametrize("stage", [Stage.SCREENING, Stage.INTERVIEW])
@pytest.mark.parametrize("interviewer", _RECRUITERS)
def test_a_recruiter_who_asks_about_pay_gets_a_range_before_the_offer(
    stage: Stage, interviewer: InterviewerId
) -> None:
    assert may_raise_terms(stage, interviewer, asked_about_pay=True)
    assert not may_raise_terms(stage, interviewer, asked_about_pay=False)


@pytest.mark.parametrize("stage", [Stage.SCREENING, Stage.INTERVIEW])
@pytest.mark.parametrize("interviewer", _OTHERS)
@pytest.mark.parametrize("asked", [True, False])
def test_terms_stay_parked_with_everyone_else_before_the_offer(
    stage: Stage, interviewer: InterviewerId, asked: bool
) -> None:
    assert not may_raise_terms(stage, interviewer, asked_about_pay=asked)


def test_timing_rule_names_the_recruiter_exception() -> None:
    assert "recruiter" in TIMING_RULE and "range" in TIMING_RULE
    assert PARKED_TOPICS == ("pay", "benefits", "vacation", "commute", "schedule", "doubts")


@pytest.mark.parametrize(
    "question",
    [
        "What are your salary expectations?",
        "What kind of compensation are you looking for?",
        "What's your expected pay?",
        "What are your pay expectations for this role?",
        "What are your expectations regarding comp?",
        "How much are you looking to earn?",
        "How much are you looking for?",
        "How much do you make now?",
        "How much were you making at your last company?",
        "How much would you like to earn?",
        "What do you currently earn?",
        "What is your current hourly rate?",
        "What day rate do you charge?",
        "What's your rate?",
        "What were you paid in your last job?",
        "What kind of money are you after?",
        "Is the rate of pay acceptable to you?",
        "WHAT SALARY RANGE ARE YOU TARGETING?",
    ],
)
def test_pay_question_spots_questions_about_pay(question: str) -> None:
    assert pay_question(question)


@pytest.mark.parametrize(
    "question",
    [
        "How do you handle a pay-per-click campaign?",
        "Tell me about a time you had to pay close attention to detail.",
        "Did that investment pay off?",
        "Tell me about a time your hard work paid off.",
        "How do you decide which paid channels to fund?",
        "Describe your experience with payroll software.",
        "What is the payment flow you designed?",
        "What is your success rate on deployments?",
        "What's your rate of churn?",
        "What are your expectations for this role?",
        "How much of an impact did you make?",
        "How much are you looking forward to joining?",
        "What did you do to earn their trust?",
        "What do you make of our strategy?",
        "Tell me about yourself.",
        "",
    ],
)
def test_pay_question_ignores_other_uses_of_the_same_words(question: str) -> None:
    assert not pay_question(question)

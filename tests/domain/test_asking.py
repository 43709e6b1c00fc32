"""The candidate's own questions: prepared, specific, the right person, the right time."""

from __future__ import annotations

import pytest

from greenroom.domain.asking import AskJudgement, judge_candidate_question
from greenroom.domain.models import JobProfile, Stage
from greenroom.domain.questions import default_bank
from greenroom.errors import NotFoundError

PROFILE = JobProfile(
    title="Data Engineer",
    seniority="mid",
    manages_people=False,
    must_have=("Experience with Apache Airflow",),
    nice_to_have=("Kafka",),
    responsibilities=("Build and maintain data pipelines",),
    skills=("SQL",),
    logistics=(),
)
PAY = "What is the salary range for this role?"


def judge(text: str, who: str, stage: int) -> AskJudgement:
    return judge_candidate_question(text, who, Stage(stage), profile=PROFILE, bank=default_bank())


def check(j: AskJudgement, id: str) -> bool:
    return next(c.ok for c in j.checks if c.id == id)


def test_pay_question_to_hiring_manager_in_interviews_is_too_early() -> None:
    j = judge(PAY, "hiring-manager", 2)
    assert not check(j, "right_time")
    assert not check(j, "right_person")
    assert j.verdict == "poor"
    timing = next(c for c in j.checks if c.id == "right_time")
    assert [e.text for e in timing.evidence] == ["salary"]
    assert all(PAY[e.start : e.end] == e.text for c in j.checks for e in c.evidence)


def test_pay_question_to_recruiter_at_offer_is_fine() -> None:
    j = judge(PAY, "internal-recruiter", 3)
    assert check(j, "right_time") and check(j, "right_person")
    assert j.verdict != "poor"


def test_agency_recruiter_may_give_the_pay_range_early() -> None:
    assert check(judge(PAY, "external-recruiter", 1), "right_time")


@pytest.mark.parametrize("text", ["How many vacation days do you offer?", "Can I work remotely?"])
def test_benefits_before_the_offer_are_too_early(text: str) -> None:
    assert not check(judge(text, "internal-recruiter", 1), "right_time")


def test_generic_culture_question_is_not_specific() -> None:
    j = judge("What's the culture like?", "peer", 2)
    assert not check(j, "specific")
    assert not check(j, "prepared")
    assert j.verdict != "good"


def test_question_naming_a_must_have_is_prepared() -> None:
    j = judge("How does the team use Airflow for the nightly pipelines?", "peer", 2)
    prepared = next(c for c in j.checks if c.id == "prepared")
    assert prepared.ok
    assert {e.text for e in prepared.evidence} >= {"Airflow", "pipelines"}
    assert j.verdict == "good"


@pytest.mark.parametrize(
    ("text", "good_for", "bad_for"),
    [
        ("What would success look like in the first six months?", "hiring-manager", "peer"),
        (
            "Where is the department heading over the next two years?",
            "hiring-managers-boss",
            "peer",
        ),
        ("How does the team handle busy periods and hand-offs?", "peer", "hiring-managers-boss"),
        ("Could you walk me through the benefits package?", "internal-recruiter", "hiring-manager"),
    ],
)
def test_right_person_follows_the_topic(text: str, good_for: str, bad_for: str) -> None:
    assert check(judge(text, good_for, 3), "right_person")
    assert not check(judge(text, bad_for, 3), "right_person")


def test_research_cue_counts_as_prepared_without_a_profile() -> None:
    j = judge_candidate_question(
        "I read about your move to streaming; how has it changed the on-call load?",
        "peer",
        Stage.INTERVIEW,
        profile=None,
    )
    assert check(j, "prepared")


def test_unknown_interviewer_raises() -> None:
    with pytest.raises(NotFoundError):
        judge_candidate_question("Anything?", "astronaut", Stage.INTERVIEW)

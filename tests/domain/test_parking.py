"""The parking lot: classification, drafts and the timing rule."""

from __future__ import annotations

import pytest

from greenroom.domain.loop import PARKED_TOPICS, TIMING_RULE
from greenroom.domain.models import Stage
from greenroom.domain.parking import TOPICS, classify_concern, park, parse_topic, timing_message
from greenroom.errors import InputError, NotFoundError


def test_topics_are_the_loops_parked_topics_plus_other() -> None:
    assert TOPICS == (*PARKED_TOPICS, "other")


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("What is the salary range for this role?", "pay"),
        ("Is there a bonus?", "pay"),
        ("Does the health insurance cover dental?", "benefits"),
        ("How many vacation days do I get?", "vacation"),
        ("The commute would be over an hour each way.", "commute"),
        ("Can I work from home two days a week?", "commute"),
        ("Are the working hours flexible, any weekend shifts?", "schedule"),
        ("I'm worried about the turnover in this team.", "doubts"),
        ("The office has a nice view.", "other"),
        ("", "other"),
    ],
)
def test_concerns_are_classified_by_topic(text: str, topic: str) -> None:
    assert classify_concern(text) == topic


def test_park_classifies_and_strips() -> None:
    draft = park("  Is there a pension plan?  ", stage=1, interviewer="peer")
    assert (draft.topic, draft.text, draft.stage, draft.interviewer) == (
        "benefits",
        "Is there a pension plan?",
        Stage.SCREENING,
        "peer",
    )


def test_a_given_topic_wins_over_classification() -> None:
    assert park("Is there a pension plan?", topic="doubts").topic == "doubts"


@pytest.mark.parametrize("kwargs", [{"text": " "}, {"text": "x" * 2001}, {"text": "x", "stage": 4}])
def test_park_refuses_bad_input(kwargs: dict[str, object]) -> None:
    text = str(kwargs.pop("text"))
    with pytest.raises(InputError):
        park(text, **kwargs)  # type: ignore[arg-type]


def test_park_refuses_an_unknown_interviewer() -> None:
    with pytest.raises(NotFoundError):
        park("salary?", interviewer="the-ceo")


def test_parse_topic_names_the_known_topics() -> None:
    assert parse_topic(" Pay ") == "pay"
    with pytest.raises(InputError, match="commute"):
        parse_topic("lunch")


@pytest.mark.parametrize(
    ("stage", "interviewer", "asked", "too_early"),
    [
        (1, None, False, True),
        (2, "hiring-manager", False, True),
        (2, "hiring-manager", True, True),
        (1, "external-recruiter", False, True),
        (1, "external-recruiter", True, False),
        (2, "internal-recruiter", True, False),
        (3, None, False, False),
        (3, "peer", False, False),
    ],
)
def test_timing_message_shows_the_rule_only_when_too_early(
    stage: int, interviewer: str | None, asked: bool, too_early: bool
) -> None:
    message = timing_message(stage, interviewer, asked_about_pay=asked)  # type: ignore[arg-type]
    assert message == (TIMING_RULE if too_early else None)

"""The story bank: tagging, suggestions and overuse warnings."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from greenroom.domain.stories import (
    COMPETENCIES,
    Story,
    StoryUse,
    competencies_in,
    draft_story,
    overuse_warnings,
    suggest_stories,
    tag_story,
)
from greenroom.errors import InputError

NOW = datetime(2024, 5, 1, tzinfo=UTC)
CUSTOMER = (
    "Our biggest customer threatened to leave because deliveries were late. I analysed the "
    "orders and fixed the picking process. We cut late deliveries by 40%."
)
CONFLICT = (
    "A colleague and I disagreed about the release plan. I listened to his concerns and we "
    "agreed on a compromise."
)


def _story(story_id: int, title: str, text: str) -> Story:
    criteria, competencies = tag_story(text)
    return Story(story_id, title, text, "", "", "", "", criteria, competencies, NOW, NOW)


def _use(story_id: int, question: str, interviewer: str | None = None, loop: str = "") -> StoryUse:
    return StoryUse(story_id, question, interviewer, NOW, loop)


@pytest.mark.parametrize(
    ("text", "competency"),
    [
        ("I led the team through the launch.", "leadership"),
        ("We had a disagreement about scope.", "conflict"),
        ("A client complained about the invoice.", "customer"),
        ("The deadline moved up by a week.", "deadline"),
        ("I collaborated with two other teams.", "teamwork"),
        ("I found the root cause of the outage.", "problem-solving"),
        ("I volunteered to rewrite the onboarding guide.", "initiative"),
        ("I made a mistake in the forecast.", "failure-learning"),
        ("We had to adapt to a new system.", "change"),
        ("I presented the plan to the board.", "communication"),
    ],
)
def test_each_competency_is_recognised(text: str, competency: str) -> None:
    assert competency in competencies_in(text)


def test_competencies_come_in_display_order() -> None:
    found = competencies_in(CUSTOMER)
    assert list(found) == [c for c in COMPETENCIES if c in found]


def test_a_result_with_figures_proves_performance() -> None:
    criteria, competencies = tag_story(CUSTOMER)
    assert "performs" in criteria
    assert "customer" in competencies


def test_owned_actions_prove_qualification() -> None:
    criteria, _ = tag_story("I rewrote the parser and I tested it against every input.")
    assert "qualified" in criteria


def test_empty_story_has_no_tags() -> None:
    assert tag_story("   ") == ((), ())


def test_draft_splits_star_parts_and_strips() -> None:
    draft = draft_story("  Late deliveries ", CUSTOMER)
    assert draft.title == "Late deliveries"
    assert "40%" in draft.result
    assert draft.criteria == tag_story(CUSTOMER)[0]


@pytest.mark.parametrize(("title", "text"), [("", "text"), ("t", " "), ("t" * 201, "text")])
def test_draft_refuses_empty_or_oversized_input(title: str, text: str) -> None:
    with pytest.raises(InputError):
        draft_story(title, text)


def test_suggestions_rank_the_fitting_story_first() -> None:
    bank = [_story(1, "Late deliveries", CUSTOMER), _story(2, "Release plan", CONFLICT)]
    found = suggest_stories("Tell me about a time you disagreed with a colleague.", bank)
    assert found[0].story.id == 2
    assert "conflict" in found[0].competencies
    found = suggest_stories("Tell me about a difficult customer.", bank)
    assert found[0].story.id == 1


def test_suggestions_leave_out_unrelated_stories_and_respect_the_limit() -> None:
    bank = [_story(i, f"Story {i}", CONFLICT) for i in range(1, 6)]
    assert len(suggest_stories("Tell me about a disagreement.", bank, limit=2)) == 2
    assert suggest_stories("Quantum chromodynamics?", [_story(1, "x", "Zebra.")]) == ()


def test_overused_stories_drop_and_carry_a_warning() -> None:
    bank = [_story(1, "Release plan", CONFLICT), _story(2, "Release plan too", CONFLICT)]
    uses = [_use(1, f"question {i}", loop="Acme") for i in range(3)]
    found = suggest_stories("Tell me about a disagreement with a colleague.", bank, uses)
    assert [s.story.id for s in found] == [2, 1]
    assert found[1].uses == 3
    assert found[1].warning is not None and "Release plan" in found[1].warning
    assert found[0].warning is None


def test_three_interviewers_make_a_warning_naming_the_story() -> None:
    bank = [_story(7, "Late deliveries", CUSTOMER)]
    uses = [_use(7, "q", who, loop=loop) for who, loop in [("Ana", "a"), ("Bo", "b"), ("Cy", "c")]]
    (warning,) = overuse_warnings(uses, bank)
    assert "Late deliveries" in warning and "3 different interviewers" in warning


def test_three_questions_in_one_loop_make_a_warning() -> None:
    uses = [_use(3, f"Question {i}", loop="Acme") for i in range(3)]
    (warning,) = overuse_warnings(uses)
    assert "story 3" in warning and "Acme" in warning


def test_few_uses_or_spread_over_loops_give_no_warning() -> None:
    uses = [
        _use(1, "Same question", "Ana"),
        _use(1, "same  question", "ana"),
        _use(2, "q1", loop="a"),
        _use(2, "q2", loop="b"),
        _use(2, "q3", loop="c"),
    ]
    assert overuse_warnings(uses) == ()


def test_an_answer_retelling_a_stored_story_is_recognised_and_another_is_not() -> None:
    kept = _story(
        1,
        "Returns backlog",
        "In March our returns desk had 600 open cases. I sorted them by age, set up a daily "
        "triage with two colleagues and cleared the backlog in three weeks; complaints fell by "
        "a third.",
    )
    other = _story(
        2,
        "Fire drill",
        "Last year I organised the warehouse fire drill with the safety officer and trained "
        "twelve marshals; evacuation time dropped from nine minutes to four.",
    )
    retold = (
        "So in March the returns desk had about 600 open cases. I sorted them by age, started a "
        "daily triage with two colleagues, and within three weeks we had cleared the backlog, "
        "and complaints fell by a third."
    )
    unrelated = "I enjoy learning new spreadsheet tricks and I keep a tidy desk."
    from greenroom.domain.stories import told_story

    assert told_story(retold, [other, kept]) == kept
    assert told_story(unrelated, [other, kept]) is None

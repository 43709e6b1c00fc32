"""The seven criteria: complete, in order, and covering every flag."""

from __future__ import annotations

import pytest

from greenroom.domain.criteria import CRITERIA, Criterion, criterion, undermined_criteria
from greenroom.domain.models import CRITERION_IDS, FLAG_IDS
from greenroom.errors import NotFoundError


def test_criteria_follow_the_criterion_id_order() -> None:
    assert tuple(item.id for item in CRITERIA) == CRITERION_IDS


@pytest.mark.parametrize("flag", FLAG_IDS)
def test_every_flag_undermines_at_least_one_criterion(flag: str) -> None:
    assert undermined_criteria(flag)


def test_undermining_flags_are_known_and_not_repeated() -> None:
    for item in CRITERIA:
        assert set(item.undermining_flags) <= set(FLAG_IDS), item.id
        assert len(set(item.undermining_flags)) == len(item.undermining_flags), item.id


@pytest.mark.parametrize("item", CRITERIA, ids=lambda item: item.id)
def test_each_criterion_lists_four_to_seven_signals_each_way(item: Criterion) -> None:
    assert 4 <= len(item.shown_by) <= 7
    assert 4 <= len(item.undermined_by) <= 7
    assert item.name and item.meaning


def test_only_enthusiasm_is_on_the_candidates_side() -> None:
    assert [item.id for item in CRITERIA if not item.employer_side] == ["enthusiasm"]


@pytest.mark.parametrize(
    ("flag", "expected"),
    [
        ("negative_about_others", {"pleasant", "team_player"}),
        ("arrogance", {"pleasant", "team_player"}),
        ("blame_shifting", {"dependable", "team_player"}),
        ("low_commitment", {"stays"}),
        ("premature_terms", {"enthusiasm", "stays"}),
        ("vague", {"qualified", "performs"}),
        ("lacks_result", {"performs"}),
        ("evasive", {"dependable"}),
        ("too_long", {"pleasant"}),
        ("too_short", {"enthusiasm"}),
    ],
)
def test_flags_count_against_the_criteria_they_damage(flag: str, expected: set[str]) -> None:
    assert set(undermined_criteria(flag)) == expected


def test_criterion_finds_a_known_id() -> None:
    assert criterion("stays").name == "Will stay"


def test_unknown_criterion_error_lists_the_known_ids() -> None:
    with pytest.raises(NotFoundError) as caught:
        criterion("charisma")
    message = str(caught.value)
    assert "unknown criterion 'charisma'" in message
    assert all(known in message for known in CRITERION_IDS)
    assert caught.value.known == CRITERION_IDS


def test_unknown_flag_error_lists_the_known_flags() -> None:
    with pytest.raises(NotFoundError, match="unknown flag 'rude'.*off_topic"):
        undermined_criteria("rude")

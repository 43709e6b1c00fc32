"""The interviewer types: weights, bars and red flags that truly differ."""

from __future__ import annotations

import itertools
import math
from dataclasses import replace

import pytest

from greenroom.domain.interviewers import INTERVIEWERS, InterviewerType, interviewer
from greenroom.domain.models import CRITERION_IDS, FLAG_IDS, INTERVIEWER_IDS, CriterionId
from greenroom.errors import NotFoundError

_BY_ID = {item.id: item for item in INTERVIEWERS}


def _top(item: InterviewerType) -> str:
    return max(item.weights, key=lambda pair: pair[1])[0]


def test_interviewers_follow_the_interviewer_id_order() -> None:
    assert tuple(item.id for item in INTERVIEWERS) == INTERVIEWER_IDS


@pytest.mark.parametrize("item", INTERVIEWERS, ids=lambda item: item.id)
def test_weights_cover_every_criterion_once_and_sum_to_one(item: InterviewerType) -> None:
    assert tuple(name for name, _ in item.weights) == CRITERION_IDS
    assert math.isclose(sum(value for _, value in item.weights), 1.0)
    assert all(value > 0 for _, value in item.weights)


@pytest.mark.parametrize("item", INTERVIEWERS, ids=lambda item: item.id)
def test_each_type_is_fully_described(item: InterviewerType) -> None:
    assert 3 <= len(item.hidden_worries) <= 5
    assert 3 <= len(item.red_flags) <= 6
    assert set(item.red_flags) <= set(FLAG_IDS)
    assert 3 <= len(item.approach) <= 5
    assert 3 <= len(item.ask_them) <= 5
    assert 2 <= len(item.not_yet) <= 5
    assert 0 <= item.bar <= 100
    assert item.answer_words[0] < item.answer_words[1]
    assert item.who and item.wants and item.bar_reason


@pytest.mark.parametrize(
    ("first", "second"), list(itertools.combinations(INTERVIEWERS, 2)), ids=str
)
def test_every_pair_of_types_differs_in_weights_or_red_flags(
    first: InterviewerType, second: InterviewerType
) -> None:
    assert first.weights != second.weights or set(first.red_flags) != set(second.red_flags)


def test_the_external_recruiter_is_the_only_ally() -> None:
    assert [item.id for item in INTERVIEWERS if item.ally] == ["external-recruiter"]
    assert _BY_ID["external-recruiter"].decides == "ally"


def test_direct_report_peer_and_hiring_manager_value_different_things_most() -> None:
    tops = {_top(_BY_ID[name]) for name in ("direct-report", "peer", "hiring-manager")}
    assert len(tops) == 3
    assert _top(_BY_ID["hiring-manager"]) == "performs"


def test_the_senior_deciders_set_the_highest_bars() -> None:
    bars = {item.id: item.bar for item in INTERVIEWERS}
    assert bars["hiring-managers-boss"] > bars["hiring-manager"]
    assert bars["hiring-manager"] > max(bars["internal-recruiter"], bars["external-recruiter"])


def test_the_screener_weighs_deal_breakers_heavily() -> None:
    screener = _BY_ID["internal-recruiter"]
    assert screener.decides == "gatekeeper"
    heavy = screener.weight("qualified") + screener.weight("stays") + screener.weight("dependable")
    assert heavy >= 0.6
    assert "premature_terms" not in screener.red_flags
    assert {"low_commitment", "unprepared", "evasive"} <= set(screener.red_flags)


def test_recruiters_expect_shorter_answers_than_the_hiring_manager() -> None:
    manager_max = _BY_ID["hiring-manager"].answer_words[1]
    assert _BY_ID["internal-recruiter"].answer_words[1] < manager_max
    assert _BY_ID["external-recruiter"].answer_words[1] < manager_max


def test_weight_reads_one_criterion() -> None:
    assert interviewer("peer").weight("team_player") == 0.30


def test_a_type_with_weights_not_summing_to_one_is_refused() -> None:
    peer = interviewer("peer")
    bad: tuple[tuple[CriterionId, float], ...] = (("qualified", 0.5), *peer.weights[1:])
    with pytest.raises(ValueError, match="sum"):
        replace(peer, weights=bad)


def test_unknown_interviewer_error_lists_the_known_ids() -> None:
    with pytest.raises(NotFoundError) as caught:
        interviewer("ceo")
    message = str(caught.value)
    assert "unknown interviewer 'ceo'" in message
    assert all(known in message for known in INTERVIEWER_IDS)

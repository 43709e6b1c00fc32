"""Criterion scores and weights (domain/scoring.py): pure arithmetic over contributions."""

from __future__ import annotations

import math
from itertools import product

import pytest

from greenroom.domain.interviewers import INTERVIEWERS, InterviewerType, interviewer
from greenroom.domain.models import (
    CRITERION_IDS,
    FLAG_IDS,
    CriterionId,
    Flag,
    FlagId,
    InterviewerId,
    Severity,
)
from greenroom.domain.question_kinds import AnswerKind
from greenroom.domain.scoring import (
    BASE,
    FLAG_IMPACT,
    KIND_FOCUS,
    RED_FLAG_FACTOR,
    SEVERITY_FACTOR,
    UNINFORMED_WEIGHT,
    Contribution,
    criterion_scores,
    flag_contributions,
    informed_weights,
    overall,
    weights,
)

KINDS: tuple[AnswerKind, ...] = (
    "behavioural",
    "motivation",
    "situational",
    "screening",
    "technical-general",
    "closing",
    "small-talk",
)
PAIRS = list(product(INTERVIEWERS, KINDS))
PAIR_IDS = [f"{who.id}-{kind}" for who, kind in PAIRS]


def _flag(flag_id: FlagId, severity: Severity = "medium") -> Flag:
    return Flag(flag_id, severity, "written for the test", "test rule")


def _total(contributions: tuple[Contribution, ...]) -> float:
    return sum(c.points for c in contributions)


@pytest.mark.parametrize(("who", "kind"), PAIRS, ids=PAIR_IDS)
def test_weights_sum_to_one_for_every_interviewer_and_kind(
    who: InterviewerType, kind: AnswerKind
) -> None:
    w = weights(who, kind)
    assert set(w) == set(CRITERION_IDS)
    assert math.isclose(sum(w.values()), 1.0, abs_tol=1e-9)
    assert all(v > 0 for v in w.values())


def test_an_unknown_kind_keeps_the_interviewers_own_weights() -> None:
    who = interviewer("hiring-manager")
    w = weights(who, "no-such-kind")
    assert all(math.isclose(w[c], who.weight(c)) for c in CRITERION_IDS)


@pytest.mark.parametrize(("who", "kind"), PAIRS, ids=PAIR_IDS)
def test_a_probed_criterion_weighs_more_than_when_it_is_not_probed(
    who: InterviewerType, kind: AnswerKind
) -> None:
    plain = weights(who, kind)
    probed = weights(who, kind, probed=("team_player",))
    assert probed["team_player"] > plain["team_player"]
    assert all(probed[c] < plain[c] for c in CRITERION_IDS if c != "team_player")


@pytest.mark.parametrize(
    ("kind", "criterion"),
    [
        ("motivation", "enthusiasm"),
        ("screening", "dependable"),
        ("behavioural", "performs"),
        ("small-talk", "pleasant"),
        ("closing", "enthusiasm"),
    ],
)
def test_a_kind_of_question_shifts_weight_towards_what_it_probes(
    kind: AnswerKind, criterion: CriterionId
) -> None:
    who = interviewer("internal-recruiter")
    assert KIND_FOCUS[kind][criterion] > 1.0
    assert weights(who, kind)[criterion] > who.weight(criterion)


def test_informed_weights_scale_untouched_criteria_down_and_renormalise() -> None:
    w = weights(interviewer("peer"), "behavioural")
    touched: tuple[Contribution, ...] = (
        Contribution("performs", 10, "signal:result", "says how it turned out"),
        Contribution("qualified", -5, "vague", "vague"),
    )
    informed = informed_weights(w, touched)
    assert math.isclose(sum(informed.values()), 1.0, abs_tol=1e-9)
    for c in CRITERION_IDS:
        expected_ratio = 1.0 if c in ("performs", "qualified") else UNINFORMED_WEIGHT
        # relative to "performs", every criterion keeps its weight times its factor
        assert math.isclose(
            informed[c] / informed["performs"], expected_ratio * w[c] / w["performs"]
        )
    assert informed["performs"] > w["performs"]
    assert informed["pleasant"] < w["pleasant"]


def test_informed_weights_change_nothing_when_no_criterion_or_every_criterion_is_touched() -> None:
    w = weights(interviewer("direct-report"), "situational")
    every = [Contribution(c, 1, "signal:x", "x") for c in CRITERION_IDS]
    for contributions in ([], every):
        informed = informed_weights(w, contributions)
        assert all(math.isclose(informed[c], w[c]) for c in CRITERION_IDS)


@pytest.mark.parametrize(
    ("points", "expected"),
    [(0.0, float(BASE["qualified"])), (20.0, 70.0), (500.0, 100.0), (-500.0, 0.0), (-50.0, 0.0)],
)
def test_criterion_scores_start_from_the_base_and_stay_within_0_and_100(
    points: float, expected: float
) -> None:
    scores = criterion_scores([Contribution("qualified", points, "signal:x", "x")])
    assert scores["qualified"] == expected
    assert all(scores[c] == BASE[c] for c in CRITERION_IDS if c != "qualified")


def test_criterion_scores_add_up_several_contributions_to_one_criterion() -> None:
    scores = criterion_scores(
        [
            Contribution("performs", 18, "signal:quantified_results", "a result with a number"),
            Contribution("performs", 8, "signal:past_example", "a real example"),
            Contribution("performs", -6, "lacks_result", "lacks result"),
        ]
    )
    assert scores["performs"] == BASE["performs"] + 20


def test_the_overall_score_is_the_weighted_mean_of_criterion_scores() -> None:
    w = weights(interviewer("hiring-manager"), "behavioural")
    assert math.isclose(overall(dict.fromkeys(CRITERION_IDS, 70.0), w), 70.0)
    scores = {c: float(BASE[c]) for c in CRITERION_IDS}
    assert math.isclose(overall(scores, w), sum(BASE[c] * w[c] for c in CRITERION_IDS))


def _red_flag_contrasts() -> list[tuple[FlagId, InterviewerId, InterviewerId]]:
    """Every flag that one interviewer red-flags and another does not, with both ids."""
    out = []
    for flag_id in FLAG_IDS:
        harsh = [w for w in INTERVIEWERS if flag_id in w.red_flags]
        mild = [w for w in INTERVIEWERS if flag_id not in w.red_flags]
        if harsh and mild:
            out.append((flag_id, harsh[0].id, mild[0].id))
    return out


@pytest.mark.parametrize(("flag_id", "harsh", "mild"), _red_flag_contrasts())
@pytest.mark.parametrize("severity", ["low", "medium", "high"])
def test_a_flag_costs_more_with_an_interviewer_who_red_flags_it(
    flag_id: FlagId, harsh: InterviewerId, mild: InterviewerId, severity: Severity
) -> None:
    flag = _flag(flag_id, severity)
    heavy = flag_contributions([flag], interviewer(harsh))
    light = flag_contributions([flag], interviewer(mild))
    assert _total(heavy) < _total(light) < 0
    assert math.isclose(_total(heavy), _total(light) * RED_FLAG_FACTOR)


def test_severity_factors_are_ordered_low_then_medium_then_high() -> None:
    assert SEVERITY_FACTOR["low"] < SEVERITY_FACTOR["medium"] < SEVERITY_FACTOR["high"]
    who = interviewer("peer")
    costs = [
        _total(flag_contributions([_flag("vague", s)], who)) for s in ("low", "medium", "high")
    ]
    assert costs[0] > costs[1] > costs[2]


def test_a_medium_flag_takes_exactly_its_listed_impact_from_a_mild_interviewer() -> None:
    contributions = flag_contributions([_flag("too_long")], interviewer("peer"))
    assert {c.criterion: -c.points for c in contributions} == dict(FLAG_IMPACT["too_long"])
    assert all(c.source == "too_long" and c.label == "too long" for c in contributions)


def test_every_flag_has_an_impact_and_only_ever_lowers_scores() -> None:
    assert set(FLAG_IMPACT) == set(FLAG_IDS)
    assert all(points > 0 for impact in FLAG_IMPACT.values() for points in impact.values())


def test_no_flags_give_no_flag_contributions() -> None:
    assert flag_contributions([], interviewer("hiring-manager")) == ()

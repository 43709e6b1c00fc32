"""The loop roll-up: who decides, who can veto, whose concern weighs in, and what to fix."""

from __future__ import annotations

import pytest

from greenroom.domain.models import (
    Evidence,
    Flag,
    FlagId,
    InterviewerId,
    InterviewJudgement,
    Judgement,
    Severity,
    Stage,
    Verdict,
)
from greenroom.domain.outlook import roll_up_loop

SCORES: dict[Verdict, int] = {"advance": 80, "lean_advance": 66, "lean_no": 55, "no": 30}


def flag(id: FlagId, severity: Severity = "medium", quote: str = "we did it") -> Flag:
    return Flag(id, severity, f"{id} explained", "rule", (Evidence(0, len(quote), quote),))


def result(who: InterviewerId, verdict: Verdict, *flags: Flag) -> InterviewJudgement:
    answer = Judgement(
        interviewer=who,
        stage=Stage.INTERVIEW,
        question="Tell me about a project.",
        answer="we did it and it went fine",
        overall=SCORES[verdict],
        verdict=verdict,
        criteria=(),
        flags=flags,
        reasons=(),
        flip=(),
        tips=("Say what you did yourself.",),
        signals=(),
    )
    return InterviewJudgement(
        who, Stage.INTERVIEW, SCORES[verdict], verdict, (answer,), tips=answer.tips
    )


HM: InterviewerId = "hiring-manager"
IR: InterviewerId = "internal-recruiter"
BOSS: InterviewerId = "hiring-managers-boss"
PEER: InterviewerId = "peer"
DR: InterviewerId = "direct-report"
ER: InterviewerId = "external-recruiter"


@pytest.mark.parametrize(
    ("results", "outcome"),
    [
        pytest.param(
            [result(IR, "advance"), result(HM, "advance"), result(PEER, "lean_advance")],
            "offer_likely",
            id="hiring manager advances, peers fine",
        ),
        pytest.param(
            [result(HM, "lean_advance"), result(PEER, "advance")],
            "offer_possible",
            id="hiring manager leans yes",
        ),
        pytest.param(
            [result(IR, "lean_no", flag("evasive", "high")), result(HM, "advance")],
            "unlikely",
            id="screener deal-breaker vetoes",
        ),
        pytest.param(
            [result(IR, "no"), result(HM, "advance")],
            "unlikely",
            id="screener no vetoes",
        ),
        pytest.param(
            [result(HM, "advance"), result(BOSS, "no")],
            "unlikely",
            id="boss no vetoes",
        ),
        pytest.param(
            [result(HM, "advance"), result(BOSS, "lean_no")],
            "offer_possible",
            id="boss lean no is a concern",
        ),
        pytest.param(
            [result(HM, "advance"), result(PEER, "lean_no")],
            "offer_possible",
            id="peer concern lowers one step",
        ),
        pytest.param(
            [result(HM, "lean_advance"), result(DR, "lean_no"), result(PEER, "lean_no")],
            "at_risk",
            id="two concerns still one step",
        ),
        pytest.param(
            [result(HM, "advance"), result(DR, "no"), result(PEER, "no")],
            "at_risk",
            id="two flat noes drop two steps",
        ),
        pytest.param(
            [result(IR, "advance"), result(PEER, "lean_no")],
            "offer_possible",
            id="no hiring manager: the mean verdict",
        ),
        pytest.param(
            [result(ER, "no"), result(HM, "advance")],
            "offer_likely",
            id="external recruiter does not decide",
        ),
    ],
)
def test_roll_up_rules(results: list[InterviewJudgement], outcome: str) -> None:
    assert roll_up_loop(results).outcome == outcome


def test_score_sits_in_the_band_of_the_outcome() -> None:
    bands = {"unlikely": (0, 34), "at_risk": (35, 54), "offer_possible": (55, 74)}
    bands["offer_likely"] = (75, 100)
    for results in (
        [result(HM, "advance")],
        [result(HM, "advance"), result(BOSS, "no")],
        [result(HM, "lean_no")],
    ):
        o = roll_up_loop(results)
        low, high = bands[o.outcome]
        assert low <= o.score <= high


def test_vetoes_and_deciding_lines_name_who_and_why() -> None:
    o = roll_up_loop([result(IR, "lean_no", flag("evasive", "high")), result(HM, "advance")])
    assert len(o.vetoes) == 1 and "evasive" in o.vetoes[0]
    roles = {line.interviewer: (line.role, line.effect) for line in o.deciding}
    assert roles[IR] == ("gatekeeper", "veto: deal-breaker")
    assert roles[HM][0] == "decider"


def test_external_recruiter_no_is_noted() -> None:
    o = roll_up_loop([result(ER, "no"), result(HM, "advance")])
    assert not o.vetoes
    assert any("would not put you forward" in n for n in o.notes)


def test_missing_hiring_manager_is_noted() -> None:
    o = roll_up_loop([result(IR, "advance"), result(PEER, "advance")])
    assert o.outcome == "offer_likely"
    assert any("No hiring manager" in n for n in o.notes)


def test_fixes_put_severe_red_flags_of_deciders_first_with_quotes() -> None:
    o = roll_up_loop(
        [
            result(PEER, "lean_advance", flag("hedging", "low", "I think maybe")),
            result(HM, "lean_no", flag("lacks_result", "high", "and then we moved on")),
            result(BOSS, "lean_advance", flag("vague", "medium", "lots of things")),
            result(IR, "advance", flag("cliche", "medium", "team player")),
        ]
    )
    assert 2 <= len(o.fixes) <= 3
    first = o.fixes[0]
    assert (first.interviewer, first.flag, first.quote) == (
        HM,
        "lacks_result",
        "and then we moved on",
    )
    assert o.fixes[1].flag == "vague"  # a red flag of the boss outweighs a screener's cliche
    assert "hedging" not in {f.flag for f in o.fixes}


def test_fixes_fall_back_on_tips_without_flags() -> None:
    o = roll_up_loop([result(HM, "lean_no"), result(PEER, "advance")])
    assert o.fixes and o.fixes[0].flag is None
    assert o.fixes[0].interviewer == HM


def test_empty_loop_is_unlikely() -> None:
    o = roll_up_loop([])
    assert (o.outcome, o.score, o.fixes) == ("unlikely", 0, ())

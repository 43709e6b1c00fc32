"""Verdicts: the bands around each interviewer's bar, the caps for severe flags, and the
"what would flip it" lines, which must be true when the score is recomputed.

The answers were written for this file and are judged with the real shipped MiniLM model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from greenroom.domain import thresholds as th
from greenroom.domain.analysis import analyze
from greenroom.domain.flags import detect_flags
from greenroom.domain.interviewers import INTERVIEWERS, InterviewerType, interviewer
from greenroom.domain.judging import judge_analysis, verdict_for
from greenroom.domain.models import (
    FLAG_IDS,
    Flag,
    FlagId,
    InterviewerId,
    Judgement,
    Severity,
    Stage,
    Verdict,
)
from greenroom.domain.ports import Embedder
from greenroom.domain.scoring import (
    criterion_scores,
    flag_contributions,
    informed_weights,
    overall,
    signal_contributions,
    weights,
)
from greenroom.embedding import create_embedder

pytestmark = pytest.mark.model

RANK: dict[Verdict, int] = {"no": 0, "lean_no": 1, "lean_advance": 2, "advance": 3}
ADVANCE = th.ADVANCE_MARGIN.value
LEAN_NO = th.LEAN_NO_MARGIN.value
FIX_LINE = re.compile(r"^Fix (?P<flag>[a-z ]+): .+ -> (?P<verdict>[a-z_]+) \((?P<score>-?\d+)\)\.$")
ANY_FLIP = re.compile(r" -> (?P<verdict>[a-z_]+) \((?P<score>-?\d+)\)\.$")
DROP_LINE = re.compile(r"^It would drop to (?P<verdict>[a-z_]+) with (?P<flag>[a-z ]+), a red flag")


def _flag(flag_id: FlagId, severity: Severity) -> Flag:
    return Flag(flag_id, severity, "written for the test", "test rule")


def _not_red(who: InterviewerType) -> FlagId:
    return next(f for f in FLAG_IDS if f not in who.red_flags)


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return create_embedder("minilm")


# --- bands ------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", INTERVIEWERS, ids=[w.id for w in INTERVIEWERS])
@pytest.mark.parametrize(
    ("offset", "verdict"),
    [
        (ADVANCE + 20, "advance"),
        (ADVANCE, "advance"),
        (ADVANCE - 0.01, "lean_advance"),
        (0.0, "lean_advance"),
        (-0.01, "lean_no"),
        (-LEAN_NO + 0.01, "lean_no"),
        (-LEAN_NO, "lean_no"),
        (-LEAN_NO - 0.01, "no"),
        (-60.0, "no"),
    ],
)
def test_a_score_lands_in_the_band_its_distance_from_the_bar_gives(
    who: InterviewerType, offset: float, verdict: Verdict
) -> None:
    assert verdict_for(who.bar + offset, who.bar, (), who) == verdict


def test_the_margins_are_the_documented_twelve_and_fifteen_points() -> None:
    assert (ADVANCE, LEAN_NO) == (12.0, 15.0)


# --- caps -------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", INTERVIEWERS, ids=[w.id for w in INTERVIEWERS])
@pytest.mark.parametrize("offset", [ADVANCE + 10, 0.0])
def test_a_high_severity_red_flag_caps_a_good_score_at_lean_no(
    who: InterviewerType, offset: float
) -> None:
    flags = [_flag(who.red_flags[0], "high")]
    assert verdict_for(who.bar + offset, who.bar, flags, who) == "lean_no"


@pytest.mark.parametrize("who", INTERVIEWERS, ids=[w.id for w in INTERVIEWERS])
def test_the_red_flag_cap_never_raises_a_no(who: InterviewerType) -> None:
    flags = [_flag(who.red_flags[0], "high")]
    assert verdict_for(who.bar - 40, who.bar, flags, who) == "no"


@pytest.mark.parametrize("who", INTERVIEWERS, ids=[w.id for w in INTERVIEWERS])
@pytest.mark.parametrize(
    ("flag_of", "severity"),
    [("other", "high"), ("red", "medium"), ("red", "low")],
)
def test_a_flag_caps_only_when_it_is_both_severe_and_a_red_flag(
    who: InterviewerType, flag_of: str, severity: Severity
) -> None:
    flag_id = who.red_flags[0] if flag_of == "red" else _not_red(who)
    flags = [_flag(flag_id, severity)]
    assert verdict_for(who.bar + ADVANCE + 5, who.bar, flags, who) == "advance"


@pytest.mark.parametrize("who", INTERVIEWERS, ids=[w.id for w in INTERVIEWERS])
def test_two_high_severity_flags_of_any_kind_give_no(who: InterviewerType) -> None:
    others = [f for f in FLAG_IDS if f not in who.red_flags][:2]
    flags = [_flag(others[0], "high"), _flag(others[1], "high")]
    assert verdict_for(100.0, who.bar, flags, who) == "no"


# --- flips ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Weak:
    id: str
    who: InterviewerId
    question: str
    answer: str


WEAK: tuple[Weak, ...] = (
    Weak(
        "story-without-an-ending",
        "hiring-manager",
        "Tell me about a time you improved a process.",
        "At my last job I ran the returns desk for a shoe retailer. Refunds took nine days on "
        "average and customers were angry. I was asked to get that under a week. I mapped "
        "every step with the warehouse team, cut two manual checks and set up a daily report in "
        "Excel. Everyone was much happier with it afterwards and the warehouse team liked the "
        "new report.",
    ),
    Weak(
        "good-story-spoilt-by-boasting",
        "peer",
        "Tell me about a time you disagreed with a colleague.",
        "In 2022 a colleague, Priya, wanted to ship our billing API without load tests. I "
        "disagreed, so I booked thirty minutes with her and ran a quick test with k6 on the "
        "staging cluster. It showed timeouts above 200 requests a second. We fixed the "
        "connection pool together and shipped a week later with zero incidents. To be fair, "
        "I'm usually the smartest person in the room, so I'm used to being right.",
    ),
    Weak(
        "all-about-the-pay",
        "hiring-managers-boss",
        "Why do you want this job?",
        "Mostly because the pay is better and it's closer to home, to be honest. I want a "
        "bigger title on my CV and this seemed like a good step for me. I've been a team lead "
        "for three years at a logistics firm, running a team of six.",
    ),
    Weak(
        "sound-plan-then-a-swipe-at-the-old-team",
        "direct-report",
        "How would you support someone on your team who is struggling?",
        "I would sit down with them one to one, ask what is getting in the way, and agree one "
        "small goal for the next two weeks. When I managed a team of five at a call centre in "
        "2021, one agent was missing targets, so I paired her with our best agent for a week "
        "and her handling time dropped from 9 to 6 minutes. Frankly, most of my old team were "
        "lazy, so I had a lot of practice.",
    ),
    Weak(
        "dodging-the-notice-period",
        "internal-recruiter",
        "What is your notice period?",
        "Hard to say, I'd rather not say.",
    ),
    Weak(
        "we-did-it-somehow",
        "hiring-manager",
        "Tell me about a time you led a project.",
        "We had a project to move our website. We worked on it together for a few months and "
        "we got it done. The team was great and we all learned a lot from it, we really came "
        "together.",
    ),
)

_JUDGED: dict[str, Judgement] = {}


def _judge(case: Weak, embedder: Embedder) -> Judgement:
    if case.id not in _JUDGED:
        a = analyze(case.question, case.answer, embedder=embedder)
        _JUDGED[case.id] = judge_analysis(a, interviewer(case.who), Stage.INTERVIEW)
    return _JUDGED[case.id]


def _score_without(case: Weak, flag_name: str, embedder: Embedder) -> tuple[Verdict, float]:
    """Recompute the verdict and score with one flag taken away, from the public pieces."""
    who = interviewer(case.who)
    a = analyze(case.question, case.answer, embedder=embedder)
    flags = detect_flags(a, who, Stage.INTERVIEW)
    rest = [f for f in flags if f.id.replace("_", " ") != flag_name]
    assert len(rest) == len(flags) - 1, f"{flag_name!r} is not one of the answer's flags"
    contributions = signal_contributions(a, who) + flag_contributions(rest, who)
    w = informed_weights(weights(who, a.kind), contributions)
    score = overall(criterion_scores(contributions), w)
    return verdict_for(score, who.bar, rest, who), score


@pytest.mark.parametrize("case", WEAK, ids=[c.id for c in WEAK])
def test_every_weak_answer_falls_short_of_advance(case: Weak, embedder: Embedder) -> None:
    j = _judge(case, embedder)
    assert RANK[j.verdict] < RANK["advance"]
    assert j.flip, "a verdict short of advance always says what would change it"


def test_most_weak_answers_have_a_single_fix_that_flips_the_verdict(embedder: Embedder) -> None:
    with_fix = [c.id for c in WEAK if any(FIX_LINE.match(f) for f in _judge(c, embedder).flip)]
    assert len(with_fix) >= 4, with_fix


@pytest.mark.parametrize("case", WEAK, ids=[c.id for c in WEAK])
def test_every_flip_names_a_better_verdict_and_no_lower_score(
    case: Weak, embedder: Embedder
) -> None:
    j = _judge(case, embedder)
    for line in j.flip:
        m = ANY_FLIP.search(line)
        if m is None:
            assert line.startswith("No single change is enough"), line
            continue
        assert RANK[m["verdict"]] > RANK[j.verdict], line  # type: ignore[index]
        assert int(m["score"]) >= j.overall, line


@pytest.mark.parametrize("case", WEAK, ids=[c.id for c in WEAK])
def test_every_fix_line_agrees_with_a_recomputation_without_that_flag(
    case: Weak, embedder: Embedder
) -> None:
    j = _judge(case, embedder)
    present = {f.id.replace("_", " ") for f in j.flags}
    for line in j.flip:
        m = FIX_LINE.match(line)
        if m is None:
            continue
        assert m["flag"] in present, line
        verdict, score = _score_without(case, m["flag"], embedder)
        assert verdict == m["verdict"], line
        assert round(score) == int(m["score"]), line


@pytest.mark.parametrize("who", ["peer", "external-recruiter", "internal-recruiter"])
def test_an_advancing_answer_names_the_red_flags_that_would_sink_it(
    who: InterviewerId, embedder: Embedder
) -> None:
    answer = (
        "At my last job I ran the returns desk for a shoe retailer. Refunds took nine days on "
        "average and customers were angry. I was asked to get that under a week. I mapped every "
        "step with the warehouse team, cut two manual checks and set up a daily report in "
        "Excel. As a result refunds dropped from 9 days to 4 days within two months, and "
        "complaints fell by 35%. I learned that the slowest step is rarely the one people "
        "complain about."
    )
    it = interviewer(who)
    a = analyze("Tell me about a time you improved a process.", answer, embedder=embedder)
    j = judge_analysis(a, it, Stage.INTERVIEW)
    assert j.verdict == "advance"
    assert j.flip
    red = {f.replace("_", " ") for f in it.red_flags}
    for line in j.flip:
        m = DROP_LINE.match(line)
        assert m is not None, line
        assert m["flag"] in red, line
        assert RANK[m["verdict"]] < RANK["advance"], line  # type: ignore[index]

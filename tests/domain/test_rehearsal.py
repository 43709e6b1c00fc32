"""The follow-up a rehearsal asks after an answer (domain/rehearsal.py follow_up_for).

The answers were written for this file and are judged with the real shipped MiniLM model; the
priority tests reuse one real judgement with its flags swapped.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from greenroom.domain.judging import judge_answer
from greenroom.domain.models import Flag, FlagId, InterviewerId, Judgement, Question, Verdict
from greenroom.domain.ports import Embedder
from greenroom.domain.questions import default_bank, question_by_id
from greenroom.domain.rehearsal import GAP_PROBES, follow_up_for
from greenroom.embedding import create_embedder

pytestmark = pytest.mark.model

PROBE = dict(GAP_PROBES)

STORY_WITHOUT_ENDING = (
    "At my last job I ran the returns desk for a shoe retailer. Refunds took nine days on "
    "average and customers were angry. I was asked to get that under a week. I mapped every step "
    "with the warehouse team, cut two manual checks and set up a daily report in Excel. Everyone "
    "was much happier with it afterwards and the warehouse team liked the new report."
)
STRONG_STORY = (
    "At my last job I ran the returns desk for a shoe retailer. Refunds took nine days on "
    "average and customers were angry. I was asked to get that under a week. I mapped every step "
    "with the warehouse team, cut two manual checks and set up a daily report in Excel. As a "
    "result refunds dropped from 9 days to 4 days within two months, and complaints fell by 35%. "
    "I learned that the slowest step is rarely the one people complain about."
)
GENERAL_CLAIMS = (
    "I always try to stay calm with customers and listen to what they need. I think being "
    "patient is really important in customer service, and I generally try to find a solution "
    "that works for everybody involved. Customers appreciate it when you treat them with respect "
    "and follow up properly."
)
ALL_WE = (
    "We had a project to move our website to a new platform. We planned it together, we split "
    "the work between us and we kept our stakeholders updated every week. We hit a few problems "
    "with the old data, but we worked through them as a team and our launch went well."
)
WE_AND_I = (
    "We had a project to move our website to a new platform. I planned the cut-over, I split the "
    "work between the four of us and I kept our stakeholders updated every week. We hit a few "
    "problems with the old data, so I wrote the clean-up scripts myself, and the launch went well."
)
BOASTING = (
    "Honestly I'm the best engineer on any team I join, and most of my colleagues are not very "
    "smart, so they tend to follow my lead and I end up fixing their code on Fridays."
)


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return create_embedder("minilm")


def _judge(question: str, answer: str, who: InterviewerId, embedder: Embedder) -> Judgement:
    return judge_answer(question, answer, interviewer=who, embedder=embedder)


@pytest.fixture(scope="module")
def colleagues_question() -> Question:
    q = question_by_id(default_bank(), "intro-colleagues-describe")
    assert q.follow_ups, "the test needs a bank question with its own follow-ups"
    return q


def test_a_story_without_an_outcome_is_asked_how_it_turned_out(embedder: Embedder) -> None:
    j = _judge(
        "Tell me about a time you improved a process.",
        STORY_WITHOUT_ENDING,
        "hiring-manager",
        embedder,
    )
    assert "lacks_result" in {f.id for f in j.flags}
    follow = follow_up_for(j)
    assert follow is not None
    assert follow.gap == "lacks_result"
    assert follow.text == PROBE["lacks_result"]
    assert "turn out" in follow.text


def test_general_claims_are_asked_for_one_specific_time(embedder: Embedder) -> None:
    j = _judge(
        "Tell me about a time you handled a difficult customer.",
        GENERAL_CLAIMS,
        "hiring-manager",
        embedder,
    )
    assert "no_example" in {f.id for f in j.flags}
    follow = follow_up_for(j)
    assert follow is not None
    assert (follow.gap, follow.text) == ("no_example", PROBE["no_example"])
    assert "specific time" in follow.text


def test_a_story_told_only_with_we_is_asked_for_the_candidates_own_part(
    embedder: Embedder,
) -> None:
    j = _judge("Tell me about a time you led a project.", ALL_WE, "hiring-manager", embedder)
    follow = follow_up_for(j)
    assert follow is not None
    assert follow.gap == "we_without_i"
    assert "own part" in follow.text


def test_a_story_that_credits_the_team_and_owns_a_part_is_not_asked_about_we(
    embedder: Embedder,
) -> None:
    j = _judge("Tell me about a time you led a project.", WE_AND_I, "hiring-manager", embedder)
    follow = follow_up_for(j)
    assert follow is None or follow.gap != "we_without_i"


@pytest.mark.parametrize("who", ["hiring-manager", "peer", "internal-recruiter"])
def test_a_strong_answer_needs_no_follow_up(
    who: InterviewerId, embedder: Embedder, colleagues_question: Question
) -> None:
    j = _judge("Tell me about a time you improved a process.", STRONG_STORY, who, embedder)
    assert j.verdict in ("lean_advance", "advance")
    assert follow_up_for(j) is None
    assert follow_up_for(j, colleagues_question) is None


def test_a_weak_answer_without_a_probed_gap_gets_the_bank_questions_first_follow_up(
    embedder: Embedder, colleagues_question: Question
) -> None:
    j = _judge(colleagues_question.text, BOASTING, "peer", embedder)
    assert j.verdict in ("lean_no", "no")
    assert not {f.id for f in j.flags} & set(PROBE)
    follow = follow_up_for(j, colleagues_question)
    assert follow is not None
    assert (follow.text, follow.gap) == (colleagues_question.follow_ups[0], "question")


def test_a_weak_answer_without_a_gap_or_a_bank_question_gets_no_follow_up(
    embedder: Embedder, colleagues_question: Question
) -> None:
    j = _judge(colleagues_question.text, BOASTING, "peer", embedder)
    assert follow_up_for(j) is None
    no_probes = replace(colleagues_question, follow_ups=())
    assert follow_up_for(j, no_probes) is None


@pytest.fixture(scope="module")
def plain(embedder: Embedder) -> Judgement:
    """A real judgement with no flags, whose flags and verdict the tables below replace."""
    j = _judge("Tell me about a time you improved a process.", STRONG_STORY, "peer", embedder)
    assert j.flags == ()
    return j


def _with(j: Judgement, flags: tuple[FlagId, ...], verdict: Verdict = "no") -> Judgement:
    return replace(j, flags=tuple(Flag(f, "medium", "", "") for f in flags), verdict=verdict)


@pytest.mark.parametrize(
    ("flags", "gap"),
    [
        (("vague", "no_example", "evasive"), "evasive"),
        (("lacks_result", "no_example"), "no_example"),
        (("vague", "lacks_result"), "lacks_result"),
        (("negative_about_others", "blame_shifting"), "blame_shifting"),
        (("unprepared", "premature_terms", "low_commitment"), "low_commitment"),
        (("too_short", "cliche", "unprepared"), "unprepared"),
    ],
)
def test_the_most_important_gap_is_probed_first(
    plain: Judgement, flags: tuple[FlagId, ...], gap: str
) -> None:
    follow = follow_up_for(_with(plain, flags))
    assert follow is not None
    assert (follow.gap, follow.text) == (gap, PROBE[gap])


@pytest.mark.parametrize("verdict", ["advance", "lean_advance"])
def test_a_gap_is_probed_whatever_the_verdict(plain: Judgement, verdict: Verdict) -> None:
    follow = follow_up_for(_with(plain, ("vague",), verdict))
    assert follow is not None
    assert follow.gap == "vague"

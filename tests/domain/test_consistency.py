"""Consistency across a loop (domain/consistency.py): contradictions and reused stories."""

from __future__ import annotations

import pytest

from greenroom.domain.consistency import Inconsistency, Said, check_consistency
from greenroom.embedding.hashing import HashingEmbedder

RECRUITER = "internal-recruiter"
HM = "hiring-manager"
PEER = "peer"

LEADERSHIP = (
    "Last year our billing migration was slipping, so I took the lead of the five engineers "
    "on it. I split the work into weekly milestones, paired the two juniors with seniors, and "
    "I ran a short standup every morning to unblock people. We shipped the migration two weeks "
    "early and cut billing errors by 40 percent, which the finance team noticed."
)
LEADERSHIP_RETOLD = (
    "When our billing migration was slipping last year, I took the lead of the five engineers "
    "on it. I split the work into weekly milestones and paired the two juniors with seniors, "
    "and I ran a short standup every morning to unblock people. We shipped the migration two "
    "weeks early and billing errors dropped by 40 percent."
)
CONFLICT = (
    "A designer and I disagreed about the checkout page, because she wanted a full redesign "
    "and I worried about the release date. I booked an hour with her, we listed what customers "
    "complained about most, and we agreed to ship the two biggest fixes first. The conversion "
    "rate rose by six percent and she led the rest of the redesign in the next quarter."
)
MENTORING = (
    "In 2021 a new graduate joined my team and struggled with code reviews. I set up a weekly "
    "session where we reviewed his pull requests together, I wrote him a checklist, and I "
    "asked him to review mine as well. Within three months his reviews were the most thorough "
    "on the team and he was promoted the following spring."
)


def kinds(found: tuple[Inconsistency, ...]) -> list[str]:
    return [i.kind for i in found]


def assert_quotes(said: list[Said], found: tuple[Inconsistency, ...]) -> None:
    """Every quote is a slice of an answer told to the interviewer it is attributed to."""
    for item in found:
        for evidence, who in (
            (item.first, item.first_interviewer),
            (item.second, item.second_interviewer),
        ):
            assert any(
                s.interviewer == who and s.answer[evidence.start : evidence.end] == evidence.text
                for s in said
            ), (item.kind, evidence)


def test_salary_told_differently_to_recruiter_and_hiring_manager_is_flagged() -> None:
    said = [
        Said(RECRUITER, "What are your salary expectations?", "I'm looking for $90k a year."),
        Said(HM, "Anything else?", "Honestly, I'm hoping for around 110,000 dollars base."),
    ]
    found = check_consistency(said)
    assert kinds(found) == ["salary"]
    item = found[0]
    assert item.first.text == "$90k a year"
    assert item.second.text == "110,000 dollars"
    assert (item.first_interviewer, item.second_interviewer) == (RECRUITER, HM)
    assert item.severity == "high"
    assert "recruiter" in item.explanation and "hiring manager" in item.explanation
    assert "$90k a year" in item.explanation and "110,000 dollars" in item.explanation
    assert_quotes(said, found)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("I'm looking for between 90 and 100k.", "I'd like something from $95k to $105k."),
        ("I'm looking for between 90 and 100k.", "I expect about $95,000."),
        ("I expect eighty thousand.", "I'm looking for $80k."),
        ("I expect eighty thousand.", "My current salary is 70,000."),  # now vs wanted
    ],
)
def test_consistent_pay_is_not_flagged(first: str, second: str) -> None:
    said = [Said(RECRUITER, "Salary?", first), Said(HM, "Salary?", second)]
    assert check_consistency(said) == ()


def test_team_size_eight_versus_twelve_is_flagged() -> None:
    said = [
        Said(RECRUITER, "Tell me about your role.", "I managed eight people in the support org."),
        Said(HM, "How big is your team?", "I lead a team of 12 in support."),
    ]
    found = check_consistency(said)
    assert kinds(found) == ["team_size"]
    assert found[0].first.text == "managed eight people"
    assert found[0].second.text == "team of 12"
    assert_quotes(said, found)


def test_team_size_within_one_interviewer_is_flagged() -> None:
    said = [
        Said(HM, "Your role?", "I had 8 direct reports."),
        Said(HM, "Your team?", "I led a team of 12 engineers."),
    ]
    assert kinds(check_consistency(said)) == ["team_size"]


def test_leaving_reason_layoff_versus_growth_is_flagged() -> None:
    said = [
        Said(RECRUITER, "Why are you looking?", "I was laid off when the company restructured."),
        Said(HM, "Why did you leave?", "I left because I wanted to grow into a bigger role."),
    ]
    found = check_consistency(said)
    assert kinds(found) == ["leaving_reason"]
    assert found[0].first.text == "I was laid off when the company restructured."
    assert found[0].second.text == "I left because I wanted to grow into a bigger role."
    assert "layoff" in found[0].explanation and "growth" in found[0].explanation
    assert_quotes(said, found)


def test_years_of_experience_compares_the_largest_figure() -> None:
    said = [
        Said(RECRUITER, "Background?", "I have 5 years of experience, 2 years of Python."),
        Said(HM, "Background?", "With eight years of experience I have seen a lot."),
    ]
    found = check_consistency(said)
    assert kinds(found) == ["years"]
    assert found[0].first.text == "5 years of experience"


def test_start_dates_of_one_job_are_compared() -> None:
    said = [
        Said(RECRUITER, "Background?", "I joined Acme in 2019 as an analyst."),
        Said(HM, "Background?", "I joined Acme in 2021 and moved into sales."),
    ]
    assert kinds(check_consistency(said)) == ["date"]


def test_same_story_to_recruiter_hiring_manager_and_peer_is_reused() -> None:
    said = [
        Said(RECRUITER, "Tell me about a time you led.", LEADERSHIP),
        Said(HM, "Describe a time you took ownership.", LEADERSHIP_RETOLD),
        Said(PEER, "How do you handle pressure?", LEADERSHIP),
    ]
    found = check_consistency(said)
    assert kinds(found) == ["reused_story"]
    item = found[0]
    assert item.severity == "medium"
    for name in ("recruiter", "hiring manager", "peer"):
        assert name in item.explanation.lower()
    assert (item.first_interviewer, item.second_interviewer) == (RECRUITER, HM)
    assert item.first.text.startswith("Last year our billing migration")
    assert item.second.text.startswith("When our billing migration")
    assert_quotes(said, found)


def test_same_story_to_both_of_two_interviewers_is_low() -> None:
    said = [
        Said(RECRUITER, "Tell me about a time you led.", LEADERSHIP),
        Said(HM, "Describe a time you took ownership.", LEADERSHIP_RETOLD),
    ]
    found = check_consistency(said)
    assert kinds(found) == ["reused_story"]
    assert found[0].severity == "low"
    assert "vary the examples" in found[0].explanation


def test_same_story_to_two_of_three_interviewers_is_not_reported() -> None:
    said = [
        Said(RECRUITER, "Tell me about a time you led.", LEADERSHIP),
        Said(HM, "Describe a time you took ownership.", LEADERSHIP_RETOLD),
        Said(PEER, "Tell me about a conflict.", CONFLICT),
    ]
    assert check_consistency(said) == ()


def test_different_stories_are_not_flagged() -> None:
    said = [
        Said(RECRUITER, "Tell me about a time you led.", LEADERSHIP),
        Said(HM, "Tell me about a conflict.", CONFLICT),
        Said(PEER, "Tell me about mentoring.", MENTORING),
    ]
    assert check_consistency(said) == ()
    assert check_consistency(said, embedder=HashingEmbedder()) == ()


def test_embedder_finds_the_same_story_too() -> None:
    said = [
        Said(RECRUITER, "Tell me about a time you led.", LEADERSHIP),
        Said(HM, "Describe a time you took ownership.", LEADERSHIP_RETOLD),
        Said(PEER, "How do you handle pressure?", LEADERSHIP),
    ]
    assert kinds(check_consistency(said, embedder=HashingEmbedder())) == ["reused_story"]


def test_every_quote_comes_from_its_own_answer() -> None:
    said = [
        Said(RECRUITER, "Why are you leaving?", "  I was laid off. I'm looking for $90k."),
        Said(HM, "Your team?", "I managed eight people for 3 years at Acme. " + LEADERSHIP),
        Said(
            PEER, "Why leave?", "I left because the pay was low. I lead a team of 12. " + CONFLICT
        ),
        Said(HM, "Pay?", "Well — I'm hoping for 120k, and I left to grow. " + LEADERSHIP_RETOLD),
    ]
    found = check_consistency(said)
    assert {"salary", "team_size", "leaving_reason"} <= set(kinds(found))
    assert_quotes(said, found)


def test_nothing_said_gives_nothing() -> None:
    assert check_consistency([]) == ()
    assert check_consistency([Said(HM, "", "")]) == ()

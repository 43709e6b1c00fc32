"""A brief for one interviewer: tailored likely questions, what to prove, ask and keep."""

from __future__ import annotations

from dataclasses import replace

import pytest

from greenroom.domain.briefs import TIMING_SUMMARY, make_brief, meeting_stage, tailor_question
from greenroom.domain.feedback import FLAG_TIPS
from greenroom.domain.interviewers import interviewer
from greenroom.domain.models import INTERVIEWER_IDS, InterviewerId, JobProfile, Stage
from greenroom.domain.questions import default_bank, question_by_id
from greenroom.errors import NotFoundError

IC = JobProfile(
    title="Backend developer",
    seniority="mid",
    manages_people=False,
    must_have=("3+ years of Python", "PostgreSQL"),
    nice_to_have=("Kubernetes",),
    responsibilities=("Build and run the billing API",),
    skills=("Python", "PostgreSQL"),
    logistics=("Based in Leeds",),
)
MANAGER = replace(
    IC,
    title="Engineering manager",
    seniority="lead",
    manages_people=True,
    responsibilities=("Lead a team of six engineers", "Own the payments roadmap"),
)
IC_IDS: tuple[InterviewerId, ...] = tuple(i for i in INTERVIEWER_IDS if i != "direct-report")


@pytest.mark.parametrize("who", INTERVIEWER_IDS)
def test_likely_questions_are_five_to_eight_and_all_for_that_interviewer(
    who: InterviewerId,
) -> None:
    bank = default_bank()
    brief = make_brief(who, MANAGER, bank)
    assert 5 <= len(brief.likely_questions) <= 8
    ids = [q.question_id for q in brief.likely_questions]
    assert len(set(ids)) == len(ids)
    for tailored in brief.likely_questions:
        question = question_by_id(bank, tailored.question_id)
        assert who in question.interviewers
        assert tailored.why == question.really_asking


@pytest.mark.parametrize("who", IC_IDS)
def test_an_individual_contributor_gets_no_people_manager_questions(who: InterviewerId) -> None:
    bank = default_bank()
    brief = make_brief(who, IC, bank)
    assert all(
        question_by_id(bank, q.question_id).seniority == "any" for q in brief.likely_questions
    )


def test_likely_questions_mix_kinds() -> None:
    bank = default_bank()
    brief = make_brief("hiring-manager", IC, bank)
    kinds = {question_by_id(bank, q.question_id).kind for q in brief.likely_questions}
    assert len(kinds) >= 3


@pytest.mark.parametrize("who", ["hiring-manager", "peer", "hiring-managers-boss"])
def test_some_questions_use_the_jobs_own_terms(who: InterviewerId) -> None:
    brief = make_brief(who, IC, default_bank())
    terms = ("Python", "PostgreSQL", "Backend developer")
    assert any(any(t in q.text for t in terms) for q in brief.likely_questions)


def test_this_role_becomes_the_jobs_title() -> None:
    question = question_by_id(default_bank(), "scr-salary-expectations")
    text = tailor_question(question, replace(IC, title="Senior Nurse (nights)"))
    assert text == "What are your salary expectations for this Senior Nurse role?"


def test_an_unknown_title_leaves_the_wording_alone() -> None:
    question = question_by_id(default_bank(), "scr-salary-expectations")
    assert tailor_question(question, replace(IC, title="unknown")) == question.text


def test_a_story_prompt_gets_a_job_specific_angle_as_its_own_sentence() -> None:
    question = question_by_id(default_bank(), "work-deadline-at-risk")
    text = tailor_question(question, IC, "Python")
    assert text == question.text + " If you can, pick an example that involves Python."


def test_a_non_story_question_gets_no_angle() -> None:
    question = question_by_id(default_bank(), "intro-tell-me-about-yourself")
    assert tailor_question(question, IC, "Python") == question.text


@pytest.mark.parametrize("who", INTERVIEWER_IDS)
def test_ask_them_fits_the_stage_of_that_meeting(who: InterviewerId) -> None:
    brief = make_brief(who, MANAGER, default_bank())
    assert 4 <= len(brief.ask_them) <= 6
    assert all(who in c.interviewers for c in brief.ask_them)
    assert all(c.earliest_stage <= brief.stage for c in brief.ask_them)


def test_recruiters_meet_you_at_screening_and_the_rest_in_the_interview_rounds() -> None:
    assert meeting_stage("internal-recruiter") == Stage.SCREENING
    assert meeting_stage("external-recruiter") == Stage.SCREENING
    assert meeting_stage("peer") == Stage.INTERVIEW


@pytest.mark.parametrize("who", ["internal-recruiter", "hiring-manager"])
def test_save_for_later_holds_offer_stage_questions_not_yet_items_and_the_rule(
    who: InterviewerId,
) -> None:
    bank = default_bank()
    brief = make_brief(who, IC, bank)
    offer_texts = [c.text for c in bank.candidate_questions if c.earliest_stage == Stage.OFFER]
    assert any(any(t in item for t in offer_texts) for item in brief.save_for_later)
    for item in interviewer(who).not_yet:
        assert any(item in later for later in brief.save_for_later)
    assert brief.save_for_later[-1] == TIMING_SUMMARY


def test_pitfalls_turn_red_flags_into_advice_and_repeat_not_yet() -> None:
    kind = interviewer("hiring-manager")
    brief = make_brief("hiring-manager", IC, default_bank())
    for flag in kind.red_flags:
        assert any(FLAG_TIPS[flag] in p for p in brief.pitfalls)
    for item in kind.not_yet:
        assert any(item in p for p in brief.pitfalls)


def test_prove_to_them_follows_who_is_asking() -> None:
    bank = default_bank()
    recruiter = make_brief("internal-recruiter", IC, bank).prove_to_them
    assert any("Based in Leeds" in p for p in recruiter)
    assert any("3+ years of Python" in p for p in recruiter)
    manager = make_brief("hiring-manager", IC, bank).prove_to_them
    assert any("Build and run the billing API" in p for p in manager)
    peer = make_brief("peer", IC, bank).prove_to_them
    assert any(p.startswith("Python") for p in peer) and any("colleagues" in p for p in peer)
    report = make_brief("direct-report", MANAGER, bank).prove_to_them
    assert any("lead" in p.lower() for p in report)
    boss = make_brief("hiring-managers-boss", MANAGER, bank).prove_to_them
    assert any("impact" in p.lower() for p in boss)
    for items in (recruiter, manager, peer, report, boss):
        assert 1 <= len(items) <= 6


def test_a_bare_profile_still_gets_advice_to_prove() -> None:
    bare = JobProfile("unknown", "unknown", False, (), (), (), (), (), partial=True)
    for who in INTERVIEWER_IDS:
        assert make_brief(who, bare, default_bank()).prove_to_them


def test_the_brief_carries_the_interviewers_agenda() -> None:
    brief = make_brief("peer", IC, default_bank())
    kind = interviewer("peer")
    assert (brief.name, brief.wants, brief.hidden_worries) == (
        kind.name,
        kind.wants,
        kind.hidden_worries,
    )


def test_briefs_are_deterministic_and_follow_the_seed() -> None:
    bank = default_bank()
    assert make_brief("hiring-manager", IC, bank, seed=1) == make_brief(
        "hiring-manager", IC, bank, seed=1
    )


def test_an_unknown_interviewer_raises_not_found() -> None:
    with pytest.raises(NotFoundError):
        make_brief("boss", IC, default_bank())

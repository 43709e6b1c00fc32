"""Which interviewers a job's loop meets, in which order, and the plan built from them."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Literal

import pytest

from greenroom.domain.models import JobProfile
from greenroom.domain.plan import LOOP_ORDER, make_plan, plan_loop
from greenroom.domain.questions import default_bank
from greenroom.errors import NotFoundError
from greenroom.reports.plan import PARTIAL_NOTE, plan_to_dict, plan_to_html, plan_to_markdown

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
MANAGER = replace(IC, title="Engineering manager", seniority="lead", manages_people=True)


def test_an_individual_contributor_meets_screener_manager_and_peer() -> None:
    assert plan_loop(IC) == ("internal-recruiter", "hiring-manager", "peer")


def test_a_people_manager_role_adds_direct_report_and_boss_in_order() -> None:
    assert plan_loop(MANAGER) == (
        "internal-recruiter",
        "hiring-manager",
        "peer",
        "direct-report",
        "hiring-managers-boss",
    )


@pytest.mark.parametrize("seniority", ["senior", "lead"])
def test_a_senior_role_adds_the_boss_but_no_direct_report(
    seniority: Literal["senior", "lead"],
) -> None:
    loop = plan_loop(replace(IC, seniority=seniority))
    assert loop[-1] == "hiring-managers-boss"
    assert "direct-report" not in loop


def test_the_external_recruiter_comes_first_only_when_asked() -> None:
    assert "external-recruiter" not in plan_loop(IC)
    assert plan_loop(IC, external_recruiter=True)[0] == "external-recruiter"


def test_include_and_exclude_override_but_keep_the_loop_order() -> None:
    loop = plan_loop(IC, include=["hiring-managers-boss", "external-recruiter"], exclude=["peer"])
    assert loop == (
        "external-recruiter",
        "internal-recruiter",
        "hiring-manager",
        "hiring-managers-boss",
    )
    assert list(loop) == [i for i in LOOP_ORDER if i in loop]


def test_exclude_wins_over_include_and_the_rules() -> None:
    assert "direct-report" not in plan_loop(
        MANAGER, include=["direct-report"], exclude=["direct-report"]
    )


@pytest.mark.parametrize("field", ["include", "exclude"])
def test_an_unknown_interviewer_id_lists_the_known_ones(field: str) -> None:
    with pytest.raises(NotFoundError, match="hiring-manager") as info:
        plan_loop(IC, **{field: ["boss"]})  # type: ignore[arg-type]
    assert "'boss'" in str(info.value)


def test_make_plan_gives_one_brief_per_interviewer_in_loop_order() -> None:
    plan = make_plan(MANAGER, default_bank(), external_recruiter=True)
    assert plan.profile is MANAGER
    assert tuple(b.interviewer for b in plan.loop) == plan_loop(MANAGER, external_recruiter=True)


def test_make_plan_is_deterministic() -> None:
    bank = default_bank()
    assert make_plan(MANAGER, bank, seed=3) == make_plan(MANAGER, bank, seed=3)


# --- the plan as JSON, Markdown and HTML (greenroom.reports.plan) ---------------------------

NASTY = replace(
    MANAGER,
    title="<script>alert(1)</script> & Co",
    must_have=("<b>bold</b> claims",),
    partial=True,
    notes=("the posting is very short",),
)


def test_plan_to_dict_has_the_profile_and_the_ordered_loop() -> None:
    plan = make_plan(MANAGER, default_bank())
    data = plan_to_dict(plan)
    assert json.loads(json.dumps(data)) == data
    profile = data["profile"]
    assert {
        "title",
        "seniority",
        "manages_people",
        "must_have",
        "nice_to_have",
        "skills",
        "responsibilities",
        "logistics",
        "partial",
        "notes",
    } <= set(profile)
    assert profile["manages_people"] is True
    assert profile["must_have"] == list(MANAGER.must_have)
    assert [step["interviewer"] for step in data["loop"]] == list(plan_loop(MANAGER))
    brief = data["loop"][0]["brief"]
    assert {
        "name",
        "wants",
        "hidden_worries",
        "likely_questions",
        "prove_to_them",
        "ask_them",
        "save_for_later",
        "pitfalls",
    } <= set(brief)
    assert set(brief["likely_questions"][0]) == {"id", "text", "why"}


def test_markdown_escapes_html_and_shows_the_partial_note() -> None:
    text = plan_to_markdown(make_plan(NASTY, default_bank()))
    assert "<script>" not in text and "<b>" not in text
    assert "&lt;script&gt;" in text
    assert PARTIAL_NOTE in text and "the posting is very short" in text
    assert text.startswith("# Interview plan: ")
    assert "## 1. Internal recruiter" in text


def test_html_is_self_contained_printable_and_escaped() -> None:
    page = plan_to_html(make_plan(NASTY, default_bank()))
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "<b>bold" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in page
    assert "@media print" in page
    assert "http://" not in page and "https://" not in page and "<link" not in page
    assert PARTIAL_NOTE in page


def test_a_complete_profile_has_no_partial_note() -> None:
    plan = make_plan(IC, default_bank())
    assert PARTIAL_NOTE not in plan_to_markdown(plan)
    assert PARTIAL_NOTE not in plan_to_html(plan)

"""Fact extractors (text/facts.py): pay, team size, years, dates, leaving reasons, employers."""

from __future__ import annotations

import pytest

from greenroom.text.facts import (
    Fact,
    FactValue,
    date_facts,
    employer_facts,
    facts,
    leaving_reason_facts,
    number_value,
    salary_facts,
    team_size_facts,
    years_facts,
)


def values(found: tuple[Fact, ...]) -> list[tuple[FactValue, str]]:
    return [(f.value, f.about) for f in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm looking for $80k.", [(80_000.0, "expected")]),
        ("I currently make 80,000.", [(80_000.0, "current")]),
        ("I expect eighty thousand a year.", [(80_000.0, "expected")]),
        ("I'd like between 70 and 80k.", [((70_000.0, 80_000.0), "expected")]),
        ("I'm hoping for the mid 70s.", [((73_000.0, 77_000.0), "expected")]),
        (
            "My current salary is $80k and I'm looking for $90k to $100k.",
            [(80_000.0, "current"), ((90_000.0, 100_000.0), "expected")],
        ),
        ("We saved $200k in cloud costs.", []),
        ("I'm looking for $40 an hour.", []),
        ("I'm hoping for six figures.", []),
        ("", []),
    ],
)
def test_salary_facts(text: str, expected: list[tuple[FactValue, str]]) -> None:
    assert values(salary_facts(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I led a team of 12 at Acme.", [12.0]),
        ("I managed eight people.", [8.0]),
        ("I had 12 direct reports.", [12.0]),
        ("It was a five-person team.", [5.0]),
        ("I managed twenty-five support agents.", [25.0]),
        ("I wrote 3 reports and managed two projects.", []),
    ],
)
def test_team_size_facts(text: str, expected: list[float]) -> None:
    assert [f.value for f in team_size_facts(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I have 5 years of experience.", [(5.0, "experience")]),
        ("Five years of experience in sales.", [(5.0, "experience")]),
        ("I spent three years at Acme Corp.", [(3.0, "at:acme corp")]),
        ("I have 10+ years in the industry.", [(10.0, "experience")]),
        ("Three years ago we moved.", []),
    ],
)
def test_years_facts(text: str, expected: list[tuple[FactValue, str]]) -> None:
    assert values(years_facts(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I joined Acme in March 2019.", [("2019-03", "start:acme")]),
        ("I've been at Globex since 2019.", [("2019", "start:globex")]),
        ("In 2021 we shipped it.", [("2021", "")]),
        (
            "I joined Acme in 2018 and left in 2022.",
            [("2018", "start:acme"), ("2022", "left:acme")],
        ),
        ("We had 2021 customers.", []),
    ],
)
def test_date_facts(text: str, expected: list[tuple[FactValue, str]]) -> None:
    assert values(date_facts(text)) == expected


@pytest.mark.parametrize(
    ("text", "question", "expected"),
    [
        ("I was laid off in a restructuring.", "", "layoff"),
        ("My contract ended in June.", "", "contract_end"),
        ("I left because I wanted to grow.", "", "growth"),
        ("I'm leaving because we are moving to Denver.", "", "relocation"),
        ("I left because my manager was toxic.", "", "conflict"),
        ("I left because the pay was low.", "", "pay"),
        ("I left. I wanted more of a challenge.", "", "growth"),
        ("I want a bigger role with more ownership.", "Why are you leaving?", "growth"),
        ("I left in 2020.", "", "other"),
    ],
)
def test_leaving_reason_facts(text: str, question: str, expected: str) -> None:
    found = leaving_reason_facts(text, question=question)
    assert [f.value for f in found] == [expected]


def test_no_leaving_reason_without_a_cue() -> None:
    assert leaving_reason_facts("I want a bigger role.", question="Why this job?") == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I worked at Acme Corp for two years.", ["Acme Corp"]),
        ("I joined Globex in 2020 as an analyst.", ["Globex"]),
        ("I worked with Python on Monday.", []),
        ("I had lunch at Joe's.", []),
    ],
)
def test_employer_facts(text: str, expected: list[str]) -> None:
    assert [f.value for f in employer_facts(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12", 12.0), ("eight", 8.0), ("twenty-five", 25.0), ("a dozen", 12.0), ("many", None)],
)
def test_number_value(text: str, expected: float | None) -> None:
    assert number_value(text) == expected


def test_every_fact_quotes_its_answer() -> None:
    answer = (
        "  Well — I was laid off in 2023. I led a team of 12 at Acme, with 5 years of "
        "experience. I'm looking for $90k to $100k; I currently make 80,000."
    )
    found = facts(answer)
    assert {f.kind for f in found} == {
        "salary", "team_size", "years", "date", "leaving_reason", "employer",
    }  # fmt: skip
    for fact in found:
        assert answer[fact.evidence.start : fact.evidence.end] == fact.evidence.text

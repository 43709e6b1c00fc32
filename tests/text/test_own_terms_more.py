"""own_terms (text/terms.py): the candidate's own conditions versus money and perks inside a
story. Complements tests/text/test_terms.py with money amounts, questions and mixed answers."""

from __future__ import annotations

import pytest

from greenroom.text.terms import own_terms


@pytest.mark.parametrize(
    "text",
    [
        "We raised $50,000 for the hospice.",
        "The client paid us $2 million for the system.",
        "Our budget was £40,000 a year.",
        "The customer asked for a refund of $40.",
        "I cut the vacation backlog by half.",
        "We saved the company $120k a year.",
    ],
)
def test_money_and_perks_inside_a_story_are_not_the_candidates_terms(text: str) -> None:
    assert own_terms(text) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm looking at $68k to $75k.", ["$68k", "$75k"]),
        ("I expect around 80 grand.", ["80 grand"]),
        ("I currently make 70k.", ["70k"]),
        ("My salary now is 60k, and I'd like 70k.", ["salary", "60k", "70k"]),
        ("I would need flexible hours.", ["flexible hours"]),
    ],
)
def test_a_first_person_want_or_current_pay_is_the_candidates_terms(
    text: str, expected: list[str]
) -> None:
    assert [e.text for e in own_terms(text)] == expected


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("What are the benefits?", "benefits"),
        ("What's the salary range?", "salary"),
        ("How many vacation days do you offer?", "vacation"),
        ("Is there a bonus?", "bonus"),
        ("Do you offer remote work?", "remote work"),
    ],
)
def test_a_question_about_the_package_asks_for_the_candidates_terms(text: str, word: str) -> None:
    spans = own_terms(text)
    assert len(spans) == 1
    assert word in spans[0].text


def test_only_the_asking_sentence_of_a_mixed_answer_counts() -> None:
    text = "We saved the company $120k a year. Would I get a pension?"
    assert [e.text for e in own_terms(text)] == ["pension"]


def test_spans_quote_the_answer_and_come_in_order() -> None:
    text = (
        "We raised $50,000 last year. I'm looking for $90k. Is there a bonus? "
        "Do you offer a pension?"
    )
    spans = own_terms(text)
    assert [e.text for e in spans] == ["$90k", "bonus", "pension"]
    assert all(text[e.start : e.end] == e.text for e in spans)
    assert [e.start for e in spans] == sorted(e.start for e in spans)


def test_the_documented_example_of_a_day_off_is_an_own_term() -> None:
    assert own_terms("I need Fridays off.") != ()

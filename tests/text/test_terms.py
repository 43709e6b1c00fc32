import pytest

from greenroom.text.terms import own_terms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What is the salary for this role?", ["salary"]),
        ("I'm looking for $90k and a bonus.", ["$90k", "bonus"]),
        ("The salary would be a big step up for me.", ["salary"]),
        ("The bonus is better than what I get now.", ["bonus"]),
        ("The pension is more than I currently earn in matching.", ["pension"]),
    ],
)
def test_own_terms_finds_the_candidates_own_conditions(text: str, expected: list[str]) -> None:
    assert [e.text for e in own_terms(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "We raised the salary budget for the new starters.",
        "The customers had to pay a deposit up front.",
        "Moving to team lead was a big step up for me.",
        "",
    ],
)
def test_own_terms_ignores_terms_inside_a_story(text: str) -> None:
    assert own_terms(text) == ()

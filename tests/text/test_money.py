"""Money amounts and pay ranges (text/money.py): what counts as money and what does not."""

from __future__ import annotations

import pytest

from greenroom.text.money import money_amounts, pay_ranges


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("$80k", ["$80k"]),
        ("I was on 75,000 dollars a year.", ["75,000 dollars"]),
        ("It paid £18 an hour.", ["£18 an hour"]),
        ("between 70 and 80k", ["80k"]),
        ("somewhere in the mid 70s", ["mid 70s"]),
        ("high 90s", ["high 90s"]),
        ("€45,000", ["€45,000"]),
        ("a budget of $1.2 million", ["$1.2 million"]),
        ("around 85 grand", ["85 grand"]),
        ("about 60 thousand a year", ["60 thousand a year"]),
        ("seventy thousand", ["seventy thousand"]),
        ("a six figures salary", ["six figures"]),
        ("$68k to $75k", ["$68k", "$75k"]),
    ],
)
def test_money_amounts_finds_every_figure_with_a_currency_scale_or_unit(
    text: str, amounts: list[str]
) -> None:
    assert [e.text for e in money_amounts(text)] == amounts


@pytest.mark.parametrize(
    "text",
    [
        "Complaints fell by 40%.",
        "I managed 12 people.",
        "I joined in 2019.",
        "It took 3 months.",
        "We shipped version 2.0 at 9am.",
        "I have 5 years of experience.",
        "I work 30 to 40 hours a week.",
        "an hour later",
        "",
    ],
)
def test_plain_numbers_percentages_and_years_are_not_money(text: str) -> None:
    assert money_amounts(text) == ()


@pytest.mark.parametrize(
    ("text", "ranges"),
    [
        ("I'm hoping for between 70 and 80k.", ["between 70 and 80k"]),
        ("Something in the mid 70s would work.", ["mid 70s"]),
        ("$70k to $80k", ["$70k to $80k"]),
        ("70-80k", ["70-80k"]),
        ("£30,000-£35,000", ["£30,000-£35,000"]),
        ("low-80k", ["low-80k"]),
        ("I'm looking at $68k to $75k.", ["$68k to $75k"]),
    ],
)
def test_pay_ranges_finds_ranges_and_rough_bands(text: str, ranges: list[str]) -> None:
    assert [e.text for e in pay_ranges(text)] == ranges


@pytest.mark.parametrize(
    "text",
    [
        "$80k",
        "75,000 dollars a year",
        "£18 an hour",
        "between 2019 and 2021",
        "We grew from 40 to 60 people.",
        "Refunds dropped from 9 days to 4 days.",
        "It took 10 to 15 minutes.",
        "",
    ],
)
def test_a_single_figure_or_a_range_of_non_money_is_not_a_pay_range(text: str) -> None:
    assert pay_ranges(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "I was on $62k, and I'm hoping for between 70 and 80k, or the mid 70s at least.",
        "Rent was £900 a month; I earned £18 an hour, so $68k to $75k sounds fair.",
    ],
)
def test_every_span_quotes_the_text_it_was_found_in(text: str) -> None:
    spans = money_amounts(text) + pay_ranges(text)
    assert spans
    assert all(text[e.start : e.end] == e.text for e in spans)


def test_amounts_come_in_the_order_they_are_said() -> None:
    spans = money_amounts("First $50k, then 60 grand, and finally £70,000.")
    assert [e.text for e in spans] == ["$50k", "60 grand", "£70,000"]
    assert [e.start for e in spans] == sorted(e.start for e in spans)

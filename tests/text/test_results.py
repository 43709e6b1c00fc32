import pytest

from greenroom.text.results import quantified_results


@pytest.mark.parametrize(
    "text",
    [
        "We reduced refund time by 40%.",
        "As a result, sign-ups doubled.",
        "Waiting times went from 12 weeks to 5 weeks.",
        "That saved the clinic $8,000 a year.",
        "In the end we shipped three weeks early.",
        "We cleared the backlog in six working days.",
        "Our audit score that spring was 94%.",
        "I found $3,100 in double-billed freight.",
        "We got all 260 boxes out on the last van.",
        "That brought the wait for a bed down to two hours.",
    ],
)
def test_quantified_results_finds_an_outcome_with_a_figure(text: str) -> None:
    assert [e.text for e in quantified_results(text)] == [text]


@pytest.mark.parametrize(
    "text",
    [
        "We improved the process a lot.",
        "I spoke to 30 customers about it.",
        "In 2019 we launched the app.",
        "As a result, the team was happier.",
        "",
    ],
)
def test_quantified_results_needs_both_a_result_and_a_figure(text: str) -> None:
    assert quantified_results(text) == ()


def test_quantified_results_returns_only_the_sentences_that_qualify() -> None:
    text = "I rewrote the rota. As a result overtime fell by a third, to 20 hours. Done."
    assert [e.text for e in quantified_results(text)] == [
        "As a result overtime fell by a third, to 20 hours."
    ]

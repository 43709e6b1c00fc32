import pytest

from greenroom.text.hedges import hedges


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I think I could probably do that.", ["I think", "probably"]),
        ("Maybe it was sort of my idea.", ["Maybe", "sort of"]),
        ("I'm not sure it worked, hopefully it did.", ["I'm not sure", "hopefully"]),
        (
            "I’m not sure, but it might help a little bit.",
            ["I’m not sure", "might", "a little bit"],
        ),
        ("I feel like it went somewhat well.", ["I feel like", "somewhat"]),
        ("I might move to nights next year.", ["might"]),
        (
            "The courier said I might get it Monday, but I think we might not.",
            ["might", "I think", "might"],
        ),
    ],
)
def test_hedges_finds_softening_phrases(text: str, expected: list[str]) -> None:
    assert [e.text for e in hedges(text).evidence] == expected


@pytest.mark.parametrize(
    "text",
    [
        "I cut review time by half.",
        "What kind of metrics does the team track?",
        "I made sure the release notes were ready.",
        "I am certain the numbers are right.",
    ],
)
def test_hedges_ignores_confident_statements(text: str) -> None:
    assert hedges(text).count == 0


@pytest.mark.parametrize(
    "text",
    [
        "The courier warned us the parcels might arrive late.",
        "Our landlord said the rent might go up, which might mean a move.",
    ],
)
def test_hedges_ignore_might_in_someone_elses_warning(text: str) -> None:
    assert hedges(text).count == 0


def test_hedges_rate_is_per_hundred_words() -> None:
    use = hedges("maybe " + "word " * 9)
    assert use.per_100_words == pytest.approx(10.0)


def test_hedges_on_empty_text_is_zero() -> None:
    assert hedges("").per_100_words == 0.0

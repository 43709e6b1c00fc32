import pytest

from greenroom.text.ownership import ownership


@pytest.mark.parametrize(
    ("text", "i_count", "we_count"),
    [
        ("I built it myself and my manager signed off.", 3, 0),
        ("We planned it and our team shipped it for us.", 0, 3),
        ("I’m sure we’ll manage; I’d ask them to help me.", 3, 1),
        ("We've done it, we're done, and I've learned.", 1, 2),
        ("The US office led it, i.e. not me.", 1, 0),
    ],
)
def test_ownership_counts_first_person_forms(text: str, i_count: int, we_count: int) -> None:
    result = ownership(text)
    assert (result.i_count, result.we_count) == (i_count, we_count)


def test_ownership_share_is_i_over_i_plus_we() -> None:
    assert ownership("I did it and we won.").i_share == pytest.approx(0.5)


def test_ownership_share_is_none_without_pronouns() -> None:
    assert ownership("The migration finished early.").i_share is None
    assert ownership("").i_share is None


def test_ownership_ignores_words_that_contain_pronouns() -> None:
    assert ownership("Images must use memory wisely.").i_count == 0

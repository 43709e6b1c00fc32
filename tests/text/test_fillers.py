import pytest

from greenroom.text.fillers import fillers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Um, I, uh, fixed it.", ["Um", "uh"]),
        ("It was, like, broken for a week.", ["like"]),
        ("I was like totally lost at first.", ["like"]),
        ("You know, we shipped it anyway.", ["You know"]),
        ("I mean, it worked in the end.", ["I mean"]),
        ("It was kind of a mess, basically.", ["kind of", "basically"]),
        ("So like we had no plan.", ["like"]),
        ("Hmm. Erm, literally nobody knew.", ["Hmm", "Erm", "literally"]),
    ],
)
def test_fillers_finds_filler_words_in_context(text: str, expected: list[str]) -> None:
    assert [e.text for e in fillers(text).evidence] == expected


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to lead the next launch.",
        "I would like to learn your stack.",
        "It looks like the cache was stale.",
        "We saw something like 20 percent fewer errors.",
        "I handled things like budgets and rotas.",
        "What kind of team would I join?",
        "That sort of problem comes up every quarter.",
        "Do you know the owner of that service?",
        "It was like a nightmare the first week.",
        "I like working with messy data.",
        "Like I said, the tests were green.",
    ],
)
def test_fillers_ignores_words_that_are_not_fillers_here(text: str) -> None:
    assert fillers(text).count == 0


def test_fillers_rate_is_per_hundred_words() -> None:
    use = fillers("um " * 5 + "word " * 45)
    assert use.count == 5
    assert use.per_100_words == pytest.approx(10.0)


def test_fillers_on_empty_text_is_zero() -> None:
    use = fillers("")
    assert (use.count, use.per_100_words, use.evidence) == (0, 0.0, ())

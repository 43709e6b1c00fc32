import pytest

from greenroom.text.repetition import Repetition, repetition

from .samples import REPETITIVE


def test_repetition_reports_repeated_three_word_phrases() -> None:
    result = repetition(REPETITIVE)
    assert result.repeated[0] == ("we need to", 4)
    assert ("fix the bug", 4) in result.repeated
    assert len(result.repeated) <= 5


def test_repetition_quotes_only_the_later_uses_merged() -> None:
    result = repetition("I fixed the login bug. Later I fixed the login bug again.")
    assert result.repeated == (("i fixed the", 2), ("fixed the login", 2), ("the login bug", 2))
    assert [e.text for e in result.evidence] == ["I fixed the login bug"]
    assert result.evidence[0].start > 10


def test_repetition_ignores_fillers_between_words() -> None:
    result = repetition("Ship the release notes. Ship the, um, release notes.")
    assert ("ship the release", 2) in result.repeated


def test_repetition_ignores_phrases_made_only_of_stopwords() -> None:
    assert repetition("It is what it is and it is what it is.").repeated == ()


@pytest.mark.parametrize(
    ("text", "ratio"), [("one two three four", 1.0), ("go go go go", 0.25), ("", 1.0)]
)
def test_repetition_unique_word_ratio(text: str, ratio: float) -> None:
    assert repetition(text).unique_word_ratio == pytest.approx(ratio)


def test_repetition_share_counts_words_in_repeats() -> None:
    result = repetition("Fix the bug now. Fix the bug now.")
    assert result.repeated_share == pytest.approx(4 / 8)


def test_repetition_of_empty_text() -> None:
    assert repetition("") == Repetition((), (), 1.0, 0.0)

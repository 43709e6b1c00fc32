import pytest

from greenroom.text.length import Length, length, per_100_words


def test_length_counts_words_and_sentences() -> None:
    result = length("I led the project. We shipped it on time!")
    assert result.words == 9
    assert result.sentences == 2
    assert result.mean_sentence_words == pytest.approx(4.5)


def test_length_speaking_time_assumes_150_words_per_minute() -> None:
    assert length("word " * 150).speaking_s == pytest.approx(60.0)


def test_length_speaking_rate_is_a_keyword_parameter() -> None:
    assert length("word " * 100, words_per_minute=100).speaking_s == pytest.approx(60.0)


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_length_of_empty_text_is_all_zeros(text: str) -> None:
    assert length(text) == Length(0, 0, 0.0, 0.0)


@pytest.mark.parametrize(("count", "words", "expected"), [(3, 150, 2.0), (0, 10, 0.0), (5, 0, 0.0)])
def test_per_100_words_is_zero_without_words(count: int, words: int, expected: float) -> None:
    assert per_100_words(count, words) == pytest.approx(expected)

import pytest

from greenroom.text.language import (
    Readability,
    binary_share,
    check_answer_text,
    english_share,
)

from .samples import BINARY, SPANISH, STORY


def test_english_share_is_high_for_english_and_low_for_spanish() -> None:
    assert english_share(STORY) > 0.6
    assert english_share(SPANISH) < 0.2


def test_english_share_counts_words_in_any_script() -> None:
    assert english_share("Я работал менеджером по продажам три года") == 0.0
    assert english_share("我在一家物流公司工作了三年") == 0.0


@pytest.mark.parametrize(("text", "share"), [("", 0.0), ("plain text", 0.0), ("\x00\x01ab", 0.5)])
def test_binary_share_counts_control_characters(text: str, share: float) -> None:
    assert binary_share(text) == pytest.approx(share)


def test_binary_share_counts_replacement_and_private_use_characters() -> None:
    assert binary_share("\ufffd\ue000ab") == pytest.approx(0.5)


def test_binary_share_allows_tabs_and_newlines() -> None:
    assert binary_share("a\tb\nc\r\n") == 0.0


def test_check_answer_text_accepts_an_english_answer() -> None:
    assert check_answer_text(STORY) == Readability(True, "")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "the answer is empty"),
        ("  \n\t ", "the answer is empty"),
        ("?!...", "the answer is empty"),
        (BINARY, "the answer looks like binary data, not text"),
        ("word " * 5001, "the answer has 5001 words; the limit is 5000"),
        (SPANISH, "the answer does not look like English (only 6% common English words); "),
        ("Я работал менеджером по продажам три года в Москве", "does not look like English"),
    ],
)
def test_check_answer_text_explains_what_is_wrong(text: str, problem: str) -> None:
    result = check_answer_text(text)
    assert not result.ok
    assert problem in result.problem


def test_check_answer_text_does_not_judge_the_language_of_a_few_words() -> None:
    assert check_answer_text("Sí, claro.").ok


def test_check_answer_text_thresholds_are_keyword_parameters() -> None:
    assert not check_answer_text("one two three", max_words=2).ok
    assert check_answer_text(SPANISH, min_english_share=0.0).ok

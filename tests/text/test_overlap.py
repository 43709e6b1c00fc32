import pytest

from greenroom.text.overlap import content_words, lexical_overlap, stem


@pytest.mark.parametrize(
    ("words", "shared_stem"),
    [
        (("companies", "company"), "company"),
        (("managed", "managing", "manage", "manages"), "manag"),
        (("processes", "process"), "process"),
        (("planned", "planning", "plans"), "plan"),
        (("studied", "studies", "study"), "study"),
        (("customers", "customer's", "Customer"), "customer"),
        (("quickly", "quick"), "quick"),
    ],
)
def test_stem_maps_word_forms_to_one_stem(words: tuple[str, ...], shared_stem: str) -> None:
    assert {stem(w) for w in words} == {shared_stem}


@pytest.mark.parametrize("word", ["analysis", "status", "class", "bring", "need", "call"])
def test_stem_leaves_words_that_only_look_inflected(word: str) -> None:
    assert stem(word) == word


def test_content_words_drops_stopwords_and_short_words() -> None:
    assert content_words("I fixed the UI and it was OK, really 100%.") == ("fix",)


def test_content_words_keeps_repeats_in_order() -> None:
    assert content_words("Teams help teams.") == ("team", "help", "team")


def test_lexical_overlap_scores_shared_question_stems() -> None:
    result = lexical_overlap(
        "Tell me about a time you handled a difficult customer.",
        "A customer was upset about a refund, and I handled it by calling her back.",
    )
    assert result.shared == ("handl", "customer")
    assert result.score == pytest.approx(2 / 3)
    assert [e.text for e in result.evidence] == ["customer", "handled"]


def test_lexical_overlap_ignores_question_framing_words() -> None:
    result = lexical_overlap("Describe a situation, give an example.", "Describe it.")
    assert result.score == 0.0


@pytest.mark.parametrize(
    ("question", "answer"), [("", "Anything at all."), ("Why?", "Because."), ("", "")]
)
def test_lexical_overlap_without_question_content_is_zero(question: str, answer: str) -> None:
    assert lexical_overlap(question, answer).score == 0.0


def test_lexical_overlap_of_an_off_topic_answer_is_zero() -> None:
    result = lexical_overlap("Why do you want to work in logistics?", "My cat likes boxes.")
    assert (result.score, result.shared, result.evidence) == (0.0, (), ())

"""Is the answer about the question: topic words, open prompts, and MiniLM similarity.

The similarity tests run the real shipped MiniLM model; the answers were written for this file.
"""

from __future__ import annotations

import pytest

from greenroom.domain.ports import Embedder
from greenroom.domain.relevance import (
    Relevance,
    is_open_question,
    relevance,
    texts_to_embed,
    topic_words,
)
from greenroom.embedding import create_embedder

pytestmark = pytest.mark.model

QUESTION = "Tell me about a time you handled an angry customer."
ON_TOPIC = (
    "A regular customer rang me furious because her delivery was a fortnight late. I let her "
    "finish, said sorry, traced the parcel to a customs hold and had a replacement couriered "
    "out the next morning. She renewed her order the following month."
)
UNRELATED = (
    "For a good risotto you toast the rice in butter first, then add hot stock one ladle at "
    "a time and keep stirring until it turns creamy."
)


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return create_embedder("minilm")


@pytest.mark.parametrize(
    "question",
    [
        "Tell me about yourself.",
        "Why should we hire you?",
        "Why do you want this job?",
        "Can you be more specific?",
        "Could you elaborate?",
        "What happened then?",
        "",
    ],
)
def test_an_open_prompt_names_no_topic_words(question: str) -> None:
    assert topic_words(question) == ()
    assert is_open_question(question)


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("Tell me about a time you handled an angry customer.", ("handl", "angry", "customer")),
        ("What are your salary expectations?", ("salary", "expectation")),
        ("Describe your experience with Kubernetes.", ("kubernet",)),
    ],
)
def test_a_topical_question_keeps_its_topic_stems_in_order(
    question: str, words: tuple[str, ...]
) -> None:
    assert topic_words(question) == words


@pytest.mark.parametrize(
    "question",
    [
        "How did you resolve that?",
        "How did that affect the budget?",
        "What did the client think of those changes?",
    ],
)
def test_a_short_follow_up_that_refers_back_is_open_even_with_a_topic(question: str) -> None:
    assert topic_words(question) != ()
    assert is_open_question(question)


@pytest.mark.parametrize(
    "question",
    [
        "Tell me about a time you handled an angry customer.",
        "How do you keep your SQL skills up to date?",
        "What are your salary expectations?",
        # refers back with "that", but is far too long to be a mere follow-up
        "Tell me about a time you led a migration to the cloud and how you planned that "
        "project across three different teams with tight deadlines.",
    ],
)
def test_a_topical_question_is_not_open(question: str) -> None:
    assert not is_open_question(question)


def test_the_texts_embedded_are_the_question_then_the_answer() -> None:
    assert texts_to_embed(QUESTION, ON_TOPIC) == (QUESTION, ON_TOPIC)


def test_an_on_topic_answer_is_more_similar_than_an_unrelated_one(embedder: Embedder) -> None:
    on = relevance(embedder, QUESTION, ON_TOPIC)
    off = relevance(embedder, QUESTION, UNRELATED)
    assert on.similarity > off.similarity + 0.3
    assert on.rank > off.rank


@pytest.mark.parametrize("answer", [ON_TOPIC, UNRELATED])
def test_similarity_is_a_cosine_and_rank_a_share(embedder: Embedder, answer: str) -> None:
    r = relevance(embedder, QUESTION, answer)
    assert -1.0 <= r.similarity <= 1.0
    assert 0.0 <= r.rank <= 1.0


@pytest.mark.parametrize("answer", [ON_TOPIC, UNRELATED])
def test_no_sentence_check_is_made_when_no_doubt_threshold_is_given(
    embedder: Embedder, answer: str
) -> None:
    assert relevance(embedder, QUESTION, answer).best_sentence is None


def test_no_sentence_check_is_made_when_the_whole_answer_is_similar_enough(
    embedder: Embedder,
) -> None:
    r = relevance(embedder, QUESTION, ON_TOPIC, doubtful_below=0.30)
    assert r.similarity >= 0.30
    assert r.best_sentence is None


@pytest.mark.parametrize("answer", [ON_TOPIC, UNRELATED])
def test_the_best_sentence_is_measured_when_similarity_is_below_the_doubt_threshold(
    embedder: Embedder, answer: str
) -> None:
    r = relevance(embedder, QUESTION, answer, doubtful_below=1.0)
    assert r.best_sentence is not None
    assert -1.0 <= r.best_sentence <= 1.0


def test_the_best_sentence_of_a_story_can_beat_the_whole_story(embedder: Embedder) -> None:
    diluted = (
        "Our shop sits on a busy high street next to a bakery and a bank. We open at nine and "
        "close at six, and Saturdays are the busiest day by far. Once an angry customer "
        "shouted at me about a refund, so I calmed him down and handled his complaint myself."
    )
    r = relevance(embedder, QUESTION, diluted, doubtful_below=1.0)
    assert r.best_sentence is not None
    assert r.best_sentence > r.similarity


@pytest.mark.parametrize(
    ("question", "answer"),
    [("", ON_TOPIC), ("   ", ON_TOPIC), (QUESTION, ""), (QUESTION, " \n\t ")],
)
def test_an_empty_question_or_answer_has_nothing_to_judge(
    embedder: Embedder, question: str, answer: str
) -> None:
    assert relevance(embedder, question, answer, doubtful_below=1.0) == Relevance(0.0, 1.0)

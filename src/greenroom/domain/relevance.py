"""Is the answer about the question? Embedding similarity judged against a background.

Raw cosine similarity between a short question and a long spoken answer is low even when the
answer is on point ("Tell me about yourself" shares little meaning with any particular life
story). So the asked question is compared with a fixed background of other interview questions:
``rank`` is the share of background questions that are *less* similar to the answer than the
asked one. An on-topic answer ranks its own question near the top; an answer that would fit most
other questions as well, or better, ranks it low.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

import numpy as np
import numpy.typing as npt

from greenroom.domain.ports import Embedder
from greenroom.text.overlap import content_words
from greenroom.text.tokens import sentences

# Our own wording, spread over the kinds of question and the topics interviews cover.
BACKGROUND_QUESTIONS: tuple[str, ...] = (
    "Tell me about yourself.",
    "Why do you want to work here?",
    "What is your biggest weakness?",
    "What are your salary expectations?",
    "When could you start?",
    "Tell me about a time you disagreed with your manager.",
    "Describe a project that failed and what you learned.",
    "How do you prioritise when everything is urgent?",
    "Tell me about a time you led a team through a difficult change.",
    "How do you handle an angry customer?",
    "What would you do in your first ninety days?",
    "Where do you see yourself in five years?",
    "Why are you leaving your current job?",
    "Tell me about a mistake you made at work.",
    "How do you keep your technical skills up to date?",
    "Describe how you would explain a complex idea to a beginner.",
    "What do you know about our company?",
    "Tell me about a time you missed a deadline.",
    "How do you give difficult feedback to someone on your team?",
    "What motivates you at work?",
    "Are you willing to work weekends or travel?",
    "Describe your ideal manager.",
    "Tell me about a time you went beyond what was asked.",
    "How do you handle stress and pressure?",
    "What questions do you have for us?",
    "Tell me about your experience with budgets and numbers.",
    "How do you make sure your work has no errors?",
    "Tell me about a conflict between two colleagues you helped resolve.",
    "What is your greatest professional achievement?",
    "How would your colleagues describe you?",
)


# Stems that say "answer me" without naming a topic: a question made only of these (and
# stopwords) is open, and any answer about the candidate is on topic for it.
_GENERIC_STEMS = frozenset(
    """
    tell describ explain talk share walk think feel hir choos littl bit specific mor detail
    exampl tim again elaborat go yourself background experienc say mean way thing happen
    problem situation question last next okay great good right interest sur clarify expand
    continu anyth els someth want know pleas tak rol job position compan work plan overcom
    mmm hmm mhm mhmm uhm umm alright pretty now well yeah cool sound mak sens nic wow finish
    sentenc thank thanks guess weakness strength guy found lik do doing greatest biggest
    main
    """.split()
)
_BACK_REFERENCE = re.compile(
    r"\b(?:that|this|it|those|these|there|then|them|they|he|she|him|her)\b", re.IGNORECASE
)


def topic_words(question: str) -> tuple[str, ...]:
    """The question's content stems that name a topic (empty for open prompts such as
    "Tell me about yourself" or "Can you be more specific?")."""
    return tuple(w for w in content_words(question) if w not in _GENERIC_STEMS)


def is_open_question(question: str) -> bool:
    """True when the question names no topic of its own, or is a short follow-up that refers
    back to the previous answer ("How did you resolve that?")."""
    if not topic_words(question):
        return True
    return len(question.split()) <= 10 and bool(_BACK_REFERENCE.search(question))


@dataclass(frozen=True, slots=True)
class Relevance:
    similarity: float  # cosine of question and answer embeddings
    rank: float  # share of background questions less similar to the answer (0-1)
    best_sentence: float | None = None  # highest question-sentence cosine, when it was needed


def _background(embedder: Embedder) -> npt.NDArray[np.float32]:
    """The background questions' embeddings, computed once per embedder instance."""
    return _background_cached(cast(Hashable, embedder))


@lru_cache(maxsize=4)
def _background_cached(embedder: Hashable) -> npt.NDArray[np.float32]:
    assert hasattr(embedder, "embed")
    vectors: npt.NDArray[np.float32] = embedder.embed(BACKGROUND_QUESTIONS)
    return vectors


def texts_to_embed(question: str, answer: str) -> tuple[str, ...]:
    """The texts embedded for one answer: the question and the whole answer."""
    return (question, answer)


def relevance(
    embedder: Embedder, question: str, answer: str, *, doubtful_below: float = 0.0
) -> Relevance:
    """Similarity of question and answer, and the question's rank against the background.

    When the whole-answer similarity is below ``doubtful_below``, each sentence of the answer
    (at most the first 12) is also compared with the question, because a long narrative can
    dilute a relevant sentence; ``best_sentence`` holds the best of those similarities.
    Empty question or answer: similarity 0.0 and rank 1.0 (nothing to judge, nothing flagged).
    """
    if not question.strip() or not answer.strip():
        return Relevance(0.0, 1.0)
    vectors = embedder.embed(texts_to_embed(question, answer))
    similarity = float(np.dot(vectors[0], vectors[1]))
    background = _background(embedder) @ vectors[1]
    rank = float(np.mean(background < similarity))
    best: float | None = None
    if similarity < doubtful_below:
        parts = [s.text for s in sentences(answer)[:12]]
        if parts:
            best = float(np.max(embedder.embed(parts) @ vectors[0]))
    return Relevance(similarity, rank, best)

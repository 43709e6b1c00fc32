"""How long an answer is: words, sentences and the time it takes to say."""

from __future__ import annotations

from dataclasses import dataclass

from greenroom.text import english
from greenroom.text.tokens import sentences, word_count


@dataclass(frozen=True, slots=True)
class Length:
    """Size of an answer; ``speaking_s`` is seconds at a conversational pace."""

    words: int
    sentences: int
    mean_sentence_words: float
    speaking_s: float


def length(text: str, *, words_per_minute: float = english.SPEAKING_WPM) -> Length:
    """Words, sentences, mean words per sentence and speaking time in seconds.

    ``speaking_s = words / words_per_minute * 60``. Empty text gives all zeros.
    """
    words = word_count(text)
    n_sentences = len(sentences(text))
    mean = words / n_sentences if n_sentences else 0.0
    speaking_s = words / words_per_minute * 60.0 if words_per_minute > 0 else 0.0
    return Length(words, n_sentences, mean, speaking_s)


def per_100_words(count: int, words: int) -> float:
    """``count`` per hundred words; 0.0 when there are no words."""
    return count * 100.0 / words if words > 0 else 0.0

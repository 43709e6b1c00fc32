"""Is the answer readable English text? Binary junk, size and language checks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from greenroom.text import english
from greenroom.text.tokens import word_count

# One ideograph or kana is one word; other letters form words split at non-letters.
_ANY_WORD = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W\d_]+(?:['’][^\W\d_]+)*"
)
_BINARY = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff"
    "\U000f0000-\U000ffffd\U00100000-\U0010fffd]"
)
_ENGLISH = english.COMMON_WORDS | english.STOPWORDS | frozenset(english.FILLERS)


@dataclass(frozen=True, slots=True)
class Readability:
    """Whether greenroom can judge the text; ``problem`` is one user-facing line, or ""."""

    ok: bool
    problem: str


def english_share(text: str) -> float:
    """Share of the words (in any script) that are common English words; 0.0 with no words."""
    return _share_known(_ANY_WORD.findall(text))


def binary_share(text: str) -> float:
    """Share of characters that are control characters (other than tab, newline, carriage
    return), U+FFFD replacement characters or private-use code points; 0.0 for empty text.
    """
    return len(_BINARY.findall(text)) / len(text) if text else 0.0


def check_answer_text(
    text: str,
    *,
    max_words: int = 5000,
    max_binary_share: float = 0.05,
    min_english_share: float = 0.35,
    min_words_for_language: int = 8,
) -> Readability:
    """The first reason greenroom cannot judge ``text``, checked in this order: empty,
    binary data, more than ``max_words`` words, not English (fewer than
    ``min_english_share`` common English words, judged only from ``min_words_for_language``
    words up).
    """
    if not text.strip():
        return Readability(False, "the answer is empty")
    if binary_share(text) > max_binary_share:
        return Readability(False, "the answer looks like binary data, not text")
    n = word_count(text)
    if n > max_words:
        return Readability(False, f"the answer has {n} words; the limit is {max_words}")
    found = _ANY_WORD.findall(text)
    if not found and n == 0:
        return Readability(False, "the answer is empty")
    share = _share_known(found)
    if len(found) >= min_words_for_language and share < min_english_share:
        return Readability(
            False,
            f"the answer does not look like English (only {share:.0%} common English words); "
            "greenroom judges English answers",
        )
    return Readability(True, "")


def _share_known(found: list[str]) -> float:
    if not found:
        return 0.0
    known = sum(1 for w in found if w.lower().replace("’", "'") in _ENGLISH)
    return known / len(found)

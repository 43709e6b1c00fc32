"""Words, sentences and phrase matches with character offsets, so metrics can quote evidence.

All functions are pure and accept any string; empty input gives an empty tuple.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from greenroom.domain.models import Evidence

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*(?:[.,][0-9]+)*%?")
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?=\s|$)|\n\s*\n|\s*\|\s*")


def words(text: str) -> tuple[Evidence, ...]:
    """Every word (letters, digits, inner apostrophes, decimals, a trailing %) with its offsets."""
    return tuple(Evidence(m.start(), m.end(), m.group()) for m in _WORD.finditer(text))


def word_count(text: str) -> int:
    """Number of words as :func:`words` counts them (0 for empty text)."""
    return sum(1 for _ in _WORD.finditer(text))


def sentences(text: str) -> tuple[Evidence, ...]:
    """Sentences split at ., ! or ? followed by space, at blank lines and at ``|``.

    Leading and trailing whitespace is trimmed from each span; spans with no word are dropped.
    Text without end punctuation is one sentence.
    """
    spans: list[Evidence] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        _append_trimmed(spans, text, start, m.end())
        start = m.end()
    _append_trimmed(spans, text, start, len(text))
    return tuple(spans)


def _append_trimmed(spans: list[Evidence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped_left = len(chunk) - len(chunk.lstrip())
    stripped_right = len(chunk) - len(chunk.rstrip(" \t\r\n|"))
    s, e = start + stripped_left, end - stripped_right
    if e > s and _WORD.search(text, s, e):
        spans.append(Evidence(s, e, text[s:e]))


def compile_phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    r"""One case-insensitive pattern matching any phrase at word boundaries.

    A phrase may itself be a regular expression fragment (e.g. ``"i (?:hate|hated)"``).
    Spaces in a phrase match any run of whitespace. Longer phrases win over their prefixes.
    """
    parts = sorted((p.replace(" ", r"\s+") for p in phrases), key=len, reverse=True)
    return re.compile(r"(?<![\w'’])(?:" + "|".join(parts) + r")(?![\w'’])", re.IGNORECASE)


def find(pattern: re.Pattern[str], text: str) -> tuple[Evidence, ...]:
    """Every non-overlapping match of ``pattern`` in ``text`` as evidence."""
    return tuple(Evidence(m.start(), m.end(), m.group()) for m in pattern.finditer(text))


def sentence_of(text: str, span: Evidence) -> Evidence:
    """The sentence that contains ``span`` (the span itself when no sentence does)."""
    for sentence in sentences(text):
        if sentence.start <= span.start < sentence.end:
            return sentence
    return span

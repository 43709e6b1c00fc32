"""The words right around a match, for rules that depend on context ("I'd like" vs "like,").

Words are lowercased and curly apostrophes become straight ones, so they compare directly
with the sets in :mod:`greenroom.text.english`. Context never crosses a sentence end.
"""

from __future__ import annotations

import re

WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*(?:[.,][0-9]+)*%?")
"""The word pattern of :func:`greenroom.text.tokens.words`, for metrics that need offsets
but not an :class:`~greenroom.domain.models.Evidence` per word (creating those is slow)."""
_CLAUSE_END = re.compile(r"[.!?;\n]")
_CLAUSE_END_CHARS = ".!?;\n"
_CHARS_PER_WORD = 16


def word_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every word, exactly as :func:`~greenroom.text.tokens.words`."""
    return [m.span() for m in WORD.finditer(text)]


def words_before(text: str, start: int, n: int) -> tuple[str, ...]:
    """Up to ``n`` words ending before offset ``start`` in the same sentence, nearest last."""
    window = text[max(0, start - _CHARS_PER_WORD * n) : start]
    cut = _last_clause_end(window)
    found = WORD.findall(window, cut)
    return tuple(w.lower().replace("’", "'") for w in found[-n:]) if n > 0 else ()


def words_after(text: str, end: int, n: int) -> tuple[str, ...]:
    """Up to ``n`` words starting after offset ``end`` in the same sentence, nearest first."""
    window = text[end : end + _CHARS_PER_WORD * n]
    stop = _CLAUSE_END.search(window)
    if stop is not None:
        window = window[: stop.start()]
    return tuple(w.lower().replace("’", "'") for w in WORD.findall(window)[:n])


def char_before(text: str, start: int) -> str:
    """The nearest non-space character before ``start`` ("" at the start of the text)."""
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


def char_after(text: str, end: int) -> str:
    """The nearest non-space character after ``end`` ("" at the end of the text)."""
    i = end
    while i < len(text) and text[i].isspace():
        i += 1
    return text[i] if i < len(text) else ""


def _last_clause_end(window: str) -> int:
    for i in range(len(window) - 1, -1, -1):
        if window[i] in _CLAUSE_END_CHARS:
            return i + 1
    return 0

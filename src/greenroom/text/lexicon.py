"""Phrase lists compiled for speed.

A :class:`Lexicon` holds a phrase list twice. ``pattern`` is exactly
:func:`~greenroom.text.tokens.compile_phrases` (case-insensitive, for any caller).
``lowered`` matches the same phrases in lowercased text and is laid out so the regex engine
can skip ahead: each leading ``(?:a|b)`` group is expanded into separate alternatives, and the
alternatives are grouped under their first character. Every alternative then starts with a
literal, so the engine scans in C for the few characters that can begin a phrase instead of
trying every alternative at every position. Alternatives keep their order, so both patterns
find the same matches; a test checks this on every lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from greenroom.domain.models import Evidence
from greenroom.text.tokens import compile_phrases, find

_NOT_AFTER_WORD = r"(?<![\w'’])"
_NOT_BEFORE_WORD = r"(?![\w'’])"


def compile_lexicon(phrases: Iterable[str]) -> re.Pattern[str]:
    """:func:`~greenroom.text.tokens.compile_phrases`, with ``'`` also matching ``’``."""
    return compile_phrases(_apostrophes(phrases))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A lowercase phrase list compiled for any text (``pattern``) and for lowercased text."""

    pattern: re.Pattern[str]
    lowered: re.Pattern[str]

    @classmethod
    def of(cls, phrases: Iterable[str]) -> Lexicon:
        """Compile ``phrases`` (lowercase; regex fragments allowed) both ways."""
        fixed = _apostrophes(phrases)
        return cls(compile_phrases(fixed), _compile_lowered(fixed))

    def find(self, text: str) -> tuple[Evidence, ...]:
        """Every non-overlapping match in ``text``, quoted from ``text`` itself."""
        lowered = text.lower()
        if len(lowered) != len(text):  # a few characters change length when lowercased
            return find(self.pattern, text)
        return tuple(
            Evidence(m.start(), m.end(), text[m.start() : m.end()])
            for m in self.lowered.finditer(lowered)
        )

    def first(self, text: str) -> Evidence | None:
        """The first match in ``text``, or None; stops scanning at the first hit."""
        lowered = text.lower()
        pattern, haystack = (
            (self.lowered, lowered) if len(lowered) == len(text) else (self.pattern, text)
        )
        m = pattern.search(haystack)
        return None if m is None else Evidence(m.start(), m.end(), text[m.start() : m.end()])


def _apostrophes(phrases: Iterable[str]) -> list[str]:
    return [p.replace("'", "['’]") for p in phrases]


def _compile_lowered(phrases: list[str]) -> re.Pattern[str]:
    # Same order as compile_phrases: longest fragment first.
    parts = sorted((p.replace(" ", r"\s+") for p in phrases), key=len, reverse=True)
    by_first: dict[str, list[str]] = {}
    other: list[str] = []
    alternatives = (e for p in parts for a in _split_top_level(p) for e in _expand(a))
    for alternative in alternatives:
        head = alternative[:1]
        if head.isalnum():
            by_first.setdefault(head, []).append(alternative[1:])
        else:
            other.append(alternative)
    branches = [f"{c}(?<![\\w'’]{c})(?:{'|'.join(rests)})" for c, rests in by_first.items()]
    if other:
        branches.append(_NOT_AFTER_WORD + "(?:" + "|".join(other) + ")")
    return re.compile("(?:" + "|".join(branches) + ")" + _NOT_BEFORE_WORD)


def _expand(fragment: str) -> list[str]:
    """``(?:a|b)rest`` -> ``arest``, ``brest``; ``(?:a)?rest`` -> ``arest``, ``rest``."""
    if not fragment.startswith("(?:"):
        return [fragment]
    close = _closing_paren(fragment)
    if close < 0:
        return [fragment]
    alternatives = _split_top_level(fragment[3:close])
    rest = fragment[close + 1 :]
    if rest.startswith("?") and not rest.startswith(("??", "?+")):
        rest = rest[1:]
        alternatives.append("")
    elif rest[:1] in ("*", "+", "{", "?"):
        return [fragment]
    if any(a == "" for a in alternatives[:-1]) or rest == "" and "" in alternatives:
        return [fragment]  # an empty alternative in the middle would change the order
    return [e for a in alternatives for e in _expand(a + rest)]


def _closing_paren(fragment: str) -> int:
    depth, i, in_class = 0, 0, False
    while i < len(fragment):
        c = fragment[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if fragment[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _split_top_level(inner: str) -> list[str]:
    parts: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(inner):
        c = inner[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(inner[start:i])
            start = i + 1
        i += 1
    parts.append(inner[start:])
    return parts

"""Filler words ("um", "you know", filler "like"): how many, and how dense per 100 words."""

from __future__ import annotations

from dataclasses import dataclass

from greenroom.domain.models import Evidence
from greenroom.text import english
from greenroom.text.context import char_after, char_before, words_after, words_before
from greenroom.text.length import per_100_words
from greenroom.text.lexicon import Lexicon
from greenroom.text.tokens import word_count

FILLERS = Lexicon.of(english.FILLERS)
_CLAUSE_BREAKS = frozenset(",;:—–(")
_NUMBER_WORDS = frozenset(english.NUMBER_WORDS) | {"a", "an", "about", "around"}


@dataclass(frozen=True, slots=True)
class FillerUse:
    """Filler words in an answer; ``per_100_words`` is 0.0 for an empty answer."""

    count: int
    per_100_words: float
    evidence: tuple[Evidence, ...]


def fillers(text: str) -> FillerUse:
    """Filler words and phrases, counting "like", "kind of", "you know" only as fillers.

    "It was, like, broken" counts; "I'd like to", "looks like", "something like 20 percent"
    and "what kind of" do not.
    """
    kept = tuple(span for span in FILLERS.find(text) if _is_filler(text, span))
    return FillerUse(len(kept), per_100_words(len(kept), word_count(text)), kept)


def is_noun_kind_of(text: str, span: Evidence) -> bool:
    """Whether a "kind of" / "sort of" match is a real noun phrase ("what kind of", "a sort of")."""
    before = words_before(text, span.start, 1)
    return bool(before) and before[-1] in english.KIND_OF_DETERMINERS


def _is_filler(text: str, span: Evidence) -> bool:
    key = " ".join(span.text.lower().split())
    if key == "like":
        return _like_is_filler(text, span)
    if key in ("kind of", "sort of"):
        return not is_noun_kind_of(text, span)
    if key in ("you know", "i mean"):
        before = words_before(text, span.start, 1)
        excluded = (
            english.YOU_KNOW_NOT_FILLER_BEFORE
            if key == "you know"
            else english.I_MEAN_NOT_FILLER_BEFORE
        )
        return not before or before[-1] not in excluded
    return True


def _like_is_filler(text: str, span: Evidence) -> bool:
    before = words_before(text, span.start, 1)
    prev = before[-1] if before else ""
    if prev in english.LIKE_VERB_BEFORE:
        return False
    if char_after(text, span.end) == ",":
        return True
    after = words_after(text, span.end, 1)
    nxt = after[0] if after else ""
    is_figure = nxt[:1].isdigit() or nxt in _NUMBER_WORDS
    if prev in english.LIKE_AFTER_FILLERS:
        return not is_figure
    opens_clause = not prev or char_before(text, span.start) in _CLAUSE_BREAKS
    if prev in english.LIKE_COPULAS or opens_clause:
        return not is_figure and nxt not in english.LIKE_COMPARISON_AFTER
    return False

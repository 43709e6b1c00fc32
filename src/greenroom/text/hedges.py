"""Hedging ("I think", "maybe", "sort of"): how often an answer softens its own claims."""

from __future__ import annotations

from dataclasses import dataclass

from greenroom.domain.models import Evidence
from greenroom.text import english
from greenroom.text.fillers import is_noun_kind_of
from greenroom.text.length import per_100_words
from greenroom.text.lexicon import Lexicon
from greenroom.text.tokens import word_count

HEDGES = Lexicon.of(english.HEDGES)
_KIND_OF = frozenset({"kind of", "sort of"})


@dataclass(frozen=True, slots=True)
class HedgeUse:
    """Hedges in an answer; ``per_100_words`` is 0.0 for an empty answer."""

    count: int
    per_100_words: float
    evidence: tuple[Evidence, ...]


def hedges(text: str) -> HedgeUse:
    """Hedging phrases; "kind of" / "sort of" count unless they are a noun phrase."""
    kept = tuple(
        span
        for span in HEDGES.find(text)
        if " ".join(span.text.lower().split()) not in _KIND_OF or not is_noun_kind_of(text, span)
    )
    return HedgeUse(len(kept), per_100_words(len(kept), word_count(text)), kept)

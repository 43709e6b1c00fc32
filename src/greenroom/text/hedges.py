"""Hedging ("I think", "maybe", "sort of"): how often an answer softens its own claims."""

from __future__ import annotations

from dataclasses import dataclass

from greenroom.domain.models import Evidence
from greenroom.text import english
from greenroom.text.context import words_before
from greenroom.text.fillers import is_noun_kind_of
from greenroom.text.length import per_100_words
from greenroom.text.lexicon import Lexicon
from greenroom.text.tokens import word_count

HEDGES = Lexicon.of(english.HEDGES)
_KIND_OF = frozenset({"kind of", "sort of"})
_SPEAKER = frozenset("i i'm i'd i've i'll we we're we'd we've we'll".split())
_REPORTING = frozenset(
    "warned warns told tells said says predicted forecast forecasted feared reported "
    "mentioned flagged announced advised cautioned alerted estimated worried expected".split()
)
_REPORT_WINDOW = 16


@dataclass(frozen=True, slots=True)
class HedgeUse:
    """Hedges in an answer; ``per_100_words`` is 0.0 for an empty answer."""

    count: int
    per_100_words: float
    evidence: tuple[Evidence, ...]


def hedges(text: str) -> HedgeUse:
    """Hedging phrases; "kind of" / "sort of" count unless they are a noun phrase, and "might"
    counts unless it reports someone else's warning ("the forecaster warned a storm might
    close the port"): a reporting verb earlier in the sentence, with no "I" or "we" after it.
    """
    kept = tuple(span for span in HEDGES.find(text) if _hedges(text, span))
    return HedgeUse(len(kept), per_100_words(len(kept), word_count(text)), kept)


def _hedges(text: str, span: Evidence) -> bool:
    phrase = " ".join(span.text.lower().split())
    if phrase in _KIND_OF:
        return not is_noun_kind_of(text, span)
    if phrase != "might":
        return True
    for word in reversed(words_before(text, span.start, _REPORT_WINDOW)):
        if word in _SPEAKER:
            return True
        if word in _REPORTING:
            return False
    return True

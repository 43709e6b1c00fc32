"""Quantified results: sentences that report an outcome with a figure."""

from __future__ import annotations

import re
from bisect import bisect_right

from greenroom.domain.models import Evidence
from greenroom.text import english
from greenroom.text.star import RESULT
from greenroom.text.tokens import sentences

_COUNTING_WORDS = [w for w in english.NUMBER_WORDS if w != "one"]
_QUANTITY = re.compile(
    r"[$£€]\s?\d"
    r"|(?<![\w.,])(?!(?:19|20)\d\d(?![\w%]))\d"
    r"|(?<![\w'’])(?:" + "|".join(_COUNTING_WORDS) + r"|doubled|halved|tripled|quadrupled|"
    r"twice|in\s+half)(?![\w'’])",
    re.IGNORECASE,
)


def quantified_results(text: str) -> tuple[Evidence, ...]:
    """Sentences with both a result cue ("reduced", "as a result", "from 6 to 3") and a
    figure (digits other than a bare year, money, a number word, "doubled", "halved").

    Empty text gives an empty tuple.
    """
    spans = sentences(text)
    if not spans:
        return ()
    starts = [s.start for s in spans]
    with_cue = sorted({bisect_right(starts, cue.start) - 1 for cue in RESULT.find(text)})
    return tuple(
        spans[i]
        for i in with_cue
        if i >= 0 and _QUANTITY.search(text, spans[i].start, spans[i].end)
    )

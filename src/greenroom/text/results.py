"""Quantified results: sentences that report an outcome with a figure."""

from __future__ import annotations

from greenroom.domain.models import Evidence
from greenroom.text.star import result_sentences_with_figures


def quantified_results(text: str) -> tuple[Evidence, ...]:
    """Sentences with both a result cue ("reduced", "as a result", "from 6 to 3") and a
    figure (digits other than a bare year, money, a number word, "doubled", "halved").

    Empty text gives an empty tuple.
    """
    return result_sentences_with_figures(text)

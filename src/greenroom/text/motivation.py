"""Motivation: enthusiasm and focus on the employer, against self-interest and indifference."""

from __future__ import annotations

from dataclasses import dataclass

from greenroom.domain.models import Evidence
from greenroom.text import english
from greenroom.text.context import words_before
from greenroom.text.phrases import (
    EMPLOYER_FOCUS,
    ENTHUSIASM,
    LOW_COMMITMENT,
    NO_INTEREST,
    SELF_CENTERED,
    in_context,
)

_NEGATION_WINDOW = 2


@dataclass(frozen=True, slots=True)
class Motivation:
    """Evidence for each motivation signal, in answer order."""

    enthusiasm: tuple[Evidence, ...]
    employer_focus: tuple[Evidence, ...]
    self_centered: tuple[Evidence, ...]
    no_interest: tuple[Evidence, ...]
    low_commitment: tuple[Evidence, ...]


def motivation(text: str) -> Motivation:
    """Matches of the motivation lexicons; an enthusiasm word with a negation ("not", "don't",
    "never"...) in the two words before it does not count ("I don't love", "not excited"), nor
    does a plan in someone else's words ("she said she'd see how it goes").
    """
    enthusiasm = tuple(
        span
        for span in ENTHUSIASM.find(text)
        if not english.NEGATIONS.intersection(words_before(text, span.start, _NEGATION_WINDOW))
    )
    return Motivation(
        enthusiasm,
        EMPLOYER_FOCUS.find(text),
        SELF_CENTERED.find(text),
        NO_INTEREST.find(text),
        in_context(LOW_COMMITMENT, text),
    )

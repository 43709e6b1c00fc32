"""Filler words in timed words: how many, how dense, and when each was said."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from greenroom.text.fillers import fillers as find_fillers


class _Timed(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def start_s(self) -> float: ...


@dataclass(frozen=True, slots=True)
class TimedFillers:
    """Fillers in an answer; ``per_100_words`` is 0.0 when there are no words."""

    count: int
    per_100_words: float
    times_s: tuple[float, ...]


def timed_fillers(words: Sequence[_Timed]) -> TimedFillers:
    """Filler words and phrases with the start time (seconds) of each, using the same
    context rules as :func:`greenroom.text.fillers.fillers` ("I'd like to" is no filler)."""
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    for word in words:
        token = word.text.strip()
        starts.append(pos)
        parts.append(token)
        pos += len(token) + 1
    text = " ".join(parts)
    use = find_fillers(text)
    times = tuple(words[_word_at(starts, span.start)].start_s for span in use.evidence)
    return TimedFillers(use.count, use.per_100_words, times)


def _word_at(starts: Sequence[int], char: int) -> int:
    index = 0
    for i, start in enumerate(starts):
        if start <= char:
            index = i
        else:
            break
    return index

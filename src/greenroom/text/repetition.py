"""Repetition: the same three words said again, and how varied the vocabulary is."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from greenroom.domain.models import Evidence
from greenroom.text import english
from greenroom.text.context import word_spans
from greenroom.text.fillers import fillers

_N = 3
_MIN_REPEATS = 2
_MAX_REPORTED = 5


@dataclass(frozen=True, slots=True)
class Repetition:
    """Repeated word 3-grams (most frequent first) and vocabulary variety.

    ``evidence`` quotes the repeats after each 3-gram's first use, merged where they touch.
    ``unique_word_ratio`` is distinct words / words (1.0 for empty text); ``repeated_share``
    is the share of words that sit inside such repeats.
    """

    repeated: tuple[tuple[str, int], ...]
    evidence: tuple[Evidence, ...]
    unique_word_ratio: float
    repeated_share: float


def repetition(text: str) -> Repetition:
    """Word 3-grams said at least twice, ignoring fillers and 3-grams made only of stopwords."""
    tokens = word_spans(text)
    if not tokens:
        return Repetition((), (), 1.0, 0.0)
    lowered = [text[s:e].lower().replace("’", "'") for s, e in tokens]
    unique_ratio = len(set(lowered)) / len(tokens)
    kept = _outside_fillers(text, tokens)
    seq = [lowered[i] for i in kept]
    stop = [w in english.STOPWORDS for w in seq]
    grams: dict[tuple[str, ...], list[int]] = {}
    for j, gram in enumerate(zip(*(seq[k:] for k in range(_N)), strict=False)):
        if not all(stop[j : j + _N]):
            grams.setdefault(gram, []).append(j)
    repeats = {g: at for g, at in grams.items() if len(at) >= _MIN_REPEATS}
    ranked = sorted(repeats, key=lambda g: (-len(repeats[g]), repeats[g][0]))[:_MAX_REPORTED]
    covered: set[int] = {kept[j + k] for at in repeats.values() for j in at[1:] for k in range(_N)}
    later = sorted((kept[j], kept[j + _N - 1]) for g in ranked for j in repeats[g][1:])
    evidence: list[Evidence] = []
    for first, last in later:
        start, end = tokens[first][0], tokens[last][1]
        if evidence and start <= evidence[-1].end:
            start, end = evidence[-1].start, max(end, evidence[-1].end)
            evidence.pop()
        evidence.append(Evidence(start, end, text[start:end]))
    return Repetition(
        tuple((" ".join(g), len(repeats[g])) for g in ranked),
        tuple(evidence),
        unique_ratio,
        len(covered) / len(tokens),
    )


def _outside_fillers(text: str, tokens: list[tuple[int, int]]) -> list[int]:
    """Indices of the words that are not part of a filler."""
    starts = [s for s, _ in tokens]
    skip: set[int] = set()
    for span in fillers(text).evidence:
        i = bisect_left(starts, span.start)
        while i < len(starts) and starts[i] < span.end:
            skip.add(i)
            i += 1
    return [i for i in range(len(tokens)) if i not in skip]

"""Salient terms of a job description, and which of them an answer uses."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from greenroom.domain.models import Evidence
from greenroom.text import english
from greenroom.text.context import WORD, word_spans
from greenroom.text.overlap import stem
from greenroom.text.tokens import words

_HEAD_TERM = re.compile(
    r"(?<![\w'’])([a-z][a-z-]{2,})\s+(" + "|".join(english.TERM_HEADS) + r")(?![\w'’])"
)
_STARTS_LINE = frozenset('\n.!?:;•*·-–—("')
_MAX_RUN = 4
_MIN_REPEATS = 2


@dataclass(frozen=True, slots=True)
class TermUse:
    """Job terms an answer uses; ``share = len(used) / len(terms)`` (0.0 with no terms)."""

    terms: tuple[str, ...]
    used: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    share: float


def job_terms(
    job_text: str,
    *,
    limit: int = 40,
    boilerplate: frozenset[str] = english.JOB_BOILERPLATE,
) -> tuple[str, ...]:
    """Salient lowercased terms of a job description, most frequent first (ties: earliest).

    Terms are capitalised, camelCase and acronym names ("Salesforce", "SQL", "Google
    Analytics"), "<word> <head>" phrases ("stakeholder management", "customer service"), and
    content words used at least twice. Posting boilerplate ("apply", "salary", "equal
    opportunity") is left out. Empty text gives an empty tuple.
    """
    tokens = words(job_text)
    lowered = [t.text.lower().replace("’", "'") for t in tokens]
    stems = [stem(w) for w in lowered]
    first: dict[str, int] = {}
    for term, position in _names(job_text, tokens, lowered, boilerplate):
        first.setdefault(term, position)
    for m in _HEAD_TERM.finditer(job_text.lower()):
        modifier = m.group(1)
        if not (
            modifier in english.STOPWORDS
            or modifier in boilerplate
            or modifier in english.JOB_VERBS
        ):
            first.setdefault(f"{modifier} {m.group(2)}", m.start())
    stem_count: dict[str, int] = {}
    for s in stems:
        stem_count[s] = stem_count.get(s, 0) + 1
    for token, word, s in zip(tokens, lowered, stems, strict=True):
        if (
            stem_count[s] >= _MIN_REPEATS
            and len(word) >= 3
            and word[0].isalpha()
            and word not in english.STOPWORDS
            and word not in boilerplate
            and word not in english.JOB_VERBS
        ):
            first.setdefault(word, token.start)
    ranked = sorted(first, key=lambda t: (-_frequency(t, stems, stem_count), first[t]))
    seen: set[str] = set()
    kept: list[str] = []
    for term in ranked:
        key = " ".join(stem(w) for w in term.split())
        if key not in seen:
            seen.add(key)
            kept.append(term)
    return tuple(kept[: max(limit, 0)])


def terms_used(answer: str, terms: Sequence[str]) -> TermUse:
    """Which ``terms`` occur in ``answer``, case-insensitive and stem-aware word by word."""
    tokens = word_spans(answer)
    keys: dict[str, str] = {}
    stems = [_cached_key(answer[s:e], keys) for s, e in tokens]
    where: dict[str, list[int]] = {}
    for i, s in enumerate(stems):
        where.setdefault(s, []).append(i)
    used: list[str] = []
    evidence: list[Evidence] = []
    for term in terms:
        parts = [_key(w) for w in WORD.findall(term)]
        if not parts:
            continue
        hits = [i for i in where.get(parts[0], ()) if stems[i : i + len(parts)] == parts]
        if hits:
            used.append(term)
        for i in hits:
            start, end = tokens[i][0], tokens[i + len(parts) - 1][1]
            evidence.append(Evidence(start, end, answer[start:end]))
    unique = sorted(set(evidence), key=lambda e: (e.start, e.end))
    share = len(used) / len(terms) if terms else 0.0
    return TermUse(tuple(terms), tuple(used), tuple(unique), share)


def _names(
    text: str,
    tokens: tuple[Evidence, ...],
    lowered: list[str],
    boilerplate: frozenset[str],
) -> list[tuple[str, int]]:
    """Runs of up to four capitalised words, trimmed of stopwords and boilerplate."""
    found: list[tuple[str, int]] = []
    run: list[int] = []
    for i, token in enumerate(tokens):
        if _looks_like_name(token.text):
            if run and text[tokens[run[-1]].end : token.start] != " ":
                found.extend(_trimmed(text, tokens, lowered, run, boilerplate))
                run = []
            run.append(i)
        elif run:
            found.extend(_trimmed(text, tokens, lowered, run, boilerplate))
            run = []
    if run:
        found.extend(_trimmed(text, tokens, lowered, run, boilerplate))
    return found


def _trimmed(
    text: str,
    tokens: tuple[Evidence, ...],
    lowered: list[str],
    run: list[int],
    boilerplate: frozenset[str],
) -> list[tuple[str, int]]:
    def dull(i: int) -> bool:
        w = lowered[i]
        return w in english.STOPWORDS or w in boilerplate or w in english.NOT_NAMES

    lo, hi = 0, len(run)
    while lo < hi and dull(run[lo]):
        lo += 1
    while hi > lo and dull(run[hi - 1]):
        hi -= 1
    kept = run[lo:hi]
    if kept and _starts_line(text, tokens[kept[0]].start) and not _inner_capital(tokens[kept[0]]):
        if lowered[kept[0]] in english.COMMON_WORDS or lowered[kept[0]] in english.JOB_VERBS:
            kept = kept[1:]  # "Run QBRs": the capital only starts the line
        elif len(kept) == 1:
            return []
    if not kept or len(kept) > _MAX_RUN:
        return []
    head = tokens[kept[0]]
    if len(kept) == 1 and len(head.text) < 2:
        return []
    return [(" ".join(lowered[i] for i in kept), head.start)]


def _inner_capital(token: Evidence) -> bool:
    rest = token.text[1:]
    return rest != rest.lower()


def _looks_like_name(word: str) -> bool:
    return word[0].isupper() or (word[0].isalpha() and any(c.isupper() for c in word[1:]))


def _starts_line(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in _STARTS_LINE


def _frequency(term: str, stems: list[str], stem_count: dict[str, int]) -> int:
    parts = [stem(w) for w in term.split()]
    if len(parts) == 1:
        return stem_count.get(parts[0], 0)
    n = len(parts)
    return sum(1 for i in range(len(stems) - n + 1) if stems[i : i + n] == parts) or 1


def _cached_key(word: str, keys: dict[str, str]) -> str:
    key = keys.get(word)
    if key is None:
        key = keys[word] = _key(word)
    return key


def _key(word: str) -> str:
    """The stem of a word, or the word itself for a stopword (most answer words)."""
    lowered = word.lower()
    return lowered if lowered in english.STOPWORDS else stem(lowered)

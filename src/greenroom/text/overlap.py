"""Lexical overlap between a question and an answer, on lightly stemmed content words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from greenroom.domain.models import Evidence
from greenroom.text import english

_ALPHA_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_MIN_LETTERS = 3
_KEEP_DOUBLE = frozenset("aeioulsz")


@dataclass(frozen=True, slots=True)
class Overlap:
    """Share of the question's content stems the answer uses, and where it uses them."""

    score: float
    shared: tuple[str, ...]
    evidence: tuple[Evidence, ...]


def stem(word: str) -> str:
    """A light suffix stemmer: "companies"->"company", "managed"/"managing"/"manage"->"manag".

    Strips a possessive, then one of -ies/-ied (to -y), -ing, -ed, -es (after s, x, z, ch, sh),
    -s, -ly; then a doubled final consonant ("planned" -> "plan") and a final -e.
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.rstrip("'")
    n = len(w)
    if n > 4 and w.endswith(("ies", "ied")):
        w = w[:-3] + "y"
    elif n > 5 and w.endswith("ing"):
        w = w[:-3]
    elif n > 4 and w.endswith("ed") and not w.endswith("eed"):
        w = w[:-2]
    elif n > 4 and w.endswith(("sses", "xes", "zes", "ches", "shes")):
        w = w[:-2]
    elif n > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    elif n > 5 and w.endswith("ly") and not w.endswith(("ily", "ply", "ally")):
        w = w[:-2]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in _KEEP_DOUBLE:
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


def content_words(text: str) -> tuple[str, ...]:
    """Stems of the words of ``text`` that carry content, in order, repeats kept.

    Lowercased; stopwords, words shorter than three letters and words with digits dropped.
    """
    return tuple(stem(w) for _, _, w in _content_tokens(text))


def lexical_overlap(question: str, answer: str) -> Overlap:
    """How many of the question's content stems the answer repeats.

    ``score = |shared stems| / |question content stems|`` (0.0 when the question has none);
    words that only frame a question ("tell", "describe", "time") are not content.
    ``evidence`` is every answer word whose stem is shared.
    """
    topic = [s for s in dict.fromkeys(content_words(question)) if s not in _FRAMING]
    if not topic:
        return Overlap(0.0, (), ())
    wanted = set(topic)
    evidence: list[Evidence] = []
    seen: set[str] = set()
    for start, end, word in _content_tokens(answer):
        s = stem(word)
        if s in wanted:
            seen.add(s)
            evidence.append(Evidence(start, end, answer[start:end]))
    shared = tuple(s for s in topic if s in seen)
    return Overlap(len(shared) / len(topic), shared, tuple(evidence))


def _content_tokens(text: str) -> list[tuple[int, int, str]]:
    lowered = text.lower().replace("’", "'")
    if len(lowered) != len(text):  # a few characters change length when lowercased
        return [
            (m.start(), m.end(), w)
            for m in _ALPHA_WORD.finditer(text)
            if len(w := m.group().lower().replace("’", "'")) >= _MIN_LETTERS
            and w not in english.STOPWORDS
        ]
    return [
        (m.start(), m.end(), w)
        for m in _ALPHA_WORD.finditer(lowered)
        if len(w := m.group()) >= _MIN_LETTERS and w not in english.STOPWORDS
    ]


_FRAMING = frozenset(stem(w) for w in english.QUESTION_FRAMING)

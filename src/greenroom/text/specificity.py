"""Specificity: figures, names and concrete details that make an answer checkable.

One pass over the words classifies each by set lookups; small anchored patterns then extend a
figure with its unit ("40" -> "40 tickets"). This keeps the metric to a fraction of a
millisecond on a typical answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from greenroom.domain.models import Evidence
from greenroom.text import english
from greenroom.text.length import per_100_words
from greenroom.text.tokens import word_count

_E = r"(?![\w'’])"  # word end
_NUMBER_WORD = r"(?:" + "|".join(english.NUMBER_WORDS) + r")"
_UNIT = r"(?:" + "|".join(u.replace(" ", r"\s+") for u in english.UNITS) + r")"
_SPAN_UNIT = r"(?:hour|day|week|month|year|quarter|fortnight|sprint|shift)"

_TOKEN = re.compile(r"[$£€]?\d+(?:,\d{3})*(?:\.\d+)?|[A-Za-z][A-Za-z0-9]*(?:['’][A-Za-z]+)*")
_NUM_TAIL = re.compile(
    rf"\s?(?:%|(?:percent|per\s+cent|k|m|bn|million|billion|thousand|dollars?|pounds?|euros?|"
    rf"usd|gbp|eur){_E})|(?:st|nd|rd|th|x){_E}"
)
_TIME_TAIL = re.compile(rf"(?::\d\d)?\s?(?:am|pm){_E}")
_NUMBER_RUN = re.compile(rf"{_NUMBER_WORD}(?:[- ]+(?:{_NUMBER_WORD}|and))*{_E}")
_UNIT_AFTER = re.compile(rf"\+?\s+(?:[a-z]+\s+)?{_UNIT}{_E}")
_SPAN_AFTER = re.compile(rf"\s+{_SPAN_UNIT}{_E}")
_EVERY_AFTER = re.compile(
    rf"\s+(?:{_SPAN_UNIT}|morning|evening|night|customer|person|user|client|patient|ticket|"
    rf"order|call|(?:" + "|".join(d.lower() for d in english.WEEKDAYS) + rf")){_E}"
)
_TEAM_OF = re.compile(rf"\s+of\s+(?:\d+|{_NUMBER_WORD}){_E}")

_NUMBER_WORDS = frozenset(english.NUMBER_WORDS)
_WEEKDAYS = frozenset(d.lower() for d in english.WEEKDAYS) | frozenset(
    d.lower() + "s" for d in english.WEEKDAYS
)
_MONTHS = frozenset(m.lower() for m in english.MONTHS)
_CAPITAL_ONLY_MONTHS = frozenset({"may", "march"})  # "may" is also a verb
_NOT_NAMES = english.NOT_NAMES | _MONTHS | _WEEKDAYS
_SPECIAL = (
    _NUMBER_WORDS
    | _WEEKDAYS
    | _MONTHS
    | english.FREQUENCY_WORDS
    | {"a", "an", "per", "every", "each", "team", "q1", "q2", "q3", "q4"}
)
_SENTENCE_END = frozenset(".!?|")
_SENTENCE_BREAK = re.compile(r"[.!?|](?!\S)|\n\s*\n")
_NOT_TERMS = english.COMMON_WORDS | english.STOPWORDS | english.GENERIC_WORDS
_TERM_MIN_LETTERS = english.TERM_MIN_LETTERS
_NOT_TERM_ENDINGS = ("ly", "ing", "ed", "est")
_VERB_BEFORE = frozenset(
    "to i we you they he she will would can could should must might don't didn't "
    "i'd we'd i'll we'll".split()
)
"""A word after these is a verb ("to specialise", "I rewrote"), not a term."""
_CLOSERS = frozenset("\"')]’”")
_SHOUTING_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Specificity:
    """Concrete detail in an answer; ``per_100_words`` counts overlapping spans once."""

    numbers: tuple[Evidence, ...]
    names: tuple[Evidence, ...]
    concrete: tuple[Evidence, ...]
    per_100_words: float
    terms: tuple[Evidence, ...] = ()


def specificity(text: str) -> Specificity:
    """Figures, names and concrete details, and how many there are per 100 words.

    ``numbers``: digits, percentages, money, number words before a unit ("three months"),
    time spans ("a week"). ``names``: capitalised words and acronyms that are not the first
    word of a sentence (tools, products, organisations). ``concrete``: days, months,
    frequencies ("per week"), counts of things ("40 tickets", "team of six"). ``terms``:
    domain words ("ventilation", "inventory"): uncommon, at least seven letters, not jargon
    (:data:`~greenroom.text.english.GENERIC_WORDS`), at most one per sentence so that a
    wordy answer cannot talk its way to specificity. Empty text gives empty tuples and 0.0.
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lowercased
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    numbers: list[tuple[int, int]] = []
    concrete: list[tuple[int, int]] = []
    names: list[tuple[int, int]] = []
    terms: list[tuple[int, int]] = []
    shouting = _shouting(text, tokens)
    consumed = 0
    for i, (start, end) in enumerate(tokens):
        if start < consumed:
            continue
        first = text[start]
        if first.isdigit() or first in "$£€":
            consumed = _figure(text, lowered, start, end, numbers, concrete)
            continue
        raw = text[start:end]
        word = raw.lower()
        if word not in _SPECIAL:
            if raw != word and not shouting and _is_name(text, word, start, end):
                if names and text[names[-1][1] : start] == " ":
                    names[-1] = (names[-1][0], end)
                else:
                    names.append((start, end))
            elif (
                end - start >= _TERM_MIN_LETTERS
                and word not in _NOT_TERMS
                and _is_term(word)
                and (i == 0 or _word(lowered, tokens[i - 1]) not in _VERB_BEFORE)
                and (not terms or _SENTENCE_BREAK.search(text, terms[-1][1], start))
            ):
                terms.append((start, end))
        elif word in _NUMBER_WORDS:
            consumed = _number_words(lowered, start, numbers, concrete)
        elif word in ("a", "an"):
            consumed = _extend(_SPAN_AFTER, lowered, start, end, numbers)
        elif word in ("per", "every", "each"):
            consumed = _extend(_EVERY_AFTER, lowered, start, end, concrete)
        elif word == "team":
            consumed = _extend(_TEAM_OF, lowered, start, end, concrete)
        elif word not in _CAPITAL_ONLY_MONTHS or (
            first.isupper() and not _starts_sentence(text, start)
        ):
            concrete.append((start, end))
    return Specificity(
        _quote(text, numbers),
        _quote(text, names),
        _quote(text, concrete),
        per_100_words(_distinct(numbers + names + concrete + terms), word_count(text)),
        _quote(text, terms),
    )


def _word(lowered: str, token: tuple[int, int]) -> str:
    return lowered[token[0] : token[1]].replace("’", "'")


def _is_term(word: str) -> bool:
    if not word.isalpha() or word.endswith(_NOT_TERM_ENDINGS):
        return False
    return not (word.endswith("s") and (word[:-1] in _NOT_TERMS or word[:-2] in _NOT_TERMS))


def _figure(
    text: str,
    lowered: str,
    start: int,
    end: int,
    numbers: list[tuple[int, int]],
    concrete: list[tuple[int, int]],
) -> int:
    if start > 0 and text[start - 1].isalnum():
        return end
    time = _TIME_TAIL.match(lowered, end)
    if time is not None:
        concrete.append((start, time.end()))
        return time.end()
    tail = _NUM_TAIL.match(lowered, end)
    stop = tail.end() if tail is not None else end
    numbers.append((start, stop))
    unit = _UNIT_AFTER.match(lowered, stop)
    if unit is not None:
        concrete.append((start, unit.end()))
    return stop


def _number_words(
    lowered: str,
    start: int,
    numbers: list[tuple[int, int]],
    concrete: list[tuple[int, int]],
) -> int:
    run = _NUMBER_RUN.match(lowered, start)
    if run is None or run.group() == "one":  # "the one people mention" is not a count
        return start if run is None else run.end()
    unit = _UNIT_AFTER.match(lowered, run.end())
    if unit is not None:
        numbers.append((start, run.end()))
        concrete.append((start, unit.end()))
    elif run.group().endswith("percent"):
        numbers.append((start, run.end()))
    return run.end()


def _extend(
    pattern: re.Pattern[str], lowered: str, start: int, end: int, into: list[tuple[int, int]]
) -> int:
    m = pattern.match(lowered, end)
    if m is None:
        return end
    into.append((start, m.end()))
    return m.end()


def _is_name(text: str, word: str, start: int, end: int) -> bool:
    if end - start < 2 or word.replace("’", "'") in _NOT_NAMES:
        return False
    rest = text[start + 1 : end]
    if rest != rest.lower():  # SQL, JavaScript, iPhone, HubSpot
        return True
    return text[start].isupper() and not _starts_sentence(text, start)


def _starts_sentence(text: str, start: int) -> bool:
    i, newlines = start - 1, 0
    while i >= 0 and text[i].isspace():
        newlines += text[i] == "\n"
        i -= 1
    while i >= 0 and text[i] in _CLOSERS:
        i -= 1
    return i < 0 or newlines >= 2 or text[i] in _SENTENCE_END


def _shouting(text: str, tokens: list[tuple[int, int]]) -> bool:
    """Mostly upper-case text, where capitals say nothing about names."""
    alpha = [text[s:e] for s, e in tokens if text[s].isalpha()]
    loud = sum(1 for w in alpha if len(w) > 1 and w.isupper())
    return bool(alpha) and loud > _SHOUTING_SHARE * len(alpha)


def _distinct(spans: list[tuple[int, int]]) -> int:
    count, reach = 0, -1
    for start, end in sorted(spans):
        if start >= reach:
            count += 1
        reach = max(reach, end)
    return count


def _quote(text: str, spans: list[tuple[int, int]]) -> tuple[Evidence, ...]:
    return tuple(Evidence(s, e, text[s:e]) for s, e in spans)

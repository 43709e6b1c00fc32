"""Story structure: the STAR parts of an answer, whether it tells a real past example, and
whether it opens with its point.

A sentence belongs to a part when it carries one of that part's cues from
:mod:`greenroom.text.english`. Cues are claimed strongest first (result, action, task,
situation): a weaker cue that overlaps a stronger one is ignored, so "I met our targets" is a
result and not also an action, while "At my last job I was asked to..." is both a situation
and a task.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from greenroom.domain.models import Evidence
from greenroom.text import english
from greenroom.text.lexicon import Lexicon
from greenroom.text.tokens import sentences, words

SITUATION = Lexicon.of(english.SITUATION_CUES)
TASK = Lexicon.of(english.TASK_CUES)
ACTION = Lexicon.of(english.ACTION_CUES)
RESULT = Lexicon.of(english.RESULT_CUES)
LEARNING = Lexicon.of(english.LEARNING_CUES)
PREAMBLE = Lexicon.of(english.PREAMBLE)

_PAST_CLAUSE = re.compile(
    r"(?<![\w'’])(?:i|we)\s+(?:(?:\w+ly|then|also|first|just|finally)\s+)?"
    r"(\w+ed|" + "|".join(english.IRREGULAR_PAST) + r")(?![\w'’])"
)
_CLAIM = re.compile(
    r"(?<![\w'’])(?:i|we)(?:['’](?:m|ve|d|ll))?\s+\w"
    r"|(?<![\w'’])(?:is|am|are|was|were|has|have|had|will|would|can|could|do|does|did)"
    r"(?![\w'’])|\w['’](?:s|m|re)(?![\w'’])"
)
_DIRECT = re.compile(
    r"(?:" + "|".join(a.replace(" ", r"\s+") for a in english.DIRECT_ANSWERS) + r")(?![\w'’])"
)
_POINT_WORDS = 35
_OPENING_CHARS = 40  # a situation cue this close to the start opens the answer
_TERSE_WORDS = 12  # "Customer service, mostly." answers the question without a verb
_MIN_PAST_CLAUSES = 2


@dataclass(frozen=True, slots=True)
class StarParts:
    """The sentences that carry each STAR part (and a lesson learned), in answer order."""

    situation: tuple[Evidence, ...]
    task: tuple[Evidence, ...]
    action: tuple[Evidence, ...]
    result: tuple[Evidence, ...]
    learning: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class PointFirst:
    """Whether the answer opens with its point; ``reason`` says why, in one line."""

    leads: bool
    first_sentence: Evidence | None
    reason: str


def star_parts(text: str) -> StarParts:
    """Sentences showing the situation, task, action, result and learning of a story.

    A sentence may appear under several parts when it carries separate cues for each. Empty
    text gives five empty tuples.
    """
    spans = sentences(text)
    if not spans:
        return StarParts((), (), (), (), ())
    starts = [s.start for s in spans]
    claimed: list[list[Evidence]] = [[] for _ in spans]
    found: dict[str, tuple[Evidence, ...]] = {}
    for name, lexicon in (("result", RESULT), ("action", ACTION), ("task", TASK)):
        found[name] = _claim(text, lexicon, spans, starts, claimed)
    found["situation"] = _claim(text, SITUATION, spans, starts, claimed)
    learning = _claim(text, LEARNING, spans, starts, [[] for _ in spans])
    return StarParts(found["situation"], found["task"], found["action"], found["result"], learning)


def star_count(parts: StarParts) -> int:
    """How many of situation, task, action and result are present (0-4)."""
    return sum(1 for part in (parts.situation, parts.task, parts.action, parts.result) if part)


def past_tense_story(text: str, *, min_clauses: int = _MIN_PAST_CLAUSES) -> bool:
    """Whether the answer tells a concrete past example.

    True with at least ``min_clauses`` first-person past-tense action clauses ("I rewrote",
    "we shipped", not "I wanted"), or with both a situation cue and an action cue.
    """
    lowered = text.lower()
    clauses = sum(
        1 for m in _PAST_CLAUSE.finditer(lowered) if m.group(1) not in english.PAST_NOT_ACTION
    )
    if clauses >= min_clauses:
        return True
    return SITUATION.first(text) is not None and ACTION.first(text) is not None


def leads_with_point(text: str, *, max_words: int = _POINT_WORDS) -> PointFirst:
    """Whether the first sentence makes the answer's point.

    False when it is preamble ("Great question, let me think"), filler only, longer than
    ``max_words`` words, opens with more than ``max_words`` words of backstory before any task,
    action or result, or makes no claim. True when it makes a claim ("I" + verb, a direct
    yes or no, a statement with is/am/was) or is a terse reply of at most twelve words
    ("Customer service, mostly.").
    """
    spans = sentences(text)
    if not spans:
        return PointFirst(False, None, "the answer is empty")
    first = spans[0]
    tokens = words(first.text)
    lowered = first.text.lower()
    body = [w for w in tokens if w.text.lower() not in english.DISCOURSE_MARKERS]
    if not body:
        return PointFirst(False, first, "the first sentence is only filler words")
    preamble = PREAMBLE.find(first.text)
    if preamble:
        after = [w for w in body if w.start >= preamble[-1].end]
        if len(after) < 3 or not _CLAIM.search(lowered, preamble[-1].end):
            quote = preamble[0].text
            return PointFirst(False, first, f'opens with "{quote}" instead of the point')
    backstory = _backstory_words(text, spans, body[0].start + first.start)
    if backstory > max_words:
        return PointFirst(
            False, first, f"opens with {backstory} words of background before the point"
        )
    if len(tokens) > max_words:
        return PointFirst(
            False, first, f"the first sentence runs {len(tokens)} words before it lands"
        )
    if _DIRECT.match(lowered, body[0].start) or _CLAIM.search(lowered):
        return PointFirst(True, first, "the first sentence makes the point")
    if len(body) <= _TERSE_WORDS:
        return PointFirst(True, first, "the answer opens with a direct, short reply")
    return PointFirst(False, first, "the first sentence makes no clear claim")


def _claim(
    text: str,
    lexicon: Lexicon,
    spans: tuple[Evidence, ...],
    starts: list[int],
    claimed: list[list[Evidence]],
) -> tuple[Evidence, ...]:
    hits: set[int] = set()
    for cue in lexicon.find(text):
        i = bisect_right(starts, cue.start) - 1
        if i < 0 or cue.start >= spans[i].end:
            continue
        if any(cue.start < c.end and c.start < cue.end for c in claimed[i]):
            continue
        claimed[i].append(cue)
        hits.add(i)
    return tuple(spans[i] for i in sorted(hits))


def _backstory_words(text: str, spans: tuple[Evidence, ...], opening: int) -> int:
    """Words before the first task, action or result, when the answer opens with a situation."""
    situation = SITUATION.first(text[: spans[0].end])
    if situation is None or situation.start > opening + _OPENING_CHARS:
        return 0
    points = [c.start for c in (TASK.first(text), ACTION.first(text), RESULT.first(text)) if c]
    limit = min(points) if points else len(text)
    point_sentence = next((s.start for s in spans if s.end > limit), len(text))
    return len(words(text[:point_sentence]))

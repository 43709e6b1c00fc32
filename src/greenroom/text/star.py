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

_ADVERBS = r"(?:(?:\w+ly|then|also|first|just|finally|still|even|soon|later|again)\s+){0,2}"
_PAST_VERB = r"(\w+ed|" + "|".join(english.IRREGULAR_PAST) + r")(?![\w'’])"
_PAST_CLAUSE = re.compile(r"(?<![\w'’])(?:i|we)\s+" + _ADVERBS + _PAST_VERB)
_COORDINATED = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:then\s+|also\s+)?" + _PAST_VERB)
"""A further past verb sharing the subject: "I let him finish, apologised, and then showed"."""
_CLAUSE_END = re.compile(r"[.!?;:]")
_SCENE = re.compile(
    r"(?<![\w'’])(?:it(?:['’]s|\s+is)\s+(?:a|an|one)\s+(?:"
    + "|".join(d.lower() for d in english.WEEKDAYS)
    + r"|morning|afternoon|evening|night|weekend)"
    r"|(?:one|last|that)\s+(?:"
    + "|".join(d.lower() for d in english.WEEKDAYS)
    + r"|morning|afternoon|evening|night)"
    r"|\d{1,2}(?::\d\d)?\s?[ap]m)(?![\w'’])"
)
"""A time anchor that sets a scene told in the present ("So it's a Friday, about 4pm...")."""
_HABIT = re.compile(
    r"(?<![\w'’])(?:usually|always|normally|typically|generally|tend\s+to|whenever"
    r"|(?:every|each)\s+(?:day|morning|evening|night|week|shift|time))(?![\w'’])"
)
"""A routine, not a scene: "I usually start at 8am, I check my emails..."."""
_PRESENT_CLAUSE = re.compile(r"(?<![\w'’])i\s+" + _ADVERBS + r"([a-z]+)(?![\w'’])")
_NOT_PRESENT_ACTION = frozenset(
    "am was were have had has would will can could should might must may do does did don't "
    "didn't can't won't think guess suppose believe know feel want need like love hope wish "
    "mean always usually often never sometimes really also just am".split()
)
QUANTITY = re.compile(
    r"[$£€]\s?\d"
    r"|(?<![\w.,])(?!(?:19|20)\d\d(?![\w%]))\d"
    r"|(?<![\w'’])(?:" + "|".join(w for w in english.NUMBER_WORDS if w != "one") + r"|doubled|"
    r"halved|tripled|quadrupled|twice|in\s+half)(?![\w'’])",
    re.IGNORECASE,
)
"""A figure: digits other than a bare year, money, a number word, "doubled", "halved"."""
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
_MIN_PRESENT_CLAUSES = 2


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
    "I let him finish, apologised and showed him", "we shipped", not "I wanted"; a form that
    is also present, like "I set", counts only beside an unambiguous one), with both a
    situation cue and an action cue, with one past action beside a result that has a figure
    ("Finishing 2023 at 131% of quota..."), or with two first-person actions told in the
    present after a time anchor ("So it's a Friday, about 4pm... I stop the unload"), unless
    the answer describes a routine ("usually", "every day").
    """
    lowered = text.lower()  # offsets are not needed, so a change of length does no harm
    clauses, plain = _past_clauses(lowered)
    if plain and clauses >= min_clauses:
        return True
    if SITUATION.first(text) is not None and ACTION.first(text) is not None:
        return True
    if plain and result_sentences_with_figures(text):
        return True
    return _present_narration(lowered)


def _past_clauses(lowered: str) -> tuple[int, bool]:
    """First-person past actions, and whether any is unambiguously past."""
    count, plain = 0, False
    for m in _PAST_CLAUSE.finditer(lowered):
        verbs = [m.group(1)]
        stop = _CLAUSE_END.search(lowered, m.end())
        end = stop.start() if stop is not None else len(lowered)
        pos = m.end()
        while (more := _COORDINATED.match(lowered, _next_comma_or_and(lowered, pos, end))) and (
            more.end() <= end
        ):
            verbs.append(more.group(1))
            pos = more.end()
        for verb in verbs:
            if verb in english.PAST_NOT_ACTION:
                continue
            count += 1
            plain = plain or verb not in english.AMBIGUOUS_PAST
    return count, plain


def _next_comma_or_and(lowered: str, pos: int, end: int) -> int:
    """Where the next ", " or " and " of the clause starts (``end`` when there is none)."""
    comma = lowered.find(",", pos, end)
    conj = lowered.find(" and ", pos, end)
    found = [i for i in (comma, conj) if i >= 0]
    return min(found) if found else end


def result_sentences_with_figures(text: str) -> tuple[Evidence, ...]:
    """Sentences with both a result cue and a figure (:data:`QUANTITY`), in answer order.

    :func:`greenroom.text.results.quantified_results` is this function; it lives here
    because a result with a figure also makes a story concrete.
    """
    spans = sentences(text)
    if not spans:
        return ()
    starts = [s.start for s in spans]
    with_cue = sorted({bisect_right(starts, cue.start) - 1 for cue in RESULT.find(text)})
    return tuple(
        spans[i] for i in with_cue if i >= 0 and QUANTITY.search(text, spans[i].start, spans[i].end)
    )


def _present_narration(lowered: str) -> bool:
    scene = _SCENE.search(lowered)
    if scene is None or _HABIT.search(lowered):
        return False
    actions = sum(
        1 for m in _PRESENT_CLAUSE.finditer(lowered, scene.end()) if _present_action(m.group(1))
    )
    return actions >= _MIN_PRESENT_CLAUSES


def _present_action(verb: str) -> bool:
    """Whether a word after "I" is a present action ("stop", "ring"; not "think" or "going")."""
    if verb in _NOT_PRESENT_ACTION:
        return False
    return len(verb) <= 5 or not verb.endswith(("ed", "ing"))


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

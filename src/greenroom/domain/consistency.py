"""Consistency across a loop: facts that contradict each other and one story told to everyone.

Interviewers compare notes. A salary figure told to the recruiter that differs from the one
told to the hiring manager, a team of 8 that becomes a team of 12, or "I was laid off" next to
"I left to grow" reads as a candidate who is not telling the truth. A story told to every
interviewer is not a lie, but it leaves the panel with one example where it wanted several.
Pure: answers in, :class:`Inconsistency` records out, every quote taken from its own answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Literal

import numpy as np

from greenroom.domain.interviewers import INTERVIEWERS
from greenroom.domain.models import Evidence, Severity
from greenroom.domain.ports import Embedder
from greenroom.text.facts import Fact, FactValue, facts
from greenroom.text.overlap import content_words
from greenroom.text.star import past_tense_story
from greenroom.text.tokens import sentences, word_count

InconsistencyKind = Literal[
    "reused_story", "salary", "team_size", "years", "date", "leaving_reason"
]
INCONSISTENCY_KINDS: tuple[InconsistencyKind, ...] = (
    "reused_story",
    "salary",
    "team_size",
    "years",
    "date",
    "leaving_reason",
)

STORY_MIN_WORDS = 40
SAME_STORY_JACCARD = 0.45
SAME_STORY_COSINE = 0.85
STORY_EVERYONE_MIN = 3  # told to this many interviewers, or to all of them when fewer
SALARY_TOLERANCE = 0.02  # "80k" and "$81,000" are the same figure said loosely
YEARS_TOLERANCE = 1.0


@dataclass(frozen=True, slots=True)
class Said:
    """One answer, with who heard it."""

    interviewer: str
    question: str
    answer: str


@dataclass(frozen=True, slots=True)
class Inconsistency:
    """Two answers that do not fit together, each quoted from its own answer."""

    kind: InconsistencyKind
    explanation: str
    first: Evidence
    first_interviewer: str
    second: Evidence
    second_interviewer: str
    severity: Severity


@dataclass(frozen=True, slots=True)
class _Rule:
    """How facts of one kind are compared, and how loud a contradiction is."""

    severity: Severity
    same_interviewer: bool  # also compare two answers told to one interviewer
    agree: Callable[[FactValue, FactValue], bool]
    describe: Callable[[FactValue], str]


def check_consistency(
    said: Sequence[Said], *, embedder: Embedder | None = None
) -> tuple[Inconsistency, ...]:
    """Contradicting facts and reused stories across ``said``, facts first, in answer order.

    Facts (see :mod:`greenroom.text.facts`) contradict when they are of the same kind and about
    the same thing but disagree: salary ranges that do not overlap (a figure inside a range told
    elsewhere agrees), different team sizes, the largest years figure differing by a year or
    more, different years for one event, leaving reasons in different categories. Dates and
    leaving reasons are compared only between different interviewers; the rest also between two
    answers to one interviewer. Each later answer is reported once per kind, against the
    earliest answer it contradicts. See :func:`reused_stories` for stories.
    """
    found = [facts(s.answer, question=s.question) for s in said]
    out: list[Inconsistency] = []
    for kind, rule in _RULES.items():
        out.extend(_contradictions(said, found, kind, rule))
    out.extend(reused_stories(said, embedder=embedder))
    return tuple(out)


def _contradictions(
    said: Sequence[Said], found: Sequence[tuple[Fact, ...]], kind: InconsistencyKind, rule: _Rule
) -> list[Inconsistency]:
    per_answer = [_comparable(f for f in answer_facts if f.kind == kind) for answer_facts in found]
    out: list[Inconsistency] = []
    for j, later in enumerate(per_answer):
        for i in range(j):
            if not rule.same_interviewer and said[i].interviewer == said[j].interviewer:
                continue
            clash = next(
                (
                    (a, b)
                    for a in per_answer[i]
                    for b in later
                    if a.about == b.about and not rule.agree(a.value, b.value)
                ),
                None,
            )
            if clash is not None:
                out.append(_inconsistency(kind, rule, said[i], clash[0], said[j], clash[1]))
                break
    return out


def _comparable(items: Iterable[Fact]) -> tuple[Fact, ...]:
    """Facts worth comparing: years keep only the largest figure per ``about``; leaving
    reasons of category ``other`` say too little to contradict anything."""
    chosen: dict[tuple[str, str], Fact] = {}
    kept: list[Fact] = []
    for fact in items:
        if fact.kind == "leaving_reason" and fact.value == "other":
            continue
        if fact.kind == "years":
            key = (fact.kind, fact.about)
            best = chosen.get(key)
            if best is None or _number(fact.value) > _number(best.value):
                chosen[key] = fact
            continue
        if fact.kind == "date" and not fact.about:
            continue
        kept.append(fact)
    return (*kept, *chosen.values())


def _inconsistency(
    kind: InconsistencyKind, rule: _Rule, first: Said, a: Fact, second: Said, b: Fact
) -> Inconsistency:
    what = kind.replace("_", " ")
    who_a, who_b = interviewer_name(first.interviewer), interviewer_name(second.interviewer)
    where = (
        f"the {who_a} and the {who_b}"
        if first.interviewer != second.interviewer
        else f"the {who_a} in two answers"
    )
    explanation = (
        f'Your {what} differs: {rule.describe(a.value)} ("{a.evidence.text}") versus '
        f'{rule.describe(b.value)} ("{b.evidence.text}"), told to {where}. Interviewers '
        "compare notes; tell one consistent account."
    )
    return Inconsistency(
        kind, explanation, a.evidence, first.interviewer, b.evidence, second.interviewer,
        rule.severity,
    )  # fmt: skip


def interviewer_name(interviewer_id: str) -> str:
    """The display name of an interviewer type id, first letter lowercased for a sentence;
    the id itself when it is not a known type."""
    known = next((t.name for t in INTERVIEWERS if t.id == interviewer_id), None)
    return known[0].lower() + known[1:] if known else interviewer_id


# --- comparing values -------------------------------------------------------------------------


def _number(value: FactValue) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def _pay_range(value: FactValue) -> tuple[float, float]:
    if isinstance(value, tuple):
        return value
    amount = _number(value)
    return amount, amount


def _salaries_agree(a: FactValue, b: FactValue) -> bool:
    (low_a, high_a), (low_b, high_b) = _pay_range(a), _pay_range(b)
    slack = SALARY_TOLERANCE * max(high_a, high_b)
    return low_a <= high_b + slack and low_b <= high_a + slack


def _describe_pay(value: FactValue) -> str:
    low, high = _pay_range(value)
    return f"{low:,.0f}" if low == high else f"{low:,.0f}-{high:,.0f}"


def _dates_agree(a: FactValue, b: FactValue) -> bool:
    first, second = str(a), str(b)
    return first.startswith(second) or second.startswith(first)


_RULES: dict[InconsistencyKind, _Rule] = {
    "salary": _Rule("high", True, _salaries_agree, _describe_pay),
    "team_size": _Rule("medium", True, lambda a, b: a == b, lambda v: f"a team of {_number(v):g}"),
    "years": _Rule(
        "medium",
        True,
        lambda a, b: abs(_number(a) - _number(b)) < YEARS_TOLERANCE,
        lambda v: f"{_number(v):g} years",
    ),
    "date": _Rule("medium", False, _dates_agree, str),
    "leaving_reason": _Rule("high", False, lambda a, b: a == b, lambda v: f"{v}".replace("_", " ")),
}


# --- reused stories ---------------------------------------------------------------------------


def reused_stories(
    said: Sequence[Said], *, embedder: Embedder | None = None
) -> tuple[Inconsistency, ...]:
    """The same past-tense story (at least :data:`STORY_MIN_WORDS` words) told to
    :data:`STORY_EVERYONE_MIN` or more interviewers, or to every interviewer when fewer took
    part. Two stories are the same when the Jaccard overlap of their content-word stems is at
    least :data:`SAME_STORY_JACCARD` or, with ``embedder``, the cosine of the answers is at
    least :data:`SAME_STORY_COSINE`. Quotes the opening sentence of the first two tellings to
    different interviewers; severity ``medium`` for 3+ interviewers, ``low`` for 2.
    """
    stories = [
        i
        for i, s in enumerate(said)
        if word_count(s.answer) >= STORY_MIN_WORDS and past_tense_story(s.answer)
    ]
    everyone = list(dict.fromkeys(s.interviewer for s in said))
    if len(stories) < 2 or len(everyone) < 2:
        return ()
    groups = _same_story_groups(said, stories, embedder)
    needed = min(STORY_EVERYONE_MIN, len(everyone))
    out: list[Inconsistency] = []
    for group in groups:
        tellings: dict[str, int] = {}
        for i in group:
            tellings.setdefault(said[i].interviewer, i)
        if len(tellings) < needed:
            continue
        first, second = list(tellings.values())[:2]
        out.append(_reused(said, first, second, list(tellings)))
    return tuple(out)


def _same_story_groups(
    said: Sequence[Said], stories: list[int], embedder: Embedder | None
) -> list[list[int]]:
    """Connected groups of story answers that are pairwise the same story, in answer order."""
    stems = {i: set(content_words(said[i].answer)) for i in stories}
    cosine: dict[tuple[int, int], float] = {}
    if embedder is not None:
        vectors = np.asarray(embedder.embed([said[i].answer for i in stories]), dtype=np.float64)
        sims = vectors @ vectors.T
        for (a, i), (b, j) in combinations(enumerate(stories), 2):
            cosine[(i, j)] = float(sims[a, b])
    parent = {i: i for i in stories}

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j in combinations(stories, 2):
        union = stems[i] | stems[j]
        jaccard = len(stems[i] & stems[j]) / len(union) if union else 0.0
        if jaccard >= SAME_STORY_JACCARD or cosine.get((i, j), 0.0) >= SAME_STORY_COSINE:
            parent[max(root(i), root(j))] = min(root(i), root(j))
    groups: dict[int, list[int]] = {}
    for i in stories:
        groups.setdefault(root(i), []).append(i)
    return [g for g in groups.values() if len(g) > 1]


def _reused(said: Sequence[Said], first: int, second: int, heard: list[str]) -> Inconsistency:
    names = [f"the {interviewer_name(who)}" for who in heard]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" and {names[-1]}"
    many = len(heard) >= STORY_EVERYONE_MIN
    advice = (
        "the panel will compare notes and hear only one example; prepare a different story "
        "for some of them"
        if many
        else "a good story can be reused, but vary the examples"
    )
    if not many and said[first].question.strip() != said[second].question.strip():
        advice += " when the questions differ"
    return Inconsistency(
        kind="reused_story",
        explanation=f"The same story was told to {listed}: {advice}.",
        first=_opening(said[first].answer),
        first_interviewer=said[first].interviewer,
        second=_opening(said[second].answer),
        second_interviewer=said[second].interviewer,
        severity="medium" if many else "low",
    )


def _opening(answer: str) -> Evidence:
    spans = sentences(answer)
    return spans[0] if spans else Evidence(0, len(answer), answer)

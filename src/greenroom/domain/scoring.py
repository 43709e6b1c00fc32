"""Signals and flags -> criterion scores, as a list of named contributions.

Every point a criterion gains or loses is a :class:`Contribution` with its source (a flag id or a
signal), so a score can always be explained ("base 50; +18 result with a number; -30 blame") and
recomputed without one of its sources to say what would flip a verdict.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from greenroom.domain import thresholds as th
from greenroom.domain.analysis import AnswerAnalysis
from greenroom.domain.interviewers import InterviewerType
from greenroom.domain.loop import pay_question
from greenroom.domain.models import CRITERION_IDS, CriterionId, Evidence, Flag, FlagId
from greenroom.text.tokens import sentences

BASE: Final[Mapping[CriterionId, int]] = MappingProxyType(
    {
        "qualified": 50,
        "performs": 48,
        "pleasant": 68,
        "team_player": 60,
        "dependable": 58,
        "stays": 62,
        "enthusiasm": 50,
    }
)

# Points a flag takes from each criterion at medium severity (low x0.5, high x1.5).
FLAG_IMPACT: Final[Mapping[FlagId, Mapping[CriterionId, int]]] = MappingProxyType(
    {
        "off_topic": {"qualified": 20, "dependable": 15, "performs": 10},
        "no_example": {"qualified": 14, "performs": 18},
        "vague": {"qualified": 14, "performs": 10},
        "lacks_result": {"performs": 18, "qualified": 4},
        "negative_about_others": {"pleasant": 30, "team_player": 22, "dependable": 6},
        "blame_shifting": {"dependable": 26, "team_player": 20, "pleasant": 6},
        "cliche": {"qualified": 10, "enthusiasm": 4},
        "arrogance": {"pleasant": 24, "team_player": 24},
        "oversharing": {"pleasant": 14, "dependable": 8},
        "premature_terms": {"enthusiasm": 18, "stays": 16, "pleasant": 4},
        "self_centered_motivation": {"stays": 18, "enthusiasm": 16},
        "no_interest": {"enthusiasm": 32, "stays": 16},
        "low_commitment": {"stays": 34, "enthusiasm": 8},
        "unprepared": {"enthusiasm": 26, "qualified": 12, "dependable": 8},
        "evasive": {"dependable": 18, "qualified": 8},
        "too_short": {"enthusiasm": 14, "qualified": 12, "performs": 8},
        "too_long": {"pleasant": 10, "dependable": 4},
        "filler_heavy": {"enthusiasm": 12, "qualified": 6},
        "hedging": {"enthusiasm": 8, "dependable": 6, "qualified": 4},
    }
)
SEVERITY_FACTOR = {"low": 0.5, "medium": 1.0, "high": 1.5}
RED_FLAG_FACTOR = 1.6  # a flag the interviewer screens hardest for weighs this much more

# How much each criterion counts for a kind of question (multiplies the interviewer's weight).
KIND_FOCUS: Final[Mapping[str, Mapping[CriterionId, float]]] = MappingProxyType(
    {
        "behavioural": {"performs": 1.4, "qualified": 1.2, "dependable": 1.1},
        "situational": {"qualified": 1.3, "dependable": 1.2, "team_player": 1.1, "performs": 0.8},
        "motivation": {"enthusiasm": 1.6, "stays": 1.4, "performs": 0.6},
        "screening": {"dependable": 1.4, "stays": 1.3, "performs": 0.4, "enthusiasm": 0.8},
        "technical-general": {"qualified": 1.6, "performs": 1.1, "enthusiasm": 0.7},
        "closing": {"enthusiasm": 2.0, "stays": 1.2, "performs": 0.3, "qualified": 0.5},
        "small-talk": {"pleasant": 2.5, "performs": 0.2, "qualified": 0.2, "dependable": 0.5},
    }
)


@dataclass(frozen=True, slots=True)
class Contribution:
    criterion: CriterionId
    points: float
    source: str  # a flag id, "signal:<id>", or "delivery:<id>" (domain/delivery.py)
    label: str
    evidence: tuple[Evidence, ...] = ()


def _plus(
    criterion: CriterionId, points: float, source: str, label: str, ev: tuple[Evidence, ...] = ()
) -> Contribution:
    return Contribution(criterion, points, "signal:" + source, label, ev)


_DEVELOPED_KINDS = frozenset({"behavioural", "situational", "motivation", "technical-general"})


def signal_contributions(a: AnswerAnalysis, who: InterviewerType) -> tuple[Contribution, ...]:
    """Points earned by what the answer does well, given the kind of question."""
    out: list[Contribution] = []
    low, full = th.MIN_WORDS[a.kind], who.answer_words[0]
    if a.kind in _DEVELOPED_KINDS and a.words >= low:
        share = min(1.0, (a.words - low) / max(1, full - low))
        pts = 4 + 6 * share
        ev = sentences(a.answer)[:1]
        out.append(_plus("qualified", pts, "developed", "develops the answer", ev))
        out.append(_plus("enthusiasm", pts * 0.6, "developed", "engages with the question", ev))
    spec = a.specificity.per_100_words
    details = tuple(
        sorted(a.specificity.numbers + a.specificity.names, key=lambda e: e.start)
        or a.specificity.concrete
        or a.specificity.terms
    )[:3]
    if spec >= th.SPECIFIC_GOOD.value:
        out.append(_plus("qualified", 15, "specificity", "concrete, checkable detail", details))
    elif spec >= th.VAGUE_SPECIFICITY.value:
        out.append(_plus("qualified", 7, "specificity", "some concrete detail", details))
    if a.job is not None and a.job.share >= 0.05:
        pts = 10 if a.job.share >= 0.15 else 5
        out.append(
            _plus("qualified", pts, "job_terms", "speaks the job's language", a.job.evidence[:3])
        )
    if a.story:
        ev = (a.star.action or a.star.situation or a.star.result or sentences(a.answer))[:1]
        out.append(_plus("qualified", 8, "past_example", "backs claims with a real example", ev))
        out.append(_plus("performs", 10, "past_example", "shows what was actually done", ev))
    if a.semantic >= th.RELEVANT_SEMANTIC.value:
        ev = a.lexical.evidence[:3] or sentences(a.answer)[:1]
        out.append(_plus("qualified", 6, "relevance", "answers the question asked", ev))
        out.append(_plus("dependable", 4, "relevance", "answers the question asked", ev))
    if a.star.result or a.results:
        ev = (a.star.result or a.results)[:1]
        out.append(_plus("performs", 8, "result", "says how it turned out", ev))
    if a.results:
        pts = 20 if len(a.results) >= 2 else 14
        out.append(
            _plus("performs", pts, "quantified_results", "a result with a number", a.results[:2])
        )
    own = a.ownership
    if a.story and own.i_share is not None and own.i_share >= 0.5:
        out.append(
            _plus("dependable", 7, "ownership", "owns the actions ('I')", own.i_evidence[:2])
        )
    if (
        own.we_count
        and own.i_share is not None
        and (th.I_SHARE_LOW.value <= own.i_share <= th.I_SHARE_HIGH.value)
    ):
        out.append(
            _plus(
                "team_player",
                10,
                "ownership",
                "credits the team ('we') and owns a part ('I')",
                own.we_evidence[:2],
            )
        )
    if a.point_first.leads and a.point_first.first_sentence is not None:
        ev = (a.point_first.first_sentence,)
        out.append(_plus("dependable", 7, "leads_with_point", "answers up front", ev))
        out.append(_plus("pleasant", 3, "leads_with_point", "easy to follow", ev))
    m = a.motivation
    if m.enthusiasm:
        pts = 18 if len(m.enthusiasm) >= 2 else 12
        out.append(_plus("enthusiasm", pts, "enthusiasm", "sounds keen", m.enthusiasm[:2]))
        out.append(_plus("pleasant", 5, "enthusiasm", "warm and positive", m.enthusiasm[:1]))
        out.append(_plus("stays", 5, "enthusiasm", "wants this job", m.enthusiasm[:1]))
    if m.employer_focus:
        pts = 12 if len(m.employer_focus) >= 2 else 8
        out.append(
            _plus(
                "stays", pts, "employer_focus", "talks about what they need", m.employer_focus[:2]
            )
        )
        out.append(
            _plus(
                "enthusiasm", 8, "employer_focus", "interested in their work", m.employer_focus[:1]
            )
        )
    if a.kind == "closing" and a.questions_asked:
        out.append(
            _plus(
                "enthusiasm",
                16,
                "questions_asked",
                "asks questions of their own",
                a.questions_asked[:2],
            )
        )
    if a.ranges and pay_question(a.question):
        ev = a.ranges[:1]
        out.append(_plus("dependable", 10, "pay_range", "a researched range when asked", ev))
        out.append(_plus("stays", 6, "pay_range", "expectations that can be met", ev))
    if a.kind == "screening" and a.point_first.leads:
        ev = sentences(a.answer)[:1]
        out.append(
            _plus("qualified", 6, "direct_answer", "a clear answer to a screening question", ev)
        )
    return tuple(out)


def flag_contributions(flags: Iterable[Flag], who: InterviewerType) -> tuple[Contribution, ...]:
    """Points each flag takes away, heavier for the interviewer's red flags."""
    out: list[Contribution] = []
    for flag in flags:
        factor = SEVERITY_FACTOR[flag.severity] * (
            RED_FLAG_FACTOR if flag.id in who.red_flags else 1.0
        )
        for criterion, points in FLAG_IMPACT[flag.id].items():
            out.append(
                Contribution(
                    criterion, -points * factor, flag.id, flag.id.replace("_", " "), flag.evidence
                )
            )
    return tuple(out)


def criterion_scores(contributions: Iterable[Contribution]) -> dict[CriterionId, float]:
    """Each criterion's base plus its contributions, clamped to 0-100."""
    totals: dict[CriterionId, float] = {c: float(BASE[c]) for c in CRITERION_IDS}
    for c in contributions:
        totals[c.criterion] += c.points
    return {c: max(0.0, min(100.0, v)) for c, v in totals.items()}


def weights(
    who: InterviewerType, kind: str, probed: Iterable[CriterionId] = ()
) -> dict[CriterionId, float]:
    """The interviewer's weights, shifted towards what this kind of question probes."""
    focus = KIND_FOCUS.get(kind, {})
    probed_set = set(probed)
    raw = {
        c: who.weight(c) * focus.get(c, 1.0) * (1.5 if c in probed_set else 1.0)
        for c in CRITERION_IDS
    }
    total = sum(raw.values()) or 1.0
    return {c: w / total for c, w in raw.items()}


UNINFORMED_WEIGHT = 0.35  # a criterion the answer says nothing about counts this much


def informed_weights(
    w: dict[CriterionId, float], contributions: Iterable[Contribution]
) -> dict[CriterionId, float]:
    """Weights with criteria that no contribution touched scaled down and renormalised:
    an answer is judged on what it showed, not on criteria it had no occasion to show."""
    touched = {c.criterion for c in contributions}
    raw = {c: v * (1.0 if c in touched else UNINFORMED_WEIGHT) for c, v in w.items()}
    total = sum(raw.values()) or 1.0
    return {c: v / total for c, v in raw.items()}


def overall(scores: dict[CriterionId, float], w: dict[CriterionId, float]) -> float:
    """The weighted mean of criterion scores (0-100)."""
    return sum(scores[c] * w[c] for c in CRITERION_IDS)

"""The offer outlook of a whole hiring loop: how the interviewers' verdicts add up to a decision.

The rule follows the roles in ``docs/hiring-loop.md``:

1. **Base.** The hiring manager (the decider) sets the base: ``advance`` gives
   ``offer_likely``, ``lean_advance`` ``offer_possible``, ``lean_no`` ``at_risk`` and ``no``
   ``unlikely``. Without a hiring manager the base is the mean verdict of the others (the external
   recruiter only when nobody else was met), rounded to the nearest step; the concerns of step 3
   are already in that mean and do not lower it again.
2. **Vetoes.** A deal-breaker from the internal recruiter (the gatekeeper) -- a ``no``, or a
   high-severity flag among the red flags they screen for -- and a ``no`` from the hiring
   manager's boss each stop the offer: the outcome is ``unlikely`` whatever the base.
3. **Concerns.** A ``lean_no`` or ``no`` from a peer or a direct report (advisors), a ``lean_no``
   from the boss, or a ``lean_no`` from the gatekeeper without a deal-breaker, weighs in: the
   outcome drops one step. When two or more of them say a flat ``no`` it drops a second step.
4. **Ally.** The external recruiter is on the candidate's side and does not decide; a ``no``
   from them means they would not submit the candidate to the client, which is noted rather
   than counted.

The 0-100 score is the mean of the interview scores weighted by role (decider 0.45, veto 0.2,
gatekeeper 0.15, each advisor 0.1, ally 0.05), clamped into the band of the outcome so the two
never disagree. The fixes are the flags with the largest weighted effect across the loop:
severity times the interviewer's role weight, doubled when the flag is one of that interviewer's
red flags; the most severe come first. With fewer than two flags, the top tip of the weakest
interviews fills in.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from greenroom.domain.feedback import FLAG_TIPS
from greenroom.domain.interviewers import DecisionRole, interviewer
from greenroom.domain.models import (
    Flag,
    FlagId,
    InterviewerId,
    InterviewJudgement,
    Judgement,
    Severity,
    Verdict,
)

__all__ = [
    "OUTCOMES",
    "DecidingLine",
    "Fix",
    "OfferOutlook",
    "Outcome",
    "roll_up_loop",
]

Outcome = Literal["offer_likely", "offer_possible", "at_risk", "unlikely"]
# From worst to best, so an outcome's index is its step.
OUTCOMES: tuple[Outcome, ...] = ("unlikely", "at_risk", "offer_possible", "offer_likely")
_BANDS: Final[dict[Outcome, tuple[int, int]]] = {
    "unlikely": (0, 34),
    "at_risk": (35, 54),
    "offer_possible": (55, 74),
    "offer_likely": (75, 100),
}
_VERDICT_STEP: Final[dict[Verdict, int]] = {"no": 0, "lean_no": 1, "lean_advance": 2, "advance": 3}
ROLE_WEIGHT: Final[dict[DecisionRole, float]] = {
    "decider": 0.45,
    "veto": 0.2,
    "gatekeeper": 0.15,
    "advisor": 0.1,
    "ally": 0.05,
}
_SEVERITY: Final[dict[Severity, int]] = {"low": 1, "medium": 2, "high": 3}
MAX_FIXES = 3


@dataclass(frozen=True, slots=True)
class DecidingLine:
    """One interviewer's part in the decision: their verdict, their role and what it did."""

    interviewer: InterviewerId
    verdict: Verdict
    role: DecisionRole
    effect: str


@dataclass(frozen=True, slots=True)
class Fix:
    """One of the few things that matter most to fix, with who noticed it and the quote."""

    interviewer: InterviewerId
    flag: FlagId | None
    severity: Severity
    text: str
    quote: str


@dataclass(frozen=True, slots=True)
class OfferOutlook:
    """How the loop's verdicts add up to an offer, and what to fix first."""

    outcome: Outcome
    score: int
    deciding: tuple[DecidingLine, ...]
    vetoes: tuple[str, ...]
    fixes: tuple[Fix, ...]
    notes: tuple[str, ...] = ()


def roll_up_loop(results: Sequence[InterviewJudgement]) -> OfferOutlook:
    """The offer outlook of the judged interviews of one loop (see the module docstring).

    An empty loop gives ``unlikely`` with score 0 and a note saying nothing was judged. When the
    same interviewer appears twice, each interview counts on its own.
    """
    if not results:
        return OfferOutlook("unlikely", 0, (), (), (), ("No interviews were judged.",))
    roles = [interviewer(r.interviewer).decides for r in results]
    base, base_note = _base(results, roles)
    vetoes: list[str] = []
    notes: list[str] = [base_note]
    concerns = 0
    flat_noes = 0
    lines: list[DecidingLine] = []
    for r, role in zip(results, roles, strict=True):
        name = interviewer(r.interviewer).name
        effect = "no concern"
        if role == "decider":
            effect = f"sets the base: {OUTCOMES[_VERDICT_STEP[r.verdict]]}"
        elif role == "ally":
            if r.verdict == "no":
                effect = "would not submit you to the client"
                notes.append(
                    f"{name} would not put you forward: fix this before the client sees you."
                )
            else:
                effect = "on your side; does not decide"
        elif role == "gatekeeper" and (deal := _deal_breaker(r)) is not None:
            effect = "veto: deal-breaker"
            vetoes.append(f"{name}: {deal}")
        elif role == "veto" and r.verdict == "no":
            effect = "veto: a strong no from the boss"
            vetoes.append(f"{name} said no and can overrule the hiring manager.")
        elif r.verdict in ("lean_no", "no"):
            effect = (
                "concern: lowers the outlook one step"
                if "decider" in roles
                else "concern: counted in the mean verdict"
            )
            concerns += 1
            flat_noes += r.verdict == "no"
        lines.append(DecidingLine(r.interviewer, r.verdict, role, effect))
    step = base
    if "decider" in roles:  # without one, the concerns are already in the mean verdict
        step -= (1 if concerns else 0) + (1 if flat_noes >= 2 else 0)
    if vetoes:
        step = 0
    outcome = OUTCOMES[max(0, step)]
    return OfferOutlook(
        outcome=outcome,
        score=_score(results, roles, outcome),
        deciding=tuple(lines),
        vetoes=tuple(vetoes),
        fixes=_fixes(results, roles),
        notes=tuple(n for n in notes if n),
    )


def _base(results: Sequence[InterviewJudgement], roles: Sequence[DecisionRole]) -> tuple[int, str]:
    deciders = [r for r, role in zip(results, roles, strict=True) if role == "decider"]
    if deciders:
        return min(_VERDICT_STEP[r.verdict] for r in deciders), ""
    others = [r for r, role in zip(results, roles, strict=True) if role != "ally"] or list(results)
    mean = sum(_VERDICT_STEP[r.verdict] for r in others) / len(others)
    return (
        math.floor(mean + 0.5),
        "No hiring manager in this loop: the outlook rests on the others' mean verdict.",
    )


def _deal_breaker(r: InterviewJudgement) -> str | None:
    who = interviewer(r.interviewer)
    for a in r.answers:
        for f in a.flags:
            if f.severity == "high" and f.id in who.red_flags:
                return f"deal-breaker '{f.id}': {f.explanation}"
    if r.verdict == "no":
        return "said no, so you would not reach the hiring manager."
    return None


def _score(
    results: Sequence[InterviewJudgement], roles: Sequence[DecisionRole], outcome: Outcome
) -> int:
    weights = [ROLE_WEIGHT[role] for role in roles]
    mean = sum(r.overall * w for r, w in zip(results, weights, strict=True)) / sum(weights)
    low, high = _BANDS[outcome]
    return max(low, min(high, round(mean)))


def _fixes(results: Sequence[InterviewJudgement], roles: Sequence[DecisionRole]) -> tuple[Fix, ...]:
    """The flags with the largest weighted effect, one per flag id, most severe first."""
    best: dict[str, tuple[float, Flag, Judgement, InterviewerId]] = {}
    totals: dict[str, float] = {}
    for r, role in zip(results, roles, strict=True):
        who = interviewer(r.interviewer)
        for a in r.answers:
            for f in a.flags:
                weight = _SEVERITY[f.severity] * ROLE_WEIGHT[role]
                weight *= 2.0 if f.id in who.red_flags else 1.0
                totals[f.id] = totals.get(f.id, 0.0) + weight
                if f.id not in best or weight > best[f.id][0]:
                    best[f.id] = (weight, f, a, r.interviewer)
    ranked = sorted(
        best.items(),
        key=lambda item: (_SEVERITY[item[1][1].severity], totals[item[0]]),
        reverse=True,
    )
    fixes = [
        Fix(who_id, f.id, f.severity, FLAG_TIPS.get(f.id, f.explanation), _quote(f, a))
        for _, (_, f, a, who_id) in ranked[:MAX_FIXES]
    ]
    if len(fixes) < 2:
        # Few flags: fall back on the top tip of the weakest interviews.
        for r in sorted(results, key=lambda r: r.overall):
            tips = [t for t in r.tips if all(t != x.text for x in fixes)]
            if len(fixes) >= 2:
                break
            if tips:
                weakest = min(r.answers, key=lambda a: a.overall)
                fixes.append(Fix(r.interviewer, None, "low", tips[0], _quote_answer(weakest)))
    return tuple(fixes)


def _quote(f: Flag, a: Judgement) -> str:
    if f.evidence:
        return f.evidence[0].text
    return _quote_answer(a)


def _quote_answer(a: Judgement) -> str:
    answer = " ".join(a.answer.split())
    return answer if len(answer) <= 120 else answer[:117] + "..."

"""Progress over practice history: criterion scores over time, flag counts, the weakest
criterion and practice streaks.

Pure functions over stored attempts (their judgement JSON, ``docs/judgement-json.md``); nothing
here reads a store or a clock. Unjudged attempts and malformed judgement fields are skipped, so a
half-written history never breaks a page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from greenroom.domain.models import CRITERION_IDS, CriterionId
from greenroom.domain.sessions import Attempt

__all__ = [
    "RECENT_ATTEMPTS",
    "DayCount",
    "Point",
    "Streaks",
    "Weakest",
    "criterion_series",
    "flag_counts",
    "judged",
    "practice_days",
    "streaks",
    "weakest_criterion",
]

RECENT_ATTEMPTS = 10
"""How many of the latest judged attempts the weakest criterion is computed over."""


@dataclass(frozen=True, slots=True)
class Point:
    """One criterion score of one attempt."""

    at: datetime
    attempt_id: int
    score: int


@dataclass(frozen=True, slots=True)
class DayCount:
    """How many flags the attempts of one day raised, over how many attempts."""

    day: date
    flags: int
    attempts: int


@dataclass(frozen=True, slots=True)
class Weakest:
    """The criterion with the lowest mean score over the latest attempts."""

    criterion: CriterionId
    mean: float
    attempts: int


@dataclass(frozen=True, slots=True)
class Streaks:
    """Consecutive days with at least one attempt: the one still running and the longest."""

    current: int
    best: int


def judged(attempts: Iterable[Attempt], interviewer: str | None = None) -> tuple[Attempt, ...]:
    """Judged attempts (optionally of one interviewer), oldest first (ties by id)."""
    found = [
        a
        for a in attempts
        if a.judgement is not None and (interviewer is None or a.interviewer == interviewer)
    ]
    return tuple(sorted(found, key=lambda a: (a.created_at, a.id)))


def _scores(judgement: dict[str, Any]) -> dict[CriterionId, int]:
    found: dict[CriterionId, int] = {}
    criteria = judgement.get("criteria")
    if not isinstance(criteria, list):
        return found
    for item in criteria:
        if not isinstance(item, dict):
            continue
        cid, score = item.get("id"), item.get("score")
        if cid in CRITERION_IDS and isinstance(score, int) and not isinstance(score, bool):
            found[cid] = score
    return found


def _flag_total(judgement: dict[str, Any]) -> int:
    flags = judgement.get("flags")
    return sum(1 for f in flags if isinstance(f, dict)) if isinstance(flags, list) else 0


def criterion_series(
    attempts: Iterable[Attempt], interviewer: str | None = None
) -> dict[CriterionId, tuple[Point, ...]]:
    """Each criterion's scores over time (oldest first), in :data:`CRITERION_IDS` order.

    Criteria no judged attempt scored are left out.
    """
    series: dict[CriterionId, list[Point]] = {c: [] for c in CRITERION_IDS}
    for attempt in judged(attempts, interviewer):
        assert attempt.judgement is not None
        for cid, score in _scores(attempt.judgement).items():
            series[cid].append(Point(attempt.created_at, attempt.id, score))
    return {c: tuple(points) for c, points in series.items() if points}


def flag_counts(
    attempts: Iterable[Attempt], interviewer: str | None = None
) -> tuple[DayCount, ...]:
    """Flags raised per day (UTC date of the attempt), oldest day first; days without a
    judged attempt are left out."""
    days: dict[date, list[int]] = {}
    for attempt in judged(attempts, interviewer):
        assert attempt.judgement is not None
        entry = days.setdefault(attempt.created_at.date(), [0, 0])
        entry[0] += _flag_total(attempt.judgement)
        entry[1] += 1
    return tuple(DayCount(day, flags, n) for day, (flags, n) in sorted(days.items()))


def weakest_criterion(
    attempts: Iterable[Attempt], *, last: int = RECENT_ATTEMPTS, interviewer: str | None = None
) -> Weakest | None:
    """The criterion with the lowest mean score over the ``last`` judged attempts.

    Ties go to the criterion listed first in :data:`CRITERION_IDS`; ``None`` without any score.
    """
    recent = judged(attempts, interviewer)[-last:] if last > 0 else ()
    totals: dict[CriterionId, list[int]] = {}
    for attempt in recent:
        assert attempt.judgement is not None
        for cid, score in _scores(attempt.judgement).items():
            totals.setdefault(cid, []).append(score)
    if not totals:
        return None
    means = [(sum(s) / len(s), CRITERION_IDS.index(c), c) for c, s in totals.items()]
    mean, _, cid = min(means)
    return Weakest(cid, round(mean, 1), len(totals[cid]))


def practice_days(attempts: Iterable[Attempt]) -> tuple[date, ...]:
    """The distinct days (UTC dates) with at least one attempt, judged or not, in order."""
    return tuple(sorted({a.created_at.date() for a in attempts}))


def streaks(days: Sequence[date] | Iterable[date], today: date) -> Streaks:
    """Runs of consecutive practice days: ``best`` is the longest, ``current`` the one that
    ends today or yesterday (0 when the last practice day is older; a day not yet practised
    does not break the streak until it is over). Days after ``today`` are ignored."""
    ordered = sorted({d for d in days if d <= today})
    if not ordered:
        return Streaks(0, 0)
    best = run = 1
    for before, after in zip(ordered, ordered[1:], strict=False):
        run = run + 1 if after - before == timedelta(days=1) else 1
        best = max(best, run)
    current = run if today - ordered[-1] <= timedelta(days=1) else 0
    return Streaks(current, best)

"""The plan for one job: whom the candidate will most likely meet, in order, and a brief for each.

Which interviewers a role meets follows the usual shape of a hiring loop (see
``docs/hiring-loop.md``): an agency recruiter only when one is involved, then the company's own
screener, the hiring manager and a peer; a future direct report only when the role manages
people; and the hiring manager's boss as a final round for senior, lead or people-manager roles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from greenroom.domain.briefs import Brief, make_brief
from greenroom.domain.models import INTERVIEWER_IDS, InterviewerId, JobProfile, QuestionBank
from greenroom.errors import NotFoundError

__all__ = ["LOOP_ORDER", "Plan", "make_plan", "plan_loop"]

LOOP_ORDER: tuple[InterviewerId, ...] = (
    "external-recruiter",
    "internal-recruiter",
    "hiring-manager",
    "peer",
    "direct-report",
    "hiring-managers-boss",
)


@dataclass(frozen=True, slots=True)
class Plan:
    """A job profile and the briefs for the interviewers of its loop, in meeting order."""

    profile: JobProfile
    loop: tuple[Brief, ...]


def _known(ids: Sequence[str]) -> set[InterviewerId]:
    found: set[InterviewerId] = set()
    for value in ids:
        match = next((known for known in INTERVIEWER_IDS if known == value), None)
        if match is None:
            raise NotFoundError("interviewer", value, INTERVIEWER_IDS)
        found.add(match)
    return found


def plan_loop(
    profile: JobProfile,
    *,
    external_recruiter: bool = False,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> tuple[InterviewerId, ...]:
    """The interviewer types this candidate will most likely meet, in meeting order.

    The external recruiter comes first only with ``external_recruiter=True``; the direct report
    only for people-manager roles; the hiring manager's boss for senior, lead or people-manager
    roles. ``include`` adds types and ``exclude`` removes them (exclude wins); the order always
    follows ``LOOP_ORDER``. Unknown ids raise ``NotFoundError`` listing the known ones.
    """
    added = _known(include)
    removed = _known(exclude)
    chosen: set[InterviewerId] = {"internal-recruiter", "hiring-manager", "peer"}
    if external_recruiter:
        chosen.add("external-recruiter")
    if profile.manages_people:
        chosen.add("direct-report")
    if profile.manages_people or profile.seniority in ("senior", "lead"):
        chosen.add("hiring-managers-boss")
    chosen = (chosen | added) - removed
    return tuple(i for i in LOOP_ORDER if i in chosen)


def make_plan(
    profile: JobProfile,
    bank: QuestionBank,
    *,
    external_recruiter: bool = False,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    seed: int = 0,
) -> Plan:
    """The loop of :func:`plan_loop` with a brief for each interviewer; deterministic."""
    ids = plan_loop(
        profile, external_recruiter=external_recruiter, include=include, exclude=exclude
    )
    return Plan(profile, tuple(make_brief(i, profile, bank, seed=seed) for i in ids))

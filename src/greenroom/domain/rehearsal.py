"""The flow of a rehearsal: which question comes next, and the follow-up a gap calls for.

A real interviewer probes where an answer is thin; so does greenroom. The follow-up is chosen
from the flags and signals of the judgement, most important gap first, falling back to the
question's own follow-up probes when the answer was weak but no gap has a specific probe.
"""

from __future__ import annotations

from dataclasses import dataclass

from greenroom.domain import thresholds as th
from greenroom.domain.models import FlagId, Judgement, Question

# The gap probes, in priority order.
GAP_PROBES: tuple[tuple[FlagId | str, str], ...] = (
    ("evasive", "Let me ask that another way: what is the short, direct answer?"),
    ("no_example", "Can you tell me about one specific time you actually did that?"),
    ("lacks_result", "How did it turn out? What changed because of what you did?"),
    ("we_without_i", "You said 'we' a lot. What was your own part in it?"),
    ("blame_shifting", "Looking back, what would you do differently yourself?"),
    ("negative_about_others", "What did you learn from working with them?"),
    ("vague", "Can you make that concrete: what exactly did you do, and what numbers changed?"),
    ("low_commitment", "Where would you like to be in three years, and how does this job fit?"),
    ("premature_terms", "We will get to the package later. What draws you to the work itself?"),
    ("unprepared", "What do you know about what our team does?"),
)


@dataclass(frozen=True, slots=True)
class FollowUp:
    text: str
    gap: str  # the flag id or signal the probe answers, or "question" for the bank's own probe


def _we_without_i(j: Judgement) -> bool:
    for s in j.signals:
        if s.id == "ownership_i_share":
            we = sum(1 for e in s.evidence if e.text.lower() in {"we", "us", "our"})
            return 0 <= s.value < th.I_SHARE_LOW.value and we >= 2
    return False


def follow_up_for(j: Judgement, question: Question | None = None) -> FollowUp | None:
    """The probe a real interviewer would ask next, or ``None`` when the answer had no gap."""
    present: set[str] = {f.id for f in j.flags}
    if _we_without_i(j):
        present.add("we_without_i")
    for gap, text in GAP_PROBES:
        if gap in present:
            return FollowUp(text, gap)
    if j.verdict in ("lean_no", "no") and question is not None and question.follow_ups:
        return FollowUp(question.follow_ups[0], "question")
    return None

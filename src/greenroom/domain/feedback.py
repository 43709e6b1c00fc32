"""The words of feedback: one concrete tip per flag and per criterion, and the strengths whose
absence the verdict explanation can point to."""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from greenroom.domain.models import CriterionId

FLAG_TIPS: Final = MappingProxyType[str, str](
    {
        "off_topic": "Answer the question that was asked in your first sentence, then support it.",
        "no_example": "Tell one real time it happened: where you were, what you did, how it ended.",
        "vague": "Swap general claims for checkable detail: a number, a name, a tool, a date.",
        "lacks_result": "End the story with its outcome, ideally measured (time saved, % gained).",
        "negative_about_others": "Describe the situation neutrally and talk about what you did.",
        "blame_shifting": "Own your part of what went wrong and say what you changed afterwards.",
        "cliche": "Replace the stock phrase with the example that proves it.",
        "arrogance": "Let results speak; credit the people who helped.",
        "oversharing": "Keep personal matters out; give the professional version in one line.",
        "premature_terms": "Park pay, benefits and schedule until there is an offer.",
        "self_centered_motivation": "Lead with what you bring to them and why this work appeals.",
        "no_interest": "Show you want this job: name what draws you to the role or team.",
        "low_commitment": "Talk about what you want to build here over the next years.",
        "unprepared": "Research the company and the role before the interview and refer to it.",
        "evasive": "Answer directly, even briefly, then add context.",
        "too_short": "Give the interviewer enough to judge: a point, an example, a result.",
        "too_long": "Aim for one to two minutes: point, example, result, stop.",
        "filler_heavy": "Pause silently instead of filling the gap with um, uh or like.",
        "hedging": "State what you did and know plainly; drop 'I think' and 'maybe'.",
    }
)

CRITERION_TIPS: Final = MappingProxyType[str, str](
    {
        "qualified": "Tie your answer to the skills the job needs, with concrete detail.",
        "performs": "Show results you delivered, with numbers where you can.",
        "pleasant": "Keep a warm, positive tone about people and past jobs.",
        "team_player": "Show how you worked with others and what the team achieved.",
        "dependable": "Show that you own your work and follow through: answer directly.",
        "stays": "Connect this job to where you want to grow over the next years.",
        "enthusiasm": "Say what draws you to this role and ask about their work.",
    }
)

# source -> (criterion it would raise, points, how to say it) for strengths an answer may lack.
MISSING_STRENGTHS: Final = MappingProxyType[str, tuple[CriterionId, float, str]](
    {
        "signal:quantified_results": ("performs", 18.0, "Add a result with a number"),
        "signal:past_example": ("qualified", 8.0, "Tell a real past example"),
        "signal:specificity": ("qualified", 15.0, "Add concrete, checkable detail"),
        "signal:enthusiasm": ("enthusiasm", 12.0, "Say what draws you to this role"),
        "signal:employer_focus": ("stays", 8.0, "Talk about what they need and how you help"),
        "signal:leads_with_point": ("dependable", 7.0, "Lead with the answer, then the story"),
    }
)

__all__ = ["CRITERION_TIPS", "FLAG_TIPS", "MISSING_STRENGTHS"]

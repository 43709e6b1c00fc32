"""A brief for meeting one interviewer about one job: what they want, what they will ask, what
to prove to them, what to ask them and what to keep for later.

Everything comes from the interviewer type, the question bank and the job profile; nothing is
random except the tie-breaks between equally good questions, which follow ``seed``.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from greenroom.domain.feedback import FLAG_TIPS
from greenroom.domain.interviewers import InterviewerType, interviewer
from greenroom.domain.loop import RECRUITER_IDS
from greenroom.domain.models import (
    QUESTION_KINDS,
    CandidateQuestion,
    FlagId,
    InterviewerId,
    JobProfile,
    Question,
    QuestionBank,
    Stage,
)
from greenroom.domain.questions import candidate_questions_for, filter_questions

__all__ = [
    "MAX_ASK",
    "MAX_LATER",
    "MAX_PROVE",
    "QUESTION_COUNT",
    "TIMING_SUMMARY",
    "Brief",
    "TailoredQuestion",
    "make_brief",
    "meeting_stage",
    "tailor_question",
]

QUESTION_COUNT = 7  # likely questions per brief; the range promised is 5-8
MAX_PROVE = 6
MAX_ASK = 6
MAX_LATER = 4
TIMING_SUMMARY = (
    "Keep pay, benefits, time off, the commute, the schedule and any doubts for the offer "
    "stage; if a recruiter asks what you expect to earn, give a researched range."
)

_FLAG_NAMES: dict[str, str] = {
    "off_topic": "Drifting off the question",
    "no_example": "Claims without an example",
    "vague": "Vague answers",
    "lacks_result": "Stories without a result",
    "negative_about_others": "Criticising past employers or colleagues",
    "blame_shifting": "Blaming others",
    "cliche": "Stock phrases",
    "arrogance": "Sounding arrogant",
    "oversharing": "Oversharing",
    "premature_terms": "Raising pay or terms too early",
    "self_centered_motivation": "Motivation that is all about you",
    "no_interest": "Sounding uninterested",
    "low_commitment": "Sounding as if you may not stay",
    "unprepared": "Arriving unprepared",
    "evasive": "Dodging the question",
    "too_short": "Answers that are too short",
    "too_long": "Answers that run on",
    "filler_heavy": "Filler words",
    "hedging": "Hedging",
}

_THIS_ROLE = re.compile(r"\bthis (role|job|position)\b")
# A story prompt, which a job-specific angle suits ("Tell me about a time ...").
_STORY_PROMPT = re.compile(r"^(?:Tell me about|Describe a time|Think of)\b")
# A question built on a premise about the candidate ("You're coming from a different field").
_PREMISE = re.compile(r"^(?:You're|You've|You have|This role is|I see)\b")
_WARM_UP_PREFIX = "intro-"
_NO_TITLE = frozenset({"", "unknown", "untitled", "n/a"})
_LEADING_ARTICLE = re.compile(r"^(?:an?|the)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TailoredQuestion:
    """A bank question worded for this job, with what the interviewer really wants to know."""

    question_id: str
    text: str
    why: str


@dataclass(frozen=True, slots=True)
class Brief:
    """How to meet one interviewer of the loop for one job."""

    interviewer: InterviewerId
    name: str
    stage: Stage
    wants: str
    hidden_worries: tuple[str, ...]
    approach: tuple[str, ...]
    likely_questions: tuple[TailoredQuestion, ...]
    prove_to_them: tuple[str, ...]
    ask_them: tuple[CandidateQuestion, ...]
    save_for_later: tuple[str, ...]
    pitfalls: tuple[str, ...]


def meeting_stage(interviewer_id: InterviewerId) -> Stage:
    """The stage at which the candidate usually meets this interviewer: recruiters screen."""
    return Stage.SCREENING if interviewer_id in RECRUITER_IDS else Stage.INTERVIEW


def make_brief(
    interviewer_id: str, profile: JobProfile, bank: QuestionBank, *, seed: int = 0
) -> Brief:
    """The brief for meeting ``interviewer_id`` about the job in ``profile``.

    Unknown ids raise ``NotFoundError``. The same arguments always give the same brief. A bank
    with few questions for this interviewer gives fewer than five likely questions.
    """
    kind = interviewer(interviewer_id)
    stage = meeting_stage(kind.id)
    return Brief(
        interviewer=kind.id,
        name=kind.name,
        stage=stage,
        wants=kind.wants,
        hidden_worries=kind.hidden_worries,
        approach=kind.approach,
        likely_questions=_likely_questions(kind, profile, bank, seed),
        prove_to_them=_prove_to_them(kind.id, profile),
        ask_them=_ask_them(kind.id, bank, stage),
        save_for_later=_save_for_later(kind, bank),
        pitfalls=_pitfalls(kind),
    )


# --- likely questions -------------------------------------------------------------------


def _score(question: Question, kind: InterviewerType) -> float:
    """How much of this interviewer's weight the question probes, favouring their top criteria."""
    top = {name for name, _ in sorted(kind.weights, key=lambda p: -p[1])[:3]}
    return sum(kind.weight(c) * (2.0 if c in top else 1.0) for c in question.criteria)


def _pick(
    kind: InterviewerType, profile: JobProfile, bank: QuestionBank, seed: int
) -> list[Question]:
    """Up to ``QUESTION_COUNT`` questions: a warm-up, then the kinds dealt in turn (best
    first within each), then a closing question. Questions built on a premise about the
    candidate's history come last, as they fit only some candidates."""
    pool = list(
        filter_questions(
            bank,
            interviewer=kind.id,
            seniority="people-manager" if profile.manages_people else "any",
        )
    )
    rng = random.Random(seed)
    rng.shuffle(pool)  # the tie-break between equal scores; the sort below is stable
    pool.sort(key=lambda q: (bool(_PREMISE.match(q.text)), -_score(q, kind)))
    first = [q for q in pool if q.id.startswith(_WARM_UP_PREFIX)][:1]
    pool = [q for q in pool if q not in first]
    groups = [[q for q in pool if q.kind == k] for k in QUESTION_KINDS if k != "closing"]
    groups = [g for g in groups if g]
    groups.sort(key=lambda g: -_score(g[0], kind))
    closing = [q for q in pool if q.kind == "closing"]
    room = QUESTION_COUNT - (1 if closing else 0)
    dealt: list[Question] = list(first)
    while groups and len(dealt) < room:
        for group in groups:
            if len(dealt) < room:
                dealt.append(group.pop(0))
        groups = [g for g in groups if g]
    return dealt + closing[:1]


def _job_terms(profile: JobProfile) -> tuple[str, ...]:
    """Short job terms to weave into questions: the skills, then short must-haves."""
    short_must = tuple(m for m in profile.must_have if len(m.split()) <= 4)
    terms: list[str] = []
    for term in (*profile.skills, *short_must):
        term = term.strip().rstrip(".")
        if term and term.lower() not in {t.lower() for t in terms}:
            terms.append(term)
    return tuple(terms)


def _role_name(title: str) -> str:
    """The title as it reads after "this": the part before any comma, dash or bracket, without
    a leading article or a trailing role/job word; "" when the posting has no title."""
    name = re.split(r",|\s[-–—|/]\s|\(", " ".join(title.split()))[0].strip()
    name = _LEADING_ARTICLE.sub("", name).rstrip(".")
    if name.lower() in _NO_TITLE:
        return ""
    return re.sub(r"\s+(?:role|job|position)$", "", name, flags=re.IGNORECASE)


def tailor_question(question: Question, profile: JobProfile, term: str | None = None) -> str:
    """The question's text in the job's own terms.

    "this role" (or job, position) becomes "this <title> role" when the posting has a title;
    a behavioural question gets one more sentence pointing the example at ``term`` when given.
    """
    text = question.text
    role = _role_name(profile.title)
    if role:
        text = _THIS_ROLE.sub(lambda m: f"this {role} {m.group(1)}", text, count=1)
    if term and _takes_angle(question):
        text = f"{text} If you can, pick an example that involves {term}."
    return text


def _takes_angle(question: Question) -> bool:
    """Whether a job-specific angle reads naturally after this question: a story prompt about
    the work itself (leading people is about people, not the job's tools)."""
    return (
        question.kind == "behavioural"
        and question.seniority == "any"
        and bool(_STORY_PROMPT.match(question.text))
    )


def _likely_questions(
    kind: InterviewerType, profile: JobProfile, bank: QuestionBank, seed: int
) -> tuple[TailoredQuestion, ...]:
    terms = _job_terms(profile)
    out: list[TailoredQuestion] = []
    used = 0
    for question in _pick(kind, profile, bank, seed):
        term = None
        if terms and _takes_angle(question):
            term = terms[used % len(terms)]
            used += 1
        out.append(
            TailoredQuestion(
                question.id, tailor_question(question, profile, term), question.really_asking
            )
        )
    return tuple(out)


# --- what to prove ------------------------------------------------------------------------


def _clean(item: str) -> str:
    return " ".join(item.split()).rstrip(".;:")


def _prove_to_them(interviewer_id: InterviewerId, profile: JobProfile) -> tuple[str, ...]:
    must = [_clean(m) for m in profile.must_have if _clean(m)]
    duties = [_clean(r) for r in profile.responsibilities if _clean(r)]
    skills = [_clean(s) for s in profile.skills if _clean(s)]
    items: list[str]
    if interviewer_id in RECRUITER_IDS:
        items = [f"Confirm: {item}." for item in (_clean(x) for x in profile.logistics) if item]
        items += [f"Say plainly that you have: {item}." for item in must]
        if not items:
            items = ["Tie your experience to each stated requirement of the posting, briefly."]
    elif interviewer_id == "hiring-manager":
        items = [f"{item}: have a real example ready that ends in a result." for item in must]
        items += [f"{item}: describe a time you did this and how it turned out." for item in duties]
        if not items:
            items = ["The core of the job: a real example of doing it, with a result."]
    elif interviewer_id == "peer":
        items = [
            f"{item}: how you use it day to day, with one concrete example." for item in skills
        ]
        items = items[: MAX_PROVE - 1]
        items.append(
            "How you work alongside colleagues: hand-offs, reviews, asking for and giving help."
        )
    elif interviewer_id == "direct-report":
        items = [
            "How you lead: how often you meet your people and what you talk about.",
            "How you give credit, and how you give hard feedback.",
            "How you shield the team from pressure from above and share out the good work.",
            "Someone you helped grow, and what they went on to do.",
        ]
        items += [
            f"How you would lead the team on: {item}." for item in duties if _is_leading(item)
        ]
    else:  # the hiring manager's boss
        items = [f"The impact you would have on: {item}." for item in duties]
        items += [
            "Results you delivered that mattered beyond your own team, with numbers.",
            "Where you see the field heading and how this role fits the organisation's direction.",
        ]
    return tuple(dict.fromkeys(items))[:MAX_PROVE]


def _is_leading(duty: str) -> bool:
    return bool(re.search(r"\b(?:lead|manag|mentor|coach|hir|team|develop)", duty, re.IGNORECASE))


# --- what to ask and what to keep ----------------------------------------------------------


def _ask_them(
    interviewer_id: InterviewerId, bank: QuestionBank, stage: Stage
) -> tuple[CandidateQuestion, ...]:
    """Up to ``MAX_ASK`` questions due by the meeting's stage, those made for that stage first."""
    due = candidate_questions_for(bank, interviewer_id, stage)
    # Made for this meeting first, then those meant chiefly for this interviewer.
    ordered = sorted(
        due, key=lambda c: (c.earliest_stage != stage, c.interviewers[0] != interviewer_id)
    )
    return tuple(ordered[:MAX_ASK])


def _save_for_later(kind: InterviewerType, bank: QuestionBank) -> tuple[str, ...]:
    later = [
        f"At the offer stage, ask: {c.text}"
        for c in candidate_questions_for(bank, kind.id)
        if c.earliest_stage >= Stage.OFFER
    ][:MAX_LATER]
    parked = [f"Not yet: {item}" for item in kind.not_yet]
    return (*later, *parked, TIMING_SUMMARY)


def _pitfalls(kind: InterviewerType) -> tuple[str, ...]:
    flags: tuple[FlagId, ...] = kind.red_flags
    advice = [f"{_FLAG_NAMES.get(f, f.replace('_', ' '))}: {FLAG_TIPS[f]}" for f in flags]
    advice += [f"Don't raise yet: {item}" for item in kind.not_yet]
    return tuple(advice)

"""The candidate's own questions to an interviewer, judged on four checks.

* **prepared** -- the question refers to something specific to this job: a term from the job
  profile (title, requirements, duties, skills) or a cue of research ("I read", "you mentioned").
* **specific** -- it has a concrete angle, not only a stock question ("What's the culture like?").
* **right_person** -- this interviewer is the one who can answer it: pay and benefits go to a
  recruiter, team dynamics to a peer or direct report, strategy to the boss, success criteria to
  the hiring manager. Without a clear topic, the bank's candidate questions decide by lexical
  overlap: the question should sit closest to those meant for this interviewer.
* **right_time** -- pay, benefits, time off and schedule wait for the offer stage
  (:func:`greenroom.domain.loop.may_raise_terms`); asking an agency recruiter for the approved
  pay range is the one early exception, as the bank's own questions say.

Each check passes or fails with a one-line explanation and the words of the question that show
it. Each is worth 25 points; a failed ``right_time`` makes the verdict ``poor`` whatever the score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

from greenroom.domain.interviewers import interviewer
from greenroom.domain.loop import may_raise_terms, pay_question
from greenroom.domain.models import (
    Evidence,
    InterviewerId,
    JobProfile,
    QuestionBank,
    Stage,
)
from greenroom.text.overlap import content_words, lexical_overlap, stem
from greenroom.text.phrases import PREMATURE_TERMS_RE, phrase_use
from greenroom.text.terms import own_terms
from greenroom.text.tokens import find

__all__ = ["AskCheck", "AskJudgement", "CheckId", "judge_candidate_question"]

CheckId = Literal["prepared", "specific", "right_person", "right_time"]
AskVerdict = Literal["good", "okay", "poor"]

_RESEARCH_CUE = re.compile(
    r"\b(?:i (?:read|saw|noticed|heard)|you mentioned|you said|in the (?:posting|job ad|advert)"
    r"|your (?:recent|new|latest)|the posting)\b",
    re.IGNORECASE,
)
# Words that any question about any job could use; they give no concrete angle.
_GENERIC: Final = frozenset(
    stem(w)
    for w in (
        "culture like company team work working place job role position thing things good "
        "great typical day environment advice anything else question questions people "
        "organisation organization business kind sort enjoy best worst "
    ).split()
)
_TOPICS: Final[tuple[tuple[str, re.Pattern[str], tuple[InterviewerId, ...], str], ...]] = (
    (
        "pay and benefits",
        re.compile(
            r"\b(?:salar\w*|pay|compensation|bonus\w*|benefits?|pension|health (?:cover|insurance)"
            r"|vacation|holidays?|time off|pto|remote\w*|hybrid|work from home|perks?|equity"
            r"|stock options?)\b",
            re.IGNORECASE,
        ),
        ("external-recruiter", "internal-recruiter"),
        "a recruiter",
    ),
    (
        "success criteria",
        re.compile(
            r"\b(?:success\w*|succeed\w*|first (?:\w+ )?(?:days|weeks|months|year)|expectations?"
            r"|measured|evaluate\w*|(?:three|six|3|6|12|90) (?:months|days))\b",
            re.IGNORECASE,
        ),
        ("hiring-manager",),
        "the hiring manager",
    ),
    (
        "strategy",
        re.compile(
            r"\b(?:strateg\w*|direction|vision|heading|roadmap|long[- ]term|company goals?"
            r"|the market|competitors?|next (?:year|two years|few years)|opportunit\w*)\b",
            re.IGNORECASE,
        ),
        ("hiring-managers-boss", "hiring-manager"),
        "the hiring manager's boss",
    ),
    (
        "team dynamics",
        re.compile(
            r"\b(?:typical (?:day|week)|day[- ]to[- ]day|work together|collaborat\w*|colleagues?"
            r"|how the team|team (?:works|handles|shares)|workload|busy periods?"
            r"|get in (?:your|the) way|from a manager|enjoy most)\b",
            re.IGNORECASE,
        ),
        ("peer", "direct-report"),
        "a peer or a future direct report",
    ),
)


@dataclass(frozen=True, slots=True)
class AskCheck:
    """One check of a candidate's question: passed or not, why, and the words that show it."""

    id: CheckId
    ok: bool
    explanation: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class AskJudgement:
    """How a question the candidate asked would land with this interviewer."""

    text: str
    interviewer: InterviewerId
    stage: Stage
    score: int
    verdict: AskVerdict
    checks: tuple[AskCheck, ...]


def judge_candidate_question(
    text: str,
    interviewer_id: str,
    stage: Stage,
    *,
    profile: JobProfile | None = None,
    bank: QuestionBank | None = None,
    asked_about_pay: bool = False,
) -> AskJudgement:
    """Judge a question the candidate asks ``interviewer_id`` at ``stage`` (module docstring).

    ``profile`` supplies the job's terms for ``prepared``; ``bank`` the reference questions for
    ``right_person`` when no topic is clear (without it that check passes). Unknown interviewer
    ids raise ``NotFoundError``. An empty question fails every check and scores 0.
    """
    who = interviewer(interviewer_id)
    checks = (
        _prepared(text, profile),
        _specific(text),
        _right_person(text, who.id, bank),
        _right_time(text, who.id, stage, asked_about_pay),
    )
    score = 25 * sum(c.ok for c in checks)
    verdict: AskVerdict = "good" if score >= 75 else "okay" if score >= 50 else "poor"
    if not checks[3].ok:
        verdict = "poor"
    return AskJudgement(text, who.id, stage, score, verdict, checks)


def _spans(text: str, stems: set[str]) -> tuple[Evidence, ...]:
    return tuple(
        Evidence(m.start(), m.end(), m.group())
        for m in re.finditer(r"[A-Za-z][A-Za-z'’-]*", text)
        if stem(m.group()) in stems
    )


def _profile_stems(profile: JobProfile) -> set[str]:
    items = (
        profile.title,
        *profile.must_have,
        *profile.nice_to_have,
        *profile.responsibilities,
        *profile.skills,
    )
    return {s for item in items for s in content_words(item)} - _GENERIC


def _prepared(text: str, profile: JobProfile | None) -> AskCheck:
    cue = find(_RESEARCH_CUE, text)
    used = _spans(text, _profile_stems(profile)) if profile is not None else ()
    if used:
        words = ", ".join(dict.fromkeys(e.text for e in used))
        return AskCheck("prepared", True, f"Refers to this job: {words}.", used)
    if cue:
        return AskCheck("prepared", True, "Builds on something you read or heard.", cue)
    return AskCheck(
        "prepared",
        False,
        "Could be asked about any job; tie it to something in the posting or the conversation.",
    )


def _specific(text: str) -> AskCheck:
    concrete = {s for s in content_words(text) if s not in _GENERIC}
    if len(concrete) >= 2:
        return AskCheck(
            "specific",
            True,
            "Has a concrete angle the interviewer can answer.",
            _spans(text, concrete),
        )
    return AskCheck(
        "specific",
        False,
        "Generic: add the angle you care about (a project, a number, a time frame).",
        (Evidence(0, len(text), text),) if text else (),
    )


def _right_person(text: str, who: InterviewerId, bank: QuestionBank | None) -> AskCheck:
    for topic, pattern, best, name in _TOPICS:
        hits = find(pattern, text)
        if not hits:
            continue
        if who in best:
            return AskCheck("right_person", True, f"A {topic} question suits them.", hits)
        return AskCheck(
            "right_person", False, f"A {topic} question; {name} can answer it better.", hits
        )
    if bank is None or not bank.candidate_questions:
        return AskCheck("right_person", True, "No topic that belongs to someone else.")
    scored = [(lexical_overlap(c.text, text), c) for c in bank.candidate_questions]
    top, top_question = max(scored, key=lambda p: p[0].score)
    mine = max((o.score for o, c in scored if who in c.interviewers), default=0.0)
    if top.score < 0.34 or mine >= 0.8 * top.score:
        return AskCheck(
            "right_person", True, "Fits what this interviewer can answer.", top.evidence
        )
    names = " or ".join(interviewer(i).name for i in top_question.interviewers[:2])
    return AskCheck(
        "right_person", False, f"Closest to a question for {names}: ask them instead.", top.evidence
    )


def _right_time(text: str, who: InterviewerId, stage: Stage, asked_about_pay: bool) -> AskCheck:
    terms = own_terms(text) or phrase_use(text, PREMATURE_TERMS_RE).evidence
    if not terms:
        return AskCheck("right_time", True, "Nothing in it needs to wait for the offer.")
    if may_raise_terms(stage, who, asked_about_pay=asked_about_pay):
        return AskCheck("right_time", True, "Terms are fair to discuss now.", terms)
    if who == "external-recruiter" and pay_question(text):
        return AskCheck(
            "right_time", True, "An agency recruiter can tell you the approved range early.", terms
        )
    return AskCheck(
        "right_time",
        False,
        "Pay, benefits, time off and schedule wait for the offer stage (3).",
        terms,
    )

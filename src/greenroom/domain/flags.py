"""The rules that raise flags on an answer: each names its threshold and quotes its evidence.

A rule sees the analysis, the interviewer and the stage, because the same words can be fine with
one interviewer and a mistake with another (a pay range given when a recruiter asks for it, versus
a salary figure volunteered to the hiring manager in the first round).
"""

from __future__ import annotations

from collections.abc import Callable

from greenroom.domain import thresholds as th
from greenroom.domain.analysis import AnswerAnalysis
from greenroom.domain.interviewers import InterviewerType
from greenroom.domain.loop import may_raise_terms, pay_question
from greenroom.domain.models import Evidence, Flag, FlagId, Severity, Stage
from greenroom.domain.relevance import is_open_question
from greenroom.text.tokens import sentence_of, sentences

Rule = Callable[[AnswerAnalysis, InterviewerType, Stage], Flag | None]

_STORY_KINDS = frozenset({"behavioural"})
_CONTENT_KINDS = frozenset({"behavioural", "situational", "motivation", "technical-general"})


def _flag(
    flag_id: FlagId, severity: Severity, explanation: str, rule: str, evidence: tuple[Evidence, ...]
) -> Flag:
    return Flag(flag_id, severity, explanation, rule, evidence)


def _in_sentences(
    a: AnswerAnalysis, spans: tuple[Evidence, ...], limit: int = 3
) -> tuple[Evidence, ...]:
    """The sentences holding ``spans``, in order and without repeats."""
    out: list[Evidence] = []
    for span in spans:
        sentence = sentence_of(a.answer, span)
        if sentence not in out:
            out.append(sentence)
    return tuple(out[:limit])


def _opening(a: AnswerAnalysis, n: int = 1) -> tuple[Evidence, ...]:
    return sentences(a.answer)[:n]


def off_topic(a: AnswerAnalysis, who: InterviewerType, stage: Stage) -> Flag | None:
    if a.kind in ("small-talk", "closing") or a.words < 5 or is_open_question(a.question):
        return None
    if a.best_sentence is None or a.best_sentence >= th.OFF_TOPIC_SENTENCE.value:
        return None  # the whole answer or one of its sentences is close enough to the question
    high = a.best_sentence < th.OFF_TOPIC_SENTENCE_HIGH.value
    return _flag(
        "off_topic",
        "high" if high else "medium",
        f"The answer drifts from the question: no sentence of it is close in meaning "
        f"(best {a.best_sentence:.2f}, whole answer {a.semantic:.2f}) and it reuses "
        f"{a.lexical.score:.0%} of the question's words.",
        f"whole-answer similarity < {th.OFF_TOPIC_SEMANTIC.value}, word overlap < "
        f"{th.OFF_TOPIC_LEXICAL.value:.0%} and best sentence similarity < "
        f"{th.OFF_TOPIC_SENTENCE.value}",
        _opening(a, 2),
    )


def no_example(a: AnswerAnalysis, who: InterviewerType, stage: Stage) -> Flag | None:
    if a.kind not in _STORY_KINDS or a.story or a.words < 8:
        return None
    return _flag(
        "no_example",
        "high" if a.words >= 40 else "medium",
        "The question asks for a real past example, and the answer gives none.",
        "behavioural question without a past-tense first-person story",
        _opening(a, 2),
    )


def vague(a: AnswerAnalysis, who: InterviewerType, stage: Stage) -> Flag | None:
    if a.kind not in _CONTENT_KINDS or a.words < th.VAGUE_MIN_WORDS.value:
        return None
    if a.specificity.per_100_words >= th.VAGUE_SPECIFICITY.value:
        return None
    return _flag(
        "vague",
        "medium",
        f"Few concrete details ({a.specificity.per_100_words:.1f} per 100 words): no numbers, "
        "names or specifics a listener could check.",
        f"concrete details per 100 words < {th.VAGUE_SPECIFICITY.value}",
        _opening(a, 2),
    )


def lacks_result(a: AnswerAnalysis, who: InterviewerType, stage: Stage) -> Flag | None:
    if not (a.kind in _STORY_KINDS or a.story) or not a.star.action:
        return None
    if a.star.result or a.results:
        return None
    return _flag(
        "lacks_result",
        "medium",
        "The story stops at what was done: it never says how it turned out.",
        "actions found, no result sentence",
        a.star.action[-1:],
    )


def _phrase_rule(flag_id: FlagId, attr: str, severity: Severity, explanation: str) -> Rule:
    def rule(a: AnswerAnalysis, who: InterviewerType, stage: Stage) -> Flag | None:
        use = getattr(a, attr)
        if use.count == 0:
            return None
        return _flag(
            flag_id, severity, explanation, f"phrase list '{attr}'", _in_sentences(a, use.evidence)
        )

    rule.__name__ = flag_id
    return rule


negative_about_others = _phrase_rule(
    "negative_about_others",
    "negative",
    "high",
    "Speaks badly of former colleagues or employers; every interviewer wonders what you will "
    "say about them.",
)
blame_shifting = _phrase_rule(
    "blame_shifting",
    "blame",
    "high",
    "Puts the cause of a problem on others instead of owning a part of it.",
)
arrogance = _phrase_rule(
    "arrogance", "arrogance", "high", "Claims superiority over others rather than showing results."
)


def oversharing(a: AnswerAnalysis, who: InterviewerType, stage: Stage) -> Flag | None:
    topics = {e.text.lower() for e in a.oversharing.evidence}
    if not topics:
        return None
    return _flag(
        "oversharing",
        "high" if len(topics) >= 2 else "medium",
        "Brings personal matters into the interview that the interviewer did not ask about"
        + (" (several of them)." if len(topics) >= 2 else "."),
        "phrase list 'oversharing'; high severity with two or more different topics",
        _in_sentences(a, a.oversharing.evidence),
    )


unprepared = _phrase_rule(
    "unprepared",
    "unprepared",
    "high",
    "Shows the company or the role was not researched before the interview.",
)


def cliche(a: AnswerAnalysis, who: InterviewerType, stage: Stage) -> Flag | None:
    if a.cliches.count == 0:
        return None
    unsupported = not a.story and a.specificity.per_100_words < th.VAGUE_SPECIFICITY.value * 2
    severity: Severity = (
        "medium" if unsupported and a.cliches.count >= th.CLICHE_MEDIUM.value else "low"
    )
    return _flag(
        "cliche",
        severity,
        "Stock phrases every candidate uses; on their own they prove nothing.",
        f"{a.cliches.count} stock phrase(s)"
        + (", without an example to back them" if unsupported else ""),
        a.cliches.evidence[:3],
    )


def premature_terms(a: AnswerAnalysis, who: InterviewerType, stage: Stage) -> Flag | None:
    spans = a.terms
    if not spans or stage >= Stage.OFFER:
        return None
    asked = pay_question(a.question)
    if a.kind == "screening" or may_raise_terms(stage, who.id, asked_about_pay=asked):
        # Answering a logistics or pay question is not raising the subject oneself.
        return None
    recruiter = who.id in ("internal-recruiter", "external-recruiter")
    return _flag(
        "premature_terms",
        "medium" if recruiter else "high",
        "Raises pay, benefits, time off or other terms before there is an offer; keep them "
        "for after the offer.",
        "terms mentioned without being asked, before stage 3 (offer)",
        _in_sentences(a, spans),
    )


def self_centered_motivation(a: AnswerAnalysis, who: InterviewerType, stage: Stage) -> Flag | None:
    spans = a.motivation.self_centered
    if not spans:
        return None
    return _flag(
        "self_centered_motivation",
        "high" if a.kind == "motivation" else "medium",
        "Gives reasons that serve only the candidate (money, convenience, a line on the CV) "
        "rather than what the candidate brings to them.",
        "phrase list 'self_centered'",
        _in_sentences(a, spans),
    )


def no_interest(a: AnswerAnalysis, who: InterviewerType, stage: Stage) -> Flag | None:
    spans = a.motivation.no_interest
    if spans:
        return _flag(
            "no_interest",
            "high",
            "Sounds indifferent to this job or company.",
            "phrase list 'no_interest'",
            _in_sentences(a, spans),
        )
    if a.kind == "closing" and not a.questions_asked and a.words < 60:
        return _flag(
            "no_interest",
            "medium",
            "Asked for questions, the candidate asks none: it reads as little interest.",
            "closing question answered without a question",
            _opening(a),
        )
    return None


def low_commitment(a: AnswerAnalysis, who: InterviewerType, stage: Stage) -> Flag | None:
    spans = a.motivation.low_commitment
    if not spans:
        return None
    return _flag(
        "low_commitment",
        "high",
        "Suggests the candidate may not stay long, the worry behind most hiring decisions.",
        "phrase list 'low_commitment'",
        _in_sentences(a, spans),
    )


def evasive(a: AnswerAnalysis, who: InterviewerType, stage: Stage) -> Flag | None:
    asked_pay = pay_question(a.question)
    recruiter = who.id in ("internal-recruiter", "external-recruiter")
    if asked_pay and recruiter and not a.money and not a.ranges:
        return _flag(
            "evasive",
            "low",
            "The recruiter asked for a figure and got none; a researched range keeps you in "
            "the running.",
            "recruiter pay question answered without a figure or range",
            _opening(a),
        )
    if a.evasive.count == 0 or a.words > th.EVASIVE_MAX_WORDS.value or a.story:
        return None
    return _flag(
        "evasive",
        "medium",
        "Sidesteps the question instead of answering it.",
        f"evasive phrase in an answer under {th.EVASIVE_MAX_WORDS.value:.0f} words",
        _in_sentences(a, a.evasive.evidence),
    )


def too_short(a: AnswerAnalysis, who: InterviewerType, stage: Stage) -> Flag | None:
    minimum = th.MIN_WORDS[a.kind]
    if a.words >= minimum:
        return None
    return _flag(
        "too_short",
        "high" if a.words < minimum / 2 else "medium",
        f"{a.words} words is too brief for this kind of question ({a.kind}); it leaves the "
        "interviewer nothing to judge.",
        f"words < {minimum} for a {a.kind} question",
        _opening(a),
    )


def too_long(a: AnswerAnalysis, who: InterviewerType, stage: Stage) -> Flag | None:
    limit = min(who.answer_words[1] * th.TOO_LONG_FACTOR.value, th.TOO_LONG_ABSOLUTE.value)
    if a.kind in ("screening", "small-talk", "closing"):
        limit = min(limit, who.answer_words[1])
    if a.words <= limit:
        return None
    return _flag(
        "too_long",
        "medium" if a.words > limit * 1.5 else "low",
        f"{a.words} words (about {a.length.speaking_s / 60:.1f} minutes spoken) loses the "
        "listener; make the point and stop.",
        f"words > {limit:.0f} for {who.name}",
        sentences(a.answer)[-1:],
    )


def filler_heavy(a: AnswerAnalysis, who: InterviewerType, stage: Stage) -> Flag | None:
    rate = a.fillers.per_100_words
    if rate < th.FILLER_HEAVY.value or a.fillers.count < 3:
        return None
    return _flag(
        "filler_heavy",
        "high" if rate >= th.FILLER_VERY_HEAVY.value else "medium",
        f"{a.fillers.count} fillers ({rate:.1f} per 100 words) make the answer sound unsure.",
        f"fillers per 100 words >= {th.FILLER_HEAVY.value}",
        a.fillers.evidence[:6],
    )


def hedging(a: AnswerAnalysis, who: InterviewerType, stage: Stage) -> Flag | None:
    rate = a.hedges.per_100_words
    if rate < th.HEDGING.value or a.hedges.count < th.HEDGING_MIN_COUNT.value:
        return None
    return _flag(
        "hedging",
        "medium" if rate >= th.HEDGING.value * 2 else "low",
        f"{a.hedges.count} hedges ({rate:.1f} per 100 words) undercut the claims.",
        f"hedges per 100 words >= {th.HEDGING.value} and at least {th.HEDGING_MIN_COUNT.value:.0f}",
        a.hedges.evidence[:5],
    )


RULES: tuple[Rule, ...] = (
    off_topic,
    no_example,
    vague,
    lacks_result,
    negative_about_others,
    blame_shifting,
    cliche,
    arrogance,
    oversharing,
    premature_terms,
    self_centered_motivation,
    no_interest,
    low_commitment,
    unprepared,
    evasive,
    too_short,
    too_long,
    filler_heavy,
    hedging,
)


def detect_flags(a: AnswerAnalysis, who: InterviewerType, stage: Stage) -> tuple[Flag, ...]:
    """Every flag the rules raise on this answer, in the order of :data:`RULES`."""
    return tuple(flag for rule in RULES if (flag := rule(a, who, stage)) is not None)

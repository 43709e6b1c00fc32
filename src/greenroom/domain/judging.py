"""An interviewer's judgement of an answer: criterion scores, overall score, verdict, the reasons
that decided it, what would flip it, and tips.

The verdict compares the overall score with the interviewer's bar; a high-severity flag that this
interviewer screens hardest for caps the verdict at ``lean_no``, and two high-severity flags give
``no``. "What would flip it" is computed, not written: the score is recomputed without each
problem (or with each missing strength added) and the changes that move the verdict are reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from greenroom.domain import thresholds as th
from greenroom.domain.analysis import AnswerAnalysis, analyze, signals
from greenroom.domain.criteria import criterion as criterion_info
from greenroom.domain.delivery import (
    DELIVERY_ADVICE,
    SpokenDelivery,
    delivery_contributions,
    delivery_tips,
    spoken_delivery,
)
from greenroom.domain.feedback import CRITERION_TIPS, FLAG_TIPS, MISSING_STRENGTHS
from greenroom.domain.flags import detect_flags
from greenroom.domain.interviewers import InterviewerType
from greenroom.domain.interviewers import interviewer as interviewer_info
from greenroom.domain.loop import parse_stage
from greenroom.domain.models import (
    CRITERION_IDS,
    CriterionId,
    CriterionScore,
    Evidence,
    Flag,
    Judgement,
    Reason,
    Stage,
    Verdict,
)
from greenroom.domain.ports import Embedder
from greenroom.domain.question_kinds import AnswerKind
from greenroom.domain.scoring import (
    BASE,
    Contribution,
    criterion_scores,
    flag_contributions,
    informed_weights,
    overall,
    signal_contributions,
    weights,
)
from greenroom.errors import InputError
from greenroom.speech.asr import TimedTranscript
from greenroom.speech.delivery import Delivery
from greenroom.text.language import check_answer_text

_VERDICT_RANK: dict[Verdict, int] = {"no": 0, "lean_no": 1, "lean_advance": 2, "advance": 3}


def verdict_for(score: float, bar: int, flags: Iterable[Flag], who: InterviewerType) -> Verdict:
    """The verdict a score earns against the bar, capped by severe flags."""
    if score >= bar + th.ADVANCE_MARGIN.value:
        verdict: Verdict = "advance"
    elif score >= bar:
        verdict = "lean_advance"
    elif score >= bar - th.LEAN_NO_MARGIN.value:
        verdict = "lean_no"
    else:
        verdict = "no"
    severe = [f for f in flags if f.severity == "high"]
    if len(severe) >= 2:
        return "no"
    if any(f.id in who.red_flags for f in severe) and _VERDICT_RANK[verdict] > 1:
        return "lean_no"
    return verdict


def _score(
    contributions: Sequence[Contribution], base_weights: dict[CriterionId, float]
) -> tuple[dict[CriterionId, float], float]:
    """Criterion scores and the overall score, weighting what the contributions inform."""
    scores = criterion_scores(contributions)
    return scores, overall(scores, informed_weights(base_weights, contributions))


def judge_analysis(
    a: AnswerAnalysis,
    who: InterviewerType,
    stage: Stage,
    *,
    probed: Sequence[CriterionId] = (),
    delivery: SpokenDelivery | None = None,
) -> Judgement:
    """Judge an analysed answer the way ``who`` judges at ``stage``.

    With ``delivery`` (a spoken answer whose text is ``a.answer``) how it was said adds its
    contributions; without it the judgement is the text judgement.
    """
    flags = detect_flags(a, who, stage)
    positives = signal_contributions(a, who)
    negatives = flag_contributions(flags, who)
    contributions = positives + negatives
    if delivery is not None:
        contributions += delivery_contributions(delivery, who, flags)
    base_weights = weights(who, a.kind, probed)
    w = informed_weights(base_weights, contributions)
    scores, total = _score(contributions, base_weights)
    verdict = verdict_for(total, who.bar, flags, who)
    return Judgement(
        interviewer=who.id,
        stage=stage,
        question=a.question,
        answer=a.answer,
        overall=round(total),
        verdict=verdict,
        criteria=tuple(_criterion_score(c, scores[c], contributions) for c in CRITERION_IDS),
        flags=flags,
        reasons=_reasons(contributions, w, verdict, who),
        flip=_flip(a, who, flags, contributions, base_weights, verdict),
        tips=_tips(flags, scores, w, contributions if delivery is not None else ()),
        signals=signals(a),
    )


def judge_answer(
    question: str,
    answer: str,
    *,
    interviewer: str | InterviewerType,
    stage: int | Stage = Stage.INTERVIEW,
    job: str | None = None,
    embedder: Embedder,
    kind: AnswerKind | None = None,
    probed: Sequence[CriterionId] = (),
    max_words: int = 5000,
    delivery: SpokenDelivery | None = None,
) -> Judgement:
    """Analyse and judge one answer.

    Unknown interviewer ids and stages raise project errors; an empty, binary, non-English or
    over-long answer raises :class:`InputError` with a one-line reason. ``delivery`` must be
    the delivery of this very ``answer`` (its ``text``), see :func:`judge_spoken_answer`.
    """
    who = interviewer if isinstance(interviewer, InterviewerType) else interviewer_info(interviewer)
    stage_ = parse_stage(stage)
    if not question.strip():
        raise InputError("the question is empty")
    if delivery is not None and delivery.text != answer:
        raise InputError("the delivery belongs to a different answer text")
    check = check_answer_text(answer, max_words=max_words)
    if not check.ok:
        raise InputError(check.problem)
    a = analyze(question, answer, embedder=embedder, job=job, kind=kind)
    return judge_analysis(a, who, stage_, probed=probed, delivery=delivery)


NO_SPEECH = "no speech was heard in the recording"


def judge_spoken_answer(
    question: str,
    transcript: TimedTranscript,
    delivery: Delivery,
    *,
    interviewer: str | InterviewerType,
    stage: int | Stage = Stage.INTERVIEW,
    job: str | None = None,
    embedder: Embedder,
    kind: AnswerKind | None = None,
    probed: Sequence[CriterionId] = (),
    max_words: int = 5000,
) -> Judgement:
    """Judge a recorded answer on its words and on how it was said.

    The judged text is the timed words joined by single spaces (``Judgement.answer``), so
    evidence offsets point into it. No words raise :class:`InputError` ("no speech was heard
    in the recording"); otherwise the same errors as :func:`judge_answer`.
    """
    spoken = spoken_delivery(transcript.words, delivery)
    if not spoken.words:
        raise InputError(NO_SPEECH)
    return judge_answer(
        question,
        spoken.text,
        interviewer=interviewer,
        stage=stage,
        job=job,
        embedder=embedder,
        kind=kind,
        probed=probed,
        max_words=max_words,
        delivery=spoken,
    )


def _criterion_score(
    c: CriterionId, score: float, contributions: Sequence[Contribution]
) -> CriterionScore:
    mine = [x for x in contributions if x.criterion == c]
    parts = [f"base {BASE[c]}"] + [f"{x.points:+.0f} {x.label}" for x in mine]
    evidence: list[Evidence] = []
    for x in sorted(mine, key=lambda x: -abs(x.points)):
        for e in x.evidence:
            if e not in evidence:
                evidence.append(e)
    weakest = min(mine, key=lambda x: x.points, default=None)
    tip = CRITERION_TIPS[c]
    if weakest is not None and weakest.points < 0 and weakest.source in FLAG_TIPS:
        tip = FLAG_TIPS[weakest.source]
    elif weakest is not None and weakest.points < 0 and weakest.source in DELIVERY_ADVICE:
        advice = DELIVERY_ADVICE[weakest.source]
        tip = advice[:1].upper() + advice[1:]
    return CriterionScore(c, round(score), "; ".join(parts), tip, tuple(evidence[:4]))


def _reasons(
    contributions: Sequence[Contribution],
    w: dict[CriterionId, float],
    verdict: Verdict,
    who: InterviewerType,
) -> tuple[Reason, ...]:
    """The 1-3 sources whose weighted effect on the overall score was largest in the verdict's
    direction (problems for a negative verdict, strengths for a positive one)."""
    effect: dict[str, float] = {}
    label: dict[str, str] = {}
    evidence: dict[str, tuple[Evidence, ...]] = {}
    for c in contributions:
        effect[c.source] = effect.get(c.source, 0.0) + c.points * w[c.criterion]
        label.setdefault(c.source, c.label)
        if not evidence.get(c.source):
            evidence[c.source] = c.evidence
    positive = _VERDICT_RANK[verdict] >= 2
    ranked = sorted(effect, key=lambda s: -effect[s] if positive else effect[s])
    chosen = [s for s in ranked if (effect[s] > 0) == positive][:3]
    if positive:
        worst = min(effect, key=lambda s: effect[s], default=None)
        if worst is not None and effect[worst] <= -3 and len(chosen) == 3:
            chosen[-1] = worst
    if not chosen:
        chosen = ranked[:1]
    reasons = []
    for s in chosen:
        sign = "+" if effect[s] > 0 else "-"
        red = " (a red flag for " + who.name + ")" if s in who.red_flags else ""
        text = f"{sign}{abs(effect[s]):.0f} points: {label[s]}{red}"
        reasons.append(Reason(text, evidence[s][:2]))
    return tuple(reasons)


def _flip(
    a: AnswerAnalysis,
    who: InterviewerType,
    flags: Sequence[Flag],
    contributions: Sequence[Contribution],
    w: dict[CriterionId, float],
    verdict: Verdict,
) -> tuple[str, ...]:
    """Changes that would move the verdict, each checked by recomputing the score."""
    out: list[str] = []
    if _VERDICT_RANK[verdict] < 3:
        for flag in flags:
            rest = [f for f in flags if f is not flag]
            kept = [c for c in contributions if c.source != flag.id]
            _, score = _score(kept, w)
            new = verdict_for(score, who.bar, rest, who)
            if _VERDICT_RANK[new] > _VERDICT_RANK[verdict]:
                out.append(
                    f"Fix {flag.id.replace('_', ' ')}: {FLAG_TIPS[flag.id]} -> {new} ({score:.0f})."
                )
        spoken: dict[str, str] = {}
        for c in contributions:
            if c.source in DELIVERY_ADVICE and c.points < 0:
                spoken.setdefault(c.source, c.label)
        for source, text in spoken.items():
            kept = [c for c in contributions if c.source != source]
            _, score = _score(kept, w)
            new = verdict_for(score, who.bar, flags, who)
            if _VERDICT_RANK[new] > _VERDICT_RANK[verdict]:
                out.append(
                    f"You {text}: {DELIVERY_ADVICE[source]} Without that: {new} ({score:.0f})."
                )
        present = {c.source for c in contributions}
        for source, (criterion, points, text) in MISSING_STRENGTHS.items():
            if source in present or (source == "signal:past_example" and a.kind != "behavioural"):
                continue
            added = [*contributions, Contribution(criterion, points, source, text)]
            _, score = _score(added, w)
            new = verdict_for(score, who.bar, flags, who)
            if _VERDICT_RANK[new] > _VERDICT_RANK[verdict]:
                out.append(f"{text} -> {new} ({score:.0f}).")
        if not out:
            score = _score(contributions, w)[1]
            target = who.bar + th.ADVANCE_MARGIN.value if score >= who.bar else who.bar
            out.append(
                f"No single change is enough: {target - score:.0f} more points are needed for "
                f"{'advance' if score >= who.bar else 'lean_advance'}; combine the tips below."
            )
    else:
        for flag_id in who.red_flags[:2]:
            hypothetical = Flag(flag_id, "high", "", "")
            added = [*contributions, *flag_contributions([hypothetical], who)]
            _, score = _score(added, w)
            new = verdict_for(score, who.bar, [*flags, hypothetical], who)
            if _VERDICT_RANK[new] < _VERDICT_RANK[verdict]:
                out.append(
                    f"It would drop to {new} with {flag_id.replace('_', ' ')}, a red flag for "
                    f"{who.name}."
                )
    return tuple(out[:3])


def _tips(
    flags: Sequence[Flag],
    scores: dict[CriterionId, float],
    w: dict[CriterionId, float],
    spoken: Sequence[Contribution] = (),
) -> tuple[str, ...]:
    """Flag tips (severe first), then delivery tips where how it was said cost points (only
    when ``spoken`` holds a spoken answer's contributions), then the weakest weighty criterion's."""
    tips = [FLAG_TIPS[f.id] for f in sorted(flags, key=lambda f: f.severity != "high")]
    if spoken:
        effect: dict[str, float] = {}
        for c in spoken:
            effect[c.source] = effect.get(c.source, 0.0) + c.points * w[c.criterion]
        tips.extend(delivery_tips(spoken, effect))
    # The weakest criterion that matters for this question: weighty and below a pass.
    heavy = [c for c in CRITERION_IDS if w[c] >= 0.5 * max(w.values()) and scores[c] < 60]
    if heavy:
        weakest = min(heavy, key=lambda c: scores[c])
        tip = CRITERION_TIPS[weakest]
        if tip not in tips:
            tips.append(f"{criterion_info(weakest).name}: {tip}")
    seen: list[str] = []
    for t in tips:
        if t not in seen:
            seen.append(t)
    return tuple(seen[:4])

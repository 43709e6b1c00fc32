"""Runs the text metrics over one answer and returns a single :class:`AnswerAnalysis`.

The only impure step is the embedder call, which is passed in (a port), so the same function
serves the real MiniLM model and the deterministic stand-in used in unit tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from greenroom.domain import thresholds as th
from greenroom.domain.models import Evidence, Signal
from greenroom.domain.ports import Embedder
from greenroom.domain.question_kinds import AnswerKind, classify_question
from greenroom.domain.relevance import is_open_question, relevance, texts_to_embed
from greenroom.text import (
    ARROGANCE_RE,
    BLAME_RE,
    CLICHE_RE,
    EVASIVE_RE,
    OVERSHARING_RE,
    UNPREPARED_RE,
    FillerUse,
    HedgeUse,
    Length,
    Motivation,
    Overlap,
    Ownership,
    PhraseUse,
    PointFirst,
    Repetition,
    Specificity,
    StarParts,
    TermUse,
    fillers,
    hedges,
    job_terms,
    leads_with_point,
    length,
    lexical_overlap,
    motivation,
    negative_about_others,
    ownership,
    past_tense_story,
    phrase_use,
    quantified_results,
    repetition,
    specificity,
    star_count,
    star_parts,
    terms_used,
)
from greenroom.text.money import money_amounts, pay_ranges
from greenroom.text.terms import own_terms
from greenroom.text.tokens import sentences

__all__ = ["AnswerAnalysis", "analyze", "signals", "texts_to_embed"]


@dataclass(frozen=True, slots=True)
class AnswerAnalysis:
    """Everything measured about one answer; every field is derived from the text."""

    question: str
    answer: str
    kind: AnswerKind
    length: Length
    star: StarParts
    story: bool
    point_first: PointFirst
    specificity: Specificity
    results: tuple[Evidence, ...]
    ownership: Ownership
    lexical: Overlap
    semantic: float
    relevance_rank: float
    best_sentence: float | None
    job: TermUse | None
    motivation: Motivation
    fillers: FillerUse
    hedges: HedgeUse
    repetition: Repetition
    cliches: PhraseUse
    negative: PhraseUse
    blame: PhraseUse
    arrogance: PhraseUse
    oversharing: PhraseUse
    terms: tuple[Evidence, ...]
    unprepared: PhraseUse
    evasive: PhraseUse
    questions_asked: tuple[Evidence, ...]
    money: tuple[Evidence, ...]
    ranges: tuple[Evidence, ...]

    @property
    def words(self) -> int:
        return self.length.words


def analyze(
    question: str,
    answer: str,
    *,
    embedder: Embedder,
    job: str | None = None,
    kind: AnswerKind | None = None,
    job_terms_cache: Sequence[str] | None = None,
) -> AnswerAnalysis:
    """Measure one answer to one question. ``kind`` overrides the kind read from the wording."""
    lexical = lexical_overlap(question, answer)
    doubtful = (
        th.OFF_TOPIC_SEMANTIC.value
        if lexical.score < th.OFF_TOPIC_LEXICAL.value and not is_open_question(question)
        else 0.0
    )
    rel = relevance(embedder, question, answer, doubtful_below=doubtful)
    terms = tuple(job_terms_cache) if job_terms_cache is not None else None
    if terms is None and job:
        terms = job_terms(job)
    return AnswerAnalysis(
        question=question,
        answer=answer,
        kind=kind or classify_question(question),
        length=length(answer),
        star=star_parts(answer),
        story=past_tense_story(answer),
        point_first=leads_with_point(answer),
        specificity=specificity(answer),
        results=quantified_results(answer),
        ownership=ownership(answer),
        lexical=lexical,
        semantic=rel.similarity,
        relevance_rank=rel.rank,
        best_sentence=rel.best_sentence,
        job=terms_used(answer, terms) if terms else None,
        motivation=motivation(answer),
        fillers=fillers(answer),
        hedges=hedges(answer),
        repetition=repetition(answer),
        cliches=phrase_use(answer, CLICHE_RE),
        negative=negative_about_others(answer),
        blame=phrase_use(answer, BLAME_RE),
        arrogance=phrase_use(answer, ARROGANCE_RE),
        oversharing=phrase_use(answer, OVERSHARING_RE),
        terms=own_terms(answer),
        unprepared=phrase_use(answer, UNPREPARED_RE),
        evasive=phrase_use(answer, EVASIVE_RE),
        questions_asked=tuple(s for s in sentences(answer) if s.text.rstrip().endswith("?")),
        money=money_amounts(answer),
        ranges=pay_ranges(answer),
    )


def signals(a: AnswerAnalysis) -> tuple[Signal, ...]:
    """The measured signals of an answer, each with its unit and evidence."""
    star = a.star
    parts = [
        name
        for name, spans in (
            ("situation", star.situation),
            ("task", star.task),
            ("action", star.action),
            ("result", star.result),
        )
        if spans
    ]
    star_evidence = star.situation + star.task + star.action + star.result
    own = a.ownership
    out = [
        Signal("words", a.length.words, "words", f"{a.length.sentences} sentences"),
        Signal(
            "speaking_time",
            round(a.length.speaking_s, 1),
            "seconds",
            "estimated at 150 words per minute",
        ),
        Signal(
            "star_parts",
            star_count(star),
            "parts of 4",
            "found: " + (", ".join(parts) if parts else "none"),
            _sorted(star_evidence),
        ),
        Signal(
            "past_example",
            1.0 if a.story else 0.0,
            "yes/no",
            "tells a concrete past example" if a.story else "no concrete past example",
            star.action[:2],
        ),
        Signal(
            "leads_with_point",
            1.0 if a.point_first.leads else 0.0,
            "yes/no",
            a.point_first.reason,
            (a.point_first.first_sentence,) if a.point_first.first_sentence else (),
        ),
        Signal(
            "specificity",
            round(a.specificity.per_100_words, 1),
            "concrete details per 100 words",
            f"{len(a.specificity.numbers)} numbers, {len(a.specificity.names)} names, "
            f"{len(a.specificity.concrete)} concrete details",
            _sorted(a.specificity.numbers + a.specificity.names + a.specificity.concrete)[:8],
        ),
        Signal(
            "quantified_results",
            len(a.results),
            "sentences",
            "results stated with a number" if a.results else "no result stated with a number",
            a.results,
        ),
        Signal(
            "ownership_i_share",
            round(own.i_share, 2) if own.i_share is not None else -1.0,
            "share of I among I+we (-1: neither)",
            f"{own.i_count} I, {own.we_count} we",
            (own.i_evidence[:3] + own.we_evidence[:3]),
        ),
        Signal(
            "relevance_semantic",
            round(a.semantic, 3),
            "cosine similarity",
            "MiniLM embedding of question vs answer",
        ),
        Signal(
            "relevance_rank",
            round(a.relevance_rank, 2),
            "share of other questions less related",
            "the asked question against 30 other interview questions",
        ),
        Signal(
            "relevance_lexical",
            round(a.lexical.score, 2),
            "share of question words",
            "shared: " + ", ".join(a.lexical.shared[:8]) if a.lexical.shared else "none shared",
            a.lexical.evidence[:6],
        ),
    ]
    if a.job is not None:
        out.append(
            Signal(
                "job_terms",
                round(a.job.share, 2),
                "share of job terms used",
                "used: " + (", ".join(a.job.used[:8]) or "none"),
                a.job.evidence[:6],
            )
        )
    m = a.motivation
    out += [
        Signal("enthusiasm", len(m.enthusiasm), "phrases", "signs of interest", m.enthusiasm[:4]),
        Signal(
            "employer_focus",
            len(m.employer_focus),
            "phrases",
            "talks about what they need",
            m.employer_focus[:4],
        ),
        Signal(
            "fillers",
            round(a.fillers.per_100_words, 1),
            "fillers per 100 words",
            f"{a.fillers.count} fillers",
            a.fillers.evidence[:8],
        ),
        Signal(
            "hedges",
            round(a.hedges.per_100_words, 1),
            "hedges per 100 words",
            f"{a.hedges.count} hedges",
            a.hedges.evidence[:6],
        ),
        Signal(
            "repetition",
            round(a.repetition.repeated_share, 2),
            "share of words in repeated phrases",
            f"unique word ratio {a.repetition.unique_word_ratio:.2f}",
            a.repetition.evidence[:4],
        ),
    ]
    return tuple(out)


def _sorted(spans: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    seen: dict[tuple[int, int], Evidence] = {}
    for span in spans:
        seen.setdefault((span.start, span.end), span)
    return tuple(sorted(seen.values(), key=lambda e: (e.start, e.end)))

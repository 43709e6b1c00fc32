"""Every metric quotes its evidence verbatim and accepts any text, the empty string included."""

from collections.abc import Callable, Iterator

import pytest

from greenroom.domain.models import Evidence
from greenroom.text import (
    ARROGANCE_RE,
    BLAME_RE,
    CLICHE_RE,
    EMPLOYER_FOCUS_RE,
    ENTHUSIASM_RE,
    EVASIVE_RE,
    LOW_COMMITMENT_RE,
    NO_INTEREST_RE,
    OVERSHARING_RE,
    PREMATURE_TERMS_RE,
    SELF_CENTERED_RE,
    UNPREPARED_RE,
    binary_share,
    check_answer_text,
    english_share,
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
    star_parts,
    terms_used,
)

from .samples import SAMPLES, STORY

PATTERNS = (
    ARROGANCE_RE,
    BLAME_RE,
    CLICHE_RE,
    EMPLOYER_FOCUS_RE,
    ENTHUSIASM_RE,
    EVASIVE_RE,
    LOW_COMMITMENT_RE,
    NO_INTEREST_RE,
    OVERSHARING_RE,
    PREMATURE_TERMS_RE,
    SELF_CENTERED_RE,
    UNPREPARED_RE,
)


def _evidence(value: object) -> Iterator[Evidence]:
    """Every Evidence inside a result, however deeply it is nested in records and tuples."""
    if isinstance(value, Evidence):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _evidence(item)
    elif hasattr(value, "__slots__"):
        for name in value.__slots__:
            yield from _evidence(getattr(value, name))


METRICS: dict[str, Callable[[str], object]] = {
    "fillers": fillers,
    "hedges": hedges,
    "length": length,
    "star_parts": star_parts,
    "past_tense_story": past_tense_story,
    "leads_with_point": leads_with_point,
    "specificity": specificity,
    "quantified_results": quantified_results,
    "ownership": ownership,
    "repetition": repetition,
    "motivation": motivation,
    "negative_about_others": negative_about_others,
    "english_share": english_share,
    "binary_share": binary_share,
    "check_answer_text": check_answer_text,
    "job_terms": job_terms,
    "overlap_as_answer": lambda text: lexical_overlap(STORY, text),
    "overlap_as_question": lambda text: lexical_overlap(text, STORY),
    "terms_used": lambda text: terms_used(text, job_terms(STORY)),
    "phrase_use": lambda text: tuple(phrase_use(text, p) for p in PATTERNS),
}


# lexical_overlap quotes the answer, which is STORY when the sample is the question.
QUOTES_FROM = {"overlap_as_question": STORY}


@pytest.mark.parametrize("metric", sorted(METRICS))
@pytest.mark.parametrize("text", SAMPLES)
def test_every_evidence_span_quotes_the_text_it_points_at(metric: str, text: str) -> None:
    quoted = QUOTES_FROM.get(metric, text)
    for span in _evidence(METRICS[metric](text)):
        assert 0 <= span.start <= span.end <= len(quoted)
        assert quoted[span.start : span.end] == span.text


@pytest.mark.parametrize("metric", sorted(METRICS))
def test_every_metric_accepts_the_empty_string(metric: str) -> None:
    result = METRICS[metric]("")
    assert metric in QUOTES_FROM or not list(_evidence(result))


def test_the_evidence_walker_finds_nested_spans() -> None:
    assert len(list(_evidence(star_parts(STORY)))) >= 4

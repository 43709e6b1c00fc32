"""Text features of a candidate's whole interview (made-up answers)."""

from __future__ import annotations

import pytest

from greenroom.domain.models import Exchange
from greenroom.evaluation.features import FEATURE_NAMES, candidate_features


def test_every_named_feature_is_computed() -> None:
    features = candidate_features((Exchange("Why us?", "I like your product."),))
    assert tuple(features) == FEATURE_NAMES


def test_an_interview_without_answers_gives_defined_values() -> None:
    features = candidate_features(())
    assert features["total_words"] == 0.0
    assert features["i_share"] == 0.5
    assert features["short_answer_share"] == 0.0


def test_vocal_and_verbal_fillers_are_counted_per_100_words() -> None:
    answer = "Uhm so I was like running it and ah you know it worked out in the end ok"
    features = candidate_features((Exchange("", answer),))
    words = len(answer.split())
    assert features["vocal_fillers_per_100"] == pytest.approx(200 / words)
    assert features["verbal_fillers_per_100"] == pytest.approx(200 / words)


def test_like_as_a_verb_is_not_a_filler() -> None:
    features = candidate_features((Exchange("", "I like data and we like maps"),))
    assert features["verbal_fillers_per_100"] == 0.0


def test_i_share_compares_i_with_we() -> None:
    features = candidate_features((Exchange("", "I built it and we shipped it, my team and I."),))
    assert features["i_share"] == pytest.approx(3 / 4)


def test_short_answers_and_candidate_questions_are_counted() -> None:
    found = (
        Exchange("Q1", "Yes."),
        Exchange("Q2", " ".join(["word"] * 25) + ". What does the team do?"),
    )
    features = candidate_features(found)
    assert features["short_answer_share"] == 0.5
    assert features["candidate_questions"] == 1.0
    assert features["answers"] == 2.0

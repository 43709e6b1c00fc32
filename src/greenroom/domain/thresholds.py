"""Every number the judging rules compare against, with where it comes from.

Each :class:`Threshold` names a section of ``docs/judging.md`` that explains its source: a
published finding, a widely used convention, or a measurement on the project's own labelled
answers or on the calibration half of the rated interviews. The docs guard test checks that every
threshold here appears in that file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final


@dataclass(frozen=True, slots=True)
class Threshold:
    name: str
    value: float
    unit: str
    source: str  # the docs/judging.md section that justifies the value


def _t(name: str, value: float, unit: str, source: str) -> Threshold:
    return Threshold(name, value, unit, source)


SPEAKING_RATE = _t("speaking_rate", 150.0, "words per minute", "speaking-rate")
FILLER_HEAVY = _t("filler_heavy", 5.0, "fillers per 100 words", "fillers")
FILLER_VERY_HEAVY = _t("filler_very_heavy", 10.0, "fillers per 100 words", "fillers")
HEDGING = _t("hedging", 3.0, "hedges per 100 words", "hedging")
HEDGING_MIN_COUNT = _t("hedging_min_count", 3.0, "hedges", "hedging")
OFF_TOPIC_SEMANTIC = _t("off_topic_semantic", 0.30, "cosine similarity", "relevance")
OFF_TOPIC_SENTENCE = _t("off_topic_sentence", 0.17, "cosine similarity", "relevance")
OFF_TOPIC_SENTENCE_HIGH = _t("off_topic_sentence_high", 0.08, "cosine similarity", "relevance")
OFF_TOPIC_LEXICAL = _t("off_topic_lexical", 0.34, "share of question words", "relevance")
RELEVANT_SEMANTIC = _t("relevant_semantic", 0.45, "cosine similarity", "relevance")
VAGUE_SPECIFICITY = _t("vague_specificity", 2.0, "concrete details per 100 words", "specificity")
VAGUE_MIN_WORDS = _t("vague_min_words", 20.0, "words", "specificity")
SPECIFIC_GOOD = _t("specific_good", 6.0, "concrete details per 100 words", "specificity")
TOO_LONG_FACTOR = _t(
    "too_long_factor", 1.5, "times the interviewer's comfortable maximum", "length"
)
TOO_LONG_ABSOLUTE = _t("too_long_absolute", 450.0, "words (about three minutes)", "length")
EVASIVE_MAX_WORDS = _t("evasive_max_words", 40.0, "words", "evasion")
CLICHE_MEDIUM = _t("cliche_medium", 2.0, "cliches without an example", "cliches")
I_SHARE_LOW = _t("i_share_low", 0.25, "share of I among I+we", "ownership")
I_SHARE_HIGH = _t("i_share_high", 0.95, "share of I among I+we", "ownership")
ADVANCE_MARGIN = _t("advance_margin", 12.0, "points above the interviewer's bar", "verdicts")
LEAN_NO_MARGIN = _t("lean_no_margin", 15.0, "points below the interviewer's bar", "verdicts")
PACE_SLOW = _t("pace_slow", 110.0, "words per minute, long pauses left out", "pace")
PACE_FAST = _t("pace_fast", 190.0, "words per minute, long pauses left out", "pace")
MONOTONE_ST = _t("monotone_st", 1.0, "semitones of pitch variation", "pitch")
LIVELY_ST = _t("lively_st", 2.1, "semitones of pitch variation", "pitch")
LONG_PAUSE = _t("long_pause", 2.0, "seconds of silence", "pauses")
DELIVERY_TIP_EFFECT = _t("delivery_tip_effect", 0.5, "points of the overall score", "delivery tips")

# Minimum words for an answer of each kind before `too_short` is raised.
MIN_WORDS: Final[Mapping[str, int]] = MappingProxyType(
    {
        "behavioural": 45,
        "situational": 35,
        "motivation": 30,
        "technical-general": 25,
        "screening": 4,
        "closing": 6,
        "small-talk": 1,
    }
)

ALL: tuple[Threshold, ...] = (
    SPEAKING_RATE,
    FILLER_HEAVY,
    FILLER_VERY_HEAVY,
    HEDGING,
    HEDGING_MIN_COUNT,
    OFF_TOPIC_SEMANTIC,
    OFF_TOPIC_SENTENCE,
    OFF_TOPIC_SENTENCE_HIGH,
    OFF_TOPIC_LEXICAL,
    RELEVANT_SEMANTIC,
    VAGUE_SPECIFICITY,
    VAGUE_MIN_WORDS,
    SPECIFIC_GOOD,
    TOO_LONG_FACTOR,
    TOO_LONG_ABSOLUTE,
    EVASIVE_MAX_WORDS,
    CLICHE_MEDIUM,
    I_SHARE_LOW,
    I_SHARE_HIGH,
    ADVANCE_MARGIN,
    LEAN_NO_MARGIN,
    PACE_SLOW,
    PACE_FAST,
    MONOTONE_ST,
    LIVELY_ST,
    LONG_PAUSE,
    DELIVERY_TIP_EFFECT,
)

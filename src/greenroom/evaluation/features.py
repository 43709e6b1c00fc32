"""Simple text features of a candidate's whole interview, for exploration and a baseline.

These are deliberately crude counts (no embedding, no judging) so the judge has a floor to
beat. Rates are per 100 candidate words; an interview without words gives 0.0 everywhere
except ``i_share`` (0.5, neutral).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from greenroom.domain.models import Exchange

FEATURE_NAMES: tuple[str, ...] = (
    "total_words",
    "mean_answer_words",
    "answers",
    "fillers_per_100",
    "vocal_fillers_per_100",
    "verbal_fillers_per_100",
    "hedges_per_100",
    "i_share",
    "unique_word_ratio",
    "msttr_50",
    "numbers_per_100",
    "result_words_per_100",
    "enthusiasm_per_100",
    "negative_per_100",
    "mean_sentence_words",
    "short_answer_share",
    "candidate_questions",
    "we_per_100",
    "i_per_100",
)

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)")
_VOCAL_FILLER = re.compile(r"\b(?:u+h*m+|u+h+|a+h+|e+r+m*|h+m+)\b", re.IGNORECASE)
_VERBAL_FILLER = re.compile(
    r"\b(?:you know|kinda|sort of)\b"
    r"|(?<!\bi )(?<!\bwe )(?<!\byou )(?<!\bthey )(?<!\bwould )(?<!\bi'd )(?<!\bdon't )"
    r"(?<!\bdidn't )(?<!\bto )(?<!\bfeel )(?<!\blooks )(?<!\bsomething )\blike\b",
    re.IGNORECASE,
)
_HEDGE = re.compile(r"\b(?:i think|i guess|maybe|probably|perhaps|i believe)\b", re.IGNORECASE)
_I_WORDS = frozenset({"i", "me", "my", "myself", "mine", "i'm", "i've", "i'd", "i'll", "im"})
_WE_WORDS = frozenset({"we", "us", "our", "ours", "ourselves", "we're", "we've", "we'd"})
_NUMBER = re.compile(
    r"\b(?:\d[\d,.]*%?|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty"
    r"|hundred|hundreds|thousand|thousands|million|percent)\b",
    re.IGNORECASE,
)
_RESULT = re.compile(
    r"\b(?:increas\w*|improv\w*|led|lead|organi[sz]\w*|achiev\w*|results?|resulted|managed"
    r"|launched|founded|started|built|created|won|reduced|saved|grew|raised|spearhead\w*)\b",
    re.IGNORECASE,
)
_ENTHUSIASM = re.compile(
    r"\b(?:excit\w*|love[sd]?|loving|passion\w*|interest(?:ed|ing)?|enjoy\w*|fascinat\w*"
    r"|eager|thrilled)\b",
    re.IGNORECASE,
)
_NEGATIVE = re.compile(
    r"\b(?:hate[sd]?|terrible|awful|annoying|boring|stupid|worst|bad|lazy|frustrat\w*"
    r"|unfortunately|failed|fail)\b",
    re.IGNORECASE,
)
SHORT_ANSWER_WORDS = 20
_WINDOW = 50


def candidate_features(found: Sequence[Exchange]) -> dict[str, float]:
    """Every feature of :data:`FEATURE_NAMES` over the answers in ``found``."""
    answers = [exchange.answer for exchange in found]
    speech = "\n".join(answers)
    tokens = [word.lower() for word in _WORD.findall(speech)]
    total = len(tokens)
    answer_lengths = [len(_WORD.findall(answer)) for answer in answers]
    sentence_lengths = [
        len(_WORD.findall(part)) for part in _SENTENCE_END.split(speech) if _WORD.search(part)
    ]
    i_count = sum(token in _I_WORDS for token in tokens)
    we_count = sum(token in _WE_WORDS for token in tokens)
    vocal = len(_VOCAL_FILLER.findall(speech))
    verbal = len(_VERBAL_FILLER.findall(speech))
    return {
        "total_words": float(total),
        "mean_answer_words": _mean(answer_lengths),
        "answers": float(len(answers)),
        "fillers_per_100": _per_100(vocal + verbal, total),
        "vocal_fillers_per_100": _per_100(vocal, total),
        "verbal_fillers_per_100": _per_100(verbal, total),
        "hedges_per_100": _per_100(len(_HEDGE.findall(speech)), total),
        "i_share": i_count / (i_count + we_count) if i_count + we_count else 0.5,
        "unique_word_ratio": len(set(tokens)) / total if total else 0.0,
        "msttr_50": _msttr(tokens),
        "numbers_per_100": _per_100(len(_NUMBER.findall(speech)), total),
        "result_words_per_100": _per_100(len(_RESULT.findall(speech)), total),
        "enthusiasm_per_100": _per_100(len(_ENTHUSIASM.findall(speech)), total),
        "negative_per_100": _per_100(len(_NEGATIVE.findall(speech)), total),
        "mean_sentence_words": _mean(sentence_lengths),
        "short_answer_share": (
            sum(length < SHORT_ANSWER_WORDS for length in answer_lengths) / len(answers)
            if answers
            else 0.0
        ),
        "candidate_questions": float(speech.count("?")),
        "we_per_100": _per_100(we_count, total),
        "i_per_100": _per_100(i_count, total),
    }


def _per_100(count: int, total: int) -> float:
    return 100.0 * count / total if total else 0.0


def _mean(values: Sequence[int]) -> float:
    return sum(values) / len(values) if values else 0.0


def _msttr(tokens: Sequence[str]) -> float:
    """Mean type-token ratio over consecutive 50-word windows (length-robust vocabulary range)."""
    windows = [tokens[i : i + _WINDOW] for i in range(0, len(tokens) - _WINDOW + 1, _WINDOW)]
    if not windows:
        return len(set(tokens)) / len(tokens) if tokens else 0.0
    return sum(len(set(window)) / _WINDOW for window in windows) / len(windows)

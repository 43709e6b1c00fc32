"""How an answer was said, as criterion contributions: pace, pitch, long pauses and duration.

A spoken answer is judged on the text built from its timed words (:func:`spoken_text`), so every
word's character offsets are known and each delivery contribution quotes the words where it
happened: the fastest stretch, the words around a long pause, what was said after the
interviewer's time ran out. Fillers are not counted here: they are in the transcript text and
the ``filler_heavy`` flag already counts them. Duration is judged only when the text's
``too_short``/``too_long`` flags did not fire, so the same length is never counted twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from greenroom.domain import thresholds as th
from greenroom.domain.interviewers import InterviewerType
from greenroom.domain.models import CriterionId, Evidence, Flag
from greenroom.domain.scoring import Contribution
from greenroom.speech.delivery import Delivery, TimedWord

__all__ = [
    "DELIVERY_ADVICE",
    "SpokenDelivery",
    "delivery_contributions",
    "delivery_tips",
    "expected_seconds",
    "judged_words_per_minute",
    "spoken_delivery",
    "speech_spans",
    "spoken_text",
]

SOURCE = "delivery:"
STRETCH_WORDS = 8  # words in the stretch quoted for a fast or slow pace
PACE_MIN_WORDS = 20  # fewer words give no stable rate (a one-line screening answer)
QUOTE_WORDS = 12  # at most this many words quoted for pitch and duration
PAUSE_WEIGHT_CAP = 6.0  # long-pause weight (sum of pause lengths / long pause) counted at most

DELIVERY_ADVICE: Final = MappingProxyType[str, str](
    {
        "delivery:pace_fast": "slow down so each point lands; pause briefly after a result.",
        "delivery:pace_slow": "keep a steady pace; rehearse the story so the next step is ready.",
        "delivery:monotone": "let your voice rise on what matters: the problem, your part, the "
        "result.",
        "delivery:long_pauses": "a short pause is fine; for a longer think, say so ('let me "
        "think for a second') and then go on.",
        "delivery:over_time": "aim for the interviewer's range: point, example, result, stop.",
    }
)


@dataclass(frozen=True, slots=True)
class SpokenDelivery:
    """A spoken answer as judged: its words, the text built from them, and the delivery.

    ``spans[i]`` is ``(start, end)`` of ``words[i]`` in ``text``, so ``text[start:end]`` is the
    word's text.
    """

    text: str
    words: tuple[TimedWord, ...]
    spans: tuple[tuple[int, int], ...]
    delivery: Delivery


def spoken_text(words: Iterable[TimedWord]) -> tuple[str, tuple[TimedWord, ...]]:
    """The answer text of timed words (stripped, empty ones dropped, joined by one space) and
    the words it was built from. No words give ``("", ())``."""
    kept = tuple(
        TimedWord(w.text.strip(), w.start_s, w.end_s) for w in words if w.text and w.text.strip()
    )
    return " ".join(w.text for w in kept), kept


def spoken_delivery(words: Iterable[TimedWord], delivery: Delivery) -> SpokenDelivery:
    """Bundle timed words and their delivery with the character offsets of every word."""
    text, kept = spoken_text(words)
    spans: list[tuple[int, int]] = []
    at = 0
    for w in kept:
        spans.append((at, at + len(w.text)))
        at += len(w.text) + 1
    return SpokenDelivery(text, kept, tuple(spans), delivery)


def _quote(s: SpokenDelivery, first: int, last: int) -> tuple[Evidence, ...]:
    """The words ``first..last`` (inclusive, clamped) as one evidence span."""
    if not s.words:
        return ()
    first, last = max(0, first), min(len(s.words) - 1, last)
    if first > last:
        return ()
    start, end = s.spans[first][0], s.spans[last][1]
    return (Evidence(start, end, s.text[start:end]),)


def _long_pauses(d: Delivery) -> list[tuple[float, float]]:
    return [(a, b) for a, b in d.pauses if b - a > th.LONG_PAUSE.value]


def judged_words_per_minute(d: Delivery) -> float:
    """Words per minute with the long pauses left out of the time, so a slow pace and long
    pauses are not counted twice; 0.0 without speech."""
    long_s = sum(b - a for a, b in _long_pauses(d))
    talking = d.duration_s - long_s
    if d.words_per_minute <= 0 or talking <= 0:
        return 0.0
    return d.words_per_minute * d.duration_s / talking


def _crosses_long_pause(s: SpokenDelivery, first: int, last: int) -> bool:
    start, end = s.words[first].start_s, s.words[last].end_s
    return any(start < (a + b) / 2 < end for a, b in _long_pauses(s.delivery) if first < last)


def _stretch(s: SpokenDelivery, *, fastest: bool) -> tuple[Evidence, ...]:
    """The run of :data:`STRETCH_WORDS` words said fastest (or slowest, long pauses aside)."""
    n = min(STRETCH_WORDS, len(s.words))
    if n == 0:
        return ()
    best: tuple[float, int] | None = None
    for i in range(len(s.words) - n + 1):
        if not fastest and _crosses_long_pause(s, i, i + n - 1):
            continue
        span = s.words[i + n - 1].end_s - s.words[i].start_s
        key = span if fastest else -span
        if best is None or key < best[0]:
            best = (key, i)
    first = best[1] if best is not None else 0
    return _quote(s, first, first + n - 1)


def _pace(s: SpokenDelivery) -> list[Contribution]:
    wpm = judged_words_per_minute(s.delivery)
    if wpm <= 0 or len(s.words) < PACE_MIN_WORDS:
        return []
    if wpm > th.PACE_FAST.value:
        ev = _stretch(s, fastest=True)
        label = f"spoke at {wpm:.0f} words per minute, hard to follow"
        return [
            _c("pleasant", -6, "pace_fast", label, ev),
            _c("dependable", -3, "pace_fast", label, ev),
        ]
    if wpm < th.PACE_SLOW.value:
        ev = _stretch(s, fastest=False)
        label = f"spoke at {wpm:.0f} words per minute, which sounds hesitant"
        return [
            _c("enthusiasm", -6, "pace_slow", label, ev),
            _c("dependable", -3, "pace_slow", label, ev),
        ]
    label = f"an easy pace ({wpm:.0f} words per minute)"
    return [_c("pleasant", 3, "pace", label, _quote(s, 0, STRETCH_WORDS - 1))]


def _longest_run(s: SpokenDelivery) -> tuple[Evidence, ...]:
    """The longest run of words without a pause between them (at most :data:`QUOTE_WORDS`)."""
    cuts = sorted((a + b) / 2 for a, b in s.delivery.pauses)
    runs: list[tuple[int, int]] = []
    first = 0
    for i in range(1, len(s.words) + 1):
        if i == len(s.words) or any(s.words[i - 1].start_s < c <= s.words[i].start_s for c in cuts):
            runs.append((first, i - 1))
            first = i
    if not runs:
        return ()
    a, b = max(runs, key=lambda r: s.words[r[1]].end_s - s.words[r[0]].start_s)
    return _quote(s, a, min(b, a + QUOTE_WORDS - 1))


def _pitch(s: SpokenDelivery) -> list[Contribution]:
    st = s.delivery.pitch_variation_st
    if st is None:
        return []
    if st < th.MONOTONE_ST.value:
        label = f"kept an even pitch ({st:.1f} semitones of variation), which sounds flat"
        return [_c("enthusiasm", -8, "monotone", label, _longest_run(s))]
    if st >= th.LIVELY_ST.value:
        label = f"a lively voice ({st:.1f} semitones of pitch variation)"
        return [_c("enthusiasm", 4, "lively", label, _longest_run(s))]
    return []


def _word_before(s: SpokenDelivery, t: float) -> int:
    """Index of the last word that starts before time ``t`` (-1 when none does)."""
    found = -1
    for i, w in enumerate(s.words):
        if w.start_s < t:
            found = i
    return found


def _pauses(s: SpokenDelivery) -> list[Contribution]:
    long = _long_pauses(s.delivery)
    if not long or not s.words:
        return []
    weight = min(PAUSE_WEIGHT_CAP, sum((b - a) / th.LONG_PAUSE.value for a, b in long))
    a, b = max(long, key=lambda p: p[1] - p[0])
    before = _word_before(s, (a + b) / 2)
    where = "before you started" if before < 0 else f"after '{_words(s, before - 1, before)}'"
    label = f"paused {b - a:.1f} s {where}"
    if len(long) > 1:
        label = (
            f"paused over {th.LONG_PAUSE.value:.0f} s {len(long)} times, the longest "
            f"{b - a:.1f} s {where}"
        )
    ev: list[Evidence] = []
    for p in sorted(long, key=lambda p: p[0] - p[1]):
        i = _word_before(s, (p[0] + p[1]) / 2)
        ev.extend(_quote(s, i - 2, i + 2))
    return [
        _c("dependable", -2 * weight, "long_pauses", label, tuple(ev[:3])),
        _c("performs", -1.5 * weight, "long_pauses", label, tuple(ev[:3])),
    ]


def _words(s: SpokenDelivery, first: int, last: int) -> str:
    ev = _quote(s, first, last)
    return ev[0].text if ev else ""


def expected_seconds(who: InterviewerType) -> tuple[float, float]:
    """The interviewer's comfortable answer length in seconds, from their word range spoken at
    the conversational rate (``speaking_rate``)."""
    low, high = who.answer_words
    rate = th.SPEAKING_RATE.value / 60.0
    return low / rate, high / rate


def _duration(s: SpokenDelivery, who: InterviewerType, flags: Sequence[Flag]) -> list[Contribution]:
    d = s.delivery
    if d.duration_s <= 0 or not s.words or any(f.id in ("too_short", "too_long") for f in flags):
        return []
    low, high = expected_seconds(who)
    limit = high * th.TOO_LONG_FACTOR.value
    if d.duration_s > limit:
        start = s.words[0].start_s
        late = [i for i, w in enumerate(s.words) if w.start_s - start >= high]
        first = late[0] if late else len(s.words) - 1
        name = who.name[:1].lower() + who.name[1:]
        label = (
            f"took {d.duration_s / 60:.1f} minutes where the {name} expects at most {high / 60:.1f}"
        )
        ev = _quote(s, first, first + QUOTE_WORDS - 1)
        return [
            _c("pleasant", -6, "over_time", label, ev),
            _c("dependable", -2, "over_time", label, ev),
        ]
    if low <= d.duration_s <= high:
        label = f"kept to the expected {low:.0f}-{high:.0f} s ({d.duration_s:.0f} s)"
        return [_c("dependable", 2, "on_time", label, _quote(s, 0, QUOTE_WORDS - 1))]
    return []


def _c(
    criterion: CriterionId, points: float, source: str, label: str, ev: tuple[Evidence, ...]
) -> Contribution:
    return Contribution(criterion, points, SOURCE + source, label, ev)


def delivery_contributions(
    s: SpokenDelivery, who: InterviewerType, flags: Sequence[Flag]
) -> tuple[Contribution, ...]:
    """Points that how the answer was said adds to or takes from each criterion.

    ``flags`` are the text flags of the same answer: duration is not judged again when
    ``too_short`` or ``too_long`` fired. Sources are ``delivery:<id>``.
    """
    return tuple(_pace(s) + _pitch(s) + _pauses(s) + _duration(s, who, flags))


def delivery_tips(
    contributions: Iterable[Contribution], effect: dict[str, float]
) -> tuple[str, ...]:
    """One tip per delivery problem whose weighted effect on the overall score (``effect``, by
    source) reaches ``delivery_tip_effect`` points, the largest first."""
    labels: dict[str, str] = {}
    for c in contributions:
        if c.source in DELIVERY_ADVICE and c.points < 0:
            labels.setdefault(c.source, c.label)
    chosen = [s for s in labels if effect.get(s, 0.0) <= -th.DELIVERY_TIP_EFFECT.value]
    chosen.sort(key=lambda s: effect[s])
    return tuple(f"You {labels[s]} — {DELIVERY_ADVICE[s]}" for s in chosen)


def speech_spans(
    words: Sequence[TimedWord], pauses: Sequence[tuple[float, float]]
) -> tuple[tuple[float, float], ...]:
    """The stretches of voice between the pauses, in seconds: from the first word or pause to
    the last, with every pause cut out. No words and no pauses give ``()``."""
    starts = [w.start_s for w in words] + [a for a, _ in pauses]
    ends = [w.end_s for w in words] + [b for _, b in pauses]
    if not starts:
        return ()
    at, end = min(starts), max(ends)
    out: list[tuple[float, float]] = []
    for a, b in sorted(pauses):
        if a > at:
            out.append((at, a))
        at = max(at, b)
    if end > at:
        out.append((at, end))
    return tuple(out)

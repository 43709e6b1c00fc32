"""Delivery in the judgement (domain/delivery.py): each rule with hand-made timed words and
delivery values, the spoken judgement, and the stored spoken attempt. No audio is needed."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from greenroom.contract import judgement_to_dict, spoken_judgement_to_dict
from greenroom.domain import thresholds as th
from greenroom.domain.delivery import (
    SpokenDelivery,
    delivery_contributions,
    expected_seconds,
    judged_words_per_minute,
    speech_spans,
    spoken_delivery,
)
from greenroom.domain.interviewers import interviewer
from greenroom.domain.judging import judge_answer, judge_spoken_answer
from greenroom.domain.models import Flag
from greenroom.domain.practice import find_attempt, start_session, submit_spoken_answer
from greenroom.domain.scoring import Contribution
from greenroom.domain.sessions import AttemptDraft
from greenroom.embedding.hashing import HashingEmbedder
from greenroom.errors import InputError
from greenroom.speech.asr import TimedTranscript
from greenroom.speech.delivery import Delivery, TimedWord
from greenroom.speech.delivery import constants as speech_constants
from greenroom.storage.engine import database_url
from greenroom.storage.sql import SqlStore

HM = interviewer("hiring-manager")
QUESTION = "Tell me about a time you missed a deadline."
STORY = (
    "In 2022 I led the billing migration at Acme and we missed the deadline by two weeks. "
    "I told the director early, split the work into three releases and moved two engineers "
    "from support. We shipped the first release in five days and cut invoice errors by 30 "
    "percent. I learned to raise risks in the first week."
)


def timed(
    text: str,
    *,
    rate: float = 2.5,
    start: float = 0.5,
    pauses: dict[int, float] | None = None,
    fast: range | None = None,
) -> tuple[TimedWord, ...]:
    """Words of ``text`` at ``rate`` words per second; ``pauses[i]`` seconds of silence after
    word ``i`` (exactly that gap between the two words); words in ``fast`` go three times
    faster. Each word lasts 80 % of its step."""
    out: list[TimedWord] = []
    t = start
    for i, token in enumerate(text.split()):
        step = 1.0 / rate / (3.0 if fast is not None and i in fast else 1.0)
        out.append(TimedWord(token, t, t + step * 0.8))
        gap = (pauses or {}).get(i)
        t += step if gap is None else step * 0.8 + gap
    return tuple(out)


def measured(
    words: Sequence[TimedWord],
    *,
    pitch: float | None = 1.6,
    extra_pauses: Sequence[tuple[float, float]] = (),
) -> Delivery:
    """A delivery consistent with ``words``: every gap of 0.3 s or more is a pause."""
    gaps = [
        (a.end_s, b.start_s)
        for a, b in zip(words, words[1:], strict=False)
        if b.start_s - a.end_s >= speech_constants.MIN_PAUSE_S
    ]
    pauses = tuple(sorted([*gaps, *extra_pauses]))
    duration = words[-1].end_s - words[0].start_s if words else 0.0
    silence = sum(b - a for a, b in pauses)
    minutes = duration / 60
    long = [b - a for a, b in pauses if b - a > speech_constants.LONG_PAUSE_S]
    return Delivery(
        duration_s=duration,
        speech_s=duration - silence,
        words_per_minute=len(words) / minutes if minutes else 0.0,
        articulation_rate_wpm=len(words) / ((duration - silence) / 60) if duration else 0.0,
        filler_count=0,
        fillers_per_minute=0.0,
        fillers_per_100_words=0.0,
        long_pause_count=len(long),
        longest_pause_s=max((b - a for a, b in pauses), default=0.0),
        silence_share=silence / duration if duration else 0.0,
        pitch_variation_st=pitch,
        monotone=None if pitch is None else pitch < speech_constants.MONOTONE_ST,
        loudness_db=-22.0,
        loudness_sd_db=3.0,
        pauses=pauses,
        filler_times=(),
    )


def spoken(words: Sequence[TimedWord], **kw: object) -> SpokenDelivery:
    return spoken_delivery(words, measured(words, **kw))  # type: ignore[arg-type]


def by_source(found: Sequence[Contribution], source: str) -> list[Contribution]:
    return [c for c in found if c.source == source]


def quotes(s: SpokenDelivery, c: Contribution) -> list[str]:
    for e in c.evidence:
        assert s.text[e.start : e.end] == e.text
    return [e.text for e in c.evidence]


# --- the spoken text --------------------------------------------------------------------


def test_spoken_text_joins_stripped_words_and_knows_each_offset() -> None:
    words = (TimedWord(" I", 0.0, 0.2), TimedWord(" ", 0.2, 0.3), TimedWord(" led", 0.3, 0.6))
    s = spoken_delivery(words, measured(words))
    assert s.text == "I led"
    assert [s.text[a:b] for a, b in s.spans] == ["I", "led"]
    assert [w.text for w in s.words] == ["I", "led"]


def test_speech_spans_cut_the_pauses_out() -> None:
    words = (TimedWord("a", 1.0, 1.5), TimedWord("b", 4.0, 4.5))
    assert speech_spans(words, [(1.5, 4.0)]) == ((1.0, 1.5), (4.0, 4.5))
    assert speech_spans((), ()) == ()


# --- pace -------------------------------------------------------------------------------


def test_a_fast_pace_costs_pleasant_and_quotes_the_fastest_words() -> None:
    words = timed(STORY, rate=3.4, fast=range(20, 28))
    s = spoken(words)
    assert judged_words_per_minute(s.delivery) > th.PACE_FAST.value
    fast = by_source(delivery_contributions(s, HM, ()), "delivery:pace_fast")
    assert {c.criterion for c in fast} == {"pleasant", "dependable"}
    assert all(c.points < 0 for c in fast)
    expected = " ".join(STORY.split()[20:28])
    assert quotes(s, fast[0]) == [expected]
    assert "words per minute" in fast[0].label


def test_a_slow_pace_costs_enthusiasm() -> None:
    s = spoken(timed(STORY, rate=1.5))
    found = delivery_contributions(s, HM, ())
    slow = by_source(found, "delivery:pace_slow")
    assert {c.criterion for c in slow} == {"enthusiasm", "dependable"}
    assert not by_source(found, "delivery:pace_fast")
    assert len(quotes(s, slow[0])[0].split()) == 8


def test_a_conversational_pace_earns_a_small_plus() -> None:
    s = spoken(timed(STORY, rate=2.5))
    found = delivery_contributions(s, HM, ())
    (plus,) = by_source(found, "delivery:pace")
    assert plus.criterion == "pleasant" and 0 < plus.points <= 3
    assert not by_source(found, "delivery:pace_slow")
    assert not by_source(found, "delivery:pace_fast")


def test_long_pauses_do_not_also_count_as_a_slow_pace() -> None:
    words = timed(STORY, rate=2.5, pauses={5: 6.0, 20: 6.0, 40: 6.0})
    s = spoken(words)
    assert s.delivery.words_per_minute < th.PACE_SLOW.value  # slow only because of the pauses
    found = delivery_contributions(s, HM, ())
    assert not by_source(found, "delivery:pace_slow")
    assert by_source(found, "delivery:pace")
    assert by_source(found, "delivery:long_pauses")


# --- pitch ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pitch", "source", "sign"),
    [(0.4, "delivery:monotone", -1), (2.6, "delivery:lively", 1)],
)
def test_pitch_variation_moves_enthusiasm(pitch: float, source: str, sign: int) -> None:
    s = spoken(timed(STORY, pauses={15: 1.0}), pitch=pitch)
    (c,) = by_source(delivery_contributions(s, HM, ()), source)
    assert c.criterion == "enthusiasm" and c.points * sign > 0
    assert f"{pitch:.1f} semitones" in c.label
    # the quote is the longest stretch said without a pause: it starts after the pause
    assert quotes(s, c)[0].startswith(STORY.split()[16])


@pytest.mark.parametrize("pitch", [None, 1.0, 1.6, 2.0])
def test_normal_or_unknown_pitch_adds_nothing(pitch: float | None) -> None:
    found = delivery_contributions(spoken(timed(STORY), pitch=pitch), HM, ())
    assert not [c for c in found if c.source in ("delivery:monotone", "delivery:lively")]


# --- long pauses ------------------------------------------------------------------------


def test_a_long_pause_is_quoted_with_the_words_around_it() -> None:
    words = timed(STORY, pauses={13: 4.1})  # after "the deadline"
    s = spoken(words)
    found = by_source(delivery_contributions(s, HM, ()), "delivery:long_pauses")
    assert {c.criterion for c in found} == {"dependable", "performs"}
    assert all(c.points < 0 for c in found)
    assert "paused 4.1 s after 'the deadline'" in found[0].label
    assert quotes(s, found[0]) == ["missed the deadline by two"]


def test_pauses_up_to_two_seconds_cost_nothing() -> None:
    s = spoken(timed(STORY, pauses={13: 1.9, 30: 1.99}))
    assert not by_source(delivery_contributions(s, HM, ()), "delivery:long_pauses")


def test_more_and_longer_pauses_cost_more_and_are_counted_in_the_label() -> None:
    one = spoken(timed(STORY, pauses={13: 2.5}))
    three = spoken(timed(STORY, pauses={13: 2.5, 30: 5.0, 45: 3.0}))
    (a,) = by_source(delivery_contributions(one, HM, ()), "delivery:long_pauses")[:1]
    (b,) = by_source(delivery_contributions(three, HM, ()), "delivery:long_pauses")[:1]
    assert b.points < a.points < 0
    assert "3 times" in b.label and "longest 5.0 s" in b.label
    assert len(b.evidence) == 3


# --- duration ---------------------------------------------------------------------------


def test_expected_seconds_follow_the_interviewers_words_at_the_speaking_rate() -> None:
    assert expected_seconds(HM) == pytest.approx((32.0, 100.0))


def test_an_answer_that_runs_over_the_interviewers_time_is_quoted_where_it_ran_over() -> None:
    # 59 words at 0.3 words per second: the text length is fine, the time is not
    words = timed(STORY, rate=0.36)
    s = spoken(words)
    assert s.delivery.duration_s > expected_seconds(HM)[1] * th.TOO_LONG_FACTOR.value
    (over,) = by_source(delivery_contributions(s, HM, ()), "delivery:over_time")[:1]
    first_late = next(i for i, w in enumerate(words) if w.start_s - words[0].start_s >= 100.0)
    assert quotes(s, over)[0].startswith(STORY.split()[first_late])
    assert "hiring manager expects at most 1.7" in over.label


def test_duration_is_not_judged_again_when_the_text_is_already_too_long() -> None:
    s = spoken(timed(STORY, rate=0.36))
    flag = Flag("too_long", "low", "", "")
    assert not [c for c in delivery_contributions(s, HM, (flag,)) if "time" in c.source]


def test_an_answer_within_the_interviewers_time_earns_a_small_plus() -> None:
    s = spoken(timed(STORY, rate=1.2))  # 59 words over about 49 s
    (on,) = by_source(delivery_contributions(s, HM, ()), "delivery:on_time")
    assert on.criterion == "dependable" and on.points > 0


# --- the spoken judgement ---------------------------------------------------------------


@pytest.fixture(scope="module")
def embedder() -> HashingEmbedder:
    return HashingEmbedder()


def _transcript(words: Sequence[TimedWord]) -> TimedTranscript:
    return TimedTranscript(" ".join(w.text for w in words), tuple(words))


def test_a_spoken_judgement_names_the_pause_in_rules_reasons_flip_and_tips(
    embedder: HashingEmbedder,
) -> None:
    words = timed(STORY, pauses={13: 5.2, 30: 4.0, 45: 4.5}, start=1.0)
    j = judge_spoken_answer(
        QUESTION,
        _transcript(words),
        measured(words, pitch=0.5),
        interviewer="peer",
        embedder=embedder,
    )
    assert j.answer == " ".join(STORY.split())
    said = "paused over 2 s 3 times, the longest 5.2 s after 'the deadline'"
    dependable = next(c for c in j.criteria if c.id == "dependable")
    assert said in dependable.rule
    enthusiasm = next(c for c in j.criteria if c.id == "enthusiasm")
    assert "even pitch (0.5 semitones" in enthusiasm.rule
    (reason,) = [r for r in j.reasons if said in r.text]
    assert reason.text.startswith("-") and reason.evidence[0].text == "missed the deadline by two"
    assert any(f.startswith(f"You {said}") and "advance" in f for f in j.flip)
    assert any(t.startswith(f"You {said} — ") for t in j.tips)
    data = judgement_to_dict(j)
    for item in [*data["criteria"], *data["reasons"], *data["flags"]]:
        for e in item["evidence"]:
            assert j.answer[e["start"] : e["end"]] == e["text"]


def test_a_delivery_problem_that_barely_matters_gets_no_tip(embedder: HashingEmbedder) -> None:
    words = timed(STORY, start=1.0)
    j = judge_spoken_answer(
        QUESTION,
        _transcript(words),
        measured(words, pitch=0.5),
        interviewer="hiring-manager",
        embedder=embedder,
    )
    assert any("even pitch" in c.rule for c in j.criteria)
    # the hiring manager weighs enthusiasm little on a behavioural question
    assert not any("even pitch" in t for t in j.tips)


def test_delivery_adds_to_the_text_judgement_without_changing_it(
    embedder: HashingEmbedder,
) -> None:
    words = timed(STORY, pauses={13: 4.1})
    text = " ".join(w.text for w in words)
    plain = judge_answer(QUESTION, text, interviewer="hiring-manager", embedder=embedder)
    none = judge_answer(
        QUESTION, text, interviewer="hiring-manager", embedder=embedder, delivery=None
    )
    assert judgement_to_dict(none) == judgement_to_dict(plain)
    said = judge_spoken_answer(
        QUESTION,
        _transcript(words),
        measured(words),
        interviewer="hiring-manager",
        embedder=embedder,
    )
    assert said.flags == plain.flags and said.signals == plain.signals
    for text_c, spoken_c in zip(plain.criteria, said.criteria, strict=True):
        assert spoken_c.rule.startswith(text_c.rule)
    assert said.criteria != plain.criteria


def test_a_delivery_for_another_text_is_refused(embedder: HashingEmbedder) -> None:
    s = spoken(timed(STORY))
    with pytest.raises(InputError, match="different answer"):
        judge_answer(
            QUESTION, "Something else entirely.", interviewer="peer", embedder=embedder, delivery=s
        )


def test_no_words_means_no_speech_was_heard(embedder: HashingEmbedder) -> None:
    empty = measured(timed("x"))
    with pytest.raises(InputError, match="^no speech was heard in the recording$"):
        judge_spoken_answer(
            QUESTION, TimedTranscript("", ()), empty, interviewer="peer", embedder=embedder
        )


# --- a stored spoken attempt ------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlStore]:
    opened = SqlStore(database_url(None, tmp_path / "data"))
    yield opened
    opened.close()


def _draft(store: SqlStore, **kw: object) -> AttemptDraft:
    session = start_session(store, kind="single", interviewer="hiring-manager")
    fields: dict[str, object] = {
        "session_id": session.id,
        "interviewer": "hiring-manager",
        "stage": 2,
        "question": QUESTION,
        "answer": "",
        "recording_id": "a" * 32,
    }
    fields.update(kw)
    return AttemptDraft(**fields)  # type: ignore[arg-type]


def test_submit_spoken_answer_stores_the_transcript_delivery_and_timeline(
    store: SqlStore, embedder: HashingEmbedder
) -> None:
    words = timed(STORY, pauses={13: 4.1}, start=0.8)
    delivery = measured(words)
    attempt = submit_spoken_answer(
        store, embedder, _draft(store), transcript=_transcript(words), delivery=delivery
    )
    again = find_attempt(store, attempt.id)
    assert again.recording_id == "a" * 32
    assert again.answer == " ".join(STORY.split())
    data = again.judgement
    assert data is not None
    assert data["transcript"] == again.answer
    for key in (
        "words_per_minute",
        "filler_count",
        "long_pause_count",
        "longest_pause_s",
        "pitch_variation_st",
        "pauses",
        "filler_times",
    ):
        assert key in data["delivery"]
    assert data["delivery"]["long_pause_count"] == 1
    assert " ".join(w[0] for w in data["words"]) == data["transcript"]
    assert data["words"][0] == ["In", 0.8, pytest.approx(0.8 + 0.32)]
    assert len(data["speech"]) == len(delivery.pauses) + 1
    assert any("paused 4.1 s after 'the deadline'" in c["rule"] for c in data["criteria"])


def test_a_silent_recording_is_refused_before_anything_is_stored(
    store: SqlStore, embedder: HashingEmbedder
) -> None:
    draft = _draft(store)
    with pytest.raises(InputError, match="no speech was heard in the recording"):
        submit_spoken_answer(
            store,
            embedder,
            draft,
            transcript=TimedTranscript("", (TimedWord(" ", 0.0, 0.1),)),
            delivery=measured(timed("x")),
        )
    assert not store.list_attempts()


def test_a_spoken_retry_points_at_the_first_try(store: SqlStore, embedder: HashingEmbedder) -> None:
    words = timed(STORY)
    first = submit_spoken_answer(
        store, embedder, _draft(store), transcript=_transcript(words), delivery=measured(words)
    )
    draft = replace(_draft(store, recording_id="b" * 32), session_id=first.session_id)
    retry = submit_spoken_answer(
        store,
        embedder,
        replace(draft, retry_of=first.id),
        transcript=_transcript(words),
        delivery=measured(words),
    )
    assert retry.retry_of == first.id and retry.recording_id == "b" * 32


def test_a_one_line_answer_is_not_judged_on_pace() -> None:
    s = spoken(timed("Yes, I can start on the first of May.", rate=5.0))
    assert judged_words_per_minute(s.delivery) > th.PACE_FAST.value
    assert not [
        c for c in delivery_contributions(s, HM, ()) if c.source.startswith("delivery:pace")
    ]


def test_every_key_of_the_spoken_json_is_documented(embedder: HashingEmbedder) -> None:
    words = timed(STORY, pauses={13: 4.1})
    delivery = measured(words)
    j = judge_spoken_answer(
        QUESTION, _transcript(words), delivery, interviewer="peer", embedder=embedder
    )
    data = spoken_judgement_to_dict(
        j, j.answer, delivery.to_dict(), spoken_delivery(words, delivery).words
    )
    doc = (Path(__file__).resolve().parents[2] / "docs" / "judgement-json.md").read_text("utf-8")
    documented = set(re.findall(r"`(\w+)`", doc))
    assert not (set(data) | set(data["delivery"])) - documented


def test_the_judging_thresholds_match_the_delivery_metrics() -> None:
    assert th.MONOTONE_ST.value == speech_constants.MONOTONE_ST
    assert th.LONG_PAUSE.value == speech_constants.LONG_PAUSE_S
    assert th.PACE_SLOW.value < speech_constants.CONVERSATIONAL_WPM < th.PACE_FAST.value

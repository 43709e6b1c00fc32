"""The feedback page of a recorded answer: the player, the delivery table and the timeline with
its pauses and fillers; a typed answer has none of them."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient

from greenroom.config import Settings, load_settings
from greenroom.domain.practice import start_session, submit_answer, submit_spoken_answer
from greenroom.domain.sessions import Attempt, AttemptDraft
from greenroom.runtime import Runtime
from greenroom.speech.asr import TimedTranscript
from greenroom.speech.delivery import Delivery, TimedWord
from greenroom.web.templating import templates
from greenroom.web.views import delivery_view

pytestmark = pytest.mark.model

QUESTION = "Tell me about a time you missed a deadline."
SAID = (
    "Um so in 2022 I led the billing migration at Acme and we missed the deadline by two weeks. "
    "I told the director early and split the work into three releases. We shipped the first "
    "release in five days and cut invoice errors by 30 percent."
)
RECORDING = "0123456789abcdef0123456789abcdef"
PAUSE_AFTER = 15  # "deadline": a 3.4 s pause follows it


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings({"data_dir": tmp_path / "data", "stt_engine": "scripted"})


def _words() -> tuple[TimedWord, ...]:
    out: list[TimedWord] = []
    t = 1.0
    for i, token in enumerate(SAID.split()):
        out.append(TimedWord(token, t, t + 0.3))
        t += 0.4 + (3.3 if i == PAUSE_AFTER else 0.0)  # 0.1 s + 3.3 s of silence
    return tuple(out)


def _delivery(words: tuple[TimedWord, ...]) -> Delivery:
    pause = (words[PAUSE_AFTER].end_s, words[PAUSE_AFTER + 1].start_s)
    duration = words[-1].end_s - words[0].start_s
    return Delivery(
        duration_s=duration,
        speech_s=duration - (pause[1] - pause[0]),
        words_per_minute=len(words) / duration * 60,
        articulation_rate_wpm=150.0,
        filler_count=1,
        fillers_per_minute=1 / duration * 60,
        fillers_per_100_words=100 / len(words),
        long_pause_count=1,
        longest_pause_s=pause[1] - pause[0],
        silence_share=(pause[1] - pause[0]) / duration,
        pitch_variation_st=0.6,
        monotone=True,
        loudness_db=-21.0,
        loudness_sd_db=4.0,
        pauses=(pause,),
        filler_times=(words[0].start_s,),
    )


def _spoken(runtime: Runtime) -> Attempt:
    store = runtime.store
    session = start_session(store, kind="single", interviewer="hiring-manager")
    draft = AttemptDraft(
        session_id=session.id,
        interviewer="hiring-manager",
        stage=2,
        question=QUESTION,
        answer="",
        recording_id=RECORDING,
    )
    words = _words()
    return submit_spoken_answer(
        store,
        runtime.embedder,
        draft,
        transcript=TimedTranscript(SAID, words),
        delivery=_delivery(words),
    )


def _render(attempt: Attempt, runtime: Runtime) -> str:
    """The feedback page as the route renders it, with the delivery view in its context."""
    context = {
        "request": SimpleNamespace(url=SimpleNamespace(path=f"/attempts/{attempt.id}")),
        "attempt": attempt,
        "j": attempt.judgement,
        "original": None,
        "follow_up": None,
        "session": runtime.store.get_session(attempt.session_id),
        "error": None,
        "answer": "",
        "delivery": delivery_view(attempt),
    }
    return templates.get_template("feedback.html").render(context)


def test_the_feedback_page_of_a_recorded_answer_plays_it(
    client: TestClient, runtime: Runtime
) -> None:
    attempt = _spoken(runtime)
    r = client.get(f"/attempts/{attempt.id}")
    assert r.status_code == 200
    page = r.text
    assert (
        f'<audio id="answer-audio" controls preload="metadata" src="/recordings/{RECORDING}/audio"'
        in page
    )
    assert '<link rel="stylesheet" href="/static/delivery.css">' in page
    assert "How you said it" in page
    # answering again out loud: the recorder, set up as a retry of this attempt
    assert f'data-retry-of="{attempt.id}"' in page
    assert client.get("/static/delivery.css").status_code == 200


def test_the_timeline_shows_speech_the_long_pause_and_the_filler(runtime: Runtime) -> None:
    attempt = _spoken(runtime)
    page = _render(attempt, runtime)
    assert 'role="img" aria-label="Timeline of the answer:' in page
    assert "1 long pause, 1 filler." in page
    assert page.count("gr-timeline__speech") == 2
    long = re.search(r'gr-timeline__long-pause" style="left: ([\d.]+)%; width: ([\d.]+)%;"', page)
    assert long is not None
    pause_start, length = 1 + PAUSE_AFTER * 0.4 + 0.3, _words()[-1].end_s
    assert float(long.group(1)) == pytest.approx(pause_start / length * 100, abs=0.01)
    assert float(long.group(2)) == pytest.approx(3.4 / length * 100, abs=0.01)
    assert '<span class="gr-timeline__label">3.4 s</span>' in page
    assert "gr-timeline__filler" in page and "filler 'Um' at 1.0 s" in page
    # the transcript: the filler highlighted, the long pause inline after "deadline"
    assert '<mark class="gr-transcript__filler" data-t="1.00">Um</mark>' in page
    assert re.search(
        r'>deadline</span> <span class="gr-transcript__pause" data-t="[\d.]+">'
        r'\[pause 3\.4 s\]</span> <span data-t="[\d.]+">by</span>',
        page,
    )


def test_the_delivery_table_gives_value_unit_threshold_and_range(runtime: Runtime) -> None:
    attempt = _spoken(runtime)
    page = _render(attempt, runtime)
    found = re.findall(r'<tr><th scope="row">([^<]+)</th>(.*?)</tr>', page)
    rows = dict(found)
    assert "Pauses over 2 s" in rows and ">1<" in rows["Pauses over 2 s"]
    assert "gr-in-range--no" in rows["Pauses over 2 s"]
    assert ">0.6<" in rows["Pitch variation"] and "semitones" in rows["Pitch variation"]
    assert (
        "at least 1.0" in rows["Pitch variation"] and "gr-in-range--no" in rows["Pitch variation"]
    )
    assert "110–190" in rows["Pace (long pauses left out)"]
    assert "docs/judging.md</code> § pauses" in rows["Longest pause"]
    # the judgement itself names the pause and the flat pitch
    assert "You paused 3.4 s after &#39;the deadline&#39; — a short pause is fine" in page


def test_the_stored_judgement_feeds_the_view(runtime: Runtime) -> None:
    attempt = _spoken(runtime)
    view = delivery_view(attempt)
    assert view is not None
    assert [i.text for i in view.transcript if i.pause_s is not None] == ["[pause 3.4 s]"]
    assert [i.text for i in view.transcript if i.filler] == ["Um"]
    assert view.long_pauses == 1 and view.fillers == 1


def test_a_typed_answer_has_no_delivery_section(client: TestClient, runtime: Runtime) -> None:
    session = start_session(runtime.store, kind="single", interviewer="hiring-manager")
    draft = AttemptDraft(
        session_id=session.id,
        interviewer="hiring-manager",
        stage=2,
        question=QUESTION,
        answer=" ".join(SAID.split()[1:]),
    )
    attempt = submit_answer(runtime.store, runtime.embedder, draft)
    assert delivery_view(attempt) is None
    page = client.get(f"/attempts/{attempt.id}").text
    assert "How you said it" not in page and 'id="answer-audio"' not in page
    assert "gr-timeline" not in _render(attempt, runtime)


def test_the_report_links_a_recorded_answer_to_its_feedback(
    client: TestClient, runtime: Runtime
) -> None:
    attempt = _spoken(runtime)
    r = client.get(f"/sessions/{attempt.session_id}/report")
    assert r.status_code == 200
    assert f'href="/attempts/{attempt.id}#delivery">recorded answer' in r.text

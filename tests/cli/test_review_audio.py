"""``greenroom review --audio``: an interview recording split into answers, judged, measured.

The recordings are built from espeak-ng speech: the interviewer's questions in one track, the
candidate's answers in the other, each voice silent while the other speaks. Most tests use the
scripted transcriber (the voices are still found by voice activity on real speech); one test
runs the real Whisper model end to end.
"""

from __future__ import annotations

import json
import re
import wave
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from numpy.typing import NDArray

Invoke = Callable[..., tuple[int, str, str]]
Synth = Callable[..., NDArray[np.float32]]

ROOT = Path(__file__).resolve().parents[2]
RATE = 16000
QUESTIONS = ("Tell me about a project you led.", "Why do you want to work here?")
ANSWER_ONE = (
    "In 2021 I led the migration of our billing service to PostgreSQL.",
    "I wrote the plan and moved forty tables in six weeks.",
)
ANSWER_TWO = "I want to build tools for small clinics, and your product does exactly that."
THINKING_PAUSE_S = 2.6  # inside answer one: a long pause, not a new answer
AROUND_QUESTION_S = 1.5  # silence before and after each question
DELIVERY_KEYS = {
    "words_per_minute", "filler_count", "long_pause_count", "longest_pause_s",
    "pitch_variation_st",
}  # fmt: skip
TOP_KEYS = {
    "schema", "interviewer", "stage", "overall", "verdict", "reasons", "flip", "tips",
    "signals", "answers", "consistency", "recording",
}  # fmt: skip


@dataclass(frozen=True)
class Interview:
    candidate: Path
    interviewer: Path
    stereo: Path
    questions: Path
    answer_starts: tuple[float, float]
    answer_ends: tuple[float, float]


def silence(seconds: float) -> NDArray[np.float32]:
    return np.zeros(int(seconds * RATE), dtype=np.float32)


def write_wav(path: Path, *channels: NDArray[np.float32]) -> Path:
    frames = np.stack(channels, axis=1).reshape(-1)
    with wave.open(str(path), "wb") as file:
        file.setnchannels(len(channels))
        file.setsampwidth(2)
        file.setframerate(RATE)
        file.writeframes((np.clip(frames, -1, 1) * 32767).astype("<i2").tobytes())
    return path


@pytest.fixture(scope="module")
def interview(espeak: Synth, tmp_path_factory: pytest.TempPathFactory) -> Interview:
    """Two tracks of one interview, the same as one stereo file, and its questions file."""
    first, second = ANSWER_ONE
    answer_one = np.concatenate([espeak(first), silence(THINKING_PAUSE_S), espeak(second)])
    parts = [
        ("interviewer", silence(0.5)),
        ("interviewer", espeak(QUESTIONS[0])),
        ("interviewer", silence(AROUND_QUESTION_S)),
        ("candidate", answer_one),
        ("interviewer", silence(AROUND_QUESTION_S)),
        ("interviewer", espeak(QUESTIONS[1])),
        ("interviewer", silence(AROUND_QUESTION_S)),
        ("candidate", espeak(ANSWER_TWO)),
        ("interviewer", silence(0.5)),
    ]
    tracks: dict[str, list[NDArray[np.float32]]] = {"candidate": [], "interviewer": []}
    starts: list[float] = []
    ends: list[float] = []
    at = 0
    for who, clip in parts:
        for name, track in tracks.items():
            track.append(clip if name == who else np.zeros_like(clip))
        if who == "candidate":
            starts.append(at / RATE)
            ends.append((at + clip.size) / RATE)
        at += clip.size
    folder = tmp_path_factory.mktemp("interview")
    candidate = np.concatenate(tracks["candidate"])
    interviewer = np.concatenate(tracks["interviewer"])
    questions = folder / "questions.txt"
    questions.write_text("\n".join(QUESTIONS) + "\n", encoding="utf-8")
    return Interview(
        candidate=write_wav(folder / "candidate.wav", candidate),
        interviewer=write_wav(folder / "interviewer.wav", interviewer),
        stereo=write_wav(folder / "call.wav", candidate, interviewer),
        questions=questions,
        answer_starts=(starts[0], starts[1]),
        answer_ends=(ends[0], ends[1]),
    )


@pytest.fixture
def scripted(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stand-in transcriber: fixed words spread over each turn, whatever was said."""
    monkeypatch.setenv("GREENROOM_STT_ENGINE", "scripted")


def review_json(invoke: Invoke, *args: object) -> dict[str, Any]:
    code, out, err = invoke(["review", *args, "--json"])
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def assert_answers_where_spoken(answers: list[dict[str, Any]], interview: Interview) -> None:
    assert len(answers) == 2
    for answer, start, end in zip(
        answers, interview.answer_starts, interview.answer_ends, strict=True
    ):
        assert answer["start_s"] == pytest.approx(start, abs=0.3)
        assert answer["end_s"] == pytest.approx(end, abs=0.3)


def test_two_tracks_give_the_transcript_review_shape_with_delivery(
    invoke: Invoke, interview: Interview, scripted: None
) -> None:
    data = review_json(
        invoke, "--audio", interview.candidate, "--interviewer-audio", interview.interviewer
    )
    assert set(data) == TOP_KEYS
    answers = data["answers"]
    assert_answers_where_spoken(answers, interview)
    for answer in answers:
        assert answer["verdict"] and answer["criteria"]
        assert answer["question"] and answer["question_recorded"] is True
        words = answer["words"]
        assert words and answer["transcript"] == " ".join(w[0] for w in words)
        length = answer["end_s"] - answer["start_s"]
        assert all(0 <= start <= end <= length + 0.3 for _, start, end in words)
        assert DELIVERY_KEYS <= set(answer["delivery"])
    assert [a["delivery"]["long_pause_count"] for a in answers] == [1, 0]
    recording = data["recording"]
    assert recording["mode"] == "tracks" and recording["answer_gap_s"] is None
    turns = recording["turns"]
    assert [t["speaker"] for t in turns] == ["interviewer", "candidate"] * 2


def test_stereo_channels_find_the_same_answers(
    invoke: Invoke, interview: Interview, scripted: None
) -> None:
    data = review_json(invoke, "--audio", interview.stereo, "--channels", "candidate-left")
    assert data["recording"]["mode"] == "channels"
    assert data["recording"]["channels"] == "candidate-left"
    assert_answers_where_spoken(data["answers"], interview)


def test_channel_choice_decides_who_the_candidate_is(
    invoke: Invoke, interview: Interview, scripted: None
) -> None:
    data = review_json(invoke, "--audio", interview.stereo, "--channels", "candidate-right")
    first = data["answers"][0]
    # the "candidate" now speaks first, before any question was asked
    assert first["question_recorded"] is False
    assert first["start_s"] == pytest.approx(0.5, abs=0.3)


def test_candidate_track_alone_is_split_at_long_silences_and_paired_with_questions(
    invoke: Invoke, interview: Interview, scripted: None
) -> None:
    data = review_json(invoke, "--audio", interview.candidate, "--questions", interview.questions)
    answers = data["answers"]
    assert_answers_where_spoken(answers, interview)
    assert [a["question"] for a in answers] == list(QUESTIONS)
    recording = data["recording"]
    assert recording["mode"] == "candidate-only" and recording["answer_gap_s"] == 4.0


def test_without_questions_relevance_is_not_judged_and_says_so(
    invoke: Invoke, interview: Interview, scripted: None
) -> None:
    data = review_json(invoke, "--audio", interview.candidate)
    answers = data["answers"]
    assert len(answers) == 2
    for answer in answers:
        assert answer["question"] == "" and answer["question_recorded"] is False
        flags = answer["flags"]
        assert "off_topic" not in {f["id"] for f in flags}
    code, out, err = invoke(["review", "--audio", interview.candidate])
    assert code == 0, err
    flat = " ".join(out.split())
    assert "(question not recorded)" in flat
    assert "Relevance to the question is not judged" in flat


def test_a_longer_answer_gap_keeps_both_answers_together(
    invoke: Invoke, interview: Interview, scripted: None
) -> None:
    data = review_json(invoke, "--audio", interview.candidate, "--answer-gap", "10")
    assert len(data["answers"]) == 1
    assert data["recording"]["answer_gap_s"] == 10.0


def test_text_output_shows_each_answer_with_its_delivery(
    invoke: Invoke, interview: Interview, scripted: None
) -> None:
    args = ["review", "--audio", interview.candidate, "--interviewer-audio", interview.interviewer]
    code, out, err = invoke([*args, "-i", "peer"])
    assert code == 0, err
    flat = " ".join(out.split())  # Rich wraps long lines
    assert "Recording:" in flat and "one track per voice: 2 answers" in flat
    assert flat.count("Delivery:") == 2 and "words/min" in flat and "long pauses" in flat
    assert "Answer 1 (0:04–0:15)" in flat and "Answer 2 (0:20–0:25)" in flat
    assert "Whole interview" in flat and "Peer" in flat


def test_question_count_must_match_the_answers_heard(
    invoke: Invoke, interview: Interview, scripted: None, tmp_path: Path
) -> None:
    three = tmp_path / "three.txt"
    three.write_text("One?\nTwo?\nThree?\n", encoding="utf-8")
    code, out, err = invoke(["review", "--audio", interview.candidate, "--questions", three])
    assert code == 1 and out == ""
    assert err.count("\n") == 1
    assert "2 answers were heard" in err and "3 questions" in err and "--answer-gap" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--audio", "{c}", "-t", "{q}"], "give --transcript or --audio, not both"),
        ([], "give --transcript or --audio"),
        (["-t", "{q}", "--channels", "candidate-left"], "--channels needs --audio"),
        (["-t", "{q}", "--answer-gap", "5"], "--answer-gap needs --audio"),
        (
            ["--audio", "{s}", "--channels", "candidate-left", "--interviewer-audio", "{i}"],
            "not both",
        ),
        (["--audio", "{c}", "--interviewer-audio", "{i}", "--questions", "{q}"], "voice only"),
        (["--audio", "{s}", "--channels", "candidate-left", "--answer-gap", "5"], "voice only"),
        (["--audio", "{c}", "--interviewer-audio", "{c}"], "not the --audio file"),
        (["--audio", "{c}", "-i", "peer", "-i", "peer"], "one --interviewer"),
        (["--audio", "{c}", "--candidate", "Jane"], "--candidate"),
        (["--audio", "{s}", "--channels", "left"], "'left' is not one of"),
        (["--audio", "{c}", "--answer-gap", "0.2"], "--answer-gap"),
    ],
)
def test_options_that_do_not_go_together_are_usage_errors(
    invoke: Invoke, interview: Interview, args: list[str], message: str
) -> None:
    paths = {
        "{c}": interview.candidate,
        "{i}": interview.interviewer,
        "{s}": interview.stereo,
        "{q}": interview.questions,
    }
    code, out, err = invoke(["review", *[paths.get(a, a) for a in args]])
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("usage error:")
    assert message in err


def _mono_silence(folder: Path) -> Path:
    return write_wav(folder / "silent.wav", silence(3.0))


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("channels-on-mono", "candidate.wav has 1 audio channel; expected two"),
        ("missing", "cannot read audio"),
        ("missing-interviewer", "cannot read audio"),
        ("not-audio", "not a recognised audio file"),
        ("too-big", "over the 1000 limit"),
        ("too-long", "over the 5 s limit"),
        ("silent", "no speech was heard in silent.wav"),
        ("same-channels", "carry the same sound"),
        ("empty-questions", "lists no questions"),
        ("unknown-interviewer", "nobody"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(
    invoke: Invoke,
    interview: Interview,
    scripted: None,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    case: str,
    message: str,
) -> None:
    base = ["review", "--audio"]
    if case == "channels-on-mono":
        args = [*base, interview.candidate, "--channels", "candidate-left"]
    elif case == "missing":
        args = [*base, tmp_path / "nowhere.wav"]
    elif case == "missing-interviewer":
        args = [*base, interview.candidate, "--interviewer-audio", tmp_path / "nowhere.wav"]
    elif case == "not-audio":
        fake = tmp_path / "answer.wav"
        fake.write_bytes(b"this is not audio at all")
        args = [*base, fake]
    elif case == "too-big":
        monkeypatch.setenv("GREENROOM_MAX_AUDIO_BYTES", "1000")
        args = [*base, interview.candidate]
    elif case == "too-long":
        monkeypatch.setenv("GREENROOM_MAX_AUDIO_S", "5")
        args = [*base, interview.candidate]
    elif case == "silent":
        args = [*base, _mono_silence(tmp_path)]
    elif case == "same-channels":
        same = (0.2 * np.sin(2 * np.pi * 200 * np.arange(RATE) / RATE)).astype(np.float32)
        args = [*base, write_wav(tmp_path / "same.wav", same, same), "--channels", "candidate-left"]
    elif case == "empty-questions":
        empty = tmp_path / "questions.txt"
        empty.write_text("\n \n", encoding="utf-8")
        args = [*base, interview.candidate, "--questions", empty]
    else:
        args = [*base, interview.candidate, "-i", "nobody"]
    code, out, err = invoke(args)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("error:")
    assert message in err


def test_recording_json_keys_are_documented(
    invoke: Invoke, interview: Interview, scripted: None
) -> None:
    data = review_json(
        invoke, "--audio", interview.candidate, "--interviewer-audio", interview.interviewer
    )
    recording = data["recording"]
    keys = set(recording) | {k for turn in recording["turns"] for k in turn}
    keys |= set(data["answers"][0]) - {"schema"}
    doc = (ROOT / "docs" / "recordings-review.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([A-Za-z_]\w*)`", doc))
    assert keys <= documented, sorted(keys - documented)


@pytest.mark.model
def test_real_speech_two_tracks_pair_each_answer_with_its_question(
    invoke: Invoke, interview: Interview
) -> None:
    data = review_json(
        invoke, "--audio", interview.candidate, "--interviewer-audio", interview.interviewer
    )
    answers = data["answers"]
    assert_answers_where_spoken(answers, interview)
    first, second = answers
    assert "project" in str(first["question"]).lower()
    assert "work here" in str(second["question"]).lower()
    assert "billing" in str(first["transcript"]).lower()
    assert "clinics" in str(second["transcript"]).lower()
    for answer in answers:
        assert answer["verdict"] in {"advance", "lean_advance", "lean_no", "no"}
        delivery = answer["delivery"]
        assert 80 < delivery["words_per_minute"] < 250
    assert data["overall"] is not None and data["verdict"]

"""``greenroom analyze --audio``: a recorded answer is transcribed, judged and measured."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

Invoke = Callable[..., tuple[int, str, str]]
ESPEAK = "/usr/bin/espeak-ng"
ANSWER = (
    "Um, in 2021 I led the migration of our billing service to PostgreSQL. "
    "I wrote the plan, moved forty tables in six weeks, and cut invoice errors by thirty percent."
)


@pytest.fixture(scope="module")
def spoken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which(ESPEAK) is None:
        message = f"{ESPEAK} is not installed (apt-get install espeak-ng)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    path = tmp_path_factory.mktemp("audio") / "answer.wav"
    subprocess.run([ESPEAK, "-v", "en-us", "-s", "150", "-w", str(path), ANSWER], check=True)
    return path


def test_analyze_audio_json(invoke: Invoke, spoken: Path) -> None:
    args = ["analyze", "-i", "hiring-manager", "-q", "Tell me about a project you led."]
    code, out, err = invoke([*args, "--audio", spoken, "--json"])
    assert code == 0, err
    data = json.loads(out)
    assert "billing" in data["transcript"].lower()
    assert data["verdict"] and data["criteria"]
    for key in (
        "words_per_minute",
        "filler_count",
        "long_pause_count",
        "longest_pause_s",
        "pitch_variation_st",
    ):
        assert key in data["delivery"]
    assert 80 < data["delivery"]["words_per_minute"] < 250


def test_analyze_audio_text(invoke: Invoke, spoken: Path) -> None:
    code, out, err = invoke(["analyze", "-i", "hiring-manager", "-q", "Q?", "--audio", spoken])
    assert code == 0, err
    assert "Transcript:" in out and "words/min" in out


def test_bad_audio_is_one_line(invoke: Invoke, tmp_path: Path) -> None:
    fake = tmp_path / "answer.wav"
    fake.write_bytes(b"this is not audio at all")
    code, out, err = invoke(["analyze", "-i", "hiring-manager", "-q", "Q?", "--audio", fake])
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("error: not a recognised audio file")


def test_audio_and_answer_together_is_a_usage_error(invoke: Invoke, spoken: Path) -> None:
    args = ["analyze", "-i", "hiring-manager", "-q", "Q?", "-a", "x", "--audio", spoken]
    assert invoke(args)[0] == 2


def test_rehearse_takes_a_recorded_answer_and_its_delivery_counts(
    invoke: Invoke, spoken: Path
) -> None:
    args = ["rehearse", "-i", "hiring-manager", "--seed", "3", "-n", "1"]
    script = f"/audio {spoken}\n/skip\n"
    code, out, err = invoke(args, stdin=script)
    assert code == 0, err
    assert "Heard:" in out and "billing" in out.lower()
    assert "words/min" in out
    assert "Verdict" in out  # the interview verdict is judged on the heard answer


def test_rehearse_audio_problems_are_one_line_and_the_question_stays(
    invoke: Invoke, tmp_path: Path
) -> None:
    fake = tmp_path / "answer.wav"
    fake.write_bytes(b"this is not audio at all")
    args = ["rehearse", "-i", "hiring-manager", "--seed", "3", "-n", "1"]
    code, out, err = invoke(args, stdin=f"/audio {fake}\n/audio\n/quit\n")
    assert code == 0, err
    assert "not a recognised audio file" in out
    assert "give the recording after /audio" in out
    assert "Traceback" not in out + err

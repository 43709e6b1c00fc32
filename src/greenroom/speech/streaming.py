"""Transcription while a recording is still growing, so that after Stop only the tail is left.

The browser uploads its recording every second; each upload is a longer prefix of the same
file. :class:`StreamingTranscription` decodes only what each prefix adds (see
:class:`~greenroom.speech.audio.PrefixDecoder`), looks for a pause in the audio that is not
transcribed yet, and transcribes up to the middle of that pause. Stretches end in silence, so
no word is cut in two, and are at least :data:`MIN_STRETCH_S` long, so Whisper has context
and there are few cuts. When the candidate stops, :meth:`StreamingTranscription.finish`
decodes the last bytes and transcribes only what follows the last cut.

:class:`BackgroundTranscriber` runs this for every recording of a web app on one worker
thread. See docs/metrics.md ("Transcription while recording") for the measurements behind
the constants.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from greenroom.errors import AudioDecodeError
from greenroom.speech.asr import TimedTranscript
from greenroom.speech.audio import SAMPLE_RATE, Audio, PrefixDecoder
from greenroom.speech.delivery import TimedWord
from greenroom.speech.delivery.pauses import speech_segments

if TYPE_CHECKING:
    from greenroom.domain.ports import Transcriber

logger = logging.getLogger(__name__)

__all__ = [
    "CUT_PAUSE_S",
    "MAX_STRETCH_S",
    "MIN_STRETCH_S",
    "SPEECH_END_PAD_S",
    "TAIL_KEEP_S",
    "BackgroundTranscriber",
    "SpokenAnswer",
    "StreamingTranscription",
    "find_cut_s",
]

MIN_STRETCH_S = 12.0
"""Shortest stretch transcribed on its own (seconds). Shorter stretches give Whisper too
little context and mean more cuts; longer ones leave a longer tail at Stop."""
TAIL_KEEP_S = 2.0
"""Audio at the end of a prefix that is never committed (seconds): a pause there may be the
breath before the next word, and the last packets of a prefix are still arriving."""
MAX_STRETCH_S = 25.0
"""With no pause in this many seconds, cut anyway at the quietest moment (Whisper reads 30 s
at a time)."""
CUT_PAUSE_S = 0.3
"""Shortest silence that counts as a pause to cut in (the delivery metrics' pause floor)."""
SPEECH_END_PAD_S = 0.5
"""Silence kept after the last speech of a stretch (seconds); the rest is not transcribed."""
_QUIET_FRAME_S = 0.03
_AHEAD_KEPT = 4  # transcriptions made ahead, kept for the next cut or for Stop


@dataclass(frozen=True)
class SpokenAnswer:
    """A finished recording: all of its audio and what was said, word times from its start."""

    audio: Audio
    transcript: TimedTranscript


def find_cut_s(
    samples: npt.NDArray[np.float32],
    *,
    min_stretch_s: float = MIN_STRETCH_S,
    tail_keep_s: float = TAIL_KEEP_S,
    max_stretch_s: float = MAX_STRETCH_S,
    cut_pause_s: float = CUT_PAUSE_S,
) -> float | None:
    """Where to end the next stretch of ``samples`` (16 kHz, the audio not transcribed yet),
    in seconds from their start, or ``None`` when it is too early to cut.

    The cut is the middle of the latest pause (voice activity, at least ``cut_pause_s``,
    followed by speech) that lies between ``min_stretch_s`` and ``tail_keep_s`` before the
    end (a pause that spans that horizon is cut at the horizon). Without such a pause,
    once the usable part reaches ``max_stretch_s``, the cut is the quietest 30 ms there.
    """
    length_s = samples.size / SAMPLE_RATE
    horizon = length_s - tail_keep_s
    if horizon < min_stretch_s:
        return None
    segments = speech_segments(samples, min_pause_s=cut_pause_s)
    edges = [0.0, *(t for segment in segments for t in segment), length_s]
    # Silences that speech follows: a silence still going on at the end may be where the
    # answer ends, which is transcribed ahead of time instead of being cut.
    silences = [
        (edges[i], edges[i + 1])
        for i in range(0, len(edges) - 2, 2)
        if edges[i + 1] - edges[i] >= cut_pause_s
    ]
    # The middle of each pause; a pause that spans the horizon is cut at the horizon.
    middles = [(s, min((s + e) / 2, horizon)) for s, e in silences]
    cuts = [t for s, t in middles if t >= min_stretch_s and t - s >= cut_pause_s / 2]
    if cuts:
        return max(cuts)
    if horizon >= max_stretch_s:
        return _quietest_s(samples, min_stretch_s, max_stretch_s)
    return None


def _quietest_s(samples: npt.NDArray[np.float32], start_s: float, end_s: float) -> float:
    frame = int(_QUIET_FRAME_S * SAMPLE_RATE)
    first, last = int(start_s * SAMPLE_RATE), int(end_s * SAMPLE_RATE)
    count = max(1, (last - first) // frame)
    block = samples[first : first + count * frame].astype(np.float64)
    energy = np.mean(block.reshape(count, -1) ** 2, axis=1)
    return (first + (int(np.argmin(energy)) + 0.5) * frame) / SAMPLE_RATE


class StreamingTranscription:
    """One recording, transcribed stretch by stretch while it grows.

    While the candidate pauses, the audio after the last cut is also transcribed ahead of
    time. When the recording then stops without further speech, :meth:`finish` reuses that
    result (the same samples give the same words), so nothing is left to transcribe; when a
    later cut falls in that same pause, the stretch reuses it too.
    """

    def __init__(self, transcriber: Transcriber, *, max_bytes: int, max_seconds: float) -> None:
        self._transcriber = transcriber
        self._decoder = PrefixDecoder(max_bytes=max_bytes, max_seconds=max_seconds)
        self._restarts = 0
        self._committed = 0  # samples transcribed
        self._texts: list[str] = []
        self._words: list[TimedWord] = []
        self._ahead: dict[tuple[int, int], TimedTranscript] = {}  # span -> words, made ahead
        self.stretches: list[tuple[float, float]] = []
        """The spans transcribed so far, ``(start_s, end_s)``."""
        self.reused_ahead = False
        """Whether :meth:`finish` took the tail from the transcription made ahead of time."""

    @property
    def transcribed_s(self) -> float:
        """Seconds of audio, from the start, whose words are known."""
        return self._committed / SAMPLE_RATE

    def advance(self, data: bytes) -> None:
        """Take the recording so far (``data``, a prefix of the file) and transcribe the
        stretches that are complete. A cut-off end is normal; content that is not audio, or
        audio over the limits, raises :class:`AudioDecodeError`."""
        self._decoder.feed(data)
        self._forget_if_restarted()
        while True:
            samples = self._decoder.samples
            cut = find_cut_s(samples[self._committed :])
            if cut is None:
                break
            self._commit(self._committed + int(round(cut * SAMPLE_RATE)))
        self._transcribe_ahead()

    def finish(self, data: bytes) -> SpokenAnswer:
        """The complete recording: decoded strictly (as :func:`decode_audio` would), and only
        the audio after the last stretch transcribed. When ``data`` does not continue what
        was transcribed, everything is transcribed again."""
        self._decoder.feed(data, final=True)
        self._forget_if_restarted()
        samples = self._decoder.samples
        if samples.size > self._committed:
            self._commit(samples.size, final=True)
        audio = Audio(samples=samples, duration_s=samples.size / SAMPLE_RATE)
        text = " ".join(t for t in self._texts if t)
        return SpokenAnswer(audio, TimedTranscript(text, tuple(self._words)))

    def _forget_if_restarted(self) -> None:
        if self._decoder.restarts != self._restarts:
            logger.info("the recording changed under its transcript; transcribing it again")
            self._restarts = self._decoder.restarts
            self._committed = 0
            self._texts.clear()
            self._words.clear()
            self._ahead.clear()
            self.stretches.clear()

    def _piece(self, end: int) -> tuple[int, int]:
        """Sample span to transcribe for the stretch ending at ``end``: trailing silence is
        left out (Whisper spends a whole extra pass, often with temperature fallbacks, on
        it); all of it when voice activity finds no speech (the transcriber may still hear
        something)."""
        start = self._committed
        segments = speech_segments(self._decoder.samples[start:end], min_pause_s=CUT_PAUSE_S)
        if not segments:
            return start, end
        return start, min(end, start + int((segments[-1][1] + SPEECH_END_PAD_S) * SAMPLE_RATE))

    def _transcribe(self, span: tuple[int, int]) -> TimedTranscript:
        piece = self._decoder.samples[span[0] : span[1]]
        return self._transcriber.transcribe(Audio(piece, piece.size / SAMPLE_RATE))

    def _commit(self, end: int, *, final: bool = False) -> None:
        span = self._piece(end)
        heard = self._ahead.get(span)
        if heard is None:
            heard = self._transcribe(span)
        elif final:
            self.reused_ahead = True
        self._ahead.clear()  # they all start at this stretch's start
        offset = span[0] / SAMPLE_RATE
        self._texts.append(heard.text.strip())
        self._words.extend(
            TimedWord(w.text, w.start_s + offset, w.end_s + offset) for w in heard.words
        )
        self._committed = end
        self.stretches.append((offset, end / SAMPLE_RATE))

    def _transcribe_ahead(self) -> None:
        """While the speaker pauses (speech ended at least the end pad ago), transcribe all
        of the audio after the last cut, in case the recording stops here."""
        end = self._decoder.samples.size
        span = self._piece(end)
        if span[1] >= end or span[1] <= span[0]:
            return  # still speaking, or nothing heard yet
        if span not in self._ahead:
            while len(self._ahead) >= _AHEAD_KEPT:
                del self._ahead[next(iter(self._ahead))]
            self._ahead[span] = self._transcribe(span)


class _OneAtATime:
    """A transcriber that lets one thread in at a time (the Whisper model is not shared)."""

    def __init__(self, inner: Transcriber) -> None:
        self.name = inner.name
        self._inner = inner
        self._lock = threading.Lock()

    def transcribe(self, audio: Audio) -> TimedTranscript:
        with self._lock:
            return self._inner.transcribe(audio)


class BackgroundTranscriber:
    """Transcribes the recordings of a web app while they are uploaded, on one worker thread.

    :meth:`update` queues a job for a recording (at most one waits per recording; the newest
    wins) and returns at once. :meth:`finish` waits for that recording's running job, then
    finishes it in the caller's thread. A job that fails is logged and the worker goes on.
    """

    def __init__(self, transcriber: Transcriber, *, max_bytes: int, max_seconds: float) -> None:
        self._transcriber = _OneAtATime(transcriber)
        self._max_bytes = max_bytes
        self._max_seconds = max_seconds
        self._changed = threading.Condition()
        self._pending: dict[str, Callable[[], bytes]] = {}
        self._streams: dict[str, StreamingTranscription] = {}
        self._busy: set[str] = set()  # running a job (worker) or finishing (caller)
        self._closed = False
        self._worker = threading.Thread(
            target=self._work, name="greenroom-transcriber", daemon=True
        )
        self._worker.start()

    def update(self, key: str, load: Callable[[], bytes]) -> None:
        """Transcribe what ``load()`` returns (recording ``key`` so far) when the worker is free.

        ``load`` runs on the worker thread. After :meth:`finish` or :meth:`discard` a key is
        new again, so callers stop updating a recording once they finish it."""
        with self._changed:
            if self._closed:
                return
            self._pending[key] = load
            self._changed.notify_all()

    def finish(self, key: str, data: bytes) -> SpokenAnswer:
        """The finished recording ``key`` (all of ``data``), transcribed; an unknown key is
        transcribed from the start. Raises :class:`AudioDecodeError` for bad audio."""
        with self._changed:
            self._pending.pop(key, None)
            while key in self._busy:
                self._changed.wait()
            stream = self._streams.pop(key, None) or self._new_stream()
            self._busy.add(key)
        try:
            return stream.finish(data)
        finally:
            with self._changed:
                self._busy.discard(key)
                self._pending.pop(key, None)
                self._streams.pop(key, None)
                self._changed.notify_all()

    def progress(self, key: str) -> float:
        """Seconds of recording ``key`` transcribed so far (0.0 for an unknown key)."""
        with self._changed:
            stream = self._streams.get(key)
        return stream.transcribed_s if stream is not None else 0.0

    def discard(self, key: str) -> None:
        """Forget recording ``key`` (a running job ends, and its result is dropped)."""
        with self._changed:
            self._pending.pop(key, None)
            self._streams.pop(key, None)

    def close(self) -> None:
        """Stop the worker after its running job; queued jobs are dropped."""
        with self._changed:
            self._closed = True
            self._pending.clear()
            self._changed.notify_all()
        if self._worker is not threading.current_thread():
            self._worker.join()
        with self._changed:
            self._streams.clear()

    def _new_stream(self) -> StreamingTranscription:
        return StreamingTranscription(
            self._transcriber, max_bytes=self._max_bytes, max_seconds=self._max_seconds
        )

    def _next_job(self) -> tuple[str, Callable[[], bytes], StreamingTranscription] | None:
        with self._changed:
            while not self._closed:
                ready = [key for key in self._pending if key not in self._busy]
                if ready:
                    key = ready[0]
                    load = self._pending.pop(key)
                    stream = self._streams.get(key) or self._new_stream()
                    self._streams[key] = stream
                    self._busy.add(key)
                    return key, load, stream
                self._changed.wait()
            return None

    def _work(self) -> None:
        while (job := self._next_job()) is not None:
            key, load, stream = job
            try:
                stream.advance(load())
            except AudioDecodeError as exc:
                logger.warning("recording %s cannot be transcribed yet: %s", key, exc)
            except Exception:
                logger.exception("transcribing recording %s failed", key)
            finally:
                with self._changed:
                    self._busy.discard(key)
                    self._changed.notify_all()

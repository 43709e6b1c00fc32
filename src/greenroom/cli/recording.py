"""``greenroom review --audio``: an interview recording heard, split into answers, judged.

The recording is either the candidate's own track (answers split at long silences, questions
from an optional file), a stereo file with one speaker per channel, or two tracks, one per
participant, as meeting tools export them. Each voice is transcribed turn by turn; the turns
become a transcript that goes through the same judging as ``review --transcript``, and each
answer's delivery is measured on its own stretch of the candidate's voice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from rich.console import Console
from rich.markup import escape

from greenroom.cli.render import render_consistency, render_interview, render_judgement
from greenroom.contract import inconsistency_to_dict, interview_to_dict, spoken_judgement_to_dict
from greenroom.domain.consistency import Inconsistency, Said, check_consistency
from greenroom.domain.delivery import SpokenDelivery, spoken_delivery, spoken_text
from greenroom.domain.interview import judge_interview
from greenroom.domain.models import Exchange, InterviewJudgement, Speaker, Turn
from greenroom.domain.ports import Transcriber
from greenroom.domain.transcripts import answer_turns, exchanges, transcript_from_turns
from greenroom.errors import AudioDecodeError, InputError
from greenroom.runtime import Runtime
from greenroom.speech.asr import TimedTranscript
from greenroom.speech.audio import SAMPLE_RATE, Audio, decode_audio
from greenroom.speech.delivery import Delivery, TimedWord, measure_delivery
from greenroom.speech.delivery.pauses import speech_segments
from greenroom.speech.tracks import (
    ANSWER_GAP_S,
    TURN_PAD_S,
    Segment,
    answer_bounds,
    answer_spans,
    voice_turns,
)
from greenroom.textfiles import read_text_file

RecordingMode = Literal["candidate-only", "channels", "tracks"]
NOT_RECORDED = "(question not recorded)"


class ChannelLayout(StrEnum):
    """Which channel of a stereo recording holds the candidate; the other holds the interviewer."""

    CANDIDATE_LEFT = "candidate-left"
    CANDIDATE_RIGHT = "candidate-right"


@dataclass(frozen=True, slots=True)
class RecordingSource:
    """What to review: the files and how the voices are laid out in them."""

    audio: Path
    interviewer_audio: Path | None = None
    channels: ChannelLayout | None = None
    questions: Path | None = None
    answer_gap_s: float = ANSWER_GAP_S

    @property
    def mode(self) -> RecordingMode:
        if self.channels is not None:
            return "channels"
        return "tracks" if self.interviewer_audio is not None else "candidate-only"


@dataclass(frozen=True, slots=True)
class HeardTurn:
    """One voice's turn and what was heard in it (word times from the recording's start)."""

    speaker: Speaker
    start_s: float
    end_s: float
    heard: TimedTranscript


@dataclass(frozen=True, slots=True)
class HeardAnswer:
    """Where an answer lies in the recording, what was said and how it was said.

    ``spoken.text`` is the judged answer text; times in ``spoken`` (its words and delivery)
    count from ``start_s``.
    """

    start_s: float
    end_s: float
    spoken: SpokenDelivery
    question_recorded: bool


@dataclass(frozen=True, slots=True)
class RecordingReview:
    """A judged interview recording: the judgement plus what was heard and measured."""

    source: RecordingSource
    duration_s: float
    turns: tuple[HeardTurn, ...]
    answers: tuple[HeardAnswer, ...]
    judgement: InterviewJudgement
    consistency: tuple[Inconsistency, ...]


def review_recording(
    runtime: Runtime,
    source: RecordingSource,
    *,
    interviewer_id: str,
    stage: int,
    job: str | None,
) -> RecordingReview:
    """Hear, split, judge and measure one interview recording."""
    questions = _read_questions(source.questions) if source.questions is not None else None
    candidate, interviewer = _load_voices(runtime, source)
    transcriber = runtime.transcriber
    if interviewer is None:
        turns, pairs, spans = _candidate_only(transcriber, candidate, source, questions)
    else:
        turns, pairs, spans = _both_voices(transcriber, candidate, interviewer, source)
    answers = tuple(
        _measured(candidate, turns, span, pair) for span, pair in zip(spans, pairs, strict=True)
    )
    judgement = judge_interview(
        pairs,
        interviewer=interviewer_id,
        stage=stage,
        job=job,
        embedder=runtime.embedder,
        deliveries=[a.spoken for a in answers],
    )
    said = [Said(interviewer_id, p.question, p.answer) for p in pairs]
    return RecordingReview(
        source=source,
        duration_s=max(candidate.duration_s, interviewer.duration_s if interviewer else 0.0),
        turns=turns,
        answers=answers,
        judgement=judgement,
        consistency=check_consistency(said, embedder=runtime.embedder),
    )


def read_audio_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of an audio file, refused before reading when larger than ``max_bytes``."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise AudioDecodeError(f"{path.name} is {size} bytes, over the {max_bytes} limit")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read audio {path}: {exc.strerror or exc}") from exc


def hear_file(runtime: Runtime, path: Path) -> tuple[TimedTranscript, Delivery]:
    """One recorded answer from a file: decoded within the settings' limits, transcribed, and
    its delivery measured (``analyze --audio`` and ``rehearse``'s ``/audio FILE``)."""
    settings = runtime.settings
    audio = decode_audio(
        read_audio_file(path, settings.max_audio_bytes),
        max_bytes=settings.max_audio_bytes,
        max_seconds=settings.max_audio_s,
        name=path.name,
    )
    heard = runtime.transcriber.transcribe(audio)
    return heard, measure_delivery(audio.samples, heard.words)


def _read_questions(path: Path) -> tuple[str, ...]:
    found = tuple(
        line.strip() for line in read_text_file(path, "questions").splitlines() if line.strip()
    )
    if not found:
        raise InputError(f"{path.name} lists no questions (expected one question per line)")
    return found


def _load_voices(runtime: Runtime, source: RecordingSource) -> tuple[Audio, Audio | None]:
    """The candidate's voice and, when it was recorded apart, the interviewer's."""
    settings = runtime.settings
    limits: dict[str, Any] = {
        "max_bytes": settings.max_audio_bytes,
        "max_seconds": settings.max_audio_s,
    }
    data = read_audio_file(source.audio, settings.max_audio_bytes)
    if source.channels is not None:
        from greenroom.speech.channels import decode_channels

        left, right = decode_channels(data, name=source.audio.name, **limits)
        if source.channels is ChannelLayout.CANDIDATE_LEFT:
            return left, right
        return right, left
    candidate = decode_audio(data, name=source.audio.name, **limits)
    if source.interviewer_audio is None:
        return candidate, None
    other = read_audio_file(source.interviewer_audio, settings.max_audio_bytes)
    return candidate, decode_audio(other, name=source.interviewer_audio.name, **limits)


def _candidate_only(
    transcriber: Transcriber,
    candidate: Audio,
    source: RecordingSource,
    questions: Sequence[str] | None,
) -> tuple[tuple[HeardTurn, ...], tuple[Exchange, ...], tuple[Segment, ...]]:
    spans = answer_spans(candidate.samples, min_gap_s=source.answer_gap_s)
    if not spans:
        raise InputError(f"no speech was heard in {source.audio.name}")
    if questions is not None and len(questions) != len(spans):
        raise InputError(
            f"{len(spans)} answers were heard in {source.audio.name} but "
            f"{source.questions.name if source.questions else 'the questions file'} lists "
            f"{len(questions)} questions; change --answer-gap "
            f"(now {source.answer_gap_s:g} s) or the questions"
        )
    turns = tuple(
        HeardTurn("candidate", start, end, _hear(transcriber, candidate, start, end))
        for start, end in spans
    )
    asked = questions or [""] * len(spans)
    kept = [
        (turn, question) for turn, question in zip(turns, asked, strict=True) if turn.heard.text
    ]
    if not kept:
        raise InputError(f"no speech was recognised in {source.audio.name}")
    pairs = tuple(Exchange(question, turn.heard.text) for turn, question in kept)
    return turns, pairs, tuple((turn.start_s, turn.end_s) for turn, _ in kept)


def _both_voices(
    transcriber: Transcriber,
    candidate: Audio,
    interviewer: Audio,
    source: RecordingSource,
) -> tuple[tuple[HeardTurn, ...], tuple[Exchange, ...], tuple[Segment, ...]]:
    where = (
        f"the candidate's channel of {source.audio.name}"
        if source.channels is not None
        else source.audio.name
    )
    mine = speech_segments(candidate.samples)
    if not mine:
        raise InputError(f"no speech was heard in {where}")
    voices = {"candidate": candidate, "interviewer": interviewer}
    turns = tuple(
        HeardTurn(
            t.speaker, t.start_s, t.end_s, _hear(transcriber, voices[t.speaker], t.start_s, t.end_s)
        )
        for t in voice_turns(mine, speech_segments(interviewer.samples))
    )
    transcript = transcript_from_turns(
        Turn(t.speaker, t.heard.text, t.speaker, t.start_s) for t in turns
    )
    pairs = exchanges(transcript)
    if not pairs:
        raise InputError(f"no speech was recognised in {where}")
    starts = [parts[0].time_s or 0.0 for parts in answer_turns(transcript)]
    spoken = [(t.start_s, t.end_s) for t in turns if t.speaker == "candidate"]
    return turns, pairs, answer_bounds(spoken, starts)


def _hear(transcriber: Transcriber, audio: Audio, start_s: float, end_s: float) -> TimedTranscript:
    """Transcribe one turn, with :data:`TURN_PAD_S` of context. Word times become absolute
    and the text is the words joined by single spaces, so an answer's text is exactly the text
    of its words (as a spoken answer's judgement needs)."""
    low = max(0.0, start_s - TURN_PAD_S)
    piece = audio.samples[int(low * SAMPLE_RATE) : int((end_s + TURN_PAD_S) * SAMPLE_RATE)]
    heard = transcriber.transcribe(Audio(piece, piece.size / SAMPLE_RATE))
    text, words = spoken_text(
        TimedWord(w.text, w.start_s + low, w.end_s + low) for w in heard.words
    )
    return TimedTranscript(text, words)


def _measured(
    candidate: Audio, turns: Sequence[HeardTurn], span: Segment, pair: Exchange
) -> HeardAnswer:
    """The delivery of one answer, on its stretch of the candidate's voice; times inside
    ``delivery`` count from the answer's start."""
    start, end = span
    piece = candidate.samples[int(start * SAMPLE_RATE) : int(end * SAMPLE_RATE)]
    words = [
        TimedWord(w.text, max(0.0, w.start_s - start), max(0.0, w.end_s - start))
        for turn in turns
        if turn.speaker == "candidate" and start <= turn.start_s <= end
        for w in turn.heard.words
    ]
    return HeardAnswer(
        start_s=start,
        end_s=end,
        spoken=spoken_delivery(words, measure_delivery(piece, words)),
        question_recorded=bool(pair.question),
    )


def recording_to_dict(review: RecordingReview) -> dict[str, Any]:
    """The JSON of ``review --audio``: the transcript review's shape, each answer with its
    ``transcript``, ``delivery`` and place in the recording, plus a ``recording`` block."""
    data = interview_to_dict(review.judgement)
    data["answers"] = [
        {
            **spoken_judgement_to_dict(
                j, a.spoken.text, a.spoken.delivery.to_dict(), a.spoken.words
            ),
            "start_s": round(a.start_s, 2),
            "end_s": round(a.end_s, 2),
            "question_recorded": a.question_recorded,
        }
        for j, a in zip(review.judgement.answers, review.answers, strict=True)
    ]
    data["consistency"] = [inconsistency_to_dict(item) for item in review.consistency]
    source = review.source
    data["recording"] = {
        "mode": source.mode,
        "channels": source.channels.value if source.channels is not None else None,
        "duration_s": round(review.duration_s, 2),
        "answer_gap_s": source.answer_gap_s if source.mode == "candidate-only" else None,
        "turns": [
            {
                "speaker": t.speaker,
                "start_s": round(t.start_s, 2),
                "end_s": round(t.end_s, 2),
                "text": t.heard.text,
            }
            for t in review.turns
        ],
    }
    return data


def delivery_line(delivery: Delivery) -> str:
    """Pace, fillers, long pauses and pitch variation of one answer, as one line of text."""
    pitch = delivery.pitch_variation_st
    return (
        f"{delivery.words_per_minute:.0f} words/min, {delivery.filler_count} fillers, "
        f"{delivery.long_pause_count} long pauses (longest {delivery.longest_pause_s:.1f} s), "
        "pitch variation " + ("n/a" if pitch is None else f"{pitch:.1f} st")
    )


def render_recording(console: Console, review: RecordingReview) -> None:
    """Each answer with where it lies, its transcript, judgement and delivery; then the whole."""
    console.print(f"[bold]Recording:[/] {escape(_described(review))}")
    for index, (j, a) in enumerate(zip(review.judgement.answers, review.answers, strict=True), 1):
        question = j.question if a.question_recorded else NOT_RECORDED
        console.rule(f"Answer {index} ({_clock(a.start_s)}–{_clock(a.end_s)}): {question[:60]}")
        if not a.question_recorded:
            console.print("[dim]Relevance to the question is not judged: it was not recorded.[/]")
        console.print(f"[bold]Transcript:[/] {escape(a.spoken.text)}")
        render_judgement(console, j, compact=True)
        console.print(f"[bold]Delivery:[/] {delivery_line(a.spoken.delivery)}")
    render_interview(console, replace(review.judgement, answers=()))
    if review.consistency:
        render_consistency(console, review.consistency)


def _described(review: RecordingReview) -> str:
    source = review.source
    found = f"{len(review.answers)} answer{'s' if len(review.answers) != 1 else ''}"
    length = _clock(review.duration_s)
    if source.mode == "candidate-only":
        return (
            f"{source.audio.name} ({length}), the candidate's voice only: {found}, split at "
            f"silences of {source.answer_gap_s:g} s or more"
        )
    if source.mode == "channels":
        side = "left" if source.channels is ChannelLayout.CANDIDATE_LEFT else "right"
        return f"{source.audio.name} ({length}), candidate on the {side} channel: {found}"
    other = source.interviewer_audio.name if source.interviewer_audio else ""
    return f"{source.audio.name} and {other} ({length}), one track per voice: {found}"


def _clock(seconds: float) -> str:
    whole = int(round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"

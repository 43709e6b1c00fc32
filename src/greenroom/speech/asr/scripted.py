"""A deterministic stand-in transcriber: it returns the words it was given, whatever the audio.

With no words it spreads a default sentence evenly over the audio, so plumbing (CLI, web,
delivery metrics) can be tested without a speech model.
"""

from __future__ import annotations

from collections.abc import Sequence

from greenroom.speech.asr import TimedTranscript
from greenroom.speech.audio import Audio
from greenroom.speech.delivery import TimedWord

DEFAULT_TEXT = "I led a small team and we cut the deployment time by forty percent."


class ScriptedTranscriber:
    """Returns ``words`` (or ``text`` spread evenly over the audio) for every recording."""

    name = "scripted"

    def __init__(self, words: Sequence[TimedWord] = (), *, text: str = DEFAULT_TEXT) -> None:
        self._words = tuple(words)
        self._text = text

    def transcribe(self, audio: Audio) -> TimedTranscript:
        if self._words:
            return TimedTranscript(" ".join(w.text for w in self._words), self._words)
        tokens = self._text.split()
        step = audio.duration_s / len(tokens) if tokens else 0.0
        words = tuple(
            TimedWord(text=t, start_s=i * step, end_s=(i + 1) * step) for i, t in enumerate(tokens)
        )
        return TimedTranscript(self._text, words)

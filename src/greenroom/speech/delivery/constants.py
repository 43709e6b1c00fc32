"""Default thresholds for the delivery metrics, in one table.

Sources (see docs/metrics.md for the reasoning behind each value):

- ``LONG_PAUSE_S`` = 2.0 s: the product issue defines a long pause as a silence over 2 s.
- ``MIN_PAUSE_S`` = 0.3 s: shorter gaps are articulation, not pauses (the usual 250-300 ms
  floor in pause research; also the VAD's ``min_silence_duration_ms``).
- ``CONVERSATIONAL_WPM`` = 150: typical conversational English speaking rate
  (greenroom.text.english.SPEAKING_WPM uses the same figure).
- Pitch tracker settings (40 ms frames, 10 ms hop, 75-400 Hz) follow the common defaults of
  autocorrelation trackers (Boersma 1993 / Praat's 75 Hz floor); ``MONOTONE_ST`` = 1.0 st
  separates espeak-ng monotone (about 0.4 st) from normal (about 1.6 st) speech as measured
  in /work/shared/DEPS.md section 2, in line with the prosody convention of F0 SD in semitones.
- Loudness is RMS in dBFS (0 dBFS = full-scale square wave); 250 ms windows for consistency.
"""

from __future__ import annotations

SAMPLE_RATE = 16000
"""Expected input rate in Hz (mono float32 in [-1, 1])."""

LONG_PAUSE_S = 2.0
MIN_PAUSE_S = 0.3
CONVERSATIONAL_WPM = 150.0

VAD_THRESHOLD = 0.5
"""Silero speech probability above which a 32 ms window is speech (faster-whisper default)."""
VAD_SPEECH_PAD_MS = 30
"""Padding around each Silero speech segment; kept small so pauses keep their length."""
MIN_SPEECH_S = 0.1
"""Speech bursts shorter than this are dropped (clicks, breaths)."""

ENERGY_FRAME_S = 0.03
ENERGY_REL_DB = -35.0
"""Energy fallback VAD: a frame is speech when within this many dB of the loudest frame ..."""
ENERGY_FLOOR_DBFS = -60.0
"""... and louder than this absolute floor."""

PITCH_FRAME_S = 0.04
PITCH_HOP_S = 0.01
PITCH_MIN_HZ = 75.0
PITCH_MAX_HZ = 400.0
PITCH_VOICING = 0.5
"""Normalized autocorrelation peak needed to call a frame voiced."""
PITCH_SILENCE_DBFS = -50.0
"""Frames quieter than this are never voiced."""
PITCH_MIN_RUN_FRAMES = 3
"""Voiced runs shorter than this (30 ms) are dropped as blips."""
PITCH_MAX_DEVIATION_ST = 10.0
"""Frames further than this from the median F0 are octave/tracking errors (speech stays
within about +-5 st; an octave error is 12 st)."""
PITCH_MIN_VOICED_FRAMES = 20
MONOTONE_ST = 1.0

LOUDNESS_WINDOW_S = 0.25
SILENCE_DB = -120.0
"""dBFS reported for digital silence (RMS of zero)."""

"""Spoken answers: decode the recording, transcribe it, measure how it was said.

    audio       bytes of a wav/webm/ogg/mp3/m4a file -> 16 kHz mono float32 samples
    asr         transcribers by name (faster-whisper tiny.en, or a scripted stand-in)
    delivery    pace, fillers, pauses and pitch from the samples and the timed words

Nothing heavy is imported here: PyAV loads with :mod:`greenroom.speech.audio`, and the
speech model only when a transcriber is created.
"""

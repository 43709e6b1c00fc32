"""The MIT interview dataset (Naim et al.) read from ``shared/`` at evaluation time only.

The dataset is research-only: nothing from it is copied into the project. First-session
interviews (``P*``) are the calibration half; second-session ones (``PP*``) the test half.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from greenroom.domain.models import Speaker, Transcript, Turn
from greenroom.domain.transcripts import transcript_from_turns
from greenroom.errors import ConfigurationError

MERGED_FILE = "mit_interview_merged.jsonl"
TARGETS = ("RecommendHiring", "Overall")
Half = Literal["calibration", "test"]
_ROLES: dict[str, Speaker] = {"interviewer": "interviewer", "interviewee": "candidate"}


@dataclass(frozen=True, slots=True)
class RatedInterview:
    """One interview with the crowd ratings of the whole interview (7-point averages)."""

    participant: str
    transcript: Transcript
    ratings: tuple[tuple[str, float], ...]

    @property
    def half(self) -> Half:
        """``"test"`` for second-session interviews (``PP*``), else ``"calibration"``."""
        return "test" if self.participant.upper().startswith("PP") else "calibration"

    def rating(self, name: str) -> float:
        """The rating called ``name`` (e.g. ``"RecommendHiring"``)."""
        return dict(self.ratings)[name]


def load_interviews(folder: Path, *, halves: Iterable[Half]) -> tuple[RatedInterview, ...]:
    """The interviews of the given halves, ordered by session then participant number.

    Turns by the ``Unknown`` speaker are skipped. Raises :class:`ConfigurationError` when the
    folder or its merged JSONL file is missing.
    """
    path = folder / MERGED_FILE
    if not path.is_file():
        raise ConfigurationError(f"MIT interview dataset not found: {path} is missing")
    wanted = set(halves)
    interviews: list[RatedInterview] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            interview = _interview(json.loads(line))
            if interview.half in wanted:
                interviews.append(interview)
    return tuple(sorted(interviews, key=_order))


def _interview(row: dict[str, object]) -> RatedInterview:
    raw_turns = row["turns"]
    raw_ratings = row["ratings"]
    if not isinstance(raw_turns, list) or not isinstance(raw_ratings, dict):
        raise ConfigurationError(f"unexpected row shape for participant {row.get('participant')}")
    turns = (
        Turn(_ROLES[str(turn["speaker"]).lower()], str(turn["text"]))
        for turn in raw_turns
        if str(turn["speaker"]).lower() in _ROLES
    )
    ratings = tuple((str(name), float(value)) for name, value in raw_ratings.items())
    return RatedInterview(str(row["participant"]), transcript_from_turns(turns), ratings)


def _order(interview: RatedInterview) -> tuple[int, int]:
    digits = "".join(ch for ch in interview.participant if ch.isdigit())
    return (1 if interview.half == "test" else 0, int(digits or 0))

"""Practice sessions and the attempts inside them, as the store keeps them.

An attempt is saved before it is judged, so a crash while judging loses nothing: attempts without
a judgement are judged again at the next start. The judgement is kept as the documented JSON
object (``docs/judgement-json.md``), which is what every reader of history needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

SessionKind = Literal["single", "loop"]


@dataclass(frozen=True, slots=True)
class SessionDraft:
    kind: SessionKind
    title: str
    interviewer: str | None = None  # for a single-interviewer session
    stage: int = 2
    job: str | None = None  # the posting text, when the session was planned from one


@dataclass(frozen=True, slots=True)
class PracticeSession:
    id: int
    kind: SessionKind
    title: str
    interviewer: str | None
    stage: int
    job: str | None
    created_at: datetime
    finished_at: datetime | None


@dataclass(frozen=True, slots=True)
class AttemptDraft:
    session_id: int
    interviewer: str
    stage: int
    question: str
    answer: str
    question_id: str | None = None
    retry_of: int | None = None  # the attempt this one tries again
    recording_id: str | None = None  # the spoken answer's recording, when it was recorded


@dataclass(frozen=True, slots=True)
class Attempt:
    id: int
    session_id: int
    interviewer: str
    stage: int
    question: str
    answer: str
    question_id: str | None
    retry_of: int | None
    created_at: datetime
    judgement: dict[str, Any] | None  # the judgement JSON; None until judged
    judged_at: datetime | None
    recording_id: str | None = None  # set when the answer was spoken and recorded

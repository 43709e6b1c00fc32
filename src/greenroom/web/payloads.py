"""Domain records as the JSON the API returns (judgements use the shared contract as stored)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from greenroom.domain.practice import SessionSummary
from greenroom.domain.sessions import Attempt, PracticeSession


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def session_to_dict(s: PracticeSession) -> dict[str, Any]:
    return {
        "id": s.id,
        "kind": s.kind,
        "title": s.title,
        "interviewer": s.interviewer,
        "stage": s.stage,
        "job": s.job,
        "created_at": _time(s.created_at),
        "finished_at": _time(s.finished_at),
    }


def summary_to_dict(summary: SessionSummary) -> dict[str, Any]:
    return {
        **session_to_dict(summary.session),
        "attempts": summary.attempts,
        "last_overall": summary.last_overall,
    }


def attempt_to_dict(a: Attempt) -> dict[str, Any]:
    return {
        "id": a.id,
        "session_id": a.session_id,
        "interviewer": a.interviewer,
        "stage": a.stage,
        "question": a.question,
        "question_id": a.question_id,
        "answer": a.answer,
        "retry_of": a.retry_of,
        "recording_id": a.recording_id,
        "audio_url": f"/recordings/{a.recording_id}/audio" if a.recording_id else None,
        "created_at": _time(a.created_at),
        "judged_at": _time(a.judged_at),
        "judgement": a.judgement,
    }

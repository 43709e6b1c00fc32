"""The stable JSON shape of judgements, shared by the CLI and (later) the web API.

Documented in ``docs/judgement-json.md``; a test checks that the documented keys match.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from greenroom.domain.consistency import Inconsistency
from greenroom.domain.delivery import speech_spans
from greenroom.domain.interviewers import InterviewerType
from greenroom.domain.models import (
    Evidence,
    InterviewJudgement,
    Judgement,
    Question,
    Reason,
    Signal,
)
from greenroom.speech.delivery import TimedWord

SCHEMA_VERSION = 1


def _evidence(items: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    return [{"text": e.text, "start": e.start, "end": e.end} for e in items]


def _reason(r: Reason) -> dict[str, Any]:
    return {"text": r.text, "evidence": _evidence(r.evidence)}


def _signal(s: Signal) -> dict[str, Any]:
    value: float | int = int(s.value) if float(s.value).is_integer() else s.value
    return {
        "id": s.id,
        "value": value,
        "unit": s.unit,
        "detail": s.detail,
        "evidence": _evidence(s.evidence),
    }


def judgement_to_dict(j: Judgement) -> dict[str, Any]:
    """A judgement as the documented JSON object."""
    return {
        "schema": SCHEMA_VERSION,
        "interviewer": j.interviewer,
        "stage": int(j.stage),
        "question": j.question,
        "overall": j.overall,
        "verdict": j.verdict,
        "criteria": [
            {
                "id": c.id,
                "score": c.score,
                "evidence": _evidence(c.evidence),
                "tip": c.tip,
                "rule": c.rule,
            }
            for c in j.criteria
        ],
        "flags": [
            {
                "id": f.id,
                "severity": f.severity,
                "evidence": _evidence(f.evidence),
                "explanation": f.explanation,
                "rule": f.rule,
            }
            for f in j.flags
        ],
        "reasons": [_reason(r) for r in j.reasons],
        "flip": list(j.flip),
        "tips": list(j.tips),
        "signals": [_signal(s) for s in j.signals],
    }


def _seconds(value: float) -> float:
    return round(float(value), 3)


def spoken_judgement_to_dict(
    j: Judgement,
    transcript: str,
    delivery: Mapping[str, Any],
    words: Sequence[TimedWord] = (),
) -> dict[str, Any]:
    """A judgement of a recorded answer: the judgement JSON plus ``transcript`` (the text that
    was judged) and ``delivery`` (``Delivery.to_dict()``: pace, fillers, pauses, pitch).

    With the timed ``words`` the transcript was built from, ``words`` (``[text, start_s,
    end_s]`` each) and ``speech`` (``[start_s, end_s]`` stretches of voice between the pauses)
    are added for the answer's timeline.
    """
    out = {**judgement_to_dict(j), "transcript": transcript, "delivery": dict(delivery)}
    if words:
        pauses = [(float(a), float(b)) for a, b in delivery.get("pauses", ())]
        out["words"] = [[w.text, _seconds(w.start_s), _seconds(w.end_s)] for w in words]
        out["speech"] = [[_seconds(a), _seconds(b)] for a, b in speech_spans(words, pauses)]
    return out


def interview_to_dict(j: InterviewJudgement) -> dict[str, Any]:
    """A whole-interview judgement: ``overall`` and ``verdict`` on top, ``answers`` below."""
    return {
        "schema": SCHEMA_VERSION,
        "interviewer": j.interviewer,
        "stage": int(j.stage),
        "overall": j.overall,
        "verdict": j.verdict,
        "reasons": [_reason(r) for r in j.reasons],
        "flip": list(j.flip),
        "tips": list(j.tips),
        "signals": [_signal(s) for s in j.signals],
        "answers": [judgement_to_dict(a) for a in j.answers],
    }


def inconsistency_to_dict(i: Inconsistency) -> dict[str, Any]:
    """A contradiction or reused story across interviews, with both quotes and who heard them."""
    return {
        "kind": i.kind,
        "severity": i.severity,
        "explanation": i.explanation,
        "first": {"interviewer": i.first_interviewer, **_evidence((i.first,))[0]},
        "second": {"interviewer": i.second_interviewer, **_evidence((i.second,))[0]},
    }


def interviewer_to_dict(t: InterviewerType) -> dict[str, Any]:
    """An interviewer type as JSON (CLI `interviewers --json` and the API)."""
    return {
        "id": t.id,
        "name": t.name,
        "who": t.who,
        "wants": t.wants,
        "hidden_worries": list(t.hidden_worries),
        "weights": dict(t.weights),
        "red_flags": list(t.red_flags),
        "bar": t.bar,
        "approach": list(t.approach),
        "ask_them": list(t.ask_them),
        "not_yet": list(t.not_yet),
        "ally": t.ally,
        "decides": t.decides,
    }


def question_to_dict(q: Question) -> dict[str, Any]:
    """A bank question as JSON (CLI `questions --json` and the API)."""
    return {
        "id": q.id,
        "text": q.text,
        "interviewers": list(q.interviewers),
        "criteria": list(q.criteria),
        "kind": q.kind,
        "seniority": q.seniority,
        "really_asking": q.really_asking,
        "follow_ups": list(q.follow_ups),
    }

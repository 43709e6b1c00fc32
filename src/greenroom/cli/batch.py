"""``analyze --batch``: one JSON judgement per input line, in order; a bad line gets an error."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from greenroom.contract import judgement_to_dict
from greenroom.domain.judging import judge_answer
from greenroom.errors import GreenroomError, InputError
from greenroom.runtime import Runtime

MAX_LINE_BYTES = 1_000_000


class BatchLine(BaseModel):
    """One input line of a batch (also the body of the web API's judgement request)."""

    model_config = ConfigDict(extra="forbid")

    interviewer: str = Field(min_length=1)
    question: str
    answer: str
    stage: int = 2
    job: str | None = None


def judge_line(raw: str, runtime: Runtime) -> dict[str, Any]:
    """The judgement of one JSONL line, or ``{"error": ...}`` describing what is wrong with it."""
    if len(raw.encode("utf-8", "replace")) > MAX_LINE_BYTES:
        return {"error": f"line longer than {MAX_LINE_BYTES} bytes"}
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        return {"error": f"invalid JSON: {exc.msg} at column {exc.colno}"}
    try:
        line = BatchLine.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "line"
        return {"error": f"{where}: {first['msg']}"}
    try:
        judgement = judge_answer(
            line.question,
            line.answer,
            interviewer=line.interviewer,
            stage=line.stage,
            job=line.job,
            embedder=runtime.embedder,
            max_words=runtime.settings.max_answer_words,
        )
    except GreenroomError as exc:
        return {"error": str(exc)}
    return judgement_to_dict(judgement)


def run_batch(path: Path, runtime: Runtime) -> None:
    """Judge every line of ``path`` and print one compact JSON object per line."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot read batch file {path}: {exc.strerror}") from None
    errors = 0
    with handle:
        for number, raw_bytes in enumerate(handle, 1):
            raw = raw_bytes.decode("utf-8", "replace").strip()
            if not raw:
                result: dict[str, Any] = {"error": "empty line"}
            else:
                result = judge_line(raw, runtime)
            if "error" in result:
                errors += 1
                result = {"line": number, **result}
            print(json.dumps(result, ensure_ascii=False), flush=True)
    if errors:
        print(f"{errors} line(s) could not be judged", file=sys.stderr)

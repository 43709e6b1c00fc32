"""The question bank file format: a pydantic schema and a parser that turns bytes into records.

A bank file is untrusted input, so it is validated here once and converted to the frozen
records of :mod:`greenroom.domain.models`. Every problem becomes a one-line :class:`BankError`
whose message names the first failing place, such as ``questions[12].kind: ...``.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails

from greenroom.domain.models import (
    CandidateQuestion,
    CriterionId,
    InterviewerId,
    Question,
    QuestionBank,
    QuestionKind,
    Seniority,
    Stage,
)
from greenroom.errors import BankError

MAX_BANK_BYTES = 5 * 1024 * 1024
_KEBAB = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def _no_repeats(values: tuple[str, ...]) -> tuple[str, ...]:
    repeated = sorted({v for v in values if values.count(v) > 1})
    if repeated:
        raise ValueError(f"lists {', '.join(repeated)} more than once")
    return values


Text = Annotated[str, Field(min_length=1)]
Interviewers = Annotated[
    tuple[InterviewerId, ...], Field(min_length=1), AfterValidator(_no_repeats)
]
Criteria = Annotated[tuple[CriterionId, ...], Field(min_length=1), AfterValidator(_no_repeats)]


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    id: Annotated[str, Field(pattern=_KEBAB)]
    text: Text
    interviewers: Interviewers

    @field_validator("text")
    @classmethod
    def _is_a_question(cls, text: str) -> str:
        if not text.endswith(("?", ".")):
            raise ValueError("must end with '?' (or '.' for a prompt like 'Walk me through...')")
        return text


class QuestionEntry(_Entry):
    """One interviewer question as written in a bank file."""

    criteria: Criteria
    kind: QuestionKind
    seniority: Seniority = "any"
    really_asking: Text
    follow_ups: Annotated[tuple[Text, ...], Field(min_length=1, max_length=3)]


class CandidateQuestionEntry(_Entry):
    """One question for the candidate to ask, as written in a bank file."""

    purpose: Text
    earliest_stage: Annotated[int, Field(strict=True, ge=1, le=3)] = 1


class BankFile(BaseModel):
    """The whole bank file: at least one question, and ids unique across both lists."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    questions: Annotated[tuple[QuestionEntry, ...], Field(min_length=1)]
    candidate_questions: tuple[CandidateQuestionEntry, ...] = ()

    @model_validator(mode="after")
    def _ids_unique(self) -> BankFile:
        seen: set[str] = set()
        for entry in (*self.questions, *self.candidate_questions):
            if entry.id in seen:
                raise ValueError(f"duplicate id '{entry.id}'")
            seen.add(entry.id)
        return self


def parse_bank(data: bytes, label: str, *, json_format: bool = False) -> QuestionBank:
    """Validate the bytes of a YAML (or, with ``json_format``, JSON) bank and build its records.

    ``label`` names the source in every :class:`BankError`: binary or non-UTF-8 bytes, an
    empty file, invalid YAML/JSON, a top level that is not a mapping, or a schema violation.
    """
    if len(data) > MAX_BANK_BYTES:
        raise BankError(label, "file is larger than 5 MB")
    if b"\x00" in data:
        raise BankError(label, "looks like a binary file, not a YAML or JSON bank")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BankError(label, "is not UTF-8 text") from None
    if not text.strip():
        raise BankError(label, "file is empty")
    raw = _decode_json(text, label) if json_format else _decode_yaml(text, label)
    if not isinstance(raw, dict):
        raise BankError(label, "top level must be a mapping with a 'questions' list")
    try:
        bank = BankFile.model_validate(raw)
    except ValidationError as exc:
        raise BankError(label, _summarise(exc, raw)) from None
    return _to_records(bank)


def _decode_yaml(text: str, label: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise BankError(label, f"not valid YAML{where}: {exc.problem or exc.context}") from None
    except (yaml.YAMLError, RecursionError) as exc:
        raise BankError(label, f"not valid YAML: {str(exc).splitlines()[0]}") from None


def _decode_json(text: str, label: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise BankError(label, f"not valid JSON at line {exc.lineno}: {exc.msg}") from None
    except RecursionError:
        raise BankError(label, "not valid JSON: nested too deeply") from None


def _summarise(exc: ValidationError, raw: dict[str, Any]) -> str:
    """The first schema error as ``questions[12].kind (id 'x'): must be one of ...``."""
    found = exc.errors()
    # A list whose item failed also reports itself as too short; keep the deeper error only.
    errors = [e for e in found if not any(_under(o["loc"], e["loc"]) for o in found)]
    where = _location(errors[0]["loc"], raw)
    extra = len(errors) - 1
    more = f" (and {extra} more problem{'s' if extra > 1 else ''})" if extra else ""
    message = _message(errors[0])
    return f"{where}: {message}{more}" if where else f"{message}{more}"


def _under(loc: tuple[int | str, ...], parent: tuple[int | str, ...]) -> bool:
    return len(loc) > len(parent) and loc[: len(parent)] == parent


def _location(loc: tuple[int | str, ...], raw: dict[str, Any]) -> str:
    where = ""
    for part in loc:
        where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else part)
    if len(loc) >= 2 and isinstance(loc[1], int) and loc[-1] != "id":
        items = raw.get(str(loc[0]))
        if isinstance(items, list) and loc[1] < len(items) and isinstance(items[loc[1]], dict):
            entry_id = items[loc[1]].get("id")
            if isinstance(entry_id, str) and entry_id:
                where += f" (id '{entry_id}')"
    return where


def _message(error: ErrorDetails) -> str:
    kind, ctx, given = error["type"], error.get("ctx", {}), error.get("input")
    if kind == "literal_error":
        return f"{given!r} is not allowed; must be one of {ctx.get('expected')}"
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        return "is not a known field"
    if kind == "string_pattern_mismatch":
        return f"{given!r} must be kebab-case (lowercase words joined by hyphens)"
    if kind in ("too_short", "too_long"):
        limit = ctx.get("min_length" if kind == "too_short" else "max_length")
        bound = "at least" if kind == "too_short" else "at most"
        return f"needs {bound} {limit} {'item' if limit == 1 else 'items'}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return error["msg"][:1].lower() + error["msg"][1:]


def _to_records(bank: BankFile) -> QuestionBank:
    questions = tuple(Question(**e.model_dump()) for e in bank.questions)
    candidate = tuple(
        CandidateQuestion(
            **e.model_dump(exclude={"earliest_stage"}), earliest_stage=Stage(e.earliest_stage)
        )
        for e in bank.candidate_questions
    )
    return QuestionBank(questions=questions, candidate_questions=candidate)

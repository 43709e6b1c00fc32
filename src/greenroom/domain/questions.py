"""The question bank: load a bank file, then filter and sample its questions.

The file format and its validation live in :mod:`greenroom.domain.bank_file`; this module
finds the file (the shipped bank or a user's own) and answers questions about the records.
"""

from __future__ import annotations

import difflib
import random
from functools import lru_cache
from importlib import resources
from pathlib import Path

from greenroom.domain.bank_file import (
    MAX_BANK_BYTES,
    BankFile,
    CandidateQuestionEntry,
    QuestionEntry,
    parse_bank,
)
from greenroom.domain.models import (
    CRITERION_IDS,
    INTERVIEWER_IDS,
    QUESTION_KINDS,
    CandidateQuestion,
    Question,
    QuestionBank,
    Seniority,
    Stage,
)
from greenroom.errors import BankError, NotFoundError

__all__ = [
    "MAX_BANK_BYTES",
    "SENIORITIES",
    "BankFile",
    "CandidateQuestionEntry",
    "QuestionEntry",
    "candidate_questions_for",
    "default_bank",
    "filter_questions",
    "load_bank",
    "question_by_id",
    "sample_questions",
]

SENIORITIES: tuple[Seniority, ...] = ("any", "people-manager")
_SUFFIXES = (".yaml", ".yml", ".json")
_WARM_UP_PREFIX = "intro-"


def load_bank(path: Path | None = None) -> QuestionBank:
    """Load and validate a bank; ``None`` loads the bank shipped with greenroom.

    A user file may be ``.yaml``, ``.yml`` or ``.json`` and at most 5 MB. Every problem
    (missing, unreadable, binary, not YAML/JSON, failing the schema, duplicate ids) raises
    :class:`BankError` with the path and a one-line description.
    """
    if path is None:
        shipped = resources.files("greenroom.domain") / "data" / "questions.yaml"
        return parse_bank(shipped.read_bytes(), str(shipped))
    label = str(path)
    suffix = path.suffix.lower()
    if suffix not in _SUFFIXES:
        raise BankError(label, f"unsupported file type '{suffix}' (use .yaml, .yml or .json)")
    try:
        if not path.is_file():
            raise BankError(label, "is a directory" if path.is_dir() else "file not found")
        if path.stat().st_size > MAX_BANK_BYTES:
            raise BankError(label, "file is larger than 5 MB")
        data = path.read_bytes()
    except OSError as exc:
        raise BankError(label, f"cannot read file: {exc.strerror or exc}") from None
    return parse_bank(data, label, json_format=suffix == ".json")


@lru_cache(maxsize=1)
def default_bank() -> QuestionBank:
    """The shipped bank, loaded once per process."""
    return load_bank()


def _check(kind: str, value: str, known: tuple[str, ...]) -> None:
    if value not in known:
        raise NotFoundError(kind, value, known)


def filter_questions(
    bank: QuestionBank,
    *,
    interviewer: str | None = None,
    kind: str | None = None,
    criterion: str | None = None,
    seniority: str | None = None,
) -> tuple[Question, ...]:
    """Questions matching every given filter, in bank order.

    ``seniority="any"`` keeps only questions for any role; ``"people-manager"`` or ``None``
    also keeps questions meant for people managers. Unknown ids raise :class:`NotFoundError`.
    """
    if interviewer is not None:
        _check("interviewer", interviewer, INTERVIEWER_IDS)
    if kind is not None:
        _check("question kind", kind, QUESTION_KINDS)
    if criterion is not None:
        _check("criterion", criterion, CRITERION_IDS)
    if seniority is not None:
        _check("seniority", seniority, SENIORITIES)
    return tuple(
        q
        for q in bank.questions
        if (interviewer is None or interviewer in q.interviewers)
        and (kind is None or q.kind == kind)
        and (criterion is None or criterion in q.criteria)
        and (seniority != "any" or q.seniority == "any")
    )


def candidate_questions_for(
    bank: QuestionBank, interviewer: str, stage: Stage | None = None
) -> tuple[CandidateQuestion, ...]:
    """Questions the candidate may ask this interviewer; with ``stage``, only those due by then.

    A question is due at ``stage`` when its ``earliest_stage`` is that stage or an earlier one.
    """
    _check("interviewer", interviewer, INTERVIEWER_IDS)
    return tuple(
        c
        for c in bank.candidate_questions
        if interviewer in c.interviewers and (stage is None or c.earliest_stage <= stage)
    )


def question_by_id(bank: QuestionBank, id: str) -> Question:
    """The question with this id; :class:`NotFoundError` lists the closest known ids."""
    for question in bank.questions:
        if question.id == id:
            return question
    ids = [q.id for q in bank.questions]
    raise NotFoundError("question", id, tuple(difflib.get_close_matches(id, ids, n=5)))


def sample_questions(
    bank: QuestionBank, interviewer: str, n: int, *, seed: int, people_manager: bool = False
) -> tuple[Question, ...]:
    """Up to ``n`` distinct questions for one interviewer, the same for the same ``seed``.

    The first is a warm-up (an ``intro-`` question, else a motivation one) when there is one;
    when ``n >= 3`` the last is a closing question; the rest rotate through the other kinds so
    no kind dominates. People-manager questions appear only with ``people_manager=True``.
    Fewer than ``n`` come back when the interviewer has fewer questions; ``n <= 0`` gives ().
    """
    pool = filter_questions(
        bank, interviewer=interviewer, seniority="people-manager" if people_manager else "any"
    )
    n = min(max(n, 0), len(pool))
    if n == 0:
        return ()
    rng = random.Random(seed)
    warm_ups = [q for q in pool if q.id.startswith(_WARM_UP_PREFIX)] or [
        q for q in pool if q.kind == "motivation"
    ]
    first = [rng.choice(warm_ups)] if warm_ups else []
    closings = [q for q in pool if q.kind == "closing" and q not in first]
    last = [rng.choice(closings)] if n >= 3 and closings else []
    taken = {q.id for q in (*first, *last)}
    middle = _rotate_kinds([q for q in pool if q.id not in taken], rng)
    return (*first, *middle[: n - len(first) - len(last)], *last)


def _rotate_kinds(pool: list[Question], rng: random.Random) -> list[Question]:
    """Shuffle each kind, then deal one of each kind in turn; closing questions go last."""
    groups = [[q for q in pool if q.kind == k] for k in QUESTION_KINDS if k != "closing"]
    groups = [g for g in groups if g]
    for group in groups:
        rng.shuffle(group)
    rng.shuffle(groups)
    dealt: list[Question] = []
    while groups:
        dealt.extend(group.pop() for group in groups)
        groups = [g for g in groups if g]
    closing = [q for q in pool if q.kind == "closing"]
    rng.shuffle(closing)
    return dealt + closing

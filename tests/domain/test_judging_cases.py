"""The judging engine, held to the project's own labelled answers.

The answers live in tests/data/labelled_answers.yaml.

Each labelled case says which flags a careful human reviewer would raise on the answer, which
ones they would certainly not raise, and, where the case is clear-cut, which verdicts are
acceptable. The answers run through the real shipped MiniLM model.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from greenroom.domain.judging import judge_answer
from greenroom.domain.models import (
    CRITERION_IDS,
    FLAG_IDS,
    INTERVIEWER_IDS,
    VERDICTS,
    Evidence,
    Judgement,
)
from greenroom.domain.ports import Embedder
from greenroom.embedding import create_embedder

pytestmark = pytest.mark.model

DATA = Path(__file__).resolve().parents[1] / "data" / "labelled_answers.yaml"
_KEYS = frozenset(
    {
        "id",
        "interviewer",
        "stage",
        "question",
        "answer",
        "must_flag",
        "must_not_flag",
        "verdict_in",
    }
)


def _load() -> list[dict[str, Any]]:
    cases = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    assert isinstance(cases, list), f"{DATA} must hold a list of cases"
    return cases


CASES = _load()
_BY_ID = {case["id"]: case for case in CASES}


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    return create_embedder("minilm")


_JUDGED: dict[str, Judgement] = {}


def _judge(case: dict[str, Any], embedder: Embedder) -> Judgement:
    if case["id"] not in _JUDGED:
        _JUDGED[case["id"]] = judge_answer(
            case["question"],
            case["answer"],
            interviewer=case["interviewer"],
            stage=case["stage"],
            embedder=embedder,
        )
    return _JUDGED[case["id"]]


def _quote(e: Evidence) -> str:
    return f"[{e.start}:{e.end}] {e.text!r}"


def _explain(j: Judgement) -> str:
    """The raised flags with their evidence, the overall score and the verdict."""
    lines = [f"overall {j.overall} -> {j.verdict} ({j.interviewer}, stage {int(j.stage)})"]
    if not j.flags:
        lines.append("  no flags raised")
    for flag in j.flags:
        quotes = "; ".join(_quote(e) for e in flag.evidence) or "(no evidence)"
        lines.append(f"  {flag.id} [{flag.severity}] rule: {flag.rule}")
        lines.append(f"      evidence: {quotes}")
    lines.extend(f"  reason: {r.text}" for r in j.reasons)
    return "\n".join(lines)


# --- the data file itself ---------------------------------------------------------------------


def test_labelled_cases_are_well_formed() -> None:
    ids = Counter(case.get("id") for case in CASES)
    assert not [i for i, n in ids.items() if n > 1], "duplicate case ids"
    for case in CASES:
        assert set(case) <= _KEYS, f"{case.get('id')}: unknown keys {set(case) - _KEYS}"
        assert {"id", "interviewer", "stage", "question", "answer"} <= set(case), case.get("id")
        assert case["interviewer"] in INTERVIEWER_IDS, case["id"]
        assert case["stage"] in (1, 2, 3), case["id"]
        assert 1 <= len(case["answer"].split()) <= 250, case["id"]
        must = set(case.get("must_flag") or [])
        must_not = set(case.get("must_not_flag") or [])
        assert must <= set(FLAG_IDS), f"{case['id']}: unknown flags {must - set(FLAG_IDS)}"
        assert must_not <= set(FLAG_IDS), f"{case['id']}: unknown {must_not - set(FLAG_IDS)}"
        assert not must & must_not, f"{case['id']}: {must & must_not} both required and barred"
        assert set(case.get("verdict_in") or []) <= set(VERDICTS), case["id"]


def test_every_flag_has_cases_that_raise_it_and_near_misses_that_do_not() -> None:
    must = Counter(f for case in CASES for f in case.get("must_flag") or [])
    must_not = Counter(f for case in CASES for f in case.get("must_not_flag") or [])
    thin = {f: (must[f], must_not[f]) for f in FLAG_IDS if must[f] < 3 or must_not[f] < 3}
    assert not thin, f"flags with fewer than 3 positive or 3 negative cases: {thin}"


def test_the_labels_cover_strong_and_weak_answers() -> None:
    strong = [
        c
        for c in CASES
        if c["interviewer"] == "hiring-manager"
        and set(c.get("verdict_in") or []) <= {"advance", "lean_advance"}
        and c.get("verdict_in")
        and {"no_example", "vague", "lacks_result", "too_short", "off_topic"}
        <= set(c.get("must_not_flag") or [])
    ]
    weak = [c for c in CASES if c.get("verdict_in") and set(c["verdict_in"]) <= {"lean_no", "no"}]
    assert len(strong) >= 8
    assert len(weak) >= 20


# --- the engine against the labels -------------------------------------------------------------


@pytest.mark.parametrize("case_id", list(_BY_ID))
def test_labelled_case(case_id: str, embedder: Embedder) -> None:
    case = _BY_ID[case_id]
    j = _judge(case, embedder)
    raised = {flag.id for flag in j.flags}
    must = set(case.get("must_flag") or [])
    must_not = set(case.get("must_not_flag") or [])
    missing = must - raised
    wrong = must_not & raised
    problems = []
    if missing:
        problems.append(f"expected but not raised: {sorted(missing)}")
    if wrong:
        problems.append(f"raised but must not be: {sorted(wrong)}")
    verdicts = case.get("verdict_in")
    if verdicts and j.verdict not in verdicts:
        problems.append(f"verdict {j.verdict} not in {verdicts}")
    assert not problems, f"{case_id}: " + "; ".join(problems) + "\n" + _explain(j)


@pytest.mark.parametrize("case_id", list(_BY_ID))
def test_judgement_invariants(case_id: str, embedder: Embedder) -> None:
    case = _BY_ID[case_id]
    j = _judge(case, embedder)
    answer = case["answer"]
    spans: list[tuple[str, Evidence]] = []
    spans += [(f"flag {f.id}", e) for f in j.flags for e in f.evidence]
    spans += [(f"criterion {c.id}", e) for c in j.criteria for e in c.evidence]
    spans += [(f"reason {r.text!r}", e) for r in j.reasons for e in r.evidence]
    spans += [(f"signal {s.id}", e) for s in j.signals for e in s.evidence]
    bad = [
        f"{where}: {_quote(e)} != {answer[e.start : e.end]!r}"
        for where, e in spans
        if not (0 <= e.start <= e.end <= len(answer)) or answer[e.start : e.end] != e.text
    ]
    assert not bad, f"{case_id}: evidence does not quote the answer:\n" + "\n".join(bad)
    assert 0 <= j.overall <= 100, _explain(j)
    assert all(0 <= c.score <= 100 for c in j.criteria), _explain(j)
    assert 1 <= len(j.reasons) <= 3, _explain(j)
    assert all(r.evidence for r in j.reasons), "every reason quotes the answer\n" + _explain(j)
    assert tuple(c.id for c in j.criteria) == CRITERION_IDS
    assert j.verdict in VERDICTS
    assert j.interviewer == case["interviewer"]
    assert int(j.stage) == case["stage"]
    assert j.answer == answer
    assert len({f.id for f in j.flags}) == len(j.flags), "a flag was raised twice"

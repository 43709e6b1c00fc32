"""`greenroom review` with several transcripts: one JSON per interview plus consistency."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

Invoke = Callable[..., tuple[int, str, str]]

ROOT = Path(__file__).resolve().parents[2]

RECRUITER_CALL = """\
Interviewer: Why are you looking for a new role?
Candidate: I was laid off in March when the company restructured the support org.
Interviewer: What are your salary expectations?
Candidate: I'm looking for $90k a year.
"""
MANAGER_CALL = """\
Interviewer: Why did you leave your last job?
Candidate: I left because I wanted to grow into a bigger role with more ownership.
Interviewer: And what would you need on pay?
Candidate: Honestly I'm hoping for around 110,000 dollars base.
"""
SINGLE_KEYS = {
    "schema", "interviewer", "stage", "overall", "verdict", "reasons", "flip", "tips",
    "signals", "answers", "consistency",
}  # fmt: skip
ITEM_KEYS = {"kind", "severity", "explanation", "first", "second"}


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_two_transcripts_give_interviews_and_consistency(invoke: Invoke, tmp_path: Path) -> None:
    first = _write(tmp_path, "recruiter.txt", RECRUITER_CALL)
    second = _write(tmp_path, "manager.txt", MANAGER_CALL)
    args = ["review", "-t", first, "-i", "internal-recruiter", "-t", second, "-i", "hiring-manager"]
    code, out, err = invoke([*args, "--json"])
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"interviews", "consistency"}
    assert [i["interviewer"] for i in data["interviews"]] == [
        "internal-recruiter",
        "hiring-manager",
    ]
    assert all("consistency" not in i for i in data["interviews"])
    kinds = {item["kind"]: item for item in data["consistency"]}
    assert {"salary", "leaving_reason"} <= set(kinds)
    salary = kinds["salary"]
    assert set(salary) == ITEM_KEYS
    assert salary["first"] == {
        "interviewer": "internal-recruiter", "text": "$90k a year", "start": 16, "end": 27,
    }  # fmt: skip
    assert salary["second"]["interviewer"] == "hiring-manager"
    assert salary["second"]["text"] == "110,000 dollars"

    code, out, err = invoke(args)
    assert code == 0, err
    assert "Consistency across interviews" in out
    assert "$90k a year" in out and "110,000 dollars" in out


def test_one_interviewer_applies_to_every_transcript(invoke: Invoke, tmp_path: Path) -> None:
    first = _write(tmp_path, "a.txt", RECRUITER_CALL)
    second = _write(tmp_path, "b.txt", MANAGER_CALL)
    code, out, err = invoke(["review", "-t", first, "-t", second, "-i", "peer", "--json"])
    assert code == 0, err
    data = json.loads(out)
    assert [i["interviewer"] for i in data["interviews"]] == ["peer", "peer"]


def test_interviewer_count_must_match_transcripts(invoke: Invoke, tmp_path: Path) -> None:
    paths = [_write(tmp_path, f"{n}.txt", RECRUITER_CALL) for n in "abc"]
    args = ["review", "-t", paths[0], "-t", paths[1], "-t", paths[2], "-i", "peer", "-i", "peer"]
    code, out, err = invoke(args)
    assert code == 2
    assert "--interviewer" in err


def test_single_transcript_json_keeps_its_shape(invoke: Invoke, tmp_path: Path) -> None:
    path = _write(tmp_path, "recruiter.txt", RECRUITER_CALL)
    code, out, err = invoke(["review", "-t", path, "--json"])
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == SINGLE_KEYS
    assert isinstance(data["consistency"], list)


def test_consistency_keys_are_documented(invoke: Invoke, tmp_path: Path) -> None:
    first = _write(tmp_path, "a.txt", RECRUITER_CALL)
    second = _write(tmp_path, "b.txt", MANAGER_CALL)
    code, out, err = invoke(["review", "-t", first, "-t", second, "--json"])
    assert code == 0, err
    data = json.loads(out)
    keys = set(data) | {k for item in data["consistency"] for k in item}
    keys |= {k for item in data["consistency"] for k in item["first"]}
    doc = (ROOT / "docs" / "judgement-json.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"[A-Za-z_]\w*", " ".join(re.findall(r"`([^`]+)`", doc))))
    documented |= set(re.findall(r"[A-Za-z_]\w*", " ".join(re.findall(r"\{([^{}]*)\}", doc))))
    assert keys <= documented, sorted(keys - documented)

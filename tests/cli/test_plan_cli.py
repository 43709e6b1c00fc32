"""``greenroom plan``: a job posting in, the loop and a brief per interviewer out."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

# The CLI conftest shares the loaded MiniLM model with every command run in-process.
pytestmark = pytest.mark.model

Invoke = Callable[..., tuple[int, str, str]]

POSTING = """\
Engineering Manager, Payments

About the role
You will lead a team of six engineers building our payments platform.

Responsibilities
- Manage and grow a team of 6 engineers
- Own delivery of the payments roadmap
- Hire and onboard new engineers

Requirements
- 5+ years of software engineering experience
- 2+ years managing engineers
- Experience with Python and PostgreSQL

Nice to have
- Kubernetes

Location: London, hybrid (3 days on site)
"""


@pytest.fixture
def job(tmp_path: Path) -> Path:
    path = tmp_path / "job.txt"
    path.write_text(POSTING, encoding="utf-8")
    return path


def test_plan_prints_the_profile_and_a_brief_per_interviewer(invoke: Invoke, job: Path) -> None:
    code, out, err = invoke(["plan", "--job", job])
    assert code == 0, err
    assert "Interview plan" in out
    for heading in ("Likely questions", "Prove to them", "Ask them", "Save for later", "Pitfalls"):
        assert heading in out
    assert "Hiring manager" in out


def test_plan_json_has_the_profile_and_the_ordered_loop(invoke: Invoke, job: Path) -> None:
    code, out, err = invoke(["plan", "--job", job, "--json", "--external-recruiter"])
    assert code == 0, err
    data = json.loads(out)
    assert {"title", "manages_people", "must_have", "nice_to_have", "skills"} <= set(
        data["profile"]
    )
    assert isinstance(data["profile"]["manages_people"], bool)
    loop = [step["interviewer"] for step in data["loop"]]
    assert loop[:3] == ["external-recruiter", "internal-recruiter", "hiring-manager"]
    assert all(5 <= len(step["brief"]["likely_questions"]) <= 8 for step in data["loop"])


def test_plan_include_and_exclude_take_comma_separated_ids(invoke: Invoke, job: Path) -> None:
    code, out, err = invoke(
        [
            "plan",
            "--job",
            job,
            "--format",
            "json",
            "--include",
            "external-recruiter, peer",
            "--exclude",
            "internal-recruiter,hiring-managers-boss",
        ]
    )
    assert code == 0, err
    loop = [step["interviewer"] for step in json.loads(out)["loop"]]
    assert "external-recruiter" in loop and "peer" in loop
    assert "internal-recruiter" not in loop and "hiring-managers-boss" not in loop


def test_plan_markdown_is_a_document(invoke: Invoke, job: Path) -> None:
    code, out, err = invoke(["plan", "--job", job, "--format", "markdown"])
    assert code == 0, err
    assert out.startswith("# Interview plan: ")
    assert "### Likely questions" in out


def test_plan_html_escapes_the_posting(invoke: Invoke, tmp_path: Path) -> None:
    job = tmp_path / "job.txt"
    job.write_text("<script>alert(1)</script> developer\n\n" + POSTING, encoding="utf-8")
    code, out, err = invoke(["plan", "--job", job, "--format", "html"])
    assert code == 0, err
    assert out.startswith("<!DOCTYPE html>")
    assert "<script>" not in out


@pytest.mark.parametrize(
    ("fmt", "start"), [("html", "<!DOCTYPE html>"), ("markdown", "# "), ("json", "{"), ("text", "")]
)
def test_plan_output_writes_the_chosen_format_and_says_where(
    invoke: Invoke, job: Path, tmp_path: Path, fmt: str, start: str
) -> None:
    target = tmp_path / f"plan.{fmt}"
    target.write_text("old", encoding="utf-8")
    code, out, err = invoke(["plan", "--job", job, "--format", fmt, "--output", target])
    assert code == 0, err
    written = target.read_text(encoding="utf-8")
    assert written.startswith(start) and written != "old"
    assert "Interview plan" in written or fmt == "json"
    assert str(target) in err
    assert out == ""


def test_a_short_posting_is_marked_as_a_partial_result(invoke: Invoke, tmp_path: Path) -> None:
    job = tmp_path / "job.txt"
    job.write_text("Barista wanted. Coffee experience.\n", encoding="utf-8")
    code, out, err = invoke(["plan", "--job", job])
    assert code == 0, err
    assert "partial result" in out.lower()
    code, out, err = invoke(["plan", "--job", job, "--json"])
    assert code == 0, err
    assert json.loads(out)["profile"]["partial"] is True
    assert "partial result" in err.lower()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "not found"),
        (lambda d: _write(d / "empty.txt", b""), "empty"),
        (lambda d: _write(d / "blank.txt", b"  \n\n "), "empty"),
        (lambda d: _write(d / "binary.bin", b"\x00\x01\x02" * 50), "binary"),
    ],
)
def test_an_unusable_job_file_is_one_error_line(
    invoke: Invoke, tmp_path: Path, make: Callable[[Path], Path], message: str
) -> None:
    code, out, err = invoke(["plan", "--job", make(tmp_path)])
    assert code == 1
    assert out == ""
    assert err.startswith("error:") and message in err
    assert len(err.strip().splitlines()) == 1


def test_an_unknown_interviewer_id_is_one_error_line(invoke: Invoke, job: Path) -> None:
    code, _, err = invoke(["plan", "--job", job, "--include", "boss"])
    assert code == 1
    assert "unknown interviewer 'boss'" in err


def test_an_unknown_format_is_a_usage_error(invoke: Invoke, job: Path) -> None:
    code, _, err = invoke(["plan", "--job", job, "--format", "pdf"])
    assert code == 2
    assert "--format" in err


def test_json_and_a_document_format_disagree(invoke: Invoke, job: Path) -> None:
    code, _, err = invoke(["plan", "--job", job, "--json", "--format", "html"])
    assert code == 2
    assert "--json" in err

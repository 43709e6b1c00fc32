"""``greenroom rehearse --job``: the whole loop, interviewer by interviewer, then the roll-up."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

Invoke = Callable[..., tuple[int, str, str]]

POSTING = """Senior Data Engineer

About the role
You will build and run the data pipelines behind our analytics platform.

Responsibilities
- Build and maintain batch and streaming data pipelines
- Improve data quality and monitoring

Requirements
- 5+ years of experience with Python and SQL
- Experience with Apache Airflow

Nice to have
- Experience with Kafka

Location: Berlin, hybrid (3 days in the office)
"""

ANSWER = (
    "At my last job I owned the nightly Airflow pipelines for the finance team. In 2023 I "
    "rewrote the slowest DAG in Python and SQL myself, which cut the run time from four hours "
    "to forty minutes and stopped the morning reports from arriving late."
)
OWN_QUESTION = "What does success look like for the Airflow pipelines in the first six months?"


def _posting(tmp_path: Path) -> Path:
    path = tmp_path / "posting.txt"
    path.write_text(POSTING, encoding="utf-8")
    return path


def test_loop_walks_interviewers_and_rolls_up(invoke: Invoke, tmp_path: Path) -> None:
    script = "\n".join(
        [
            ANSWER,  # the screener's question
            "",
            OWN_QUESTION,  # one question of our own for the screener
            "",  # ... and no second one
            ANSWER,  # the hiring manager's question
            "",
            "",  # no questions for the hiring manager
            "/quit",  # leave at the peer's first question
        ]
    )
    args = ["rehearse", "--job", _posting(tmp_path), "--questions", "1", "--seed", "3"]
    code, out, err = invoke(args, stdin=script + "\n")
    assert code == 0, err
    assert "Traceback" not in out + err
    assert "Senior Data Engineer" in out
    assert "Prove to them" in out
    assert out.count("What would you like to ask me?") == 2
    assert out.count("Your question:") == 1
    assert "right person" in out and "right time" in out
    assert "Verdict: Internal recruiter / HR screener" in out
    assert "Verdict: Hiring manager" in out
    assert "Verdict: Peer" not in out  # quit before answering the peer
    assert "Hiring manager's boss (stage" not in out  # never reached
    rollup = out[out.index("The loop") :]
    assert "Offer outlook:" in rollup
    assert "How the decision is made" in rollup
    assert "Hiring manager (decider)" in rollup
    assert "gatekeeper" in rollup


def test_loop_quit_at_once_has_nothing_to_roll_up(invoke: Invoke, tmp_path: Path) -> None:
    code, out, err = invoke(["rehearse", "--job", _posting(tmp_path)], stdin="/quit\n")
    assert code == 0, err
    assert "No answers given; nothing to roll up." in out
    assert "Offer outlook" not in out


def test_interviewer_with_job_keeps_the_single_interview(invoke: Invoke, tmp_path: Path) -> None:
    args = ["rehearse", "-i", "peer", "--job", _posting(tmp_path), "--seed", "1"]
    code, out, err = invoke(args, stdin=f"{ANSWER}\n\n/quit\n")
    assert code == 0, err
    assert "Question 1 of 5" in out
    assert "Verdict" in out and "Offer outlook" not in out


def test_loop_parks_a_concern_with_the_timing_rule_and_checks_consistency(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GREENROOM_DATA_DIR", str(tmp_path / "data"))
    script = "\n".join(
        [
            "/park How many remote days would I get?",  # parked at the screener, stage 1
            ANSWER,
            "",
            "",  # no questions for the screener
            ANSWER,  # the same story for the hiring manager
            "",
            "",
            "/quit",
        ]
    )
    args = ["rehearse", "--job", _posting(tmp_path), "--questions", "1", "--seed", "3"]
    code, out, err = invoke(args, stdin=script + "\n")
    assert code == 0, err
    assert "Parked (" in out
    assert "Until there is an offer" in out  # the timing rule, shown because it is too early
    assert "Consistency across interviews" in out
    code, listed, err = invoke(["parking", "list", "--json"])
    assert code == 0, err
    assert "remote days" in listed


def test_loop_suggests_stories_from_the_bank(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GREENROOM_DATA_DIR", str(tmp_path / "data"))
    code, _, err = invoke(["stories", "add", "--title", "Airflow rewrite", "--text", ANSWER])
    assert code == 0, err
    args = ["rehearse", "--job", _posting(tmp_path), "--questions", "2", "--seed", "3"]
    code, out, err = invoke(args, stdin="/quit\n")
    assert code == 0, err
    assert "A story that fits: Airflow rewrite" in out


def test_single_interviewer_rehearsal_parks_instead_of_judging_the_note(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GREENROOM_DATA_DIR", str(tmp_path / "data"))
    script = "/park Is the salary negotiable?\n/quit\n"
    code, out, err = invoke(["rehearse", "-i", "hiring-manager", "--seed", "2"], stdin=script)
    assert code == 0, err
    assert "Parked (pay)" in out
    assert "No answers given" in out


def test_loop_records_stored_stories_told_and_warns_when_overused(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GREENROOM_DATA_DIR", str(tmp_path / "data"))
    code, _, err = invoke(["stories", "add", "--title", "Airflow rewrite", "--text", ANSWER])
    assert code == 0, err
    # The same story to the screener, the hiring manager and the peer, then stop.
    script = "\n".join([ANSWER, "", "", ANSWER, "", "", ANSWER, "", "", "/quit"])
    args = ["rehearse", "--job", _posting(tmp_path), "--questions", "1", "--seed", "3"]
    code, out, err = invoke(args, stdin=script + "\n")
    assert code == 0, err
    flat = " ".join(out.split())
    assert "'Airflow rewrite' was told to 3 different interviewers" in flat
    assert "reused_story" in flat
    code, listed, err = invoke(["stories", "list", "--json"])
    assert code == 0, err
    assert [story["uses"] for story in json.loads(listed)] == [3]

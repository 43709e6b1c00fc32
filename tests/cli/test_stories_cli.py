"""The ``stories``, ``parking`` and ``db`` commands on a temp data dir."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from greenroom.config import ENV_PREFIX
from greenroom.domain.loop import TIMING_RULE
from greenroom.storage.migrations import head_revision

Invoke = Callable[..., tuple[int, str, str]]

CONFLICT = (
    "A colleague and I disagreed about the release plan. I listened to his concerns and we "
    "agreed on a compromise that shipped on time."
)


@pytest.fixture(autouse=True)
def _data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    data = tmp_path / "data"
    monkeypatch.setenv(ENV_PREFIX + "DATA_DIR", str(data))
    return data


def test_a_story_is_added_listed_suggested_and_removed(invoke: Invoke, _data_dir: Path) -> None:
    code, out, _ = invoke(["stories", "add", "--title", "Release plan", "--text", CONFLICT])
    assert code == 0 and "added story 1" in out
    assert (_data_dir / "greenroom.db").is_file()
    code, out, _ = invoke(["stories", "list", "--json"])
    (story,) = json.loads(out)
    assert story["title"] == "Release plan" and "conflict" in story["competencies"]
    code, out, _ = invoke(["stories", "suggest", "-q", "When did you disagree with someone?"])
    assert code == 0 and "Release plan" in out
    code, out, _ = invoke(["stories", "remove", "1"])
    assert code == 0
    assert json.loads(invoke(["stories", "list", "--json"])[1]) == []


def test_a_story_can_be_read_from_a_file(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(CONFLICT, encoding="utf-8")
    code, out, _ = invoke(["stories", "add", "-t", "From file", "--file", path, "--json"])
    assert code == 0 and json.loads(out)["text"] == CONFLICT


def test_adding_needs_exactly_one_source(invoke: Invoke) -> None:
    code, _, err = invoke(["stories", "add", "-t", "Nothing"])
    assert code == 1 and err.startswith("error: give exactly one of --text and --file")


def test_overuse_is_warned_about(invoke: Invoke) -> None:
    invoke(["stories", "add", "-t", "Release plan", "--text", CONFLICT])
    for who in ("Ana", "Bo", "Cy"):
        code, out, _ = invoke(["stories", "use", "1", "-q", f"Question for {who}", "-i", who])
        assert code == 0
    assert "3 different interviewers" in out
    code, out, _ = invoke(["stories", "suggest", "-q", "Tell me about a disagreement", "--json"])
    (suggestion,) = json.loads(out)
    assert suggestion["uses"] == 3 and "Release plan" in suggestion["warning"]


def test_removing_an_unknown_story_is_one_line_and_exit_1(invoke: Invoke) -> None:
    code, _, err = invoke(["stories", "remove", "9"])
    assert (code, err) == (1, "error: unknown story '9'\n")


def test_parking_early_shows_the_timing_rule(invoke: Invoke) -> None:
    code, out, _ = invoke(["parking", "add", "What is the salary range?", "--stage", "1"])
    assert code == 0 and "parked 1 [pay]" in out and TIMING_RULE in out
    code, out, _ = invoke(["parking", "add", "Vacation days?", "--stage", "3"])
    assert code == 0 and TIMING_RULE not in out
    code, out, _ = invoke(
        ["parking", "add", "Salary?", "-i", "internal-recruiter", "--asked-about-pay"]
    )
    assert TIMING_RULE not in out


def test_parked_concerns_are_listed_and_resolved(invoke: Invoke) -> None:
    invoke(["parking", "add", "The commute is long", "--topic", "commute"])
    invoke(["parking", "add", "Is there a pension?"])
    assert invoke(["parking", "resolve", "1"])[0] == 0
    open_ones = json.loads(invoke(["parking", "list", "--json"])[1])
    assert [c["topic"] for c in open_ones] == ["benefits"]
    every = json.loads(invoke(["parking", "list", "--json", "--all"])[1])
    assert [c["resolved_at"] is not None for c in every] == [True, False]


def test_parking_refuses_unknown_topics_and_interviewers(invoke: Invoke) -> None:
    assert invoke(["parking", "add", "x", "--topic", "lunch"])[0] == 1
    code, _, err = invoke(["parking", "add", "x", "-i", "the-ceo"])
    assert code == 1 and "unknown interviewer" in err


def test_db_upgrade_and_backup(invoke: Invoke, tmp_path: Path) -> None:
    code, out, _ = invoke(["db", "upgrade"])
    assert code == 0 and f"revision {head_revision()}" in out
    code, out, _ = invoke(["db", "backup", tmp_path / "copy.db"])
    assert code == 0 and (tmp_path / "copy.db").is_file()
    code, _, err = invoke(["db", "backup", tmp_path / "copy.db"])
    assert code == 1 and "already exists" in err


def test_database_url_setting_is_used(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "elsewhere" / "my.db"
    monkeypatch.setenv(ENV_PREFIX + "DATABASE_URL", f"sqlite:///{target}")
    assert invoke(["parking", "add", "Any doubts?"])[0] == 0
    assert target.is_file()

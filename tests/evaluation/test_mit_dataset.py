"""Loading rated interviews from a JSONL file shaped like the MIT dataset (made-up rows)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from greenroom.errors import ConfigurationError
from greenroom.evaluation.mit import MERGED_FILE, load_interviews


def write_rows(folder: Path) -> None:
    rows = [
        {
            "participant": participant,
            "session": "first" if participant.startswith("P") else "second",
            "turns": [
                {"speaker": "Unknown", "text": "Rolling."},
                {"speaker": "Interviewer", "text": "Why this internship?"},
                {"speaker": "Interviewee", "text": "I want to learn."},
                {"speaker": "Interviewee", "text": "And to help."},
            ],
            "ratings": {"Overall": score, "RecommendHiring": score - 1},
        }
        for participant, score in (("PP2", 5.0), ("P10", 4.0), ("P2", 6.0))
    ]
    (folder / MERGED_FILE).write_text("\n".join(json.dumps(row) for row in rows) + "\n")


def test_halves_are_split_by_session_prefix_and_ordered_by_number(tmp_path: Path) -> None:
    write_rows(tmp_path)
    calibration = load_interviews(tmp_path, halves=("calibration",))
    both = load_interviews(tmp_path, halves=("calibration", "test"))
    assert [i.participant for i in calibration] == ["P2", "P10"]
    assert [i.participant for i in both] == ["P2", "P10", "PP2"]
    assert both[-1].half == "test"


def test_turns_become_merged_candidate_turns_and_unknown_speakers_are_skipped(
    tmp_path: Path,
) -> None:
    write_rows(tmp_path)
    interview = load_interviews(tmp_path, halves=("calibration",))[0]
    assert [turn.speaker for turn in interview.transcript.turns] == ["interviewer", "candidate"]
    assert interview.transcript.turns[1].text == "I want to learn. And to help."
    assert interview.rating("RecommendHiring") == 5.0


def test_a_missing_dataset_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="not found"):
        load_interviews(tmp_path / "absent", halves=("calibration",))

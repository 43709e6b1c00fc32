"""The hiring-loop guide in docs/ is generated from the data and must not drift from it."""

from __future__ import annotations

from pathlib import Path

from greenroom.domain.handbook import DOC_PATH, render_markdown
from greenroom.domain.interviewers import INTERVIEWERS

_ROOT = Path(__file__).resolve().parents[2]


def test_docs_hiring_loop_matches_the_rendered_data() -> None:
    on_disk = (_ROOT / DOC_PATH).read_text(encoding="utf-8")
    assert on_disk == render_markdown(), "run `python scripts/gen_hiring_loop.py`"


def test_rendered_guide_shows_every_interviewer_and_bar() -> None:
    text = render_markdown()
    for item in INTERVIEWERS:
        assert f"(`{item.id}`)" in text
        assert f"**{item.bar}**" in text
    assert "## Sources and reasoning" in text
    assert "calibrated" in text


def test_rendered_guide_has_no_trailing_spaces_and_ends_in_one_newline() -> None:
    text = render_markdown()
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert all(line == line.rstrip() for line in text.splitlines())

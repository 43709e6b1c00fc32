"""A newcomer's whole path in real Chromium: posting -> plan -> rehearse two interviewers (one
weak answer) -> flags highlighted -> retry side by side -> summary -> history with a chart."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.model]

POSTING = """Warehouse Team Lead

About the role
Lead a team of 8 pickers and packers on the day shift at our Leeds fulfilment centre.

Responsibilities
- Supervise and coach a team of 8 warehouse associates
- Hit daily pick accuracy and dispatch targets

Requirements
- 2+ years of warehouse experience, including 1 year leading people
- Experience with a warehouse management system
- Able to lift 20 kg

Schedule: Monday to Friday, 6am to 2pm. Location: Leeds (on site).
"""

STRONG = (
    "At my last site I ran the packing line for a team of six. In March our pick accuracy fell "
    "to 96 percent, so I sat with each picker for an hour, found that two aisles had swapped "
    "labels, and I relabelled them and added a two-minute check at shift start. Within four "
    "weeks accuracy was back to 99.5 percent and returns fell by a third."
)
WEAK = "My last manager was useless and it wasn't my fault we were late."


def _answer(page: Any, text: str) -> None:
    page.fill("#answer", text)
    page.click("button:has-text('Submit my answer')")
    page.wait_for_selector("text=Next question")


def test_a_newcomer_rehearses_the_loop_and_sees_progress(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.fill("#job", POSTING)
    page.check("#kind-loop")
    page.click("button:has-text('Start rehearsing')")

    page.click("text=The plan and briefs")
    assert page.locator("h1").first.inner_text()
    assert page.locator("text=Internal recruiter").count() >= 1
    assert page.locator("text=Hiring manager").count() >= 1
    page.click("text=Back to the rehearsal room")

    # Two answers to the screener: one strong, one weak.
    _answer(page, STRONG)
    page.click("text=Next question")
    _answer(page, WEAK)
    marks = page.locator("mark")
    assert marks.count() >= 1, "the weak answer's evidence is highlighted"
    assert "useless" in " ".join(marks.all_inner_texts())

    # Try again: both attempts side by side.
    page.fill("#retry-answer", STRONG)
    page.click("button:has-text('Submit the new answer')")
    page.wait_for_selector("text=Feedback on the first try")
    assert page.locator("text=useless").count() >= 1  # the first try is still shown

    # The hiring manager: the next interviewer of the loop.
    page.click("text=Next question")
    assert page.locator("text=Hiring manager").count() >= 1
    _answer(page, STRONG)

    page.click("a:has-text('Summary')")
    page.wait_for_selector("text=Offer outlook")

    page.goto(base_url + "/history")
    assert page.locator("svg title").count() >= 1, "progress is plotted"
    assert page.locator("text=Weakest").count() >= 1

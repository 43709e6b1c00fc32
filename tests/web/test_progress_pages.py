"""History and progress, the printable report, stories, questions and settings pages; and the
pure progress statistics behind the charts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

from greenroom.config import Settings
from greenroom.domain.progress import (
    criterion_series,
    flag_counts,
    practice_days,
    streaks,
    weakest_criterion,
)
from greenroom.domain.sessions import Attempt, AttemptDraft, SessionDraft
from greenroom.runtime import Runtime

QUESTION = "Tell me about a time you solved a hard problem at work."
ANSWER = (
    "At my last job our nightly billing export kept failing, and customers were invoiced late. "
    "I owned the fix: I traced the failures to a timeout in one query, rewrote it and added an "
    "alert. The export has run on time every night since, and late invoices dropped to zero."
)
STORY = (
    "Our team missed a deadline because the release pipeline broke. I led the fix: I found the "
    "root cause, rewrote the deploy script and mentored two colleagues. We shipped two days "
    "later and cut deploy time by 40%."
)

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def judgement(
    scores: dict[str, int], flags: int = 0, *, overall: int = 60, evidence: str = "late"
) -> dict[str, Any]:
    return {
        "schema": 1,
        "interviewer": "hiring-manager",
        "overall": overall,
        "verdict": "lean_advance",
        "criteria": [{"id": c, "score": s, "evidence": [], "tip": ""} for c, s in scores.items()],
        "flags": [
            {
                "id": "vague",
                "severity": "medium",
                "explanation": "too vague",
                "evidence": [{"text": evidence, "start": 0, "end": len(evidence)}],
            }
            for _ in range(flags)
        ],
        "tips": ["Give a number."],
    }


def attempt(
    id: int,
    at: datetime,
    scores: dict[str, int] | None,
    flags: int = 0,
    interviewer: str = "hiring-manager",
) -> Attempt:
    return Attempt(
        id=id,
        session_id=1,
        interviewer=interviewer,
        stage=2,
        question="Q?",
        answer="A.",
        question_id=None,
        retry_of=None,
        created_at=at,
        judgement=None if scores is None else judgement(scores, flags),
        judged_at=None if scores is None else at,
    )


# --- domain.progress -----------------------------------------------------------------------


def test_criterion_series_orders_by_time_and_skips_unjudged() -> None:
    attempts = [
        attempt(2, T0 + timedelta(days=1), {"qualified": 70, "performs": 40}),
        attempt(1, T0, {"qualified": 50}),
        attempt(3, T0 + timedelta(days=2), None),
        attempt(4, T0 + timedelta(days=3), {"qualified": 90}, interviewer="peer"),
    ]
    series = criterion_series(attempts, "hiring-manager")
    assert list(series) == ["qualified", "performs"]
    assert [p.score for p in series["qualified"]] == [50, 70]
    assert [p.attempt_id for p in series["performs"]] == [2]
    assert [p.score for p in criterion_series(attempts)["qualified"]] == [50, 70, 90]


def test_criterion_series_ignores_malformed_fields() -> None:
    bad = attempt(1, T0, {"qualified": 50})
    assert bad.judgement is not None
    bad.judgement["criteria"] += [{"id": "nonsense", "score": 1}, {"id": "stays", "score": "x"}]
    assert list(criterion_series([bad])) == ["qualified"]


def test_flag_counts_per_day() -> None:
    attempts = [
        attempt(1, T0, {"qualified": 50}, flags=2),
        attempt(2, T0 + timedelta(hours=3), {"qualified": 50}, flags=1),
        attempt(3, T0 + timedelta(days=2), {"qualified": 50}),
    ]
    counts = flag_counts(attempts)
    assert [(c.day, c.flags, c.attempts) for c in counts] == [
        (T0.date(), 3, 2),
        (T0.date() + timedelta(days=2), 0, 1),
    ]


def test_weakest_criterion_uses_the_last_attempts() -> None:
    old = [attempt(i, T0 + timedelta(minutes=i), {"stays": 0, "pleasant": 80}) for i in range(5)]
    new = [
        attempt(10 + i, T0 + timedelta(days=1, minutes=i), {"stays": 90, "pleasant": 40})
        for i in range(3)
    ]
    weakest = weakest_criterion([*old, *new], last=3)
    assert weakest is not None
    assert (weakest.criterion, weakest.mean, weakest.attempts) == ("pleasant", 40.0, 3)
    overall = weakest_criterion([*old, *new])
    assert overall is not None and overall.criterion == "stays"
    assert weakest_criterion([attempt(1, T0, None)]) is None


def test_weakest_criterion_tie_goes_to_the_first_criterion() -> None:
    tie = weakest_criterion([attempt(1, T0, {"stays": 30, "qualified": 30})])
    assert tie is not None and tie.criterion == "qualified"


@pytest.mark.parametrize(
    ("offsets", "today", "current", "best"),
    [
        ((), 0, 0, 0),
        ((0,), 0, 1, 1),
        ((0, 1, 2, 5, 6), 6, 2, 3),
        ((0, 1, 2, 5, 6), 7, 2, 3),  # yesterday still counts
        ((0, 1, 2, 5, 6), 8, 0, 3),
        ((0, 0, 1), 1, 2, 2),  # repeats count once
        ((0, 1, 9), 2, 2, 2),  # future days are ignored
    ],
)
def test_streaks(offsets: tuple[int, ...], today: int, current: int, best: int) -> None:
    start = date(2026, 1, 30)
    found = streaks([start + timedelta(days=d) for d in offsets], start + timedelta(days=today))
    assert (found.current, found.best) == (current, best)


def test_practice_days_counts_unjudged_attempts() -> None:
    days = practice_days([attempt(1, T0, None), attempt(2, T0 + timedelta(days=1), None)])
    assert days == (T0.date(), T0.date() + timedelta(days=1))


# --- pages ---------------------------------------------------------------------------------


def seed(runtime: Runtime) -> int:
    """A single-interviewer session with three judged answers over two days; its id."""
    store = runtime.store
    session = store.create_session(
        SessionDraft(kind="single", title="Billing practice", interviewer="hiring-manager")
    )
    for n, (scores, flags) in enumerate(
        [
            ({"qualified": 60, "performs": 30, "stays": 70}, 2),
            ({"qualified": 70, "performs": 35, "stays": 75}, 1),
            ({"qualified": 80, "performs": 40, "stays": 80}, 0),
        ]
    ):
        stored = store.add_attempt(
            AttemptDraft(
                session_id=session.id,
                interviewer="hiring-manager",
                stage=2,
                question=f"{QUESTION} ({n})",
                answer=ANSWER,
            )
        )
        store.save_judgement(stored.id, judgement(scores, flags, evidence="At my last job"))
    return session.id


@pytest.mark.model
def test_history_lists_sessions_and_charts(client: TestClient, runtime: Runtime) -> None:
    session_id = seed(runtime)
    page = client.get("/history")
    assert page.status_code == 200
    html = page.text
    assert "Billing practice" in html
    assert f'href="/sessions/{session_id}/report"' in html
    assert f'href="/sessions/{session_id}"' in html
    assert "<svg" in html and "<title" in html and "<desc" in html
    assert "<polyline" in html and "<rect" in html
    assert "Scores as a table" in html
    # Performs has the lowest mean (35) of the last answers.
    assert "Performs" in html.split('class="gr-weakest"')[1].split("</dd>")[0]
    assert "Lean advance" in html


@pytest.mark.model
def test_history_without_sessions(client: TestClient) -> None:
    page = client.get("/history")
    assert page.status_code == 200
    assert "No sessions yet" in page.text
    assert "<svg" not in page.text


@pytest.mark.model
def test_history_after_a_real_answer(client: TestClient) -> None:
    assert "No sessions yet" in client.get("/history").text  # rendered and kept
    made = client.post("/api/v1/sessions", json={"kind": "single", "interviewer": "peer"})
    sid = made.json()["id"]
    assert "No sessions yet" not in client.get("/history").text  # a new session shows at once
    answered = client.post(
        f"/api/v1/sessions/{sid}/attempts", json={"question": QUESTION, "answer": ANSWER}
    )
    assert answered.status_code == 201, answered.text
    page = client.get("/history")
    assert page.status_code == 200
    assert "Peer / other interviewer" in page.text and "<svg" in page.text
    report = client.get(f"/sessions/{sid}/report")
    assert report.status_code == 200
    assert answered.json()["judgement"]["verdict"].replace("_", " ")[:4] in report.text.lower()


@pytest.mark.model
def test_report_shows_every_attempt_with_evidence(client: TestClient, runtime: Runtime) -> None:
    session_id = seed(runtime)
    page = client.get(f"/sessions/{session_id}/report")
    assert page.status_code == 200
    html = page.text
    assert html.count('class="gr-report__attempt"') == 3
    assert '<li class="gr-evidence"><q>At my last job</q></li>' in html
    assert "<mark>At my last job</mark>" in html
    assert "Give a number." in html and "@media print" not in html
    assert client.get("/sessions/9999/report").status_code == 404


@pytest.mark.model
def test_stories_add_list_and_delete(client: TestClient, runtime: Runtime) -> None:
    added = client.post("/stories", data={"title": "Pipeline rescue", "text": STORY})
    assert added.status_code == 200  # after the redirect
    html = added.text
    assert "Pipeline rescue" in html
    assert "Leadership" in html and "Deadline" in html
    (story,) = runtime.store.list_stories()
    bad = client.post("/stories", data={"title": "", "text": STORY})
    assert bad.status_code == 422 and "a story needs a title" in bad.text
    gone = client.post(f"/stories/{story.id}/delete")
    assert gone.status_code == 200
    assert "Pipeline rescue" not in gone.text and runtime.store.list_stories() == ()


@pytest.mark.model
def test_questions_filter(client: TestClient) -> None:
    everything = client.get("/questions")
    assert everything.status_code == 200
    some = client.get(
        "/questions", params={"interviewer": "peer", "criterion": "", "kind": "behavioural"}
    )
    assert some.status_code == 200
    assert 'value="peer" selected' in some.text
    assert some.text.count('class="gr-card"') < everything.text.count('class="gr-card"')
    assert client.get("/questions", params={"kind": "nonsense"}).status_code == 422


@pytest.mark.model
def test_add_own_question(client: TestClient, settings: Settings) -> None:
    form = {
        "text": "What would you change about our onboarding?",
        "interviewers": ["peer", "hiring-manager"],
        "criteria": ["pleasant"],
        "kind": "situational",
        "really_asking": "Do you notice friction and suggest fixes kindly?",
        "follow_ups": "Why that first?\nHow would you measure it?",
    }
    added = client.post("/questions", data=form)
    assert added.status_code == 200
    assert "What would you change about our onboarding?" in added.text
    saved = yaml.safe_load((settings.data_dir / "my-questions.yaml").read_text(encoding="utf-8"))
    assert saved["questions"][0]["id"] == "my-what-would-you-change-about-our-onboarding"
    filtered = client.get("/questions", params={"kind": "situational", "interviewer": "peer"})
    assert "What would you change about our onboarding?" in filtered.text
    again = client.post("/questions", data=form)
    assert again.status_code == 200
    saved = yaml.safe_load((settings.data_dir / "my-questions.yaml").read_text(encoding="utf-8"))
    assert saved["questions"][1]["id"].endswith("-2")


@pytest.mark.model
@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"text": "no question mark"}, "must end with"),
        ({"interviewers": []}, "interviewers"),
        ({"kind": "gossip"}, "kind"),
        ({"follow_ups": ""}, "follow_ups"),
    ],
)
def test_bad_own_question_is_422(
    client: TestClient, settings: Settings, change: dict[str, Any], message: str
) -> None:
    form = {
        "text": "Why us?",
        "interviewers": ["peer"],
        "criteria": ["enthusiasm"],
        "kind": "motivation",
        "really_asking": "Did you research us?",
        "follow_ups": "Anything else?",
        **change,
    }
    bad = client.post("/questions", data=form)
    assert bad.status_code == 422
    assert message in bad.text and 'role="alert"' in bad.text
    assert not (settings.data_dir / "my-questions.yaml").exists()


@pytest.mark.model
def test_settings_page(client: TestClient, settings: Settings) -> None:
    page = client.get("/settings")
    assert page.status_code == 200
    assert str(settings.data_dir) in page.text
    assert "docs/configuration.md" in page.text
    assert "The embedder is usable" in page.text

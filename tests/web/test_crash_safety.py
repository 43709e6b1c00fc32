"""Every answer is committed before it is judged; what a crash left unjudged is judged at start."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

import greenroom.domain.practice
from greenroom.config import Settings
from greenroom.domain.sessions import AttemptDraft, SessionDraft
from greenroom.errors import BackendUnavailable
from greenroom.runtime import Runtime
from greenroom.web.app import create_app

pytestmark = pytest.mark.model

NewRuntime = Callable[[Settings], Runtime]

QUESTION = "Why do you want this job?"
ANSWER = (
    "I have built billing systems for six years and your team is rebuilding exactly that. "
    "I want to own a product end to end, and the role lets me do it with people I can learn from."
)


def test_an_unjudged_attempt_is_judged_at_startup(
    settings: Settings, new_runtime: NewRuntime
) -> None:
    first = new_runtime(settings)
    session = first.store.create_session(SessionDraft(kind="single", title="t", interviewer="peer"))
    stored = first.store.add_attempt(AttemptDraft(session.id, "peer", 2, QUESTION, ANSWER))
    assert first.store.unjudged_attempts() == (stored,)
    first.store.close()

    second = new_runtime(settings)
    with TestClient(create_app(settings, runtime=second)) as client:
        attempt = client.get(f"/api/v1/attempts/{stored.id}").json()
        assert attempt["judgement"]["interviewer"] == "peer"
        assert attempt["judged_at"] is not None
        assert second.store.unjudged_attempts() == ()
    second.store.close()


def test_a_crash_while_judging_keeps_the_answer(
    settings: Settings, new_runtime: NewRuntime, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise BackendUnavailable("minilm", "the model crashed")

    runtime = new_runtime(settings)
    with TestClient(create_app(settings, runtime=runtime)) as client:
        session = client.post("/api/v1/sessions", json={"kind": "single", "interviewer": "peer"})
        monkeypatch.setattr(greenroom.domain.practice, "judge_answer", broken)
        url = f"/api/v1/sessions/{session.json()['id']}/attempts"
        response = client.post(url, json={"question": QUESTION, "answer": ANSWER})
        assert response.status_code == 503
        assert response.json() == {"error": "minilm: the model crashed"}
        (kept,) = runtime.store.unjudged_attempts()
        assert kept.answer == ANSWER
        monkeypatch.undo()
    runtime.store.close()

    again = new_runtime(settings)
    with TestClient(create_app(settings, runtime=again)) as client:
        attempt = client.get(f"/api/v1/attempts/{kept.id}").json()
        assert attempt["judgement"] is not None
    again.store.close()


def test_the_app_closes_the_store_it_opened(settings: Settings) -> None:
    app = create_app(settings)
    with TestClient(app) as client:
        assert client.get("/api/v1/sessions").json() == []
    assert "store" in vars(app.state.runtime)

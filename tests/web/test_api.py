"""The JSON API: each endpoint's happy path, the judgement contract, and 4xx for bad input."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from greenroom.domain.interviewers import INTERVIEWERS

pytestmark = pytest.mark.model

QUESTION = "Tell me about a time you solved a hard problem at work."
ANSWER = (
    "At my last job our nightly billing export kept failing, and customers were invoiced late. "
    "I owned the fix: I traced the failures to a timeout in one query, rewrote it and added an "
    "alert. The export has run on time every night since, and late invoices dropped to zero."
)
JOB = (
    "Senior Data Engineer\n\nRequirements:\n- 5+ years of Python and SQL\n- Experience with "
    "data pipelines and cloud warehouses\n\nResponsibilities:\n- Build and run our nightly "
    "pipelines\n- Work with analysts and product managers to ship reliable reports\n"
)
CONTRACT_KEYS = {
    "schema",
    "interviewer",
    "stage",
    "question",
    "overall",
    "verdict",
    "criteria",
    "flags",
    "reasons",
    "flip",
    "tips",
    "signals",
}


def judge(client: TestClient, **changes: Any) -> Any:
    body = {"interviewer": "hiring-manager", "question": QUESTION, "answer": ANSWER, **changes}
    return client.post("/api/v1/judgements", json=body)


def new_session(client: TestClient, **changes: Any) -> dict[str, Any]:
    body = {"kind": "single", "interviewer": "hiring-manager", **changes}
    response = client.post("/api/v1/sessions", json=body)
    assert response.status_code == 201, response.text
    data: dict[str, Any] = response.json()
    return data


def test_judgement_returns_the_contract_json(client: TestClient) -> None:
    response = judge(client, stage=2)
    assert response.status_code == 200
    data = response.json()
    assert set(data) == CONTRACT_KEYS
    assert data["interviewer"] == "hiring-manager"
    assert 0 <= data["overall"] <= 100


def test_judgement_keys_match_the_cli_contract(client: TestClient) -> None:
    from greenroom.contract import judgement_to_dict
    from greenroom.domain.judging import judge_answer
    from greenroom.embedding import create_embedder

    expected = judgement_to_dict(
        judge_answer(QUESTION, ANSWER, interviewer="peer", embedder=create_embedder("hashing"))
    )
    assert set(judge(client, interviewer="peer").json()) == set(expected)


def test_session_attempt_and_history_round_trip(client: TestClient) -> None:
    session = new_session(client, job=JOB)
    assert session["title"].startswith("Practice with the ")
    response = client.post(
        f"/api/v1/sessions/{session['id']}/attempts", json={"question": QUESTION, "answer": ANSWER}
    )
    assert response.status_code == 201, response.text
    attempt = response.json()
    assert attempt["interviewer"] == "hiring-manager"
    assert set(attempt["judgement"]) == CONTRACT_KEYS
    assert attempt["judged_at"] is not None

    fetched = client.get(f"/api/v1/attempts/{attempt['id']}").json()
    assert fetched["judgement"] == attempt["judgement"]

    one = client.get(f"/api/v1/sessions/{session['id']}").json()
    assert [a["id"] for a in one["attempts"]] == [attempt["id"]]

    later = new_session(client, kind="loop", interviewer=None, title="Loop")
    listed = client.get("/api/v1/sessions").json()
    assert [s["id"] for s in listed] == [later["id"], session["id"]]
    assert listed[1]["attempts"] == 1
    assert listed[1]["last_overall"] == attempt["judgement"]["overall"]
    assert listed[0]["attempts"] == 0
    assert listed[0]["last_overall"] is None


def test_retry_points_at_the_earlier_attempt(client: TestClient) -> None:
    session = new_session(client)
    url = f"/api/v1/sessions/{session['id']}/attempts"
    first = client.post(url, json={"question": QUESTION, "answer": ANSWER}).json()
    again = client.post(
        url, json={"question": QUESTION, "answer": ANSWER, "retry_of": first["id"], "stage": 1}
    )
    assert again.status_code == 201
    assert again.json()["retry_of"] == first["id"]
    assert again.json()["stage"] == 1


def test_plan_interviewers_and_questions(client: TestClient) -> None:
    plan = client.post("/api/v1/plans", json={"job": JOB})
    assert plan.status_code == 200, plan.text
    assert {"profile", "loop"} == set(plan.json())
    assert plan.json()["loop"][0]["interviewer"] == "internal-recruiter"

    people = client.get("/api/v1/interviewers").json()
    assert [p["id"] for p in people] == [t.id for t in INTERVIEWERS]

    questions = client.get("/api/v1/questions", params={"interviewer": "peer"}).json()
    assert questions and all("peer" in q["interviewers"] for q in questions)
    everything = client.get("/api/v1/questions", params={"interviewer": "", "kind": ""}).json()
    assert len(everything) > len(questions)
    behavioural = client.get("/api/v1/questions", params={"kind": "behavioural"}).json()
    assert behavioural and all(q["kind"] == "behavioural" for q in behavioural)


@pytest.mark.parametrize(
    ("body", "status", "mentions"),
    [
        ({"answer": "   "}, 422, "empty"),
        ({"interviewer": "ceo"}, 404, "unknown interviewer 'ceo'"),
        ({"stage": 7}, 422, "stage"),
        ({"answer": "word " * 100_000}, 422, "limit"),
        ({"answer": None}, 422, "answer"),
        ({"colour": "blue"}, 422, "colour"),
        ({"answer": "\x00\x01\x02\x03" * 50}, 422, "binary"),
    ],
)
def test_bad_judgement_requests_are_4xx_with_a_message(
    client: TestClient, body: dict[str, Any], status: int, mentions: str
) -> None:
    response = judge(client, **body)
    assert response.status_code == status, response.text
    assert mentions in response.json()["error"]


def test_a_missing_field_is_named(client: TestClient) -> None:
    response = client.post("/api/v1/judgements", json={"interviewer": "peer", "question": "Q?"})
    assert response.status_code == 422
    assert response.json() == {"error": "answer: Field required"}


@pytest.mark.parametrize(
    "raw", [b"{not json", b"", b"[1, 2]", b'"text"', b"\xff\xfe", b'{"answer": 1e999}']
)
def test_malformed_bodies_are_422(client: TestClient, raw: bytes) -> None:
    response = client.post(
        "/api/v1/judgements", content=raw, headers={"content-type": "application/json"}
    )
    assert response.status_code == 422, response.text
    assert response.json()["error"]


def test_unknown_ids_are_404(client: TestClient) -> None:
    assert client.get("/api/v1/sessions/999").status_code == 404
    assert client.get("/api/v1/attempts/999").json() == {"error": "unknown attempt '999'"}
    response = client.post(
        "/api/v1/sessions/999/attempts", json={"question": QUESTION, "answer": ANSWER}
    )
    assert response.status_code == 404
    assert "session" in response.json()["error"]
    assert client.get("/api/v1/sessions/abc").status_code == 422
    assert client.get(f"/api/v1/sessions/{10**30}").status_code == 422
    assert client.get("/api/v1/attempts/0").status_code == 422
    assert client.get("/api/v1/nothing-here").status_code == 404
    assert client.get("/api/v1/questions", params={"kind": "riddles"}).status_code == 404


def test_junk_answers_are_refused_and_not_stored(client: TestClient) -> None:
    session = new_session(client)
    url = f"/api/v1/sessions/{session['id']}/attempts"
    for body in (
        {"question": QUESTION, "answer": ""},
        {"question": "", "answer": ANSWER},
        {"question": QUESTION, "answer": ANSWER, "interviewer": "nobody"},
        {"question": QUESTION, "answer": ANSWER, "retry_of": 12345},
        {"question": QUESTION, "answer": ANSWER, "stage": 0},
    ):
        response = client.post(url, json=body)
        assert 400 <= response.status_code < 500, (body, response.text)
        assert response.json()["error"]
    assert client.get(f"/api/v1/sessions/{session['id']}").json()["attempts"] == []


@pytest.mark.parametrize(
    ("body", "mentions"),
    [
        ({"kind": "single"}, "needs an interviewer"),
        ({"kind": "both"}, "kind"),
        ({"kind": "single", "interviewer": "hiring-manager", "stage": 4}, "stage"),
        ({"kind": "loop", "title": "x" * 500}, "title"),
    ],
)
def test_bad_session_requests_are_422(
    client: TestClient, body: dict[str, Any], mentions: str
) -> None:
    response = client.post("/api/v1/sessions", json=body)
    assert response.status_code == 422, response.text
    assert mentions in response.json()["error"]


def test_a_loop_attempt_needs_an_interviewer(client: TestClient) -> None:
    session = new_session(client, kind="loop", interviewer=None)
    url = f"/api/v1/sessions/{session['id']}/attempts"
    response = client.post(url, json={"question": QUESTION, "answer": ANSWER})
    assert response.status_code == 422
    assert "interviewer" in response.json()["error"]
    ok = client.post(url, json={"question": QUESTION, "answer": ANSWER, "interviewer": "peer"})
    assert ok.status_code == 201


def test_bad_plan_requests_are_4xx(client: TestClient) -> None:
    assert client.post("/api/v1/plans", json={"job": "  "}).status_code == 422
    response = client.post("/api/v1/plans", json={"job": JOB, "include": ["wizard"]})
    assert response.status_code == 404
    assert "wizard" in response.json()["error"]


def test_openapi_lists_every_route(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert schema["info"]["title"] == "greenroom"
    assert set(schema["paths"]) >= {
        "/api/v1/judgements",
        "/api/v1/sessions",
        "/api/v1/sessions/{session_id}",
        "/api/v1/sessions/{session_id}/attempts",
        "/api/v1/attempts/{attempt_id}",
        "/api/v1/plans",
        "/api/v1/interviewers",
        "/api/v1/questions",
    }

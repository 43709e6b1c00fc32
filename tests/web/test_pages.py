"""The HTML pages: start -> room -> answer -> feedback -> retry -> summary, plan, bad input."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

from greenroom.web.templating import highlight

pytestmark = pytest.mark.model

JOB = (
    "Senior Data Engineer\n\nRequirements:\n- 5+ years of Python and SQL\n- Experience with "
    "data pipelines and cloud warehouses\n\nResponsibilities:\n- Build and run our nightly "
    "pipelines\n- Work with analysts and product managers to ship reliable reports\n"
)
NEGATIVE = (
    "My old boss was an idiot and my coworkers were lazy, so I basically did everything myself."
)
GOOD = (
    "At my last job our nightly billing export kept failing, and customers were invoiced late. "
    "I owned the fix: I traced the failures to a timeout in one query, rewrote it and added an "
    "alert. The export has run on time every night since, and late invoices dropped to zero."
)


def hidden_fields(html: str) -> dict[str, str]:
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', html))


def start(client: TestClient, **form: str) -> str:
    r = client.post("/sessions", data={"kind": "loop", "stage": "2", **form})
    assert r.status_code == 200
    assert re.fullmatch(r"http://testserver/sessions/\d+", str(r.url))
    return str(r.url).removeprefix("http://testserver")


def test_highlight_escapes_and_marks() -> None:
    html = highlight("a <b> & c", [{"start": 2, "end": 5}, {"start": 4, "end": 7}])
    assert str(html) == "a <mark>&lt;b&gt; &amp;</mark> c"
    assert str(highlight("x", [{"start": 5, "end": 9}])) == "x"


def test_start_page_has_labelled_form_and_nav(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert 'href="#main"' in r.text  # skip link
    for href in ("/history", "/stories", "/questions", "/settings"):
        assert f'href="{href}"' in r.text
    for field in ("job", "interviewer", "stage", "kind-loop", "kind-single"):
        assert f'for="{field}"' in r.text
    assert client.get("/static/app.css").status_code == 200
    assert client.get("/static/app.js").status_code == 200


def test_happy_path(client: TestClient) -> None:
    room_url = start(client, job=JOB)
    room = client.get(room_url)
    assert room.status_code == 200
    assert 'for="answer"' in room.text and "data-speak" in room.text
    fields = hidden_fields(room.text)
    assert fields["question"] and fields["interviewer"]

    r = client.post(f"{room_url}/answers", data={**fields, "answer": NEGATIVE})
    assert r.status_code == 200
    assert re.fullmatch(r"http://testserver/attempts/\d+", str(r.url))
    first_url = str(r.url).removeprefix("http://testserver")
    assert "<mark>My old boss was an idiot" in r.text
    assert "Negative about others" in r.text
    assert "They would follow up with" in r.text
    assert "Criterion scores" in r.text

    r = client.post(f"{first_url}/retry", data={"answer": GOOD})
    assert r.status_code == 200
    assert str(r.url) != f"http://testserver{first_url}"
    assert "Before and after" in r.text and "First try" in r.text and "This try" in r.text

    # The room moves on to the next question.
    nxt = client.get(room_url)
    assert hidden_fields(nxt.text)["question_id"] != fields["question_id"]

    summary = client.get(f"{room_url}/summary")
    assert summary.status_code == 200
    assert "Offer outlook" in summary.text and "Internal recruiter" in summary.text
    assert "Consistency" in summary.text


def test_single_session_and_park_flash(client: TestClient) -> None:
    room_url = start(client, kind="single", interviewer="hiring-manager")
    room = client.get(room_url)
    assert "Hiring manager" in room.text
    assert hidden_fields(room.text)["interviewer"] == "hiring-manager"
    r = client.post(f"{room_url}/park", data={"concern": "How much does the job pay?"})
    assert r.status_code == 200
    assert "?parked=" in str(r.url)
    assert 'id="flash"' in r.text and "offer stage" in r.text


def test_plan_page(client: TestClient) -> None:
    room_url = start(client, job=JOB)
    r = client.get(f"{room_url}/plan")
    assert r.status_code == 200
    assert "Senior Data Engineer" in r.text
    assert "Hiring manager" in r.text and "Questions they will likely ask" in r.text
    assert "@media print" in client.get("/static/app.css").text


def test_empty_answer_gives_422_page(client: TestClient) -> None:
    room_url = start(client)
    fields = hidden_fields(client.get(room_url).text)
    r = client.post(f"{room_url}/answers", data={**fields, "answer": "   "})
    assert r.status_code == 422
    assert "text/html" in r.headers["content-type"]
    assert 'role="alert"' in r.text and "the answer is empty" in r.text


def test_single_without_interviewer_gives_422(client: TestClient) -> None:
    r = client.post("/sessions", data={"kind": "single", "interviewer": "", "job": ""})
    assert r.status_code == 422
    assert "needs an interviewer" in r.text


def test_script_in_answer_is_escaped(client: TestClient) -> None:
    room_url = start(client)
    fields = hidden_fields(client.get(room_url).text)
    answer = GOOD + " <script>alert('x')</script>"
    r = client.post(f"{room_url}/answers", data={**fields, "answer": answer})
    assert r.status_code == 200
    assert "<script>alert" not in r.text
    assert "&lt;script&gt;alert" in r.text


def test_errors_are_html_for_pages_and_json_for_api(client: TestClient) -> None:
    r = client.get("/sessions/999")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    assert "unknown session" in r.text
    assert client.get("/attempts/abc").status_code == 422
    api = client.get("/api/v1/sessions/999")
    assert api.status_code == 404 and "error" in api.json()


def test_the_follow_up_can_be_answered_without_moving_the_room_on(client: TestClient) -> None:
    room_url = start(client, kind="single", interviewer="hiring-manager")
    fields = hidden_fields(client.get(room_url).text)
    feedback = client.post(f"{room_url}/answers", data={**fields, "answer": NEGATIVE})
    assert 'for="follow-answer"' in feedback.text
    probe = re.search(r'name="question" value="([^"]+)"', feedback.text)
    assert probe is not None and probe.group(1) != fields["question"]
    answered = client.post(
        f"{room_url}/answers",
        data={
            "interviewer": "hiring-manager",
            "stage": fields["stage"],
            "question": probe.group(1),
            "answer": GOOD,
        },
    )
    assert answered.status_code == 200
    assert re.fullmatch(r"http://testserver/attempts/\d+", str(answered.url))
    assert html.unescape(probe.group(1)) in html.unescape(answered.text)
    # The follow-up is an extra answer: the room still moves on from the first question.
    assert hidden_fields(client.get(room_url).text)["question_id"] != fields["question_id"]

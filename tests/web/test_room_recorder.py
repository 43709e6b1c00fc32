"""The recorder's server-rendered markup: a live recorder for recorder.js over an upload form
that works without JavaScript, on the rehearsal room and for a retry."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient

from greenroom.web.templating import templates

pytestmark = pytest.mark.model

RECORDER_ATTRS = {
    "data-interviewer": "interviewer",
    "data-stage": "stage",
    "data-question": "question",
    "data-question-id": "question_id",
}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    parents: tuple[Element, ...] = ()
    children: list[Element] = field(default_factory=list)


class _Tree(HTMLParser):
    VOID = frozenset({"input", "meta", "link", "br", "img", "hr", "source"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.all: list[Element] = []
        self.open: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, parents=tuple(self.open))
        if self.open:
            self.open[-1].children.append(element)
        self.all.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            if self.open.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        for element in self.open:
            element.text += data


def parse(page: str) -> list[Element]:
    tree = _Tree()
    tree.feed(page)
    return tree.all


def find(elements: list[Element], tag: str, **attrs: str) -> list[Element]:
    """Elements with this tag whose attributes include ``attrs``."""
    return [
        e for e in elements if e.tag == tag and all(e.attrs.get(k) == v for k, v in attrs.items())
    ]


def inside(elements: list[Element], parent: Element) -> list[Element]:
    return [e for e in elements if any(p is parent for p in e.parents)]


def hidden_values(elements: list[Element]) -> dict[str, str]:
    return {e.attrs["name"]: e.attrs["value"] for e in find(elements, "input", type="hidden")}


def start_room(client: TestClient) -> tuple[str, list[Element]]:
    r = client.post("/sessions", data={"kind": "loop", "stage": "1"})
    assert r.status_code == 200
    url = str(r.url).removeprefix("http://testserver")
    return url, parse(r.text)


def test_room_offers_a_recorder_with_the_questions_fields(client: TestClient) -> None:
    url, page = start_room(client)
    [text_form] = find(page, "form", action=f"{url}/answers")
    expected = hidden_values(inside(page, text_form))
    assert expected["question"] and expected["interviewer"] and expected["stage"]

    [root] = [e for e in page if "data-recorder" in e.attrs]
    assert root.attrs["data-session-id"] == url.rsplit("/", 1)[1]
    assert {field: root.attrs[attr] for attr, field in RECORDER_ATTRS.items()} == expected
    assert "data-retry-of" not in root.attrs


def test_the_upload_form_works_without_javascript(client: TestClient) -> None:
    url, page = start_room(client)
    [text_form] = find(page, "form", action=f"{url}/answers")
    [form] = find(page, "form", action=f"{url}/answers/audio")
    assert form.attrs["method"] == "post"
    assert form.attrs["enctype"] == "multipart/form-data"
    assert "hidden" not in form.attrs, "the fallback is visible until recorder.js hides it"
    fields = inside(page, form)
    [upload] = find(fields, "input", type="file", name="audio")
    assert upload.attrs["accept"] == "audio/*"
    assert find(page, "label", **{"for": upload.attrs["id"]})
    assert hidden_values(fields) == hidden_values(inside(page, text_form))
    assert [b.text.strip() for b in find(fields, "button", type="submit")] == [
        "Upload my recording"
    ]


def test_the_live_recorder_is_hidden_and_accessible(client: TestClient) -> None:
    _, page = start_room(client)
    [live] = [e for e in page if "data-recorder-live" in e.attrs]
    assert "hidden" in live.attrs, "shown only by recorder.js when the browser can record"
    controls = inside(page, live)
    buttons = {b.text.strip(): b for b in find(controls, "button")}
    assert set(buttons) == {"Record", "Stop", "Start over"}
    assert all(b.attrs["type"] == "button" for b in buttons.values())
    assert "disabled" in buttons["Stop"].attrs and "disabled" in buttons["Start over"].attrs
    assert "disabled" not in buttons["Record"].attrs

    [status] = [e for e in controls if "data-rec-status" in e.attrs]
    assert status.attrs["role"] == "status" and status.attrs["aria-live"] == "polite"
    [error] = [e for e in controls if "data-rec-error" in e.attrs]
    assert error.attrs["role"] == "alert" and "hidden" in error.attrs
    [meter] = find(controls, "meter")
    assert find(page, "label", **{"for": meter.attrs["id"]})
    assert (meter.attrs["min"], meter.attrs["max"]) == ("0", "1")
    [timer] = [e for e in controls if "data-rec-timer" in e.attrs]
    assert timer.text == "00:00" and timer.attrs["role"] == "timer"
    [audio] = find(controls, "audio")
    assert "controls" in audio.attrs
    assert any("hidden" in p.attrs for p in audio.parents), "no playback before a recording"


def test_every_page_loads_the_recorder_script_deferred(client: TestClient) -> None:
    _, page = start_room(client)
    [script] = find(page, "script", src="/static/recorder.js")
    assert "defer" in script.attrs
    js = client.get("/static/recorder.js")
    assert js.status_code == 200
    assert "javascript" in js.headers["content-type"]
    for needle in ('"/api/v1/recordings"', "audio/webm;codecs=opus", "greenroom-stop"):
        assert needle in js.text


def test_a_retry_recorder_sends_the_first_trys_fields_and_id() -> None:
    attempt = SimpleNamespace(
        interviewer="hiring-manager", stage=2, question="Why us?", question_id=None
    )
    html = templates.get_template("_recorder.html").render(
        session=SimpleNamespace(id=7), attempt=attempt, recorder_retry_of=41
    )
    page = parse(html)
    [root] = [e for e in page if "data-recorder" in e.attrs]
    assert root.attrs["data-retry-of"] == "41"
    assert root.attrs["data-question"] == "Why us?" and root.attrs["data-question-id"] == ""
    [form] = find(page, "form", action="/sessions/7/answers/audio")
    assert hidden_values(inside(page, form)) == {
        "interviewer": "hiring-manager",
        "stage": "2",
        "question": "Why us?",
        "question_id": "",
        "retry_of": "41",
    }


def test_question_text_is_escaped_in_the_recorder() -> None:
    question = SimpleNamespace(
        who=SimpleNamespace(id="peer"),
        stage=3,
        text='Say "hi" <script>alert(1)</script>',
        question_id="q-1",
    )
    html = templates.get_template("_recorder.html").render(
        session=SimpleNamespace(id=3), question=question
    )
    assert "<script>" not in html
    [root] = [e for e in parse(html) if "data-recorder" in e.attrs]
    assert root.attrs["data-question"] == question.text


def test_feedback_offers_a_recorded_retry_of_the_attempt(client: TestClient) -> None:
    url, page = start_room(client)
    [text_form] = find(page, "form", action=f"{url}/answers")
    fields = hidden_values(inside(page, text_form))
    answer = "I led a team of six and we shipped the billing system two weeks early."
    r = client.post(f"{url}/answers", data={**fields, "answer": answer})
    assert r.status_code == 200
    attempt_id = str(r.url).rsplit("/", 1)[1]
    feedback = parse(r.text)
    [root] = [e for e in feedback if "data-recorder" in e.attrs]
    assert root.attrs["data-retry-of"] == attempt_id
    assert {field: root.attrs[attr] for attr, field in RECORDER_ATTRS.items()} == fields
    [form] = find(feedback, "form", action=f"{url}/answers/audio")
    assert hidden_values(inside(feedback, form)) == {**fields, "retry_of": attempt_id}

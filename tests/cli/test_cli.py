"""The ``greenroom`` commands, run in-process through the console entry ``run(argv)``.

Exit codes: 0 success, 1 a project error (one ``error:`` line on stderr), 2 a usage error.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from greenroom import __version__
from greenroom.domain.interviewers import INTERVIEWERS
from greenroom.domain.models import CRITERION_IDS, VERDICTS

pytestmark = pytest.mark.model

Invoke = Callable[..., tuple[int, str, str]]

HM = "hiring-manager"
QUESTION = "Tell me about a project you led."
GOOD = (
    "In 2021 at Acme I led the migration of our billing service to PostgreSQL. I wrote the "
    "plan, moved 40 tables over six weeks, and cut invoice errors by 30 percent. My manager "
    "asked me to present it to the whole engineering group afterwards."
)
WEAK = (
    "We worked hard as a team and we did many good things together and our work was good and "
    "we were happy with how things went in general."
)
GERMAN = (
    "Ich arbeite seit fünf Jahren als Entwicklerin bei einer großen Bank in Frankfurt und habe "
    "dort ein kleines Team geleitet, das die Zahlungssysteme erneuert hat."
)
JOB = (
    "Senior backend engineer. You will own our billing platform in Python and PostgreSQL, run "
    "on-call for payments, and mentor two engineers. Kubernetes experience is a plus.\n"
)
TRANSCRIPT = """\
Interviewer: Tell me about a time you had a conflict with a colleague.
Candidate: In 2022 at Acme a colleague and I disagreed about the release schedule for the
billing service. I set up a thirty minute call, we listed the risks together, and agreed to
ship behind a feature flag. The release went out on time with zero incidents.
Interviewer: Why do you want this job?
Candidate: I have used your product for three years to plan my team's sprints, and I want to
work on the reporting features because I built dashboards like them at Acme.
"""
ANSWER_KEYS = {
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
INTERVIEW_KEYS = {
    "schema",
    "interviewer",
    "stage",
    "overall",
    "verdict",
    "reasons",
    "flip",
    "tips",
    "signals",
    "answers",
}


def analyze(*extra: str, answer: str = GOOD) -> list[str]:
    return ["analyze", "-i", HM, "-q", QUESTION, "-a", answer, *extra]


def evidence_lists(data: Any) -> Iterator[list[dict[str, Any]]]:
    """Every ``evidence`` list anywhere in a JSON judgement."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "evidence":
                yield value
            else:
                yield from evidence_lists(value)
    elif isinstance(data, list):
        for item in data:
            yield from evidence_lists(item)


def assert_judgement(data: dict[str, Any], answer: str) -> None:
    assert set(data) == ANSWER_KEYS
    assert data["schema"] == 1
    assert data["verdict"] in VERDICTS
    assert 0 <= data["overall"] <= 100
    assert [c["id"] for c in data["criteria"]] == list(CRITERION_IDS)
    for c in data["criteria"]:
        assert set(c) == {"id", "score", "evidence", "tip", "rule"}
    for f in data["flags"]:
        assert set(f) == {"id", "severity", "evidence", "explanation", "rule"}
    for s in data["signals"]:
        assert set(s) == {"id", "value", "unit", "detail", "evidence"}
    for items in evidence_lists(data):
        for e in items:
            assert set(e) == {"text", "start", "end"}
            assert answer[e["start"] : e["end"]] == e["text"]


def assert_one_error_line(code: int, out: str, err: str, *fragments: str) -> None:
    assert code == 1, (out, err)
    assert "Traceback" not in out + err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: "), err
    for fragment in fragments:
        assert fragment in lines[0]


# --- listing commands -------------------------------------------------------------------------


def test_version(invoke: Invoke) -> None:
    code, out, _ = invoke(["--version"])
    assert code == 0
    assert out.strip() == f"greenroom {__version__}"


def test_no_command_shows_help_and_is_a_usage_error(invoke: Invoke) -> None:
    code, out, err = invoke([])
    assert code == 2
    assert "analyze" in out
    assert "Traceback" not in out + err


def test_interviewers(invoke: Invoke) -> None:
    code, out, _ = invoke(["interviewers"])
    assert code == 0
    for t in INTERVIEWERS:
        assert t.id in out
    code, out, _ = invoke(["interviewers", "--json"])
    assert code == 0
    data = json.loads(out)
    assert [d["id"] for d in data] == [t.id for t in INTERVIEWERS]
    assert {"id", "name", "wants", "weights", "red_flags", "bar"} <= set(data[0])


def test_criteria(invoke: Invoke) -> None:
    code, out, _ = invoke(["criteria"])
    assert code == 0
    for cid in CRITERION_IDS:
        assert cid in out
    code, out, _ = invoke(["criteria", "--json"])
    assert code == 0
    assert [d["id"] for d in json.loads(out)] == list(CRITERION_IDS)


def test_questions_text(invoke: Invoke) -> None:
    code, out, err = invoke(["questions", "-i", HM])
    assert code == 0
    assert "really asking:" in out
    assert err.strip().endswith("questions")


@pytest.mark.parametrize(
    ("args", "check"),
    [
        (["-i", HM], lambda q: HM in q["interviewers"]),
        (["-k", "behavioural"], lambda q: q["kind"] == "behavioural"),
        (["-c", "performs"], lambda q: "performs" in q["criteria"]),
        (
            ["-i", "peer", "-k", "behavioural"],
            lambda q: "peer" in q["interviewers"] and q["kind"] == "behavioural",
        ),
    ],
)
def test_questions_json_filters(
    invoke: Invoke, args: list[str], check: Callable[[dict[str, Any]], bool]
) -> None:
    code, out, _ = invoke(["questions", "--json"])
    everything = json.loads(out)
    code, out, _ = invoke(["questions", *args, "--json"])
    assert code == 0
    found = json.loads(out)
    assert found, "the filter matched nothing"
    assert all(check(q) for q in found)
    assert len(found) == sum(1 for q in everything if check(q))
    assert len({q["id"] for q in found}) == len(found)


def test_questions_to_ask_by_stage(invoke: Invoke) -> None:
    by_stage = {}
    for stage in (1, 3):
        code, out, _ = invoke(["questions", "--to-ask", "-i", HM, "--stage", stage, "--json"])
        assert code == 0
        by_stage[stage] = json.loads(out)
        assert by_stage[stage]
        for q in by_stage[stage]:
            assert q["earliest_stage"] <= stage
            assert HM in q["interviewers"]
    assert {q["id"] for q in by_stage[1]} <= {q["id"] for q in by_stage[3]}
    code, out, _ = invoke(["questions", "--to-ask", "-i", HM, "--stage", 1])
    assert code == 0
    assert "why:" in out


def test_questions_to_ask_needs_an_interviewer(invoke: Invoke) -> None:
    assert_one_error_line(*invoke(["questions", "--to-ask"]), "--interviewer")


def test_backends(invoke: Invoke) -> None:
    code, out, _ = invoke(["backends", "--json"])
    assert code == 0
    rows = {row["name"]: row for row in json.loads(out)}
    assert rows["minilm"]["usable"] is True
    assert rows["hashing"]["usable"] is True
    code, out, _ = invoke(["backends"])
    assert code == 0
    assert "minilm" in out and "usable" in out


# --- analyze ----------------------------------------------------------------------------------


def test_analyze_text(invoke: Invoke) -> None:
    code, out, err = invoke(analyze())
    assert code == 0, err
    assert "Hiring manager" in out
    assert "/100" in out
    assert "qualified" in out.lower()


def test_analyze_json_contract(invoke: Invoke) -> None:
    code, out, err = invoke(analyze("--json", "--stage", "1"))
    assert code == 0, err
    data = json.loads(out)
    assert_judgement(data, GOOD)
    assert data["interviewer"] == HM
    assert data["stage"] == 1
    assert data["question"] == QUESTION
    assert any(items for items in evidence_lists(data)), "no evidence quoted at all"


def test_analyze_evidence_offsets_survive_odd_text(invoke: Invoke) -> None:
    answer = "  Naïve café work — “quoted” 😀 text.\n\n" + GOOD + "\r\n\tDone, we shipped it. "
    code, out, err = invoke(analyze("--json", answer=answer))
    assert code == 0, err
    assert_judgement(json.loads(out), answer)


def test_analyze_answer_file_matches_answer(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "answer.txt"
    path.write_text(GOOD, encoding="utf-8")
    code, out, err = invoke(["analyze", "-i", HM, "-q", QUESTION, "--answer-file", path, "--json"])
    assert code == 0, err
    from_file = json.loads(out)
    assert_judgement(from_file, GOOD)
    _, out, _ = invoke(analyze("--json"))
    assert from_file == json.loads(out)


def test_analyze_with_job_file(invoke: Invoke, tmp_path: Path) -> None:
    job = tmp_path / "job.txt"
    job.write_text(JOB, encoding="utf-8")
    code, out, err = invoke(analyze("--json", "--job", job))
    assert code == 0, err
    with_job = json.loads(out)
    assert_judgement(with_job, GOOD)
    _, out, _ = invoke(analyze("--json"))
    without = json.loads(out)
    assert "job_terms" in {s["id"] for s in with_job["signals"]}
    assert "job_terms" not in {s["id"] for s in without["signals"]}


def test_analyze_batch(invoke: Invoke, tmp_path: Path) -> None:
    good = {"interviewer": HM, "question": QUESTION, "answer": GOOD, "stage": 1}
    lines = [
        '{"interviewer": "hiring-manager", "question": ',  # invalid JSON
        json.dumps({"interviewer": HM, "answer": GOOD}),  # no question
        json.dumps({**good, "interviewer": "astronaut"}),
        json.dumps(good),
    ]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = invoke(["analyze", "--batch", batch, "--json"])
    assert code == 0, err
    assert "Traceback" not in out + err
    results = [json.loads(line) for line in out.splitlines()]
    assert len(results) == 4
    for number, result in enumerate(results[:3], 1):
        assert result["line"] == number
        assert isinstance(result["error"], str) and result["error"]
        assert "\n" not in result["error"]
    assert "invalid JSON" in results[0]["error"]
    assert "question" in results[1]["error"]
    assert "astronaut" in results[2]["error"]
    assert "error" not in results[3]
    assert_judgement(results[3], GOOD)
    assert results[3]["stage"] == 1
    assert "3 line(s)" in err


def test_analyze_batch_missing_file(invoke: Invoke, tmp_path: Path) -> None:
    code, out, err = invoke(["analyze", "--batch", tmp_path / "none.jsonl", "--json"])
    assert_one_error_line(code, out, err, "none.jsonl")


# --- review -----------------------------------------------------------------------------------


def test_review_json(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "interview.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    code, out, err = invoke(["review", "--transcript", path, "--json"])
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == INTERVIEW_KEYS | {"consistency"}
    assert data["verdict"] in VERDICTS
    assert 0 <= data["overall"] <= 100
    assert [a["question"] for a in data["answers"]] == [
        "Tell me about a time you had a conflict with a colleague.",
        "Why do you want this job?",
    ]
    for a in data["answers"]:
        assert set(a) == ANSWER_KEYS
        assert a["interviewer"] == HM


def test_review_text(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "interview.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    code, out, err = invoke(["review", "-t", path, "-i", "peer", "--stage", "2"])
    assert code == 0, err
    assert "Whole interview" in out
    assert "Peer" in out or "peer" in out


def test_review_named_speakers_with_candidate(invoke: Invoke, tmp_path: Path) -> None:
    named = TRANSCRIPT.replace("Interviewer:", "[00:00:05] Jane Smith:").replace(
        "Candidate:", "[00:00:20] Bob Lee:"
    )
    path = tmp_path / "named.txt"
    path.write_text(named, encoding="utf-8")
    code, out, err = invoke(["review", "-t", path, "--candidate", "Bob Lee", "--json"])
    assert code == 0, err
    data = json.loads(out)
    assert len(data["answers"]) == 2
    assert data["answers"][1]["question"] == "Why do you want this job?"
    assert data["verdict"] in VERDICTS


# --- rehearse ---------------------------------------------------------------------------------

STRONG_ANSWERS = [
    GOOD,
    "I have used your product for three years to plan sprints for my team of six engineers, so "
    "I want to build the reporting features that I rely on every week.",
    "At my last job I owned the on-call rotation for the payments team. I cut pages by half in "
    "2022 by fixing the noisiest alerts myself and writing runbooks for the rest.",
    "When a colleague disagreed with my design in 2023 I set up a call, we compared the two "
    "options against latency numbers, and we shipped his version because it was 20 percent "
    "faster.",
    "I would start by listening to the team for two weeks, then pick one measurable problem, "
    "like the slow release process, and fix it with them by the end of the first quarter.",
    "I learned to ask for help earlier. In 2020 I missed a deadline by a week because I tried "
    "to debug a memory leak alone; now I flag risks in the daily standup.",
]


def test_rehearse_full_session(invoke: Invoke) -> None:
    # The weak first answer draws a follow-up; there are spare answers for any other probes.
    script = "\n\n".join([WEAK, *STRONG_ANSWERS, *STRONG_ANSWERS]) + "\n\n"
    code, out, err = invoke(["rehearse", "-i", HM, "--seed", "3"], stdin=script)
    assert code == 0, err
    assert "Traceback" not in out + err
    assert "Question 1 of 5" in out and "Question 5 of 5" in out
    prompts = out.count("Type your answer")
    assert prompts >= 6, "the weak answer drew no follow-up"
    assert out.count("/100") >= prompts  # feedback after every answer, plus the verdict
    verdict = out[out.index("Verdict") :]
    assert "Whole interview" in verdict
    assert "/100" in verdict


def test_rehearse_is_repeatable_with_a_seed(invoke: Invoke) -> None:
    _, first, _ = invoke(["rehearse", "--seed", "11", "-n", "2"], stdin="/quit\n")
    _, second, _ = invoke(["rehearse", "--seed", "11", "-n", "2"], stdin="/quit\n")
    assert first == second


def test_rehearse_quit_at_once(invoke: Invoke) -> None:
    code, out, err = invoke(["rehearse", "--seed", "1"], stdin="/quit\n")
    assert code == 0, err
    assert "No answers given" in out
    assert "Verdict" not in out


def test_rehearse_quit_after_one_answer(invoke: Invoke) -> None:
    code, out, err = invoke(["rehearse", "--seed", "1"], stdin=f"{GOOD}\n\n/quit\n")
    assert code == 0, err
    assert "Question 1 of 5" in out
    verdict = out[out.index("Verdict") :]
    assert "Answer 1:" in verdict
    assert "Answer 2:" not in verdict  # only the one given answer is judged at the end


def test_rehearse_end_of_input_ends_it(invoke: Invoke) -> None:
    code, out, err = invoke(["rehearse", "--seed", "1", "-n", "2"], stdin=f"{GOOD}\n")
    assert code == 0, err
    assert "Verdict" in out


def test_rehearse_skip_and_bad_answers_go_on(invoke: Invoke) -> None:
    script = "\n\n".join(["/skip", GERMAN, *STRONG_ANSWERS]) + "\n\n"
    code, out, err = invoke(["rehearse", "--seed", "5", "-n", "2"], stdin=script)
    assert code == 0, err
    assert "Traceback" not in out + err
    assert "English" in out
    assert "Question 2 of 2" in out
    assert "Verdict" in out


def test_rehearse_unknown_interviewer(invoke: Invoke) -> None:
    code, out, err = invoke(["rehearse", "-i", "astronaut"], stdin="/quit\n")
    assert_one_error_line(code, out, err, "astronaut", HM)


# --- bad input: exit 1, one friendly line -----------------------------------------------------


def _junk_file(tmp_path: Path) -> Path:
    data = bytearray(random.Random(7).randbytes(4000))
    data[100] = 0
    path = tmp_path / "junk.bin"
    path.write_bytes(bytes(data))
    return path


def _bad_bank(tmp_path: Path) -> Path:
    path = tmp_path / "bank.yaml"
    path.write_text("questions:\n  - id: [broken\n    text: 'never closed\n", encoding="utf-8")
    return path


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "transcript.txt"
    path.write_text(text, encoding="utf-8")
    return path


BAD_INPUT: list[tuple[str, Callable[[Path], list[Any]], tuple[str, ...]]] = [
    ("empty answer", lambda p: analyze(answer=""), ("empty",)),
    ("whitespace answer", lambda p: analyze(answer="  \n\t  \n "), ("empty",)),
    (
        "100,000 words",
        lambda p: analyze(answer=" ".join(["word"] * 100_000)),
        ("100000 words", "limit"),
    ),
    (
        "binary junk file",
        lambda p: ["analyze", "-i", HM, "-q", QUESTION, "--answer-file", _junk_file(p)],
        ("binary",),
    ),
    ("German answer", lambda p: analyze(answer=GERMAN), ("English",)),
    (
        "Spanish answer",
        lambda p: analyze(
            answer="Trabajé tres años en una empresa de logística en Madrid, donde dirigí un "
            "equipo pequeño y mejoramos los tiempos de entrega para nuestros clientes."
        ),
        ("English",),
    ),
    (
        "unknown interviewer",
        lambda p: ["analyze", "-i", "astronaut", "-q", QUESTION, "-a", GOOD],
        ("astronaut", *(t.id for t in INTERVIEWERS)),
    ),
    ("stage 7", lambda p: analyze("--stage", "7"), ("stage",)),
    ("malformed bank", lambda p: ["questions", "--bank", _bad_bank(p)], ("question bank",)),
    (
        "missing bank",
        lambda p: ["questions", "--bank", p / "nope.yaml"],
        ("question bank", "not found"),
    ),
    (
        "missing answer file",
        lambda p: ["analyze", "-i", HM, "-q", QUESTION, "--answer-file", p / "nope.txt"],
        ("answer file", "not found"),
    ),
    ("missing job file", lambda p: analyze("--job", p / "nope.txt"), ("job file", "not found")),
    ("empty transcript", lambda p: ["review", "-t", _file(p, "")], ("turns",)),
    (
        "transcript without turns",
        lambda p: ["review", "-t", _file(p, "Some notes I took.\nNothing labelled here.\n")],
        ("turns",),
    ),
    (
        "missing transcript",
        lambda p: ["review", "-t", p / "nope.txt"],
        ("transcript file", "not found"),
    ),
    (
        "review unknown interviewer",
        lambda p: ["review", "-t", _file(p, TRANSCRIPT), "-i", "astronaut"],
        ("astronaut",),
    ),
    ("review stage 7", lambda p: ["review", "-t", _file(p, TRANSCRIPT), "-s", "7"], ("stage",)),
    ("empty question", lambda p: ["analyze", "-i", HM, "-q", " ", "-a", GOOD], ("question",)),
]


@pytest.mark.parametrize(
    ("make_args", "fragments"),
    [pytest.param(make, fragments, id=name) for name, make, fragments in BAD_INPUT],
)
def test_bad_input_is_one_friendly_line(
    invoke: Invoke,
    tmp_path: Path,
    make_args: Callable[[Path], list[Any]],
    fragments: tuple[str, ...],
) -> None:
    code, out, err = invoke(make_args(tmp_path))
    assert_one_error_line(code, out, err, *fragments)
    assert out == ""


# --- usage errors: exit 2 ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        pytest.param(["analyze", "-i", HM, "-a", GOOD], "--question", id="no question"),
        pytest.param(["analyze", "-q", QUESTION, "-a", GOOD], "--interviewer", id="no interviewer"),
        pytest.param(
            ["analyze", "-i", HM, "-q", QUESTION, "-a", GOOD, "--answer-file", "x.txt"],
            "--answer",
            id="answer and answer file",
        ),
        pytest.param(["analyze", "-i", HM, "-q", QUESTION], "--answer", id="no answer"),
        pytest.param(["analyze", "--bogus"], "--bogus", id="unknown option"),
        pytest.param(["--bogus"], "--bogus", id="unknown top-level option"),
        pytest.param(["fly"], "fly", id="unknown command"),
        pytest.param(["analyze", "-s", "two"], "--stage", id="stage not a number"),
        pytest.param(["rehearse", "-n", "40"], "--questions", id="too many questions"),
        pytest.param(["review"], "--transcript", id="review without transcript"),
    ],
)
def test_usage_errors_exit_2(invoke: Invoke, args: list[str], fragment: str) -> None:
    code, out, err = invoke(args)
    assert code == 2, (out, err)
    assert "Traceback" not in out + err
    assert err.startswith("usage error: ")
    assert fragment in err
    assert len(err.strip().splitlines()) == 1


# --- the real console entry -------------------------------------------------------------------


def _console(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GREENROOM_")}
    env["GREENROOM_CONFIG"] = str(tmp_path / "no-config.toml")
    return subprocess.run(
        [sys.executable, "-m", "greenroom", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_python_dash_m_unknown_interviewer(tmp_path: Path) -> None:
    done = _console("analyze", "-i", "astronaut", "-q", QUESTION, "-a", GOOD, tmp_path=tmp_path)
    assert_one_error_line(done.returncode, done.stdout, done.stderr, "astronaut")


def test_python_dash_m_json(tmp_path: Path) -> None:
    done = _console(*analyze("--json"), tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert_judgement(json.loads(done.stdout), GOOD)

"""The question bank: the shipped bank's coverage, file validation, filtering and sampling."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from greenroom.domain.models import (
    CRITERION_IDS,
    INTERVIEWER_IDS,
    QUESTION_KINDS,
    QuestionBank,
    Stage,
)
from greenroom.domain.questions import (
    candidate_questions_for,
    default_bank,
    filter_questions,
    load_bank,
    question_by_id,
    sample_questions,
)
from greenroom.errors import BankError, NotFoundError

# --- the shipped bank ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    return default_bank()


def test_shipped_bank_has_at_least_210_questions_and_65_candidate_questions(
    bank: QuestionBank,
) -> None:
    assert len(bank.questions) >= 210
    assert len(bank.candidate_questions) >= 65


@pytest.mark.parametrize("interviewer", INTERVIEWER_IDS)
def test_every_interviewer_asks_at_least_25_questions(bank: QuestionBank, interviewer: str) -> None:
    assert len(filter_questions(bank, interviewer=interviewer)) >= 25


@pytest.mark.parametrize("criterion", CRITERION_IDS)
def test_every_criterion_is_probed_by_at_least_20_questions(
    bank: QuestionBank, criterion: str
) -> None:
    assert len(filter_questions(bank, criterion=criterion)) >= 20


@pytest.mark.parametrize("kind", QUESTION_KINDS)
def test_every_kind_has_at_least_15_questions(bank: QuestionBank, kind: str) -> None:
    assert len(filter_questions(bank, kind=kind)) >= 15


def test_at_least_15_questions_are_for_people_managers(bank: QuestionBank) -> None:
    assert sum(q.seniority == "people-manager" for q in bank.questions) >= 15


@pytest.mark.parametrize("interviewer", INTERVIEWER_IDS)
def test_every_interviewer_has_at_least_8_candidate_questions(
    bank: QuestionBank, interviewer: str
) -> None:
    assert len(candidate_questions_for(bank, interviewer)) >= 8


def test_some_candidate_questions_wait_for_the_offer_stage(bank: QuestionBank) -> None:
    offer_only = [c for c in bank.candidate_questions if c.earliest_stage == Stage.OFFER]
    assert len(offer_only) >= 3


@pytest.mark.parametrize(
    "topic", ["salary", "notice", "legally able to work", "commute", "leave", "gap"]
)
def test_recruiters_screen_for_the_usual_deal_breakers(bank: QuestionBank, topic: str) -> None:
    screening = [
        q
        for q in filter_questions(bank, kind="screening")
        if {"internal-recruiter", "external-recruiter"} & set(q.interviewers)
    ]
    assert any(topic in q.text.lower() for q in screening)


def test_salary_question_says_a_researched_range_is_the_right_answer(bank: QuestionBank) -> None:
    question = question_by_id(bank, "scr-salary-expectations")
    assert "researched range" in question.really_asking


def test_shipped_texts_are_unique_and_each_has_one_to_three_follow_ups(
    bank: QuestionBank,
) -> None:
    texts = Counter(q.text.lower() for q in bank.questions)
    texts.update(c.text.lower() for c in bank.candidate_questions)
    assert [t for t, count in texts.items() if count > 1] == []
    assert all(1 <= len(q.follow_ups) <= 3 for q in bank.questions)


def test_default_bank_is_loaded_once() -> None:
    assert default_bank() is default_bank()


# --- loading user banks ----------------------------------------------------------------------


def _question(**changes: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": "hm-deadline",
        "text": "Tell me about a deadline you nearly missed.",
        "interviewers": ["hiring-manager"],
        "criteria": ["dependable"],
        "kind": "behavioural",
        "seniority": "any",
        "really_asking": "Will you warn me early?",
        "follow_ups": ["What did you tell your manager?"],
    }
    entry.update(changes)
    return entry


def _candidate(**changes: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": "cq-hm-first-months",
        "text": "What should the first three months deliver?",
        "interviewers": ["hiring-manager"],
        "purpose": "Shows you think about delivering.",
        "earliest_stage": 2,
    }
    entry.update(changes)
    return entry


def _write_yaml(tmp_path: Path, content: Any, name: str = "bank.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(content), encoding="utf-8")
    return path


def _problem(path: Path) -> str:
    with pytest.raises(BankError) as caught:
        load_bank(path)
    assert caught.value.path == str(path)
    assert "\n" not in caught.value.problem
    return caught.value.problem


def test_a_valid_yaml_bank_loads_into_frozen_records(tmp_path: Path) -> None:
    path = _write_yaml(
        tmp_path, {"questions": [_question()], "candidate_questions": [_candidate()]}
    )
    bank = load_bank(path)
    assert bank.questions[0].interviewers == ("hiring-manager",)
    assert bank.questions[0].follow_ups == ("What did you tell your manager?",)
    assert bank.candidate_questions[0].earliest_stage is Stage.INTERVIEW


def test_a_json_bank_loads(tmp_path: Path) -> None:
    path = tmp_path / "bank.json"
    path.write_text(json.dumps({"questions": [_question(), _question(id="hm-other")]}))
    assert [q.id for q in load_bank(path).questions] == ["hm-deadline", "hm-other"]


def test_a_bad_kind_names_the_entry_and_the_allowed_kinds(tmp_path: Path) -> None:
    path = _write_yaml(tmp_path, {"questions": [_question(), _question(id="x", kind="riddle")]})
    problem = _problem(path)
    assert problem.startswith("questions[1].kind (id 'x'): 'riddle' is not allowed")
    assert "must be one of" in problem and "'situational'" in problem


def test_a_duplicate_id_is_reported(tmp_path: Path) -> None:
    content = {"questions": [_question()], "candidate_questions": [_candidate(id="hm-deadline")]}
    assert "duplicate id 'hm-deadline'" in _problem(_write_yaml(tmp_path, content))


def test_an_unknown_interviewer_is_reported(tmp_path: Path) -> None:
    path = _write_yaml(tmp_path, {"questions": [_question(interviewers=["ceo"])]})
    problem = _problem(path)
    assert problem.startswith("questions[0].interviewers[0]")
    assert "'ceo' is not allowed" in problem and "'peer'" in problem


def test_a_missing_field_is_reported(tmp_path: Path) -> None:
    entry = _question()
    del entry["really_asking"]
    path = _write_yaml(tmp_path, {"questions": [entry]})
    assert _problem(path) == "questions[0].really_asking (id 'hm-deadline'): is required"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"id": "Hiring_Manager"}, "must be kebab-case"),
        ({"text": "Tell me about a deadline"}, "must end with '?'"),
        ({"text": "   "}, "text"),
        ({"follow_ups": []}, "needs at least 1 item"),
        ({"follow_ups": ["A?", "B?", "C?", "D?"]}, "needs at most 3 items"),
        ({"criteria": ["charm"]}, "'charm' is not allowed"),
        ({"criteria": ["stays", "stays"]}, "lists stays more than once"),
        ({"seniority": "director"}, "'director' is not allowed"),
        ({"colour": "blue"}, "colour (id 'hm-deadline'): is not a known field"),
    ],
)
def test_schema_violations_give_a_one_line_problem(
    tmp_path: Path, changes: dict[str, Any], expected: str
) -> None:
    assert expected in _problem(_write_yaml(tmp_path, {"questions": [_question(**changes)]}))


@pytest.mark.parametrize("stage", [0, 4, "2"])
def test_earliest_stage_must_be_a_whole_number_from_1_to_3(tmp_path: Path, stage: Any) -> None:
    content = {
        "questions": [_question()],
        "candidate_questions": [_candidate(earliest_stage=stage)],
    }
    assert _problem(_write_yaml(tmp_path, content)).startswith("candidate_questions[0].earliest")


def test_an_imperative_prompt_may_end_with_a_full_stop(tmp_path: Path) -> None:
    path = _write_yaml(tmp_path, {"questions": [_question(text="Walk me through your CV.")]})
    assert load_bank(path).questions[0].text == "Walk me through your CV."


def test_junk_bytes_are_refused_as_binary(tmp_path: Path) -> None:
    path = tmp_path / "bank.yaml"
    path.write_bytes(bytes(range(256)) * 4)
    assert "binary" in _problem(path)


def test_bytes_that_are_not_utf8_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "bank.yml"
    path.write_bytes(b"questions: \xff\xfe\xfa")
    assert "not UTF-8" in _problem(path)


def test_text_that_is_not_yaml_reports_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text("questions:\n  - id: a\n    text: [unclosed\n")
    assert _problem(path).startswith("not valid YAML at line")


def test_text_that_is_not_json_reports_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bank.json"
    path.write_text('{"questions": [\n')
    assert _problem(path).startswith("not valid JSON at line")


@pytest.mark.parametrize("content", ["", "  \n\n"])
def test_an_empty_file_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text(content)
    assert _problem(path) == "file is empty"


@pytest.mark.parametrize("content", ["- just\n- a list\n", "42\n"])
def test_a_top_level_that_is_not_a_mapping_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text(content)
    assert "top level must be a mapping" in _problem(path)


def test_a_bank_without_questions_is_refused(tmp_path: Path) -> None:
    assert "needs at least 1 item" in _problem(_write_yaml(tmp_path, {"questions": []}))


def test_a_missing_file_is_reported(tmp_path: Path) -> None:
    assert _problem(tmp_path / "nowhere.yaml") == "file not found"


def test_a_directory_is_not_a_bank(tmp_path: Path) -> None:
    folder = tmp_path / "bank.yaml"
    folder.mkdir()
    assert _problem(folder) == "is a directory"


def test_an_unsupported_extension_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bank.txt"
    path.write_text("questions: []")
    assert "unsupported file type '.txt'" in _problem(path)


def test_a_file_over_5_mb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text("#" * (5 * 1024 * 1024 + 1))
    assert _problem(path) == "file is larger than 5 MB"


# --- filtering and lookup --------------------------------------------------------------------


def test_filters_combine(bank: QuestionBank) -> None:
    found = filter_questions(bank, interviewer="peer", kind="situational", criterion="team_player")
    assert found
    assert all(
        "peer" in q.interviewers and q.kind == "situational" and "team_player" in q.criteria
        for q in found
    )


def test_people_manager_questions_are_hidden_when_seniority_is_any(bank: QuestionBank) -> None:
    assert all(q.seniority == "any" for q in filter_questions(bank, seniority="any"))


def test_people_manager_questions_are_included_when_asked_or_unfiltered(
    bank: QuestionBank,
) -> None:
    for seniority in ("people-manager", None):
        found = filter_questions(bank, interviewer="direct-report", seniority=seniority)
        assert {q.seniority for q in found} == {"any", "people-manager"}


@pytest.mark.parametrize(
    ("option", "kind"),
    [
        ("interviewer", "interviewer"),
        ("kind", "question kind"),
        ("criterion", "criterion"),
        ("seniority", "seniority"),
    ],
)
def test_an_unknown_filter_value_lists_the_known_ids(
    bank: QuestionBank, option: str, kind: str
) -> None:
    with pytest.raises(NotFoundError) as caught:
        filter_questions(bank, **{option: "nonsense"})
    assert caught.value.kind == kind
    assert caught.value.known


def test_candidate_questions_respect_the_stage(bank: QuestionBank) -> None:
    early = candidate_questions_for(bank, "internal-recruiter", Stage.SCREENING)
    every = candidate_questions_for(bank, "internal-recruiter")
    assert all(c.earliest_stage == Stage.SCREENING for c in early)
    assert len(early) < len(every)
    assert any(c.earliest_stage == Stage.OFFER for c in every)


def test_candidate_questions_for_an_unknown_interviewer_raise(bank: QuestionBank) -> None:
    with pytest.raises(NotFoundError):
        candidate_questions_for(bank, "janitor")


def test_question_by_id_finds_the_question(bank: QuestionBank) -> None:
    assert question_by_id(bank, "scr-notice-period").kind == "screening"


def test_question_by_id_suggests_close_ids(bank: QuestionBank) -> None:
    with pytest.raises(NotFoundError) as caught:
        question_by_id(bank, "scr-notice-periods")
    assert "scr-notice-period" in caught.value.known


# --- sampling --------------------------------------------------------------------------------


@pytest.mark.parametrize("interviewer", INTERVIEWER_IDS)
def test_sampling_is_deterministic_for_a_seed(bank: QuestionBank, interviewer: str) -> None:
    first = sample_questions(bank, interviewer, 6, seed=7, people_manager=True)
    assert first == sample_questions(bank, interviewer, 6, seed=7, people_manager=True)


def test_different_seeds_give_different_samples(bank: QuestionBank) -> None:
    samples = {sample_questions(bank, "hiring-manager", 6, seed=s) for s in range(10)}
    assert len(samples) > 1


@pytest.mark.parametrize("interviewer", INTERVIEWER_IDS)
def test_a_sample_opens_with_a_warm_up_and_ends_with_a_closing_question(
    bank: QuestionBank, interviewer: str
) -> None:
    for seed in range(5):
        sample = sample_questions(bank, interviewer, 5, seed=seed, people_manager=True)
        assert len(sample) == 5
        assert sample[0].id.startswith("intro-") or sample[0].kind == "motivation"
        assert sample[-1].kind == "closing"
        assert len({q.id for q in sample}) == 5


def test_a_sample_spreads_across_kinds(bank: QuestionBank) -> None:
    sample = sample_questions(bank, "hiring-manager", 7, seed=3)
    middle_kinds = [q.kind for q in sample[1:-1]]
    assert len(set(middle_kinds)) == len(middle_kinds)


def test_a_sample_has_no_people_manager_questions_unless_asked(bank: QuestionBank) -> None:
    for seed in range(20):
        sample = sample_questions(bank, "direct-report", 10, seed=seed)
        assert all(q.seniority == "any" for q in sample)
    asked = sample_questions(bank, "direct-report", 10, seed=1, people_manager=True)
    assert any(q.seniority == "people-manager" for q in asked)


def test_short_samples_skip_the_closing_question(bank: QuestionBank) -> None:
    assert len(sample_questions(bank, "peer", 1, seed=0)) == 1
    pair = sample_questions(bank, "peer", 2, seed=0)
    assert len(pair) == 2 and pair[-1].kind != "closing"


def test_a_sample_never_exceeds_the_pool(tmp_path: Path) -> None:
    path = _write_yaml(tmp_path, {"questions": [_question(), _question(id="b", kind="closing")]})
    small = load_bank(path)
    assert len(sample_questions(small, "hiring-manager", 10, seed=0)) == 2
    assert sample_questions(small, "hiring-manager", 0, seed=0) == ()
    assert sample_questions(small, "peer", 3, seed=0) == ()

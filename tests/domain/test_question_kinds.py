"""classify_question reads the kind of a free-text question from its wording.

Every row is a question an interviewer might really ask, written for this file, with the kind a
reader would give it. Rules are tried in order (closing, screening, behavioural, situational,
motivation, small talk) and anything left over is technical-general.
"""

from __future__ import annotations

import pytest

from greenroom.domain.question_kinds import AnswerKind, classify_question

CASES: tuple[tuple[str, AnswerKind], ...] = (
    # small talk: greetings, logistics, one- or two-word prompts
    ("So, how are you doing today?", "small-talk"),
    ("How are you?", "small-talk"),
    ("Hello, how are you doing?", "small-talk"),
    ("How is it going today?", "small-talk"),
    ("Ready?", "small-talk"),
    ("Good morning!", "small-talk"),
    ("Did you find the office okay?", "small-talk"),
    ("How was your trip in?", "small-talk"),
    ("Nice to meet you.", "small-talk"),
    ("Thanks for coming in today.", "small-talk"),
    ("Hello, I'm Sam from the data team.", "small-talk"),
    # closing: the floor handed back to the candidate
    ("Do you have any questions for us?", "closing"),
    ("Any questions?", "closing"),
    ("Any other questions before we wrap up?", "closing"),
    ("Is there anything else you would like to ask?", "closing"),
    # screening: pay, notice, location, right to work, schedule
    ("What are your salary expectations?", "screening"),
    ("What would you expect to earn in this role?", "screening"),
    ("What is your notice period?", "screening"),
    ("How soon can you start?", "screening"),
    ("Would you be willing to relocate to Leeds?", "screening"),
    ("Do you have a valid work permit for the UK?", "screening"),
    ("Are you authorised to work in Canada?", "screening"),
    ("Will you require visa sponsorship?", "screening"),
    ("Are you comfortable working night shifts?", "screening"),
    ("Can you explain the gap in your CV?", "screening"),
    ("Why are you leaving your current job?", "screening"),
    # behavioural: a real past example is asked for
    ("Tell me about a time you disagreed with your manager.", "behavioural"),
    ("Give me an example of a deadline you missed.", "behavioural"),
    ("Describe a situation where you had to persuade a sceptical colleague.", "behavioural"),
    ("Have you ever had to deliver bad news to a client?", "behavioural"),
    ("When was the last time you changed your mind at work?", "behavioural"),
    ("What is your proudest achievement so far?", "behavioural"),
    # situational: a hypothetical to reason through
    ("What would you do if a customer shouted at you?", "situational"),
    ("How would you handle two urgent requests from different managers?", "situational"),
    ("Imagine our main supplier goes bust tomorrow.", "situational"),
    ("Suppose your team misses a sprint goal.", "situational"),
    ("What would you focus on in your first 90 days?", "situational"),
    # motivation: who the candidate is and why this job
    ("Tell me about yourself.", "motivation"),
    ("Tell me a little about yourself.", "motivation"),
    ("Tell me why we should hire you.", "motivation"),
    ("What is your greatest weakness?", "motivation"),
    ("What are your strengths?", "motivation"),
    ("Why do you want to work here?", "motivation"),
    ("Where do you see yourself in five years?", "motivation"),
    ("What do you know about our company?", "motivation"),
    ("What motivates you at work?", "motivation"),
    # technical-general: nothing above matches
    ("How do you keep your SQL skills up to date?", "technical-general"),
    ("What is the difference between a list and a tuple in Python?", "technical-general"),
    ("How do you make sure your reports have no errors?", "technical-general"),
    ("Tell me about your experience with budgets.", "technical-general"),
)


@pytest.mark.parametrize(("question", "kind"), CASES, ids=[q for q, _ in CASES])
def test_a_question_is_classified_as_the_kind_its_wording_asks_for(
    question: str, kind: AnswerKind
) -> None:
    assert classify_question(question) == kind


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Why should we hire you?", "motivation"),
        ("Why should I hire you?", "motivation"),
    ],
)
def test_the_inverted_why_should_we_hire_you_is_a_motivation_question(
    question: str, kind: AnswerKind
) -> None:
    assert classify_question(question) == kind


def test_the_contracted_hows_it_going_is_small_talk() -> None:
    assert classify_question("How's it going?") == "small-talk"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("  Tell me about a time you failed.  ", "behavioural"),
        ("TELL ME ABOUT YOURSELF", "motivation"),
        ("what is your NOTICE PERIOD", "screening"),
    ],
)
def test_classification_ignores_case_and_surrounding_space(question: str, kind: AnswerKind) -> None:
    assert classify_question(question) == kind


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # closing is tried before screening
        ("Do you have any questions about the salary or anything else?", "closing"),
        # screening is tried before behavioural
        ("Tell me about a time you negotiated your salary.", "screening"),
        # behavioural is tried before situational
        ("Have you ever had to imagine a product from scratch?", "behavioural"),
    ],
)
def test_the_first_matching_rule_wins_when_several_could_apply(
    question: str, kind: AnswerKind
) -> None:
    assert classify_question(question) == kind


@pytest.mark.parametrize("question", ["", "   ", "?"])
def test_an_empty_or_bare_prompt_falls_back_to_technical_general(question: str) -> None:
    assert classify_question(question) == "technical-general"

"""parse_transcript and exchanges over small transcripts in each shape people export."""

from __future__ import annotations

import pytest

from greenroom.domain.models import Exchange, Transcript, Turn
from greenroom.domain.transcripts import (
    exchanges,
    is_backchannel,
    parse_transcript,
    transcript_from_turns,
)
from greenroom.errors import InputError


def speakers(transcript: Transcript) -> list[str]:
    return [turn.speaker for turn in transcript.turns]


def texts(transcript: Transcript) -> list[str]:
    return [turn.text for turn in transcript.turns]


def test_role_labelled_lines_become_interviewer_and_candidate_turns() -> None:
    transcript = parse_transcript(
        "Interviewer: Why do you want this job?\nCandidate: I love building tools.\n"
    )
    assert speakers(transcript) == ["interviewer", "candidate"]
    assert texts(transcript) == ["Why do you want this job?", "I love building tools."]
    assert transcript.turns[0].name == "Interviewer"
    assert transcript.turns[0].time_s is None


@pytest.mark.parametrize(
    ("asker", "answerer"),
    [
        ("Interviewer", "Interviewee"),
        ("Q", "A"),
        ("Them", "Me"),
        ("Recruiter", "Applicant"),
        ("Hiring Manager", "Candidate"),
        ("HR", "Candidate"),
        ("interviewer", "candidate"),
    ],
)
def test_role_words_in_labels_decide_the_speaker(asker: str, answerer: str) -> None:
    transcript = parse_transcript(f"{answerer}: Hello there.\n{asker}: Tell me about you?\n")
    assert speakers(transcript) == ["candidate", "interviewer"]


def test_unlabelled_lines_continue_the_turn_above() -> None:
    transcript = parse_transcript(
        "Interview notes, practice round\n"
        "Interviewer: Tell me about a project\n"
        "you are proud of.\n"
        "\n"
        "Candidate: I rebuilt our billing service.\n"
        "It cut failures by half.\n"
    )
    assert texts(transcript) == [
        "Tell me about a project you are proud of.",
        "I rebuilt our billing service. It cut failures by half.",
    ]


def test_a_label_on_its_own_line_takes_the_text_below_it() -> None:
    transcript = parse_transcript("Interviewer:\nWhy us?\nCandidate:\nYour mission.\n")
    assert texts(transcript) == ["Why us?", "Your mission."]


def test_pipes_separate_turns_in_one_line_exports() -> None:
    transcript = parse_transcript(
        "Interviewer: How are you?|Interviewee: Fine, thanks. | Interviewer: Why this team?"
        "|Interviewee: I like the A|B testing work."
    )
    assert speakers(transcript) == ["interviewer", "candidate", "interviewer", "candidate"]
    assert texts(transcript)[-1] == "I like the A|B testing work."


def test_consecutive_turns_of_one_speaker_are_merged() -> None:
    transcript = parse_transcript(
        "Interviewer: Hi.\nInterviewer: What brings you here?\nCandidate: Growth.\n"
    )
    assert texts(transcript) == ["Hi. What brings you here?", "Growth."]


def test_capitalised_text_with_a_colon_is_not_a_speaker_among_role_labels() -> None:
    transcript = parse_transcript(
        "Interviewer: What happened?\nCandidate: We shipped late.\nResult: the client stayed.\n"
    )
    assert texts(transcript)[-1] == "We shipped late. Result: the client stayed."


def test_lowercase_phrases_with_a_colon_are_continuation_text() -> None:
    transcript = parse_transcript(
        "Interviewer: What matters to you?\nCandidate: Two things.\nthe main one is: growth\n"
    )
    assert texts(transcript)[-1] == "Two things. the main one is: growth"


@pytest.mark.parametrize(
    ("line", "seconds"),
    [
        ("[00:01:23] Dana Reyes: Thanks for having me.", 83.0),
        ("00:01:23 Dana Reyes: Thanks for having me.", 83.0),
        ("(1:23) Dana: Thanks for having me.", 83.0),
        ("Dana Reyes (01:23): Thanks for having me.", 83.0),
        ("[1:02:03.5] Dana: Thanks for having me.", 3723.5),
    ],
)
def test_timestamps_before_or_after_names_fill_time_s(line: str, seconds: float) -> None:
    transcript = parse_transcript(line, candidate="dana")
    assert transcript.turns[0].text == "Thanks for having me."
    assert transcript.turns[0].time_s == seconds
    assert transcript.turns[0].speaker == "candidate"


def test_two_named_speakers_the_one_asking_more_questions_is_the_interviewer() -> None:
    transcript = parse_transcript(
        "[00:00:02] Dana Reyes: Hi, thanks for having me.\n"
        "[00:00:05] Omar Haddad: Welcome. Can you walk me through your CV?\n"
        "[00:00:12] Dana Reyes: Sure, I started in support.\n"
        "[00:01:40] Omar Haddad: Why did you move to engineering?\n"
        "[00:01:44] Dana Reyes: I kept automating my own tickets.\n"
    )
    assert speakers(transcript) == ["candidate", "interviewer"] * 2 + ["candidate"]
    assert transcript.turns[1].name == "Omar Haddad"
    assert transcript.turns[1].time_s == 5.0


def test_with_equal_questions_the_first_speaker_is_the_interviewer() -> None:
    transcript = parse_transcript("Omar: Welcome.\nDana: Thank you.\n")
    assert speakers(transcript) == ["interviewer", "candidate"]


def test_candidate_option_matches_full_or_first_name_in_any_case() -> None:
    text = "Omar Haddad: Welcome.\nDana Reyes: Thank you, any questions for me?\n"
    assert speakers(parse_transcript(text, candidate="DANA REYES"))[1] == "candidate"
    assert speakers(parse_transcript(text, candidate="dana"))[1] == "candidate"


def test_otter_style_name_and_time_lines_head_the_text_below() -> None:
    transcript = parse_transcript(
        "Omar Haddad  0:05\n"
        "Thanks for joining. What are you working on now?\n"
        "\n"
        "Dana Reyes  0:11\n"
        "A search feature for our help centre.\n"
        "It launches next month.\n"
        "\n"
        "Speaker 3  1:02:07\n"
        "Sorry, wrong room.\n",
        candidate="Dana",
    )
    assert speakers(transcript) == ["interviewer", "candidate", "interviewer"]
    assert texts(transcript)[1] == "A search feature for our help centre. It launches next month."
    assert [turn.time_s for turn in transcript.turns] == [5.0, 11.0, 3727.0]


def test_zoom_style_bracketed_names_head_the_text_below() -> None:
    transcript = parse_transcript(
        "[Omar Haddad] 10:00:05\nWhat drew you to us?\n[Dana Reyes] 10:00:09\nYour users.\n"
    )
    assert speakers(transcript) == ["interviewer", "candidate"]
    assert transcript.turns[1].time_s == 36009.0


def test_webvtt_voice_tags_name_the_speakers() -> None:
    transcript = parse_transcript(
        "WEBVTT\n"
        "\n"
        "NOTE exported by a meeting tool\n"
        "\n"
        "intro-1\n"
        "00:00:01.000 --> 00:00:04.000\n"
        "<v Omar Haddad>Why do you want to join us?</v>\n"
        "\n"
        "00:00:04.500 --> 00:00:09.000\n"
        "<v.loud Dana Reyes>I want to work on tools\n"
        "that people &amp; teams use daily.</v>\n"
        "\n"
        "00:00:09.000 --> 00:00:12.250\n"
        "<v Dana Reyes>And I <i>like</i> your culture.</v>\n"
    )
    assert speakers(transcript) == ["interviewer", "candidate"]
    assert texts(transcript)[1] == (
        "I want to work on tools that people & teams use daily. And I like your culture."
    )
    assert [turn.time_s for turn in transcript.turns] == [1.0, 4.5]


def test_webvtt_cues_with_name_labels_and_unlabelled_continuations() -> None:
    transcript = parse_transcript(
        "WEBVTT\n\n"
        "00:01.000 --> 00:03.000\nInterviewer: What is your biggest strength?\n\n"
        "00:03.500 --> 00:06.000\nCandidate: Patience with hard bugs.\n\n"
        "00:06.000 --> 00:08.000\nI once chased one for a week.\n"
    )
    assert texts(transcript) == [
        "What is your biggest strength?",
        "Patience with hard bugs. I once chased one for a week.",
    ]
    assert transcript.turns[1].time_s == 3.5


def test_srt_cues_with_names_are_read_with_start_times() -> None:
    transcript = parse_transcript(
        "1\n00:00:01,000 --> 00:00:03,500\nOmar Haddad: Where do you see yourself?\n\n"
        "2\n00:00:04,200 --> 00:00:07,000\nDana Reyes: Leading a small team.\n\n"
        "3\n00:00:07,000 --> 00:00:09,000\nDana Reyes: Ideally here.\n",
        candidate="Dana Reyes",
    )
    assert speakers(transcript) == ["interviewer", "candidate"]
    assert texts(transcript)[1] == "Leading a small team. Ideally here."
    assert transcript.turns[1].time_s == pytest.approx(4.2)


def test_three_named_speakers_without_a_candidate_name_is_an_input_error() -> None:
    text = "Omar: Welcome.\nLee: Hi, I will take notes.\nDana: Thanks, glad to be here.\n"
    with pytest.raises(InputError, match=r"several speakers found \(Omar, Lee, Dana\)"):
        parse_transcript(text)


def test_three_named_speakers_with_a_candidate_name_make_the_others_interviewers() -> None:
    text = "Omar: Welcome.\nLee: Hi, I will take notes.\nDana: Thanks, glad to be here.\n"
    transcript = parse_transcript(text, candidate="dana")
    assert speakers(transcript) == ["interviewer", "candidate"]
    assert texts(transcript)[0] == "Welcome. Hi, I will take notes."


def test_a_candidate_name_that_matches_nobody_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no speaker matches candidate 'Sam'"):
        parse_transcript("Omar: Welcome.\nDana: Thanks.\n", candidate="Sam")


def test_one_role_label_and_one_name_make_a_pair() -> None:
    transcript = parse_transcript("Interviewer: Why us?\nDana Reyes: Your mission.\n")
    assert speakers(transcript) == ["interviewer", "candidate"]


def test_a_single_unnamed_speaker_is_an_input_error() -> None:
    with pytest.raises(InputError, match="only one speaker found"):
        parse_transcript("Dana: I talk to myself.\n")


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n", "just some notes without any speaker\nand another line", "\x00\x01garbage"],
)
def test_empty_or_unlabelled_text_is_a_one_line_input_error(text: str) -> None:
    with pytest.raises(InputError, match="no interviewer or candidate turns found") as caught:
        parse_transcript(text)
    assert "\n" not in str(caught.value)


def test_transcript_from_turns_merges_runs_and_drops_empty_turns() -> None:
    transcript = transcript_from_turns(
        [
            Turn("interviewer", "Hi.", "Omar", 1.0),
            Turn("interviewer", "  "),
            Turn("interviewer", "Why us?", "Omar", 3.0),
            Turn("candidate", " Growth. "),
        ]
    )
    assert transcript.turns == (
        Turn("interviewer", "Hi. Why us?", "Omar", 1.0),
        Turn("candidate", "Growth."),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mhm", True),
        ("Ok.", True),
        ("I see, right.", True),
        ("Great.", True),
        ("Mm-hmm. Right, right, right, right.", True),
    ],
)
def test_short_acknowledgements_are_backchannels(text: str, expected: bool) -> None:
    assert is_backchannel(text) is expected


@pytest.mark.parametrize(
    "text", ["Why?", "Tell me about yourself.", "Great, what next", "Describe your role please."]
)
def test_questions_and_longer_prompts_are_not_backchannels(text: str) -> None:
    assert not is_backchannel(text)


def test_exchanges_pair_each_question_with_its_answer_small_talk_included() -> None:
    transcript = parse_transcript(
        "Interviewer: How are you doing?\nCandidate: Pretty good.\n"
        "Interviewer: Tell me about yourself.\nCandidate: I build data tools.\n"
    )
    assert exchanges(transcript) == (
        Exchange("How are you doing?", "Pretty good."),
        Exchange("Tell me about yourself.", "I build data tools."),
    )


def test_backchannels_inside_an_answer_are_dropped_and_the_pieces_joined() -> None:
    transcript = parse_transcript(
        "Interviewer: Tell me about a time you led a team.\n"
        "Candidate: Last spring I ran our hackathon.\n"
        "Interviewer: mhm\n"
        "Candidate: We had forty people.\n"
        "Interviewer: I see.\n"
        "Candidate: It raised money for the food bank.\n"
        "Interviewer: Why did you volunteer?\n"
        "Candidate: Nobody else would.\n"
        "Interviewer: Ok.\n"
    )
    assert exchanges(transcript) == (
        Exchange(
            "Tell me about a time you led a team.",
            "Last spring I ran our hackathon. We had forty people. "
            "It raised money for the food bank.",
        ),
        Exchange("Why did you volunteer?", "Nobody else would."),
    )


def test_a_short_question_interrupting_an_answer_starts_a_new_exchange() -> None:
    transcript = parse_transcript(
        "Interviewer: What did you build?\nCandidate: A scheduler.\n"
        "Interviewer: Why?\nCandidate: Shifts were chaos.\n"
    )
    assert [exchange.question for exchange in exchanges(transcript)] == [
        "What did you build?",
        "Why?",
    ]


def test_an_answer_before_any_question_gets_the_empty_question() -> None:
    transcript = parse_transcript(
        "Candidate: Thanks for inviting me.\nInterviewer: Sure. Why this role?\n"
        "Candidate: It fits my skills.\n"
    )
    assert exchanges(transcript)[0] == Exchange("", "Thanks for inviting me.")


def test_unanswered_questions_are_dropped() -> None:
    transcript = parse_transcript(
        "Interviewer: Why us?\nCandidate: Your mission.\nInterviewer: Any questions for me?\n"
    )
    assert exchanges(transcript) == (Exchange("Why us?", "Your mission."),)


def test_unmerged_interviewer_prompts_before_an_answer_form_one_question() -> None:
    transcript = Transcript(
        (
            Turn("interviewer", "Great, thanks for that."),
            Turn("interviewer", "Next one: what is your biggest weakness?"),
            Turn("candidate", "Saying yes too often."),
        )
    )
    assert exchanges(transcript) == (
        Exchange(
            "Great, thanks for that. Next one: what is your biggest weakness?",
            "Saying yes too often.",
        ),
    )


def test_an_empty_transcript_has_no_exchanges() -> None:
    assert exchanges(Transcript(())) == ()

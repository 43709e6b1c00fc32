"""The English constants table and the fast lexicon patterns built from it."""

import re

import pytest

from greenroom.text import english
from greenroom.text.lexicon import Lexicon, compile_lexicon

from .samples import SAMPLES

LEXICON_NAMES = (
    "FILLERS",
    "HEDGES",
    "CLICHES",
    "NEGATIVE_ABOUT_OTHERS",
    "BLAME",
    "ARROGANCE",
    "OVERSHARING",
    "PREMATURE_TERMS",
    "SELF_CENTERED",
    "NO_INTEREST",
    "LOW_COMMITMENT",
    "UNPREPARED",
    "EVASIVE",
    "ENTHUSIASM",
    "EMPLOYER_FOCUS",
    "SITUATION_CUES",
    "TASK_CUES",
    "ACTION_CUES",
    "RESULT_CUES",
    "LEARNING_CUES",
    "PREAMBLE",
    "DIRECT_ANSWERS",
)

EXTRA_TEXTS = (
    "What are the benefits, the salary and the PTO? Is it remote?",
    "I'm the best; I carried the team. Nobody told me! It wasn't my fault.",
    "At my last job I was asked to fix it, so I rewrote it. As a result costs fell 30%.",
    "Um, uh, like, you know, I mean it was kind of sort of fine, literally.",
    "I’d rather not say. Pass.",
)


@pytest.mark.parametrize("name", LEXICON_NAMES)
def test_every_lexicon_phrase_is_lowercase(name: str) -> None:
    for phrase in getattr(english, name):
        letters = re.sub(r"\\.", "", phrase)  # escapes such as \W keep their case
        assert letters == letters.lower(), phrase


@pytest.mark.parametrize("name", LEXICON_NAMES)
def test_no_lexicon_phrase_quantifies_a_space(name: str) -> None:
    # compile_phrases turns each space into \s+, so " ?" or "[- ]" would not mean what it says
    for phrase in getattr(english, name):
        assert not re.search(r" [?*+{]", phrase), phrase
        assert not re.search(r"\[[^\]]* [^\]]*\]", phrase), phrase


@pytest.mark.parametrize("name", LEXICON_NAMES)
def test_fast_pattern_finds_exactly_what_compile_phrases_finds(name: str) -> None:
    lexicon = Lexicon.of(getattr(english, name))
    for text in SAMPLES + EXTRA_TEXTS:
        slow = [(m.start(), m.end()) for m in lexicon.pattern.finditer(text)]
        fast = [(e.start, e.end) for e in lexicon.find(text)]
        assert fast == slow, text


def test_fast_pattern_falls_back_when_lowercasing_changes_the_length() -> None:
    lexicon = Lexicon.of(["team player"])
    text = "İİ a Team Player"
    assert [e.text for e in lexicon.find(text)] == ["Team Player"]


def test_compile_lexicon_matches_both_apostrophes() -> None:
    pattern = compile_lexicon(["i'm the best"])
    assert pattern.search("I'm the best") and pattern.search("I’m the best")


def test_lexicon_expands_leading_groups_without_changing_matches() -> None:
    lexicon = Lexicon.of(["(?:the )?smartest (?:person|one)", "(?:a|an) (?:b|c)d"])
    text = "the smartest one, smartest person, a bd, an cd"
    assert [e.text for e in lexicon.find(text)] == [
        "the smartest one",
        "smartest person",
        "a bd",
        "an cd",
    ]


def test_lexicon_keeps_top_level_alternatives_inside_a_phrase_apart() -> None:
    lexicon = Lexicon.of(["ab|cd", "x(?:y|z)"])
    assert [e.text for e in lexicon.find("cd ab xz b")] == ["cd", "ab", "xz"]


def test_vocabularies_have_the_documented_size() -> None:
    assert 150 <= len(english.STOPWORDS) <= 250
    assert len(english.COMMON_WORDS) >= 600
    assert {"one", "twenty", "hundred", "million", "half", "dozen", "percent"} <= set(
        english.NUMBER_WORDS
    )


@pytest.mark.parametrize(
    ("text", "expected"), [("a Team Player and a team player", "Team Player"), ("none", None)]
)
def test_lexicon_first_returns_the_earliest_match(text: str, expected: str | None) -> None:
    found = Lexicon.of(["team player"]).first(text)
    assert (found.text if found else None) == expected

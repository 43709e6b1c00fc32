import pytest

from greenroom.text.motivation import Motivation, motivation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I would love to join your team.", ["love"]),
        ("I'm thrilled and can't wait to start.", ["thrilled", "can't wait"]),
        ("I've always been fascinated by supply chains.", ["fascinated"]),
        ("I really enjoyed mentoring new hires.", ["really enjoyed"]),
    ],
)
def test_motivation_finds_enthusiasm(text: str, expected: list[str]) -> None:
    assert [e.text for e in motivation(text).enthusiasm] == expected


@pytest.mark.parametrize(
    "text",
    [
        "I don't love long meetings.",
        "I was not excited about the move.",
        "Honestly I never enjoyed cold calling.",
        "I didn't really love that job.",
    ],
)
def test_motivation_drops_negated_enthusiasm(text: str) -> None:
    assert motivation(text).enthusiasm == ()


def test_motivation_sorts_each_signal_into_its_own_field() -> None:
    result = motivation(
        "Your mission matters to me, but mostly it's close to my home. Whatever job is "
        "open is fine, and I'd stay for a year or two."
    )
    assert [e.text for e in result.employer_focus] == ["Your mission"]
    assert [e.text for e in result.self_centered] == ["close to my home"]
    assert [e.text for e in result.no_interest] == ["Whatever job"]
    assert [e.text for e in result.low_commitment] == ["stay for a year or two"]


def test_motivation_of_empty_text_has_no_evidence() -> None:
    assert motivation("") == Motivation((), (), (), (), ())


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("I'd stay a while, save up, and see how it goes.", True),
        ("Let's see how things go.", True),
        ("She said she'd see how it goes before cancelling.", False),
        ("They told us they would see how it goes.", False),
    ],
)
def test_motivation_keeps_only_the_speakers_own_wait_and_see(text: str, kept: bool) -> None:
    assert bool(motivation(text).low_commitment) is kept

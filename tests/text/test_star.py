import pytest

from greenroom.domain.models import Evidence
from greenroom.text.star import (
    StarParts,
    leads_with_point,
    past_tense_story,
    star_count,
    star_parts,
)

from .samples import RAMBLING, STORY


def _texts(spans: tuple[Evidence, ...]) -> list[str]:
    return [s.text for s in spans]


def test_star_parts_finds_every_part_of_a_full_story() -> None:
    parts = star_parts(STORY)
    assert _texts(parts.situation) == ["At my last job I ran the returns desk for a shoe retailer."]
    assert _texts(parts.task) == ["I was asked to get that under a week."]
    assert any(s.text.startswith("I mapped every step") for s in parts.action)
    assert parts.result and parts.result[0].text.startswith("As a result refunds dropped")
    assert parts.learning and parts.learning[0].text.startswith("I learned that")
    assert star_count(parts) == 4


@pytest.mark.parametrize(
    ("sentence", "part"),
    [
        ("Last spring our team was short of two engineers.", "situation"),
        ("There was a time when the warehouse flooded.", "situation"),
        ("My goal was to cut the waiting list.", "task"),
        ("I was responsible for the month-end close.", "task"),
        ("I interviewed six nurses about the handover.", "action"),
        ("First, I called every supplier on the list.", "action"),
        ("In the end we halved the backlog.", "result"),
        ("That increased repeat orders.", "result"),
        ("We met every deadline that quarter.", "result"),
        ("Since then I always write the test first.", "learning"),
        ("Last March the night rota fell apart.", "situation"),
        ("One Tuesday the scanner stopped working.", "situation"),
        ("We cleared the queue in four days.", "result"),
        ("Our rating for the quarter was 4.8 out of 5.", "result"),
        ("Since then I label every tote before it leaves.", "result"),
        ("She left us a glowing review online.", "result"),
        ("We haven't had a missed delivery since.", "result"),
        ("The depot credited us for the damaged stock.", "result"),
        ("That took our error rate down to 1%.", "result"),
        ("We got every parcel out before the cut-off.", "result"),
        ("I found $2,300 in duplicate charges.", "result"),
        ("They made the checklist standard on every ward.", "result"),
        ("The following week he came back and apologised.", "result"),
    ],
)
def test_star_parts_files_a_sentence_under_its_cue(sentence: str, part: str) -> None:
    assert getattr(star_parts(sentence), part)


def test_star_parts_prefers_the_stronger_part_for_one_overlapping_cue() -> None:
    parts = star_parts("I met our sales targets.")
    assert parts.result and not parts.action


def test_star_parts_keeps_a_sentence_with_two_separate_cues_in_both_parts() -> None:
    parts = star_parts("At my last job I was asked to rebuild the rota.")
    assert parts.situation and parts.task


def test_star_count_of_no_story_is_zero() -> None:
    assert star_count(star_parts(RAMBLING)) == 0
    assert star_parts("") == StarParts((), (), (), (), ())


@pytest.mark.parametrize(
    "text",
    [
        STORY,
        "I rewrote the rota and we trialled it for a month.",
        "At my previous job I set up weekly check-ins.",
        "We migrated the database, then I trained the support staff.",
        "I let the caller vent, apologised, and then booked a callback.",
        "I still phoned every customer and I then rang the depot.",
        "One Tuesday the scanner broke, so I wrote the codes down by hand.",
        "It's a Monday, about 7am, and the van is late. I ring the depot and I check the tracker.",
        "Ending last year at 118% of target, second of 9 in my team. I asked every client for a "
        "referral.",
    ],
)
def test_past_tense_story_recognises_a_concrete_example(text: str) -> None:
    assert past_tense_story(text)


@pytest.mark.parametrize(
    "text",
    [
        RAMBLING,
        "I always plan ahead and I communicate clearly.",
        "I wanted a new challenge and I needed a change.",
        "We need to fix the bug and we need to ship.",
        "I set clear goals and I put people first.",
        "Every day I start at 8am, I check my queue and I plan the picks.",
        "I felt ready and I knew the product well.",
        "",
    ],
)
def test_past_tense_story_rejects_general_claims(text: str) -> None:
    assert not past_tense_story(text)


@pytest.mark.parametrize(
    "text",
    [
        "My biggest strength is turning messy data into decisions.",
        "Yes, I have managed budgets before.",
        "Great question, I'd say my strongest skill is negotiation.",
        "At my last job I was asked to halve our refund time.",
        "Customer service, mostly.",
    ],
)
def test_leads_with_point_accepts_an_opening_claim(text: str) -> None:
    result = leads_with_point(text)
    assert result.leads
    assert result.first_sentence is not None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("That's a great question. I led the audit.", "That's a great question"),
        ("Um, well, hmm. I guess I'd start with planning.", "only filler"),
        (
            "When I was at my previous company, which was a mid-sized logistics firm with "
            "three warehouses, an old inventory system and a team of about forty people "
            "across two time zones, things were hard. We had a lot of problems. I rewrote "
            "the picking process.",
            "words of background",
        ),
        (
            "There are a lot of different ways to look at something like this and it "
            "really depends on the team and the context and the kind of company and what "
            "the goals are and who is involved and what the budget looks like overall.",
            "words before it lands",
        ),
    ],
)
def test_leads_with_point_rejects_preamble_and_backstory(text: str, reason: str) -> None:
    result = leads_with_point(text)
    assert not result.leads
    assert reason in result.reason


def test_leads_with_point_of_empty_text_has_no_sentence() -> None:
    result = leads_with_point("")
    assert (result.leads, result.first_sentence) == (False, None)

import pytest

from greenroom.text.specificity import specificity

from .samples import SHOUTING


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We saved $40,000 a year.", ["$40,000", "a year"]),
        ("Churn fell to 4% in 18 months.", ["4%", "18"]),
        ("Sales rose forty percent.", ["forty percent"]),
        ("It took three months and cost £2.5m.", ["three", "£2.5m"]),
        ("A week later it was fixed.", ["A week"]),
        ("It was my 2nd launch.", ["2nd"]),
    ],
)
def test_specificity_finds_figures(text: str, expected: list[str]) -> None:
    assert [e.text for e in specificity(text).numbers] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I moved the reports from Excel to Power BI.", ["Excel", "Power BI"]),
        ("Our charts lived in Epic and SQL Server.", ["Epic", "SQL Server"]),
        ("Salesforce was slow, so we tried HubSpot.", ["HubSpot"]),
        ("I built it on an iPhone with JavaScript.", ["iPhone", "JavaScript"]),
    ],
)
def test_specificity_finds_names_but_not_sentence_starts(text: str, expected: list[str]) -> None:
    assert [e.text for e in specificity(text).names] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Every Monday I reviewed 40 tickets.", ["Every Monday", "40 tickets"]),
        ("I led a team of six from March.", ["team of six", "March"]),
        ("We met weekly at 9:30am.", ["weekly", "9:30am"]),
        ("We called 200 customers per week.", ["200 customers", "per week"]),
        ("Q3 was our busiest quarter.", ["Q3"]),
    ],
)
def test_specificity_finds_concrete_details(text: str, expected: list[str]) -> None:
    assert [e.text for e in specificity(text).concrete] == expected


@pytest.mark.parametrize(
    "text",
    [
        "I am a hard worker and I care about quality.",
        "May I ask about the team?",
        "The one people mention most is speed.",
        "I'm OK with that.",
    ],
)
def test_specificity_finds_nothing_in_vague_text(text: str) -> None:
    result = specificity(text)
    assert (result.numbers, result.names, result.concrete) == ((), (), ())
    assert result.per_100_words == 0.0


def test_specificity_counts_overlapping_spans_once_per_100_words() -> None:
    result = specificity("We closed 40 tickets in total that week for them.")
    assert [e.text for e in result.numbers] == ["40"]
    assert [e.text for e in result.concrete] == ["40 tickets"]
    assert result.per_100_words == pytest.approx(10.0)


def test_specificity_ignores_capitals_in_shouted_text() -> None:
    assert specificity(SHOUTING).names == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I ran the spirometry clinic and the inhaler reviews.", ["spirometry"]),
        ("The forklift and the scanner were both down.", ["forklift"]),
        ("I reconciled the ledgers. Then I closed the payroll.", ["ledgers", "payroll"]),
    ],
)
def test_specificity_counts_one_domain_term_per_sentence(text: str, expected: list[str]) -> None:
    assert [e.text for e in specificity(text).terms] == expected


@pytest.mark.parametrize(
    "text",
    [
        "I'm a passionate professional with strong communication and leadership.",
        "There were challenges, but together we found solutions for everyone.",
        "I want to specialise and I'd like to contribute.",
        "I always deliver excellent performance in a challenging environment.",
    ],
)
def test_specificity_ignores_jargon_verbs_and_everyday_words(text: str) -> None:
    result = specificity(text)
    assert result.terms == ()
    assert result.per_100_words == 0.0


def test_specificity_counts_a_term_once_beside_other_details() -> None:
    result = specificity("I spent six weeks on a respiratory ward.")
    assert [e.text for e in result.terms] == ["respiratory"]
    assert result.per_100_words == pytest.approx(200 / 8)

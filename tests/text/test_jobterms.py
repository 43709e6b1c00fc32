import pytest

from greenroom.text.jobterms import job_terms, terms_used

POSTING = """Senior Customer Success Manager

About The Role
You will own a book of mid-market accounts in Salesforce and Gainsight, drive renewals,
reduce churn and run quarterly reviews with account stakeholders.

Key Responsibilities
- Run QBRs and track account health in Gainsight
- Stakeholder management across finance and operations
- Analyse usage data in SQL to spot churn risk

We offer a competitive salary and great benefits. We are an equal opportunity employer.
Apply today!
"""


def test_job_terms_keeps_names_phrases_and_repeated_words() -> None:
    terms = job_terms(POSTING)
    for term in ("customer success manager", "salesforce", "gainsight", "sql", "qbrs"):
        assert term in terms
    assert "stakeholder management" in terms
    assert "churn" in terms  # used twice


def test_job_terms_ranks_the_most_frequent_first() -> None:
    terms = job_terms(POSTING)
    assert terms.index("accounts") < terms.index("salesforce")


@pytest.mark.parametrize(
    "boilerplate",
    ["salary", "benefits", "equal opportunity", "apply", "about the role", "key responsibilities"],
)
def test_job_terms_leaves_out_posting_boilerplate(boilerplate: str) -> None:
    assert boilerplate not in job_terms(POSTING)


def test_job_terms_drops_capitals_that_only_start_a_line() -> None:
    assert "run" not in job_terms(POSTING)


def test_job_terms_respects_the_limit() -> None:
    assert len(job_terms(POSTING, limit=3)) == 3
    assert job_terms("") == ()


def test_terms_used_matches_word_forms_and_phrases() -> None:
    use = terms_used(
        "I managed stakeholders and cut Churn using salesforce reports.",
        ("churn", "stakeholder", "salesforce", "gainsight", "stakeholder management"),
    )
    assert use.used == ("churn", "stakeholder", "salesforce")
    assert [e.text for e in use.evidence] == ["stakeholders", "Churn", "salesforce"]
    assert use.share == pytest.approx(3 / 5)


def test_terms_used_finds_multiword_terms_across_whitespace() -> None:
    use = terms_used("Good customer\nservice matters.", ("customer service",))
    assert use.used == ("customer service",)
    assert use.evidence[0].text == "customer\nservice"


def test_terms_used_without_terms_has_zero_share() -> None:
    use = terms_used("Anything.", ())
    assert (use.used, use.share) == ((), 0.0)

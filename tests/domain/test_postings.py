"""parse_posting over hand-written postings in tests/data/postings/ (one per role family)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from greenroom.domain.models import JobProfile
from greenroom.domain.postings import parse_posting
from greenroom.errors import InputError

POSTINGS = Path(__file__).resolve().parent.parent / "data" / "postings"


def _parse(name: str) -> JobProfile:
    return parse_posting((POSTINGS / name).read_text(encoding="utf-8"))


def _joined(items: tuple[str, ...]) -> str:
    return "\n".join(items).lower()


# file, title, manages_people, seniority, must-have substrings, nice-to-have substrings,
# logistics substrings
CASES = [
    (
        "warehouse_associate.txt",
        "Warehouse Associate",
        False,
        "unknown",
        ["high school diploma", "lift 50 lbs", "forklift"],
        ["rf scanners", "reach truck"],
        ["night shift", "background check", "nights and rotating weekends"],
    ),
    (
        "registered_nurse.txt",
        "Registered Nurse",
        False,
        "mid",
        ["rn license", "bls certification", "acute care nursing"],
        ["bsn", "epic"],
        ["on-site", "12-hour shifts", "rn license"],
    ),
    (
        "high_school_teacher.txt",
        "High School Chemistry Teacher",
        False,
        "unknown",
        ["teaching certificate", "bachelor's degree", "fingerprint"],
        ["ap chemistry", "science club"],
        ["teaching certificate", "background check"],
    ),
    (
        "sales_representative.txt",
        "Outside Sales Representative",
        False,
        "mid",
        ["3 years of b2b sales", "driver's license"],
        ["packaging or industrial supplies"],
        ["travel up to 50%", "driver's license"],
    ),
    (
        "customer_service_representative.txt",
        "Customer Service Representative",
        False,
        "entry",
        ["call center experience", "zendesk", "authorized to work"],
        ["bilingual", "utilities or telecom"],
        ["remote", "40 hours per week", "authorized to work"],
    ),
    (
        "software_developer.md",
        "Senior Backend Developer",
        False,
        "senior",
        ["5+ years", "python and sql", "kubernetes"],
        ["pci dss", "rust"],
        ["hybrid, berlin", "work authorization"],
    ),
    (
        "data_analyst.txt",
        "Data Analyst",
        False,
        "mid",
        ["advanced sql", "tableau or power bi"],
        ["pandas", "a/b testing"],
        ["hybrid"],
    ),
    (
        "project_manager.txt",
        "Construction Project Manager",
        False,
        "mid",
        ["4+ years", "procore", "osha 30"],
        ["pmp", "laboratory fit-outs"],
        ["driver's license", "travel"],
    ),
    (
        "marketing_manager.txt",
        "Marketing Manager",
        True,
        "senior",
        ["6+ years", "google ads", "google analytics"],
        ["outdoor, sporting goods"],
        ["hybrid", "travel"],
    ),
    (
        "hr_manager.txt",
        "Human Resources Manager",
        True,
        "senior",
        ["bachelor's degree in human resources", "7 years of hr", "hris"],
        ["shrm-cp", "bilingual"],
        ["on-site"],
    ),
    (
        "html_posting.html",
        "Delivery Driver",
        False,
        "mid",
        ["driver’s license", "lift 40 lbs", "background check"],
        ["route planning"],
        ["lift 40 lbs", "weekend shifts"],
    ),
    (
        "markdown_benefits.md",
        "Customer Success Associate",
        False,
        "entry",
        ["customer support", "written english", "accounting basics"],
        [],
        ["remote"],
    ),
]


@pytest.mark.parametrize(
    ("name", "title", "manages", "seniority", "must", "nice", "logistics"), CASES
)
def test_posting_is_read_into_a_profile(
    name: str,
    title: str,
    manages: bool,
    seniority: str,
    must: list[str],
    nice: list[str],
    logistics: list[str],
) -> None:
    profile = _parse(name)
    assert profile.title == title
    assert profile.manages_people is manages
    assert profile.seniority == seniority
    assert not profile.partial, profile.notes
    for part in must:
        assert part in _joined(profile.must_have), (part, profile.must_have)
        assert part not in _joined(profile.nice_to_have)
    for part in nice:
        assert part in _joined(profile.nice_to_have), (part, profile.nice_to_have)
        assert part not in _joined(profile.must_have)
    for part in logistics:
        assert part in _joined(profile.logistics), (part, profile.logistics)
    assert len(profile.must_have) <= 15 and len(profile.nice_to_have) <= 15
    assert len(profile.skills) <= 25 and len(profile.logistics) <= 10
    assert all(len(item) <= 200 for item in profile.must_have + profile.nice_to_have)


BENEFIT_WORDS = (
    "401k",
    "401(k)",
    "health insurance",
    "dental",
    "paid time off",
    "stipend",
    "discount",
)


@pytest.mark.parametrize("name", [case[0] for case in CASES])
def test_benefits_never_become_requirements(name: str) -> None:
    profile = _parse(name)
    requirements = _joined(profile.must_have + profile.nice_to_have)
    for word in BENEFIT_WORDS:
        assert word not in requirements, (word, name)
    assert "equal opportunity" not in requirements


def test_markdown_benefits_section_stays_out_of_skills_and_requirements() -> None:
    profile = _parse("markdown_benefits.md")
    assert not any("training" in s or "health" in s for s in profile.skills)
    assert not any("training" in item.lower() for item in profile.must_have)


def test_responsibilities_come_from_duties_headings() -> None:
    profile = _parse("warehouse_associate.txt")
    assert profile.responsibilities[0].startswith("Pick, pack and stage")
    assert len(profile.responsibilities) == 4


def test_html_drops_script_and_style() -> None:
    profile = _parse("html_posting.html")
    text = _joined(profile.must_have + profile.responsibilities + profile.skills)
    assert "datalayer" not in text and "font-family" not in text
    assert profile.manages_people is False  # "manage a team" sits inside the script


def test_skills_keep_multiword_terms() -> None:
    profile = _parse("data_analyst.txt")
    assert "power bi" in profile.skills
    assert "sql" in profile.skills


@pytest.mark.parametrize(
    ("text", "manages"),
    [
        ("Maintenance Project Manager\n\nManage projects and inventory for the plant.", False),
        ("Account Manager\n\nManage accounts for 40 key customers.", False),
        ("Product Manager\n\nOwn the roadmap and manage a backlog.", False),
        ("Shift Supervisor\n\nRun the evening shift.", True),
        ("Developer\n\nYou will have 3 direct reports.", True),
        ("Analyst\n\nYou will supervise a staff of five clerks.", True),
        (
            "Engineering Manager\n\nThis is an individual contributor role with no direct reports.",
            False,
        ),
    ],
)
def test_manages_people_needs_people_words_or_a_people_title(text: str, manages: bool) -> None:
    assert parse_posting(text).manages_people is manages


@pytest.mark.parametrize(
    ("text", "seniority"),
    [
        ("Marketing Intern\n\nHelp the team with social posts.", "entry"),
        ("Junior Developer\n\nRequirements:\n- 3 years of Python", "entry"),
        ("Lead Engineer\n\nRequirements:\n- 3 years of Python", "lead"),
        ("Developer\n\nRequirements:\n- 8+ years of Python experience", "lead"),
        ("Developer\n\nRequirements:\n- 6 years of Python experience", "senior"),
        ("Developer\n\nRequirements:\n- One year of Python experience", "entry"),
        ("Developer\n\nRequirements:\n- Python", "unknown"),
    ],
)
def test_seniority_from_title_then_years(text: str, seniority: str) -> None:
    assert parse_posting(text).seniority == seniority


def test_inline_cues_split_requirements_without_headings() -> None:
    text = (
        "We are hiring a Bookkeeper for a busy accounting office in Leeds. "
        "Xero experience is required. You must be comfortable with payroll. "
        "A AAT qualification is a plus. The office is open Monday to Friday."
    )
    profile = parse_posting(text)
    assert profile.title == "Bookkeeper"
    assert any("Xero" in item for item in profile.must_have)
    assert any("AAT" in item for item in profile.nice_to_have)
    assert not any("AAT" in item for item in profile.must_have)


def test_title_from_label_line() -> None:
    text = "Job title: Forklift Operator\nShift: days\n\nRequirements:\n- Forklift licence"
    assert parse_posting(text).title == "Forklift Operator"


def test_short_posting_is_partial_with_a_note() -> None:
    profile = parse_posting("Barista wanted. Apply in store.")
    assert profile.partial
    assert any("short" in note for note in profile.notes)
    assert any("no requirements" in note for note in profile.notes)


def test_non_english_posting_reads_only_the_title() -> None:
    text = (
        "Enfermera\n\nBuscamos una enfermera con experiencia en cuidados intensivos para "
        "nuestro hospital en Madrid. Requisitos: título universitario de enfermería, "
        "colegiación vigente y disponibilidad para turnos de noche y fines de semana."
    )
    profile = parse_posting(text)
    assert profile.partial
    assert profile.notes == ("the posting does not look like English; only the title was read",)
    assert profile.must_have == () and profile.skills == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("\x00\x01\x02 job \x03\x04\x05", "binary"),
        ("word " * 40_001, "the posting has 200005 characters; the limit is 200000"),
    ],
)
def test_bad_input_raises_one_line_input_error(text: str, message: str) -> None:
    with pytest.raises(InputError) as err:
        parse_posting(text)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_typical_posting_parses_quickly() -> None:
    text = (POSTINGS / "software_developer.md").read_text(encoding="utf-8")
    text = text + "\n" + "\n".join(f"- Extra duty number {i} with Python" for i in range(60))
    parse_posting(text)  # warm caches
    start = time.perf_counter()
    for _ in range(5):
        parse_posting(text)
    assert (time.perf_counter() - start) / 5 < 0.05

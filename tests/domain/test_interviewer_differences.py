"""Different interviewers judge the same answer differently, for reasons the model names.

Each contrast below is one (question, answer, stage) judged by two groups of interviewer types.
The "harsher" ones screen hardest for the flag the answer raises (it is one of their red flags
and not one of the gentler ones'), or the timing rule makes the flag more severe with them. The
tests assert the order: every harsher interviewer gives a strictly lower overall score and a
verdict at least as bad as every gentler one. Every interviewer type also appears in at least one
contrast where its verdict itself differs from the other side's.

All answers were written for this project and run through the real shipped MiniLM model.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from greenroom.domain.interviewers import interviewer
from greenroom.domain.judging import judge_answer
from greenroom.domain.models import INTERVIEWER_IDS, FlagId, InterviewerId, Judgement, Verdict
from greenroom.domain.ports import Embedder
from greenroom.embedding import create_embedder

pytestmark = pytest.mark.model

_RANK: dict[Verdict, int] = {"no": 0, "lean_no": 1, "lean_advance": 2, "advance": 3}
_SEVERITY = {"low": 0, "medium": 1, "high": 2}


@dataclass(frozen=True, slots=True)
class Contrast:
    id: str
    question: str
    answer: str
    stage: int
    harsher: tuple[InterviewerId, ...]
    gentler: tuple[InterviewerId, ...]
    flag: FlagId  # the flag at the root of the difference
    why: str


CONTRASTS: tuple[Contrast, ...] = (
    Contrast(
        id="salary-volunteered-to-why-this-job",
        question="Why do you want this job?",
        answer=(
            "I've followed your company for a while, and the work your data team does on "
            "delivery routing looks really interesting to me. I've spent three years building "
            "routing reports in Power BI for a courier firm. Also, just to be upfront, I'm "
            "looking for around $95k and four weeks vacation."
        ),
        stage=1,
        harsher=("hiring-manager",),
        gentler=("internal-recruiter",),
        flag="premature_terms",
        why="volunteered terms are high severity with the hiring manager, medium with a "
        "recruiter, whose job includes checking the pay fit",
    ),
    Contrast(
        id="arrogance-carried-the-team",
        question="Tell me about a project where the team succeeded.",
        answer=(
            "Last spring we had to launch a booking app for a chain of 12 gyms in eight weeks. "
            "Honestly, I carried the team on that one. The others were slow, so I rewrote most "
            "of the backend myself over two weekends and set up the test pipeline. We launched "
            "on time and signed up 3,000 members in the first month, about 40% more than the "
            "client expected."
        ),
        stage=2,
        harsher=("direct-report", "peer"),
        gentler=("external-recruiter",),
        flag="arrogance",
        why="a future report or colleague fears a know-it-all; the agency recruiter mostly "
        "sees a placeable candidate with results",
    ),
    Contrast(
        id="story-without-a-result",
        question="Tell me about a time you improved a process.",
        answer=(
            "On my ward, handovers between the day and night shifts were taking about 45 "
            "minutes and things were getting missed. I talked to the nurses on both shifts "
            "about what they actually needed to know, drafted a one-page handover sheet based "
            "on SBAR, and trialled it with two colleagues for a couple of weeks. Then I "
            "presented it at the ward meeting and trained the rest of the team on it."
        ),
        stage=2,
        harsher=("hiring-manager",),
        gentler=("peer",),
        flag="lacks_result",
        why="the hiring manager needs proof of delivery (lacks_result is a red flag); a peer "
        "mostly wants a helpful colleague",
    ),
    Contrast(
        id="back-to-school-in-a-year",
        question="Where do you see yourself in five years?",
        answer=(
            "I really enjoy analytics work, and I'd like to get much better at forecasting and "
            "SQL with your team. Honestly though, I plan to go back to school in a year for a "
            "master's degree, so I see this role as a great way to build experience before "
            "that."
        ),
        stage=2,
        harsher=("hiring-managers-boss", "internal-recruiter"),
        gentler=("peer",),
        flag="low_commitment",
        why="the boss and the recruiter weigh staying power and red-flag low commitment; a "
        "peer cares more about day-to-day cooperation",
    ),
    Contrast(
        id="evasive-about-leaving",
        question="Why did you leave your last job?",
        answer="I'd rather not get into that. It's in the past, and I'm focused on what's next.",
        stage=1,
        harsher=("internal-recruiter",),
        gentler=("external-recruiter",),
        flag="evasive",
        why="the company's own screener looks for a straight record and red-flags a dodge",
    ),
    Contrast(
        id="negative-about-manager",
        question="Why are you looking to leave your current job?",
        answer=(
            "I've learned a lot in four years, but my manager is a micromanager and, honestly, "
            "pretty incompetent, so I'm ready for a change. I'd like a team where I can own the "
            "monthly reporting end to end."
        ),
        stage=1,
        harsher=("external-recruiter", "direct-report"),
        gentler=("internal-recruiter",),
        flag="negative_about_others",
        why="an agency recruiter fears being embarrassed with the client, a future report "
        "wonders what will be said about them",
    ),
    Contrast(
        id="vague-process-story",
        question="Tell me about a time you improved a process.",
        answer=(
            "There was a process at my last job that wasn't working very well, and it was "
            "causing problems for a lot of people. I looked into it, talked to the people "
            "involved, and came up with a better way of doing things. I got everyone on board "
            "with it, and in the end it worked out really well and everyone was much happier."
        ),
        stage=2,
        harsher=("hiring-managers-boss", "hiring-manager"),
        gentler=("direct-report", "peer"),
        flag="vague",
        why="the deciders want checkable evidence (vague is their red flag); future reports "
        "and peers weigh rapport",
    ),
    Contrast(
        id="self-centered-reasons",
        question="Why do you want this job?",
        answer=(
            "I've enjoyed my three years in customer support, and this team lead role is the "
            "natural next step. Honestly, it's also closer to home and it would look good on my "
            "CV, so it ticks a lot of boxes for me."
        ),
        stage=2,
        harsher=("hiring-managers-boss", "direct-report"),
        gentler=("peer",),
        flag="self_centered_motivation",
        why="the boss wants commitment to the business and a future report wants a manager "
        "who is there for the team; both red-flag self-centred reasons",
    ),
    Contrast(
        id="oversharing-divorce",
        question="Why did you leave your last job?",
        answer=(
            "I'd been there five years and wanted a change. It's been a rough year too, I'm "
            "going through a divorce and my therapist said a fresh start would help. I'm ready "
            "to get stuck into a new team."
        ),
        stage=1,
        harsher=("internal-recruiter", "external-recruiter"),
        gentler=("peer",),
        flag="oversharing",
        why="recruiters red-flag personal matters raised in a screening call; a peer does not",
    ),
    Contrast(
        id="unprepared-about-company",
        question="What do you know about our company?",
        answer=(
            "Not much yet, to be honest, I haven't had a chance to look at your website. But "
            "I've worked in logistics for six years and I'm keen to hear more about the role."
        ),
        stage=1,
        harsher=("internal-recruiter", "external-recruiter"),
        gentler=("peer",),
        flag="unprepared",
        why="recruiters red-flag a candidate who has not researched the company",
    ),
    Contrast(
        id="blame-late-project",
        question="Tell me about a time a project you worked on was late.",
        answer=(
            "Our website relaunch last year went out three weeks late. Honestly, it wasn't my "
            "fault: the designers kept changing the mockups and nobody told me the launch date "
            "had moved. I built all 40 product pages on time, and once the content came in we "
            "launched in November."
        ),
        stage=2,
        harsher=("hiring-manager", "peer"),
        gentler=("external-recruiter",),
        flag="blame_shifting",
        why="the manager and the colleagues are the ones who get blamed next; both red-flag it",
    ),
    Contrast(
        id="no-example-for-behavioural",
        question="Tell me about a time you disagreed with your manager.",
        answer=(
            "I think disagreement is healthy if it's handled respectfully. I always listen "
            "first, try to understand where my manager is coming from, and then share my view "
            "calmly with the facts. If the decision goes the other way, I commit to it fully "
            "and support it with the team."
        ),
        stage=2,
        harsher=("hiring-manager",),
        gentler=("direct-report",),
        flag="no_example",
        why="the hiring manager wants a real story (no_example is a red flag); a future "
        "report hears a reasonable attitude",
    ),
    Contrast(
        id="short-stay-to-agency",
        question="What are you looking for in your next role?",
        answer=(
            "A customer-facing role in a bigger company, where I can use my Spanish and my four "
            "years of call centre experience. To be honest, it might just be for a year or two, "
            "since I'm thinking about starting my own business."
        ),
        stage=1,
        harsher=("external-recruiter",),
        gentler=("peer",),
        flag="low_commitment",
        why="an agency recruiter's fee depends on the hire staying past the guarantee period",
    ),
)

_BY_ID = {c.id: c for c in CONTRASTS}
PAIRS = [(c.id, h, g) for c in CONTRASTS for h in c.harsher for g in c.gentler]


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    return create_embedder("minilm")


_JUDGED: dict[tuple[str, str], Judgement] = {}


def _judge(c: Contrast, who: InterviewerId, embedder: Embedder) -> Judgement:
    key = (c.id, who)
    if key not in _JUDGED:
        _JUDGED[key] = judge_answer(
            c.question, c.answer, interviewer=who, stage=c.stage, embedder=embedder
        )
    return _JUDGED[key]


def _show(j: Judgement) -> str:
    flags = ", ".join(
        f"{f.id}[{f.severity}] " + "; ".join(repr(e.text) for e in f.evidence[:2]) for f in j.flags
    )
    return f"{j.interviewer}: overall {j.overall} -> {j.verdict}; flags: {flags or 'none'}"


def _severity(j: Judgement, flag: FlagId) -> int:
    return max((_SEVERITY[f.severity] for f in j.flags if f.id == flag), default=-1)


# --- the contrasts are rooted in the model ----------------------------------------------------


@pytest.mark.parametrize("case_id", list(_BY_ID))
def test_each_contrast_names_a_red_flag_or_a_severity_difference(case_id: str) -> None:
    c = _BY_ID[case_id]
    assert c.harsher and c.gentler and not set(c.harsher) & set(c.gentler)
    if c.flag == "premature_terms":
        return  # rooted in the timing rule: severity differs by interviewer, checked below
    for h in c.harsher:
        assert c.flag in interviewer(h).red_flags, f"{c.flag} is not a red flag for {h}"
    for g in c.gentler:
        assert c.flag not in interviewer(g).red_flags, f"{c.flag} is a red flag for {g}"


def test_every_interviewer_type_takes_part_in_a_contrast() -> None:
    present = {who for c in CONTRASTS for who in (*c.harsher, *c.gentler)}
    assert present == set(INTERVIEWER_IDS)


# --- the engine against the contrasts ---------------------------------------------------------


@pytest.mark.parametrize(
    ("case_id", "harsher", "gentler"), PAIRS, ids=[f"{c}:{h}>{g}" for c, h, g in PAIRS]
)
def test_harsher_interviewer_scores_lower(
    case_id: str, harsher: InterviewerId, gentler: InterviewerId, embedder: Embedder
) -> None:
    c = _BY_ID[case_id]
    jh = _judge(c, harsher, embedder)
    jg = _judge(c, gentler, embedder)
    context = f"{c.id} ({c.why})\n  harsher {_show(jh)}\n  gentler {_show(jg)}"
    assert c.flag in {f.id for f in jh.flags}, f"{c.flag} not raised for {harsher}\n{context}"
    if c.flag == "premature_terms":
        assert _severity(jh, c.flag) > _severity(jg, c.flag), context
    assert jh.overall < jg.overall, f"overall not strictly lower\n{context}"
    assert _RANK[jh.verdict] <= _RANK[jg.verdict], f"verdict better for harsher\n{context}"


@pytest.mark.parametrize("who", INTERVIEWER_IDS)
def test_every_interviewer_type_has_a_contrast_with_a_different_verdict(
    who: InterviewerId, embedder: Embedder
) -> None:
    seen = []
    for case_id, h, g in PAIRS:
        if who not in (h, g):
            continue
        c = _BY_ID[case_id]
        jh, jg = _judge(c, h, embedder), _judge(c, g, embedder)
        seen.append(
            f"{case_id}: {h} {jh.verdict} ({jh.overall}) vs {g} {jg.verdict} ({jg.overall})"
        )
        if _RANK[jh.verdict] < _RANK[jg.verdict]:
            return
    pytest.fail(f"{who}: no contrast where the verdicts differ\n  " + "\n  ".join(seen))


# --- the timing rule across questions and stages ------------------------------------------------

_RANGE = (
    "From what I've seen for similar analyst roles in the city, I'm looking at somewhere "
    "between $88,000 and $96,000, depending on the overall package. I'm flexible for the right "
    "role."
)
_VOLUNTEERED = (
    "Your routing work is exactly what I've been doing for three years at a courier firm, and "
    "I'd love to do it at your scale. Also, to be upfront, I'm looking for $95k and four weeks "
    "vacation."
)


def test_a_range_asked_for_by_the_recruiter_is_fine(embedder: Embedder) -> None:
    j = judge_answer(
        "What are your salary expectations?",
        _RANGE,
        interviewer="internal-recruiter",
        stage=1,
        embedder=embedder,
    )
    raised = {f.id for f in j.flags}
    assert not raised & {"premature_terms", "evasive"}, _show(j)
    assert _RANK[j.verdict] >= _RANK["lean_advance"], _show(j)


def test_terms_volunteered_to_the_hiring_manager_before_an_offer_are_premature(
    embedder: Embedder,
) -> None:
    q = "Why do you want this job?"
    early = judge_answer(q, _VOLUNTEERED, interviewer="hiring-manager", stage=2, embedder=embedder)
    offer = judge_answer(q, _VOLUNTEERED, interviewer="hiring-manager", stage=3, embedder=embedder)
    flags = [f for f in early.flags if f.id == "premature_terms"]
    assert flags and flags[0].severity == "high", _show(early)
    assert "premature_terms" not in {f.id for f in offer.flags}, _show(offer)
    assert early.overall < offer.overall, f"{_show(early)}\n{_show(offer)}"
    assert _RANK[early.verdict] <= _RANK[offer.verdict], f"{_show(early)}\n{_show(offer)}"

"""The people a candidate meets in a hiring loop: what each wants, fears and weighs.

Each interviewer type spreads a total weight of 1.0 over the seven criteria in
``greenroom.domain.criteria``; the judging engine multiplies criterion scores by these weights
to get an overall score, and compares it with the type's ``bar``. The weights and bars are the
project's editorial judgement, written down so they can be argued with and later calibrated
against human ratings; the reason for each bar sits next to it as ``bar_reason``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from greenroom.domain.models import (
    CRITERION_IDS,
    FLAG_IDS,
    INTERVIEWER_IDS,
    CriterionId,
    FlagId,
    InterviewerId,
)
from greenroom.errors import NotFoundError

__all__ = ["INTERVIEWERS", "DecisionRole", "InterviewerType", "interviewer"]

DecisionRole = Literal["gatekeeper", "decider", "veto", "advisor", "ally"]


@dataclass(frozen=True, slots=True)
class InterviewerType:
    """One kind of interviewer: their agenda, how they weigh the criteria, and how to meet them.

    ``weights`` names every criterion once and sums to 1.0; ``bar`` is the overall score
    (0-100) at or above which they lean towards advancing the candidate; ``answer_words`` is the
    comfortable answer length in words, as ``(min, max)``.
    """

    id: InterviewerId
    name: str
    who: str
    wants: str
    hidden_worries: tuple[str, ...]
    weights: tuple[tuple[CriterionId, float], ...]
    red_flags: tuple[FlagId, ...]
    bar: int
    approach: tuple[str, ...]
    ask_them: tuple[str, ...]
    not_yet: tuple[str, ...]
    ally: bool
    answer_words: tuple[int, int]
    decides: DecisionRole
    bar_reason: str = ""

    def __post_init__(self) -> None:
        names = tuple(name for name, _ in self.weights)
        if sorted(names) != sorted(CRITERION_IDS):
            raise ValueError(f"{self.id}: weights must name each criterion once, got {names}")
        total = math.fsum(value for _, value in self.weights)
        if not math.isclose(total, 1.0, abs_tol=1e-9):
            raise ValueError(f"{self.id}: weights sum to {total}, not 1.0")
        unknown = [flag for flag in self.red_flags if flag not in FLAG_IDS]
        if unknown:
            raise ValueError(f"{self.id}: unknown red flags {unknown}")
        if not 0 <= self.bar <= 100:
            raise ValueError(f"{self.id}: bar {self.bar} is outside 0-100")
        low, high = self.answer_words
        if not 0 < low < high:
            raise ValueError(f"{self.id}: answer_words {self.answer_words} is not (min, max)")

    def weight(self, criterion: CriterionId) -> float:
        """The share (0.0-1.0) of this interviewer's overall score that ``criterion`` carries."""
        for name, value in self.weights:
            if name == criterion:
                return value
        raise NotFoundError("criterion", criterion, CRITERION_IDS)


INTERVIEWERS: tuple[InterviewerType, ...] = (
    InterviewerType(
        id="external-recruiter",
        name="External recruiter",
        who=("A recruiter from an outside agency whom the employer pays only if you are hired."),
        wants=(
            "A candidate they can place with confidence: qualified, keen, within the client's "
            "pay range and certain to accept an offer."
        ),
        hidden_worries=(
            "Their fee depends on you being hired and staying past any guarantee period.",
            "Sending someone who embarrasses them costs them standing with the client.",
            "You might back out late, take a counter-offer or accept another job.",
            "Your salary ask may sit outside what the client is willing to pay.",
        ),
        # Placeable means qualified and sure to stay; they also sell your keenness and manner.
        weights=(
            ("qualified", 0.25),
            ("performs", 0.10),
            ("pleasant", 0.15),
            ("team_player", 0.05),
            ("dependable", 0.10),
            ("stays", 0.20),
            ("enthusiasm", 0.15),
        ),
        red_flags=("unprepared", "low_commitment", "negative_about_others", "oversharing"),
        bar=55,
        bar_reason=(
            "They want to put you forward and only hold back someone who could embarrass "
            "them; the hard tests come later in the loop."
        ),
        approach=(
            "Treat them as a coach on your side: ask what the client values and what tripped "
            "up earlier candidates.",
            "Tell them early about anything that could surface later, such as other processes "
            "or a long notice period, so they are never caught out.",
            "When they ask about salary, give a researched range and say you are flexible for "
            "the right role.",
            "Keep answers short and tidy; they will repeat them to the client.",
        ),
        ask_them=(
            "What the hiring manager cares about most, and why the role is open.",
            "How the process runs and whom you will meet.",
            "What made past candidates succeed or fall short with this client.",
            "How best to prepare for the next conversation.",
        ),
        not_yet=(
            "Doubts about the company or the role.",
            "Benefits, vacation or remote-work demands.",
            "Other offers used as bargaining chips.",
        ),
        ally=True,
        answer_words=(40, 150),
        decides="ally",
    ),
    InterviewerType(
        id="internal-recruiter",
        name="Internal recruiter / HR screener",
        who=(
            "A recruiter or HR screener employed by the company, usually the first person "
            "you speak to."
        ),
        wants=(
            "To confirm you meet the minimum requirements and have no deal-breakers before "
            "passing you on to the hiring manager."
        ),
        hidden_worries=(
            "Passing on a candidate who wastes the hiring manager's time reflects on them.",
            "Deal-breakers: work authorisation, location, schedule, notice period, pay range.",
            "Unexplained gaps or a run of short stays.",
            "A candidate who is not really interested and will drop out.",
        ),
        # Deal-breakers first: minimum qualifications, a straight record, and staying power.
        weights=(
            ("qualified", 0.30),
            ("performs", 0.05),
            ("pleasant", 0.10),
            ("team_player", 0.05),
            ("dependable", 0.20),
            ("stays", 0.20),
            ("enthusiasm", 0.10),
        ),
        red_flags=("evasive", "low_commitment", "unprepared", "oversharing"),
        bar=55,
        bar_reason=(
            "They screen out on deal-breakers rather than rank depth, so a clean, adequate "
            "answer passes."
        ),
        approach=(
            "Match your experience to the posting's stated requirements in plain words.",
            "Answer factual questions (dates, location, availability) directly and briefly.",
            "Have a short, positive reason ready for every gap and every move.",
            "If they ask about salary, give a researched range rather than a single number or "
            "a refusal.",
        ),
        ask_them=(
            "The next steps and the timeline of the process.",
            "Whom you will meet and what each conversation covers.",
            "What the team is like and why the role is open.",
        ),
        not_yet=(
            "Negotiating benefits, vacation or flexible hours.",
            "Doubts about the role or the company.",
            "Commute or relocation concerns, unless they ask.",
        ),
        ally=False,
        answer_words=(30, 120),
        decides="gatekeeper",
    ),
    InterviewerType(
        id="hiring-manager",
        name="Hiring manager",
        who="The person you would report to, and usually the one who makes the decision.",
        wants=(
            "Confidence that you can do the job, meet deadlines, fit the team and make them "
            "look good, and that you will stay."
        ),
        hidden_worries=(
            "Hiring someone who cannot deliver and having to manage them out.",
            "A newcomer who upsets a team that works.",
            "Training someone who leaves within a year.",
            "Having to defend a weak hire in front of their own boss.",
        ),
        # They live with the result every day: delivery first, then skills and reliability.
        weights=(
            ("qualified", 0.20),
            ("performs", 0.30),
            ("pleasant", 0.10),
            ("team_player", 0.10),
            ("dependable", 0.15),
            ("stays", 0.10),
            ("enthusiasm", 0.05),
        ),
        red_flags=("no_example", "vague", "lacks_result", "blame_shifting"),
        bar=65,
        bar_reason=(
            "The main decider carries the cost of a wrong hire, so they want positive evidence, "
            "not merely the absence of problems."
        ),
        approach=(
            "Answer behavioural questions with a real story: the situation, what you did, and "
            "the result.",
            "Show you understand the team's problems and how you would help solve them.",
            "Put their success first: say how you would make their job easier.",
            "Show you want this job in particular, and close by asking about next steps.",
        ),
        ask_them=(
            "What success looks like in the first three to six months.",
            "The team's biggest challenge right now.",
            "How they like to work with the people who report to them.",
            "What set apart the people who did best in this role.",
        ),
        not_yet=(
            "Salary, bonus or benefits.",
            "Vacation, remote days or schedule changes.",
            "Doubts about the role; keep them for after an offer.",
        ),
        ally=False,
        answer_words=(80, 250),
        decides="decider",
    ),
    InterviewerType(
        id="hiring-managers-boss",
        name="Hiring manager's boss",
        who="The hiring manager's own manager, who meets finalists to confirm the choice.",
        wants=(
            "Judgment, a grasp of the bigger picture and long-term potential, in a hire who "
            "will reflect well on their manager."
        ),
        hidden_worries=(
            "A hire who cannot think beyond the task in front of them.",
            "Someone who leaves once trained, or stalls in the role.",
            "A choice that makes their manager's judgment look poor.",
            "A candidate with no feel for where the business is going.",
        ),
        # Big picture: results and judgment, long-term potential, and genuine interest.
        weights=(
            ("qualified", 0.20),
            ("performs", 0.25),
            ("pleasant", 0.05),
            ("team_player", 0.05),
            ("dependable", 0.10),
            ("stays", 0.20),
            ("enthusiasm", 0.15),
        ),
        red_flags=("vague", "no_interest", "low_commitment", "self_centered_motivation"),
        bar=68,
        bar_reason=(
            "They meet only finalists, compare you with the best seen so far, and can veto the "
            "hiring manager's choice."
        ),
        approach=(
            "Zoom out: link your work to business outcomes, customers and strategy.",
            "Keep answers crisp; they have less time for detail than the hiring manager.",
            "Show where you want to grow and how that growth serves the company.",
            "Speak well of the hiring manager and the team you have met.",
        ),
        ask_them=(
            "Where the department is heading over the next year or two.",
            "How this role feeds into the company's goals.",
            "What they see as the biggest opportunity for the team.",
        ),
        not_yet=(
            "Pay, title or reporting-line negotiations.",
            "Day-to-day conditions that are better settled with the hiring manager or HR.",
        ),
        ally=False,
        answer_words=(60, 200),
        decides="veto",
    ),
    InterviewerType(
        id="direct-report",
        name="Potential direct report",
        who="Someone who would report to you; you meet them only when the role manages people.",
        wants=(
            "A manager they can respect, who will back them, respect how the team works now, "
            "and not tear things up on arrival."
        ),
        hidden_worries=(
            "A boss who changes everything before understanding it.",
            "Being overlooked, micromanaged or blamed.",
            "They may have wanted the job themselves.",
            "Losing the good parts of how the team works today.",
        ),
        # Rapport and respect first: will this person be good to work for, and back them?
        weights=(
            ("qualified", 0.10),
            ("performs", 0.10),
            ("pleasant", 0.25),
            ("team_player", 0.20),
            ("dependable", 0.20),
            ("stays", 0.05),
            ("enthusiasm", 0.10),
        ),
        red_flags=("arrogance", "negative_about_others", "self_centered_motivation"),
        bar=60,
        bar_reason=(
            "An advisory voice, but a poor report from the team is hard for a manager to "
            "ignore; rapport matters more to them than polish."
        ),
        approach=(
            "Listen more than you talk; ask how the team works before saying what you would "
            "change.",
            "Show respect for what they have built.",
            "Give an example of backing or developing someone who worked for you.",
            "Stay warm and modest; do not audition as their boss yet.",
        ),
        ask_them=(
            "What works well in the team today and what they would keep.",
            "What they need from a manager to do their best work.",
            "What gets in their way.",
        ),
        not_yet=(
            "Plans to restructure, or to replace people or processes.",
            "Pay, perks or your own terms.",
            "Criticism of their current or previous manager.",
        ),
        ally=False,
        answer_words=(60, 180),
        decides="advisor",
    ),
    InterviewerType(
        id="peer",
        name="Peer / other interviewer",
        who="A future colleague at your level, or from a team you would work with closely.",
        wants=(
            "To know they can count on you, that you will share the load, and that you are "
            "easy to work with."
        ),
        hidden_worries=(
            "Someone who makes their job harder or leaves work for them to finish.",
            "A know-it-all who will not listen.",
            "Someone who blames others when things slip.",
            "A new rival for recognition or promotion.",
        ),
        # Day to day alongside you: sharing the load, keeping your word, being good company.
        weights=(
            ("qualified", 0.10),
            ("performs", 0.10),
            ("pleasant", 0.20),
            ("team_player", 0.30),
            ("dependable", 0.20),
            ("stays", 0.05),
            ("enthusiasm", 0.05),
        ),
        red_flags=("blame_shifting", "arrogance", "evasive"),
        bar=60,
        bar_reason=(
            "An advisory voice looking for a reliable colleague, not the strongest candidate "
            "in the pool."
        ),
        approach=(
            "Be a colleague, not a candidate: friendly, curious and relaxed.",
            "Give examples of helping colleagues and sharing credit.",
            "Show how you handle disagreements and handovers.",
            "Take an interest in their work and how the teams fit together.",
        ),
        ask_them=(
            "What a typical week looks like and how work is shared.",
            "How the team handles busy periods and mistakes.",
            "What they enjoy most about working here.",
        ),
        not_yet=(
            "Salary, benefits or how they are paid.",
            "Complaints about your current employer.",
        ),
        ally=False,
        answer_words=(60, 200),
        decides="advisor",
    ),
)


def interviewer(id: str) -> InterviewerType:
    """The interviewer type with this id; raises ``NotFoundError`` listing the known ids."""
    for item in INTERVIEWERS:
        if item.id == id:
            return item
    raise NotFoundError("interviewer", id, INTERVIEWER_IDS)

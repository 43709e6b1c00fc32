"""What every employer is looking for, as seven criteria an answer can show or undermine.

Six criteria are the employer's side of the table: is this person able to do the work, will
they deliver, are they easy to work with, do they pull with the team, can they be trusted, and
will they stay. The seventh, ``enthusiasm``, is the candidate's side: an interview is won by the
person who makes the other side want them, so it measures how much the answer pursues the job.

Each criterion lists the flags (``models.FLAG_IDS``) that count against it; every flag counts
against at least one criterion, so the judging engine can always say which criterion a problem
hurt.
"""

from __future__ import annotations

from dataclasses import dataclass

from greenroom.domain.models import CRITERION_IDS, FLAG_IDS, CriterionId, FlagId
from greenroom.errors import NotFoundError

__all__ = ["CRITERIA", "Criterion", "criterion", "undermined_criteria"]


@dataclass(frozen=True, slots=True)
class Criterion:
    """One thing an employer judges a candidate on, and what in an answer shows it."""

    id: CriterionId
    name: str
    meaning: str
    shown_by: tuple[str, ...]
    undermined_by: tuple[str, ...]
    undermining_flags: tuple[FlagId, ...]
    employer_side: bool


CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        id="qualified",
        name="Qualified",
        meaning=(
            "Has the skills, knowledge and experience the role needs, and can prove it. "
            "Claims count only when something concrete backs them up."
        ),
        shown_by=(
            "names a specific skill, tool or method and where it was used",
            "gives a real example from past work rather than a hypothetical",
            "uses the vocabulary of the field correctly and without showing off",
            "connects past experience to what this role asks for",
            "mentions scope: team size, budget, volume, users or time frame",
        ),
        undermined_by=(
            "talks in generalities with no example behind them",
            "relies on stock phrases such as 'hard worker' or 'people person'",
            "cannot say what they personally did as opposed to the team",
            "skips the part of the question that tests the skill",
        ),
        undermining_flags=("no_example", "vague", "cliche"),
        employer_side=True,
    ),
    Criterion(
        id="performs",
        name="Performs",
        meaning=(
            "Will actually get the work done, on time and to a good standard. "
            "The best evidence is a past result that can be checked or measured."
        ),
        shown_by=(
            "ends the story with an outcome, ideally with a number",
            "describes the steps taken, in order, with the candidate as the actor",
            "mentions a deadline, target or constraint that was met",
            "shows how a problem was noticed and dealt with early",
            "says what was learned and what changed afterwards",
        ),
        undermined_by=(
            "the story stops before anything was achieved",
            "effort is described but no effect on the business",
            "only intentions ('I would', 'I try to') and no past actions",
            "results are claimed without any way to gauge their size",
        ),
        undermining_flags=("no_example", "vague", "lacks_result"),
        employer_side=True,
    ),
    Criterion(
        id="pleasant",
        name="Pleasant to work with",
        meaning=(
            "Someone people will be glad to spend their working day next to. "
            "Shown by tone: courteous, positive and measured, with the other person's time in mind."
        ),
        shown_by=(
            "speaks well of former colleagues, managers and employers",
            "keeps a warm, even tone even when the story is about a problem",
            "answers at a length that respects the interviewer's time",
            "shows some humour or humility without undercutting themself",
            "keeps private matters private",
        ),
        undermined_by=(
            "criticises a former boss, team or company",
            "boasts or talks down to others",
            "rambles long past the point of the question",
            "shares personal troubles that have no place in an interview",
            "sounds bitter, defensive or impatient",
        ),
        undermining_flags=("negative_about_others", "arrogance", "oversharing", "too_long"),
        employer_side=True,
    ),
    Criterion(
        id="team_player",
        name="Team player",
        meaning=(
            "Works with others rather than around them: shares the load and the credit, "
            "and makes colleagues' jobs easier rather than harder."
        ),
        shown_by=(
            "gives others credit for their part of a success",
            "describes helping a colleague or covering for one",
            "mentions asking for input or agreeing a plan with others",
            "handles disagreement by talking it through, not going around people",
            "uses 'we' for shared work and 'I' for their own part, and keeps them apart",
        ),
        undermined_by=(
            "takes all the credit for a group result",
            "blames teammates when something went wrong",
            "describes colleagues as obstacles",
            "presents themself as the only competent person in the room",
        ),
        undermining_flags=("negative_about_others", "blame_shifting", "arrogance"),
        employer_side=True,
    ),
    Criterion(
        id="dependable",
        name="Trustworthy and dependable",
        meaning=(
            "Can be counted on to keep commitments and to be straight about problems. "
            "An interviewer judges this from how directly the questions are answered."
        ),
        shown_by=(
            "answers the question that was asked, first, then adds context",
            "owns a mistake and says what they did to fix it",
            "mentions following through on a commitment under pressure",
            "is candid about a weakness or a gap and how it is handled",
            "gives consistent facts across answers",
        ),
        undermined_by=(
            "dodges the question or answers a different one",
            "blames circumstances or other people for a failure",
            "gives a slippery answer about a gap, a departure or a date",
            "promises things no one could keep",
        ),
        undermining_flags=("off_topic", "blame_shifting", "evasive"),
        employer_side=True,
    ),
    Criterion(
        id="stays",
        name="Will stay",
        meaning=(
            "Will still be in the job long enough to repay the cost of hiring and training. "
            "Interviewers look for motives that fit this job, not a stepping stone."
        ),
        shown_by=(
            "explains why this role and this company, not just any job",
            "describes growth they can see happening here",
            "gives a coherent story for past moves, each one for a reason",
            "shows that the job fits their longer-term direction",
        ),
        undermined_by=(
            "treats the job as temporary or a fallback",
            "talks mainly about what they will get rather than what they will give",
            "opens with pay, perks or time off before there is an offer",
            "has moved often without being able to say why",
            "mentions other plans that would take them away soon",
        ),
        undermining_flags=("self_centered_motivation", "premature_terms", "low_commitment"),
        employer_side=True,
    ),
    Criterion(
        id="enthusiasm",
        name="Enthusiasm",
        meaning=(
            "The candidate's side of the meeting: makes them want you. Shown by energy, "
            "preparation and clear interest in this particular job, with the candidate doing "
            "the pursuing."
        ),
        shown_by=(
            "mentions something specific learned about the company or team",
            "says plainly that they want the job and why",
            "speaks with energy and conviction rather than hedges",
            "gives a full answer that invites a follow-up",
            "asks or offers to talk about the next step",
        ),
        undermined_by=(
            "sounds indifferent or as if doing the interviewer a favour",
            "knows little about the company or the role",
            "qualifies every claim with 'I guess' or 'sort of'",
            "is full of filler words and false starts",
            "gives one-line answers that leave the interviewer doing the work",
            "raises pay or conditions before being asked",
        ),
        undermining_flags=(
            "premature_terms",
            "no_interest",
            "unprepared",
            "too_short",
            "filler_heavy",
            "hedging",
        ),
        employer_side=False,
    ),
)


def criterion(id: str) -> Criterion:
    """The criterion with this id; raises ``NotFoundError`` listing the known ids."""
    for item in CRITERIA:
        if item.id == id:
            return item
    raise NotFoundError("criterion", id, CRITERION_IDS)


def undermined_criteria(flag: str) -> tuple[CriterionId, ...]:
    """Ids of the criteria a flag counts against, in ``CRITERION_IDS`` order.

    Raises ``NotFoundError`` listing the known flag ids when ``flag`` is not one of them.
    """
    if flag not in FLAG_IDS:
        raise NotFoundError("flag", flag, FLAG_IDS)
    return tuple(item.id for item in CRITERIA if flag in item.undermining_flags)

"""The story bank: the candidate's STAR stories, what they prove, and which to tell when.

A story is tagged with the employer criteria it shows (from the text metrics: results with
figures show performance, owned actions show qualification, ...) and the competencies behavioural
questions probe (from a small lexicon). Suggestions are lexical, so they work without a model:
a story ranks by the competencies and criteria it shares with the question and by shared content
words, minus a penalty for stories already told often. Telling the same story to three different
interviewers, or for three questions in one loop, makes it sound like the only one you have.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType
from typing import Final

from greenroom.domain.models import CRITERION_IDS, CriterionId, Evidence
from greenroom.errors import InputError
from greenroom.text import lexical_overlap, motivation, ownership, quantified_results, star_parts
from greenroom.text.lexicon import Lexicon
from greenroom.text.overlap import content_words

__all__ = [
    "COMPETENCIES",
    "MAX_STORY_CHARS",
    "MAX_TITLE_CHARS",
    "OVERUSE_LIMIT",
    "Story",
    "StoryDraft",
    "StoryUse",
    "Suggestion",
    "competencies_in",
    "draft_story",
    "overuse_warnings",
    "suggest_stories",
    "tag_story",
]

MAX_TITLE_CHARS: Final = 200
MAX_STORY_CHARS: Final = 20_000
OVERUSE_LIMIT: Final = 3
"""Interviewers (or questions in one loop) from which on a story counts as overused."""

_COMPETENCY_PHRASES: Final[dict[str, tuple[str, ...]]] = {
    "leadership": (
        "led", "lead", "leading", "leader", "leadership", "managed (?:a|the|my) team",
        "mentor(?:ed|ing)?", "coach(?:ed|ing)", "delegat(?:e|ed|ing)", "took charge",
        "took the lead", "my team", "direct reports?",
    ),
    "conflict": (
        "conflicts?", "disagree(?:d|ment|ments)?", "disagreeing", "argument", "tension",
        "pushed back", "push back", "difficult (?:colleague|coworker|person|stakeholder|manager)",
        "clash(?:ed)?", "friction", "differences? of opinion",
    ),
    "customer": (
        "customers?", "clients?", "users?", "complain(?:t|ts|ed)", "customer service",
        "stakeholders?", "patients?", "guests?",
    ),
    "deadline": (
        "deadlines?", "under pressure", "pressure", "tight (?:timeline|schedule)",
        "time constraints?", "ahead of schedule", "on time", "in time", "last minute",
        "urgent(?:ly)?", "prioriti[sz](?:e|ed|ing)", "priorities",
    ),
    "teamwork": (
        "team", "teams", "teamwork", "together", "collaborat(?:e|ed|ing|ion)", "colleagues?",
        "cross-functional", "worked with", "helped (?:a|my) (?:colleague|teammate)",
        "teammates?",
    ),
    "problem-solving": (
        "problems?", "solv(?:e|ed|ing)", "solution", "fix(?:ed)?", "root cause",
        "troubleshoot(?:ed|ing)?", "debug(?:ged|ging)?", "analy[sz](?:e|ed|is)", "diagnos(?:e|ed)",
        "figured out", "challenge", "challenging",
    ),
    "initiative": (
        "initiative", "on my own", "proactive(?:ly)?", "volunteered", "proposed", "suggested",
        "started", "took it upon myself", "without being asked", "went beyond",
        "above and beyond", "introduced", "set up",
    ),
    "failure-learning": (
        "fail(?:ed|ure|ures)?", "mistakes?", "went wrong", "learn(?:ed|t)", "lessons?",
        "would do differently", "setback", "regret", "missed", "weakness",
    ),
    "change": (
        "change", "changes", "changed", "adapt(?:ed|ing)?", "adaptable", "reorgani[sz](?:ation|ed)",
        "new system", "transition", "migrat(?:e|ed|ion)", "restructur(?:e|ed|ing)",
        "ambiguity", "uncertain(?:ty)?", "unexpected",
    ),
    "communication": (
        "communicat(?:e|ed|ing|ion)", "explain(?:ed)?", "presented", "presentation",
        "persuad(?:e|ed)", "convinc(?:e|ed)", "wrote", "written", "listen(?:ed)?",
        "negotiat(?:e|ed)", "influence(?:d)?", "buy-in",
    ),
}  # fmt: skip

COMPETENCIES: Final[tuple[str, ...]] = tuple(_COMPETENCY_PHRASES)
"""The competencies behavioural questions probe, in display order."""

_LEXICONS: Final = MappingProxyType(
    {name: Lexicon.of(phrases) for name, phrases in _COMPETENCY_PHRASES.items()}
)

_SHOWS: Final[dict[str, tuple[CriterionId, ...]]] = {
    "leadership": ("qualified", "team_player"),
    "conflict": ("pleasant", "team_player"),
    "customer": ("pleasant", "performs"),
    "deadline": ("dependable", "performs"),
    "teamwork": ("team_player",),
    "problem-solving": ("qualified", "performs"),
    "initiative": ("performs", "enthusiasm"),
    "failure-learning": ("dependable",),
    "change": ("dependable", "stays"),
    "communication": ("pleasant", "qualified"),
}
"""Which employer criteria a story about each competency can show."""

_USE_PENALTY: Final = 0.5
_OVERUSE_PENALTY: Final = 2.0


@dataclass(frozen=True, slots=True)
class StoryDraft:
    """A story before it is stored: the text, its STAR parts and its tags."""

    title: str
    text: str
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    criteria: tuple[CriterionId, ...] = ()
    competencies: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Story:
    """A stored story (times are timezone-aware UTC)."""

    id: int
    title: str
    text: str
    situation: str
    task: str
    action: str
    result: str
    criteria: tuple[CriterionId, ...]
    competencies: tuple[str, ...]
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class StoryUse:
    """One telling of a story: for which question, to whom, in which hiring loop."""

    story_id: int
    question: str
    interviewer: str | None
    used_at: datetime
    loop: str = ""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A story fit for a question: its score, why, and a warning when it is overused."""

    story: Story
    score: float
    competencies: tuple[str, ...]
    criteria: tuple[CriterionId, ...]
    shared_words: tuple[str, ...]
    uses: int
    warning: str | None


def competencies_in(text: str) -> tuple[str, ...]:
    """The competencies whose lexicon matches ``text``, in :data:`COMPETENCIES` order."""
    return tuple(name for name, lexicon in _LEXICONS.items() if lexicon.first(text) is not None)


def tag_story(text: str) -> tuple[tuple[CriterionId, ...], tuple[str, ...]]:
    """The employer criteria a story shows and the competencies it covers.

    Criteria come from the text metrics and from the competencies: results with figures or a
    stated result show ``performs``; actions told with "I" show ``qualified``; learning shows
    ``dependable``; enthusiasm phrases show ``enthusiasm``; each competency adds the criteria it
    can show. Both tuples keep a fixed order; empty text gives two empty tuples.
    """
    if not text.strip():
        return (), ()
    competencies = competencies_in(text)
    shown: set[CriterionId] = set()
    for name in competencies:
        shown.update(_SHOWS[name])
    parts = star_parts(text)
    if quantified_results(text) or parts.result:
        shown.add("performs")
    owner = ownership(text)
    if parts.action and owner.i_count > 0 and (owner.i_share or 0.0) >= 0.5:
        shown.add("qualified")
    if parts.learning:
        shown.add("dependable")
    if motivation(text).enthusiasm:
        shown.add("enthusiasm")
    return tuple(c for c in CRITERION_IDS if c in shown), competencies


def draft_story(title: str, text: str) -> StoryDraft:
    """A tagged draft with its STAR parts split out; raises ``InputError`` for bad input.

    The title and text are stripped; both must be non-empty and within the size limits.
    """
    title, text = title.strip(), text.strip()
    if not title:
        raise InputError("a story needs a title")
    if len(title) > MAX_TITLE_CHARS:
        raise InputError(f"a story title has at most {MAX_TITLE_CHARS} characters")
    if not text:
        raise InputError("a story needs its text")
    if len(text) > MAX_STORY_CHARS:
        raise InputError(f"a story has at most {MAX_STORY_CHARS} characters")
    parts = star_parts(text)
    criteria, competencies = tag_story(text)
    return StoryDraft(
        title=title,
        text=text,
        situation=_joined(parts.situation),
        task=_joined(parts.task),
        action=_joined(parts.action),
        result=_joined(parts.result),
        criteria=criteria,
        competencies=competencies,
    )


def suggest_stories(
    question_text: str,
    stories: Sequence[Story],
    uses: Iterable[StoryUse] = (),
    *,
    criteria: Sequence[CriterionId] = (),
    limit: int = 3,
) -> tuple[Suggestion, ...]:
    """The stories that best answer a question, best first, at most ``limit`` of them.

    ``score = 2 × shared competencies + shared criteria + shared content words (0-1 share of the
    question's) − 0.5 × earlier tellings − 2 when the story is overused``. The question's
    criteria are ``criteria`` (from the question bank, when known) plus those its competencies
    can show. Stories sharing nothing with the question are left out; ties keep bank order.
    """
    wanted_competencies = competencies_in(question_text)
    wanted: set[CriterionId] = set(criteria)
    for name in wanted_competencies:
        wanted.update(_SHOWS[name])
    use_list = list(uses)
    counts: dict[int, int] = defaultdict(int)
    for use in use_list:
        counts[use.story_id] += 1
    warnings = _warnings_by_story(use_list, stories)
    ranked: list[tuple[float, int, Suggestion]] = []
    for order, story in enumerate(stories):
        shared_comp = tuple(c for c in wanted_competencies if c in story.competencies)
        shared_crit = tuple(c for c in CRITERION_IDS if c in wanted and c in story.criteria)
        overlap = lexical_overlap(question_text, f"{story.title}. {story.text}")
        relevance = 2.0 * len(shared_comp) + len(shared_crit) + overlap.score
        if relevance <= 0.0:
            continue
        warning = warnings.get(story.id)
        score = relevance - _USE_PENALTY * counts[story.id]
        if warning is not None:
            score -= _OVERUSE_PENALTY
        suggestion = Suggestion(
            story,
            round(score, 3),
            shared_comp,
            shared_crit,
            overlap.shared,
            counts[story.id],
            warning,
        )
        ranked.append((-score, order, suggestion))
    ranked.sort(key=lambda item: (item[0], item[1]))
    return tuple(item[2] for item in ranked[: max(limit, 0)])


TOLD_SHARE = 0.4  # share of a story's content words an answer must contain to be that story
TOLD_MIN_WORDS = 8


def told_story(answer: str, stories: Sequence[Story]) -> Story | None:
    """The stored story an answer tells, if any: the one whose content words the answer contains
    most, when it contains at least 40 % of them (and at least 8). ``None`` otherwise."""
    said = set(content_words(answer))
    best: tuple[float, Story] | None = None
    for story in stories:
        words = set(content_words(story.text))
        shared = len(words & said)
        if not words or shared < TOLD_MIN_WORDS:
            continue
        share = shared / len(words)
        if share >= TOLD_SHARE and (best is None or share > best[0]):
            best = (share, story)
    return best[1] if best else None


def overuse_warnings(uses: Iterable[StoryUse], stories: Sequence[Story] = ()) -> tuple[str, ...]:
    """One warning per story told to 3+ different interviewers or for 3+ questions in one loop.

    A story is named by its title when it is in ``stories``, else by its id. Interviewers and
    questions are compared case- and whitespace-insensitively; uses without an interviewer do
    not count towards the interviewer limit. Ordered by story id.
    """
    found = _warnings_by_story(list(uses), stories)
    return tuple(found[story_id] for story_id in sorted(found))


def _warnings_by_story(uses: Sequence[StoryUse], stories: Sequence[Story]) -> dict[int, str]:
    titles = {story.id: story.title for story in stories}
    interviewers: dict[int, set[str]] = defaultdict(set)
    questions: dict[tuple[int, str], set[str]] = defaultdict(set)
    loop_names: dict[str, str] = {}
    for use in uses:
        if use.interviewer and use.interviewer.strip():
            interviewers[use.story_id].add(_norm(use.interviewer))
        loop = _norm(use.loop)
        loop_names.setdefault(loop, " ".join(use.loop.split()))
        questions[(use.story_id, loop)].add(_norm(use.question))
    found: dict[int, str] = {}
    for story_id, people in sorted(interviewers.items()):
        if len(people) >= OVERUSE_LIMIT:
            found[story_id] = (
                f"'{titles.get(story_id, f'story {story_id}')}' was told to {len(people)} "
                "different interviewers: they compare notes, so vary your examples"
            )
    for (story_id, loop), asked in sorted(questions.items()):
        if len(asked) >= OVERUSE_LIMIT and story_id not in found:
            where = f" in the {loop_names[loop]} loop" if loop else " in one loop"
            found[story_id] = (
                f"'{titles.get(story_id, f'story {story_id}')}' answered {len(asked)} "
                f"questions{where}: tell another story so it does not look like your only one"
            )
    return found


def _joined(found: tuple[Evidence, ...]) -> str:
    return " ".join(e.text for e in found)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())

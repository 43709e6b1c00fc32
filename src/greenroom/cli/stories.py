"""The ``stories``, ``parking`` and ``db`` command groups: the story bank, the parking lot and
the database they live in."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from greenroom.cli.render import print_json
from greenroom.config import load_settings
from greenroom.domain.parking import ParkedConcern, park, parse_topic, timing_message
from greenroom.domain.ports import Store
from greenroom.domain.stories import (
    Story,
    StoryUse,
    draft_story,
    overuse_warnings,
    suggest_stories,
)
from greenroom.errors import InputError
from greenroom.runtime import Runtime
from greenroom.textfiles import read_text_file

_GROUP: dict[str, Any] = {
    "no_args_is_help": True,
    "context_settings": {"help_option_names": ["-h", "--help"]},
}

stories_app = typer.Typer(
    help="The story bank: your STAR stories, what they prove, and which to tell when.", **_GROUP
)
parking_app = typer.Typer(
    help="The parking lot: concerns (pay, benefits, commute, doubts) kept for after the offer.",
    **_GROUP,
)
db_app = typer.Typer(help="The database behind stories and the parking lot.", **_GROUP)

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


@contextmanager
def _store() -> Iterator[Store]:
    store = Runtime(load_settings()).store
    try:
        yield store
    finally:
        store.close()


def _story_dict(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "text": story.text,
        "situation": story.situation,
        "task": story.task,
        "action": story.action,
        "result": story.result,
        "criteria": list(story.criteria),
        "competencies": list(story.competencies),
        "created_at": story.created_at.isoformat(),
        "updated_at": story.updated_at.isoformat(),
    }


def _concern_dict(concern: ParkedConcern) -> dict[str, Any]:
    return {
        "id": concern.id,
        "topic": concern.topic,
        "text": concern.text,
        "stage": int(concern.stage),
        "interviewer": concern.interviewer,
        "created_at": concern.created_at.isoformat(),
        "resolved_at": None if concern.resolved_at is None else concern.resolved_at.isoformat(),
    }


@stories_app.command("add")
def stories_add(
    title: Annotated[str, typer.Option("--title", "-t", help="A short name for the story.")],
    text: Annotated[str | None, typer.Option("--text", help="The story, told in full.")] = None,
    file: Annotated[
        Path | None, typer.Option("--file", "-f", help="Read the story from a text file.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Add a story; it is split into situation, task, action and result and tagged."""
    if (text is None) == (file is None):
        raise InputError("give exactly one of --text and --file")
    body = text if text is not None else read_text_file(file or Path(), "story")
    draft = draft_story(title, body)
    with _store() as store:
        story = store.add_story(draft)
    if as_json:
        print_json(_story_dict(story))
        return
    print(f"added story {story.id}: {story.title}")
    print(f"  proves: {', '.join(story.criteria) or 'nothing recognised yet'}")
    print(f"  competencies: {', '.join(story.competencies) or 'none recognised'}")


@stories_app.command("list")
def stories_list(as_json: JsonOpt = False) -> None:
    """List the stories in the bank with their tags and how often each was told."""
    with _store() as store:
        found = store.list_stories()
        uses = store.list_uses()
    if as_json:
        counts = {s.id: sum(1 for u in uses if u.story_id == s.id) for s in found}
        print_json([{**_story_dict(s), "uses": counts[s.id]} for s in found])
        return
    for story in found:
        told = sum(1 for u in uses if u.story_id == story.id)
        print(f"{story.id:>4}  {story.title}  (told {told}x)")
        print(f"      proves: {', '.join(story.criteria) or '-'}")
        print(f"      competencies: {', '.join(story.competencies) or '-'}")
    for warning in overuse_warnings(uses, found):
        print(f"warning: {warning}", file=sys.stderr)
    print(f"{len(found)} stories", file=sys.stderr)


@stories_app.command("suggest")
def stories_suggest(
    question: Annotated[str, typer.Option("--question", "-q", help="The interview question.")],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, max=20, help="At most this many.")
    ] = 3,
    as_json: JsonOpt = False,
) -> None:
    """Suggest the stories that best answer a question, with overuse warnings."""
    with _store() as store:
        found = store.list_stories()
        uses = store.list_uses()
    suggestions = suggest_stories(question, found, uses, limit=limit)
    if as_json:
        print_json(
            [
                {
                    "story": _story_dict(s.story),
                    "score": s.score,
                    "competencies": list(s.competencies),
                    "criteria": list(s.criteria),
                    "shared_words": list(s.shared_words),
                    "uses": s.uses,
                    "warning": s.warning,
                }
                for s in suggestions
            ]
        )
        return
    if not suggestions:
        print("No story in the bank fits this question; add one with `greenroom stories add`.")
    for s in suggestions:
        why = ", ".join((*s.competencies, *s.criteria)) or "shared words"
        print(f"{s.story.id:>4}  {s.story.title}  (score {s.score:.2f}; {why})")
        if s.warning:
            print(f"      warning: {s.warning}")


@stories_app.command("use")
def stories_use(
    story_id: Annotated[int, typer.Argument(help="The story's id (see `stories list`).")],
    question: Annotated[str, typer.Option("--question", "-q", help="The question it answered.")],
    interviewer: Annotated[
        str | None, typer.Option("--interviewer", "-i", help="Who heard it (a name or type).")
    ] = None,
    loop: Annotated[
        str, typer.Option("--loop", help="Which hiring loop (e.g. the company's name).")
    ] = "",
) -> None:
    """Record that a story was told, so overuse can be spotted."""
    if not question.strip():
        raise InputError("--question must not be empty")
    use = StoryUse(story_id, question.strip(), interviewer, datetime.now(UTC), loop.strip())
    with _store() as store:
        store.record_use(use)
        found = store.list_stories()
        uses = store.list_uses()
    print(f"recorded a use of story {story_id}")
    for warning in overuse_warnings([u for u in uses if u.story_id == story_id], found):
        print(f"warning: {warning}")


@stories_app.command("remove")
def stories_remove(
    story_id: Annotated[int, typer.Argument(help="The story's id (see `stories list`).")],
) -> None:
    """Delete a story and the record of its uses."""
    with _store() as store:
        store.delete_story(story_id)
    print(f"removed story {story_id}")


@parking_app.command("add")
def parking_add(
    text: Annotated[str, typer.Argument(help="The concern, in your own words.")],
    stage: Annotated[
        int, typer.Option("--stage", "-s", help="1 = screening, 2 = interview rounds, 3 = offer.")
    ] = 2,
    interviewer: Annotated[
        str | None, typer.Option("--interviewer", "-i", help="Interviewer type id, if any.")
    ] = None,
    topic: Annotated[
        str | None,
        typer.Option(
            "--topic",
            help="pay, benefits, vacation, commute, schedule, doubts or other "
            "(classified from the text when left out).",
        ),
    ] = None,
    asked_about_pay: Annotated[
        bool, typer.Option("--asked-about-pay", help="The interviewer asked about your pay.")
    ] = False,
) -> None:
    """Park a concern for after the offer; shows the timing rule when raising it is too early."""
    draft = park(
        text,
        topic=parse_topic(topic) if topic is not None else None,
        stage=stage,
        interviewer=interviewer,
    )
    with _store() as store:
        concern = store.park(draft)
    print(f"parked {concern.id} [{concern.topic}]: {concern.text}")
    rule = timing_message(draft.stage, draft.interviewer, asked_about_pay=asked_about_pay)
    if rule is not None:
        print(f"Not yet: {rule}")
    else:
        print("You may raise this now.")


@parking_app.command("list")
def parking_list(
    include_resolved: Annotated[
        bool, typer.Option("--all", help="Include concerns already resolved.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """List parked concerns (open ones unless --all)."""
    with _store() as store:
        found = store.list_parked(include_resolved=include_resolved)
    if as_json:
        print_json([_concern_dict(c) for c in found])
        return
    for c in found:
        done = " (resolved)" if c.resolved else ""
        print(f"{c.id:>4}  [{c.topic}] {c.text}{done}")
    print(f"{len(found)} concerns", file=sys.stderr)


@parking_app.command("resolve")
def parking_resolve(
    concern_id: Annotated[int, typer.Argument(help="The concern's id (see `parking list`).")],
) -> None:
    """Mark a parked concern as dealt with."""
    with _store() as store:
        concern = store.resolve(concern_id)
    print(f"resolved {concern.id}: {concern.text}")


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create the database or bring its schema up to date (also done on first use)."""
    from greenroom.storage.engine import database_url, safe_url
    from greenroom.storage.migrations import upgrade

    settings = load_settings()
    url = database_url(settings.database_url, settings.data_dir)
    revision = upgrade(url)
    print(f"{safe_url(url)} is at revision {revision}")


@db_app.command("backup")
def db_backup(
    path: Annotated[Path, typer.Argument(help="A new file to write the copy to (SQLite only).")],
) -> None:
    """Copy the SQLite database to a new file, safely while it is in use."""
    from greenroom.storage.engine import database_url
    from greenroom.storage.sql import SqlStore

    settings = load_settings()
    with SqlStore(database_url(settings.database_url, settings.data_dir)) as store:
        written = store.backup(path)
    print(f"backed up to {written}")

"""The SQL store, on every configured engine (see conftest)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from greenroom.domain.models import Stage
from greenroom.domain.parking import park
from greenroom.domain.stories import StoryDraft, StoryUse, draft_story
from greenroom.errors import NotFoundError
from greenroom.storage.migrations import current_revision, head_revision
from greenroom.storage.sql import SqlStore

OpenStore = Callable[[], SqlStore]

STORY = (
    "Our biggest customer threatened to leave because deliveries were late. I analysed the "
    "orders and led a small team to fix the picking process. We cut late deliveries by 40%."
)


def _use(story_id: int, question: str, interviewer: str | None = None) -> StoryUse:
    return StoryUse(story_id, question, interviewer, datetime.now(UTC), loop="Acme")


def test_added_story_comes_back_as_a_record_with_its_tags(store: SqlStore) -> None:
    added = store.add_story(draft_story("Late deliveries", STORY))
    assert added.id > 0
    assert added.title == "Late deliveries"
    assert "performs" in added.criteria
    assert "customer" in added.competencies
    assert added.created_at.tzinfo is not None
    assert store.get_story(added.id) == added
    assert store.list_stories() == (added,)


def test_empty_lists_round_trip_as_empty_tuples(store: SqlStore) -> None:
    added = store.add_story(StoryDraft(title="Bare", text="Something happened."))
    assert added.criteria == ()
    assert added.competencies == ()


def test_unknown_story_is_not_found(store: SqlStore) -> None:
    with pytest.raises(NotFoundError):
        store.get_story(42)
    with pytest.raises(NotFoundError):
        store.delete_story(42)
    with pytest.raises(NotFoundError):
        store.record_use(_use(42, "Tell me about a failure."))


def test_uses_are_listed_per_story_and_in_order(store: SqlStore) -> None:
    first = store.add_story(draft_story("One", STORY))
    second = store.add_story(draft_story("Two", STORY))
    store.record_use(_use(first.id, "q1", "peer"))
    store.record_use(_use(second.id, "q2"))
    store.record_use(_use(first.id, "q3", "hiring-manager"))
    assert [u.question for u in store.list_uses()] == ["q1", "q2", "q3"]
    mine = store.list_uses(first.id)
    assert [(u.question, u.interviewer, u.loop) for u in mine] == [
        ("q1", "peer", "Acme"),
        ("q3", "hiring-manager", "Acme"),
    ]
    assert all(u.used_at.tzinfo is not None for u in mine)


def test_deleting_a_story_cascades_to_its_uses(store: SqlStore) -> None:
    kept = store.add_story(draft_story("Kept", STORY))
    gone = store.add_story(draft_story("Gone", STORY))
    store.record_use(_use(kept.id, "q1"))
    store.record_use(_use(gone.id, "q2"))
    store.delete_story(gone.id)
    assert [s.id for s in store.list_stories()] == [kept.id]
    assert [u.story_id for u in store.list_uses()] == [kept.id]
    with store.engine.connect() as conn:
        count = conn.execute(sa.text("SELECT COUNT(*) FROM story_uses")).scalar_one()
    assert count == 1


def test_parked_concerns_are_listed_until_resolved(store: SqlStore) -> None:
    pay = store.park(park("What is the salary range?", stage=1, interviewer="hiring-manager"))
    commute = store.park(park("The commute looks long"))
    assert (pay.topic, pay.stage, pay.interviewer) == ("pay", Stage.SCREENING, "hiring-manager")
    assert not pay.resolved
    assert store.list_parked() == (pay, commute)
    done = store.resolve(pay.id)
    assert done.resolved_at is not None
    assert store.list_parked() == (commute,)
    assert [c.id for c in store.list_parked(include_resolved=True)] == [pay.id, commute.id]


def test_resolving_twice_keeps_the_first_time(store: SqlStore) -> None:
    concern = store.park(park("Is there a pension?"))
    first = store.resolve(concern.id)
    assert store.resolve(concern.id).resolved_at == first.resolved_at


def test_resolving_an_unknown_concern_is_not_found(store: SqlStore) -> None:
    with pytest.raises(NotFoundError):
        store.resolve(7)


def test_data_survives_reopening(open_store: OpenStore) -> None:
    first = open_store()
    story = first.add_story(draft_story("Late deliveries", STORY))
    first.record_use(_use(story.id, "q1", "peer"))
    concern = first.park(park("How many vacation days?"))
    first.close()
    again = open_store()
    assert again.list_stories() == (story,)
    assert len(again.list_uses()) == 1
    assert again.list_parked() == (concern,)


def test_schema_is_at_the_head_revision_and_reopening_does_not_migrate_again(
    open_store: OpenStore,
) -> None:
    store = open_store()
    assert current_revision(store.engine) == head_revision() == "0003"
    open_store()
    with store.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT version_num FROM alembic_version")).all()
    assert [r[0] for r in rows] == ["0003"]


def test_times_come_from_the_clock(db_url: str) -> None:
    fixed = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    with SqlStore(db_url, clock=lambda: fixed) as store:
        story = store.add_story(draft_story("Clocked", STORY))
        concern = store.park(park("Is the schedule flexible?"))
        assert story.created_at == fixed
        assert concern.created_at == fixed
        assert store.resolve(concern.id).resolved_at == fixed

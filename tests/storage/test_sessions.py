"""Practice sessions and attempts in the SQL store, on every configured engine (see conftest)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command

from greenroom.domain.sessions import AttemptDraft, SessionDraft
from greenroom.domain.stories import draft_story
from greenroom.errors import NotFoundError
from greenroom.storage.migrations import alembic_config, current_revision, head_revision
from greenroom.storage.sql import SqlStore

OpenStore = Callable[[], SqlStore]

JUDGEMENT: dict[str, Any] = {
    "version": 1,
    "interviewer": "peer",
    "criteria": [{"id": "structure", "met": True, "evidence": "First… then – “quoted”"}],
    "score": 0.75,
}


def _attempt(
    session_id: int, question: str = "Tell me about a conflict.", **kw: Any
) -> AttemptDraft:
    return AttemptDraft(
        session_id=session_id,
        interviewer="peer",
        stage=2,
        question=question,
        answer="I listened first, then we agreed on a plan.",
        **kw,
    )


class _Ticker:
    """A clock that moves one minute per reading, so order by time is observable."""

    def __init__(self) -> None:
        self.now = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def test_session_round_trip(store: SqlStore) -> None:
    draft = SessionDraft(
        kind="single", title="Peer mock", interviewer="peer", stage=3, job="Backend engineer"
    )
    made = store.create_session(draft)
    assert made.id > 0
    assert (made.kind, made.title, made.interviewer, made.stage, made.job) == (
        "single",
        "Peer mock",
        "peer",
        3,
        "Backend engineer",
    )
    assert made.created_at.tzinfo is not None
    assert made.finished_at is None
    assert store.get_session(made.id) == made
    loop = store.create_session(SessionDraft(kind="loop", title="Acme loop"))
    assert (loop.interviewer, loop.job, loop.stage) == (None, None, 2)


def test_sessions_are_listed_newest_first(db_url: str) -> None:
    with SqlStore(db_url, clock=_Ticker()) as store:
        first = store.create_session(SessionDraft(kind="single", title="One"))
        second = store.create_session(SessionDraft(kind="loop", title="Two"))
        third = store.create_session(SessionDraft(kind="single", title="Three"))
        assert [s.id for s in store.list_sessions()] == [third.id, second.id, first.id]


def test_finishing_is_idempotent_and_keeps_the_first_time(db_url: str) -> None:
    with SqlStore(db_url, clock=_Ticker()) as store:
        made = store.create_session(SessionDraft(kind="single", title="Done"))
        done = store.finish_session(made.id)
        assert done.finished_at is not None and done.finished_at > made.created_at
        assert store.finish_session(made.id).finished_at == done.finished_at
        assert store.get_session(made.id) == done


def test_unknown_ids_are_not_found(store: SqlStore) -> None:
    with pytest.raises(NotFoundError) as caught:
        store.get_session(99)
    assert (caught.value.kind, caught.value.value) == ("session", "99")
    with pytest.raises(NotFoundError, match="session"):
        store.finish_session(99)
    with pytest.raises(NotFoundError, match="session"):
        store.add_attempt(_attempt(99))
    with pytest.raises(NotFoundError) as caught:
        store.save_judgement(99, JUDGEMENT)
    assert (caught.value.kind, caught.value.value) == ("attempt", "99")
    session = store.create_session(SessionDraft(kind="single", title="S"))
    with pytest.raises(NotFoundError, match="attempt"):
        store.add_attempt(_attempt(session.id, retry_of=12345))
    assert store.list_attempts() == ()


def test_attempt_round_trip_and_judgement(store: SqlStore) -> None:
    session = store.create_session(SessionDraft(kind="single", title="S"))
    added = store.add_attempt(_attempt(session.id, question_id="peer-conflict-1"))
    assert added.id > 0
    assert added.session_id == session.id
    assert (added.interviewer, added.stage, added.question_id, added.retry_of) == (
        "peer",
        2,
        "peer-conflict-1",
        None,
    )
    assert added.judgement is None and added.judged_at is None
    assert added.created_at.tzinfo is not None
    assert store.unjudged_attempts() == (added,)

    judged = store.save_judgement(added.id, JUDGEMENT)
    assert judged.judgement == JUDGEMENT
    assert judged.judged_at is not None and judged.judged_at.tzinfo is not None
    assert store.unjudged_attempts() == ()
    assert store.list_attempts(session.id) == (judged,)
    assert store.get_attempt(added.id) == judged
    before = store.data_version()
    store.save_judgement(added.id, {**JUDGEMENT, "overall": 1})
    assert store.data_version() != before  # a new judgement changes the version
    with pytest.raises(NotFoundError):
        store.get_attempt(added.id + 1000)


def test_attempts_are_listed_oldest_first_per_session(store: SqlStore) -> None:
    one = store.create_session(SessionDraft(kind="single", title="One"))
    two = store.create_session(SessionDraft(kind="loop", title="Two"))
    a = store.add_attempt(_attempt(one.id, "q1"))
    b = store.add_attempt(_attempt(two.id, "q2"))
    c = store.add_attempt(_attempt(one.id, "q3"))
    assert [x.id for x in store.list_attempts()] == [a.id, b.id, c.id]
    assert [x.question for x in store.list_attempts(one.id)] == ["q1", "q3"]
    assert store.list_attempts(12345) == ()
    store.save_judgement(b.id, JUDGEMENT)
    assert [x.id for x in store.unjudged_attempts()] == [a.id, c.id]


def test_an_attempt_is_committed_before_it_is_judged(open_store: OpenStore) -> None:
    first = open_store()
    session = first.create_session(SessionDraft(kind="single", title="Crash"))
    added = first.add_attempt(_attempt(session.id))
    # visible to another store at once, while the first is still open
    assert open_store().unjudged_attempts() == (added,)
    first.close()  # the judge never ran: the process "crashed" here

    again = open_store()
    assert again.unjudged_attempts() == (added,)
    again.save_judgement(added.id, JUDGEMENT)
    assert open_store().unjudged_attempts() == ()


def test_retry_links_to_the_earlier_attempt(store: SqlStore) -> None:
    session = store.create_session(SessionDraft(kind="single", title="S"))
    first = store.add_attempt(_attempt(session.id))
    retry = store.add_attempt(_attempt(session.id, retry_of=first.id))
    assert retry.retry_of == first.id
    assert store.list_attempts(session.id)[1].retry_of == first.id
    with store.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM attempts WHERE id = :id"), {"id": first.id})
    assert [(a.id, a.retry_of) for a in store.list_attempts()] == [(retry.id, None)]


def test_deleting_a_session_row_cascades_to_its_attempts(store: SqlStore) -> None:
    kept = store.create_session(SessionDraft(kind="single", title="Kept"))
    gone = store.create_session(SessionDraft(kind="single", title="Gone"))
    kept_attempt = store.add_attempt(_attempt(kept.id))
    store.add_attempt(_attempt(gone.id))
    store.add_attempt(_attempt(gone.id))
    with store.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM practice_sessions WHERE id = :id"), {"id": gone.id})
    assert [s.id for s in store.list_sessions()] == [kept.id]
    assert store.list_attempts() == (kept_attempt,)


def test_times_come_from_the_clock(db_url: str) -> None:
    fixed = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    with SqlStore(db_url, clock=lambda: fixed) as store:
        session = store.create_session(SessionDraft(kind="single", title="Clocked"))
        attempt = store.add_attempt(_attempt(session.id))
        assert session.created_at == fixed
        assert attempt.created_at == fixed
        assert store.save_judgement(attempt.id, JUDGEMENT).judged_at == fixed
        assert store.finish_session(session.id).finished_at == fixed


def test_a_database_at_0001_is_upgraded_on_open_and_keeps_its_stories(db_url: str) -> None:
    command.upgrade(alembic_config(db_url), "0001")
    with SqlStore(db_url, migrate=False) as old:
        assert current_revision(old.engine) == "0001"
        story = old.add_story(draft_story("Kept", "I fixed the build and we shipped on time."))
    with SqlStore(db_url) as store:
        assert current_revision(store.engine) == head_revision()
        assert store.list_stories() == (story,)
        session = store.create_session(SessionDraft(kind="single", title="After upgrade"))
        assert store.add_attempt(_attempt(session.id)).session_id == session.id


def test_downgrade_to_0001_drops_the_session_tables(db_url: str) -> None:
    with SqlStore(db_url) as store:
        store.add_story(draft_story("Kept", "I fixed the build and we shipped on time."))
    command.downgrade(alembic_config(db_url), "0001")
    with SqlStore(db_url, migrate=False) as store:
        names = set(sa.inspect(store.engine).get_table_names())
        assert {"practice_sessions", "attempts"}.isdisjoint(names)
        assert [s.title for s in store.list_stories()] == ["Kept"]

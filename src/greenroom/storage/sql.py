"""The SQL store: stories, uses, parked concerns and practice sessions in SQLite or PostgreSQL.

Built from a database URL; migrates the schema at start, speaks SQLAlchemy Core, and hands out
domain records only. Each method is one short transaction, so SQLite's single writer is held
only briefly.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, cast

import sqlalchemy as sa

from greenroom.domain.models import InterviewerId, Stage
from greenroom.domain.parking import ConcernDraft, ParkedConcern, Topic
from greenroom.domain.sessions import (
    Attempt,
    AttemptDraft,
    PracticeSession,
    SessionDraft,
    SessionKind,
)
from greenroom.domain.stories import Story, StoryDraft, StoryUse
from greenroom.errors import NotFoundError, StorageError
from greenroom.storage.engine import GuardedEngine, make_engine, safe_url
from greenroom.storage.migrations import ensure_schema
from greenroom.storage.tables import (
    attempts,
    parked_concerns,
    practice_sessions,
    stories,
    story_uses,
)

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class SqlStore(GuardedEngine):
    """:class:`~greenroom.domain.ports.Store` (stories, parking lot, sessions) over one URL."""

    def __init__(self, url: str, *, clock: Clock = utc_now, migrate: bool = True) -> None:
        self.url = safe_url(url)
        self._storage_url = self.url
        self._clock = clock
        self._engine = make_engine(url)
        if migrate:
            try:
                ensure_schema(self._engine)
            except BaseException:
                self._engine.dispose()
                raise

    @property
    def engine(self) -> sa.Engine:
        """The engine (for migrations and maintenance inside ``storage``)."""
        return self._engine

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def backup(self, path: Path) -> Path:
        """Copy a SQLite database to a new file at ``path`` with SQLite's online backup API.

        Raises ``StorageError`` for another database engine or when ``path`` already exists.
        """
        if self._engine.dialect.name != "sqlite":
            raise StorageError(self.url, "backup covers SQLite only; use pg_dump for PostgreSQL")
        target_path = path.expanduser()
        if target_path.exists():
            raise StorageError(self.url, f"backup target {target_path} already exists")
        raw = self._engine.raw_connection()
        try:
            target = sqlite3.connect(target_path)
            try:
                raw.driver_connection.backup(target)  # type: ignore[union-attr]
            finally:
                target.close()
        except (OSError, sqlite3.Error) as exc:
            raise StorageError(self.url, f"backup to {target_path} failed: {exc}") from exc
        finally:
            raw.close()
        return target_path

    # --- stories -------------------------------------------------------------------------

    def add_story(self, draft: StoryDraft) -> Story:
        now = self._clock()
        values = {
            "title": draft.title,
            "text": draft.text,
            "situation": draft.situation,
            "task": draft.task,
            "action": draft.action,
            "result": draft.result,
            "criteria": _joined(draft.criteria),
            "competencies": _joined(draft.competencies),
            "created_at": now,
            "updated_at": now,
        }
        with self._begin() as conn:
            new_id = conn.execute(
                sa.insert(stories).values(**values).returning(stories.c.id)
            ).scalar_one()
            row = conn.execute(sa.select(stories).where(stories.c.id == new_id)).one()
        return _story(row)

    def list_stories(self) -> tuple[Story, ...]:
        with self._connect() as conn:
            rows = conn.execute(sa.select(stories).order_by(stories.c.id)).all()
        return tuple(_story(row) for row in rows)

    def get_story(self, story_id: int) -> Story:
        with self._connect() as conn:
            row = conn.execute(sa.select(stories).where(stories.c.id == story_id)).one_or_none()
        if row is None:
            raise NotFoundError("story", str(story_id))
        return _story(row)

    def delete_story(self, story_id: int) -> None:
        with self._begin() as conn:
            deleted = conn.execute(sa.delete(stories).where(stories.c.id == story_id)).rowcount
        if not deleted:
            raise NotFoundError("story", str(story_id))

    def record_use(self, use: StoryUse) -> StoryUse:
        with self._begin() as conn:
            known = conn.execute(
                sa.select(stories.c.id).where(stories.c.id == use.story_id)
            ).one_or_none()
            if known is None:
                raise NotFoundError("story", str(use.story_id))
            conn.execute(
                sa.insert(story_uses).values(
                    story_id=use.story_id,
                    question=use.question,
                    interviewer=use.interviewer,
                    loop=use.loop,
                    used_at=use.used_at,
                )
            )
        return use

    def list_uses(self, story_id: int | None = None) -> tuple[StoryUse, ...]:
        query = sa.select(story_uses).order_by(story_uses.c.used_at, story_uses.c.id)
        if story_id is not None:
            query = query.where(story_uses.c.story_id == story_id)
        with self._connect() as conn:
            rows = conn.execute(query).all()
        return tuple(
            StoryUse(
                story_id=row.story_id,
                question=row.question,
                interviewer=row.interviewer,
                used_at=_utc(row.used_at),
                loop=row.loop,
            )
            for row in rows
        )

    # --- parking lot ---------------------------------------------------------------------

    def park(self, draft: ConcernDraft) -> ParkedConcern:
        with self._begin() as conn:
            new_id = conn.execute(
                sa.insert(parked_concerns)
                .values(
                    topic=draft.topic,
                    text=draft.text,
                    interviewer=draft.interviewer,
                    stage=int(draft.stage),
                    created_at=self._clock(),
                    resolved_at=None,
                )
                .returning(parked_concerns.c.id)
            ).scalar_one()
            row = conn.execute(
                sa.select(parked_concerns).where(parked_concerns.c.id == new_id)
            ).one()
        return _concern(row)

    def list_parked(self, *, include_resolved: bool = False) -> tuple[ParkedConcern, ...]:
        query = sa.select(parked_concerns).order_by(parked_concerns.c.id)
        if not include_resolved:
            query = query.where(parked_concerns.c.resolved_at.is_(None))
        with self._connect() as conn:
            rows = conn.execute(query).all()
        return tuple(_concern(row) for row in rows)

    def resolve(self, concern_id: int) -> ParkedConcern:
        where = parked_concerns.c.id == concern_id
        with self._begin() as conn:
            conn.execute(
                sa.update(parked_concerns)
                .where(where, parked_concerns.c.resolved_at.is_(None))
                .values(resolved_at=self._clock())
            )
            row = conn.execute(sa.select(parked_concerns).where(where)).one_or_none()
        if row is None:
            raise NotFoundError("parked concern", str(concern_id))
        return _concern(row)

    # --- practice sessions ---------------------------------------------------------------

    def create_session(self, draft: SessionDraft) -> PracticeSession:
        with self._begin() as conn:
            new_id = conn.execute(
                sa.insert(practice_sessions)
                .values(
                    kind=draft.kind,
                    title=draft.title,
                    interviewer=draft.interviewer,
                    stage=int(draft.stage),
                    job=draft.job,
                    created_at=self._clock(),
                    finished_at=None,
                )
                .returning(practice_sessions.c.id)
            ).scalar_one()
            row = conn.execute(
                sa.select(practice_sessions).where(practice_sessions.c.id == new_id)
            ).one()
        return _session(row)

    def get_session(self, session_id: int) -> PracticeSession:
        with self._connect() as conn:
            row = conn.execute(
                sa.select(practice_sessions).where(practice_sessions.c.id == session_id)
            ).one_or_none()
        if row is None:
            raise NotFoundError("session", str(session_id))
        return _session(row)

    def list_sessions(self) -> tuple[PracticeSession, ...]:
        query = sa.select(practice_sessions).order_by(
            practice_sessions.c.created_at.desc(), practice_sessions.c.id.desc()
        )
        with self._connect() as conn:
            rows = conn.execute(query).all()
        return tuple(_session(row) for row in rows)

    def finish_session(self, session_id: int) -> PracticeSession:
        where = practice_sessions.c.id == session_id
        with self._begin() as conn:
            conn.execute(
                sa.update(practice_sessions)
                .where(where, practice_sessions.c.finished_at.is_(None))
                .values(finished_at=self._clock())
            )
            row = conn.execute(sa.select(practice_sessions).where(where)).one_or_none()
        if row is None:
            raise NotFoundError("session", str(session_id))
        return _session(row)

    def add_attempt(self, draft: AttemptDraft) -> Attempt:
        with self._begin() as conn:
            require_answer_parents(conn, draft.session_id, draft.retry_of)
            new_id = conn.execute(
                sa.insert(attempts)
                .values(
                    session_id=draft.session_id,
                    interviewer=draft.interviewer,
                    stage=int(draft.stage),
                    question=draft.question,
                    answer=draft.answer,
                    question_id=draft.question_id,
                    retry_of=draft.retry_of,
                    created_at=self._clock(),
                    judgement_json=None,
                    judged_at=None,
                    recording_id=draft.recording_id,
                )
                .returning(attempts.c.id)
            ).scalar_one()
            row = conn.execute(sa.select(attempts).where(attempts.c.id == new_id)).one()
        return _attempt(row)

    def save_judgement(self, attempt_id: int, judgement: dict[str, Any]) -> Attempt:
        """Store (or replace) the judgement JSON of an attempt and the time it was judged."""
        text = json.dumps(judgement, ensure_ascii=False)
        where = attempts.c.id == attempt_id
        with self._begin() as conn:
            updated = conn.execute(
                sa.update(attempts)
                .where(where)
                .values(judgement_json=text, judged_at=self._clock())
            ).rowcount
            row = conn.execute(sa.select(attempts).where(where)).one_or_none() if updated else None
        if row is None:
            raise NotFoundError("attempt", str(attempt_id))
        return _attempt(row)

    def data_version(self) -> str:
        """Changes whenever a session or an attempt is added, finished or judged."""
        with self._connect() as conn:
            a = conn.execute(
                sa.select(
                    sa.func.count(), sa.func.max(attempts.c.id), sa.func.max(attempts.c.judged_at)
                )
            ).one()
            s = conn.execute(
                sa.select(
                    sa.func.count(),
                    sa.func.max(practice_sessions.c.id),
                    sa.func.max(practice_sessions.c.finished_at),
                )
            ).one()
        return "|".join(str(v) for v in (*a, *s))

    def get_attempt(self, attempt_id: int) -> Attempt:
        with self._connect() as conn:
            row = conn.execute(sa.select(attempts).where(attempts.c.id == attempt_id)).one_or_none()
        if row is None:
            raise NotFoundError("attempt", str(attempt_id))
        return _attempt(row)

    def list_attempts(self, session_id: int | None = None) -> tuple[Attempt, ...]:
        query = sa.select(attempts).order_by(attempts.c.id)
        if session_id is not None:
            query = query.where(attempts.c.session_id == session_id)
        with self._connect() as conn:
            rows = conn.execute(query).all()
        return tuple(_attempt(row) for row in rows)

    def unjudged_attempts(self) -> tuple[Attempt, ...]:
        query = (
            sa.select(attempts).where(attempts.c.judgement_json.is_(None)).order_by(attempts.c.id)
        )
        with self._connect() as conn:
            rows = conn.execute(query).all()
        return tuple(_attempt(row) for row in rows)


def require_answer_parents(conn: sa.Connection, session_id: int, retry_of: int | None) -> None:
    """Raise ``NotFoundError`` unless the session (and the attempt retried, if any) exist."""
    known = conn.execute(
        sa.select(practice_sessions.c.id).where(practice_sessions.c.id == session_id)
    ).one_or_none()
    if known is None:
        raise NotFoundError("session", str(session_id))
    if retry_of is not None:
        earlier = conn.execute(
            sa.select(attempts.c.id).where(attempts.c.id == retry_of)
        ).one_or_none()
        if earlier is None:
            raise NotFoundError("attempt", str(retry_of))


def _joined(items: tuple[str, ...]) -> str:
    return ",".join(items)


def _split(text: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (text or "").split(",") if part.strip())


def _utc(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _story(row: sa.Row[Any]) -> Story:
    return Story(
        id=row.id,
        title=row.title,
        text=row.text,
        situation=row.situation,
        task=row.task,
        action=row.action,
        result=row.result,
        criteria=cast("tuple[Any, ...]", _split(row.criteria)),
        competencies=_split(row.competencies),
        created_at=_utc(row.created_at),
        updated_at=_utc(row.updated_at),
    )


def _concern(row: sa.Row[Any]) -> ParkedConcern:
    return ParkedConcern(
        id=row.id,
        topic=cast(Topic, row.topic),
        text=row.text,
        stage=Stage(row.stage),
        interviewer=cast("InterviewerId | None", row.interviewer),
        created_at=_utc(row.created_at),
        resolved_at=None if row.resolved_at is None else _utc(row.resolved_at),
    )


def _session(row: sa.Row[Any]) -> PracticeSession:
    return PracticeSession(
        id=row.id,
        kind=cast(SessionKind, row.kind),
        title=row.title,
        interviewer=row.interviewer,
        stage=row.stage,
        job=row.job,
        created_at=_utc(row.created_at),
        finished_at=None if row.finished_at is None else _utc(row.finished_at),
    )


def _attempt(row: sa.Row[Any]) -> Attempt:
    judgement = None if row.judgement_json is None else json.loads(row.judgement_json)
    return Attempt(
        id=row.id,
        session_id=row.session_id,
        interviewer=row.interviewer,
        stage=row.stage,
        question=row.question,
        answer=row.answer,
        question_id=row.question_id,
        retry_of=row.retry_of,
        created_at=_utc(row.created_at),
        judgement=cast("dict[str, Any] | None", judgement),
        judged_at=None if row.judged_at is None else _utc(row.judged_at),
        recording_id=row.recording_id,
    )

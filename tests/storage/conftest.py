"""Store fixtures: every store test runs on a temp SQLite file, and on PostgreSQL when the
psycopg driver is installed and ``TEST_POSTGRES_URL`` names a scratch database."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from greenroom.storage.engine import database_url, make_engine
from greenroom.storage.sql import SqlStore

OpenStore = Callable[[], SqlStore]


def _postgres_url() -> str:
    """The scratch PostgreSQL database; with CI=true a missing driver or URL is a failure."""
    in_ci = os.environ.get("CI") == "true"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        if in_ci:
            pytest.fail("psycopg is not installed, so the PostgreSQL store tests cannot run")
        pytest.skip("psycopg not installed")
    url = os.environ.get("TEST_POSTGRES_URL")
    if not url:
        if in_ci:
            pytest.fail("TEST_POSTGRES_URL is not set, so the PostgreSQL store tests cannot run")
        pytest.skip("TEST_POSTGRES_URL not set")
    return database_url(url, Path())


_TABLES = (
    "recordings",
    "attempts",
    "practice_sessions",
    "story_uses",
    "stories",
    "parked_concerns",
    "alembic_version",
)


def _drop_all(url: str) -> None:
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            for table in _TABLES:
                conn.execute(sa.text(f"DROP TABLE IF EXISTS {table} CASCADE"))
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL for an empty database of each engine."""
    if request.param == "sqlite":
        yield database_url(None, tmp_path / "data")
        return
    url = _postgres_url()
    _drop_all(url)
    yield url
    _drop_all(url)


@pytest.fixture
def open_store(db_url: str) -> Iterator[OpenStore]:
    """Opens stores on the test database; all are closed at the end."""
    opened: list[SqlStore] = []

    def _open() -> SqlStore:
        store = SqlStore(db_url)
        opened.append(store)
        return store

    yield _open
    for store in opened:
        store.close()


@pytest.fixture
def store(open_store: OpenStore) -> SqlStore:
    return open_store()

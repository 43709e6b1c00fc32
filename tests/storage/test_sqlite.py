"""What only SQLite needs: the file in the data dir, WAL, foreign keys, backups, bad URLs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from greenroom.domain.stories import draft_story
from greenroom.errors import StorageError
from greenroom.storage.engine import database_url, make_engine, safe_url
from greenroom.storage.migrations import head_revision, upgrade
from greenroom.storage.sql import SqlStore


def test_default_url_is_greenroom_db_in_the_data_dir(tmp_path: Path) -> None:
    assert database_url(None, tmp_path) == f"sqlite:///{tmp_path / 'greenroom.db'}"
    assert database_url("sqlite:///x.db", tmp_path) == "sqlite:///x.db"


def test_bare_postgresql_urls_get_the_psycopg_driver(tmp_path: Path) -> None:
    assert database_url("postgresql://u@h/db", tmp_path) == "postgresql+psycopg://u@h/db"


def test_safe_url_hides_the_password() -> None:
    assert "secret" not in safe_url("postgresql+psycopg://me:secret@host/db")


def test_engine_creates_the_folder_and_turns_on_wal_and_foreign_keys(tmp_path: Path) -> None:
    url = database_url(None, tmp_path / "deep" / "er")
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            assert conn.execute(sa.text("PRAGMA journal_mode")).scalar_one() == "wal"
            assert conn.execute(sa.text("PRAGMA foreign_keys")).scalar_one() == 1
    finally:
        engine.dispose()
    assert (tmp_path / "deep" / "er" / "greenroom.db").is_file()


def test_every_pooled_connection_has_foreign_keys_on(tmp_path: Path) -> None:
    engine = make_engine(database_url(None, tmp_path))
    try:
        with engine.connect() as one, engine.connect() as two:
            for conn in (one, two):
                assert conn.execute(sa.text("PRAGMA foreign_keys")).scalar_one() == 1
    finally:
        engine.dispose()


def test_upgrade_is_idempotent(tmp_path: Path) -> None:
    url = database_url(None, tmp_path)
    assert upgrade(url) == head_revision()
    assert upgrade(url) == head_revision()
    with sqlite3.connect(tmp_path / "greenroom.db") as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert {"stories", "story_uses", "parked_concerns", "practice_sessions", "attempts"} <= tables
    assert "alembic_version" in tables


def test_backup_copies_the_database_to_a_new_file(tmp_path: Path) -> None:
    with SqlStore(database_url(None, tmp_path)) as store:
        store.add_story(draft_story("Kept", "I fixed the build and we shipped on time."))
        copy = store.backup(tmp_path / "copy.db")
        with pytest.raises(StorageError, match="already exists"):
            store.backup(copy)
    with SqlStore(f"sqlite:///{copy}") as restored:
        assert [s.title for s in restored.list_stories()] == ["Kept"]


def test_a_bad_url_is_a_storage_error() -> None:
    with pytest.raises(StorageError, match="not a database URL"):
        make_engine("not a url")


def test_a_missing_driver_is_a_storage_error_with_a_hint() -> None:
    with pytest.raises(StorageError, match="driver"):
        make_engine("postgresql+nosuchdriver://u@h/db")

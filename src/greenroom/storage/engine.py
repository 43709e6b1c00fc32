"""Engines from database URLs; SQLite gets WAL mode and foreign keys on every connection."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from greenroom.errors import StorageError

DEFAULT_FILE = "greenroom.db"
_POSTGRES_HINT = "install the PostgreSQL driver: pip install 'psycopg[binary]'"


def database_url(database_url: str | None, data_dir: Path) -> str:
    """The configured URL, or the SQLite file ``greenroom.db`` in ``data_dir``.

    A bare ``postgresql://`` URL is given the psycopg (version 3) driver.
    """
    if not database_url:
        return f"sqlite:///{(data_dir / DEFAULT_FILE).expanduser()}"
    if database_url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + database_url.split("://", 1)[1]
    return database_url


def safe_url(url: str) -> str:
    """``url`` with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return "<invalid url>"


def make_engine(url: str) -> sa.Engine:
    """An engine for ``url``; raises ``StorageError`` for a bad URL or a missing driver.

    For a SQLite file the parent directory is created, and every new connection switches on
    foreign keys and WAL journaling (readers do not block the single writer).
    """
    try:
        parsed = make_url(url)
    except sa.exc.ArgumentError as exc:
        raise StorageError(safe_url(url), "not a database URL") from exc
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    try:
        return sa.create_engine(parsed, pool_pre_ping=True)
    except (ImportError, sa.exc.NoSuchModuleError) as exc:
        hint = f"; {_POSTGRES_HINT}" if parsed.get_backend_name() == "postgresql" else ""
        raise StorageError(safe_url(url), f"no driver ({exc}){hint}") from exc


def _sqlite_engine(url: sa.URL) -> sa.Engine:
    database = url.database or ""
    in_memory = database in ("", ":memory:") or database.startswith("file::memory:")
    if not in_memory:
        path = Path(database).expanduser()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(str(url), f"cannot create {path.parent}: {exc}") from exc
    engine = sa.create_engine(url, connect_args={"timeout": 30})

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys=ON")
            if not in_memory:
                cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA synchronous=NORMAL")
        finally:
            cursor.close()

    return engine


class GuardedEngine:
    """Connections whose database errors become one-line :class:`StorageError` naming the
    database (shared by every store built on one SQLAlchemy engine)."""

    _engine: sa.Engine
    _storage_url: str

    @contextmanager
    def _connect(self) -> Iterator[sa.Connection]:
        try:
            with self._engine.connect() as conn:
                yield conn
        except sa.exc.SQLAlchemyError as exc:
            raise self._error(exc) from exc

    @contextmanager
    def _begin(self) -> Iterator[sa.Connection]:
        try:
            with self._engine.begin() as conn:
                yield conn
        except sa.exc.SQLAlchemyError as exc:
            raise self._error(exc) from exc

    def _error(self, exc: sa.exc.SQLAlchemyError) -> StorageError:
        logging.getLogger(__name__).debug("database error", exc_info=True)
        detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        return StorageError(self._storage_url, f"{type(exc).__name__}: {detail}")

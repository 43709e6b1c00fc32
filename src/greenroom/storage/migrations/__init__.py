"""Alembic migrations, run from code: no ``alembic.ini`` needed.

``upgrade(url)`` brings a database to the newest revision; ``ensure_schema(engine)`` does the
same on an open engine and is what the store calls at start. Revisions are numbered files in
``versions/``; Alembic records the applied one, so upgrading twice changes nothing.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from greenroom.errors import StorageError
from greenroom.storage.engine import make_engine, safe_url

__all__ = ["alembic_config", "current_revision", "ensure_schema", "head_revision", "upgrade"]

_HERE = Path(__file__).resolve().parent


def alembic_config(url: str | None = None) -> Config:
    """An Alembic ``Config`` built in code, pointing at this package's scripts."""
    config = Config()
    config.set_main_option("script_location", str(_HERE))
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str:
    """The newest revision shipped with this version of greenroom."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: sa.Engine) -> str | None:
    """The revision the database is at, or None when it has never been migrated."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def ensure_schema(engine: sa.Engine) -> None:
    """Upgrade the database behind ``engine`` to the head revision when it is behind."""
    url = safe_url(engine.url.render_as_string(hide_password=False))
    try:
        if current_revision(engine) == head_revision():
            return
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except sa.exc.SQLAlchemyError as exc:
        raise StorageError(url, f"cannot migrate: {exc.__class__.__name__}: {exc}") from exc


def upgrade(url: str) -> str:
    """Migrate the database at ``url`` to the newest revision and return that revision."""
    engine = make_engine(url)
    try:
        ensure_schema(engine)
        return head_revision()
    finally:
        engine.dispose()

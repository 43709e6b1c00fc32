"""The schema shared by SQLite and PostgreSQL, as SQLAlchemy Core tables.

Lists (a story's criteria and competencies) are stored as comma-separated text and an attempt's
judgement as JSON text, so queries stay portable; timestamps are timezone-aware UTC. A
recording's bytes live in a file (see ``storage/recordings.py``); only its row is here. Changes
here need a new migration in ``migrations/versions``; migrations spell their tables out rather than
importing these.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("situation", sa.Text, nullable=False, server_default=""),
    sa.Column("task", sa.Text, nullable=False, server_default=""),
    sa.Column("action", sa.Text, nullable=False, server_default=""),
    sa.Column("result", sa.Text, nullable=False, server_default=""),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("criteria", sa.Text, nullable=False, server_default=""),
    sa.Column("competencies", sa.Text, nullable=False, server_default=""),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

story_uses = sa.Table(
    "story_uses",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "story_id",
        sa.Integer,
        sa.ForeignKey("stories.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("question", sa.Text, nullable=False),
    sa.Column("interviewer", sa.String(100), nullable=True),
    sa.Column("loop", sa.String(200), nullable=False, server_default=""),
    sa.Column("used_at", sa.DateTime(timezone=True), nullable=False),
)

parked_concerns = sa.Table(
    "parked_concerns",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("topic", sa.String(20), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("interviewer", sa.String(100), nullable=True),
    sa.Column("stage", sa.Integer, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
)

practice_sessions = sa.Table(
    "practice_sessions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("interviewer", sa.String(100), nullable=True),
    sa.Column("stage", sa.Integer, nullable=False),
    sa.Column("job", sa.Text, nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
)

attempts = sa.Table(
    "attempts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "session_id",
        sa.Integer,
        sa.ForeignKey("practice_sessions.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("interviewer", sa.String(100), nullable=False),
    sa.Column("stage", sa.Integer, nullable=False),
    sa.Column("question", sa.Text, nullable=False),
    sa.Column("answer", sa.Text, nullable=False),
    sa.Column("question_id", sa.String(100), nullable=True),
    sa.Column(
        "retry_of",
        sa.Integer,
        sa.ForeignKey("attempts.id", ondelete="SET NULL"),
        nullable=True,
    ),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("judgement_json", sa.Text, nullable=True),
    sa.Column("judged_at", sa.DateTime(timezone=True), nullable=True),
    # The recording a spoken answer came from; unique, so a recording is judged only once.
    # Not a foreign key: recordings.attempt_id points the other way, and a cycle of keys
    # would complicate creating and dropping the tables.
    sa.Column("recording_id", sa.String(32), nullable=True),
    sa.Index("uq_attempts_recording_id", "recording_id", unique=True),
)

recordings = sa.Table(
    "recordings",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column(
        "session_id",
        sa.Integer,
        sa.ForeignKey("practice_sessions.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("interviewer", sa.String(100), nullable=False),
    sa.Column("stage", sa.Integer, nullable=False),
    sa.Column("question", sa.Text, nullable=False),
    sa.Column("question_id", sa.String(100), nullable=True),
    sa.Column(
        "retry_of",
        sa.Integer,
        sa.ForeignKey("attempts.id", ondelete="SET NULL"),
        nullable=True,
    ),
    sa.Column("container", sa.String(10), nullable=True),  # known after the first chunk
    sa.Column("state", sa.String(20), nullable=False),
    sa.Column(
        "attempt_id",
        sa.Integer,
        sa.ForeignKey("attempts.id", ondelete="SET NULL"),
        nullable=True,
    ),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
)

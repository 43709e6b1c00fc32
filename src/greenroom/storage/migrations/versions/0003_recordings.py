"""Recorded answers: the ``recordings`` table and ``attempts.recording_id``.

Revision ID: 0003
Revises: 0002

Each step runs only when its table, column or index is missing, so a database that already has
some of them (made by hand or by an interrupted run) is brought to this revision without error.
``attempts.recording_id`` is unique (one attempt per recording) and, unlike
``recordings.attempt_id``, not a foreign key, so the two tables do not reference each other
in a cycle.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def _has_table(name: str) -> bool:
    return sa.inspect(op.get_bind()).has_table(name)


def _has_column(table: str, name: str) -> bool:
    return any(col["name"] == name for col in sa.inspect(op.get_bind()).get_columns(table))


def _has_index(table: str, name: str) -> bool:
    return any(ix["name"] == name for ix in sa.inspect(op.get_bind()).get_indexes(table))


def upgrade() -> None:
    if not _has_column("attempts", "recording_id"):
        op.add_column("attempts", sa.Column("recording_id", sa.String(32), nullable=True))
    if not _has_index("attempts", "uq_attempts_recording_id"):
        op.create_index("uq_attempts_recording_id", "attempts", ["recording_id"], unique=True)
    if not _has_table("recordings"):
        op.create_table(
            "recordings",
            sa.Column("id", sa.String(32), nullable=False),
            sa.Column("session_id", sa.Integer, nullable=False),
            sa.Column("interviewer", sa.String(100), nullable=False),
            sa.Column("stage", sa.Integer, nullable=False),
            sa.Column("question", sa.Text, nullable=False),
            sa.Column("question_id", sa.String(100), nullable=True),
            sa.Column("retry_of", sa.Integer, nullable=True),
            sa.Column("container", sa.String(10), nullable=True),
            sa.Column("state", sa.String(20), nullable=False),
            sa.Column("attempt_id", sa.Integer, nullable=True),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
            sa.PrimaryKeyConstraint("id", name="pk_recordings"),
            sa.ForeignKeyConstraint(
                ["session_id"],
                ["practice_sessions.id"],
                name="fk_recordings_session_id_practice_sessions",
                ondelete="CASCADE",
            ),
            sa.ForeignKeyConstraint(
                ["retry_of"],
                ["attempts.id"],
                name="fk_recordings_retry_of_attempts",
                ondelete="SET NULL",
            ),
            sa.ForeignKeyConstraint(
                ["attempt_id"],
                ["attempts.id"],
                name="fk_recordings_attempt_id_attempts",
                ondelete="SET NULL",
            ),
        )
    if not _has_index("recordings", "ix_recordings_session_id"):
        op.create_index("ix_recordings_session_id", "recordings", ["session_id"])


def downgrade() -> None:
    op.drop_index("ix_recordings_session_id", table_name="recordings")
    op.drop_table("recordings")
    op.drop_index("uq_attempts_recording_id", table_name="attempts")
    with op.batch_alter_table("attempts") as batch:
        batch.drop_column("recording_id")

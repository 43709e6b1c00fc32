"""Practice sessions and their attempts; an attempt's judgement is JSON text.

Revision ID: 0002
Revises: 0001

Tables are only created when missing, so a database that already has them (made by hand or by an
interrupted run) is brought to this revision without error.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def _has_table(name: str) -> bool:
    return sa.inspect(op.get_bind()).has_table(name)


def _has_index(table: str, name: str) -> bool:
    return any(ix["name"] == name for ix in sa.inspect(op.get_bind()).get_indexes(table))


def upgrade() -> None:
    if not _has_table("practice_sessions"):
        op.create_table(
            "practice_sessions",
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("kind", sa.String(20), nullable=False),
            sa.Column("title", sa.String(200), nullable=False),
            sa.Column("interviewer", sa.String(100), nullable=True),
            sa.Column("stage", sa.Integer, nullable=False),
            sa.Column("job", sa.Text, nullable=True),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
            sa.PrimaryKeyConstraint("id", name="pk_practice_sessions"),
        )
    if not _has_table("attempts"):
        op.create_table(
            "attempts",
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("session_id", sa.Integer, nullable=False),
            sa.Column("interviewer", sa.String(100), nullable=False),
            sa.Column("stage", sa.Integer, nullable=False),
            sa.Column("question", sa.Text, nullable=False),
            sa.Column("answer", sa.Text, nullable=False),
            sa.Column("question_id", sa.String(100), nullable=True),
            sa.Column("retry_of", sa.Integer, nullable=True),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("judgement_json", sa.Text, nullable=True),
            sa.Column("judged_at", sa.DateTime(timezone=True), nullable=True),
            sa.PrimaryKeyConstraint("id", name="pk_attempts"),
            sa.ForeignKeyConstraint(
                ["session_id"],
                ["practice_sessions.id"],
                name="fk_attempts_session_id_practice_sessions",
                ondelete="CASCADE",
            ),
            sa.ForeignKeyConstraint(
                ["retry_of"],
                ["attempts.id"],
                name="fk_attempts_retry_of_attempts",
                ondelete="SET NULL",
            ),
        )
    if not _has_index("attempts", "ix_attempts_session_id"):
        op.create_index("ix_attempts_session_id", "attempts", ["session_id"])


def downgrade() -> None:
    op.drop_index("ix_attempts_session_id", table_name="attempts")
    op.drop_table("attempts")
    op.drop_table("practice_sessions")

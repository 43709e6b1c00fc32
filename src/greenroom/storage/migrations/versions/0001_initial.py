"""Initial schema: stories, story uses and parked concerns.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "stories",
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
        sa.PrimaryKeyConstraint("id", name="pk_stories"),
    )
    op.create_table(
        "story_uses",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("story_id", sa.Integer, nullable=False),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("interviewer", sa.String(100), nullable=True),
        sa.Column("loop", sa.String(200), nullable=False, server_default=""),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_story_uses"),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["stories.id"],
            name="fk_story_uses_story_id_stories",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_story_uses_story_id", "story_uses", ["story_id"])
    op.create_table(
        "parked_concerns",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("topic", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("interviewer", sa.String(100), nullable=True),
        sa.Column("stage", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_parked_concerns"),
    )


def downgrade() -> None:
    op.drop_table("parked_concerns")
    op.drop_index("ix_story_uses_story_id", table_name="story_uses")
    op.drop_table("story_uses")
    op.drop_table("stories")

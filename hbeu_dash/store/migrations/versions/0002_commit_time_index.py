"""The audit log grows: an index on hbeu_commits(time) for "what changed since", and '' as the note's default.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("hbeu_commits_time", "hbeu_commits", ["time"])
    op.alter_column("hbeu_commits", "note", server_default=sa.text("''"))


def downgrade() -> None:
    op.alter_column("hbeu_commits", "note", server_default=None)
    op.drop_index("hbeu_commits_time", table_name="hbeu_commits")

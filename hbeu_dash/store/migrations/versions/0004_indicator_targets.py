"""Targets against measurements: `indicators.target_id`, the target indicator an indicator is measured against.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Written out: migrations never import the live schema. A stored header without it reads it as empty.
COLUMN = "target_id"


def upgrade() -> None:
    op.add_column("indicators", sa.Column(COLUMN, sa.Text, nullable=True))


def downgrade() -> None:
    # Indicators that name their targets cannot go back to a schema without the column (the data would change).
    header = op.get_bind().execute(sa.text("SELECT header FROM hbeu_tables WHERE name = 'indicators'")).scalar()
    if header and COLUMN in header:
        raise RuntimeError(
            f"cannot downgrade below 0004: the indicators table has the column {COLUMN} "
            "(export the data, remove it, import it again)"
        )
    op.drop_column("indicators", COLUMN)

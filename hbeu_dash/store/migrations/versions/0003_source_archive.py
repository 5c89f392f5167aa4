"""The source archive: `hbeu_texts` (each source's text by its sha256), the sources' columns naming their text, and
the texts each commit archived in the audit log.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Written out: migrations never import the live schema. A stored header without them reads them as empty.
SOURCE_COLUMNS = ("text_sha256", "retrieved", "retrieved_from")


def upgrade() -> None:
    op.create_table(
        "hbeu_texts",
        sa.Column("sha256", sa.Text, primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("added", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
        sa.CheckConstraint("sha256 ~ '^[0-9a-f]{64}$'", name="hbeu_texts_sha256"),
    )
    for column in SOURCE_COLUMNS:
        op.add_column("sources", sa.Column(column, sa.Text, nullable=True))
    op.add_column(
        "hbeu_commits",
        sa.Column("texts", sa.dialects.postgresql.JSONB, nullable=False, server_default=sa.text("'[]'::jsonb")),
    )


def downgrade() -> None:
    # Sources that name their texts cannot go back to a schema without those columns (the data would change).
    header = op.get_bind().execute(sa.text("SELECT header FROM hbeu_tables WHERE name = 'sources'")).scalar()
    if header and set(header) & set(SOURCE_COLUMNS):
        raise RuntimeError(
            "cannot downgrade below 0003: the sources table has the columns "
            + ", ".join(SOURCE_COLUMNS)
            + " (export the data, remove them, import it again)"
        )
    op.drop_column("hbeu_commits", "texts")
    for column in reversed(SOURCE_COLUMNS):
        op.drop_column("sources", column)
    op.drop_table("hbeu_texts")

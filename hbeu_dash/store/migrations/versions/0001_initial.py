"""The store's first schema: one table per data table (every cell TEXT, plus the row order), the data version, the
tables present with their headers and stamps, the audit log and the history of previous bytes.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ROW = "hbeu_row"  # the row's position in its file (0 = first data row): export writes the rows in this order
# The columns of each data table as they were at this revision (written out: migrations never import the live schema).
TABLES = {
    "sources": [
        "source_id", "title", "title_en", "outlet_zh", "outlet_en", "published", "url", "language", "note_zh",
        "note_en",
    ],
    "cities": ["city_id", "name_zh", "name_en", "lat", "lon", "note_zh", "note_en"],
    "indicators": [
        "indicator_id", "sector", "name_zh", "name_en", "unit_zh", "unit_en", "measure", "note_zh", "note_en",
    ],
    "figures": [
        "figure_id", "indicator_id", "city", "value", "value_text", "period", "as_of", "source_id", "speaker_zh",
        "speaker_en", "event_id", "evidence", "evidence_en", "note_zh", "note_en",
    ],
    "projects": [
        "project_id", "name_zh", "name_en", "kind", "cities", "status", "status_text", "as_of", "source_id",
        "speaker_zh", "speaker_en", "evidence", "evidence_en", "note_zh", "note_en",
    ],
    "events": [
        "event_id", "date", "date_text", "kind", "title_zh", "title_en", "cities", "source_id", "evidence",
        "evidence_en", "note_zh", "note_en",
    ],
    "identities": ["identity_id", "kind", "parts", "total", "title_zh", "title_en", "note_zh", "note_en"],
}  # fmt: skip
# The data version of no tables at all: blake2b-128 of nothing, first 7 hex digits (store.base.hash_contents({})).
EMPTY_VERSION = "cae6694"


def upgrade() -> None:
    for name, columns in TABLES.items():
        op.create_table(
            name,
            sa.Column(ROW, sa.Integer, primary_key=True, autoincrement=False),
            *(sa.Column(column, sa.Text, nullable=True) for column in columns),
        )
    op.create_table(
        "hbeu_state",
        sa.Column("id", sa.SmallInteger, primary_key=True, autoincrement=False),
        sa.Column("version", sa.Text, nullable=False),
        sa.CheckConstraint("id = 1", name="hbeu_state_one_row"),
    )
    op.execute(sa.text("INSERT INTO hbeu_state (id, version) VALUES (1, :v)").bindparams(v=EMPTY_VERSION))
    op.create_table(
        "hbeu_tables",
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("header", sa.ARRAY(sa.Text), nullable=False),
        sa.Column("stamp", sa.Text, nullable=False),  # the commit that last changed the table (a cache key)
    )
    op.create_table(
        "hbeu_commits",
        sa.Column("seq", sa.BigInteger, sa.Identity(always=True), primary_key=True),
        sa.Column("commit_id", sa.Text, nullable=False, unique=True),
        sa.Column("time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("tables", sa.dialects.postgresql.JSONB, nullable=False),
        sa.Column("version_before", sa.Text, nullable=False),
        sa.Column("version_after", sa.Text, nullable=False),
        sa.Column("undo_of", sa.Text, nullable=True),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("files", sa.dialects.postgresql.JSONB, nullable=False),
    )
    op.create_table(
        "hbeu_history",
        sa.Column("commit_id", sa.Text, sa.ForeignKey("hbeu_commits.commit_id", ondelete="CASCADE"), nullable=False),
        sa.Column("table_name", sa.Text, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),  # the table's bytes before the commit (b"": absent)
        sa.PrimaryKeyConstraint("commit_id", "table_name"),
    )


def downgrade() -> None:
    for name in ("hbeu_history", "hbeu_commits", "hbeu_tables", "hbeu_state", *reversed(TABLES)):
        op.drop_table(name)

"""The PostgreSQL store's schema, as Alembic migrations run from code (no alembic.ini): upgrade, current, head.

Run once before the servers start (`python -m hbeu_dash db init`), never by each replica at start-up; env.py takes
an advisory lock anyway, so two upgrades started at once run one after the other instead of racing.
"""

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

FOLDER = Path(__file__).resolve().parent


def alembic_config(url: str) -> Config:
    """An Alembic Config built in code: these scripts, and the database URL (passed aside, so a '%' in a password
    is never read as ConfigParser interpolation)."""
    config = Config()
    config.set_main_option("script_location", str(FOLDER))
    config.attributes["url"] = url
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Migrate the database at `url` up to `revision` (idempotent: at that revision already, nothing happens)."""
    command.upgrade(alembic_config(url), revision)


def downgrade(url: str, revision: str) -> None:
    """Migrate the database at `url` down to `revision` (tests; "base" drops every table of the store)."""
    command.downgrade(alembic_config(url), revision)


def head() -> str:
    """The newest revision of these scripts."""
    return ScriptDirectory.from_config(alembic_config("")).get_current_head() or ""


def current(url: str) -> str | None:
    """The revision the database is at; None when it was never migrated."""
    engine = create_engine(url, connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()

"""Alembic's entry point for the store's migrations: online only, in one transaction under an advisory lock."""

from alembic import context
from sqlalchemy import create_engine, pool, text

# Any constant: every `db init` / `db upgrade` of any replica takes this lock, so concurrent upgrades queue.
ADVISORY_LOCK = 0x48424555  # "HBEU"

config = context.config


def run_migrations_online() -> None:
    """Connect to config.attributes["url"], lock, migrate, commit (PostgreSQL runs DDL in transactions)."""
    url = config.attributes.get("url")
    if not url:
        raise RuntimeError("no database URL: build the Config with hbeu_dash.store.migrations.alembic_config(url)")
    engine = create_engine(url, poolclass=pool.NullPool, connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as connection:
            context.configure(connection=connection, transactional_ddl=True, transaction_per_migration=False)
            with context.begin_transaction():
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK})
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise RuntimeError("offline (--sql) migrations are not supported: run them against the database")
run_migrations_online()

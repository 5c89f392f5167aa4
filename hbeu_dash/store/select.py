"""Which store the app and the commands use: PostgreSQL when a URL is set, else the CSV folder (the default).

The URL comes from the environment variable HBEU_STORE_URL, else from `[store] url` in .streamlit/secrets.toml
(through st.secrets inside Streamlit — see ui/data.py — and read directly by the commands, so both use the same
store); without either,
the CSV folder at paths.DATA_DIR.
"""

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path

from hbeu_dash import paths
from hbeu_dash.store import Store
from hbeu_dash.store.csv_store import CsvStore

ENV_VAR = "HBEU_STORE_URL"
SECRETS_FILE = paths.ROOT / ".streamlit" / "secrets.toml"
SQL_SCHEMES = ("postgresql+psycopg", "postgresql")


def _secrets_file_url(path: Path) -> str | None:
    """`[store] url` read from the secrets file itself (a command outside Streamlit); a missing file is fine."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        table = tomllib.loads(text).get("store", {})
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path} is not valid TOML, so [store] url cannot be read from it: {exc}") from exc
    url = table.get("url") if isinstance(table, dict) else None
    return url if isinstance(url, str) else None


def store_url(env: Mapping[str, str] | None = None, secrets_file: Path | None = None) -> str | None:
    """The database URL the store lives at, or None for the CSV folder: $HBEU_STORE_URL, else `[store] url` of the
    project's .streamlit/secrets.toml (the commands; inside Streamlit, ui/data.py asks st.secrets instead, which
    also honours `--secrets.files`). Empty means unset."""
    env = os.environ if env is None else env
    url = env.get(ENV_VAR)
    if url is None:
        url = _secrets_file_url(secrets_file or SECRETS_FILE)
    return clean_url(url)


def clean_url(url: str | None) -> str | None:
    """A configured URL, or None when it is missing or blank."""
    return (url.strip() or None) if isinstance(url, str) else None


def normalise_url(url: str) -> str:
    """`postgresql://` means psycopg 3 here (SQLAlchemy's default driver for it, psycopg2, is not installed)."""
    scheme, sep, rest = url.partition("://")
    if not sep or scheme not in SQL_SCHEMES:
        what = f"unknown store URL scheme {scheme!r}" if sep else "the store URL has no scheme"
        raise ValueError(
            f"{what}: use postgresql+psycopg://USER:PASSWORD@HOST:PORT/DB (in {ENV_VAR} or [store] url of "
            ".streamlit/secrets.toml), or set neither for the CSV folder"
        )
    return f"postgresql+psycopg://{rest}"


def open_store(url: str | None = None) -> Store:
    """SqlStore for a PostgreSQL URL (given, or store_url()); otherwise CsvStore(paths.DATA_DIR)."""
    return store_for_url(url if url is not None else store_url())


def store_for_url(url: str | None) -> Store:
    """SqlStore for a PostgreSQL URL; CsvStore(paths.DATA_DIR) for None (no lookup of any setting)."""
    if not url:
        return CsvStore(paths.DATA_DIR)
    from hbeu_dash.store.sql_store import SqlStore

    return SqlStore(normalise_url(url))

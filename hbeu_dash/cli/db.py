"""`hbeu db init | upgrade [REV] | current | import DIR | export DIR [--url URL]`: the PostgreSQL store.

`init` (or `upgrade`) runs the Alembic migrations once, before the servers start; `import` moves a validated CSV
folder into the database in one audited transaction; `export` writes the tables back as CSV files, byte for byte.
The URL defaults to the configured store (HBEU_STORE_URL, or [store] url in .streamlit/secrets.toml).
"""

import argparse
import sys
from pathlib import Path

from hbeu_dash.i18n import LANGS, t
from hbeu_dash.model import schema
from hbeu_dash.model.loaders import read_dataset
from hbeu_dash.model.problems import DataError
from hbeu_dash.model.verify import prove_tables, source_texts
from hbeu_dash.store.csv_store import CsvStore
from hbeu_dash.store.diff import parse_rows, write_rows

DEFAULT_AUTHOR = "db import"


def add_parsers(sub: argparse._SubParsersAction, lang: str) -> None:
    """The `db` command and its subcommands."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--url", help=t("cli_help_db_url", lang))
    # SUPPRESS: without --lang here, `hbeu --lang zh db ...` keeps the global choice.
    common.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=t("cli_help_messages_lang", lang))
    db = sub.add_parser("db", help=t("cli_help_db", lang), description=t("cli_help_db", lang))
    db.set_defaults(run=run_db)
    commands = db.add_subparsers(
        dest="db_command", required=True, metavar=t("cli_command_metavar", lang), title=t("cli_commands", lang)
    )

    def command(name: str, key: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, parents=[common], help=t(key, lang), description=t(key, lang))

    command("init", "cli_help_db_init")
    upgrade = command("upgrade", "cli_help_db_upgrade")
    upgrade.add_argument("revision", nargs="?", default="head", help=t("cli_help_db_revision", lang))
    command("current", "cli_help_db_current")
    imp = command("import", "cli_help_db_import")
    imp.add_argument("folder", type=Path, help=t("cli_help_db_import_folder", lang))
    imp.add_argument("--author", default=DEFAULT_AUTHOR, help=t("cli_help_db_author", lang, author=DEFAULT_AUTHOR))
    exp = command("export", "cli_help_db_export")
    exp.add_argument("folder", type=Path, help=t("cli_help_db_export_folder", lang))


def run_db(args: argparse.Namespace) -> int:
    """Run one `db` subcommand: 0 on success, 1 when the data or the database says no, 2 on a bad invocation."""
    from hbeu_dash.store.select import normalise_url, store_url
    from hbeu_dash.store.sql_store import StoreUnavailable, mask_url

    lang = args.lang
    try:
        raw = args.url or store_url()
        url = normalise_url(raw) if raw else None
    except ValueError as exc:
        print(t("cli_db_bad_url", lang, why=exc), file=sys.stderr)
        return 2
    if url is None:
        print(t("cli_db_no_url", lang), file=sys.stderr)
        return 2
    run = {"init": _migrate, "upgrade": _migrate, "current": _current, "import": _import, "export": _export}
    try:
        return run[args.db_command](args, url)
    except StoreUnavailable as exc:
        print(t("cli_db_unavailable", lang, why=exc), file=sys.stderr)
        return 1
    except Exception as exc:  # the migrations connect on their own: name the database, never its password
        from sqlalchemy.exc import OperationalError

        if not isinstance(exc, OperationalError):
            raise
        first = str(exc.orig or exc).strip().splitlines()[0]
        print(t("cli_db_unavailable", lang, why=f"{mask_url(url)}: {first}"), file=sys.stderr)
        return 1


def _migrate(args: argparse.Namespace, url: str) -> int:
    """db init / db upgrade [REV]."""
    from hbeu_dash.store import migrations
    from hbeu_dash.store.sql_store import mask_url

    before = migrations.current(url) or t("cli_db_not_initialised", args.lang)
    migrations.upgrade(url, getattr(args, "revision", "head"))
    print(t("cli_db_migrated", args.lang, url=mask_url(url), before=before, after=migrations.current(url)))
    return 0


def _current(args: argparse.Namespace, url: str) -> int:
    """db current."""
    from hbeu_dash.store import migrations
    from hbeu_dash.store.sql_store import mask_url

    revision = migrations.current(url) or t("cli_db_not_initialised", args.lang)
    print(t("cli_db_current", args.lang, url=mask_url(url), revision=revision, head=migrations.head()))
    return 0


def _import(args: argparse.Namespace, url: str) -> int:
    """db import DIR: validate the whole folder first; then every table in one commit, audited as "import"."""
    from hbeu_dash.model.changes import ConflictError
    from hbeu_dash.store.sql_store import SqlStore

    lang = args.lang
    folder: Path = args.folder
    if not folder.is_dir():
        print(t("cli_not_a_folder", lang, folder=folder), file=sys.stderr)
        return 2
    result = read_dataset(folder)
    store = SqlStore(url)
    # The folder's archived texts that its sources cite go in with the tables; every row is proven against them
    # (or against texts the database already holds) before anything is written.
    archive = CsvStore(folder)
    cited = {sha for sha in source_texts(result.tables.get("sources")).values() if sha}
    carried = {sha: text for sha in sorted(cited) if (text := archive.source_text(sha)) is not None}
    problems = list(result.problems)
    if not problems:
        problems, _ = prove_tables(result.tables, lambda sha: carried.get(sha) or store.source_text(sha))
    if problems:
        print(t("cli_db_refused", lang, folder=folder), file=sys.stderr)
        print(DataError(problems).format(lang), file=sys.stderr)
        return 1
    files = {spec.name: (folder / spec.file).read_bytes() for spec in schema.TABLES}
    # A file that is not in data/'s form (BOM, CRLF, extra quotes) is stored as data/ would write it.
    normalised = [schema.TABLES_BY_NAME[n].file for n, data in files.items() if write_rows(*parse_rows(data)) != data]
    try:
        record = store.commit(
            files, store.data_version(), args.author, action="import", note=f"from {folder}", texts=carried
        )
    except ValueError as exc:
        print(t("cli_db_cannot_store", lang, why=exc), file=sys.stderr)
        return 1
    except ConflictError as exc:
        print(t("cli_db_conflict", lang, expected=exc.expected, actual=exc.actual), file=sys.stderr)
        return 1
    if normalised:
        print(t("cli_db_normalised", lang, files=", ".join(normalised)))
    if record is None:
        print(t("cli_db_no_change", lang, folder=folder))
        return 0
    counts = ", ".join(f"{name} {len(frame)}" for name, frame in result.tables.items())
    before, after = record.version_before, record.version_after
    print(
        t(
            "cli_db_imported",
            lang,
            folder=folder,
            counts=counts,
            commit_id=record.commit_id,
            before=before,
            after=after,
        )
    )
    return 0


def _cited_texts(sources: bytes) -> list[str]:
    """The sha256s a sources table's rows name."""
    if not sources:
        return []
    header, rows = parse_rows(sources)
    at = header.index("text_sha256") if "text_sha256" in header else None
    return [row[at] for row in rows if at is not None and at < len(row) and row[at]]


def _export(args: argparse.Namespace, url: str) -> int:
    """db export DIR: every present table from one snapshot, each file replaced atomically."""
    from hbeu_dash.store.durable import replace_file
    from hbeu_dash.store.sql_store import SqlStore

    lang = args.lang
    store = SqlStore(url)
    version, files = store.contents()
    if not files:
        print(t("cli_db_empty", lang), file=sys.stderr)
        return 1
    folder: Path = args.folder
    for table, content in files.items():
        path = folder / schema.TABLES_BY_NAME[table].file
        try:
            folder.mkdir(parents=True, exist_ok=True)
            replace_file(path, content)
        except OSError as exc:
            print(t("cli_cannot_write", lang, path=exc.filename or path, why=exc.strerror or exc), file=sys.stderr)
            return 1
    # The archived texts the sources cite go beside the tables (the folder's own archive, never into git).
    cited = set(_cited_texts(files.get("sources", b"")))
    found = [text for sha in sorted(cited) if (text := store.source_text(sha)) is not None]
    try:
        CsvStore(folder).add_texts(found)
    except OSError as exc:
        print(t("cli_cannot_write", lang, path=exc.filename or folder, why=exc.strerror or exc), file=sys.stderr)
        return 1
    # A table the database does not hold has no file in the export (an old one would come back on the next import).
    for spec in schema.TABLES:
        stale = folder / spec.file
        if spec.name not in files and stale.is_file():
            try:
                stale.unlink()
            except OSError as exc:
                print(t("cli_cannot_write", lang, path=stale, why=exc.strerror or exc), file=sys.stderr)
                return 1
    print(t("cli_db_exported", lang, count=len(files), folder=folder, version=version))
    return 0

"""The `db` command: python -m hbeu_dash db init | upgrade [REV] | current | import DIR | export DIR [--url URL].

`init` (or `upgrade`) runs the Alembic migrations once, before the servers start; `import` moves a validated CSV
folder into the database in one audited transaction; `export` writes the tables back as CSV files, byte for byte.
The URL defaults to the configured store (HBEU_STORE_URL, or [store] url in .streamlit/secrets.toml).
"""

import argparse
import sys
from pathlib import Path

from hbeu_dash.i18n import LANGS
from hbeu_dash.model import schema
from hbeu_dash.model.loaders import read_dataset
from hbeu_dash.model.problems import DataError
from hbeu_dash.model.verify import prove_tables, source_texts
from hbeu_dash.store.csv_store import CsvStore
from hbeu_dash.store.diff import parse_rows, write_rows

DEFAULT_AUTHOR = "db import"

# What the command prints, per language (--lang).
TEXTS = {
    "zh": {
        "no_url": "没有数据库地址：请用 --url，或设置 HBEU_STORE_URL，或在 .streamlit/secrets.toml 中写 [store] url",
        "bad_url": "数据库地址无效：{why}",
        "unavailable": "无法使用数据库：{why}",
        "migrated": "数据库 {url} 的结构版本：{before} → {after}",
        "current": "数据库 {url} 的结构版本：{revision}（最新：{head}）",
        "not_initialised": "未初始化",
        "not_a_folder": "不是文件夹：{folder}",
        "refused": "{folder} 中的数据有问题，未导入，数据库未改动：",
        "cannot_store": "无法导入，数据库未改动：{why}",
        "normalised": "注意：{files} 已按 data/ 的格式规范化（UTF-8、无 BOM、LF、最少引号）；导出时内容相同、字节不同",
        "imported": "已导入 {folder}（{counts}）：提交 {commit_id}，数据版本 {before} → {after}",
        "no_change": "没有变化：数据库中的表与 {folder} 相同，未写入任何内容",
        "conflict": "导入被拒绝：导入期间数据已变化（原为 {expected}，现在为 {actual}）；请重试",
        "empty": "数据库中没有任何表（先运行 db init 和 db import）",
        "exported": "已将 {count} 个文件写入 {folder}（数据版本 {version}）",
        "cannot_write": "无法写入 {path}：{why}",
    },
    "en": {
        "no_url": "no database URL: give --url, or set HBEU_STORE_URL, or [store] url in .streamlit/secrets.toml",
        "bad_url": "the database URL is not valid: {why}",
        "unavailable": "the database cannot be used: {why}",
        "migrated": "schema of {url}: revision {before} → {after}",
        "current": "schema of {url}: revision {revision} (newest: {head})",
        "not_initialised": "not initialised",
        "not_a_folder": "not a folder: {folder}",
        "refused": "the data in {folder} has problems; nothing imported, the database is unchanged:",
        "cannot_store": "cannot import; the database is unchanged: {why}",
        "normalised": "note: {files} normalised to the form of data/ (UTF-8, no BOM, LF, minimal quoting); an export "
        "gives the same cells, other bytes",
        "imported": "imported {folder} ({counts}): commit {commit_id}, data version {before} → {after}",
        "no_change": "nothing changes: the database tables equal {folder}; nothing was written",
        "conflict": "import refused: the data changed during the import (was {expected}, now {actual}); retry",
        "empty": "the database holds no tables (run db init, then db import)",
        "exported": "wrote {count} files to {folder} (data version {version})",
        "cannot_write": "cannot write {path}: {why}",
    },
}


def add_db_parser(sub: argparse._SubParsersAction) -> None:
    """The `db` command and its subcommands."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--url", help="database URL (default: HBEU_STORE_URL or [store] url of the secrets)")
    # SUPPRESS: without --lang here, `python -m hbeu_dash --lang zh db ...` keeps the global choice.
    common.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help="language of the messages")
    db = sub.add_parser("db", help="the PostgreSQL store: migrations, import from and export to a CSV folder")
    commands = db.add_subparsers(dest="db_command", required=True)
    commands.add_parser("init", parents=[common], help="create or migrate the schema to the newest revision")
    upgrade = commands.add_parser("upgrade", parents=[common], help="migrate the schema to REV (default: newest)")
    upgrade.add_argument("revision", nargs="?", default="head", help="Alembic revision (default: head)")
    commands.add_parser("current", parents=[common], help="print the schema revision of the database")
    imp = commands.add_parser("import", parents=[common], help="validate a CSV folder, load it in one transaction")
    imp.add_argument("folder", type=Path, help="a folder holding every table's CSV file (like data/)")
    imp.add_argument("--author", default=DEFAULT_AUTHOR, help=f"recorded in the audit log (default: {DEFAULT_AUTHOR})")
    exp = commands.add_parser("export", parents=[common], help="write every table as a CSV file into a folder")
    exp.add_argument("folder", type=Path, help="the folder to write (created if needed; files replaced atomically)")


def run_db(args: argparse.Namespace) -> int:
    """Run one `db` subcommand: 0 on success, 1 when the data or the database says no, 2 on a bad invocation."""
    from hbeu_dash.store.select import normalise_url, store_url
    from hbeu_dash.store.sql_store import StoreUnavailable, mask_url

    texts = TEXTS[args.lang]
    try:
        raw = args.url or store_url()
        url = normalise_url(raw) if raw else None
    except ValueError as exc:
        print(texts["bad_url"].format(why=exc), file=sys.stderr)
        return 2
    if url is None:
        print(texts["no_url"], file=sys.stderr)
        return 2
    run = {"init": _migrate, "upgrade": _migrate, "current": _current, "import": _import, "export": _export}
    try:
        return run[args.db_command](args, url, texts)
    except StoreUnavailable as exc:
        print(texts["unavailable"].format(why=exc), file=sys.stderr)
        return 1
    except Exception as exc:  # the migrations connect on their own: name the database, never its password
        from sqlalchemy.exc import OperationalError

        if not isinstance(exc, OperationalError):
            raise
        first = str(exc.orig or exc).strip().splitlines()[0]
        print(texts["unavailable"].format(why=f"{mask_url(url)}: {first}"), file=sys.stderr)
        return 1


def _migrate(args: argparse.Namespace, url: str, texts: dict[str, str]) -> int:
    """db init / db upgrade [REV]."""
    from hbeu_dash.store import migrations
    from hbeu_dash.store.sql_store import mask_url

    before = migrations.current(url) or texts["not_initialised"]
    migrations.upgrade(url, getattr(args, "revision", "head"))
    print(texts["migrated"].format(url=mask_url(url), before=before, after=migrations.current(url)))
    return 0


def _current(args: argparse.Namespace, url: str, texts: dict[str, str]) -> int:
    """db current."""
    from hbeu_dash.store import migrations
    from hbeu_dash.store.sql_store import mask_url

    revision = migrations.current(url) or texts["not_initialised"]
    print(texts["current"].format(url=mask_url(url), revision=revision, head=migrations.head()))
    return 0


def _import(args: argparse.Namespace, url: str, texts: dict[str, str]) -> int:
    """db import DIR: validate the whole folder first; then every table in one commit, audited as "import"."""
    from hbeu_dash.store import ConflictError
    from hbeu_dash.store.sql_store import SqlStore

    folder: Path = args.folder
    if not folder.is_dir():
        print(texts["not_a_folder"].format(folder=folder), file=sys.stderr)
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
        print(texts["refused"].format(folder=folder), file=sys.stderr)
        print(DataError(problems).format(args.lang), file=sys.stderr)
        return 1
    files = {spec.name: (folder / spec.file).read_bytes() for spec in schema.TABLES}
    normalised = [schema.TABLES_BY_NAME[t].file for t, b in files.items() if write_rows(*parse_rows(b)) != b]
    try:
        record = store.commit(
            files, store.data_version(), args.author, action="import", note=f"from {folder}", texts=carried
        )
    except ValueError as exc:
        print(texts["cannot_store"].format(why=exc), file=sys.stderr)
        return 1
    except ConflictError as exc:
        print(texts["conflict"].format(expected=exc.expected, actual=exc.actual), file=sys.stderr)
        return 1
    if normalised:
        print(texts["normalised"].format(files=", ".join(normalised)))
    if record is None:
        print(texts["no_change"].format(folder=folder))
        return 0
    counts = ", ".join(f"{name} {len(frame)}" for name, frame in result.tables.items())
    print(
        texts["imported"].format(
            folder=folder,
            counts=counts,
            commit_id=record.commit_id,
            before=record.version_before,
            after=record.version_after,
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


def _export(args: argparse.Namespace, url: str, texts: dict[str, str]) -> int:
    """db export DIR: every present table from one snapshot, each file replaced atomically."""
    from hbeu_dash.store.durable import replace_file
    from hbeu_dash.store.sql_store import SqlStore

    store = SqlStore(url)
    version, files = store.contents()
    if not files:
        print(texts["empty"], file=sys.stderr)
        return 1
    folder: Path = args.folder
    for table, content in files.items():
        path = folder / schema.TABLES_BY_NAME[table].file
        try:
            folder.mkdir(parents=True, exist_ok=True)
            replace_file(path, content)
        except OSError as exc:
            print(texts["cannot_write"].format(path=exc.filename or path, why=exc.strerror or exc), file=sys.stderr)
            return 1
    # The archived texts the sources cite go beside the tables (the folder's own archive, never into git).
    cited = set(_cited_texts(files.get("sources", b"")))
    found = [text for sha in sorted(cited) if (text := store.source_text(sha)) is not None]
    try:
        CsvStore(folder).add_texts(found)
    except OSError as exc:
        print(texts["cannot_write"].format(path=exc.filename or folder, why=exc.strerror or exc), file=sys.stderr)
        return 1
    # A table the database does not hold has no file in the export (an old one would come back on the next import).
    for spec in schema.TABLES:
        stale = folder / spec.file
        if spec.name not in files and stale.is_file():
            try:
                stale.unlink()
            except OSError as exc:
                print(texts["cannot_write"].format(path=stale, why=exc.strerror or exc), file=sys.stderr)
                return 1
    print(texts["exported"].format(count=len(files), folder=folder, version=version))
    return 0

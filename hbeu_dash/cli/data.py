"""`hbeu validate`, `hbeu verify-sources`, `hbeu fill-archive`: the data valid, every row proven against its own
source's archived text, and the archive filled from folders of texts (a cache fill, no data change)."""

import argparse
import sys
from pathlib import Path

from hbeu_dash.i18n import LANGS, t
from hbeu_dash.model.problems import DataError
from hbeu_dash.store import Store


def add_parsers(sub: argparse._SubParsersAction, lang: str) -> None:
    """The three commands' options."""
    validate = sub.add_parser("validate", help=t("cli_help_validate", lang), description=t("cli_help_validate", lang))
    validate.set_defaults(run=run_check)
    verify = sub.add_parser("verify-sources", help=t("cli_help_verify", lang), description=t("cli_help_verify", lang))
    verify.add_argument("folder", type=Path, nargs="*", help=t("cli_help_verify_folder", lang))
    verify.set_defaults(run=run_check)
    fill = sub.add_parser("fill-archive", help=t("cli_help_fill", lang), description=t("cli_help_fill", lang))
    fill.add_argument("folder", type=Path, nargs="*", help=t("cli_help_fill_folder", lang))
    for command in (validate, verify, fill):  # --lang after the command too, as every other command takes it
        command.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=t("cli_help_messages_lang", lang))
    fill.set_defaults(run=run_fill)


def selected_store(args: argparse.Namespace) -> Store:
    """The store a command reads and writes: the CSV folder --data names, else the configured store (PostgreSQL when
    a store URL is set, else data/), what the app reads and writes."""
    from hbeu_dash.store import CsvStore, open_store

    return CsvStore(args.data) if args.data_given else open_store()


def run_fill(args: argparse.Namespace) -> int:
    """`fill-archive`: the folders' texts into the store's archive; folders that are not there are passed over."""
    from hbeu_dash.paths import SOURCE_TEXT_DIRS
    from hbeu_dash.store import StoreUnavailable
    from hbeu_dash.store.archive import fill_archive

    folders = [f for f in (args.folder or SOURCE_TEXT_DIRS) if f.is_dir()]
    try:
        added, present = fill_archive(selected_store(args), folders)
    except StoreUnavailable as exc:
        print(t("cli_cannot_read_store", args.lang, why=exc), file=sys.stderr)
        return 1
    names = ", ".join(map(str, folders)) or "-"
    print(t("cli_filled", args.lang, added=added, present=present, folders=names))
    return 0


def run_check(args: argparse.Namespace) -> int:
    """`validate` and `verify-sources`: the tables valid, and every row proven against its own source's text.

    `verify-sources DIR ...` first fills the archive from the folders' texts (a cache fill, not a data commit).
    Exit 0 when all is well, 1 on a problem, 2 on a bad folder or store setting.
    """
    from hbeu_dash.model.verify import prove_tables
    from hbeu_dash.store import StoreUnavailable
    from hbeu_dash.store.archive import fill_archive

    lang = args.lang
    folders = getattr(args, "folder", []) or []
    for folder in folders:
        if not folder.is_dir():
            print(t("cli_not_a_folder", lang, folder=folder), file=sys.stderr)
            return 2
    try:
        store = selected_store(args)
        if folders:
            added, present = fill_archive(store, folders)
            print(t("cli_filled", lang, added=added, present=present, folders=", ".join(map(str, folders))))
        result = store.read()[1]
        if result.problems:
            print(DataError(result.problems).format(lang), file=sys.stderr)
            return 1
        problems, checked = prove_tables(result.tables, store.source_text)
    except StoreUnavailable as exc:
        print(t("cli_cannot_read_store", lang, why=exc), file=sys.stderr)
        return 1
    except ValueError as exc:  # the store setting is wrong (an unknown scheme, a broken secrets file)
        print(t("cli_bad_store", lang, why=exc), file=sys.stderr)
        return 2
    if problems:
        print(DataError(problems).format(lang), file=sys.stderr)
        return 1
    if args.command == "validate":
        counts = ", ".join(f"{name} {len(frame)}" for name, frame in result.tables.items())
        print(t("cli_valid", lang, counts=counts))
    print(t("cli_all_proven", lang, checked=checked, sources=len(result.tables["sources"])))
    return 0

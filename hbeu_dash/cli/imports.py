"""`hbeu import` and `hbeu attach-text`: an upload (a CSV, or a workbook of several tables) or a source's text,
validated, previewed and, with --commit, committed through the same lock, history and audit log as the app."""

import argparse
import sys
from pathlib import Path

from hbeu_dash.i18n import LANGS, t
from hbeu_dash.model.problems import DataError


def add_parsers(sub: argparse._SubParsersAction, lang: str) -> None:
    """The `import` and `attach-text` commands' options."""
    from hbeu_dash.intake.changeset import UPLOAD_TABLES

    imp = sub.add_parser("import", help=t("cli_help_import", lang), description=t("cli_help_import", lang))
    imp.add_argument("file", type=Path, help=t("cli_help_import_file", lang, tables=", ".join(UPLOAD_TABLES)))
    imp.add_argument("--table", choices=UPLOAD_TABLES, help=t("cli_help_import_table", lang))
    _add_commit_options(imp, lang)
    imp.add_argument(
        "--text", action="append", default=[], metavar="SOURCE_ID=FILE", help=t("cli_help_import_text", lang)
    )
    _add_text_options(imp, lang)
    imp.set_defaults(run=run_import)
    att = sub.add_parser("attach-text", help=t("cli_help_attach", lang), description=t("cli_help_attach", lang))
    att.add_argument("source_id", help=t("cli_help_attach_source", lang))
    att.add_argument("text_file", type=Path, help=t("cli_help_attach_file", lang))
    _add_commit_options(att, lang)
    _add_text_options(att, lang)
    att.set_defaults(run=run_import)


def _add_commit_options(parser: argparse.ArgumentParser, lang: str) -> None:
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--dry-run", action="store_true", help=t("cli_help_dry_run", lang))
    mode.add_argument("--commit", action="store_true", help=t("cli_help_commit", lang))
    parser.add_argument("--author", help=t("cli_help_author", lang))
    # SUPPRESS: without --lang here, `hbeu --lang zh import ...` keeps the global choice.
    parser.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=t("cli_help_messages_lang", lang))


def _add_text_options(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("--retrieved", default="", help=t("cli_help_retrieved", lang))
    parser.add_argument("--retrieved-from", default="", help=t("cli_help_retrieved_from", lang))


def _attachments(args: argparse.Namespace) -> tuple[list, int | None]:
    """The texts named on the command line, read and checked; (attachments, exit code or None)."""
    from hbeu_dash.intake.source_text import read_source_file
    from hbeu_dash.model.changes import Attachment
    from hbeu_dash.model.problems import describe
    from hbeu_dash.model.source_text import TextRefused

    lang = args.lang
    pairs = [(args.source_id, args.text_file)] if args.command == "attach-text" else []
    for option in getattr(args, "text", []):
        source_id, sep, path = option.partition("=")
        if not sep or not source_id or not path:
            print(t("cli_bad_text_option", lang, value=option), file=sys.stderr)
            return [], 2
        pairs.append((source_id.strip(), Path(path)))
    found = []
    for source_id, path in pairs:
        try:
            text = read_source_file(path.name, path.read_bytes())
        except OSError as exc:
            print(t("cli_cannot_read", lang, path=path, why=exc.strerror or exc), file=sys.stderr)
            return [], 2
        except TextRefused as exc:
            why = describe(exc.code, lang, **exc.params)
            print(t("cli_text_refused", lang, path=path, why=why), file=sys.stderr)
            return [], 1
        found.append(Attachment(source_id, text, args.retrieved, args.retrieved_from))
    return found, None


def run_import(args: argparse.Namespace) -> int:
    """Preview (and with --commit, commit) an upload through the same validation, lock, history and audit log as
    the app. Exit 0 on success or when nothing changes, 1 on problems or a conflict, 2 on a bad invocation."""
    from filelock import Timeout

    from hbeu_dash.cli.data import selected_store
    from hbeu_dash.cli.preview import print_preview
    from hbeu_dash.intake.changeset import attach_texts, prepare, rows_from_upload, rows_from_workbook
    from hbeu_dash.intake.uploads import OLE_MAGIC, ZIP_MAGIC, read_upload, read_workbook
    from hbeu_dash.model.changes import ConflictError
    from hbeu_dash.store.sql_store import StoreUnavailable
    from hbeu_dash.views.entry import preview_view

    lang = args.lang
    if args.commit and not (args.author or "").strip():
        print(t("cli_needs_author", lang), file=sys.stderr)
        return 2
    attachments, code = _attachments(args)
    if code is not None:
        return code
    if args.command == "attach-text":
        label, proposals, problems = args.text_file.name, {}, []
    else:
        try:
            content = args.file.read_bytes()
        except OSError as exc:
            print(t("cli_cannot_read", lang, path=args.file, why=exc.strerror or exc), file=sys.stderr)
            return 2
        if args.table is None and not content.startswith((ZIP_MAGIC, OLE_MAGIC)):
            print(t("cli_needs_table", lang, path=args.file), file=sys.stderr)
            return 2
        try:
            if args.table is None:
                book = rows_from_workbook(args.file.name, read_workbook(args.file.name, content))
            else:
                upload = read_upload(args.file.name, content)
        except DataError as exc:
            print(exc.format(lang), file=sys.stderr)
            return 1
        if args.table is None:
            label, proposals, problems = dict(book.labels), book.proposals, book.problems
            if book.ignored:
                print(t("cli_ignored_columns", lang, columns=", ".join(book.ignored)))
        else:
            rows, problems = rows_from_upload(args.table, upload)
            label, proposals = upload.name, {args.table: rows}
    try:
        store = selected_store(args)
    except ValueError as exc:
        print(t("cli_bad_store", lang, why=exc), file=sys.stderr)
        return 2
    # Problems of the texts name the sources' sheet, or the data's sources.csv when the workbook has none.
    text_label = label if isinstance(label, str) else label.get("sources", "sources.csv")
    try:
        proposals, attached, found = attach_texts(proposals, attachments, store.file_bytes("sources"), text_label)
        if not isinstance(label, str):
            label.setdefault("sources", text_label)
        preview = prepare(store, proposals, label, [*problems, *found], texts=attached)
    except StoreUnavailable as exc:
        print(t("cli_store_unavailable", lang, why=exc), file=sys.stderr)
        return 1
    if preview.problems:
        print(DataError(preview.problems).format(lang), file=sys.stderr)
        return 1
    print_preview(preview_view(preview, lang, None if isinstance(label, str) else label), lang)
    if not preview.changes_anything:
        print(t("cli_no_change", lang))
        return 0
    if not args.commit:
        print(t("cli_dry_run_ok", lang))
        return 0
    try:
        record = store.commit(preview.files, preview.version, args.author, texts=preview.texts)
    except ConflictError as exc:
        print(t("cli_conflict", lang, expected=exc.expected, actual=exc.actual), file=sys.stderr)
        return 1
    except Timeout:
        print(t("cli_locked", lang, folder=store.key), file=sys.stderr)
        return 1
    except StoreUnavailable as exc:
        print(t("cli_store_unavailable", lang, why=exc), file=sys.stderr)
        return 1
    except OSError as exc:
        path = exc.filename or store.key
        print(t("cli_cannot_write", lang, path=path, why=exc.strerror or exc), file=sys.stderr)
        return 1
    if record is None:
        print(t("cli_no_change", lang))
        return 0
    before, after = record.version_before, record.version_after
    print(t("cli_committed", lang, commit_id=record.commit_id, author=record.author, before=before, after=after))
    return 0

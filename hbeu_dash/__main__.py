"""Command line: python -m hbeu_dash validate | verify-sources [DIR ...] | briefing ... | import FILE [--table T]
[--text SOURCE=FILE] ... | attach-text SOURCE FILE ... | extract ARTICLE --published DATE | add-user NAME |
db init|upgrade|current|import DIR|export DIR."""

import argparse
import sys
from pathlib import Path

from hbeu_dash.auth_cli import add_add_user_parser, run_add_user
from hbeu_dash.db_cli import add_db_parser, run_db
from hbeu_dash.i18n import LANGS
from hbeu_dash.intake.extract.cli import add_extract_parser, run_extract
from hbeu_dash.model import schema
from hbeu_dash.model.problems import DataError
from hbeu_dash.model.verify import prove_tables
from hbeu_dash.paths import DATA_DIR
from hbeu_dash.store import Store
from hbeu_dash.views.filters import parse_query_params

# What the commands print, per language (--lang).
TEXTS = {
    "zh": {
        "valid": "数据有效：{counts}",
        "not_a_folder": "不是文件夹：{folder}",
        "all_proven": "全部 {checked} 行的 evidence 均逐字出现在各自来源的存档原文中（{sources} 个来源）",
        "filled": "存档原文：从 {folders} 新增 {added} 篇，已有 {present} 篇",
        "no_texts": "没有存档原文的来源：{ids}",
        "text_refused": "{path}：{why}",
        "bad_text_option": "--text 应写作 来源编号=文件，而不是 {value!r}",
        "bad_option": "--{name}：{value!r} 无效；可用：{allowed}",
        "nothing_selected": "--city 或 --sector 为 none：简报没有内容可写",
        "broken_data": "警告：数据有问题，简报不含受影响的部分：",
        "wrote": "已写入 {path}（{seconds:.1f} 秒）",
        "pdf_failed": "PDF 未能生成：{why}",
        "cannot_write": "无法写入 {path}：{why}",
        "cannot_read": "无法读取 {path}：{why}",
        "preview": "预览（数据版本 {version}）：新增 {new} 行，修改 {changed} 行，相同 {same} 行",
        "preview_row_new": "  新增 第 {row} 行 {key}",
        "preview_row_changed": "  修改 第 {row} 行 {key}：{diff}",
        "preview_table": " {label}：",
        "preview_indicator": "    {name_zh} / {name_en}（{unit_zh} / {unit_en}；{sector}；{measure}）",
        "ignored_columns": "已略过助手的评分列（不写入数据）：{columns}",
        "needs_table": "{path} 不是 .xlsx 工作簿：CSV 请用 --table 指明表；工作簿的每个工作表以表名命名",
        "new_conflicts": "提交后将出现 {count} 组新的数值冲突：",
        "new_stage_conflicts": "提交后将出现新的项目阶段分歧：{ids}",
        "failing_identities": "提交后以下恒等关系将不成立：{ids}",
        "no_change": "没有变化：与现有数据相同，未写入任何内容",
        "committed": "已提交 {commit_id}（作者 {author}）：数据版本 {before} → {after}",
        "conflict": "提交被拒绝：预览后数据已变化（预览时为 {expected}，现在为 {actual}）；请重新预览",
        "dry_run_ok": "试运行：没有问题；加 --commit --author 姓名 即可提交",
        "needs_author": "--commit 需要 --author 姓名",
        "locked": "提交未完成：{folder} 正被另一次提交锁定超过 30 秒；未写入任何内容，请稍后重试",
        "unavailable": "无法使用数据存储，未写入任何内容：{why}",
        "cannot_read_store": "无法读取数据存储：{why}",
        "bad_store": "数据存储设置无效：{why}",
    },
    "en": {
        "valid": "data valid: {counts}",
        "not_a_folder": "not a folder: {folder}",
        "all_proven": "all {checked} rows' evidence stands word for word in their own source's archived text "
        "({sources} sources)",
        "filled": "source archive: {added} text(s) added from {folders}, {present} already there",
        "no_texts": "sources without an archived text: {ids}",
        "text_refused": "{path}: {why}",
        "bad_text_option": "--text takes SOURCE_ID=FILE, not {value!r}",
        "bad_option": "--{name}: {value!r} is not valid; use {allowed}",
        "nothing_selected": "--city or --sector is none: the briefing would have nothing in it",
        "broken_data": "warning: the data has problems; the briefing leaves out the parts they affect:",
        "wrote": "wrote {path} ({seconds:.1f} s)",
        "pdf_failed": "the PDF could not be made: {why}",
        "cannot_write": "cannot write {path}: {why}",
        "cannot_read": "cannot read {path}: {why}",
        "preview": "preview (data version {version}): {new} new row(s), {changed} changed, {same} identical",
        "preview_row_new": "  new     row {row} {key}",
        "preview_row_changed": "  changed row {row} {key}: {diff}",
        "preview_table": " {label}:",
        "preview_indicator": "    {name_zh} / {name_en} ({unit_zh} / {unit_en}; {sector}; {measure})",
        "ignored_columns": "read past the assistant's score column(s), not stored: {columns}",
        "needs_table": "{path} is not an .xlsx workbook: give a CSV's table with --table; a workbook names each "
        "sheet after its table",
        "new_conflicts": "committing would add {count} new conflict group(s) between figures:",
        "new_stage_conflicts": "committing would add project stage disagreements: {ids}",
        "failing_identities": "committing would break these identities: {ids}",
        "no_change": "nothing changes: the rows equal the current data; nothing was written",
        "committed": "committed {commit_id} (author {author}): data version {before} → {after}",
        "conflict": "commit refused: the data changed after the preview (was {expected}, now {actual}); preview again",
        "dry_run_ok": "dry run: no problems; add --commit --author NAME to commit",
        "needs_author": "--commit needs --author NAME",
        "locked": "not committed: another commit has held the lock on {folder} for 30 s; nothing was written, retry",
        "unavailable": "the data store cannot be used; nothing was written: {why}",
        "cannot_read_store": "the data store cannot be read: {why}",
        "bad_store": "the data store setting is not valid: {why}",
    },
}


def main(argv: list[str] | None = None) -> int:
    """Run one command; return the process exit code."""
    parser = argparse.ArgumentParser(prog="python -m hbeu_dash", description=__doc__)
    parser.add_argument(
        "--data", type=Path, help="data folder (default: the configured store: PostgreSQL if set, else data/)"
    )
    parser.add_argument("--lang", choices=tuple(TEXTS), default="en", help="language of the messages")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="validate every table of the configured store (or of --data DIR)")
    verify = sub.add_parser("verify-sources", help="prove every row's evidence against its own source's archived text")
    verify.add_argument(
        "folder",
        type=Path,
        nargs="*",
        help="folders of source texts to fill the archive from first (e.g. ../shared/seeds ../shared/sources)",
    )
    add_attach_text_parser(sub)
    fill = sub.add_parser(
        "fill-archive", help="put reference texts into the store's source archive (a cache fill, no data change)"
    )
    fill.add_argument(
        "folder", type=Path, nargs="*", help="folders of .txt texts (default: ../shared/seeds and ../shared/sources)"
    )
    add_briefing_parser(sub)
    add_import_parser(sub)
    add_add_user_parser(sub)
    add_extract_parser(sub)
    add_db_parser(sub)
    args = parser.parse_args(argv)
    # Without --data, every command but `extract` uses the configured store (PostgreSQL when set, else data/).
    args.data_given, args.data = args.data is not None, args.data or DATA_DIR
    texts = TEXTS[args.lang]
    if args.command == "add-user":
        return run_add_user(args)
    if args.command == "extract":
        return run_extract(args)
    if args.command == "briefing":
        return run_briefing(args, texts)
    if args.command == "import":
        return run_import(args, texts)
    if args.command == "db":
        return run_db(args)
    if args.command == "attach-text":
        return run_import(args, texts)
    if args.command == "fill-archive":
        return run_fill(args, texts)
    return run_check(args, texts)


def run_fill(args: argparse.Namespace, texts: dict[str, str]) -> int:
    """`fill-archive`: the folders' texts into the store's archive; folders that are not there are passed over."""
    from hbeu_dash.paths import SOURCE_TEXT_DIRS
    from hbeu_dash.store import CsvStore, StoreUnavailable
    from hbeu_dash.store.archive import fill_archive

    folders = [f for f in (args.folder or SOURCE_TEXT_DIRS) if f.is_dir()]
    try:
        store = CsvStore(args.data) if args.data_given else _selected_store()
        added, present = fill_archive(store, folders)
    except StoreUnavailable as exc:
        print(texts["cannot_read_store"].format(why=exc), file=sys.stderr)
        return 1
    print(texts["filled"].format(added=added, present=present, folders=", ".join(map(str, folders)) or "-"))
    return 0


def run_check(args: argparse.Namespace, texts: dict[str, str]) -> int:
    """`validate` and `verify-sources`: the tables valid, and every row proven against its own source's text.

    `verify-sources DIR ...` first fills the archive from the folders' texts (a cache fill, not a data commit).
    Exit 0 when all is well, 1 on a problem, 2 on a bad folder or store setting.
    """
    from hbeu_dash.store import CsvStore, StoreUnavailable
    from hbeu_dash.store.archive import fill_archive

    folders = getattr(args, "folder", []) or []
    for folder in folders:
        if not folder.is_dir():
            print(texts["not_a_folder"].format(folder=folder), file=sys.stderr)
            return 2
    try:
        store = CsvStore(args.data) if args.data_given else _selected_store()
        if folders:
            added, present = fill_archive(store, folders)
            print(texts["filled"].format(added=added, present=present, folders=", ".join(map(str, folders))))
        result = store.read()[1]
        if result.problems:
            print(DataError(result.problems).format(args.lang), file=sys.stderr)
            return 1
        problems, checked = prove_tables(result.tables, store.source_text)
    except StoreUnavailable as exc:
        print(texts["cannot_read_store"].format(why=exc), file=sys.stderr)
        return 1
    except ValueError as exc:  # the store setting is wrong (an unknown scheme, a broken secrets file)
        print(texts["bad_store"].format(why=exc), file=sys.stderr)
        return 2
    if problems:
        print(DataError(problems).format(args.lang), file=sys.stderr)
        return 1
    if args.command == "validate":
        counts = ", ".join(f"{name} {len(frame)}" for name, frame in result.tables.items())
        print(texts["valid"].format(counts=counts))
    print(texts["all_proven"].format(checked=checked, sources=len(result.tables["sources"])))
    return 0


def add_briefing_parser(sub: argparse._SubParsersAction) -> None:
    """The `briefing` command's options."""
    brief = sub.add_parser("briefing", help="write the offline briefing: one self-contained HTML file, and a PDF")
    # SUPPRESS: without --lang here, `python -m hbeu_dash --lang zh briefing ...` keeps the global choice.
    brief.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help="language of the briefing")
    brief.add_argument("--city", help=f"comma list of {', '.join(schema.CITY_IDS)} (default: all)")
    brief.add_argument("--sector", help="comma list of sector ids, e.g. transport,digital (default: all)")
    brief.add_argument(
        "--html", type=Path, required=True, help="HTML file to write, or a folder (then hbeu-briefing-<lang>-<v>.html)"
    )
    brief.add_argument("--pdf", type=Path, help="PDF file (or folder) to write too, printed by /usr/bin/chromium")


def _target(path: Path, name: str) -> Path:
    """The file to write: `path`, or the file `name` inside it when it is a folder."""
    return path / name if path.is_dir() else path


def run_briefing(args: argparse.Namespace, texts: dict[str, str]) -> int:
    """Write the briefing of the chosen cities and sectors; 2 on a bad option, 1 when a file cannot be made.

    Broken data files do not stop it: like the app, it leaves out what they affect, says so on its title page,
    and prints the problems here.
    """
    from hbeu_dash.documents.briefing.build import build_briefing_files
    from hbeu_dash.views.scope import load_scope

    params = {"lang": args.lang} | {k: v for k, v in (("city", args.city), ("sector", args.sector)) if v is not None}
    filters, notices = parse_query_params(params)
    if notices:
        allowed = {"city": schema.CITY_IDS, "sector": schema.SECTORS}
        for n in notices:
            names = ", ".join(allowed.get(n.name, ()))
            print(texts["bad_option"].format(name=n.name, value=n.value, allowed=names), file=sys.stderr)
        return 2
    if filters.is_empty:
        print(texts["nothing_selected"], file=sys.stderr)
        return 2
    try:
        scope = load_scope(args.data if args.data_given else _selected_store(), filters)
    except ValueError as exc:
        print(texts["bad_store"].format(why=exc), file=sys.stderr)
        return 2
    if scope.result.problems:
        print(texts["broken_data"], file=sys.stderr)
        print(DataError(scope.result.problems).format(args.lang), file=sys.stderr)
    files = build_briefing_files(scope, pdf=args.pdf is not None)
    outputs = [(_target(args.html, files.html_name), files.html, files.html_seconds)]
    if args.pdf is not None and files.pdf is not None:
        outputs.append((_target(args.pdf, files.pdf_name), files.pdf, files.pdf_seconds or 0.0))
    for path, content, seconds in outputs:
        try:
            path.write_bytes(content)
        except OSError as exc:
            print(texts["cannot_write"].format(path=path, why=exc.strerror or exc), file=sys.stderr)
            return 1
        print(texts["wrote"].format(path=path, seconds=seconds))
    if files.pdf_error is not None:
        print(texts["pdf_failed"].format(why=files.pdf_error), file=sys.stderr)
        return 1
    return 0


def add_import_parser(sub: argparse._SubParsersAction) -> None:
    """The `import` command's options."""
    from hbeu_dash.intake.changeset import UPLOAD_TABLES

    imp = sub.add_parser(
        "import",
        help="validate a CSV/.xlsx of new rows (or a workbook of several tables), preview it, commit it (audited)",
    )
    imp.add_argument(
        "file",
        type=Path,
        help="the CSV (UTF-8, GB18030, UTF-16) or .xlsx file; without --table an .xlsx whose sheets are each named "
        f"after a table ({', '.join(UPLOAD_TABLES)}), all of them one change set and one commit",
    )
    imp.add_argument(
        "--table",
        choices=UPLOAD_TABLES,
        help="the table the rows belong to (a CSV, or an .xlsx's first sheet); leave it out for a workbook",
    )
    mode = imp.add_mutually_exclusive_group()
    mode.add_argument("--dry-run", action="store_true", help="print the preview or the problems (the default)")
    mode.add_argument("--commit", action="store_true", help="write the rows (needs --author)")
    imp.add_argument("--author", help="who commits, recorded in the audit log")
    imp.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help="language of the messages")
    imp.add_argument(
        "--text",
        action="append",
        default=[],
        metavar="SOURCE_ID=FILE",
        help="attach this source's text (.txt, .html, .pdf) in the same commit; the rows are proven against it",
    )
    _add_text_options(imp)


def _add_text_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--retrieved", default="", help="the day the text was read (YYYY-MM-DD; default today)")
    parser.add_argument("--retrieved-from", default="", help="the address it was read at, when not the source's url")


def add_attach_text_parser(sub: argparse._SubParsersAction) -> None:
    """The `attach-text` command: a source's text archived and named by its row, in one audited commit."""
    att = sub.add_parser("attach-text", help="attach a source's text (.txt, .html, .pdf) to it (audited commit)")
    att.add_argument("source_id", help="the source (a source_id of sources.csv)")
    att.add_argument("text_file", type=Path, help="the text: .txt, .html (its article is kept) or a text .pdf")
    mode = att.add_mutually_exclusive_group()
    mode.add_argument("--dry-run", action="store_true", help="print the preview or the problems (the default)")
    mode.add_argument("--commit", action="store_true", help="write (needs --author)")
    att.add_argument("--author", help="who commits, recorded in the audit log")
    att.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help="language of the messages")
    _add_text_options(att)


def _attachments(args: argparse.Namespace, texts: dict[str, str]):
    """The texts named on the command line, read and checked; (attachments, exit code or None)."""
    from hbeu_dash.intake.changeset import Attachment
    from hbeu_dash.intake.source_text import read_source_file
    from hbeu_dash.model.problems import LANG_INDEX, MESSAGES
    from hbeu_dash.store.archive import TextRefused

    pairs = [(args.source_id, args.text_file)] if args.command == "attach-text" else []
    for option in getattr(args, "text", []):
        source_id, sep, path = option.partition("=")
        if not sep or not source_id or not path:
            print(texts["bad_text_option"].format(value=option), file=sys.stderr)
            return [], 2
        pairs.append((source_id.strip(), Path(path)))
    found = []
    for source_id, path in pairs:
        try:
            text = read_source_file(path.name, path.read_bytes())
        except OSError as exc:
            print(texts["cannot_read"].format(path=path, why=exc.strerror or exc), file=sys.stderr)
            return [], 2
        except TextRefused as exc:
            why = MESSAGES[exc.code][LANG_INDEX[args.lang]].format(**exc.params)
            print(texts["text_refused"].format(path=path, why=why), file=sys.stderr)
            return [], 1
        found.append(Attachment(source_id, text, args.retrieved, args.retrieved_from))
    return found, None


def _selected_store() -> Store:
    """The configured store (PostgreSQL when a store URL is set, else data/): what the app reads and writes."""
    from hbeu_dash.store import open_store

    return open_store()


def run_import(args: argparse.Namespace, texts: dict[str, str]) -> int:
    """Preview (and with --commit, commit) an upload through the same validation, lock, history and audit log as
    the app. Exit 0 on success or when nothing changes, 1 on problems or a conflict, 2 on a bad invocation."""
    from filelock import Timeout

    from hbeu_dash.intake.changeset import attach_texts, prepare, rows_from_upload, rows_from_workbook
    from hbeu_dash.intake.uploads import OLE_MAGIC, ZIP_MAGIC, read_upload, read_workbook
    from hbeu_dash.store import ConflictError, CsvStore
    from hbeu_dash.store.sql_store import StoreUnavailable

    if args.commit and not (args.author or "").strip():
        print(texts["needs_author"], file=sys.stderr)
        return 2
    attachments, code = _attachments(args, texts)
    if code is not None:
        return code
    if args.command == "attach-text":
        label, proposals, problems = args.text_file.name, {}, []
    else:
        try:
            content = args.file.read_bytes()
        except OSError as exc:
            print(texts["cannot_read"].format(path=args.file, why=exc.strerror or exc), file=sys.stderr)
            return 2
        if args.table is None and not content.startswith((ZIP_MAGIC, OLE_MAGIC)):
            print(texts["needs_table"].format(path=args.file), file=sys.stderr)
            return 2
        try:
            if args.table is None:
                book = rows_from_workbook(args.file.name, read_workbook(args.file.name, content))
            else:
                upload = read_upload(args.file.name, content)
        except DataError as exc:
            print(exc.format(args.lang), file=sys.stderr)
            return 1
        if args.table is None:
            label, proposals, problems = dict(book.labels), book.proposals, book.problems
            if book.ignored:
                print(texts["ignored_columns"].format(columns=", ".join(book.ignored)))
        else:
            rows, problems = rows_from_upload(args.table, upload)
            label, proposals = upload.name, {args.table: rows}
    try:
        store = CsvStore(args.data) if args.data_given else _selected_store()
    except ValueError as exc:
        print(texts["bad_store"].format(why=exc), file=sys.stderr)
        return 2
    # Problems of the texts name the sources' sheet, or the data's sources.csv when the workbook has none.
    text_label = label if isinstance(label, str) else label.get("sources", "sources.csv")
    try:
        proposals, attached, found = attach_texts(proposals, attachments, store.file_bytes("sources"), text_label)
        if not isinstance(label, str):
            label.setdefault("sources", text_label)
        preview = prepare(store, proposals, label, [*problems, *found], texts=attached)
    except StoreUnavailable as exc:
        print(texts["unavailable"].format(why=exc), file=sys.stderr)
        return 1
    if preview.problems:
        print(DataError(preview.problems).format(args.lang), file=sys.stderr)
        return 1
    print_preview(preview, texts, None if isinstance(label, str) else label)
    if not preview.changes_anything:
        print(texts["no_change"])
        return 0
    if not args.commit:
        print(texts["dry_run_ok"])
        return 0
    try:
        record = store.commit(preview.files, preview.version, args.author, texts=preview.texts)
    except ConflictError as exc:
        print(texts["conflict"].format(expected=exc.expected, actual=exc.actual), file=sys.stderr)
        return 1
    except Timeout:
        print(texts["locked"].format(folder=store.key), file=sys.stderr)
        return 1
    except StoreUnavailable as exc:
        print(texts["unavailable"].format(why=exc), file=sys.stderr)
        return 1
    except OSError as exc:
        print(texts["cannot_write"].format(path=exc.filename or store.key, why=exc.strerror or exc), file=sys.stderr)
        return 1
    if record is None:
        print(texts["no_change"])
        return 0
    print(
        texts["committed"].format(
            commit_id=record.commit_id, author=record.author, before=record.version_before, after=record.version_after
        )
    )
    return 0


def print_preview(preview, texts: dict[str, str], labels: dict[str, str] | None = None) -> None:
    """The preview as lines: counts, each new or changed row (old → new per column; a new indicator with its
    names, unit, sector and measure), new conflicts. A change set of several tables heads each table's rows with
    the name problems give it (the workbook's sheet)."""
    counts = {kind: preview.count(kind) for kind in ("new", "changed", "same")}
    print(texts["preview"].format(version=preview.version, **counts))
    several = sum(1 for rows in preview.changes.values() if rows) > 1
    for table, rows in preview.changes.items():
        if several and rows:
            print(texts["preview_table"].format(label=(labels or {}).get(table, table)))
        for change in rows:
            key = " / ".join(change.key)
            if change.kind == "new":
                print(texts["preview_row_new"].format(row=change.row, key=key))
                if table == "indicators":
                    print(texts["preview_indicator"].format(**change.record))
            elif change.kind == "changed":
                diff = "; ".join(
                    f"{c} {change.old.get(c, '')!r} → {change.record[c]!r}" for c in change.changed_columns
                )
                print(texts["preview_row_changed"].format(row=change.row, key=key, diff=diff))
    if not preview.new_conflicts.empty:
        groups = preview.new_conflicts.groupby("conflict_id", sort=True)
        print(texts["new_conflicts"].format(count=groups.ngroups))
        for conflict_id, group in groups:
            values = ", ".join(
                f"{v:g} ({s}, {f})" for v, s, f in group[["value", "source_id", "figure_id"]].itertuples(index=False)
            )
            print(f"  {conflict_id}: {values}")
    if not preview.new_stage_conflicts.empty:
        ids = ", ".join(sorted(set(preview.new_stage_conflicts["project_id"])))
        print(texts["new_stage_conflicts"].format(ids=ids))
    if not preview.failing_identities.empty:
        print(texts["failing_identities"].format(ids=", ".join(preview.failing_identities["identity_id"])))


if __name__ == "__main__":
    sys.exit(main())

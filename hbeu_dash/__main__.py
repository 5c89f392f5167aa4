"""Command line: python -m hbeu_dash validate | verify-sources DIR | briefing --lang zh|en --html OUT [--pdf OUT]."""

import argparse
import sys
from pathlib import Path

from hbeu_dash import schema
from hbeu_dash.filters import parse_query_params
from hbeu_dash.i18n import LANGS
from hbeu_dash.loaders import read_dataset
from hbeu_dash.paths import DATA_DIR
from hbeu_dash.problems import DataError
from hbeu_dash.verify import verify_sources

# What the commands print, per language (--lang).
TEXTS = {
    "zh": {
        "valid": "数据有效:{counts}",
        "not_a_folder": "不是文件夹:{folder}",
        "all_found": "全部 {checked} 条 evidence 均在 {folder} 的来源文本中找到",
        "bad_option": "--{name}:{value!r} 无效;可用:{allowed}",
        "nothing_selected": "--city 或 --sector 为 none:简报没有内容可写",
        "broken_data": "警告:数据有问题,简报不含受影响的部分:",
        "wrote": "已写入 {path}({seconds:.1f} 秒)",
        "pdf_failed": "PDF 未能生成:{why}",
        "cannot_write": "无法写入 {path}:{why}",
    },
    "en": {
        "valid": "data valid: {counts}",
        "not_a_folder": "not a folder: {folder}",
        "all_found": "all {checked} evidence fragments found in {folder}",
        "bad_option": "--{name}: {value!r} is not valid; use {allowed}",
        "nothing_selected": "--city or --sector is none: the briefing would have nothing in it",
        "broken_data": "warning: the data has problems; the briefing leaves out the parts they affect:",
        "wrote": "wrote {path} ({seconds:.1f} s)",
        "pdf_failed": "the PDF could not be made: {why}",
        "cannot_write": "cannot write {path}: {why}",
    },
}


def main(argv: list[str] | None = None) -> int:
    """Run one command; return the process exit code."""
    parser = argparse.ArgumentParser(prog="python -m hbeu_dash", description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="data folder (default: the project's data/)")
    parser.add_argument("--lang", choices=tuple(TEXTS), default="en", help="language of the messages")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="validate every table under data/")
    verify = sub.add_parser("verify-sources", help="check every evidence fragment against the source texts")
    verify.add_argument("folder", type=Path, help="folder of source text files (e.g. ../shared/seeds)")
    add_briefing_parser(sub)
    args = parser.parse_args(argv)
    texts = TEXTS[args.lang]
    if args.command == "briefing":
        return run_briefing(args, texts)

    result = read_dataset(args.data)
    if result.problems:
        print(DataError(result.problems).format(args.lang), file=sys.stderr)
        return 1
    if args.command == "validate":
        counts = ", ".join(f"{name} {len(frame)}" for name, frame in result.tables.items())
        print(texts["valid"].format(counts=counts))
        return 0

    if not args.folder.is_dir():
        print(texts["not_a_folder"].format(folder=args.folder), file=sys.stderr)
        return 2
    failures, checked = verify_sources(result.tables, args.folder)
    if failures:
        print(DataError(failures).format(args.lang), file=sys.stderr)
        return 1
    print(texts["all_found"].format(checked=checked, folder=args.folder))
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
    from hbeu_dash.report.build import build_briefing_files
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
    scope = load_scope(args.data, filters)
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


if __name__ == "__main__":
    sys.exit(main())

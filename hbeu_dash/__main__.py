"""Command line: python -m hbeu_dash validate | verify-sources DIR."""

import argparse
import sys
from pathlib import Path

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
    },
    "en": {
        "valid": "data valid: {counts}",
        "not_a_folder": "not a folder: {folder}",
        "all_found": "all {checked} evidence fragments found in {folder}",
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
    args = parser.parse_args(argv)
    texts = TEXTS[args.lang]

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


if __name__ == "__main__":
    sys.exit(main())

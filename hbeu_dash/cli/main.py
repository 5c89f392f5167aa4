"""The `hbeu` command: one parser over every command (a module per group), help in the reader's language."""

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from hbeu_dash.cli import briefing, cluster, data, db, extract, imports, users
from hbeu_dash.cli.language import argparse_speaking, help_lang
from hbeu_dash.i18n import LANGS, t
from hbeu_dash.paths import DATA_DIR

GROUPS = (data, imports, extract, briefing, db, users, cluster)  # in the order `hbeu --help` lists their commands


def build_parser(lang: str, prog: str = "hbeu") -> argparse.ArgumentParser:
    """Every command's parser, its help in `lang` (argparse's own words too only inside argparse_speaking)."""
    parser = argparse.ArgumentParser(prog=prog, description=t("cli_description", lang))
    parser.add_argument("--data", type=Path, help=t("cli_help_data", lang))
    parser.add_argument("--lang", choices=LANGS, default=lang, help=t("cli_help_lang", lang))
    sub = parser.add_subparsers(
        dest="command", required=True, metavar=t("cli_command_metavar", lang), title=t("cli_commands", lang)
    )
    for group in GROUPS:
        group.add_parsers(sub, lang)
    return parser


def main(argv: Sequence[str] | None = None, prog: str = "hbeu") -> int:
    """Run one command; return the process exit code. `prog` is how the usage names the program."""
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = help_lang(argv, os.environ)
    with argparse_speaking(lang):
        args = build_parser(lang, prog).parse_args(argv)
    # Without --data, every command but `extract` uses the configured store (PostgreSQL when set, else data/).
    args.data_given, args.data = args.data is not None, args.data or DATA_DIR
    return args.run(args)

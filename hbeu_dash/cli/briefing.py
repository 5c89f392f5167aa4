"""`hbeu briefing`: the offline briefing of the chosen cities and sectors, one self-contained HTML file and a PDF."""

import argparse
import sys
from pathlib import Path

from hbeu_dash.i18n import LANGS, t
from hbeu_dash.model import schema
from hbeu_dash.model.problems import DataError


def add_parsers(sub: argparse._SubParsersAction, lang: str) -> None:
    """The `briefing` command's options."""
    brief = sub.add_parser("briefing", help=t("cli_help_briefing", lang), description=t("cli_help_briefing", lang))
    # SUPPRESS: without --lang here, `hbeu --lang zh briefing ...` keeps the global choice.
    brief.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=t("cli_help_briefing_lang", lang))
    brief.add_argument("--city", help=t("cli_help_briefing_city", lang, cities=", ".join(schema.CITY_IDS)))
    brief.add_argument("--sector", help=t("cli_help_briefing_sector", lang))
    brief.add_argument("--html", type=Path, required=True, help=t("cli_help_briefing_html", lang))
    brief.add_argument("--pdf", type=Path, help=t("cli_help_briefing_pdf", lang))
    brief.set_defaults(run=run_briefing)


def _target(path: Path, name: str) -> Path:
    """The file to write: `path`, or the file `name` inside it when it is a folder."""
    return path / name if path.is_dir() else path


def run_briefing(args: argparse.Namespace) -> int:
    """Write the briefing of the chosen cities and sectors; 2 on a bad option, 1 when a file cannot be made.

    Broken data files do not stop it: like the app, it leaves out what they affect, says so on its title page,
    and prints the problems here.
    """
    from hbeu_dash.cli.data import selected_store
    from hbeu_dash.documents.briefing.build import build_briefing_files, load_scope
    from hbeu_dash.views.filters import parse_query_params

    lang = args.lang
    params = {"lang": lang} | {k: v for k, v in (("city", args.city), ("sector", args.sector)) if v is not None}
    filters, notices = parse_query_params(params)
    if notices:
        allowed = {"city": schema.CITY_IDS, "sector": schema.SECTORS}
        for n in notices:
            names = ", ".join(allowed.get(n.name, ()))
            print(t("cli_bad_option", lang, name=n.name, value=n.value, allowed=names), file=sys.stderr)
        return 2
    if filters.is_empty:
        print(t("cli_nothing_selected", lang), file=sys.stderr)
        return 2
    try:
        scope = load_scope(args.data if args.data_given else selected_store(args), filters)
    except ValueError as exc:
        print(t("cli_bad_store", lang, why=exc), file=sys.stderr)
        return 2
    if scope.result.problems:
        print(t("cli_broken_data", lang), file=sys.stderr)
        print(DataError(scope.result.problems).format(lang), file=sys.stderr)
    files = build_briefing_files(scope, pdf=args.pdf is not None)
    outputs = [(_target(args.html, files.html_name), files.html, files.html_seconds)]
    if args.pdf is not None and files.pdf is not None:
        outputs.append((_target(args.pdf, files.pdf_name), files.pdf, files.pdf_seconds or 0.0))
    for path, content, seconds in outputs:
        try:
            path.write_bytes(content)
        except OSError as exc:
            print(t("cli_cannot_write", lang, path=path, why=exc.strerror or exc), file=sys.stderr)
            return 1
        print(t("cli_wrote", lang, path=path, seconds=seconds))
    if files.pdf_error is not None:
        print(t("cli_pdf_failed", lang, why=files.pdf_error), file=sys.stderr)
        return 1
    return 0

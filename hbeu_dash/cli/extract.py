"""`hbeu extract ARTICLE --published YYYY-MM-DD`: the article assistant on the command line.

Writes the figure candidates to standard output as CSV (the columns of figures.csv, then kind and confidence), the
event candidates to --events FILE if asked, and a one-line summary to standard error. With --workbook it writes a
review workbook instead of the CSV: sheets sources, indicators (the new ones the assistant proposes), figures (citing
them) and events, in the columns of each table (figures and events with the assistant's confidence last, which
`import` reads past), no formulas; after the analyst's review, `hbeu import OUT.xlsx` takes it back as one change
set. Exit code 0, or 2 when the article cannot be read or an option is wrong (the message says why, in the chosen
language).
"""

import argparse
import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

import pandas as pd

from hbeu_dash.i18n import LANGS, t
from hbeu_dash.intake.extract.engine import (
    MAX_CANDIDATES,
    MAX_TEXT_CHARS,
    ArticleMeta,
    ArticleTooLong,
    ExtractResult,
    extract_article,
    source_slug,
)
from hbeu_dash.intake.extract.indicators import propose_indicators
from hbeu_dash.intake.extract.text import ArticleReadError, decode_article, html_to_text
from hbeu_dash.model import csv_cells, schema
from hbeu_dash.paths import DATA_DIR

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def add_parsers(sub: argparse._SubParsersAction, lang: str = "en") -> None:
    """The `extract` command's options."""
    extract = sub.add_parser("extract", help=t("cli_help_extract", lang), description=t("cli_help_extract", lang))
    extract.add_argument("article", type=Path, help=t("cli_help_extract_article", lang))
    extract.add_argument("--published", required=True, help=t("cli_help_extract_published", lang))
    extract.add_argument("--source-id", default="article", help=t("cli_help_extract_source_id", lang))
    extract.add_argument("--title", default="", help=t("cli_help_extract_title", lang))
    extract.add_argument("--outlet", default="", help=t("cli_help_extract_outlet", lang))
    extract.add_argument("--url", default="", help=t("cli_help_extract_url", lang))
    extract.add_argument("--events", type=Path, help=t("cli_help_extract_events", lang))
    extract.add_argument("--workbook", type=Path, help=t("cli_help_extract_workbook", lang))
    # SUPPRESS: without --lang here, `hbeu --lang zh extract ...` keeps the global choice.
    extract.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=t("cli_help_messages_lang", lang))
    extract.set_defaults(run=run_extract)


def read_article(path: Path) -> str:
    """The text of an article file (HTML reduced to its visible text); OSError or ArticleReadError when it cannot."""
    text = decode_article(path.read_bytes())
    return html_to_text(text) if path.suffix.lower() in HTML_SUFFIXES else text


def run_extract(args: argparse.Namespace) -> int:
    """Read the article, extract, write the CSV; 2 when the file or an option is wrong."""
    lang = getattr(args, "lang", "en")
    fail = _check_options(args, lang)
    if fail:
        print(fail, file=sys.stderr)
        return 2
    try:
        text = read_article(args.article)
    except FileNotFoundError:
        print(t("cli_extract_missing", lang, path=args.article), file=sys.stderr)
        return 2
    except ArticleReadError as exc:
        print(t("cli_extract_encoding", lang, path=args.article, why=exc), file=sys.stderr)
        return 2
    except OSError as exc:
        print(t("cli_cannot_read", lang, path=args.article, why=exc.strerror or exc), file=sys.stderr)
        return 2
    tables = _tables(Path(getattr(args, "data", DATA_DIR)), lang)
    meta = ArticleMeta(args.published, args.source_id, args.title, args.outlet, args.url)
    start = time.perf_counter()
    try:
        result = extract_article(text, meta, tables)
    except ArticleTooLong as exc:
        print(t("cli_extract_too_long", lang, found=exc.found, limit=MAX_TEXT_CHARS), file=sys.stderr)
        return 2
    seconds = time.perf_counter() - start
    if result.truncated:
        print(t("cli_extract_truncated", lang, limit=MAX_CANDIDATES), file=sys.stderr)
    if getattr(args, "workbook", None) is not None:
        return _write_workbook(args, result, tables, lang, seconds)
    if (sys.stdout.encoding or "").lower().replace("-", "") != "utf8" and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")  # a data file, whatever the terminal's locale
    try:
        write_csv(result.figures, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:  # `... | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    if args.events is not None:
        try:
            with args.events.open("w", encoding="utf-8", newline="") as out:
                write_csv(result.events, out)
        except OSError as exc:
            print(t("cli_cannot_write", lang, path=args.events, why=exc.strerror or exc), file=sys.stderr)
            return 2
        print(t("cli_extract_wrote_events", lang, path=args.events), file=sys.stderr)
    print(_summary(result, lang, seconds), file=sys.stderr)
    return 0


def review_sheets(result: ExtractResult, tables: Mapping[str, pd.DataFrame], source_id: str) -> dict[str, pd.DataFrame]:
    """The sheets of the review workbook: the source (its row in the data when it is there already), the new
    indicators the assistant proposes, the figure candidates citing them, the event candidates; each in its table's
    columns, the candidates with their confidence last (figures' `kind` is always "figure": left out)."""
    figures, indicators = propose_indicators(result.figures, tables, source_id)
    sources = tables.get("sources")
    known = sources[sources["source_id"].astype(str) == source_id] if sources is not None else None
    source = known if known is not None and len(known) else result.source
    columns = schema.SOURCES.columns
    return {
        "sources": source.reindex(columns=columns).fillna("").astype(str),
        "indicators": indicators,
        "figures": figures[[*schema.FIGURES.columns, "confidence"]],
        "events": result.events[[*schema.EVENTS.columns, "confidence"]],
    }


def _write_workbook(
    args: argparse.Namespace,
    result: ExtractResult,
    tables: Mapping[str, pd.DataFrame],
    lang: str,
    seconds: float,
) -> int:
    """The review workbook to --workbook; the summary and how to import it to standard error."""
    from hbeu_dash.intake.changeset import workbook_bytes  # the write path's module: only for this option

    sheets = review_sheets(result, tables, args.source_id)
    try:
        args.workbook.write_bytes(workbook_bytes(sheets))
    except OSError as exc:
        print(t("cli_cannot_write", lang, path=args.workbook, why=exc.strerror or exc), file=sys.stderr)
        return 2
    indicators = len(sheets["indicators"])
    print(t("cli_extract_wrote_workbook", lang, path=args.workbook, indicators=indicators), file=sys.stderr)
    source, article = args.source_id, args.article
    print(t("cli_extract_import_workbook", lang, path=args.workbook, source=source, article=article), file=sys.stderr)
    print(_summary(result, lang, seconds), file=sys.stderr)
    return 0


def _check_options(args: argparse.Namespace, lang: str) -> str:
    if not schema.is_partial_date(args.published):
        return t("cli_extract_bad_date", lang, value=args.published)
    if source_slug(args.source_id) != args.source_id:
        return t("cli_extract_bad_source_id", lang, value=args.source_id)
    return ""


def _tables(data: Path, lang: str) -> dict[str, pd.DataFrame]:
    """The valid tables of the data folder (indicators to match, ids not to reuse); {} when there is none."""
    from hbeu_dash.model.loaders import read_dataset

    if not data.is_dir():
        return {}
    result = read_dataset(data)
    if result.problems:
        print(t("cli_extract_data_problems", lang), file=sys.stderr)
    return result.tables


def write_csv(frame: pd.DataFrame, out: TextIO) -> None:
    """The rows as CSV with a header (the store's writer: a cell's CR or LF quoted); the confidence as a plain
    decimal. Nothing is prefixed: `import` reads the file back, and refuses a cell a spreadsheet would run."""
    rows = [
        ["" if v is None else f"{v:.2f}" if isinstance(v, float) else str(v) for v in row]
        for row in frame.itertuples(index=False)
    ]
    out.write(csv_cells.write_csv([str(c) for c in frame.columns], rows).decode("utf-8"))


def _summary(result: ExtractResult, lang: str, seconds: float) -> str:
    figures, events = len(result.figures), len(result.events)
    return t("cli_extract_summary", lang, figures=figures, events=events, seconds=seconds)

"""What every chart and table says about where its numbers come from: the source line (each source cited by name,
with the latest as-of it reports) and the evidence columns (the verbatim words; in English their rendering, or
"English evidence pending"). Plain text: each renderer escapes it. Where a row's evidence stands in its source's
text (the paragraph a reader opens) is hbeu_dash.views.citations."""

import pandas as pd

from hbeu_dash.i18n import col, evidence_pending, format_date, join, original_columns, t


def latest_citations(rows: pd.DataFrame, lang: str, date_column: str = "as_of") -> dict[str, str]:
    """Every source behind the rows, cited by name, with the latest as-of it reports ('' when undated)."""
    latest: dict[str, str] = {}
    if rows.empty:
        return latest
    for cite, as_of in zip(rows[col("cite", lang)], rows[date_column], strict=True):
        latest[cite] = max(latest.get(cite, ""), as_of or "")
    return latest


def format_citations(latest: dict[str, str], lang: str) -> str:
    """'来源:青橙融媒 · 2025-02-01(截至 2025年2月);…' from latest_citations(); '' for none."""
    if not latest:
        return ""
    parts = [
        t("source_as_of", lang, source=c, as_of=format_date(a, lang)) if a else c for c, a in sorted(latest.items())
    ]
    return t("labelled", lang, label=t("sources", lang), value=join(parts, lang, "clause_sep"))


def source_line(rows: pd.DataFrame, lang: str) -> str:
    """'来源:青橙融媒 · 2025-02-01(截至 2025年2月);…' — every source behind the rows, cited by name, with its
    latest as-of."""
    return format_citations(latest_citations(rows, lang), lang)


def evidence_columns(records: list[dict], lang: str, pending_mark: bool = True) -> dict[str, list[str]]:
    """The evidence columns of a table: the verbatim words, and in English their rendering beside them; a row whose
    rendering is not written yet reads 'English evidence pending' there (unless `pending_mark` is False: a data
    export keeps the cell empty, as in the data)."""
    columns = {t(column, lang): [r[column] for r in records] for column in original_columns("evidence", lang)}
    if pending_mark and "evidence_en" in original_columns("evidence", lang):
        name = t("evidence_en", lang)
        columns[name] = [evidence_pending(v, lang) or v for v in columns[name]]
    return columns


def mark_pending_evidence(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A table made with `evidence_columns(..., pending_mark=False)` as a reader sees it: each empty English
    rendering reads 'English evidence pending' (a copy; the table itself when none is pending or on a zh page)."""
    name = t("evidence_en", lang)
    if "evidence_en" not in original_columns("evidence", lang) or name not in table.columns:
        return table
    column = table[name]
    empty = (column.astype("string[pyarrow]").fillna("").str.strip() == "").to_numpy(dtype=bool)  # the explorer: 1M
    if not empty.any():
        return table
    return table.assign(**{name: column.where(~empty, evidence_pending("", lang))})

"""The data explorer: search over the figures, the table a reader sees, and the table exported."""

import pandas as pd

from hbeu_dash.graphics.attribution import evidence_columns, mark_pending_evidence
from hbeu_dash.i18n import city_label, col, format_date, label, t
from hbeu_dash.model import transforms
from hbeu_dash.views.citations import with_link_column

search_figures = transforms.search_figures


def indicator_names(figures: pd.DataFrame, lang: str) -> dict[str, str]:
    """Indicator id → name in `lang`, for every indicator of these figures (the explorer's picker), by name."""
    names = dict(zip(figures["indicator_id"], figures[col("indicator", lang)], strict=False))
    return dict(sorted(names.items(), key=lambda item: item[1]))


def figures_table(figures: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The figures as the explorer exports them (and shows them, through `shown_table`): labelled, cited by name,
    with `source_id` and URL kept for machines, and the evidence (with its English rendering on an English page,
    empty where it is not written yet, as in the data)."""
    records = figures.to_dict("records")
    return pd.DataFrame(
        {
            "figure_id": figures["figure_id"].astype("string").tolist(),
            t("sector", lang): [label("sector", s, lang) for s in figures["sector"]],
            t("indicator", lang): figures[col("indicator", lang)].tolist(),
            t("city", lang): [city_label(c, lang) for c in figures["city"]],
            t("value", lang): figures["value"].tolist(),
            t("unit", lang): figures[col("unit", lang)].tolist(),
            t("value_text", lang): figures["value_text"].tolist(),
            t("period", lang): [format_date(p, lang) if p else "" for p in figures["period"]],
            t("as_of", lang): [format_date(a, lang) for a in figures["as_of"]],
            t("speaker", lang): figures[col("speaker", lang)].astype("string").fillna("").tolist(),
            t("source", lang): figures[col("cite", lang)].tolist(),
            "source_id": figures["source_id"].astype("string").tolist(),
            "url": figures["url"].tolist(),
            **evidence_columns(records, lang, pending_mark=False),
            t("note", lang): figures[col("note", lang)].astype("string").fillna("").tolist(),
        }
    )


def shown_table(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The explorer's table as a reader sees it: the figure's id under a label in the reader's language, no source
    id (the source is cited by name; the download keeps `figure_id` and `source_id` for machines), and an English
    rendering not written yet reading 'English evidence pending' (the download keeps the cell empty)."""
    shown = mark_pending_evidence(table, lang).drop(columns="source_id")
    return shown.rename(columns={"figure_id": t("figure_id_column", lang)})


def indicators_of(figures: pd.DataFrame, figure_ids: pd.Series) -> list[str]:
    """The indicator of each of these figure ids, in order."""
    by_id = dict(zip(figures["figure_id"].astype(str), figures["indicator_id"].astype(str), strict=True))
    return [by_id[str(f)] for f in figure_ids]


def with_trend_links(table: pd.DataFrame, links: list[str], lang: str) -> pd.DataFrame:
    """The shown table with a link per row to its indicator's trend and four-city comparison, after the indicator."""
    return with_link_column(table, links, t("trend_column", lang), t("indicator", lang))

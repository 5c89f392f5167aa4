"""The project tracker: each project's current stage (one rule), every report, and the stage disagreements."""

import pandas as pd

from hbeu_dash.graphics.attribution import evidence_columns
from hbeu_dash.i18n import city_label, col, format_date, label, t
from hbeu_dash.model import transforms
from hbeu_dash.views.filters import Filters


def select_projects(projects: pd.DataFrame, sources: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """The project reports under the filters, with the citation of each report's source."""
    chosen = transforms.filter_projects(projects, filters.cities, filters.sectors)
    return transforms.add_citations(chosen, sources)


def tracker_table(latest: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every project with its kind, cities, current stage (⚠ when reports disagree), as-of, source and evidence."""
    records = latest.to_dict("records")
    return pd.DataFrame(
        {
            t("name", lang): latest[col("name", lang)].tolist(),
            t("kind", lang): [label("project_kind", k, lang) for k in latest["kind"]],
            t("cities", lang): [city_label(c, lang) for c in latest["cities"]],
            t("status", lang): [
                label("status", s, lang) + (" ⚠" if d else "")
                for s, d in zip(latest["status"], latest["disagree"], strict=True)
            ],
            t("as_of", lang): [format_date(a, lang) for a in latest["as_of"]],
            t("source", lang): latest[col("cite", lang)].tolist(),
            **evidence_columns(records, lang),
        }
    )


def reports_table(reports: pd.DataFrame, lang: str, pending_mark: bool = True) -> pd.DataFrame:
    """Project reports as a reader sees them: name, stage, the words that say so, who, when, source, note (an English
    rendering not written yet reads 'English evidence pending', unless `pending_mark` is False)."""
    records = reports.to_dict("records")
    return pd.DataFrame(
        {
            t("name", lang): reports[col("name", lang)].tolist(),
            t("status", lang): [label("status", s, lang) for s in reports["status"]],
            **evidence_columns(records, lang, pending_mark),
            t("speaker", lang): reports[col("speaker", lang)].tolist(),
            t("as_of", lang): [format_date(a, lang) for a in reports["as_of"]],
            t("source", lang): reports[col("cite", lang)].tolist(),
            t("note", lang): reports[col("note", lang)].tolist(),
        }
    )


def export_table(reports: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Project reports for download: the reader's table plus `source_id` and `project_id` for machines; an English
    rendering not written yet stays an empty cell, as in the data."""
    return reports_table(reports, lang, pending_mark=False).assign(
        project_id=reports["project_id"].tolist(), source_id=reports["source_id"].tolist()
    )

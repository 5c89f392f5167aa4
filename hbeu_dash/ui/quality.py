"""Sections of the sources & data quality page: validation state, rows whose English evidence is pending, sources
and their archived texts, stage disagreements, identities, staleness."""

from datetime import date

import pandas as pd
import streamlit as st

from hbeu_dash.i18n import t
from hbeu_dash.model import checks, verify
from hbeu_dash.ui import data
from hbeu_dash.ui.widgets import escape_md, render_table
from hbeu_dash.views import quality as quality_views


def today() -> date:
    """Today's date (one place, so staleness can be tested)."""
    return date.today()


def render_validation_state(lang: str) -> None:
    """Which data files are valid, and every problem of the broken ones (file, row, column) in the user's language."""
    view = data.memo(("validation-state", lang), lambda: quality_views.build_validation_state(data.get_data(), lang))
    st.subheader(t("data_validation", lang))
    render_table(view.files, key="validation")
    if view.banner:
        st.error(escape_md(view.banner))
        render_table(view.problems, width="stretch", key="problems")


def render_pending_translations(lang: str) -> None:
    """The rows whose English evidence is still to be written, with their count: information (st.info), not a
    problem; the data is valid and English pages mark those rows."""
    view = data.memo(
        ("pending-translations", lang),
        lambda: quality_views.build_pending_translations(data.get_data().tables, lang),
    )
    st.subheader(t("section_pending_translations", lang))
    if not view.count:
        st.caption(escape_md(view.sentence))
        return
    st.info(escape_md(view.sentence), icon=":material/translate:")
    render_table(view.table, width="stretch", key="pending-translations")


def archived_texts(sources: pd.DataFrame) -> frozenset[str]:
    """Which of the texts the sources name the store's archive holds. Asked on every run, not memoised on the data
    version: a cache fill (`make run`, `verify-sources --fill`) adds texts without changing the data."""
    shas = {sha for sha in verify.source_texts(sources).values() if sha}
    return frozenset(data.get_store().archived(shas)) if shas else frozenset()


def render_sources(lang: str) -> None:
    """Each source: its citation, original title, date, URL, language, note, how many figures cite it and its
    archived text; then which sources have no archived text (the dashboard runs without them)."""
    sources = data.get_table("sources")
    st.subheader(t("sources", lang))
    if sources is None:
        st.info(t("table_unavailable", lang, file="sources.csv"))
        return
    archived = archived_texts(sources)
    table = data.memo(
        ("sources-table", lang, archived),
        lambda: quality_views.sources_table(sources, data.get_figures(), lang, archived),
    )
    url = t("url", lang)
    render_table(table, width="stretch", column_config={url: st.column_config.LinkColumn(url)}, key="sources")
    render_source_texts(sources, archived, lang)


def render_source_texts(sources: pd.DataFrame, archived: frozenset[str], lang: str) -> None:
    """How many sources have an archived text; the ones without, and what that means (nothing stops working)."""
    view = quality_views.build_source_texts(sources, archived, lang)
    heading = t("section_source_texts", lang)
    st.markdown(f"**{escape_md(heading)}** · {escape_md(view.sentence)}")
    if view.missing.empty:
        st.caption(t("source_texts_all", lang))
        return
    st.warning(escape_md(view.explanation))
    render_table(view.missing, width="stretch", key="source-texts-missing")


def render_stage_disagreements(lang: str) -> None:
    """Project reports that name different stages, side by side."""
    projects, sources = data.get_table("projects"), data.get_table("sources")
    if projects is None or sources is None:
        return
    st.subheader(t("section_stage_disagreements", lang))
    table = data.memo(
        ("stage-disagreements", lang), lambda: quality_views.stage_disagreements_table(projects, sources, lang)
    )
    if table.empty:
        st.caption("✓ " + t("no_stage_disagreements", lang))
        return
    render_table(table, width="stretch", key="status-conflicts")


def render_identities(figures: pd.DataFrame, lang: str) -> None:
    """Every declared identity with its parts, total and whether it holds."""
    identities = data.get_table("identities")
    if identities is None:
        return
    st.subheader(t("section_identities", lang))
    table = data.memo(
        ("identities-table", lang),
        lambda: quality_views.identities_table(checks.evaluate_identities(identities, figures), lang),
    )
    render_table(table, width="stretch", key="identities")


def render_staleness(figures: pd.DataFrame, lang: str) -> None:
    """How old each figure is and which are older than a year."""
    st.subheader(t("section_staleness", lang))
    view = data.memo(("staleness", lang, today()), lambda: quality_views.build_staleness(figures, today(), lang))
    st.markdown(escape_md(view.sentence))
    render_table(view.table, width="stretch", key="staleness")

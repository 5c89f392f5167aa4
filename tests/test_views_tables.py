"""Every table a reader sees has its columns labelled in the reader's language: never a data file's column name
(figure_id, source_id, url, …), on every page, in zh and en. The downloads keep the machine-readable ids."""

import json
import re

import pytest

from hbeu_dash.i18n import t
from hbeu_dash.model import schema
from hbeu_dash.views import charts as chart_views
from hbeu_dash.views import entry as entry_views
from hbeu_dash.views import explorer
from hbeu_dash.views.cards import OVERVIEW_COMPARISON
from hbeu_dash.views.trends import CITY_SLOTS
from tests.real_data import joined
from tests.test_pages import PAGES, open_page

# A data file's column names, and anything written like one (snake_case, an id).
RAW_NAMES = {column for spec in schema.TABLES for column in spec.columns} | {"data_version", "sha256", "id"}
SNAKE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$")


def raw_headers(headers: list[str]) -> list[str]:
    """The headers a reader would read as a file's column names."""
    return [h for h in headers if h in RAW_NAMES or SNAKE.match(h)]


def shown_headers(frame: object) -> list[str]:
    """The headers st.dataframe shows: a column's label from its column_config, else its name."""
    config = json.loads(frame.proto.columns or "{}")
    return [(config.get(f"name:{c}") or config.get(str(c)) or {}).get("label") or str(c) for c in frame.value.columns]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_table_on_every_page_has_labelled_columns(page: str, lang: str) -> None:
    at = open_page(page, {"lang": lang})
    assert not at.exception
    for frame in at.dataframe:
        headers = shown_headers(frame)
        assert not raw_headers(headers), (page, lang, headers)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_explorer_shows_the_figure_id_labelled_and_exports_the_ids(lang: str) -> None:
    exported = explorer.figures_table(joined(), lang)
    shown = explorer.shown_table(exported, lang)
    assert {"figure_id", "source_id", "url"} <= set(exported.columns), "the download keeps the ids for machines"
    assert t("figure_id_column", lang) in shown.columns and "source_id" not in shown.columns
    assert shown[t("figure_id_column", lang)].tolist() == exported["figure_id"].tolist()
    assert raw_headers(list(shown.columns)) == ["url"]  # labelled by the explorer's link column (its config)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_overviews_twin_table_has_labelled_columns(lang: str) -> None:
    figures = joined()
    chart = chart_views.overview_chart(figures, figures, OVERVIEW_COMPARISON, lang, CITY_SLOTS)
    assert chart is not None and not raw_headers(list(chart.table.columns))


def test_the_analysts_history_table_has_labelled_columns() -> None:
    for lang in ("zh", "en"):
        assert not raw_headers(list(entry_views.history_table([], lang).columns))

"""What every session is shown is serialised once and shared (ui.widgets: arrow_table, SharedFigure, SharedDeck; the
login settings once per run): the same bytes as Streamlit's own serialisation, made once."""

import gc

import pandas as pd
import plotly.graph_objects as go
import plotly.io
import pytest
from streamlit import dataframe_util
from streamlit.testing.v1 import AppTest

from hbeu_dash import paths
from hbeu_dash.graphics import maps
from hbeu_dash.i18n import t
from hbeu_dash.model import schema, transforms
from hbeu_dash.model.loaders import load_dataset, read_dataset
from hbeu_dash.paths import ROOT
from hbeu_dash.settings import Settings
from hbeu_dash.store import CsvStore
from hbeu_dash.ui import auth as auth_ui
from hbeu_dash.ui import widgets
from hbeu_dash.views import charts as chart_views
from hbeu_dash.views import citations as citation_views
from hbeu_dash.views.citations import request_of
from hbeu_dash.views.filters import Filters
from hbeu_dash.views.scope import Scope, join_all

APP = str(ROOT / "app.py")
ALL_ZH = Filters(lang="zh", cities=schema.CITY_IDS, sectors=schema.SECTORS)


def streamlit_bytes(frame: pd.DataFrame) -> bytes:
    """What st.dataframe sends for `frame` given as pandas, categorical columns as text (the app's rule)."""
    plain = {c: "string" for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)}
    return dataframe_util.convert_pandas_df_to_arrow_bytes(frame.astype(plain))


FRAMES = {
    "text and numbers": pd.DataFrame({"城市": ["呼和浩特", "包头"], "value": [561.0, 1412.0]}),
    "categorical with a missing value": pd.DataFrame(
        {"city": pd.Categorical(["hohhot", None, "ordos"]), "n": pd.array([1, None, 3], dtype="Int64")}
    ),
    "empty": pd.DataFrame({"a": pd.Series([], dtype="string")}),
}


@pytest.mark.parametrize("frame", FRAMES.values(), ids=FRAMES.keys())
def test_a_shared_table_is_what_streamlit_sends_and_is_made_once(frame: pd.DataFrame) -> None:
    table = widgets.arrow_table(frame)
    assert dataframe_util.convert_arrow_table_to_arrow_bytes(table) == streamlit_bytes(frame)
    assert widgets.arrow_table(frame) is table


def test_a_shared_table_goes_with_its_frame() -> None:
    frame = pd.DataFrame({"a": [1, 2]})
    key = id(frame)
    widgets.arrow_table(frame)
    assert key in widgets._ARROW
    del frame
    gc.collect()
    assert key not in widgets._ARROW


def test_a_frame_changed_into_another_is_not_given_the_old_table() -> None:
    first = widgets.arrow_table(pd.DataFrame({"a": [1]}))
    second = widgets.arrow_table(pd.DataFrame({"b": ["x", "y"]}))  # may reuse the first frame's id
    assert first.column_names == ["a"] and second.column_names == ["b"] and second.num_rows == 2


def figure_pair() -> tuple[go.Figure, go.Figure]:
    """Two equal, separately built charts of the real data: one to share, one to compare with."""
    result = read_dataset()
    scope = Scope(result, join_all(result), ALL_ZH, "test")
    make = lambda: chart_views.service_items_chart(scope.selected, "zh").figure  # noqa: E731
    return make(), make()


def test_a_shared_figure_serialises_as_the_figure_and_once() -> None:
    figure, twin = figure_pair()
    shared = widgets.share_figure(figure)
    assert shared is figure and isinstance(shared, widgets.SharedFigure)
    assert plotly.io.to_json(shared, validate=False) == plotly.io.to_json(twin, validate=False)
    assert shared.to_dict() is shared.to_dict()
    assert shared.to_dict() == twin.to_dict()


@pytest.mark.parametrize("layout", [{}, {"title": None, "height": None}, {"width": 10, "height": 10}])
def test_a_shared_figure_keeps_an_unset_title_unset(layout: dict) -> None:
    plain, shared = go.Figure(layout=layout), widgets.share_figure(go.Figure(layout=layout))
    assert plotly.io.to_json(shared, validate=False) == plotly.io.to_json(plain, validate=False)


def test_a_shared_deck_serialises_as_the_deck_and_once() -> None:
    tables = load_dataset()
    projects = transforms.add_citations(tables["projects"], tables["sources"])

    def build() -> object:
        return maps.make_city_deck(tables["cities"], None, projects, "en", Settings())

    shared, twin = widgets.SharedDeck(build()), build()
    spec = shared.to_json()
    assert spec == twin.to_json()
    assert shared.to_json() is spec
    assert "project-arcs" in spec and "city-labels" in spec


def test_pages_send_the_same_chart_and_table_bytes_to_every_session() -> None:
    """Two sessions of the services page: each gets the four-city chart and its table twin (with a link per row to
    the row's paragraph, the page's view kept; none for a city not reported) as Streamlit would serialise them. (The
    overview sends its twins only when opened: tests/e2e/test_overview.py.)"""
    result = read_dataset()
    selected = Scope(result, join_all(result), ALL_ZH, "test").selected
    chart = chart_views.cities_chart(selected, "four_city_service_items", "zh")
    carried = {"v": CsvStore(paths.DATA_DIR).data_version(), "from": "services"}
    links = [
        citation_views.evidence_href(request_of(refs), carried, "evidence") if refs else None for refs in chart.row_refs
    ]
    twin = citation_views.with_link_column(chart.table, links, t("evidence_column", "zh"), t("value_text", "zh"))
    shown = [None if pd.isna(link) else link for link in twin[t("evidence_column", "zh")]]
    assert shown == [
        *(
            f"evidence?fig={figure}&v={carried['v']}&from=services"
            for figure in ("hohhot-service-items-a", "hohhot-service-items-b", "baotou-service-items")
        ),
        None,  # Ordos: not reported
        None,  # Ulanqab
    ]
    for _session in range(2):
        at = AppTest.from_file(APP, default_timeout=60).run()
        at.switch_page("app_pages/services.py").run()
        assert not at.exception
        specs = [c.proto.spec for c in at.get("plotly_chart")]
        assert plotly.io.to_json(chart.figure, validate=False) in specs
        tables = [d.proto.arrow_data.data for d in at.dataframe]
        assert streamlit_bytes(twin) in tables


def test_login_settings_are_read_once_per_run(monkeypatch: pytest.MonkeyPatch) -> None:
    reads = []
    read_config = auth_ui.read_config

    def counted() -> object:
        reads.append(1)
        return read_config()

    monkeypatch.setattr(auth_ui, "read_config", counted)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception and len(reads) == 1
    at.run()
    assert len(reads) == 2  # the next run reads them again: a changed secrets file counts from then on

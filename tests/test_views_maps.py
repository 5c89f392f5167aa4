"""The map's view model: indicator options, per-city values with citations, legend and note."""

from hbeu_dash.graphics import palette
from hbeu_dash.model import schema
from hbeu_dash.views import maps
from tests.real_data import joined


def test_indicator_options_default_to_service_items() -> None:
    options, names, default = maps.indicator_options(joined(), "zh")
    assert options[0] == "" and options[default] == "four_city_service_items"
    assert names["four_city_service_items"] == "“四城通办”事项数"


def test_values_show_every_reported_value_and_cite_by_name() -> None:
    values = maps.map_values(joined(), "four_city_service_items", "en").set_index("city_id")
    assert values.loc["hohhot", "label"] == "561 / 1,412 items ⚠ Sources disagree"
    assert values.loc["hohhot", "source"] == "Qingcheng Media · 2025-02-01"  # the latest report's source
    assert values.loc["baotou", "label"] == "587 items" and values.loc["baotou", "as_of"] == "Dec 2024"


def test_legend_has_one_entry_per_stage_in_order() -> None:
    legend = maps.legend("zh")
    assert [e.color for e in legend] == [palette.STATUS_COLORS[s] for s in schema.PROJECT_STATUSES]
    assert legend[0].name == "争取纳入规划"


def test_note_adds_the_tile_attribution() -> None:
    assert maps.map_note("en", None).startswith("No external basemap is loaded")
    assert "Natural Earth 1:50m (public domain)" in maps.map_note("en", None)  # the rivers' source and licence
    assert maps.map_note("zh", "© 内网瓦片").endswith(" © 内网瓦片")

"""The trend page through AppTest: the URL's indicator chooses what it shows, an unknown one is told, the choice goes
back into the URL; every card and every explorer row links to it, keeping the view."""

import html
import re
from urllib.parse import parse_qs, urlparse

from tests.test_pages import kpi_cards, open_page, texts


def hrefs(at: object, css_class: str) -> list[str]:
    """The addresses of the links of one class in the page's HTML elements."""
    bodies = "".join(h.proto.body for h in at.html)
    return [html.unescape(h) for h in re.findall(rf'<a class="{css_class}" href="([^"]+)"', bodies)]


def test_the_url_chooses_the_indicator_and_the_page_shows_its_history_and_its_four_cities() -> None:
    at = open_page("trends", {"lang": "zh", "indicator": "jining_baotou_emu_minutes"})
    assert not at.exception
    assert at.selectbox(key="trend_indicator").value == "jining_baotou_emu_minutes"
    shown = texts(at)
    # data/figures.csv: 144 minutes (2015-01-08), then 134 (2016-01-24) on the new timetable
    assert "144分钟（2015年1月8日）→ 134分钟（2016年1月24日）" in shown
    # reported for three cities at once, not per city: no four-city comparison, and the page says why
    assert "只有全区或跨市的数字，没有按单个城市报告，无法四市对比" in shown
    assert len(at.get("plotly_chart")) == 1
    # on the trend page a card does not link to the trend page
    assert hrefs(at, "kpi-trend") == [] and hrefs(at, "kpi-source")


def test_an_unknown_indicator_is_told_and_the_default_shown_and_written_back() -> None:
    at = open_page("trends", {"lang": "en", "indicator": "<b>nope</b>"})
    assert not at.exception
    assert [w.value for w in at.warning] == [
        "The indicator “<b>nope</b>” in the address is not in the data of the selected cities and sectors; "
        "showing the one below instead."
    ]
    assert at.selectbox(key="trend_indicator").value == "four_city_service_items"
    assert at.query_params["indicator"] == "four_city_service_items"
    shown = texts(at)
    assert "561 / 1,412 items" in shown and "587 items" in shown
    assert "Ordos not reported" in shown and "Ulanqab not reported" in shown
    assert len(at.get("plotly_chart")) == 2


def test_picking_another_indicator_puts_it_in_the_url() -> None:
    at = open_page("trends", {"lang": "en"})
    at.selectbox(key="trend_indicator").set_value("beijing_north_terminating_trains").run()
    assert not at.exception
    assert at.query_params["indicator"] == "beijing_north_terminating_trains"
    assert "8 trains (Dec 2020) → 10 trains (20 Jan 2021)" in texts(at)


def test_every_overview_card_links_to_its_trend_keeping_the_view() -> None:
    at = open_page("overview", {"lang": "en", "city": "hohhot,baotou"})
    links = [urlparse(h) for h in hrefs(at, "kpi-trend") + hrefs(at, "kpi-name")]
    # Hohhot's and Baotou's cards and the four cities' (the region's always show): items ×2, cases, trains, the
    # Hohhot–Ulanqab line, the rail target, the sub-centres, the two kinds of agreements
    assert len(links) == len(kpi_cards(at)) == 9
    for link in links:
        query = parse_qs(link.query)
        assert link.path == "trends"
        assert query["lang"] == ["en"] and query["city"] == ["hohhot,baotou"] and query["from"] == ["overview"]
    assert parse_qs(links[0].query)["indicator"] == ["four_city_service_items"]


def test_every_explorer_row_links_to_its_indicator_s_trend() -> None:
    at = open_page("explorer", {"lang": "zh"})
    table = next(f.value for f in at.dataframe if "趋势" in f.value.columns)
    row = table[table["数字编号"] == "hohhot-service-items-b"].iloc[0]
    link = urlparse(row["趋势"])
    assert link.path == "trends"
    assert parse_qs(link.query)["indicator"] == ["four_city_service_items"]
    assert parse_qs(link.query)["from"] == ["explorer"]
    assert list(table.columns).index("趋势") == list(table.columns).index("指标") + 1

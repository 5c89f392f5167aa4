"""The dashboard in headless Chromium: every page in zh and en, nothing leaves 127.0.0.1, filters, URL, downloads."""

import csv
import io
from urllib.parse import parse_qs, urlparse

import pytest

from hbeu_dash import paths
from hbeu_dash.store import CsvStore
from tests.e2e.conftest import ARTIFACTS, wait_settled

pytestmark = pytest.mark.e2e

PAGES = {  # url path → a text the page must show in zh and in en (from data/figures.csv and events.csv)
    "overview": ("117班次/日", "117 trains per day"),
    "services": ("19897件", "19,897 cases"),
    "science": ("4900万元", "CNY 49,000,000"),
    "transport": ("4万座", "40,000 stations"),
    "timeline": ("2021年10月", "Oct 2021"),
    "explorer": ("58.76万", "587600"),
    "quality": ("数据校验", "Data validation"),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page_path", list(PAGES))
def test_page_renders_offline(open_page, page_path: str, lang: str) -> None:
    path = "" if page_path == "overview" else page_path  # the default page lives at /
    watched = open_page(f"/{path}?lang={lang}")
    page = watched.page
    page.screenshot(path=str(ARTIFACTS / f"{page_path}-{lang}.png"), full_page=True)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert watched.console_errors == []
    assert watched.external == [], f"requests left the machine: {watched.external}"
    text = page.locator('[data-testid="stMain"]').inner_text()
    expected = PAGES[page_path][0 if lang == "zh" else 1]
    if page_path != "explorer":  # the explorer's numbers are inside a canvas grid
        assert expected in text
    charts = page.locator('[data-testid="stPlotlyChart"]')
    for i in range(charts.count()):
        assert charts.nth(i).locator(".main-svg").count() >= 1, f"chart {i} not drawn"
    if page_path in ("overview", "services", "science", "transport", "timeline"):
        assert charts.count() >= 1
    if page_path == "transport":
        assert page.locator('[data-testid="stDeckGlJsonChart"] canvas').count() >= 1


def _query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def _main_text(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def test_city_filter_changes_charts_and_url_and_the_url_reproduces_the_view(open_page) -> None:
    watched = open_page("/?lang=en")
    page = watched.page
    assert "117 trains per day" in _main_text(page)
    before = page.locator('[data-testid="stPlotlyChart"]').first.inner_text()
    cities = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
    cities.get_by_role("button", name="Remove Hohhot").click()
    page.wait_for_function("() => window.location.search.includes('city=')", timeout=30_000)
    wait_settled(page)
    assert _query(page)["city"] == ["baotou,ordos,ulanqab"]
    assert "117 trains per day" not in _main_text(page)
    assert page.locator('[data-testid="stPlotlyChart"]').first.inner_text() != before  # Hohhot's bars are gone
    copied = page.url

    again = open_page(urlparse(copied).path + "?" + urlparse(copied).query)
    tags = again.page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first.locator(
        ":not(template) > [data-testid='stMultiSelectTagsContainer'] [data-tag]"
    )
    assert sorted(tags.evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")) == [
        "Baotou",
        "Ordos",
        "Ulanqab",
    ]
    assert "117 trains per day" not in _main_text(again.page)
    assert again.external == []


def test_language_switch_changes_labels_and_number_format(open_page) -> None:
    page = open_page("/").page
    assert "58.76万件" in _main_text(page)
    page.locator('[data-testid="stSidebar"] [data-testid="stRadio"] label', has_text="English").click()
    page.wait_for_function("() => window.location.search.includes('lang=en')", timeout=30_000)
    wait_settled(page)
    text = _main_text(page)
    assert "Hohhot–Baotou–Ordos–Ulanqab Integration Dashboard" in text
    assert "587,600 cases" in text and "58.76万" not in text


def test_download_csv_has_the_filtered_rows_with_sources(open_page) -> None:
    page = open_page("/explorer?lang=en&city=ordos&sector=cooperation_planning").page
    try:
        with page.expect_download(timeout=30_000) as info:
            page.get_by_role("button", name="Download CSV").click()
    except Exception:  # keep what the page showed (the button prints the reason a deferred file failed)
        page.screenshot(path=str(ARTIFACTS / "download-failed.png"), full_page=True)
        raise AssertionError(f"no download; the page says: {_main_text(page)[-600:]}") from None
    download = info.value
    version = CsvStore(paths.DATA_DIR).data_version()
    assert download.suggested_filename == f"hbeu-figures-en-{version}.csv"  # the export carries the data version
    raw = open(download.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows, "the export is empty"
    assert {"Source", "Evidence", "source_id"} <= set(rows[0])
    assert {r["data_version"] for r in rows} == {version}
    # Ordos, the four cities, or several cities one of which is Ordos (a figure touching Ordos is kept)
    assert all(r["City"] in ("Ordos", "Four cities") or "Ordos" in r["City"].split("–") for r in rows), rows
    assert {r["Sector"] for r in rows} == {"Cooperation & planning"}
    assert any(r["figure_id"] == "ordos-plan-tasks" and r["Value"] == "236" for r in rows)

"""The UI boundary: the memo keyed on the data version, and markdown escaping."""

import os
from pathlib import Path

import pytest

from hbeu_dash import paths
from hbeu_dash.ui import card_html, data, widgets
from tests.conftest import read_rows


def test_memo_reuses_and_recomputes_after_a_content_change(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "DATA_DIR", data_dir)
    calls = []

    def build() -> list[int]:
        calls.append(1)
        return [len(calls)]

    first = data.memo(("test-key",), build)
    assert data.memo(("test-key",), build) is first and len(calls) == 1
    assert data.memo(("other-key",), build) == [2]
    figures = data_dir / "figures.csv"
    stat = figures.stat()
    os.utime(figures, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert data.memo(("test-key",), build) is first  # touched, same content: same data version
    figures.write_bytes(figures.read_bytes() + b"\n")
    assert data.memo(("test-key",), build) == [3]  # an edited CSV is a new data version


def test_escape_md_makes_links_and_images_inert() -> None:
    text = widgets.escape_md("![x](http://evil.example/a.png) [y](javascript:alert(1)) :red[z]")
    assert "](" not in text.replace("\\]\\(", "")
    assert text.count("\\!") == 1 and "\\:red" in text


def test_kpi_card_html_escapes_every_text() -> None:
    from hbeu_dash.views.cards import Kpi

    kpi = Kpi(
        indicator_id="x",
        name="<b>name</b>",
        city="呼和浩特",
        value='5 <img src="http://evil.example/x.png">',
        period="累计",
        as_of="截至 2024年12月",
        sources="来源: 青橙融媒 · 2025-02-01",
        evidence=('青橙融媒 · 2025-02-01 (2025年2月): “实现"1412"项”',),
        conflict="⚠ <script>",
    )
    card = card_html.make_kpi_html(kpi)
    assert "<img" not in card and "<script" not in card and "<b>" not in card
    assert 'title="青橙融媒 · 2025-02-01 (2025年2月): “实现&quot;1412&quot;项”"' in card
    assert '<div class="kpi-conflict">⚠ &lt;script&gt;</div>' in card


def test_event_card_html_escapes_every_text() -> None:
    from hbeu_dash.ui.sections import make_event_card_html
    from hbeu_dash.views.events import EventCard, LinkedFigure, Report

    card = EventCard(
        event_id="e",
        heading="2024年12月7日 · <script>x</script>",
        meta="会议 · 四市",
        reports=(Report("“<img src=x>”", "青橙融媒 · 2025-02-01", "note <b>"),),
        figures=(LinkedFigure("协议", "4项", "“4项”", "青橙融媒 · 2025-02-01"),),
    )
    text = make_event_card_html(card, ('evidence?event=e:s&x="><script>', "原文段落"))
    assert "<script>" not in text and "<img" not in text and "<b>" not in text
    assert "&lt;script&gt;" in text and "<li>协议: <strong>4项</strong>" in text
    assert 'href="evidence?event=e:s&amp;x=&quot;&gt;&lt;script&gt;" target="_blank"' in text


def test_an_event_card_asks_for_its_reports_and_figures_paragraphs() -> None:
    from hbeu_dash.model.transforms import join_figures
    from hbeu_dash.paths import DATA_DIR
    from hbeu_dash.store import CsvStore
    from hbeu_dash.views.events import build_event_cards, build_timeline

    tables = CsvStore(DATA_DIR).read()[1].tables
    figures = join_figures(tables["figures"], tables["indicators"], tables["sources"])
    timeline = build_timeline(tables["events"], tables["sources"], ("hohhot", "baotou", "ordos", "ulanqab"))
    cards = build_event_cards(timeline, tables["events"], tables["sources"], figures, "zh")
    # mayors-meeting-8: every report of it (three sources, in the order of data/events.csv) and every figure linked
    # to it (the 4 and 10 agreements among them), read here from the CSV files with the csv module.
    [card] = [c for c in cards if c.event_id == "mayors-meeting-8"]
    params = card.request.params()
    header, *rows = read_rows(DATA_DIR / "events.csv")
    reports = [r[header.index("source_id")] for r in rows if r[header.index("event_id")] == "mayors-meeting-8"]
    assert reports[:2] == ["meeting8-interviews", "0471tv-2025-02-01"]
    assert params["event"].split(",") == [f"mayors-meeting-8:{source}" for source in reports]
    header, *rows = read_rows(DATA_DIR / "figures.csv")
    linked = {r[header.index("figure_id")] for r in rows if r[header.index("event_id")] == "mayors-meeting-8"}
    assert {"meeting8-edition-a", "gov-agreements-meeting8", "dept-agreements-meeting8"} <= linked
    assert set(params["fig"].split(",")) == linked


def test_tables_read_at_another_version_are_never_cached_under_this_one(data_dir) -> None:
    # A run fixed version "old"; a commit landed before the tables were read: the newer tables are used for this
    # run, but a later run at "old" (an undo back to it) must not get them from the cache.
    from hbeu_dash.store import CsvStore

    folder, actual = str(data_dir), CsvStore(data_dir).data_version()
    result = data._read(folder, "0ld0ld0")
    assert "figures" in result.tables
    with pytest.raises(data._VersionMoved):
        data._read_cached(folder, "0ld0ld0")  # still not cached
    assert data._read(folder, actual) is data._read(folder, actual)  # the right version is cached as before


def test_a_run_whose_data_moved_on_goes_on_at_the_version_it_read(data_dir, monkeypatch: pytest.MonkeyPatch) -> None:
    # begin_run fixed "0ld0ld0"; the tables read are of another version: the run's footer and memo keys follow the
    # tables it shows, and nothing built from them is kept under the old version.
    from hbeu_dash.store import CsvStore

    monkeypatch.setattr(paths, "DATA_DIR", data_dir)
    folder, actual = str(data_dir), CsvStore(data_dir).data_version()
    monkeypatch.setattr(data._RUN, "key", (folder, "0ld0ld0"), raising=False)
    monkeypatch.setattr(data._RUN, "setting", data._setting(), raising=False)
    built = data.memo(("moved-test",), lambda: len(data.get_data().tables["figures"]))
    assert built == len(read_rows(data_dir / "figures.csv")) - 1  # every row of the copy's figures.csv
    assert data.data_version() == actual
    assert (folder, "0ld0ld0", "moved-test") not in data._MEMO  # not kept under the version it is not


def test_a_shared_databases_version_is_read_at_most_once_a_second_and_forgotten_after_a_commit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class CountingStore:  # what the app asks of a database store: a key and data_version()
        key = "postgresql+psycopg://hbeu:***@db/hbeu"
        versions = iter(["v1", "v2", "v3"])
        reads = 0

        def data_version(self) -> str:
            CountingStore.reads += 1
            return next(self.versions)

    now = [1000.0]
    monkeypatch.setattr(data.time, "monotonic", lambda: now[0])
    data.forget_version()
    store = CountingStore()
    assert [data._current_version(store) for _ in range(3)] == ["v1"] * 3 and CountingStore.reads == 1
    now[0] += data.VERSION_TTL_S  # a second later: read again
    assert data._current_version(store) == "v2" and CountingStore.reads == 2
    data.forget_version()  # a commit through this server
    assert data._current_version(store) == "v3" and CountingStore.reads == 3

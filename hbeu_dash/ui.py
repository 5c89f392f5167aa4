"""The one Streamlit-aware module: cached data, sidebar filters bound to the URL, cards, charts, tables."""

import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

import pandas as pd
import streamlit as st

from hbeu_dash import charts, exports, paths, quality, schema, transforms
from hbeu_dash.filters import Filters, parse_query_params, to_query_params
from hbeu_dash.i18n import STATUS_COLORS, city_label, format_date, format_number, format_value, format_values, label, t
from hbeu_dash.loaders import LoadResult, read_dataset

T = TypeVar("T")
DEFAULT_MAP_INDICATOR = "four_city_service_items"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def escape_md(text: object) -> str:
    """Text from a data file or URL, made inert for Streamlit markdown (no links, images or directives)."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


# ---------- data ----------


_RUN = threading.local()


def _read_stamp() -> tuple:
    """Changes whenever a data file changes, so an edited CSV is picked up without a restart."""
    files = sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in paths.DATA_DIR.glob("*.csv"))
    return (str(paths.DATA_DIR), *files)


def _data_stamp() -> tuple:
    """The data version of this script run: read once per run (init_state), so the data loaded and the
    memo keys of one run always agree even if a CSV is saved mid-run; read afresh outside a run."""
    stamp = getattr(_RUN, "stamp", None)
    return stamp if stamp is not None else _read_stamp()


@st.cache_resource(show_spinner=False, max_entries=4)
def _read(stamp: tuple) -> LoadResult:
    return read_dataset(Path(stamp[0]))


@st.cache_resource(show_spinner=False, max_entries=4)
def _joined(stamp: tuple) -> pd.DataFrame | None:
    tables = _read(stamp).tables
    if not {"figures", "indicators", "sources"} <= set(tables):
        return None
    return transforms.join_figures(tables["figures"], tables["indicators"], tables["sources"])


def get_data() -> LoadResult:
    """The validated tables and the problems of the broken ones (shared, read-only: never mutate)."""
    return _read(_data_stamp())


def get_figures() -> pd.DataFrame | None:
    """Figures joined with indicators and sources; None when one of those tables is broken."""
    return _joined(_data_stamp())


def get_table(name: str) -> pd.DataFrame | None:
    """One validated table, or None (with a notice on the page) when its file is broken."""
    table = get_data().tables.get(name)
    if table is None:
        st.info(t("table_unavailable", current_lang(), file=f"{name}.csv"))
    return table


_MEMO: OrderedDict[tuple, object] = OrderedDict()
_MEMO_LOCK = threading.Lock()
MEMO_ENTRIES = 512


def memo(key: tuple, build: Callable[[], T]) -> T:
    """Compute `build()` once per key and data version, shared by all sessions (values are never mutated).

    Pages are pure functions of the data and the filters, so reruns with the same filters reuse the view
    models (KPI cards, charts) instead of recomputing them; the least recently used entries are dropped.
    """
    full = (_data_stamp(), *key)
    with _MEMO_LOCK:
        if full in _MEMO:
            _MEMO.move_to_end(full)
            return _MEMO[full]  # type: ignore[return-value]
    value = build()
    with _MEMO_LOCK:
        _MEMO[full] = value
        while len(_MEMO) > MEMO_ENTRIES:
            _MEMO.popitem(last=False)
    return value


def selected_figures(filters: Filters) -> pd.DataFrame | None:
    """The joined figures of the selected cities and sectors (memoised)."""
    figures = get_figures()
    if figures is None:
        return None
    return memo(
        ("selected", filters.cities, filters.sectors),
        lambda: transforms.filter_figures(figures, filters.cities, filters.sectors),
    )


# ---------- filters ----------

_KEYS = {"lang": "lang", "cities": "f_cities", "sectors": "f_sectors"}


def init_state() -> None:
    """Fix this run's data version; on a session's first run, take the filters from the URL."""
    _RUN.stamp = _read_stamp()
    if st.session_state.get("_init"):
        return
    filters, notices = parse_query_params(st.query_params.to_dict())
    st.session_state[_KEYS["lang"]] = filters.lang
    st.session_state[_KEYS["cities"]] = list(filters.cities)
    st.session_state[_KEYS["sectors"]] = list(filters.sectors)
    st.session_state["_notices"] = notices
    st.session_state["_init"] = True


def current_lang() -> str:
    """The language chosen in the sidebar (zh by default)."""
    return st.session_state.get(_KEYS["lang"], "zh")


def current_filters() -> Filters:
    """The filters chosen in the sidebar."""
    return Filters(
        lang=current_lang(),
        cities=tuple(c for c in schema.CITY_IDS if c in st.session_state.get(_KEYS["cities"], schema.CITY_IDS)),
        sectors=tuple(s for s in schema.SECTORS if s in st.session_state.get(_KEYS["sectors"], schema.SECTORS)),
    )


def _reset() -> None:
    st.session_state[_KEYS["cities"]] = list(schema.CITY_IDS)
    st.session_state[_KEYS["sectors"]] = list(schema.SECTORS)


def render_sidebar() -> Filters:
    """Language, city and sector filters in the sidebar, mirrored into the URL."""
    lang = current_lang()
    with st.sidebar:
        st.radio(
            t("language", lang),
            ["zh", "en"],
            key=_KEYS["lang"],
            format_func=lambda v: "中文" if v == "zh" else "English",
            horizontal=True,
        )
        lang = current_lang()
        st.multiselect(
            t("filter_cities", lang),
            list(schema.CITY_IDS),
            key=_KEYS["cities"],
            format_func=lambda c: label("city", c, lang),
        )
        st.multiselect(
            t("filter_sectors", lang),
            list(schema.SECTORS),
            key=_KEYS["sectors"],
            format_func=lambda s: label("sector", s, lang),
        )
        st.button(t("reset_filters", lang), on_click=_reset)
        st.caption(t("filter_help", lang))
    filters = current_filters()
    wanted = to_query_params(filters)
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)
    notices = st.session_state.pop("_notices", [])
    for n in notices:
        why = t("param_unknown" if n.reason == "unknown" else "param_bad_value", lang)
        st.warning(t("param_ignored", lang, name=escape_md(n.name), value=escape_md(n.value), why=why), icon="⚠️")
    return filters


CSS = """<style>
[data-testid="stMetricValue"] { font-size: 1.9rem; line-height: 1.25; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
</style>"""


def show_table(frame: pd.DataFrame, **kwargs: object) -> None:
    """st.dataframe with categorical columns as plain text (the grid shows an empty category as 'None')."""
    plain = {c: "string" for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)}
    st.dataframe(frame.astype(plain) if plain else frame, **kwargs)


def render_style() -> None:
    """Local CSS: KPI values wrap instead of being cut off (nothing is fetched)."""
    st.html(CSS)


def render_data_banner() -> None:
    """A banner on every page when a data file is broken; the rest keeps working."""
    problems = get_data().problems
    if problems:
        lang = current_lang()
        files = ", ".join(sorted({p.file for p in problems}))
        st.error(t("data_banner", lang, n=len(problems), files=escape_md(files)), icon="🚨")


def render_empty_state(filters: Filters) -> bool:
    """Show the friendly empty state and return True when nothing is selected."""
    if filters.is_empty:
        st.info(t("empty_state", filters.lang), icon="🔎")
        return True
    return False


def begin_page(title_key: str, sector: str | None = None, intro_key: str | None = None) -> Filters:
    """Title, then stop the page with a friendly notice when nothing (or not this page's sector) is selected."""
    filters = current_filters()
    render_header(title_key, t(intro_key, filters.lang) if intro_key else None)
    if render_empty_state(filters) or (sector is not None and not render_sector_guard(filters, sector)):
        st.stop()
    return filters


def require_figures(filters: Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    """All joined figures and those under the filters; stops the page when figures.csv is broken."""
    figures, selected = get_figures(), selected_figures(filters)
    if figures is None or selected is None:
        st.info(t("table_unavailable", filters.lang, file="figures.csv"))
        st.stop()
    return figures, selected


def render_sector_guard(filters: Filters, sector: str) -> bool:
    """False (with a notice) when this page's sector is filtered out."""
    if sector in filters.sectors:
        return True
    st.info(t("empty_state", filters.lang), icon="🔎")
    return False


def render_header(title_key: str, intro: str | None = None) -> None:
    """Page title (and an optional one-line introduction)."""
    lang = current_lang()
    st.title(t(title_key, lang))
    if intro:
        st.caption(intro)


# ---------- cards, charts, tables ----------


@dataclass(frozen=True)
class Kpi:
    """What one KPI card shows, computed once per data and filters (see memo)."""

    name: str
    city: str
    value: str
    help: str
    meta: str
    conflict: str | None
    agree: str | None


def make_kpi(records: list[dict], city: str, lang: str) -> Kpi | None:
    """The card of one indicator in one city from all its reports (oldest first), or None without any."""
    if not records:
        return None
    first = records[-1]
    values = sorted({r["value"] for r in records})
    help_text = "\n\n".join(
        f"{r['source_title']} ({format_date(r['as_of'], lang)}): “{r['evidence']}”" for r in records
    )
    period = format_date(first["period"], lang) if first["period"] else label("measure", first["measure"], lang)
    meta = " · ".join(
        [
            escape_md(period),
            f"{t('as_of', lang)} {escape_md(format_date(max(r['as_of'] for r in records), lang))}",
            f"{t('source', lang)}: " + escape_md(", ".join(sorted({r["source_id"] for r in records}))),
        ]
    )
    conflict = None
    if len(values) > 1:
        detail = "; ".join(f"{format_number(r['value'], lang)} ({escape_md(r['source_id'])})" for r in records)
        conflict = t("conflict_marker", lang, values=detail)
    return Kpi(
        name=first["indicator_zh"] if lang == "zh" else first["indicator_en"],
        city=city_label(city, lang),
        value=format_values(values, first["unit_zh"], first["unit_en"], lang),
        help=escape_md(help_text),
        meta=meta,
        conflict=conflict,
        agree=t("agree", lang, n=len(records)) if len(values) == 1 and len(records) > 1 else None,
    )


def render_kpi(kpi: Kpi) -> None:
    """A KPI card: value with unit, as-of and source beneath, evidence on hover; disagreeing sources marked."""
    with st.container(border=True):
        st.markdown(f"**{escape_md(kpi.name)}**")
        st.metric(escape_md(kpi.city), escape_md(kpi.value), help=kpi.help)
        st.caption(kpi.meta)
        if kpi.conflict:
            st.markdown(f":red[**{kpi.conflict}**]")
        elif kpi.agree:
            st.caption("✓ " + kpi.agree)


def render_kpis(figures: pd.DataFrame, cards: list[tuple[str, str]], filters: Filters, per_row: int = 4) -> None:
    """A grid of KPI cards, keeping only those of the selected cities and sectors."""

    def build() -> list[Kpi]:
        keep = transforms.filter_figures(figures, filters.cities, filters.sectors)
        wanted = keep[keep["indicator_id"].isin([i for i, _ in cards])].sort_values(["as_of", "source_id"])
        reports: dict[tuple, list[dict]] = {}
        for record in wanted.to_dict("records"):  # one pass instead of a filter per card
            reports.setdefault((record["indicator_id"], record["city"]), []).append(record)
        kpis = (make_kpi(reports.get((i, c), []), c, filters.lang) for i, c in cards)
        return [k for k in kpis if k is not None]

    shown = memo(("kpis", tuple(cards), filters), build)
    for start in range(0, len(shown), per_row):
        columns = st.columns(per_row)
        for column, kpi in zip(columns, shown[start : start + per_row], strict=False):
            with column:
                render_kpi(kpi)


def render_chart(chart: charts.Chart | Callable[[], charts.Chart], key: str, *extra: object) -> None:
    """A chart with its source line, its one-sentence summary and its table twin.

    Pass a builder (no arguments) rather than a Chart and it runs once per data, filters and `extra`.
    """
    lang = current_lang()
    if callable(chart):
        chart = memo(("chart", key, current_filters(), *extra), chart)
    st.plotly_chart(chart.figure, config=charts.png_config(chart.filename), key=key, width="stretch")
    if chart.sources:
        st.caption(escape_md(chart.sources))
    st.markdown(escape_md(chart.summary))
    with st.expander(t("table_twin", lang)):
        show_table(chart.table, hide_index=True, width="stretch")


def render_downloads(table: pd.DataFrame, stem: str) -> None:
    """CSV (UTF-8 with BOM) and Excel downloads of a table, formula-injection safe.

    The files are made only when a button is clicked (Streamlit runs the callable then), not on every rerun.
    """
    lang = current_lang()
    left, right, _ = st.columns([1, 1, 4])
    left.download_button(
        t("download_csv", lang), lambda: exports.to_csv_bytes(table), f"{stem}.csv", "text/csv", key=f"{stem}-csv"
    )
    right.download_button(
        t("download_excel", lang),
        lambda: exports.to_excel_bytes(table),
        f"{stem}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{stem}-xlsx",
    )


def render_identity(identities: pd.DataFrame, figures: pd.DataFrame, identity_id: str, key: str) -> None:
    """The waterfall of one declared identity (e.g. the Hohhot–Baotou batches adding up to their total)."""
    lang = current_lang()

    def build() -> charts.Chart | None:
        evaluated = quality.evaluate_identities(identities, figures)
        rows = evaluated[evaluated["identity_id"] == identity_id]
        if rows.empty:
            return None
        return charts.make_identity_figure(rows.iloc[0], figures, lang, f"hbeu-{identity_id}-{lang}")

    chart = memo(("identity", identity_id, lang), build)
    if chart is not None:
        render_chart(chart, key)


def project_reports(projects: pd.DataFrame, filters: Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The project reports under the filters, and one latest report per project (memoised)."""
    reports = memo(
        ("project-reports", filters.cities, filters.sectors),
        lambda: transforms.filter_projects(projects, filters.cities, filters.sectors),
    )
    latest = memo(
        ("project-latest", filters.cities, filters.sectors), lambda: transforms.latest_project_reports(reports)
    )
    return reports, latest


def make_project_status_chart(projects: pd.DataFrame, filters: Filters, title: str) -> charts.Chart:
    """Projects of the selected cities and sectors, counted by their latest stated stage."""
    _, latest = project_reports(projects, filters)
    counts = transforms.count_projects_by_status(latest)
    lang = filters.lang
    return charts.make_status_figure(latest, counts, lang, title, f"hbeu-projects-by-status-{lang}")


def render_conflicts(conflicts: pd.DataFrame) -> None:
    """Each conflict: every report side by side with source, speaker, as-of and evidence; none is chosen."""
    lang = current_lang()
    if conflicts.empty:
        st.caption(
            "✓ "
            + ("当前筛选下没有来源不一致的数字。" if lang == "zh" else "No disagreeing figures under these filters.")
        )
        return
    for conflict_id, group in conflicts.groupby("conflict_id", sort=True):
        first = group.iloc[0]
        name = first["indicator_zh"] if lang == "zh" else first["indicator_en"]
        values = format_values(sorted(set(group["value"])), first["unit_zh"], first["unit_en"], lang)
        with st.container(border=True):
            st.markdown(f"**⚠ {escape_md(name)} · {escape_md(city_label(first['city'], lang))}: {escape_md(values)}**")
            st.markdown(
                escape_md(
                    "同一城市、同一指标,不同来源报告了不同的数字。两者并列显示,本看板不替读者取舍;差异可能来自统计范围或时点不同,见说明。"
                    if lang == "zh"
                    else "Two sources report different numbers for the same city and indicator. Both are shown; the "
                    "dashboard does not pick one. The difference may come from scope or timing; see the notes."
                )
            )
            show_table(
                pd.DataFrame(
                    {
                        t("value", lang): group["value"],
                        t("value_text", lang): group["value_text"],
                        t("source", lang): group["source_title"],
                        t("speaker", lang): group["speaker"],
                        t("as_of", lang): [format_date(a, lang) for a in group["as_of"]],
                        t("evidence", lang): group["evidence"],
                        t("note", lang): group["note"],
                    }
                ),
                hide_index=True,
                width="stretch",
                key=f"conflict-{conflict_id}",
            )


def render_map(cities: pd.DataFrame, figures: pd.DataFrame | None, projects: pd.DataFrame, filters: Filters) -> None:
    """The pydeck map: cities sized by an indicator the user picks, projects as arcs coloured by status."""
    from hbeu_dash import maps
    from hbeu_dash.settings import load_boundaries, load_settings

    lang = filters.lang
    if figures is not None:
        options = ["", *transforms.indicators_with_city_values(figures)]
        names = dict(
            zip(figures["indicator_id"], figures["indicator_zh" if lang == "zh" else "indicator_en"], strict=False)
        )
        picked = st.selectbox(
            "地图标记大小依据" if lang == "zh" else "Size city markers by",
            options,
            index=options.index(DEFAULT_MAP_INDICATOR) if DEFAULT_MAP_INDICATOR in options else 0,
            format_func=lambda i: names.get(i, "—"),
            key="map_indicator",
        )
    else:
        picked = ""
    settings = load_settings()
    path = settings.boundaries_path
    stamp = path.stat().st_mtime_ns if path is not None and path.is_file() else None
    boundaries, error = memo(("boundaries", settings, stamp), lambda: load_boundaries(settings))
    for problem in [*settings.problems, *([error] if error else [])]:
        st.warning(escape_md(problem))

    def build() -> object:
        values = _map_values(figures, picked, lang) if picked and figures is not None else None
        shown = cities[cities["city_id"].isin(filters.cities)]
        reports = transforms.filter_projects(projects, filters.cities, filters.sectors)
        sources = get_data().tables.get("sources")
        return maps.make_city_deck(shown, values, reports, lang, settings, boundaries, sources=sources)

    deck = memo(("deck", filters, picked, settings), build)
    st.pydeck_chart(deck, height=520, key="city-map")
    legend = " ".join(f"<span style='color:{c}'>■</span> {label('status', s, lang)}" for s, c in STATUS_COLORS.items())
    st.caption(legend, unsafe_allow_html=True)
    note = (
        "地图不加载任何外部底图(离线可用);部署方可在 settings.toml 中配置内网瓦片和边界。"
        if lang == "zh"
        else "No external basemap is loaded (works offline); a deployer can configure intranet tiles and boundaries "
        "in settings.toml."
    )
    if settings.tile_attribution:
        note += " " + settings.tile_attribution
    st.caption(escape_md(note))


def _map_values(figures: pd.DataFrame, indicator_id: str, lang: str) -> pd.DataFrame:
    """Per-city values of one indicator, labelled for the map's tooltips (all values when sources disagree)."""
    rows = transforms.city_values(figures, indicator_id)
    return pd.DataFrame(
        {
            "city_id": rows["city_id"],
            "value": rows["value"],
            "label": [
                format_values(r["all_values"], r["unit_zh"], r["unit_en"], lang)
                + (f" ⚠ {t('conflict', lang)}" if r["n_values"] > 1 else "")
                for _, r in rows.iterrows()
            ],
            "source": rows["source_title"],
            "as_of": [format_date(a, lang) for a in rows["as_of"]],
        }
    )


def project_reports_table(reports: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Project reports as a reader sees them: name, status, the words that say so, who, when, source, note."""
    return pd.DataFrame(
        {
            t("name", lang): reports["name_zh" if lang == "zh" else "name_en"],
            t("status", lang): [label("status", s, lang) for s in reports["status"]],
            t("evidence", lang): reports["evidence"],
            t("speaker", lang): reports["speaker"],
            t("as_of", lang): reports["as_of"],
            t("source", lang): reports["source_id"],
            t("note", lang): reports["note"],
        }
    )


def render_project_tracker(latest: pd.DataFrame, reports: pd.DataFrame) -> None:
    """Every project with its kind, cities, status, as-of and source; every report in an expander."""
    lang = current_lang()
    if latest.empty:
        st.info(t("empty_state", lang))
        return
    name = "name_zh" if lang == "zh" else "name_en"
    table = pd.DataFrame(
        {
            t("name", lang): latest[name],
            t("kind", lang): [label("project_kind", k, lang) for k in latest["kind"]],
            t("cities", lang): [city_label(c, lang) for c in latest["cities"]],
            t("status", lang): [
                label("status", s, lang) + (" ⚠" if d else "")
                for s, d in zip(latest["status"], latest["disagree"], strict=True)
            ],
            t("as_of", lang): latest["as_of"],
            t("source", lang): latest["source_id"],
            t("evidence", lang): latest["evidence"],
        }
    )
    show_table(table, hide_index=True, width="stretch", key="tracker")
    st.caption(
        "⚠ "
        + (
            "各来源对该项目阶段的说法不一,见下方全部报告。"
            if lang == "zh"
            else "sources name different stages; see all reports below."
        )
    )
    with st.expander(("全部项目报告" if lang == "zh" else "Every project report") + f" ({len(reports)})"):
        show_table(project_reports_table(reports, lang), hide_index=True, width="stretch")
        render_downloads(reports, f"hbeu-projects-{lang}")


def make_event_cards(timeline: pd.DataFrame, events: pd.DataFrame, figures: pd.DataFrame | None, lang: str) -> list:
    """Markdown blocks of each event card: heading, meta line, quoted reports with notes, linked figures."""
    title = "title_zh" if lang == "zh" else "title_en"
    cards = []
    for event in timeline.to_dict("records"):
        blocks = [("markdown", f"**{escape_md(format_date(event['date'], lang))} · {escape_md(event[title])}**")]
        meta = [
            escape_md(label("event_kind", event["kind"], lang)),
            escape_md(city_label(event["cities"], lang)),
            f"{t('sources', lang)}: {escape_md(event['sources'])}",
        ]
        blocks.append(("caption", " · ".join(meta)))
        for r in events[events["event_id"] == event["event_id"]].to_dict("records"):
            blocks.append(("markdown", f"> {escape_md(r['evidence'])} — *{escape_md(r['source_id'])}*"))
            if r["note"]:
                blocks.append(("caption", escape_md(r["note"])))
        if figures is not None:
            linked = transforms.figures_of_event(figures, event["event_id"]).drop_duplicates("indicator_id")
            for f in linked.to_dict("records"):
                name = f["indicator_zh"] if lang == "zh" else f["indicator_en"]
                value = format_value(f["value"], f["unit_zh"], f["unit_en"], lang)
                quote = f"“{f['evidence']}” ({f['source_id']})"
                blocks.append(("markdown", f"- {escape_md(name)}: **{escape_md(value)}** — {escape_md(quote)}"))
        cards.append(blocks)
    return cards


def render_event_list(timeline: pd.DataFrame, events: pd.DataFrame, figures: pd.DataFrame | None) -> None:
    """Each event in date order with its kind, cities, sources, evidence and the figures linked to it."""
    filters = current_filters()
    cards = memo(("event-cards", filters), lambda: make_event_cards(timeline, events, figures, filters.lang))
    for blocks in cards:
        with st.container(border=True):
            for kind, text in blocks:
                (st.caption if kind == "caption" else st.markdown)(text)


def render_explorer_search(figures: pd.DataFrame) -> pd.DataFrame:
    """A free-text search over names, evidence and notes, and an indicator picker; returns the matching rows."""
    lang = current_lang()
    left, right = st.columns([2, 3])
    query = left.text_input(
        "搜索(名称、原文、说明)" if lang == "zh" else "Search (names, evidence, notes)", key="explorer_q"
    )
    names = dict(
        zip(figures["indicator_id"], figures["indicator_zh" if lang == "zh" else "indicator_en"], strict=False)
    )
    picked = right.multiselect(
        t("indicator", lang),
        sorted(names),
        format_func=lambda i: names.get(i, i),
        key="explorer_ind",
        placeholder="全部指标" if lang == "zh" else "All indicators",
    )
    rows = figures
    if picked:
        rows = rows[rows["indicator_id"].isin(picked)]
    if query.strip():
        needle = query.strip().lower()[:100]
        columns = ["indicator_zh", "indicator_en", "evidence", "note", "speaker", "figure_id"]
        text = rows[columns[0]].astype("string").fillna("")
        for column in columns[1:]:  # categorical columns do not concatenate; as text they do
            text = text + " " + rows[column].astype("string").fillna("")
        rows = rows[text.str.lower().str.contains(needle, regex=False).to_numpy(dtype=bool)]
    return rows


def render_figures_table(table: pd.DataFrame) -> None:
    """The figures table with units, sources and evidence configured for reading."""
    lang = current_lang()
    st.caption(t("rows_shown", lang, n=len(table)))
    if table.empty:
        st.info(t("empty_state", lang))
        return
    show_table(
        table,
        hide_index=True,
        width="stretch",
        height=min(600, 38 + 35 * len(table)),
        column_config={
            t("value", lang): st.column_config.NumberColumn(
                t("value", lang), help="基本单位" if lang == "zh" else "base units", width="medium", format="localized"
            ),
            t("evidence", lang): st.column_config.TextColumn(
                t("evidence", lang),
                width="large",
                help="来源原文片段" if lang == "zh" else "verbatim fragment of the source",
            ),
            "url": st.column_config.LinkColumn("URL", display_text="↗"),
            t("source", lang): st.column_config.TextColumn(t("source", lang), width="medium"),
        },
        key="figures-table",
    )


def render_validation_state() -> None:
    """Which data files are valid, and every problem of the broken ones (file, row, column) in the user's language."""
    lang = current_lang()
    result = get_data()
    rows = []
    for spec in schema.TABLES:
        ok = spec.name in result.tables
        rows.append(
            {
                ("文件" if lang == "zh" else "File"): spec.file,
                t("status", lang): ("✓ 有效" if lang == "zh" else "✓ valid")
                if ok
                else ("✗ 有问题" if lang == "zh" else "✗ problems"),
                ("行数" if lang == "zh" else "Rows"): len(result.tables[spec.name]) if ok else None,
            }
        )
    st.subheader("数据校验" if lang == "zh" else "Data validation")
    show_table(pd.DataFrame(rows), hide_index=True, key="validation")
    if result.problems:
        st.error(t("data_banner", lang, n=len(result.problems), files=escape_md(", ".join(sorted(result.broken)))))
        show_table(
            pd.DataFrame(
                {
                    ("文件" if lang == "zh" else "File"): [p.file for p in result.problems],
                    ("行" if lang == "zh" else "Row"): [p.row for p in result.problems],
                    ("列" if lang == "zh" else "Column"): [p.column or "" for p in result.problems],
                    ("问题" if lang == "zh" else "Problem"): [p.message(lang) for p in result.problems],
                }
            ),
            hide_index=True,
            width="stretch",
            key="problems",
        )


def render_sources(sources: pd.DataFrame, figures: pd.DataFrame | None) -> None:
    """Each source with its publisher, date, URL and how many figures cite it."""
    lang = current_lang()
    st.subheader(t("sources", lang))
    counts = figures["source_id"].value_counts() if figures is not None else pd.Series(dtype=int)
    table = sources.assign(n_figures=sources["source_id"].map(counts).fillna(0).astype(int))
    show_table(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            "url": st.column_config.LinkColumn("URL"),
            "n_figures": st.column_config.NumberColumn("数字条数" if lang == "zh" else "Figures"),
        },
        key="sources",
    )


def render_status_conflicts(rows: pd.DataFrame) -> None:
    """Project reports that name different stages, side by side."""
    lang = current_lang()
    if rows.empty:
        st.caption("✓")
        return
    show_table(project_reports_table(rows, lang), hide_index=True, width="stretch", key="status-conflicts")


def render_identities(evaluated: pd.DataFrame) -> None:
    """Every declared identity with its parts, total and whether it holds."""
    lang = current_lang()
    show_table(
        pd.DataFrame(
            {
                t("title", lang): evaluated["title_zh" if lang == "zh" else "title_en"],
                ("部分之和" if lang == "zh" else "Parts"): evaluated["lhs"],
                ("总数" if lang == "zh" else "Total"): evaluated["total"],
                t("status", lang): [
                    ("✓ " if s == "holds" else "✗ ") + label("identity_status", s, lang) for s in evaluated["status"]
                ],
                "figures": evaluated["parts"] + " → " + evaluated["total_id"],
            }
        ),
        hide_index=True,
        width="stretch",
        key="identities",
    )


def render_staleness(stale: pd.DataFrame) -> None:
    """How old each figure is and which are older than a year."""
    lang = current_lang()
    n = int(stale["stale"].sum())
    st.markdown(
        escape_md(
            f"{n} / {len(stale)} 条数字的截至日期已超过一年(以今天 {today().isoformat()} 计)。"
            if lang == "zh"
            else f"{n} of {len(stale)} figures are more than a year old (as of today, {today().isoformat()})."
        )
    )
    oldest = stale.sort_values("age_days", ascending=False)
    show_table(
        pd.DataFrame(
            {
                "figure_id": oldest["figure_id"],
                t("as_of", lang): oldest["as_of"],
                ("天数" if lang == "zh" else "Age (days)"): oldest["age_days"],
                ("过期" if lang == "zh" else "Stale"): oldest["stale"],
                t("source", lang): oldest["source_id"],
            }
        ),
        hide_index=True,
        width="stretch",
        key="staleness",
    )


def today() -> date:
    """Today's date (one place, so staleness can be tested)."""
    return date.today()


def figures_table(figures: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The figures as the explorer and exports show them: labelled, with source and evidence columns."""
    return pd.DataFrame(
        {
            "figure_id": figures["figure_id"],
            t("sector", lang): [label("sector", s, lang) for s in figures["sector"]],
            t("indicator", lang): figures["indicator_zh" if lang == "zh" else "indicator_en"],
            t("city", lang): [city_label(c, lang) for c in figures["city"]],
            t("value", lang): figures["value"],
            t("unit", lang): figures["unit_zh" if lang == "zh" else "unit_en"],
            t("value_text", lang): figures["value_text"],
            t("period", lang): figures["period"],
            t("as_of", lang): figures["as_of"],
            t("speaker", lang): figures["speaker"],
            t("source", lang): figures["source_title"],
            "source_id": figures["source_id"],
            "url": figures["url"],
            t("evidence", lang): figures["evidence"],
            t("note", lang): figures["note"],
        }
    )

"""The project tracker and its reports: one current stage per project, cited by name, bilingual."""

import re

from hbeu_dash.model import transforms
from hbeu_dash.paths import DATA_DIR
from hbeu_dash.views import projects
from hbeu_dash.views.filters import Filters
from tests.conftest import read_rows
from tests.real_data import tables


def projects_csv_column(column: str) -> set[str]:
    """The distinct values of one column of data/projects.csv, read with the csv module (not the loader)."""
    header, *rows = read_rows(DATA_DIR / "projects.csv")
    return {r[header.index(column)] for r in rows}


def latest_and_reports(lang: str, **filters: object):
    t = tables()
    reports = projects.select_projects(t["projects"], t["sources"], Filters(lang=lang, **filters))
    return transforms.latest_project_reports(reports), reports


def test_tracker_one_row_per_project_with_citation_and_disagreement_mark() -> None:
    latest, _ = latest_and_reports("en")
    table = projects.tracker_table(latest, "en").set_index("Name")
    # every project of data/projects.csv once, under the default filters (all cities, all sectors)
    assert sorted(latest["project_id"]) == sorted(projects_csv_column("project_id")) and len(table) == len(latest)
    s43 = table.loc["S43 Airport Expressway"]
    # S43: main works completed (Dec 2024) vs 加快建设 (Feb 2025): the latest stated stage, marked ⚠.
    assert s43["Status"] == "Under construction ⚠"
    assert s43["Source"] == "Qingcheng Media · 2025-02-01"
    assert s43["As of"] == "Feb 2025"
    assert s43["Evidence (English)"]


def test_reports_table_in_chinese_has_no_english_text_but_codes() -> None:
    _, reports = latest_and_reports("zh")
    table = projects.reports_table(reports, "zh")
    assert list(table.columns) == ["名称", "状态", "原文", "发言人", "截至", "来源", "说明"]
    for column in ("状态", "发言人", "来源", "说明"):
        for cell in table[column]:
            words = re.sub(
                r"(?<![A-Za-z])[A-Z]+\d+|\d+G(?![A-Za-z])", "", cell
            )  # codes such as S27, G110, 5G stay as they are
            assert not re.search(r"[A-Za-z]", words), (column, cell)


def test_export_keeps_source_id_beside_the_citation() -> None:
    _, reports = latest_and_reports("en")
    export = projects.export_table(reports, "en")
    assert {"source_id", "project_id", "Source"} <= set(export.columns)
    assert set(export["source_id"]) == projects_csv_column("source_id")  # every report, all filters on
    assert "0471tv-2025-02-01" not in set(export["Source"])


def test_sector_filter_leaves_digital_projects_out_of_transport() -> None:
    latest, _ = latest_and_reports("en", sectors=("transport",))
    assert not set(latest["kind"]) & {"data", "platform"}

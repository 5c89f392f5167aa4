"""Chart specs of the pages: title, rows drawn, file name, source line cited by name."""

from hbeu_dash.model import transforms
from hbeu_dash.paths import DATA_DIR
from hbeu_dash.views import charts
from tests.conftest import read_rows
from tests.real_data import joined, tables


def test_service_items_spec() -> None:
    chart = charts.service_items_chart(joined(), "zh", by_source=True)
    assert chart.title == "各市“四城通办”事项数（按来源）"
    assert chart.filename == "hbeu-service-items-zh"
    assert sum(len(trace.y) for trace in chart.figure.data) == 3  # 561, 1412 (Hohhot), 587 (Baotou)
    assert "青橙融媒 · 2025-02-01" in chart.sources


def test_breakdowns_are_none_when_filtered_out() -> None:
    ordos_only = transforms.filter_figures(joined(), ("ordos",), ("science_innovation",))
    assert charts.consortia_chart(ordos_only, "en") is None  # Ulanqab's consortia
    chart = charts.ordos_plan_chart(joined(), "en")
    assert chart.title == "Ordos: integration task plan, broken down"
    assert list(chart.figure.data[0].x) == [8, 236, 25, 11, 4]  # aspects, tasks, key works, key projects, platforms


def test_status_and_identity_specs() -> None:
    t = tables()
    latest = transforms.latest_project_reports(transforms.add_citations(t["projects"], t["sources"]))
    status = charts.status_chart(latest, "en")
    header, *rows = read_rows(DATA_DIR / "projects.csv")
    n_projects = len({r[header.index("project_id")] for r in rows})  # each project once, however many reports
    assert status.title == "Projects by status" and sum(status.figure.data[0].x) == n_projects
    identity = charts.identity_chart(t["identities"], joined(), charts.HB_ITEMS_IDENTITY, "en")
    assert identity.summary == "192 + 120 = 312; reported total 312 (holds)."
    assert charts.identity_chart(t["identities"], joined(), "no-such-identity", "en") is None

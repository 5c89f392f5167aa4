"""A workbook of several tables is one change set and one audited commit: `python -m hbeu_dash import BOOK.xlsx`
(no --table) reads every sheet named after a table (sources, indicators, figures, events, projects, or their Chinese
names), so a figure that needs a new indicator brings it in the same commit. Problems name the sheet, row and column
in zh and en; a sheet named after no table is refused by name; the upload hardening holds for every sheet; the data
folder stays byte-identical when anything is wrong. The assistant's review workbook (`extract --workbook`) comes back
through the same import after the analyst's review.

The rows quote sentences of our own, added to a data copy's source text (tests.conftest.extend_source_text)."""

import io
import json
from pathlib import Path

import openpyxl
import pytest

from hbeu_dash.cli.main import main
from hbeu_dash.intake.changeset import UPLOAD_TABLES, rows_from_workbook
from hbeu_dash.intake.uploads import MAX_SHEETS, read_workbook
from hbeu_dash.model import schema, transforms
from hbeu_dash.model.loaders import read_dataset
from hbeu_dash.store.diff import parse_rows, write_rows
from hbeu_dash.views.targets import build_target_checks
from tests.conftest import extend_source_text
from tests.test_import_cli import assert_untouched, snapshot
from tests.test_uploads import saved

SOURCE = "0471tv-2025-02-01"
# Sentences of our own (no article says them), added to the data copy's text of SOURCE.
SENTENCES = ("鄂尔多斯市新建城际公路85公里", "两地开行通勤班车6对")
INDICATOR = {
    "indicator_id": "intercity_road_km",
    "sector": "transport",
    "name_zh": "新建城际公路",
    "name_en": "New intercity roads",
    "unit_zh": "公里",
    "unit_en": "km",
    "measure": "count",
    "note_zh": "",
    "note_en": "",
}
FIGURE = {
    "figure_id": "ordos-intercity-road-t",
    "indicator_id": "intercity_road_km",
    "city": "ordos",
    "value": "85",
    "value_text": "85",
    "period": "",
    "as_of": "2025-02",
    "source_id": SOURCE,
    "speaker_zh": "",
    "speaker_en": "",
    "event_id": "",
    "evidence": "鄂尔多斯市新建城际公路85公里",
    "evidence_en": "Ordos has built 85 km of new intercity roads",
    "note_zh": "",
    "note_en": "",
    "target_id": "",
}
INDICATOR_LINE = "intercity_road_km,transport,新建城际公路,New intercity roads,公里,km,count,,,\n"
FIGURE_LINE = (
    f"ordos-intercity-road-t,intercity_road_km,ordos,85,85,,2025-02,{SOURCE},,,,"
    "鄂尔多斯市新建城际公路85公里,Ordos has built 85 km of new intercity roads,,\n"
)


@pytest.fixture
def data_dir(data_dir: Path) -> Path:
    """The data copy, its source 0471tv-2025-02-01 saying SENTENCES too."""
    extend_source_text(data_dir, SOURCE, *SENTENCES)
    return data_dir


def sheet(table: str, *rows: dict) -> list[list[object]]:
    """A sheet's cells: the table's header and one line per row (in the header's order)."""
    columns = schema.TABLES_BY_NAME[table].columns
    return [columns, *[[row.get(c, "") for c in columns] for row in rows]]


def without(column: str, cells: list[list[object]]) -> list[list[object]]:
    """A sheet's cells with one column taken out."""
    at = cells[0].index(column)
    return [[*row[:at], *row[at + 1 :]] for row in cells]


def book(sheets: dict[str, list[list[object]]], extra: dict[str, bytes] | None = None) -> bytes:
    """An .xlsx made in code, one sheet per entry (in order), optionally with extra ZIP members."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    return saved(wb, extra)


def good_book() -> bytes:
    return book({"indicators": sheet("indicators", INDICATOR), "figures": sheet("figures", FIGURE)})


def run(path: Path, data: Path, *extra: str, lang: str = "en", commit: bool = True) -> int:
    args = ["--data", str(data), "--lang", lang, "import", str(path), *extra]
    return main(args + (["--commit", "--author", "t"] if commit else []))


def audit_lines(data: Path) -> list[dict]:
    return [json.loads(line) for line in (data / ".hbeu" / "audit.jsonl").read_text(encoding="utf-8").splitlines()]


def test_a_workbook_with_a_new_indicator_and_its_figure_commits_once(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    old = {p.name: p.read_bytes() for p in data_dir.glob("*.csv")}
    path = tmp_path / "book.xlsx"
    path.write_bytes(good_book())
    assert run(path, data_dir) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "2 new row(s), 0 changed, 0 identical" in out
    # The preview heads each sheet's rows and lists the new indicator with its names, unit, sector and measure.
    assert " book.xlsx [indicators]:\n  new     row 2 intercity_road_km\n" in out
    assert "新建城际公路 / New intercity roads (公里 / km; transport; count)" in out
    assert " book.xlsx [figures]:\n  new     row 2 ordos-intercity-road-t\n" in out
    assert (data_dir / "indicators.csv").read_bytes() == old["indicators.csv"] + INDICATOR_LINE.encode()
    assert (data_dir / "figures.csv").read_bytes() == old["figures.csv"] + FIGURE_LINE.encode()
    assert {
        p.name: p.read_bytes() for p in data_dir.glob("*.csv") if p.name not in ("figures.csv", "indicators.csv")
    } == {k: v for k, v in old.items() if k not in ("figures.csv", "indicators.csv")}
    [line] = audit_lines(data_dir)
    assert line["files"] == ["figures.csv", "indicators.csv"]
    assert line["tables"] == {
        "figures": {"added": 1, "changed": 0, "removed": 0},
        "indicators": {"added": 1, "changed": 0, "removed": 0},
    }
    assert main(["--data", str(data_dir), "validate"]) == 0


def test_chinese_sheet_names_and_a_header_only_sheet(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "中文.xlsx"
    sheets = {"数字": sheet("figures", FIGURE), " 指标 ": sheet("indicators", INDICATOR), "事件": sheet("events")}
    path.write_bytes(book(sheets))
    assert run(path, data_dir) == 0
    assert (data_dir / "indicators.csv").read_text(encoding="utf-8").endswith(INDICATOR_LINE)
    assert audit_lines(data_dir)[0]["files"] == ["figures.csv", "indicators.csv"], "the empty events sheet adds nothing"


def test_a_travel_time_measured_against_a_target_adds_the_column_to_a_file_written_before_it(
    data_dir: Path, tmp_path: Path
) -> None:
    # An indicators.csv of before `target_id` (revision 0003's data) takes a new indicator that names its target:
    # the header gains the column at its end, every other row reads empty there and counts as unchanged.
    path = data_dir / "indicators.csv"
    header, rows = parse_rows(path.read_bytes())
    at = header.index("target_id")
    path.write_bytes(write_rows([c for c in header if c != "target_id"], [[*r[:at], *r[at + 1 :]] for r in rows]))
    old = path.read_bytes()
    extend_source_text(data_dir, SOURCE, "包头至鄂尔多斯城际公交单程约90分钟")
    bus = {
        "indicator_id": "baotou_ordos_bus_minutes",
        "sector": "transport",
        "name_zh": "包头至鄂尔多斯城际公交单程时长",
        "name_en": "Intercity bus, Baotou–Ordos, one way",
        "unit_zh": "分钟",
        "unit_en": "minutes",
        "measure": "duration",
        "target_id": "road_circle_target_hours",
    }
    figure = FIGURE | {
        "figure_id": "baotou-ordos-bus-t",
        "indicator_id": "baotou_ordos_bus_minutes",
        "city": "baotou;ordos",
        "value": "90",
        "value_text": "90分钟",
        "evidence": "包头至鄂尔多斯城际公交单程约90分钟",
        "evidence_en": "the intercity bus from Baotou to Ordos takes about 90 minutes one way",
    }
    book_path = tmp_path / "book.xlsx"
    book_path.write_bytes(book({"indicators": sheet("indicators", bus), "figures": sheet("figures", figure)}))
    assert run(book_path, data_dir) == 0
    new_header, new_rows = parse_rows(path.read_bytes())
    assert new_header == [*[c for c in header if c != "target_id"], "target_id"]
    assert write_rows(new_header[:-1], [r[:-1] for r in new_rows[:-1]]) == old  # the other rows as they were
    assert new_rows[-1][-1] == "road_circle_target_hours" and {r[-1] for r in new_rows[:-1]} == {""}
    assert audit_lines(data_dir)[0]["tables"]["indicators"] == {"added": 1, "changed": 0, "removed": 0}
    result = read_dataset(data_dir)
    assert result.problems == []
    # the road circle now has its first Ordos measurement: about 90 minutes, within 2 hours
    t = result.tables
    figures = transforms.join_figures(t["figures"], t["indicators"], t["sources"])
    road = {c.target_id: c for c in build_target_checks(figures, t["indicators"], t["cities"])}[
        "road_circle_target_hours"
    ]
    bus_pair = next(p for p in road.pairs if p.ends == ("baotou", "ordos"))
    assert (bus_pair.reads("en"), bus_pair.verdict) == ("about 90 minutes", "met")
    assert ("baotou", "ordos") not in road.missing


def test_an_indicators_csv_imports_by_table_too(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "indicators.csv"
    path.write_bytes((",".join(schema.INDICATORS.columns) + "\n" + INDICATOR_LINE).encode())
    assert run(path, data_dir, "--table", "indicators") == 0
    assert (data_dir / "indicators.csv").read_text(encoding="utf-8").endswith(INDICATOR_LINE)


# A cell over the 10,000-character cap that does not compress like a zip bomb (no run of one character).
LONG_CELL = "".join(chr(0x4E00 + (i * 7919) % 20_000) for i in range(11_000))
# (case, sheets or bytes, the message line's start, what it says (en), what it says (zh))
BAD = [
    (
        "a bad city in the figures sheet",
        lambda: book(
            {"indicators": sheet("indicators", INDICATOR), "figures": sheet("figures", FIGURE | {"city": "wulan"})}
        ),
        "book.xlsx [figures], row 2, column city: 'wulan' is not a city",
        "book.xlsx [figures] 第 2 行“city”列：“wulan”不是有效城市",
    ),
    (
        "a bad sector in the indicators sheet",
        lambda: book(
            {"indicators": sheet("indicators", INDICATOR | {"sector": "roads"}), "figures": sheet("figures", FIGURE)}
        ),
        "book.xlsx [indicators], row 2, column sector: 'roads' is not one of",
        "book.xlsx [indicators] 第 2 行“sector”列：“roads”不在允许值之内",
    ),
    (
        "a figure citing an indicator nobody brings",
        lambda: book({"figures": sheet("figures", FIGURE)}),
        "book.xlsx [figures], row 2, column indicator_id: 'intercity_road_km' is not a indicator_id in indicators.csv",
        "book.xlsx [figures] 第 2 行“indicator_id”列：“intercity_road_km”在 indicators.csv 的 indicator_id 中找不到",
    ),
    (
        "a new indicator without its English name",
        lambda: book(
            {"indicators": sheet("indicators", INDICATOR | {"name_en": ""}), "figures": sheet("figures", FIGURE)}
        ),
        "book.xlsx [indicators], row 2, column name_en: is empty: name the indicator in English",
        "book.xlsx [indicators] 第 2 行“name_en”列：为空：请给指标起英文名",
    ),
    (
        "a sheet named after no table",
        lambda: book(
            {"indicators": sheet("indicators", INDICATOR), "figures": sheet("figures", FIGURE), "Sheet1": [["x"]]}
        ),
        "book.xlsx [Sheet1]: 'Sheet1' the sheet's name is not a table rows can be added to",
        "book.xlsx [Sheet1]：“Sheet1”工作表名不是可添加数据的表名",
    ),
    (
        "a sheet of a table analysts do not add to",
        lambda: book({"figures": sheet("figures", FIGURE), "cities": sheet("cities")}),
        "book.xlsx [cities]: 'cities' the sheet's name is not a table rows can be added to",
        "book.xlsx [cities]：“cities”工作表名不是可添加数据的表名",
    ),
    (
        "two sheets of one table",
        lambda: book(
            {
                "figures": sheet("figures", FIGURE),
                "数字": sheet("figures", FIGURE),
                "indicators": sheet("indicators", INDICATOR),
            }
        ),
        "book.xlsx [数字]: '数字' names the same table (figures) as sheet 'figures'",
        "book.xlsx [数字]：“数字”与工作表“figures”是同一个表（figures）",
    ),
    (
        "a formula in the indicators sheet",
        lambda: book(
            {
                "indicators": sheet("indicators", INDICATOR | {"name_en": '=HYPERLINK("http://x.example")'}),
                "figures": sheet("figures", FIGURE),
            }
        ),
        "book.xlsx [indicators], row 2, column name_en: '=HYPERLINK(",
        "book.xlsx [indicators] 第 2 行“name_en”列：“=HYPERLINK(",
    ),
    (
        "a missing column in one sheet",
        lambda: book(
            {"indicators": without("note_en", sheet("indicators", INDICATOR)), "figures": sheet("figures", FIGURE)}
        ),
        "book.xlsx [indicators], row 1, column note_en: this column is missing",
        "book.xlsx [indicators] 第 1 行“note_en”列：缺少此列",
    ),
    (
        "a new indicator measured against something that is not a target",
        lambda: book(
            {
                "indicators": sheet("indicators", INDICATOR | {"target_id": "car_commute_hours"}),
                "figures": sheet("figures", FIGURE),
            }
        ),
        "book.xlsx [indicators], row 2, column target_id: 'car_commute_hours' is not a target (its measure is "
        "duration, not target)",
        "book.xlsx [indicators] 第 2 行“target_id”列：“car_commute_hours”不是目标指标（它的 measure 为 duration，"
        "应为 target）",
    ),
    (
        "an empty sheet",
        lambda: book({"indicators": sheet("indicators", INDICATOR), "figures": sheet("figures", FIGURE), "events": []}),
        "book.xlsx [events]: the file is empty or its first row has no header",
        "book.xlsx [events]：文件为空或第一行没有表头",
    ),
    (
        "no rows in any sheet",
        lambda: book({"figures": sheet("figures"), "indicators": sheet("indicators")}),
        "book.xlsx: the file has a header but no data rows",
        "book.xlsx：文件只有表头，没有数据行",
    ),
    (
        "a zip bomb beside the sheets",
        lambda: book({"figures": sheet("figures", FIGURE)}, {"xl/media/zeros.bin": b"\0" * (16 * 1024 * 1024)}),
        "book.xlsx: would unpack to too much data or is compressed suspiciously well",
        "book.xlsx：解压后过大或压缩比异常",
    ),
    (
        "macros",
        lambda: book({"figures": sheet("figures", FIGURE)}, {"xl/vbaProject.bin": b"\x00" * 64}),
        "book.xlsx: contains macros (.xlsm)",
        "book.xlsx：包含宏（.xlsm）",
    ),
    (
        "an 11,000-character cell in the second sheet",
        lambda: book(
            {
                "indicators": sheet("indicators", INDICATOR),
                "figures": sheet("figures", FIGURE | {"note_zh": LONG_CELL}),
            }
        ),
        "book.xlsx [figures], row 2, column note_zh: the cell is longer than 10000 characters",
        "book.xlsx [figures] 第 2 行“note_zh”列：单元格超过 10000 个字符",
    ),
    (
        "too many sheets",
        lambda: book({f"s{i}": [["x"]] for i in range(MAX_SHEETS + 1)}),
        f"book.xlsx: has {MAX_SHEETS + 1} sheets; at most {MAX_SHEETS} are read",
        f"book.xlsx：有 {MAX_SHEETS + 1} 个工作表，最多 {MAX_SHEETS} 个",
    ),
]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("case", "build", "en", "zh"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_workbook_names_sheet_row_and_column_and_writes_nothing(
    case: str, build, en: str, zh: str, lang: str, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    path = tmp_path / "book.xlsx"
    path.write_bytes(build())
    before = snapshot(data_dir)
    assert run(path, data_dir, lang=lang) == 1
    out, err = capsys.readouterr()
    expected = en if lang == "en" else zh
    assert f"- {expected}" in err, err
    assert "committed" not in out and "已提交" not in out
    assert_untouched(data_dir, before)


def test_an_english_name_problem_is_not_told_twice_as_required(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    path = tmp_path / "book.xlsx"
    path.write_bytes(
        book(
            {
                "indicators": sheet("indicators", INDICATOR | {"name_en": "", "unit_en": ""}),
                "figures": sheet("figures", FIGURE),
            }
        )
    )
    assert run(path, data_dir) == 1
    err = capsys.readouterr().err
    assert "column name_en: is empty: name the indicator in English" in err
    assert "column unit_en: is empty: give the unit 公里 in English" in err
    assert "this column is required" not in err


def test_a_csv_needs_its_table_and_a_workbook_with_table_reads_its_first_sheet(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    path = tmp_path / "rows.csv"
    path.write_bytes(b"figure_id\nx\n")
    before = snapshot(data_dir)
    assert run(path, data_dir) == 2
    assert "is not an .xlsx workbook: give a CSV's table with --table" in capsys.readouterr().err
    assert_untouched(data_dir, before)
    # With --table, the old behaviour: the first sheet is the table's rows (the second is not read).
    path = tmp_path / "two.xlsx"
    path.write_bytes(book({"whatever": sheet("indicators", INDICATOR), "figures": sheet("figures", FIGURE)}))
    assert run(path, data_dir, "--table", "indicators") == 0
    assert audit_lines(data_dir)[0]["files"] == ["indicators.csv"]


def test_a_new_source_its_text_its_indicator_and_its_figure_in_one_commit(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    article = tmp_path / "wire.txt"
    article.write_text(
        "测试快讯(为自动化测试编写的合成文本,不是真实报道)\n两地开行通勤班车6对,方便群众往来。\n", encoding="utf-8"
    )
    source = {
        "source_id": "test-wire-2025-03-06",
        "title": "测试快讯",
        "title_en": "Test wire",
        "outlet_zh": "测试通讯社",
        "outlet_en": "Test Wire",
        "published": "2025-03-06",
        "language": "zh",
    }
    indicator = INDICATOR | {
        "indicator_id": "commuter_coach_pairs",
        "name_zh": "开行通勤班车",
        "name_en": "Commuter coach services",
        "unit_zh": "对",
        "unit_en": "pairs",
    }
    figure = FIGURE | {
        "figure_id": "test-wire-1",
        "indicator_id": "commuter_coach_pairs",
        "city": "region",
        "value": "6",
        "value_text": "6",
        "as_of": "2025-03",
        "source_id": "test-wire-2025-03-06",
        "evidence": "两地开行通勤班车6对",
        "evidence_en": "Six pairs of commuter coaches run between the two cities",
    }
    path = tmp_path / "book.xlsx"
    path.write_bytes(
        book(
            {"来源": sheet("sources", source), "指标": sheet("indicators", indicator), "数字": sheet("figures", figure)}
        )
    )
    assert run(path, data_dir, "--text", f"test-wire-2025-03-06={article}") == 0, capsys.readouterr().err
    [line] = audit_lines(data_dir)
    assert line["files"] == ["figures.csv", "indicators.csv", "sources.csv"] and len(line["texts"]) == 1
    assert main(["--data", str(data_dir), "verify-sources"]) == 0


ARTICLE = (
    "测试快讯(为自动化测试编写的合成文本,不是真实报道)\n"
    "今年以来,呼和浩特至鄂尔多斯每日开行动车18趟,方便两地群众出行。\n"
    "鄂尔多斯市新建城际公路120公里。\n"
)


def test_the_assistants_review_workbook_comes_back_through_import(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "review.xlsx"
    args = ["--data", str(data_dir), "extract", str(article), "--published", "2025-03-06"]
    assert main([*args, "--source-id", "test-wire-2025-03-06", "--workbook", str(out)]) == 0
    stdout, stderr = capsys.readouterr()
    assert stdout == "", "the workbook replaces the CSV on standard output"
    assert "2 proposed new indicator(s)" in stderr and f"import {out} --text test-wire-2025-03-06={article}" in stderr
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["sources", "indicators", "figures", "events"]
    cells = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert not any(isinstance(v, str) and v.startswith("=") for v in cells), "no formulas"
    header = [c.value for c in wb["figures"][1]]
    assert header == [*schema.FIGURES.columns, "confidence"]
    indicators = [[c.value or "" for c in row] for row in wb["indicators"].iter_rows(min_row=2)]
    assert [(r[0], r[4], r[5]) for r in indicators] == [
        ("transport_trains_per_day", "趟/日", "trains per day"),
        ("transport_km", "公里", "km"),
    ]
    figures = {row[3].value: row[1].value for row in wb["figures"].iter_rows(min_row=2)}  # value: indicator
    assert figures == {"18": "transport_trains_per_day", "120": "transport_km"}

    # As it comes, the analyst's part is missing: the English names, the source's titles; refused, nothing written.
    before = snapshot(data_dir)
    assert run(out, data_dir, "--text", f"test-wire-2025-03-06={article}") == 1
    err = capsys.readouterr().err
    assert "review.xlsx [indicators], row 2, column name_en: is empty: name the indicator in English" in err
    assert "review.xlsx [sources], row 2, column title_en" in err
    assert_untouched(data_dir, before)

    # The analyst's review: English names, the source's titles and outlet, the 120 km dropped with its indicator.
    source = wb["sources"]
    for column, value in zip("BCDE", ["测试快讯", "Test wire", "测试通讯社", "Test Wire"], strict=True):
        source[f"{column}2"] = value
    wb["indicators"]["D2"] = "Daily EMU trains, Hohhot to Ordos"
    wb["indicators"].delete_rows(3)
    wb["figures"].delete_rows(3)
    events = wb["events"]
    if events.max_row > 1:
        events.delete_rows(2, events.max_row - 1)
    wb.save(out)
    assert run(out, data_dir, "--text", f"test-wire-2025-03-06={article}") == 0, capsys.readouterr().err
    stdout = capsys.readouterr().out
    assert "read past the assistant's score column(s), not stored: review.xlsx [figures] confidence" in stdout
    [line] = audit_lines(data_dir)
    assert line["tables"] == {t: {"added": 1, "changed": 0, "removed": 0} for t in ("figures", "indicators", "sources")}
    figures_csv = (data_dir / "figures.csv").read_text(encoding="utf-8")
    assert "test-wire-2025-03-06-1,transport_trains_per_day,hohhot,18," in figures_csv
    assert "confidence" not in figures_csv and "0.9" not in figures_csv.splitlines()[-1]
    indicators_csv = (data_dir / "indicators.csv").read_text(encoding="utf-8")
    assert (
        'transport_trains_per_day,transport,呼和浩特至鄂尔多斯每日开行动车,"Daily EMU trains, Hohhot to Ordos",趟/日,'
        in indicators_csv
    )


def test_every_uploadable_table_has_a_sheet_name_in_both_languages() -> None:
    sheets = [
        (name, sheet(t))
        for t in UPLOAD_TABLES
        for name in (
            t,
            {"figures": "数字", "indicators": "指标", "sources": "来源", "events": "事件", "projects": "项目"}[t],
        )
    ]
    data = book(dict(sheets[::2]))
    read = rows_from_workbook("b.xlsx", read_workbook("b.xlsx", data))
    assert set(read.labels) == set(UPLOAD_TABLES)
    data = book(dict(sheets[1::2]))
    assert set(rows_from_workbook("b.xlsx", read_workbook("b.xlsx", data)).labels) == set(UPLOAD_TABLES)


def test_the_row_cap_holds_for_the_sheets_together(tmp_path: Path) -> None:
    # Two sheets of 30,000 rows each: each is under the cap of one sheet, together they are over it.
    from hbeu_dash.intake.uploads import MAX_ROWS
    from hbeu_dash.model.problems import DataError

    wb = openpyxl.Workbook(write_only=True)
    for title in ("figures", "events"):
        ws = wb.create_sheet(title)
        ws.append(["figure_id"])
        for i in range(MAX_ROWS * 3 // 5):
            ws.append([f"r{i * 7919 % 100_003}"])
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(DataError) as refused:
        read_workbook("big.xlsx", buf.getvalue())
    [problem] = refused.value.problems
    assert (problem.file, problem.code) == ("big.xlsx", "upload_too_many_rows")
    assert problem.message() == f"big.xlsx: has {MAX_ROWS * 6 // 5}+ rows; at most {MAX_ROWS} are read"

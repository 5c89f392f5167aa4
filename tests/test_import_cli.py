"""`python -m hbeu_dash import`: every hostile or broken upload ends in a message naming its row and column and
leaves the data folder byte-identical; valid uploads are previewed (new, changed, identical rows, new conflicts)
and committed as UTF-8, byte-exact."""

import csv
import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from hbeu_dash.cli.main import main
from tests.conftest import extend_source_text
from tests.test_uploads import workbook_bytes as workbook

FIGURE_COLUMNS = [
    "figure_id",
    "indicator_id",
    "city",
    "value",
    "value_text",
    "period",
    "as_of",
    "source_id",
    "speaker_zh",
    "speaker_en",
    "event_id",
    "evidence",
    "evidence_en",
    "note_zh",
    "note_en",
]
# A valid new figure: no figure for this indicator and city exists, so it brings no conflict.
FIGURE = {
    "figure_id": "ulanqab-service-items-t",
    "indicator_id": "four_city_service_items",
    "city": "ulanqab",
    "value": "300",
    "value_text": "300",
    "period": "",
    "as_of": "2025-02",
    "source_id": "0471tv-2025-02-01",
    "speaker_zh": "",
    "speaker_en": "",
    "event_id": "",
    "evidence": "乌兰察布市通办事项300项",
    "evidence_en": "Ulanqab's shared service items number 300",
    "note_zh": "",
    "note_en": "",
}
# The line it becomes in figures.csv (UTF-8, minimal quoting, LF), written by hand.
FIGURE_LINE = (
    "ulanqab-service-items-t,four_city_service_items,ulanqab,300,300,,2025-02,0471tv-2025-02-01,,,,"
    "乌兰察布市通办事项300项,Ulanqab's shared service items number 300,,\n"
)
# Sentences of our own that the rows of these tests quote: the data copy's 0471tv-2025-02-01 stands on a synthetic
# text that adds them to the archived article (tests.conftest.extend_source_text), so those rows pass the proof
# and every other problem is the one under test.
TEST_SENTENCES = (
    "乌兰察布市通办事项300项",
    "规划建设测试公路",
    "鄂尔多斯市通办事项250项",
    "包头通办事项600项",
    "通办事项301项",
)


@pytest.fixture
def data_dir(data_dir: Path) -> Path:
    """The data copy, its source 0471tv-2025-02-01 saying TEST_SENTENCES too."""
    extend_source_text(data_dir, "0471tv-2025-02-01", *TEST_SENTENCES)
    return data_dir


SOURCE = {
    "source_id": "test-source",
    "title": "测试来源",
    "title_en": "A test source",
    "outlet_zh": "测试报",
    "outlet_en": "Test Daily",
    "published": "2025-03-01",
    "url": "https://example.org/a",
    "language": "zh",
    "note_zh": "",
    "note_en": "",
}
PROJECT = {
    "project_id": "test-road",
    "name_zh": "测试公路",
    "name_en": "Test Road",
    "kind": "highway",
    "cities": "hohhot;ordos",
    "status": "planned",
    "status_text": "规划",
    "as_of": "2025-02",
    "source_id": "0471tv-2025-02-01",
    "speaker_zh": "",
    "speaker_en": "",
    "evidence": "规划建设测试公路",
    "evidence_en": "plans to build the test road",
    "note_zh": "",
    "note_en": "",
}


def csv_text(rows: list[dict], columns: list[str] | None = None, sep: str = ",") -> str:
    """A header and rows as CSV text (LF), columns in the order given (default: the first row's)."""
    columns = columns or list(rows[0])
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(c, "") for c in columns])
    return buf.getvalue()


def figures(*changes: dict, columns: list[str] = FIGURE_COLUMNS, encoding: str = "utf-8", sep: str = ",") -> bytes:
    """figures upload bytes: one row per change (applied to FIGURE)."""
    return csv_text([FIGURE | c for c in changes or ({},)], columns, sep).encode(encoding)


def one(table_row: dict, **change: str) -> Callable[[], bytes]:
    return lambda: csv_text([table_row | change]).encode()


def figure_workbook(**change: object) -> bytes:
    return workbook([FIGURE_COLUMNS, [(FIGURE | change)[c] for c in FIGURE_COLUMNS]])


def billion_laughs() -> bytes:
    """A workbook whose sheet defines nested entities: 10^8 'ha' if expanded."""
    entities = '<!ENTITY a "ha">' + "".join(
        f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook([["figure_id"], ["x"]]))) as src:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename == "xl/worksheets/sheet1.xml":
                    data = data.replace(b"<t>x</t>", b"<t>&i;</t>")
                    data = data.replace(b"<worksheet", f"<!DOCTYPE worksheet [{entities}]><worksheet".encode(), 1)
                dst.writestr(item, data)
    return out.getvalue()


def zip_bomb() -> bytes:
    """A workbook with a member of 16 MB of zeros (about 16 KB compressed: a ratio of 1000)."""
    out = io.BytesIO(figure_workbook())
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/media/zeros.bin", b"\0" * (16 * 1024 * 1024))
    return out.getvalue()


def plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("a.txt", "hi")
    return out.getvalue()


HEADER_LINE = ",".join(FIGURE_COLUMNS) + "\n"


@dataclass(frozen=True)
class Case:
    """One hostile upload: its file, the table it is imported into, and the message line it must end in."""

    id: str
    file: str
    build: Callable[[], bytes]
    table: str
    code: str  # the problem code (its English words below)
    where: str  # the start of the message line: file, row, column
    absent: str | None = None  # words that must not appear (a wrong diagnosis)


# What each problem code says (en), written out here so a changed message fails the test.
SAYS = {
    "missing_column": "this column is missing; the file needs the columns: figure_id, indicator_id",
    "unknown_column": "is not a column of this table",
    "duplicate_column": "this column name appears twice in the header",
    "number": "is not a plain number",
    "non_negative": "is negative; counts and amounts cannot be negative",
    "cities": "is not a city: use hohhot, baotou, ordos or ulanqab",
    "duplicate_key": "repeats row 2: (figure_id) must be unique",
    "dangling_ref": "is not a source_id in sources.csv",
    "dangling_event": "is not a event_id in events.csv",
    "upload_empty": "the file is empty or its first row has no header",
    "no_rows": "the file has a header but no data rows",
    "upload_binary": "is not a text table (it contains NUL bytes)",
    "upload_encoding": "the text encoding is not recognised",
    "upload_macros": "contains macros (.xlsm)",
    "upload_xls": "is an old Excel (.xls) file",
    "upload_not_xlsx": "is neither a readable .xlsx workbook nor a text table",
    "upload_zip_bomb": "would unpack to too much data or is compressed suspiciously well",
    "upload_too_many_columns": "has 20000 columns; at most 200 are read",
    "upload_too_many_rows": "has 50001 rows; at most 50000 are read",
    "upload_too_big": "the file is larger than 20 MB",
    "upload_cell_too_long": "the cell is longer than 10000 characters",
    "formula_prefix": "a spreadsheet would run it as a formula",
    "date": "is not a date: write YYYY, YYYY-MM or YYYY-MM-DD",
    "ragged_row": "this row has 16 cells but the header has 15",
    "required": "is empty; this column is required",
    "id": "is not a valid id",
    "evidence_length": "is longer than 80 characters",
    "value_text_not_in_evidence": "does not occur in the evidence",
    "value_mismatch": "does not match value 400",
    "translation_missing": "is empty while note_zh is filled",
    "url": "is not a web address starting with http:// or https://",
    "status": "is not one of: proposed, planned",
    "language": "is not one of: zh, en",
}

CASES = [
    Case(
        "missing column",
        "new.csv",
        lambda: figures(columns=[c for c in FIGURE_COLUMNS if c != "evidence_en"]),
        "figures",
        "missing_column",
        "new.csv, row 1, column evidence_en: ",
    ),
    Case(
        "extra column",
        "new.csv",
        lambda: figures({"comment": "x"}, columns=[*FIGURE_COLUMNS, "comment"]),
        "figures",
        "unknown_column",
        "new.csv, row 1, column comment: 'comment' ",
    ),
    Case(
        "renamed column",
        "new.csv",
        lambda: figures(columns=FIGURE_COLUMNS).replace(b",city,", b",City,", 1),
        "figures",
        "unknown_column",
        "new.csv, row 1, column City: ",
    ),
    Case(
        "renamed column is also missing",
        "new.csv",
        lambda: figures(columns=FIGURE_COLUMNS).replace(b",city,", b",City,", 1),
        "figures",
        "missing_column",
        "new.csv, row 1, column city: ",
    ),
    Case(
        "duplicate column",
        "new.csv",
        lambda: figures(columns=[*FIGURE_COLUMNS, "value"]),
        "figures",
        "duplicate_column",
        "new.csv, row 1, column value: ",
    ),
    Case(
        "non-numeric value",
        "new.csv",
        lambda: figures({"value": "三百"}),
        "figures",
        "number",
        "new.csv, row 2, column value: '三百' ",
    ),
    Case(
        "thousands separator",
        "new.csv",
        lambda: figures({"value": "1,300"}),
        "figures",
        "number",
        "new.csv, row 2, column value: '1,300' ",
    ),
    Case(
        "negative value",
        "new.csv",
        lambda: figures({"value": "-300"}),
        "figures",
        "non_negative",
        "new.csv, row 2, column value: '-300' ",
        absent="formula",
    ),
    Case(
        "unknown city",
        "new.csv",
        lambda: figures({"city": "huhhot"}),
        "figures",
        "cities",
        "new.csv, row 2, column city: 'huhhot' ",
    ),
    Case(
        "duplicate ids",
        "new.csv",
        lambda: figures({}, {"value": "301", "value_text": "301", "evidence": "通办事项301项"}),
        "figures",
        "duplicate_key",
        "new.csv, row 3, column figure_id: 'ulanqab-service-items-t' ",
    ),
    Case(
        "dangling source id",
        "new.csv",
        lambda: figures({}, {"figure_id": "second", "source_id": "no-such-source"}),
        "figures",
        "dangling_ref",
        "new.csv, row 3, column source_id: 'no-such-source' ",
    ),
    Case(
        "dangling event id",
        "new.csv",
        lambda: figures({"event_id": "no-such-event"}),
        "figures",
        "dangling_event",
        "new.csv, row 2, column event_id: 'no-such-event' ",
    ),
    Case("empty file", "new.csv", lambda: b"", "figures", "upload_empty", "new.csv: "),
    Case("blank lines only", "new.csv", lambda: b"\n\r\n\n", "figures", "upload_empty", "new.csv: "),
    Case("header only", "new.csv", lambda: HEADER_LINE.encode(), "figures", "no_rows", "new.csv: "),
    Case(
        "header and blank lines",
        "new.csv",
        lambda: (HEADER_LINE + ",,\n\n").encode(),
        "figures",
        "no_rows",
        "new.csv: ",
    ),
    Case("random bytes", "new.csv", lambda: bytes(range(256)) * 8, "figures", "upload_binary", "new.csv, row 1: "),
    Case(
        "NUL bytes",
        "new.csv",
        lambda: figures({}, {"figure_id": "b"}).replace("通办".encode(), b"\x00", 1),
        "figures",
        "upload_binary",
        "new.csv, row 2: ",
    ),
    Case(
        "NUL bytes after a UTF-8 BOM",
        "new.csv",
        lambda: b"\xef\xbb\xbf" + figures({}, {"figure_id": "b", "note_zh": "a\x00b", "note_en": "ab"}),
        "figures",
        "upload_binary",
        "new.csv, row 3: ",
    ),
    Case(
        "neither UTF-8 nor GB18030",
        "new.csv",
        lambda: figures() + "zürich,x\n".encode("latin-1") + b"\xff\xff\n",
        "figures",
        "upload_encoding",
        "new.csv, row 3: ",
    ),
    Case(
        "bad bytes after a UTF-8 BOM",
        "new.csv",
        lambda: b"\xef\xbb\xbf" + figures() + b"x,\xff\xfe\n",
        "figures",
        "upload_encoding",
        "new.csv, row 3: ",
    ),
    Case(
        ".xlsm renamed .xlsx",
        "macro.xlsx",
        lambda: workbook([FIGURE_COLUMNS], {"xl/vbaProject.bin": b"\x00" * 64}),
        "figures",
        "upload_macros",
        "macro.xlsx: ",
    ),
    Case(
        ".xls",
        "old.xls",
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096,
        "figures",
        "upload_xls",
        "old.xls: ",
    ),
    Case(
        ".xls renamed .csv",
        "old.csv",
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096,
        "figures",
        "upload_xls",
        "old.csv: ",
    ),
    Case("ZIP that is no workbook", "new.xlsx", plain_zip, "figures", "upload_not_xlsx", "new.xlsx: "),
    Case(
        "corrupt ZIP",
        "new.xlsx",
        lambda: b"PK\x03\x04" + bytes(range(256)) * 2,
        "figures",
        "upload_not_xlsx",
        "new.xlsx: ",
    ),
    Case("zip bomb", "bomb.xlsx", zip_bomb, "figures", "upload_zip_bomb", "bomb.xlsx: "),
    Case("billion laughs", "laughs.xlsx", billion_laughs, "figures", "upload_not_xlsx", "laughs.xlsx: "),
    Case(
        "20,000 columns",
        "wide.csv",
        lambda: (",".join(f"c{i}" for i in range(20_000)) + "\n1\n").encode(),
        "figures",
        "upload_too_many_columns",
        "wide.csv, row 1: ",
    ),
    Case(
        "50,001 rows",
        "many.csv",
        lambda: (HEADER_LINE + "a,b\n" * 50_001).encode(),
        "figures",
        "upload_too_many_rows",
        "many.csv: ",
    ),
    Case(
        "oversized file",
        "huge.csv",
        lambda: figures() + b"x" * (20 * 1024 * 1024),
        "figures",
        "upload_too_big",
        "huge.csv: ",
    ),
    Case(
        "100,000-character cell",
        "new.csv",
        lambda: figures({"evidence": "长" * 100_000}),
        "figures",
        "upload_cell_too_long",
        "new.csv, row 2, column evidence: ",
    ),
    Case(
        "formula cell no spreadsheet computed",
        "new.xlsx",
        lambda: figure_workbook(note_zh='=HYPERLINK("http://x.example","点击")', note_en="=1+1"),
        "figures",
        "formula_prefix",
        "new.xlsx, row 2, column note_zh: '=HYPERLINK(",
    ),
    Case(
        "formula text in a CSV",
        "new.csv",
        lambda: figures({"evidence_en": "=cmd|' /C calc'!A0"}),
        "figures",
        "formula_prefix",
        "new.csv, row 2, column evidence_en: '=cmd|' /C calc'!A0' ",
    ),
    Case(
        "@ formula text",
        "new.csv",
        lambda: figures({"note_zh": "@SUM(A1)", "note_en": "sum"}),
        "figures",
        "formula_prefix",
        "new.csv, row 2, column note_zh: '@SUM(A1)' ",
    ),
    Case(
        "text starting with a line break",
        "new.csv",
        lambda: figures({"note_zh": "说明", "note_en": "\nnote"}),
        "figures",
        "formula_prefix",
        "new.csv, row 2, column note_en: ",
    ),
    Case(
        "impossible date",
        "new.csv",
        lambda: figures({"as_of": "2025-02-30"}),
        "figures",
        "date",
        "new.csv, row 2, column as_of: '2025-02-30' ",
    ),
    Case(
        "month 13",
        "new.csv",
        lambda: figures({"period": "2024-13"}),
        "figures",
        "date",
        "new.csv, row 2, column period: '2024-13' ",
    ),
    Case(
        "date with slashes",
        "new.csv",
        lambda: figures({"as_of": "2025/02/01"}),
        "figures",
        "date",
        "new.csv, row 2, column as_of: '2025/02/01' ",
    ),
    Case(
        "stray comma (ragged row)",
        "new.csv",
        lambda: figures() + FIGURE_LINE.replace("number 300", "number, 300").encode(),
        "figures",
        "ragged_row",
        "new.csv, row 3: ",
    ),
    Case(
        "required cell empty",
        "new.csv",
        lambda: figures({"value_text": ""}),
        "figures",
        "required",
        "new.csv, row 2, column value_text: ",
    ),
    Case(
        "id with a space",
        "new.csv",
        lambda: figures({"figure_id": "Ulanqab Items"}),
        "figures",
        "id",
        "new.csv, row 2, column figure_id: 'Ulanqab Items' ",
    ),
    Case(
        "evidence too long",
        "new.csv",
        lambda: figures({"evidence": "乌兰察布市通办事项300项" + "。" * 80}),
        "figures",
        "evidence_length",
        "new.csv, row 2, column evidence: ",
    ),
    Case(
        "value text not in the evidence",
        "new.csv",
        lambda: figures({"value": "400", "value_text": "400"}),
        "figures",
        "value_text_not_in_evidence",
        "new.csv, row 2, column value_text: '400' ",
    ),
    Case(
        "value disagrees with its text",
        "new.csv",
        lambda: figures({"value": "400"}),
        "figures",
        "value_mismatch",
        "new.csv, row 2, column value: '400' ",
    ),
    Case(
        "note in one language only",
        "new.csv",
        lambda: figures({"note_zh": "说明"}),
        "figures",
        "translation_missing",
        "new.csv, row 2, column note_en: ",
    ),
    Case(
        "source with an ftp url",
        "sources.csv",
        one(SOURCE, url="ftp://example.org/a"),
        "sources",
        "url",
        "sources.csv, row 2, column url: 'ftp://example.org/a' ",
    ),
    Case(
        "source in an unknown language",
        "sources.csv",
        one(SOURCE, language="mn"),
        "sources",
        "language",
        "sources.csv, row 2, column language: 'mn' ",
    ),
    Case(
        "project with an unknown stage",
        "projects.csv",
        one(PROJECT, status="finished"),
        "projects",
        "status",
        "projects.csv, row 2, column status: 'finished' ",
    ),
    Case(
        "project naming an unknown source",
        "projects.csv",
        one(PROJECT, source_id="nowhere"),
        "projects",
        "dangling_ref",
        "projects.csv, row 2, column source_id: 'nowhere' ",
    ),
]


def snapshot(folder: Path) -> dict[str, str]:
    """sha256 of every file under the folder, by relative path."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def assert_untouched(folder: Path, before: dict[str, str]) -> None:
    """The tables byte-identical, nothing new beside them but the store's lock, no audit line, no history."""
    after = snapshot(folder)
    assert {k: v for k, v in after.items() if k != ".hbeu/lock"} == before
    assert not (folder / ".hbeu" / "audit.jsonl").exists()
    assert not (folder / ".hbeu" / "history").exists() or not any((folder / ".hbeu" / "history").iterdir())


def run_import(upload: Path, data: Path, table: str, *extra: str) -> int:
    return main(["--data", str(data), *extra, "import", str(upload), "--table", table, "--commit", "--author", "t"])


def message_line(err: str, where: str) -> str:
    """The problem messages that start with `where` (the file, row and column)."""
    messages = [m for m in err.split("\n- ") if m.startswith(where)]
    assert messages, f"no message starts with {where!r} in:\n{err}"
    return "\n".join(messages)  # a cell can have two problems (too long, and not in its source)


def test_there_are_at_least_thirty_hostile_cases() -> None:
    assert len(CASES) >= 30 and len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_hostile_upload_is_refused_by_row_and_column_and_writes_nothing(
    case: Case, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    upload = tmp_path / case.file
    upload.write_bytes(case.build())
    before = snapshot(data_dir)
    assert run_import(upload, data_dir, case.table) == 1
    out, err = capsys.readouterr()
    line = message_line(err, case.where)
    assert SAYS[case.code] in line, line
    if case.absent:
        assert case.absent not in err
    assert "committed" not in out
    assert_untouched(data_dir, before)


# A few in Chinese: where the problem is, in the words the zh message uses.
ZH = [
    ("non-numeric value", "new.csv 第 2 行“value”列：“三百”不是纯数字"),
    ("unknown city", "new.csv 第 2 行“city”列：“huhhot”不是有效城市"),
    ("duplicate ids", "new.csv 第 3 行“figure_id”列：“ulanqab-service-items-t”与第 2 行重复"),
    ("dangling source id", "new.csv 第 3 行“source_id”列：“no-such-source”在 sources.csv 的 source_id 中找不到"),
    ("100,000-character cell", "new.csv 第 2 行“evidence”列：单元格超过 10000 个字符"),
    ("header only", "new.csv：文件只有表头，没有数据行"),
]


@pytest.mark.parametrize(("case_id", "expected"), ZH, ids=[z[0] for z in ZH])
def test_a_hostile_upload_is_explained_in_chinese(
    case_id: str, expected: str, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    case = next(c for c in CASES if c.id == case_id)
    upload = tmp_path / case.file
    upload.write_bytes(case.build())
    before = snapshot(data_dir)
    assert run_import(upload, data_dir, case.table, "--lang", "zh") == 1
    assert f"- {expected}" in capsys.readouterr().err
    assert_untouched(data_dir, before)


# --- valid uploads ---------------------------------------------------------------------------------------------


def audit_lines(data: Path) -> list[dict]:
    return [json.loads(line) for line in (data / ".hbeu" / "audit.jsonl").read_text(encoding="utf-8").splitlines()]


SECOND = {
    "figure_id": "ordos-service-items-t",
    "city": "ordos",
    "value": "250",
    "value_text": "250",
    "evidence": "鄂尔多斯市通办事项250项",
    "evidence_en": "Ordos' shared service items number 250",
}
SECOND_LINE = (
    "ordos-service-items-t,four_city_service_items,ordos,250,250,,2025-02,0471tv-2025-02-01,,,,"
    "鄂尔多斯市通办事项250项,Ordos' shared service items number 250,,\n"
)


def test_new_rows_are_previewed_then_appended_and_audited(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    old = {p.name: p.read_bytes() for p in data_dir.glob("*.csv")}
    upload = tmp_path / "new.csv"
    upload.write_bytes(figures({}, SECOND))
    assert run_import(upload, data_dir, "figures") == 0
    out = capsys.readouterr().out
    assert "2 new row(s), 0 changed, 0 identical" in out
    assert "new     row 2 ulanqab-service-items-t" in out and "new     row 3 ordos-service-items-t" in out
    assert "committed " in out and "(author t)" in out
    assert (data_dir / "figures.csv").read_bytes() == old["figures.csv"] + (FIGURE_LINE + SECOND_LINE).encode()
    assert {p.name: p.read_bytes() for p in data_dir.glob("*.csv") if p.name != "figures.csv"} == {
        k: v for k, v in old.items() if k != "figures.csv"
    }
    [line] = audit_lines(data_dir)
    assert line["author"] == "t" and line["action"] == "commit" and line["files"] == ["figures.csv"]
    assert line["tables"] == {"figures": {"added": 2, "changed": 0, "removed": 0}}


def test_a_row_without_its_english_evidence_is_committed_with_the_cell_empty(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    # The analyst commits the Chinese words now; the English rendering waits (never made up on the way in).
    old = (data_dir / "figures.csv").read_bytes()
    upload = tmp_path / "new.csv"
    upload.write_bytes(figures({"evidence_en": ""}))
    assert run_import(upload, data_dir, "figures") == 0
    assert "1 new row(s), 0 changed, 0 identical" in capsys.readouterr().out
    line = FIGURE_LINE.replace(",Ulanqab's shared service items number 300,", ",,")
    assert (data_dir / "figures.csv").read_bytes() == old + line.encode()


# figures.csv row 27 as it is in data/, and the same row with a new English note.
BAOTOU_ROW = (
    "baotou-service-items,four_city_service_items,baotou,587,587,,2024-12,meeting8-interviews,"
    "王惠(包头市行政审批政务服务与数据管理局副局长),"
    '"Wang Hui (Deputy Director, Baotou Administrative Approval, Government Services and Data Management Bureau)",,'
    "包头市已实现五批共587项政务服务事项的‘四城通办’,"
    "\"Baotou has achieved the 'four-city service' for five batches, 587 government service items in all\","
    "五批“四城通办”事项合计。,Over the five four-city batches.\n"
)


def test_a_changed_row_shows_old_and_new_and_replaces_the_row_in_place(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    old = (data_dir / "figures.csv").read_bytes()
    assert BAOTOU_ROW.encode() in old  # the row this test edits (data/figures.csv row 27)
    upload = tmp_path / "edit.csv"
    upload.write_bytes((HEADER_LINE + BAOTOU_ROW.replace("Over the five", "Across the five")).encode())
    assert run_import(upload, data_dir, "figures") == 0
    out = capsys.readouterr().out
    assert "0 new row(s), 1 changed, 0 identical" in out
    expected = "changed row 2 baotou-service-items: note_en 'Over the five four-city batches.' → "
    assert expected + "'Across the five four-city batches.'" in out
    new_row = BAOTOU_ROW.replace("Over the five", "Across the five").encode()
    assert (data_dir / "figures.csv").read_bytes() == old.replace(BAOTOU_ROW.encode(), new_row)
    assert audit_lines(data_dir)[0]["tables"] == {"figures": {"added": 0, "changed": 1, "removed": 0}}


def test_identical_rows_change_nothing_and_write_nothing(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    upload = tmp_path / "same.csv"
    upload.write_bytes((HEADER_LINE + BAOTOU_ROW).encode("utf-8-sig"))
    before = snapshot(data_dir)
    assert run_import(upload, data_dir, "figures") == 0
    out = capsys.readouterr().out
    assert "0 new row(s), 0 changed, 1 identical" in out
    assert "nothing changes: the rows equal the current data; nothing was written" in out
    assert_untouched(data_dir, before)


def test_a_row_that_brings_a_new_conflict_is_shown_before_anything_is_written(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    # baotou-service-items says 587 (2024-12); 600 a month later for the same indicator and city disagrees.
    conflicting = {
        "figure_id": "baotou-items-600",
        "city": "baotou",
        "value": "600",
        "value_text": "600",
        "as_of": "2025-01",
        "evidence": "包头通办事项600项",
        "evidence_en": "Baotou has 600 shared service items",
    }
    upload = tmp_path / "conflict.csv"
    upload.write_bytes(figures(conflicting))
    before = snapshot(data_dir)
    assert main(["--data", str(data_dir), "import", str(upload), "--table", "figures"]) == 0  # a dry run
    out = capsys.readouterr().out
    assert "committing would add 1 new conflict group(s) between figures:" in out
    conflict_line = next(line for line in out.splitlines() if "four_city_service_items|baotou|" in line)
    assert "587" in conflict_line and "600" in conflict_line and "baotou-items-600" in conflict_line
    assert "dry run: no problems" in out
    assert_untouched(data_dir, before)


# Otherwise valid files saved in other encodings are read; what is committed is UTF-8, byte for byte.
CHINESE = {"note_zh": "乌兰察布𠀀市", "note_en": "Ulanqab city"}  # 𠀀 is a 4-byte character in GB18030
CHINESE_LINE = FIGURE_LINE.replace(",,\n", ",乌兰察布𠀀市,Ulanqab city\n")
GBK = {"note_zh": "乌兰察布市", "note_en": "Ulanqab city"}
GBK_LINE = FIGURE_LINE.replace(",,\n", ",乌兰察布市,Ulanqab city\n")
# Text that looks like HTML is text: stored as typed (it is escaped where it is shown).
HTML = {"note_zh": '<b>粗体</b> & <img src=x onerror="alert(1)">', "note_en": '<script>alert("x")</script>'}
HTML_LINE = FIGURE_LINE.replace(
    ",,\n", ',"<b>粗体</b> & <img src=x onerror=""alert(1)"">","<script>alert(""x"")</script>"\n'
)


@pytest.mark.parametrize(
    ("name", "build", "line"),
    [
        ("gbk.csv", lambda: figures(GBK, encoding="gbk"), GBK_LINE),
        ("gb18030.csv", lambda: figures(CHINESE, encoding="gb18030"), CHINESE_LINE),
        ("utf16.txt", lambda: figures(CHINESE, encoding="utf-16", sep="\t"), CHINESE_LINE),
        ("utf16-comma.csv", lambda: figures(CHINESE, encoding="utf-16"), CHINESE_LINE),
        ("bom.csv", lambda: figures(CHINESE, encoding="utf-8-sig"), CHINESE_LINE),
        ("crlf.csv", lambda: figures(CHINESE).replace(b"\n", b"\r\n"), CHINESE_LINE),
        ("book.xlsx", lambda: figure_workbook(**CHINESE), CHINESE_LINE),
        ("html.csv", lambda: figures(HTML), HTML_LINE),
    ],
)
def test_an_otherwise_valid_upload_in_another_encoding_is_committed_as_utf8(
    name: str, build: Callable[[], bytes], line: str, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    old = (data_dir / "figures.csv").read_bytes()
    upload = tmp_path / name
    upload.write_bytes(build())
    assert run_import(upload, data_dir, "figures") == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert "1 new row(s)" in out and "new     row 2 ulanqab-service-items-t" in out
    assert (data_dir / "figures.csv").read_bytes() == old + line.encode("utf-8")
    assert len(audit_lines(data_dir)) == 1


def test_commit_needs_an_author_and_writes_nothing_without_one(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    upload = tmp_path / "new.csv"
    upload.write_bytes(figures())
    before = snapshot(data_dir)
    assert main(["--data", str(data_dir), "import", str(upload), "--table", "figures", "--commit"]) == 2
    assert "--commit needs --author NAME" in capsys.readouterr().err
    assert_untouched(data_dir, before)

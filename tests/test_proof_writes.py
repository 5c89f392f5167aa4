"""Every write proven against the text of the source it cites, through the real stores: `import` (CSV folder and
PostgreSQL), the article assistant's path (changeset.prepare with new rows only) and `validate` refuse a fabricated
evidence, an evidence only another source says, and a row of a source without archived text, naming row and
column, and leave the data byte-identical; a text attached in the same commit (`--text`, `attach-text`) is
archived with the rows, audited, and proves them."""

import hashlib
from pathlib import Path

import pytest

from hbeu_dash.cli.main import main
from hbeu_dash.intake import changeset
from hbeu_dash.paths import DATA_DIR
from hbeu_dash.store import CsvStore, SqlStore
from tests.conftest import copy_data, read_rows, set_cell, write_rows
from tests.store_contract import FIGURES_HEADER

# The fabricated upload: an existing source, a sentence no source contains.
FABRICATED = (
    "baotou-5g-t,base_stations_5g,baotou,12000,1.2万,,2024-12,meeting8-interviews,,,,"
    "包头已建成5G基站1.2万座,Baotou has built 12 thousand 5G base stations,,\n"
)
# A sentence of meeting8-interviews (seed 000) cited to 0471tv-2025-02-01, whose text does not say it.
OTHER_SOURCE = (
    "hohhot-adjusted-t,service_items_adjusted,hohhot,423,423,2024,2024-12,0471tv-2025-02-01,,,,"
    "今年动态调整423项,423 adjusted this year,,\n"
)
# A real sentence of meeting8-interviews: proven once that source's text is archived.
REAL = (
    "hohhot-adjusted-t,service_items_adjusted,hohhot,423,423,2024,2024-12,meeting8-interviews,,,,"
    "今年动态调整423项,423 adjusted this year,,\n"
)
CASES = {
    "fabricated": (FABRICATED, "evidence_not_in_source", "does not stand word for word in the archived text of source"),
    "other source": (OTHER_SOURCE, "evidence_in_other_source", "but in that of meeting8-interviews"),
    "no text": (REAL, "source_text_missing", "attach the source text first"),
}
ZH = {
    "fabricated": "未逐字出现在来源 meeting8-interviews 的存档原文中",
    "other source": "却出现在 meeting8-interviews 的原文中",
    "no text": "请先附上来源原文",
}


def without_text(folder: Path, source_id: str = "meeting8-interviews") -> None:
    """The source names no archived text (as a source entered before the archive existed)."""
    rows = read_rows(folder / "sources.csv")
    header = rows[0]
    for row in rows[1:]:
        if row[0] == source_id:
            row[header.index("text_sha256")] = ""
    write_rows(folder / "sources.csv", rows)


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }


def upload(tmp_path: Path, line: str) -> Path:
    path = tmp_path / "new-figures.csv"
    path.write_text(FIGURES_HEADER + line, encoding="utf-8")
    return path


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_import_refuses_an_unproven_row_by_row_and_column_into_the_csv_store(
    case: str, lang: str, data_dir: Path, tmp_path: Path, capsys
) -> None:
    line, code, words = CASES[case]
    if code == "source_text_missing":
        without_text(data_dir)
    before = snapshot(data_dir)
    argv = ["--data", str(data_dir), "--lang", lang, "import", str(upload(tmp_path, line))]
    assert main([*argv, "--table", "figures", "--commit", "--author", "t"]) == 1
    err = capsys.readouterr().err
    where = "new-figures.csv, row 2, column evidence" if lang == "en" else "new-figures.csv 第 2 行“evidence”列"
    [message] = [m for m in err.split("\n- ") if m.startswith(where)]
    assert (words if lang == "en" else ZH[case]) in message
    assert snapshot(data_dir) == before  # nothing written: no table, no text, no audit line, no lock left behind


@pytest.mark.parametrize("case", list(CASES))
def test_the_assistants_rows_are_refused_the_same_way(case: str, data_dir: Path) -> None:
    line, code, _ = CASES[case]
    if code == "source_text_missing":
        without_text(data_dir)
    header = FIGURES_HEADER.strip().split(",")
    cells = next(iter(read_rows_from(line)))
    preview = changeset.prepare(
        CsvStore(data_dir),
        {"figures": [(4, dict(zip(header, cells, strict=True)))]},
        {"figures": "候选数字"},
        new_only=True,
    )
    assert [(p.file, p.row, p.column, p.code) for p in preview.problems] == [("候选数字", 4, "evidence", code)]


def read_rows_from(line: str) -> list[list[str]]:
    import csv
    import io

    return list(csv.reader(io.StringIO(line)))


@pytest.mark.parametrize("case", list(CASES))
def test_validate_refuses_an_unproven_row_in_the_data(case: str, data_dir: Path, capsys) -> None:
    line, code, words = CASES[case]
    if code == "source_text_missing":
        without_text(data_dir)
    with open(data_dir / "figures.csv", "a", encoding="utf-8") as fh:
        fh.write(line)
    rows = len(read_rows(data_dir / "figures.csv"))
    assert main(["--data", str(data_dir), "validate"]) == 1
    err = capsys.readouterr().err
    assert f"figures.csv, row {rows}, column evidence" in err and words in err


def test_a_text_attached_in_the_same_commit_proves_the_rows_and_is_audited(
    data_dir: Path, tmp_path: Path, capsys
) -> None:
    without_text(data_dir)
    article = tmp_path / "article.txt"
    article.write_bytes((Path(DATA_DIR).parent.parent / "shared" / "seeds" / "000_6b5c71857abe872c.txt").read_bytes())
    argv = ["--data", str(data_dir), "import", str(upload(tmp_path, REAL)), "--table", "figures"]
    text_option = ["--text", f"meeting8-interviews={article}", "--retrieved", "2026-12-02"]
    assert main([*argv, *text_option, "--commit", "--author", "ana"]) == 0, capsys.readouterr().err
    store = CsvStore(data_dir)
    [record] = store.history()
    sha = hashlib.sha256(article.read_bytes()).hexdigest()
    assert record.texts == [sha] and set(record.tables) == {"figures", "sources"}
    assert record.tables["sources"] == {"added": 0, "changed": 1, "removed": 0}
    sources = read_rows(data_dir / "sources.csv")
    meeting = dict(zip(sources[0], next(r for r in sources if r[0] == "meeting8-interviews"), strict=True))
    assert (meeting["text_sha256"], meeting["retrieved"]) == (sha, "2026-12-02")
    assert store.source_text(sha) is not None
    assert main(["--data", str(data_dir), "validate"]) == 0  # every row of that source is proven again


def test_a_text_for_the_wrong_source_is_refused_naming_the_rows_it_does_not_prove(
    data_dir: Path, tmp_path: Path, capsys
) -> None:
    # Attaching seed 001's text to meeting8-interviews: the source's existing rows quote seed 000, not this one.
    before = snapshot(data_dir)
    other = Path(DATA_DIR).parent.parent / "shared" / "seeds" / "001_779db407687fda16.txt"
    argv = ["--data", str(data_dir), "attach-text", "meeting8-interviews", str(other), "--commit", "--author", "a"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    figures = read_rows(data_dir / "figures.csv")
    row = next(n for n, r in enumerate(figures, start=1) if r[11] == "四市全部建成‘蒙科聚’平台分中心")
    assert f"figures.csv, row {row}, column evidence" in err  # a meeting8-interviews figure seed 001 does not say
    assert snapshot(data_dir) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "the text is empty"), (b"\x00\x01\x02" * 50, "is not text"), (b"%PDF-1.4 broken", "no text could be read")],
)
def test_attach_text_refuses_what_is_not_a_text(
    content: bytes, message: str, data_dir: Path, tmp_path: Path, capsys
) -> None:
    before = snapshot(data_dir)
    path = tmp_path / ("t.pdf" if content.startswith(b"%PDF") else "t.txt")
    path.write_bytes(content)
    argv = ["--data", str(data_dir), "attach-text", "meeting8-interviews", str(path), "--commit", "--author", "a"]
    assert main(argv) == 1
    assert message in capsys.readouterr().err
    assert snapshot(data_dir) == before


def test_import_into_postgresql_refuses_each_unproven_row_and_changes_nothing(
    pg_url: str, tmp_path: Path, monkeypatch, capsys
) -> None:
    assert main(["db", "import", str(DATA_DIR), "--url", pg_url]) == 0
    monkeypatch.setenv("HBEU_STORE_URL", pg_url)
    store = SqlStore(pg_url)
    tables = {t: store.file_bytes(t) for t in ("figures", "sources")}
    history = store.history()
    for case, (line, code, words) in CASES.items():
        if code == "source_text_missing":
            continue  # below: a source without text in the database
        argv = ["import", str(upload(tmp_path, line)), "--table", "figures", "--commit", "--author", "t"]
        assert main(argv) == 1, case
        err = capsys.readouterr().err
        assert "new-figures.csv, row 2, column evidence" in err and words in err, case
    # A source the database holds without its text (the texts table emptied, the row still naming one).
    import psycopg

    with psycopg.connect(pg_url.replace("postgresql+psycopg", "postgresql"), autocommit=True) as conn:
        conn.execute("DELETE FROM hbeu_texts")
    from hbeu_dash.store import sql_store

    sql_store._TEXTS.clear()
    assert main(["import", str(upload(tmp_path, REAL)), "--table", "figures", "--commit", "--author", "t"]) == 1
    assert "the archived text that source meeting8-interviews names is not in the archive" in capsys.readouterr().err
    assert {t: store.file_bytes(t) for t in ("figures", "sources")} == tables
    assert store.history() == history


def test_postgresql_archives_an_attached_text_in_the_commit(pg_url: str, tmp_path: Path, monkeypatch, capsys) -> None:
    folder = copy_data(tmp_path / "data")
    without_text(folder)
    assert main(["db", "import", str(folder), "--url", pg_url]) == 1  # its rows cannot be proven: refused
    assert "attach the source text first" in capsys.readouterr().err
    set_cell(folder / "figures.csv", 2, "evidence", read_rows(DATA_DIR / "figures.csv")[1][11])  # unchanged row
    for name in ("figures", "projects", "events"):  # only the other source's rows stay
        rows = read_rows(folder / f"{name}.csv")
        header = rows[0]
        write_rows(
            folder / f"{name}.csv",
            [header] + [r for r in rows[1:] if r[header.index("source_id")] != "meeting8-interviews"],
        )
    identities = read_rows(folder / "identities.csv")
    write_rows(folder / "identities.csv", identities[:1])
    assert main(["db", "import", str(folder), "--url", pg_url]) == 0, capsys.readouterr().err
    monkeypatch.setenv("HBEU_STORE_URL", pg_url)
    article = Path(DATA_DIR).parent.parent / "shared" / "seeds" / "000_6b5c71857abe872c.txt"
    argv = ["import", str(upload(tmp_path, REAL)), "--table", "figures", "--text", f"meeting8-interviews={article}"]
    assert main([*argv, "--commit", "--author", "ana"]) == 0, capsys.readouterr().err
    store = SqlStore(pg_url)
    sha = hashlib.sha256(article.read_bytes()).hexdigest()
    assert store.history()[0].texts == [sha]
    assert store.source_text(sha) == article.read_text(encoding="utf-8")
    assert main(["validate"]) == 0


@pytest.mark.parametrize("case", list(CASES))
def test_postgresql_refuses_the_assistants_rows_and_validate_names_an_unproven_row(
    case: str, pg_url: str, tmp_path: Path, monkeypatch, capsys
) -> None:
    line, code, words = CASES[case]
    folder = copy_data(tmp_path / "data")
    if code == "source_text_missing":  # the database holds the source without its text
        for name in ("figures", "projects", "events"):
            rows = read_rows(folder / f"{name}.csv")
            header = rows[0]
            kept = [r for r in rows[1:] if r[header.index("source_id")] != "meeting8-interviews"]
            write_rows(folder / f"{name}.csv", [header, *kept])
        write_rows(folder / "identities.csv", read_rows(folder / "identities.csv")[:1])
        without_text(folder)
    assert main(["db", "import", str(folder), "--url", pg_url]) == 0, capsys.readouterr().err
    store = SqlStore(pg_url)
    header = FIGURES_HEADER.strip().split(",")
    cells = read_rows_from(line)[0]
    preview = changeset.prepare(
        store, {"figures": [(4, dict(zip(header, cells, strict=True)))]}, "候选数字", new_only=True
    )
    assert [(p.file, p.row, p.column, p.code) for p in preview.problems] == [("候选数字", 4, "evidence", code)]
    # A row that got in without the proof (written straight to the store, as before the archive existed).
    figures = store.file_bytes("figures")
    store.commit({"figures": figures + line.encode()}, store.data_version(), "legacy")
    rows = len(read_rows_from(figures.decode())) + 1
    monkeypatch.setenv("HBEU_STORE_URL", pg_url)
    assert main(["validate"]) == 1
    err = capsys.readouterr().err
    assert f"figures.csv, row {rows}, column evidence" in err and words in err

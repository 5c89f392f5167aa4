"""The article → figures extractor: a table of hand-written sentences, the rows it proposes, its command, the seeds."""

import argparse
import os
from pathlib import Path

import pandas as pd
import pytest

from bench.extract import PRECISION_GOAL, RECALL_GOAL, SEED_LABELS, SEEDS, score
from hbeu_dash.cli.extract import add_parsers as add_extract_parser
from hbeu_dash.cli.extract import run_extract
from hbeu_dash.cli.main import main
from hbeu_dash.intake.extract import (
    EVENT_COLUMNS,
    FIGURE_COLUMNS,
    ArticleMeta,
    ArticleReadError,
    decode_article,
    evidence_in_text,
    extract_article,
    html_to_text,
    normalise_text,
)
from hbeu_dash.intake.extract.numbers import read_chinese_number
from hbeu_dash.model import schema
from hbeu_dash.model.loaders import validate_columns, validate_rows, validate_translations
from hbeu_dash.model.numerals import parse_written_number
from hbeu_dash.paths import SEEDS_DIR
from tests import real_data
from tests.extract_cases import EVENT_CASES, EVIDENCE_CASES, FIGURE_CASES


def _extract(text: str, published: str = "2024-12", tables: dict | None = None, source_id: str = "src"):
    return extract_article(text, ArticleMeta(published=published, source_id=source_id), tables or {})


def _check_facts(row: pd.Series, expected: dict) -> None:
    for key, want in expected.items():
        if key == "value":
            assert float(row["value"]) == pytest.approx(want), row.to_dict()
        elif key == "note":
            assert want in row["note_zh"], row.to_dict()
        else:
            assert row[key] == want, (key, row.to_dict())


# --- figures ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"), [c[1:] for c in FIGURE_CASES], ids=[c[0] for c in FIGURE_CASES]
)
def test_figure_candidates(text: str, published: str, expected: list[dict]) -> None:
    figures = _extract(text, published).figures
    found = [(r.value_text, float(r.value)) for r in figures.itertuples()]
    assert found == [(e["value_text"], pytest.approx(e["value"])) for e in expected]
    for (_, row), facts in zip(figures.iterrows(), expected, strict=True):
        _check_facts(row, facts)


@pytest.mark.parametrize(
    ("text", "published", "_expected"), [c[1:] for c in FIGURE_CASES], ids=[c[0] for c in FIGURE_CASES]
)
def test_every_candidate_quotes_its_number(text: str, published: str, _expected: list) -> None:
    result = _extract(text, published)
    for row in result.figures.itertuples():
        assert row.value_text in row.evidence
        assert len(row.evidence) <= 60
        assert row.evidence in result.text  # cut from the normalised text itself
        assert evidence_in_text(row.evidence, text)  # and verbatim, whitespace aside, in what was pasted
        assert row.evidence[0] not in " ,,。;;::、" and row.evidence[-1] not in " ,,。;;::、"


def test_value_text_reads_as_value_unless_the_note_says_otherwise() -> None:
    # The rows the loaders would accept: value == parse_written_number(value_text); the few forms numerals.py does not
    # read (１２．５％, 1,412, 一万二千, 百分之九十) carry a note asking the analyst to check.
    for _, text, published, _ in FIGURE_CASES:
        for row in _extract(text, published).figures.itertuples():
            if "请核对" not in row.note_zh:
                assert parse_written_number(row.value_text) == pytest.approx(float(row.value)), row.value_text
            else:
                assert row.confidence < 0.7


def test_candidate_frame_has_the_data_columns_as_text() -> None:
    result = _extract("截至目前,平台注册企业232家。2021年10月,自治区印发规划。")
    assert list(result.figures.columns) == [*schema.FIGURES.columns, "kind", "confidence"] == FIGURE_COLUMNS
    assert list(result.events.columns) == [*schema.EVENTS.columns, "confidence"] == EVENT_COLUMNS
    row = result.figures.iloc[0]
    assert row["kind"] == "figure" and isinstance(row["confidence"], float) and 0 < row["confidence"] <= 1
    assert all(isinstance(row[c], str) for c in schema.FIGURES.columns)
    assert (row["value"], row["evidence_en"], row["speaker_en"], row["source_id"]) == ("232", "", "", "src")
    assert result.events.iloc[0]["kind"] == "plan"


def test_empty_text_gives_empty_frames_with_the_columns() -> None:
    result = _extract("   \n")
    assert result.figures.empty and list(result.figures.columns) == FIGURE_COLUMNS
    assert result.events.empty and list(result.events.columns) == EVENT_COLUMNS


def test_ids_are_new_and_do_not_collide_with_the_data() -> None:
    existing = pd.DataFrame({"figure_id": ["src-1", "src-3"]})
    events = pd.DataFrame({"event_id": ["src-e1"]})
    result = _extract(
        "2021年10月,自治区印发规划,制定8个方面236项任务。", tables={"figures": existing, "events": events}
    )
    assert list(result.figures["figure_id"]) == ["src-2", "src-4"]
    assert list(result.events["event_id"]) == ["src-e2"]
    assert set(result.figures["event_id"]) == {"src-e2"}  # the figures of the plan's sentence link to it


def test_source_id_becomes_a_valid_id() -> None:
    result = _extract("建成5G基站3200座。", source_id="Qingcheng Media 2025")
    assert result.figures.iloc[0]["figure_id"] == "qingcheng-media-2025-1"
    assert result.source.iloc[0]["source_id"] == "qingcheng-media-2025"


def test_bad_published_date_is_refused() -> None:
    with pytest.raises(ValueError, match="published"):
        _extract("建成5G基站3200座。", published="2025/02/01")


def test_unknown_published_date_leaves_relative_periods_unresolved() -> None:
    row = _extract("今年新建5G基站2100座。", published="").figures.iloc[0]
    assert (row["period"], row["as_of"]) == ("", "")


# Indicators made up for the test: the matcher knows nothing but their units and names.
TEST_INDICATORS = pd.DataFrame(
    [
        ("base_stations_5g", "5G通讯基站", "座", "count_to_date"),
        ("charging_piles", "充电桩", "个", "count_to_date"),
        ("new_jobs", "新增就业人数", "人", "count_in_period"),
        ("graduates_employed", "高校毕业生就业人数", "人", "count_in_period"),
        ("region_tech_firms", "自治区入驻科技企业", "家", "count_to_date"),
    ],
    columns=["indicator_id", "name_zh", "unit_zh", "measure"],
)


@pytest.mark.parametrize(
    ("text", "indicator_id"),
    [
        ("建成5G基站3200座。", "base_stations_5g"),
        ("鄂尔多斯市累计建成充电桩1200个。", "charging_piles"),
        ("今年新增就业1.2万人。", "new_jobs"),
        ("今年高校毕业生就业3500人。", "graduates_employed"),
        ("建成充电站560座。", ""),  # 座 fits 5G stations, but the name does not
        ("新建线路全长120km。", ""),  # no indicator in km
        ("平台已有320个科技企业入驻。", "region_tech_firms"),  # 个 for 家: what it counts shares the name
        ("内蒙古自治区已与全国27个省区市互联互通。", ""),  # 个 for 家, but it counts provinces, not firms
    ],
)
def test_indicator_by_unit_and_name(text: str, indicator_id: str) -> None:
    row = _extract(text, tables={"indicators": TEST_INDICATORS}).figures.iloc[0]
    assert row["indicator_id"] == indicator_id
    assert ("新指标" in row["note_zh"]) == (indicator_id == "")


def test_indicator_from_the_real_data() -> None:
    # 58.76万件 handled this year is cross_city_cases_in_period in data/indicators.csv (年内办理其他三市通办件数)
    result = _extract("今年办理其他三地通办事项达58.76万件。", tables=real_data.tables())
    assert result.figures.iloc[0]["indicator_id"] == "cross_city_cases_in_period"


def test_candidates_pass_validation_but_for_what_the_analyst_adds() -> None:
    # Run the loaders' checks on candidates from a varied paragraph: the only problems left are the speakers'
    # English names and indicators still to be chosen. evidence_en may stay empty (English evidence pending).
    text = "".join(c[1] for c in FIGURE_CASES if "请核对" not in str(c[3]))
    figures = _extract(text, tables={"indicators": TEST_INDICATORS}).figures[schema.FIGURES.columns]
    frame = figures.astype("string[pyarrow]")
    frame.index = pd.RangeIndex(2, len(frame) + 2)
    spec = schema.FIGURES
    problems = validate_columns(spec, frame) + validate_rows(spec, frame) + validate_translations(spec, frame)
    left = {(p.code, p.column) for p in problems}
    to_add = {("required", "indicator_id"), ("id", "indicator_id")}
    assert left <= to_add | {("translation_missing", "speaker_en")}
    assert ("translation_missing", "speaker_en") in left
    assert not any(column == "evidence_en" for _, column in left)


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("八", 8),
        ("十三", 13),
        ("二百三十六", 236),
        ("一千四百一十二", 1412),
        ("一百零八", 108),
        ("一千二", 1200),
        ("两万五", 25_000),
        ("一万二千", 12_000),
        ("三千五百万", 35_000_000),
        ("十万", 100_000),
        ("三亿五千万", 350_000_000),
        ("二〇二四", 2024),
        ("十四五", None),  # the plan's name, not a number
        ("五六", None),  # five or six
        ("百", None),
        ("万", None),
    ],
)
def test_read_chinese_number(written: str, value: float | None) -> None:
    assert read_chinese_number(written) == value


def test_long_clause_is_cut_at_enumeration_commas() -> None:
    # The clause is 66 characters; dropping its first item (共达成涉及基础设施、) leaves 56, the most that fits.
    text = next(c[1] for c in FIGURE_CASES if c[0] == "long-enumeration")
    kept = "科技创新、文旅、教育、医疗卫生、政务服务、就业社会保障、智慧城市建设、产业协同等14个方面的60项具体合作事项"
    assert list(_extract(text).figures["evidence"]) == [kept, kept]


def test_long_clause_without_punctuation_keeps_a_window_around_the_number() -> None:
    text = next(c[1] for c in FIGURE_CASES if c[0] == "long-without-punctuation")
    evidence = _extract(text).figures.iloc[0]["evidence"]
    # About a third of the window goes before the number, but fewer than 40 characters follow 35 here, so the
    # window is the clause's last 60 characters.
    assert evidence == text.removesuffix("。")[-60:] and "35家" in evidence


# --- events ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"), [c[1:] for c in EVENT_CASES], ids=[c[0] for c in EVENT_CASES]
)
def test_event_candidates(text: str, published: str, expected: list[dict]) -> None:
    result = _extract(text, published)
    events = result.events
    assert [(e.date, e.date_text, e.kind) for e in events.itertuples()] == [
        (e["date"], e["date_text"], e["kind"]) for e in expected
    ]
    for (_, row), facts in zip(events.iterrows(), expected, strict=True):
        _check_facts(row, facts)
        assert row["date_text"] in row["evidence"] and len(row["evidence"]) <= 60
        assert row["evidence"] in result.text and row["title_zh"]
        assert row["kind"] in schema.EVENT_KINDS and schema.is_partial_date(row["date"])
        assert row["note_zh"] or row["date_text"]  # a date without its words says where it comes from


def test_years_of_dates_are_events_not_figures() -> None:
    result = _extract("2023年12月26日,呼和浩特与包头签署了加快同城化发展协议。", "2025-02-01")
    assert result.figures.empty
    assert list(result.events["date"]) == ["2023-12-26"]


# --- text ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("evidence", "text", "found"), [c[1:] for c in EVIDENCE_CASES], ids=[c[0] for c in EVIDENCE_CASES]
)
def test_evidence_in_text_tolerates_whitespace_only(evidence: str, text: str, found: bool) -> None:
    assert evidence_in_text(evidence, text) is found


def test_normalise_joins_a_sentence_broken_by_the_page_but_not_headings_or_addresses() -> None:
    text = (
        "\ufeff乌兰察布市科学技术局局长王清:\r\n\r\n"
        "乌兰察布市主动融入自治区科技行打造平台布局,截至目前,平台入驻科技特派\r\n\r\n员、技术经纪人764人。\n"
        "https://www.0471tv.org.cn/content/2025-02/01/content_80311095.html\n"
        "2024年12月7日,会议召开。"
    )
    assert normalise_text(text).split("\n") == [
        "乌兰察布市科学技术局局长王清:",
        "乌兰察布市主动融入自治区科技行打造平台布局,截至目前,平台入驻科技特派员、技术经纪人764人。",
        "https://www.0471tv.org.cn/content/2025-02/01/content_80311095.html",
        "2024年12月7日,会议召开。",
    ]


def test_html_keeps_the_visible_text_only() -> None:
    html = (
        "<html><head><title>t</title><style>p{color:red}</style></head><body>"
        "<script>var n = 999;</script><p>累计超过4万座&nbsp;基站</p><div>目前每日达到117班次</div></body></html>"
    )
    text = html_to_text(html)
    assert "999" not in text and "color" not in text
    assert [line.strip() for line in text.split("\n") if line.strip()] == [
        "累计超过4万座\xa0基站",
        "目前每日达到117班次",
    ]


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("通办事项已达561项".encode(), "通办事项已达561项"),
        ("\ufeff通办事项".encode(), "通办事项"),
        ("通办事项".encode("gb18030"), "通办事项"),
        ("通办事项".encode("utf-16"), "通办事项"),
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "utf-16-bom"],
)
def test_decode_article(data: bytes, text: str) -> None:
    assert decode_article(data) == text


@pytest.mark.parametrize("data", [b"abc\x80", b"\x00\x01\x02"], ids=["not-gb18030", "binary"])
def test_decode_article_refuses_what_is_not_text(data: bytes) -> None:
    with pytest.raises(ArticleReadError):
        decode_article(data)


# --- command line ----------------------------------------------------------------------------------------------

ARTICLE = "截至目前,平台注册企业232家。\n\n2021年10月,内蒙古自治区印发《呼包鄂乌“十四五”一体化发展规划》。"


def _article(tmp_path: Path, name: str = "article.txt", data: bytes | None = None) -> Path:
    path = tmp_path / name
    path.write_bytes(ARTICLE.encode() if data is None else data)
    return path


def _rows(out: str) -> list[list[str]]:
    import csv
    import io

    return list(csv.reader(io.StringIO(out)))


def test_extract_command_writes_candidate_rows(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = _article(tmp_path)
    code = main(["extract", str(path), "--published", "2024-12-15", "--source-id", "new-src"])
    out, err = capsys.readouterr()
    assert code == 0
    rows = _rows(out)
    assert rows[0] == FIGURE_COLUMNS
    assert [dict(zip(rows[0], r, strict=True))["value_text"] for r in rows[1:]] == ["232"]
    record = dict(zip(rows[0], rows[1], strict=True))
    assert (record["figure_id"], record["as_of"], record["kind"], record["confidence"]) == (
        "new-src-1",
        "2024-12",
        "figure",
        "0.90",
    )
    assert "1 figure candidates, 1 event candidates" in err


def test_extract_command_through_a_parent_parser(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    # As hbeu_dash/cli/main.py wires it: a global --lang, the subcommand's own --lang suppressed unless given.
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en")
    parser.add_argument("--data", type=Path, default=tmp_path / "no-data")
    add_extract_parser(parser.add_subparsers(dest="command"))
    missing = str(tmp_path / "nope.txt")
    assert run_extract(parser.parse_args(["--lang", "zh", "extract", missing, "--published", "2025-02-01"])) == 2
    assert "找不到文章文件" in capsys.readouterr().err
    assert run_extract(parser.parse_args(["extract", missing, "--published", "2025-02-01", "--lang", "zh"])) == 2
    assert "找不到文章文件" in capsys.readouterr().err
    assert run_extract(parser.parse_args(["extract", str(_article(tmp_path)), "--published", "2025-02"])) == 0
    assert _rows(capsys.readouterr().out)[1][0] == "article-1"  # no data folder: no indicators, default source id


@pytest.mark.parametrize(
    ("lang", "make", "published", "says"),
    [
        ("zh", "missing", "2025-02-01", "找不到文章文件"),
        ("en", "missing", "2025-02-01", "article file not found"),
        ("zh", "folder", "2025-02-01", "无法读取"),
        ("en", "folder", "2025-02-01", "cannot read"),
        ("zh", "not-text", "2025-02-01", "不是 UTF-8 或 GB18030 文本"),
        ("en", "not-text", "2025-02-01", "is not UTF-8 or GB18030 text"),
        ("zh", "good", "2025/02/01", "不是日期"),
        ("en", "good", "2025-13-01", "is not a date"),
        ("en", "good", "yesterday", "is not a date"),
    ],
)
def test_extract_command_refuses_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture, lang: str, make: str, published: str, says: str
) -> None:
    paths = {
        "missing": tmp_path / "nope.txt",
        "folder": tmp_path,
        "not-text": _article(tmp_path, "bad.txt", b"abc\x80\x81"),
        "good": _article(tmp_path),
    }
    assert main(["--lang", lang, "extract", str(paths[make]), "--published", published]) == 2
    out, err = capsys.readouterr()
    assert says in err and out == ""


def test_extract_command_refuses_a_bad_source_id(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["extract", str(_article(tmp_path)), "--published", "2025-02-01", "--source-id", "Bad Id"]) == 2
    assert "--source-id" in capsys.readouterr().err


@pytest.mark.parametrize(("lang", "says"), [("zh", "无法写入"), ("en", "cannot write")])
@pytest.mark.parametrize("option", ["--events", "--workbook"])
def test_extract_command_says_when_it_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture, option: str, lang: str, says: str
) -> None:
    out = tmp_path / "no-such-folder" / "out.file"
    assert main(["--lang", lang, "extract", str(_article(tmp_path)), "--published", "2024-12", option, str(out)]) == 2
    assert f"{says} {out}" in capsys.readouterr().err and not out.exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("gbk.txt", ARTICLE.encode("gb18030")),
        ("bom.txt", ARTICLE.encode("utf-8-sig")),
        ("page.html", f"<html><body><script>x=999家</script><p>{ARTICLE}</p></body></html>".encode()),
        ("page-gbk.htm", f"<p>{ARTICLE}</p>".encode("gb18030")),
    ],
    ids=["gb18030", "utf-8-bom", "html", "html-gb18030"],
)
def test_extract_command_reads_encodings_and_html(
    tmp_path: Path, capsys: pytest.CaptureFixture, name: str, data: bytes
) -> None:
    assert main(["extract", str(_article(tmp_path, name, data)), "--published", "2024-12"]) == 0
    rows = _rows(capsys.readouterr().out)
    assert [r[rows[0].index("value_text")] for r in rows[1:]] == ["232"]


def test_extract_command_writes_events_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    events = tmp_path / "events.csv"
    assert main(["extract", str(_article(tmp_path)), "--published", "2024-12", "--events", str(events)]) == 0
    rows = _rows(events.read_text(encoding="utf-8"))
    assert rows[0] == EVENT_COLUMNS
    record = dict(zip(rows[0], rows[1], strict=True))
    assert (record["date"], record["date_text"], record["kind"]) == ("2021-10", "2021年10月", "plan")
    assert str(events) in capsys.readouterr().err


def test_extract_runs_as_a_program(tmp_path: Path) -> None:
    """`python -m hbeu_dash extract` (what `hbeu extract` runs), in a terminal whose locale cannot write Chinese."""
    import subprocess
    import sys

    from hbeu_dash.paths import ROOT

    path = _article(tmp_path)
    env = os.environ | {"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii"}  # the CSV is UTF-8 all the same
    argv = [
        sys.executable,
        "-m",
        "hbeu_dash",
        "--lang",
        "zh",
        "extract",
        str(path),
        "--published",
        "2024-12",
    ]
    proc = subprocess.run(argv, cwd=ROOT, capture_output=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    rows = _rows(proc.stdout.decode("utf-8"))
    assert rows[1][rows[0].index("evidence")] == "平台注册企业232家"


# --- the seed articles -----------------------------------------------------------------------------------------


def _seed(name: str) -> str:
    if not SEEDS_DIR.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"seed articles not found at {SEEDS_DIR} (CI is set: they must be there)")
        pytest.skip(f"seed articles not found at {SEEDS_DIR}")
    return (SEEDS_DIR / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", list(SEEDS))
def test_seed_recall_and_precision(name: str) -> None:
    # The goals of the issue, on the two articles data/figures.csv was made from (definitions in bench/extract.py);
    # the speed goal is measured by `make bench` (group extract), never by a timed assertion here.
    text = _seed(name)
    source_id, published = SEEDS[name]
    tables = real_data.tables()
    result = extract_article(text, ArticleMeta(published=published, source_id="seed"), tables)
    figures = tables["figures"][tables["figures"]["source_id"] == source_id]
    got = score(result.figures, result.text, figures, SEED_LABELS[name])
    assert got.figures > 15  # the article's figures are in data/ (31 and 18 when this was written)
    assert got.recall >= RECALL_GOAL, got.missed
    assert got.precision >= PRECISION_GOAL, got.not_real


def test_seed_labels_are_in_the_seeds() -> None:
    # A label that no longer occurs in its article would silently stop counting.
    for name, labels in SEED_LABELS.items():
        text = _seed(name)
        for value_text, value, fragment in labels:
            assert evidence_in_text(fragment, text) and value_text in fragment
            assert parse_written_number(value_text) == value


def test_scoring_counts_a_wrong_value_and_an_unrelated_place_as_misses() -> None:
    # The matcher the goals rest on: same value, value_text in the evidence, and the same place in the text.
    text = "今年动态调整423项。另有2项。今年动态调整2项"
    figures = pd.DataFrame([{"figure_id": "f", "value": 423.0, "value_text": "423", "evidence": "今年动态调整423项"}])
    candidates = pd.DataFrame(
        [
            {"value": "423", "value_text": "423", "evidence": "今年动态调整423项"},  # the figure
            {"value": "2", "value_text": "2", "evidence": "另有2项"},  # not it
            {"value": "423", "value_text": "423", "evidence": "今年动态调整2项"},  # wrong place, no 423 in it
        ]
    )
    got = score(candidates, text, figures)
    assert (got.found, got.real_strict, got.candidates) == (1, 1, 3)
    assert got.recall == 1.0 and got.precision == pytest.approx(1 / 3)
    assert score(candidates.iloc[1:], text, figures).recall == 0.0


def test_a_huge_paste_is_refused_and_a_flood_of_numbers_is_capped() -> None:
    from hbeu_dash.intake.extract import MAX_CANDIDATES, MAX_TEXT_CHARS, ArticleTooLong

    meta = ArticleMeta(published="2025-02-01", source_id="x")
    with pytest.raises(ArticleTooLong):
        extract_article("一" * (MAX_TEXT_CHARS + 1), meta, {})
    # One endless sentence of numbers (a paste gone wrong): the first MAX_CANDIDATES are listed, and it says so.
    result = extract_article("".join(f"包头市累计办理{n}.5万件," for n in range(1, 4001)), meta, {})
    assert result.truncated is True
    assert len(result.figures) == MAX_CANDIDATES == 500
    assert result.figures["value_text"].iloc[0] == "1.5万"
    # The same clause pasted again and again is one candidate (one per value and clause), not a flood.
    assert len(extract_article("包头市累计办理12.5万件," * 4000, meta, {}).figures) == 1
    assert not extract_article("包头市累计办理12.5万件。", meta, {}).truncated

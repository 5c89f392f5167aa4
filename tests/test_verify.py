"""The proof: a row's evidence stands verbatim (whitespace aside, nothing looser) in the archived text of its own
source; where in that text (the paragraph); and what the archive accepts as a text."""

from pathlib import Path

import pytest

from hbeu_dash.intake.source_text import read_source_file
from hbeu_dash.model import verify
from hbeu_dash.model.source_text import TextRefused, check_text, strip_header, text_sha256
from hbeu_dash.store import CsvStore
from hbeu_dash.store.archive import fill_archive, folder_texts, read_text_file

TEXT_A = (
    "第一段,与本案无关。\n\n呼和浩特市通办事项已达561项\uff0c今年动态调整423项。\n\n第三段:包头市已实现五批共587项。\n"
)
TEXT_B = "另一篇文章:实现“四城通办”事项1412项,共享整合四市政务数据60.3亿条。\n"
SHA_A, SHA_B = text_sha256(TEXT_A), text_sha256(TEXT_B)
TEXTS = {SHA_A: TEXT_A, SHA_B: TEXT_B}
SOURCES = {"a": SHA_A, "b": SHA_B, "none": ""}


def row(evidence: str, source: str = "a") -> dict[str, str]:
    return {"evidence": evidence, "source_id": source}


@pytest.mark.parametrize(
    ("record", "code"),
    [
        (row("通办事项已达561项"), None),
        (row("通办事项已达 561项"), None),  # a space the analyst typed: whitespace aside
        (row("通办事项已达\n561项"), None),
        (row("今年动态调整423项。\n\n第三段"), None),  # across a paragraph break of the text
        (row("通办事项已达562项"), "evidence_not_in_source"),  # one digit off
        (row("通办事项已达561項"), "evidence_not_in_source"),  # a traditional character: nothing looser
        (row("通办事项已达561项,"), "evidence_not_in_source"),  # a half-width comma where the text has a full-width one
        (row("实现“四城通办”事项1412项"), "evidence_in_other_source"),  # only source b says it
        (row("实现“四城通办”事项1412项", "b"), None),
        (row("通办事项已达561项", "none"), "source_text_missing"),
    ],
)
def test_a_row_is_proven_against_its_own_sources_text(record: dict, code: str | None) -> None:
    problems = verify.prove_rows("figures", [(7, record)], SOURCES, TEXTS.get)
    assert [p.code for p in problems] == ([code] if code else [])
    if code:
        [problem] = problems
        assert (problem.file, problem.row, problem.column, problem.value) == (
            "figures.csv",
            7,
            "evidence",
            record["evidence"],
        )


def test_a_source_naming_a_text_the_archive_lacks_is_told_to_attach_it_again() -> None:
    [problem] = verify.prove_rows("events", [(3, row("通办事项已达561项"))], SOURCES, {SHA_B: TEXT_B}.get, "new.csv")
    assert (problem.code, problem.file, problem.row) == ("source_text_lost", "new.csv", 3)
    assert "attach it again" in problem.message("en") and "请重新附上来源原文" in problem.message("zh")


def test_the_proof_cache_never_vouches_for_a_text_this_archive_does_not_hold() -> None:
    assert verify.prove_rows("figures", [(2, row("通办事项已达561项"))], SOURCES, TEXTS.get) == []  # cached now
    [problem] = verify.prove_rows("figures", [(2, row("通办事项已达561项"))], SOURCES, {}.get)
    assert problem.code == "source_text_lost"


def test_the_messages_name_the_source_and_what_to_do_in_both_languages() -> None:
    [missing] = verify.prove_rows("figures", [(4, row("x", "none"))], SOURCES, TEXTS.get)
    assert missing.message("en").startswith("figures.csv, row 4, column evidence: 'x' cannot be checked")
    assert "attach the source text first" in missing.message("en")
    assert "请先附上来源原文" in missing.message("zh") and "figures.csv 第 4 行“evidence”列" in missing.message("zh")
    [other] = verify.prove_rows("figures", [(5, row("共享整合四市政务数据60.3亿条"))], SOURCES, TEXTS.get)
    assert "of source a, but in that of b" in other.message("en")


def test_a_whole_table_is_proven_row_by_row_with_excel_row_numbers() -> None:
    import pandas as pd

    tables = {
        "sources": pd.DataFrame({"source_id": ["a", "b"], "text_sha256": [SHA_A, SHA_B]}),
        "figures": pd.DataFrame(
            {
                "source_id": ["a", "a", "b", "a"],
                "evidence": ["通办事项已达561项", "编造的句子", "共享整合四市政务数据60.3亿条", "编造的句子"],
            }
        ),
    }
    problems, checked = verify.prove_tables(tables, TEXTS.get)
    assert checked == 4
    assert [(p.file, p.row, p.code) for p in problems] == [
        ("figures.csv", 3, "evidence_not_in_source"),
        ("figures.csv", 5, "evidence_not_in_source"),
    ]


def test_the_paragraph_holding_a_fragment_is_found_with_the_fragment_as_written() -> None:
    passage = verify.find_passage(TEXT_A, "通办事项已达 561项")
    assert passage is not None
    assert (passage.before, passage.match) == ("呼和浩特市", "通办事项已达561项")
    assert passage.after == "\uff0c今年动态调整423项。"
    assert TEXT_A[passage.start : passage.end] == passage.match
    across = verify.find_passage(TEXT_A, "今年动态调整423项。第三段")
    assert across is not None and across.match == "今年动态调整423项。\n\n第三段"
    assert across.before == "呼和浩特市通办事项已达561项\uff0c" and across.after == ":包头市已实现五批共587项。"
    assert verify.find_passage(TEXT_A, "不在文中") is None


def test_a_paragraph_without_line_breaks_is_cut_around_the_fragment() -> None:
    text = "甲" * 2000 + "目标片段" + "乙" * 2000
    passage = verify.find_passage(text, "目标片段")
    assert passage.before == "…" + "甲" * verify.MAX_PARAGRAPH_CONTEXT
    assert passage.after == "乙" * verify.MAX_PARAGRAPH_CONTEXT + "…"


# --- the archive's texts -----------------------------------------------------------------------------------------


def test_a_header_closed_by_dashes_is_not_part_of_the_text() -> None:
    text = "url: https://example.org/a\noutlet: 测试报\npublished: 2025-01-01\n---\n正文第一段。\n---\n"
    assert strip_header(text) == "正文第一段。\n---\n"
    assert strip_header("正文第一段。\n---\n尾") == "正文第一段。\n---\n尾"  # no header: the text as it is
    assert strip_header("\n\n标题\n正文") == "\n\n标题\n正文"


def test_a_texts_sha256_ignores_byte_order_marks_and_line_ends_only() -> None:
    assert text_sha256("\ufeff一\r\n二\r三") == text_sha256("一\n二\n三")
    assert text_sha256("一 二") != text_sha256("一二")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "text_empty"),
        (" \n\t\u3000 ", "text_empty"),
        ("短文", "text_too_short"),
        ("正文" * 20 + "\x00", "text_binary"),
        ("正文" * 20 + "\x01\x02\x03\x04\x05", "text_binary"),
        ("正文" * 20 + "\ufffd", "text_binary"),
        ("长" * 1_000_001, "text_too_long"),
    ],
)
def test_what_is_not_a_text_is_refused(text: str, code: str) -> None:
    with pytest.raises(TextRefused) as info:
        check_text(text)
    assert info.value.code == code


def test_an_uploaded_html_page_gives_its_article_not_its_menus() -> None:
    article = "".join(
        f"<p>呼包鄂乌一体化第{i}段:四市政务服务“四城通办”事项持续扩大,办理时间明显缩短。</p>" for i in range(6)
    )
    page = (
        "<html><head><title>新闻</title><script>var x = '脚本';</script></head><body>"
        "<nav><a href='/'>首页</a> <a href='/news'>新闻中心</a> <a href='/about'>关于我们</a></nav>"
        f"<article><h1>四城通办新进展</h1>{article}</article>"
        "<footer>版权所有 © 2025 某某网 京ICP备00000000号</footer></body></html>"
    )
    text = read_source_file("page.html", page.encode("utf-8"))
    assert "呼包鄂乌一体化第0段" in text and "呼包鄂乌一体化第5段" in text
    assert "京ICP备" not in text and "脚本" not in text and "关于我们" not in text


def test_a_text_pdf_gives_its_text_and_a_pdf_without_one_is_refused() -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    import io

    blank = io.BytesIO()
    writer.write(blank)
    with pytest.raises(TextRefused) as info:
        read_source_file("scan.pdf", blank.getvalue())
    assert info.value.code == "text_pdf_unreadable"
    with pytest.raises(TextRefused) as info:
        read_source_file("broken.pdf", b"%PDF-1.7\n garbage")
    assert info.value.code == "text_pdf_unreadable"


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("a.txt", b"", "text_empty"),
        ("a.txt", b"\x00\x01binary" * 10, "text_binary"),
        ("a.docx", b"PK\x03\x04 not a text", "text_file_type"),
        ("a.txt", b"a" * (10 * 1024 * 1024 + 1), "text_file_too_big"),
        ("a.txt", "正文,GBK 编码的文章内容足够长,可以读出。".encode("gb18030") + b"\xff\xfe", "text_binary"),
    ],
)
def test_an_uploaded_file_that_is_not_a_text_is_refused(name: str, data: bytes, code: str) -> None:
    with pytest.raises(TextRefused) as info:
        read_source_file(name, data)
    assert info.value.code == code


def test_a_gbk_text_file_is_read() -> None:
    text = "呼和浩特市通办事项已达561项,今年动态调整423项,数字取自测试。"
    assert read_source_file("a.txt", text.encode("gb18030")) == text


def test_the_archive_fill_reads_every_reference_text_once(tmp_path: Path) -> None:
    folder = tmp_path / "refs"
    folder.mkdir()
    (folder / "one.txt").write_text(
        "url: https://example.org/1\n---\n第一篇文章的正文,足够长的一段文字,用来测试存档的读取。\n", encoding="utf-8"
    )
    (folder / "two.txt").write_text("第二篇文章,没有头部信息,正文足够长的一段,用来测试存档。\n", encoding="utf-8")
    (folder / "README.md").write_text("# not a source text", encoding="utf-8")
    store = CsvStore(tmp_path / "data")
    assert fill_archive(store, [folder, tmp_path / "missing"]) == (2, 0)
    assert fill_archive(store, [folder]) == (0, 2)
    one = read_text_file(folder / "one.txt")
    assert one.header == {"url": "https://example.org/1"}
    assert one.text == "第一篇文章的正文,足够长的一段文字,用来测试存档的读取。\n"
    assert store.source_text(one.sha256) == one.text
    assert {t.sha256 for t in folder_texts([folder])} == store.archived({t.sha256 for t in folder_texts([folder])})


def test_a_text_file_edited_by_hand_in_the_archive_is_no_longer_that_text(tmp_path: Path) -> None:
    store = CsvStore(tmp_path)
    [sha] = store.add_texts(["呼和浩特市通办事项已达561项,今年动态调整423项。"])
    (store.texts_dir / f"{sha}.txt").write_text("呼和浩特市通办事项已达999项,今年动态调整423项。", encoding="utf-8")
    CsvStore._texts.clear()
    assert store.source_text(sha) is None


def test_a_whole_table_gets_the_answers_of_its_rows_proven_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """prove_tables searches many fragments at once (verify._find_all): short and long fragments, whitespace, a
    fragment running from one text into the next, a text repeating itself, texts split over batches; every answer
    is prove_rows' for the row alone, with empty caches and with the cache the proof fills."""
    import random

    import pandas as pd

    rng = random.Random(16)
    texts = {
        "x": "".join(rng.choice("呼包鄂乌通办事项561 \n") for _ in range(3000)),
        "y": "ab" * 400 + "abc",  # a head standing in hundreds of places
        "z": TEXT_B,
    }
    archive = {text_sha256(text): text for text in texts.values()}
    sources = {name: text_sha256(text) for name, text in texts.items()} | {"none": "", "lost": "0" * 64}
    rows = []
    for _ in range(600):
        source = rng.choice(list(sources))
        text = texts.get(source) or rng.choice(list(texts.values()))
        start = rng.randrange(len(text))
        piece = text[start : start + rng.choice((1, 2, 5, 16, 17, 40))]
        across = texts["x"][-6:] + texts["y"][:6]
        evidence = rng.choice((piece, piece, piece + "错", " " + piece.replace("项", "项 "), across, " "))
        rows.append((source if rng.random() > 0.05 else "unknown", evidence))
    tables = {
        "sources": pd.DataFrame({"source_id": list(sources), "text_sha256": list(sources.values())}),
        "figures": pd.DataFrame(rows, columns=["source_id", "evidence"]),
    }
    expected = [
        problem
        for number, (source, evidence) in enumerate(rows, start=2)
        for problem in verify.prove_rows("figures", [(number, row(evidence, source))], sources, archive.get)
    ]
    assert {p.code for p in expected} >= {"evidence_not_in_source", "source_text_missing", "source_text_lost"}
    for batch in (50, verify._BATCH_CHARS):
        monkeypatch.setattr(verify, "_BATCH_CHARS", batch)
        monkeypatch.setattr(verify, "_proven", {})
        monkeypatch.setattr(verify, "_squashed", {})
        assert verify.prove_tables(tables, archive.get) == (expected, len(rows))
        assert verify.prove_tables(tables, archive.get) == (expected, len(rows))  # from the cache it filled


def test_a_sentence_a_page_broke_over_lines_is_one_paragraph() -> None:
    # seed 000 breaks 'two channels' (两个 / 通办渠道) over a blank line, mid-sentence; the heading above the
    # paragraph is short and stays out of it.
    text = (
        "副局长徐瑞:\n\n"
        "“在两市的综合服务大厅设置跨市通办窗口,搭建了‘云见面’通办和‘呼包通办专区’,开辟了线上线下两个\n\n"
        "通办渠道,并通过各层级多种媒体开展宣传,提升了企业群众的知晓率。”徐瑞说。\n\n下一段另起。\n"
    )
    passage = verify.find_passage(text, "开辟了线上线下两个通办渠道")
    assert passage.before.startswith("“在两市的综合服务大厅") and passage.match == "开辟了线上线下两个\n\n通办渠道"
    assert passage.after.endswith("徐瑞说。")
    passage = verify.find_passage(text, "提升了企业群众的知晓率")
    assert passage.before.startswith("“在两市的综合服务大厅")  # the sentence's start, on the line above

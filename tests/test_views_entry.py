"""Data-entry view models: the source texts a commit archives, what an attached text was read as, why a text was
refused, the sources offered for a text, and the audit log's column of archived texts."""

import pytest

from hbeu_dash.intake.changeset import prepare
from hbeu_dash.model.changes import Attachment, RowChange
from hbeu_dash.model.history import CommitRecord
from hbeu_dash.model.source_text import TextRefused, text_sha256
from hbeu_dash.store import CsvStore
from hbeu_dash.views import entry as views

TEXT = "测试文本(为测试编写的合成文本)\n\n  第一段:乌兰察布市四城通办事项达345项。\n第二段。\n第三段。\n"


def test_first_lines_skip_blank_lines_and_cut_long_ones() -> None:
    assert views.first_lines(TEXT) == "测试文本(为测试编写的合成文本)\n第一段:乌兰察布市四城通办事项达345项。\n第二段。"
    assert views.first_lines("x" * 200, lines=1, width=10) == "x" * 9 + "…"


@pytest.mark.parametrize(
    ("lang", "where", "expected"),
    [
        ("en", "", "src: 52 characters, sha256 {sha}…, read on 2025-02-13"),
        ("en", "https://r.example/a", "src: 52 characters, sha256 {sha}…, read on 2025-02-13 at https://r.example/a"),
        ("zh", "https://r.example/a", "src：52 个字符，sha256 {sha}…，2025-02-13 读取，读取自 https://r.example/a"),
    ],
)
def test_attachment_summary_says_what_was_read(lang: str, where: str, expected: str) -> None:
    attachment = Attachment("src", TEXT, "2025-02-13", where)
    assert len(TEXT) == 52
    assert views.attachment_summary(attachment, lang) == expected.format(sha=text_sha256(TEXT)[:12])


@pytest.mark.parametrize(
    ("origin", "refused", "lang", "expected"),
    [
        ("粘贴的原文", TextRefused("text_empty"), "zh", "粘贴的原文：原文为空"),
        ("pasted text", TextRefused("text_empty"), "en", "pasted text: the text is empty"),
        ("a.pdf", TextRefused("text_pdf_unreadable", detail="no text layer"), "en", "a.pdf: no text could be read"),
        ("big.txt", TextRefused("text_file_too_big", limit="10 MB"), "en", "big.txt: the file is larger than 10 MB"),
    ],
)
def test_a_refusal_names_what_was_read(origin: str, refused: TextRefused, lang: str, expected: str) -> None:
    assert views.text_refusal(origin, refused, lang).startswith(expected)


def test_source_choices_say_whether_a_source_has_a_text() -> None:
    assert views.source_choice("a", True, False, "en") == "a (has an archived text)"
    assert views.source_choice("a", False, False, "zh") == "a（没有存档原文）"
    assert views.source_choice("a", False, True, "en") == "a (in the uploaded sources table)"


def test_texts_table_lists_each_text_with_the_sources_naming_it(data_dir) -> None:
    store = CsvStore(data_dir)
    sha = text_sha256(TEXT)
    source = {"source_id": "test-src", "title": "t", "title_en": "t", "outlet_zh": "测", "outlet_en": "T"}
    source |= {"published": "2025-02-10", "url": "", "language": "zh", "note_zh": "", "note_en": ""}
    source |= {"text_sha256": sha, "retrieved": "2025-02-13", "retrieved_from": ""}
    preview = prepare(store, {"sources": [(2, source)]}, "sources.csv", texts={sha: TEXT})
    assert preview.ok, [p.message("en") for p in preview.problems]
    assert preview.changes["sources"][0] == RowChange("new", 2, ("test-src",), preview.changes["sources"][0].record)
    table = views.texts_table(preview, set(), "en")
    assert table.to_dict("records") == [
        {
            "Source": "test-src",
            "Fingerprint (SHA-256)": sha[:12] + "…",
            "Characters": "52",
            "Begins": "测试文本(为测试编写的合成文本)",
            "Archive": "archived now",
        }
    ]
    assert views.texts_table(preview, {sha}, "zh")["存档"].tolist() == ["已在存档中"]


def test_history_table_names_the_texts_a_commit_archived() -> None:
    sha = "ab" * 32
    records = [
        CommitRecord(
            "c2",
            "2025-02-13T08:00:00+00:00",
            "wang",
            "commit",
            {"sources": {"added": 0, "changed": 1, "removed": 0}},
            "v1",
            "v2",
            texts=[sha],
        ),
        CommitRecord("c1", "2025-02-12T08:00:00+00:00", "wang", "commit", {}, "v0", "v1"),
    ]
    table = views.history_table(records, "en", {sha: ["test-src"]})
    assert table["Source texts"].tolist() == [f"{sha[:12]} (test-src)", ""]
    assert views.history_table(records, "zh")["存档原文"].tolist() == [sha[:12], ""]

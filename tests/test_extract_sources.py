"""The assistant on the fifteen real texts: the two seeds and the thirteen of ../shared/sources/ (issue 17).

Recall and precision are measured against answer keys written by hand before the assistant was run on the texts
(bench/keys/, definitions in bench/extract.py); the table in docs/benchmarks.md is the one these scores make. The
designation check below is independent of the extractor's own rules: it reads the characters around each candidate's
number in the text.
"""

import os
import re

import pytest

from bench.extract import (
    PRECISION_GOAL,
    RECALL_GOAL,
    SEEDS,
    TABLE_END,
    TABLE_START,
    key_sources,
    read_key,
    score_key,
    source_article,
)
from hbeu_dash.intake.extract import ArticleMeta, evidence_in_text, extract_article
from hbeu_dash.model.numerals import parse_written_number
from hbeu_dash.paths import ROOT, SEEDS_DIR, SOURCES_DIR
from tests import real_data

# Before a number: a Latin letter (G110, D6980, S27), a road's word, a counter's label, a dash of a phone number.
DESIGNATION_BEFORE = re.compile(r"(?:[A-Za-z]|国道|省道|县道|访问量[:：]?\s*|阅读[:：]?\s*|0\d{2,3}[-—]|\d[时時點点])$")
# After it: a train's 次, an identifier's 号, a newspaper's 版, a website or hotline, a clock (10时18分, 20时许).
DESIGNATION_AFTER = re.compile(r"^(?:次列车|次動車|次列車|号|版|\s+版|网站|热线|[时時點点]\d|[时時]许|:\d\d)")


def _texts() -> dict[str, tuple[str, str]]:
    """source id -> (published, text) of the fifteen texts."""
    found = {}
    for name, (source_id, published) in SEEDS.items():
        if (SEEDS_DIR / name).is_file():
            found[source_id] = (published, (SEEDS_DIR / name).read_text(encoding="utf-8"))
    for source_id in key_sources():
        if (SOURCES_DIR / f"{source_id}.txt").is_file():
            found[source_id] = source_article(SOURCES_DIR / f"{source_id}.txt")
    if len(found) < len(SEEDS) + len(key_sources()):
        if os.environ.get("CI"):
            pytest.fail(f"source texts missing under {SEEDS_DIR.parent} (CI is set: they must be there)")
        pytest.skip(f"source texts missing under {SEEDS_DIR.parent}")
    return found


def _designations(figures, text: str) -> list[str]:
    """Candidates whose number, where its evidence stands in the text, is part of a designation or a clock time."""
    squashed = "".join(text.split())
    bad = []
    for row in figures.itertuples():
        evidence = "".join(row.evidence.split())
        at = squashed.find(evidence)
        number = re.search(r"[0-9]+(?:\.[0-9]+)?|[零〇一二两兩三四五六七八九十百千]+", row.value_text)
        if at < 0 or number is None:
            continue
        inner = evidence.find(number.group(0))
        while inner >= 0:
            where = at + inner
            before, after = squashed[max(0, where - 6) : where], squashed[where + len(number.group(0)) :][:6]
            if DESIGNATION_BEFORE.search(before) or DESIGNATION_AFTER.match(after):
                bad.append(f"{row.value_text} · {row.evidence}")
                break
            inner = evidence.find(number.group(0), inner + 1)
    return bad


def test_no_designation_is_proposed_as_a_figure_on_any_of_the_fifteen_texts() -> None:
    tables = real_data.tables()
    texts = _texts()
    assert len(texts) == 15
    found = {}
    for source_id, (published, text) in texts.items():
        result = extract_article(text, ArticleMeta(published=published, source_id="check"), tables)
        found[source_id] = _designations(result.figures, result.text)
    assert found == {source_id: [] for source_id in texts}


def test_the_designation_check_can_fail() -> None:
    # The check above, on candidates a careless reader would propose: each is caught.
    import pandas as pd

    text = "乘D6980次列车,经国道210,10时18分到站,访问量:207,登录12306网站。"
    figures = pd.DataFrame(
        [
            {"value_text": "6980", "evidence": "乘D6980次列车"},
            {"value_text": "210", "evidence": "经国道210"},
            {"value_text": "18", "evidence": "10时18分到站"},
            {"value_text": "10", "evidence": "10时18分到站"},
            {"value_text": "207", "evidence": "访问量:207"},
            {"value_text": "12306", "evidence": "登录12306网站"},
        ]
    )
    assert len(_designations(figures, text)) == 6


@pytest.mark.parametrize("source_id", key_sources())
def test_the_keys_quote_their_texts(source_id: str) -> None:
    # A key row whose fragment is not in its text, or whose number does not read as its value, would score nothing.
    _, text = _texts()[source_id]
    for item in read_key(source_id):
        assert evidence_in_text(item.fragment, text), item
        if item.kind == "figure":
            assert "".join(item.value_text.split()) in "".join(item.fragment.split()), item
            assert parse_written_number(item.value_text) == pytest.approx(float(item.value)), item


@pytest.mark.parametrize("source_id", key_sources())
def test_recall_and_precision_against_the_hand_made_key(source_id: str) -> None:
    published, text = _texts()[source_id]
    result = extract_article(text, ArticleMeta(published=published, source_id=source_id), real_data.tables())
    got = score_key(result.figures, result.events, result.text, read_key(source_id))
    if got["figures"]:
        assert got["recall"] >= RECALL_GOAL, got["missed"]
    if got["candidates"]:
        assert got["precision"] >= PRECISION_GOAL, got["not_real"]
    assert got["events_found"] >= got["events_key"] * RECALL_GOAL - 1, got["events_missed"]


def test_the_docs_show_the_current_scores() -> None:
    # The table in docs/benchmarks.md is what `python -m bench.extract --table` prints today: a change to the
    # assistant that moves a score must update the table (run that command and paste its output between the markers).
    from bench.extract import measure, score_table

    _texts()
    docs = (ROOT / "docs" / "benchmarks.md").read_text(encoding="utf-8")
    start, end = docs.index(TABLE_START) + len(TABLE_START), docs.index(TABLE_END)
    assert docs[start:end].strip() == score_table(measure(1)).strip()

"""What the store tests write, shared by test_store_commit.py (the CSV store's own write path) and the Store
contract of test_sql_store.py (both stores): rows written by hand as they must appear in the files (UTF-8, minimal
quoting, LF), the table files, and the CSV store's audit log as written."""

import json
from pathlib import Path

FIGURES_HEADER = (
    "figure_id,indicator_id,city,value,value_text,period,as_of,source_id,speaker_zh,speaker_en,event_id,"
    "evidence,evidence_en,note_zh,note_en\n"
)
FIGURE_LINE = (
    "ulanqab-service-items-t,four_city_service_items,ulanqab,300,300,,2025-02,0471tv-2025-02-01,,,,"
    "乌兰察布市通办事项300项,Ulanqab's shared service items number 300,,\n"
)
RIVAL_LINE = (  # another new figure: the row a second writer adds
    "ordos-service-items-t,four_city_service_items,ordos,250,250,,2025-02,0471tv-2025-02-01,,,,"
    "鄂尔多斯市通办事项250项,Ordos' shared service items number 250,,\n"
)
SOURCE_LINE = "test-source,测试来源,A test source,测试报,Test Daily,2025-03-01,https://example.org/a,zh,,\n"
TABLE_FILES = {
    "cities.csv",
    "events.csv",
    "figures.csv",
    "identities.csv",
    "indicators.csv",
    "projects.csv",
    "sources.csv",
}


def tables(folder: Path) -> dict[str, bytes]:
    """The bytes of every file directly in the data folder (hidden ones too: a leftover temp file shows)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def audit(folder: Path) -> list[dict]:
    """The CSV store's audit log, line by line, as written."""
    log = folder / ".hbeu" / "audit.jsonl"
    return [json.loads(line) for line in log.read_bytes().splitlines()] if log.exists() else []

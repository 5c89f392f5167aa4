"""What the store tests write, shared by test_store_commit.py (the CSV store's own write path) and the Store
contract of test_sql_store.py (both stores): rows written by hand as they must appear in the files (UTF-8, minimal
quoting, LF), the table files, and the CSV store's audit log as written."""

import json
from pathlib import Path

FIGURES_HEADER = (
    "figure_id,indicator_id,city,value,value_text,period,as_of,source_id,speaker_zh,speaker_en,event_id,"
    "evidence,evidence_en,note_zh,note_en\n"
)
# New figures quoting real fragments of 0471tv-2025-02-01 (the rows hohhot-daily-trains and hohhot-5g-stations
# quote them too), so the rows pass the proof against that source's archived text where a commit goes through intake.
FIGURE_LINE = (
    "hohhot-daily-trains-t,daily_trains_from_hohhot,hohhot,117,117,,2025-02,0471tv-2025-02-01,,,,"
    "目前每日达到117班次,now reaching 117 trains a day,,\n"
)
# The same new figure before anyone has written its English evidence (evidence_en is optional): an empty cell.
PENDING_LINE = FIGURE_LINE.replace(",now reaching 117 trains a day,", ",,")
RIVAL_LINE = (  # another new figure: the row a second writer adds
    "hohhot-5g-stations-t,base_stations_5g,hohhot,40000,4万,,2025-02,0471tv-2025-02-01,,,,"
    "累计超过4万座,more than 40 thousand in total,,\n"
)
SOURCE_LINE = "test-source,测试来源,A test source,测试报,Test Daily,2025-03-01,https://example.org/a,zh,,,,,\n"
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

"""Check that every evidence fragment occurs verbatim (whitespace aside) in one of the source texts."""

from pathlib import Path

import pandas as pd

from hbeu_dash.problems import Problem

CITING_TABLES = ("figures", "projects", "events")


def read_source_texts(folder: Path) -> dict[str, str]:
    """Every text file in the folder, whitespace removed, by file name."""
    texts = {}
    for path in sorted(Path(folder).iterdir()):
        if path.is_file():
            try:
                texts[path.name] = "".join(path.read_text(encoding="utf-8-sig").split())
            except UnicodeDecodeError:
                continue
    return texts


def verify_sources(tables: dict[str, pd.DataFrame], folder: Path) -> tuple[list[Problem], int]:
    """Return the fragments not found in any source text, and how many fragments were checked."""
    texts = read_source_texts(folder)
    failures, checked = [], 0
    for name in CITING_TABLES:
        frame = tables.get(name)
        if frame is None:
            continue
        for position, evidence in enumerate(frame["evidence"]):
            checked += 1
            squashed = "".join(evidence.split())
            if not any(squashed in text for text in texts.values()):
                failures.append(
                    Problem(
                        f"{name}.csv", "evidence_not_found", position + 2, "evidence", evidence, {"folder": str(folder)}
                    )
                )
    return failures, checked

"""Rows of a CSV table, compared by the table's key: which were added, changed or removed between two versions."""

import csv
import io
from dataclasses import dataclass, field

from hbeu_dash.model import csv_cells, schema

BOM = csv_cells.BOM


def parse_rows(content: bytes) -> tuple[list[str], list[list[str]]]:
    """The header and the data rows of a CSV file's bytes (UTF-8, optional BOM; blank rows left out)."""
    text = content.decode("utf-8").removeprefix(BOM)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        return [], []
    return rows[0], [r for r in rows[1:] if any(c.strip() for c in r)]


def write_rows(header: list[str], rows: list[list[str]]) -> bytes:
    """CSV bytes in the style of data/ (UTF-8, no BOM, minimal quoting, LF): our files round-trip byte for byte.

    A cell holding a comma, a quote, a CR or an LF (a bare CR too) is quoted; nothing else is added to a cell (the
    exports' apostrophe is theirs: a formula-looking cell is kept as it is, and `validate` names it).
    """
    return csv_cells.write_csv(header, rows)


@dataclass(frozen=True)
class RowDiff:
    """Keys (as tuples) of the rows added, changed and removed from one version of a table to the next."""

    added: list[tuple] = field(default_factory=list)
    changed: list[tuple] = field(default_factory=list)
    removed: list[tuple] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {"added": len(self.added), "changed": len(self.changed), "removed": len(self.removed)}


def keyed(header: list[str], rows: list[list[str]], key: tuple[str, ...]) -> dict[tuple, dict[str, str]]:
    """Rows as {key: {column: cell}}; a ragged row keeps the cells it has."""
    positions = [header.index(k) if k in header else None for k in key]
    out = {}
    for row in rows:
        record = dict(zip(header, row, strict=False))
        out[tuple(row[p] if p is not None and p < len(row) else "" for p in positions)] = record
    return out


def diff_tables(table: str, old: bytes, new: bytes) -> RowDiff:
    """What changed in `table` between the bytes `old` and `new`, row by row along the table's key."""
    key = schema.TABLES_BY_NAME[table].key
    before = keyed(*_safe_rows(old), key)
    after = keyed(*_safe_rows(new), key)
    return RowDiff(
        added=[k for k in after if k not in before],
        changed=[k for k in after if k in before and not same_row(before[k], after[k])],
        removed=[k for k in before if k not in after],
    )


def same_row(old: dict[str, str], new: dict[str, str]) -> bool:
    """The same row: a column one version lacks reads as empty (a file gaining an optional column changes no row)."""
    return all(old.get(c, "") == new.get(c, "") for c in old.keys() | new.keys())


def _safe_rows(content: bytes) -> tuple[list[str], list[list[str]]]:
    try:
        return parse_rows(content)
    except (UnicodeDecodeError, csv.Error):
        return [], []

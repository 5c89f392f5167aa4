"""Read the CSV files under data/ and validate them; every problem is collected, none is fatal alone."""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from hbeu_dash import schema
from hbeu_dash.numerals import NumeralError, parse_written_number
from hbeu_dash.paths import DATA_DIR
from hbeu_dash.problems import DataError, Problem

VOCABULARIES = {
    "language": schema.LANGUAGES,
    "sector": schema.SECTORS,
    "measure": schema.MEASURES,
    "project_kind": schema.PROJECT_KINDS,
    "status": schema.PROJECT_STATUSES,
    "event_kind": schema.EVENT_KINDS,
    "identity_kind": schema.IDENTITY_KINDS,
}


@dataclass
class LoadResult:
    """The tables that passed validation, and every problem found in any table."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def broken(self) -> set[str]:
        """Names of the tables left out because they have problems."""
        return {p.file.removesuffix(".csv") for p in self.problems}


def read_table_text(spec: schema.TableSpec, raw: bytes) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Parse one CSV file's bytes into a DataFrame of strings indexed by Excel row number."""
    file = spec.file
    expected = ", ".join(spec.columns)
    if not raw.strip():
        return None, [Problem(file, "empty_file", params={"expected": expected})]
    try:
        text = raw.decode("utf-8-sig")  # Excel's "CSV UTF-8" starts with a BOM
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        hint = ""
        try:
            raw.decode("gb18030")
            hint = " (it looks like GBK/GB18030)"
        except UnicodeDecodeError:
            pass
        return None, [Problem(file, "encoding", row=line, params={"hint": hint})]
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        return None, [Problem(file, "csv_syntax", params={"detail": str(exc)})]

    header = [h.strip() for h in rows[0]]
    problems: list[Problem] = []
    seen: set[str] = set()
    for name in header:
        if name in seen:
            problems.append(Problem(file, "duplicate_column", row=1, column=name, value=name))
        seen.add(name)
    for name in spec.columns:
        if name not in header:
            problems.append(Problem(file, "missing_column", row=1, column=name, params={"expected": expected}))
    for name in header:
        if name not in spec.columns:
            problems.append(
                Problem(file, "unknown_column", row=1, column=name or "?", value=name, params={"expected": expected})
            )
    if any(p.code == "duplicate_column" for p in problems):
        return None, problems

    records, index = [], []
    for excel_row, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue  # blank lines Excel leaves at the end
        if len(cells) != len(header):
            problems.append(
                Problem(file, "ragged_row", row=excel_row, params={"cells": len(cells), "expected": len(header)})
            )
            continue
        records.append(cells)
        index.append(excel_row)
    frame = pd.DataFrame(records, columns=header, index=index, dtype=object)
    if frame.empty and spec.needs_rows and not problems:
        problems.append(Problem(file, "no_rows"))
    return frame, problems


def validate_columns(spec: schema.TableSpec, frame: pd.DataFrame) -> list[Problem]:
    """Run the table's pandera schema on the known columns and turn failures into problems."""
    present = [c for c in spec.columns if c in frame.columns]
    if frame.empty or not present:
        return []
    subset = frame[present].astype(str)
    table_schema = spec.schema.select_columns(present)
    try:
        table_schema.validate(subset, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return [_problem_from_failure(spec, row) for row in exc.failure_cases.itertuples()]
    return []


def _problem_from_failure(spec: schema.TableSpec, failure) -> Problem:
    code = str(failure.check)
    params: dict = {}
    if code in VOCABULARIES:
        params["expected"] = ", ".join(VOCABULARIES[code])
    if code == "evidence_length":
        params["limit"] = schema.MAX_EVIDENCE_CHARS
    row = None if pd.isna(failure.index) else int(failure.index)
    return Problem(spec.file, code, row=row, column=failure.column, value=str(failure.failure_case), params=params)


def validate_keys(spec: schema.TableSpec, frame: pd.DataFrame) -> list[Problem]:
    """Each key must be unique; a repeat names the row it repeats."""
    if not all(k in frame.columns for k in spec.key):
        return []
    first: dict[tuple, int] = {}
    problems = []
    for excel_row, key in zip(frame.index, frame[list(spec.key)].itertuples(index=False, name=None), strict=False):
        if key in first:
            problems.append(
                Problem(
                    spec.file,
                    "duplicate_key",
                    row=excel_row,
                    column=spec.key[0],
                    value=" / ".join(key),
                    params={"other": first[key], "key": ", ".join(spec.key)},
                )
            )
        else:
            first[key] = excel_row
    return problems


def _has(frame: pd.DataFrame, *columns: str) -> bool:
    return all(c in frame.columns for c in columns)


def validate_rows(spec: schema.TableSpec, frame: pd.DataFrame) -> list[Problem]:
    """Checks across the cells of one row: numbers as written, quoted status and date texts."""
    file, problems = spec.file, []
    if spec.name == "figures" and _has(frame, "value", "value_text", "evidence"):
        for excel_row, value, written, evidence in frame[["value", "value_text", "evidence"]].itertuples():
            if not written:
                continue
            if _squash(written) not in _squash(evidence):
                problems.append(Problem(file, "value_text_not_in_evidence", excel_row, "value_text", written))
                continue
            try:
                parsed = parse_written_number(written)
            except NumeralError:
                problems.append(Problem(file, "value_text_unreadable", excel_row, "value_text", written))
                continue
            if schema.is_number(value) and abs(parsed - float(value)) > 1e-6:
                problems.append(
                    Problem(
                        file,
                        "value_mismatch",
                        excel_row,
                        "value",
                        value,
                        {"expected": value, "written": written, "parsed": f"{parsed:g}"},
                    )
                )
    for column in ("status_text", "date_text"):
        if _has(frame, column, "evidence"):
            for excel_row, text, evidence in frame[[column, "evidence"]].itertuples():
                if text and _squash(text) not in _squash(evidence):
                    problems.append(Problem(file, "text_not_in_evidence", excel_row, column, text))
    if spec.name == "events" and _has(frame, "date", "date_text", "note"):
        for excel_row, date, date_text, note in frame[["date", "date_text", "note"]].itertuples():
            if date and not date_text and not note.strip():
                problems.append(Problem(file, "date_needs_note", excel_row, "date_text", ""))
    if spec.name == "identities" and _has(frame, "kind", "parts"):
        for excel_row, kind, parts in frame[["kind", "parts"]].itertuples():
            if kind == "part_of" and len(_split(parts)) != 1:
                problems.append(Problem(file, "part_of_one_part", excel_row, "parts", parts))
    return problems


def validate_references(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    """Every id a table cites must exist in the table it points to."""
    problems = []
    for table, column, ref_table, ref_column, is_list in schema.REFERENCES:
        frame, ref = frames.get(table), frames.get(ref_table)
        if frame is None or ref is None or column not in frame.columns or ref_column not in ref.columns:
            continue
        known = set(ref[ref_column])
        for excel_row, cell in frame[column].items():
            for value in _split(cell) if is_list else [cell]:
                if value and value not in known:
                    problems.append(
                        Problem(
                            f"{table}.csv",
                            "dangling_ref",
                            excel_row,
                            column,
                            value,
                            {"ref_file": f"{ref_table}.csv", "ref_column": ref_column},
                        )
                    )
    return problems


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(schema.LIST_SEP) if p.strip()]


def _squash(text: str) -> str:
    """Drop all whitespace, so a fragment that crosses a line break still matches."""
    return "".join(text.split())


def _finish(spec: schema.TableSpec, frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.reset_index(drop=True)
    for column in spec.numeric:
        out[column] = pd.to_numeric(out[column])
    return out


def read_dataset(data_dir: Path = DATA_DIR) -> LoadResult:
    """Read and validate every table; keep the valid ones and list every problem."""
    frames: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for spec in schema.TABLES:
        path = Path(data_dir) / spec.file
        if not path.is_file():
            problems.append(Problem(spec.file, "missing_file"))
            continue
        frame, found = read_table_text(spec, path.read_bytes())
        if frame is not None:
            found += validate_columns(spec, frame) + validate_keys(spec, frame) + validate_rows(spec, frame)
            frames[spec.name] = frame
        problems += found
    problems += validate_references(frames)
    result = LoadResult(problems=problems)
    broken = result.broken
    result.tables = {
        name: _finish(schema.TABLES_BY_NAME[name], frame) for name, frame in frames.items() if name not in broken
    }
    return result


def load_dataset(data_dir: Path = DATA_DIR) -> dict[str, pd.DataFrame]:
    """Return every table, validated; raise one DataError listing every problem otherwise."""
    result = read_dataset(data_dir)
    if result.problems:
        raise DataError(result.problems)
    return result.tables


def load_table(name: str, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Return one validated table (the whole dataset is checked, as tables refer to each other)."""
    return load_dataset(data_dir)[name]

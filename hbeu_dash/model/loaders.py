"""Read the CSV files under data/ and validate them; every problem is collected, none is fatal alone."""

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pyarrow
from pyarrow import compute as pc
from pyarrow import csv as pa_csv

from hbeu_dash.model import csv_cells, schema, units
from hbeu_dash.model.numerals import NumeralError, parse_written_number
from hbeu_dash.model.problems import DataError, Problem
from hbeu_dash.paths import DATA_DIR

# Arrow's default allocator (mimalloc) keeps the pages a load frees, so a million-figure load peaked about
# 130 MB higher than with the system allocator (bench --only scale); the speed is the same.
pyarrow.set_memory_pool(pyarrow.system_memory_pool())

BOM = b"\xef\xbb\xbf"
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


HEAD_BYTES = 1 << 16


def read_table_file(spec: schema.TableSpec, path: Path) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Parse one CSV file; a large file is streamed by Arrow from disk rather than held in memory twice."""
    with open(path, "rb") as fh:
        head = fh.read(HEAD_BYTES)
    if len(head) < HEAD_BYTES or b"\n" not in head:
        return read_table_text(spec, path.read_bytes())
    return _read_table(spec, head, str(path), path.read_bytes)


def read_table_text(spec: schema.TableSpec, raw: bytes) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Parse one CSV file's bytes into a DataFrame of strings indexed by Excel row number."""
    skip = len(BOM) if raw.startswith(BOM) else 0
    return _read_table(spec, raw, pyarrow.BufferReader(pyarrow.py_buffer(memoryview(raw)[skip:])), lambda: raw)


def _read_table(
    spec: schema.TableSpec, head: bytes, source: object, read_all: Callable[[], bytes]
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Header checks on the file's first bytes, then the fast Arrow parse of `source`, else a precise slow one."""
    file = spec.file
    expected = ", ".join(spec.columns)
    if not head or (head.isspace() and len(head) < HEAD_BYTES):
        return None, [Problem(file, "empty_file", params={"expected": expected})]
    skip = len(BOM) if head.startswith(BOM) else 0  # Excel's "CSV UTF-8" starts with a BOM
    end = head.find(b"\n", skip)
    first_line = head[skip : end if end >= 0 else len(head)]

    def body() -> bytes:
        return read_all()[skip:]

    try:
        header_cells = next(csv.reader(io.StringIO(first_line.decode("utf-8"), newline=""), strict=True))
    except (UnicodeDecodeError, csv.Error, StopIteration):
        text, problem = _decode(file, body())
        if problem:
            return None, [problem]
        try:
            header_cells = next(csv.reader(io.StringIO(text, newline=""), strict=True))
        except csv.Error as exc:
            return None, [Problem(file, "csv_syntax", params={"detail": str(exc)})]
    header = [h.strip() for h in header_cells]
    problems = check_header(spec, file, header)
    if any(p.code == "duplicate_column" for p in problems):
        return None, problems

    frame = _read_fast(source, header, [c for c in spec.categorical if c in header])
    if frame is None:  # the fast parser refused the file: read it row by row to say exactly where
        text, problem = _decode(file, body())
        if problem:
            return None, [*problems, problem]
        frame, found = _read_rows(file, text, header)
        problems += found
    for column in spec.optional_columns:  # a file written before the column existed: read as empty
        if column not in frame.columns:
            frame[column] = pd.Series("", index=frame.index, dtype="string[pyarrow]")
    # Rows with every cell empty are blank lines Excel leaves at the end; they keep their row number.
    if len(frame.columns):
        candidates = frame[frame[frame.columns[0]] == ""]
        blank = candidates.index[(candidates == "").all(axis=1).to_numpy()]
        if len(blank):
            frame = frame.drop(index=blank)
    for column in spec.categorical:
        if column in frame.columns:
            values = frame[column].astype("category") if frame[column].dtype != "category" else frame[column]
            # Categories in text order, so sorting a categorical sorts like the text it holds.
            frame[column] = values.cat.set_categories(sorted(values.cat.categories), ordered=True)
    if frame.empty and spec.needs_rows and not problems:
        problems.append(Problem(file, "no_rows"))
    return frame, problems


def check_header(spec: schema.TableSpec, file: str, header: list[str]) -> list[Problem]:
    """A header row's problems: repeated, missing and unknown columns (row 1), each named."""
    expected = ", ".join(spec.columns)
    problems: list[Problem] = []
    seen: set[str] = set()
    for name in header:
        if name in seen:
            problems.append(Problem(file, "duplicate_column", row=1, column=name, value=name))
        seen.add(name)
    for name in spec.columns:
        if name not in header and name not in spec.optional_columns:
            problems.append(Problem(file, "missing_column", row=1, column=name, params={"expected": expected}))
    for name in header:
        if name not in spec.columns:
            problems.append(
                Problem(file, "unknown_column", row=1, column=name or "?", value=name, params={"expected": expected})
            )
    return problems


def _decode(file: str, body: bytes) -> tuple[str, Problem | None]:
    """The file as text, or an encoding problem naming the line of the first bad byte."""
    try:
        return body.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = body[: exc.start].count(b"\n") + 1
        hint = ""
        try:
            body.decode("gb18030")
            hint = " (it looks like GBK/GB18030)"
        except UnicodeDecodeError:
            pass
        return "", Problem(file, "encoding", row=line, params={"hint": hint})


def _read_fast(source: object, header: list[str], categorical: list[str]) -> pd.DataFrame | None:
    """Parse with pyarrow (multi-threaded, Arrow strings); None if the file is not a clean rectangle."""
    try:
        table = pa_csv.read_csv(
            source,
            read_options=pa_csv.ReadOptions(column_names=header, skip_rows=1),
            parse_options=pa_csv.ParseOptions(newlines_in_values=True, ignore_empty_lines=False),
            convert_options=pa_csv.ConvertOptions(
                column_types=dict.fromkeys(header, pyarrow.string())
                | dict.fromkeys(categorical, pyarrow.dictionary(pyarrow.int32(), pyarrow.string())),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pyarrow.ArrowInvalid, ValueError):
        return None
    # Hand the parser's freed blocks back before converting, so the conversion does not stack on them: on a
    # million figures the parse's peak fell from about 560 to 440 MB (read_table_file alone, 2 cores).
    pyarrow.default_memory_pool().release_unused()
    frame = table.to_pandas(
        types_mapper={pyarrow.string(): pd.StringDtype("pyarrow")}.get, self_destruct=True, split_blocks=True
    )
    del table
    pyarrow.default_memory_pool().release_unused()  # the parser's scratch memory
    frame.index = pd.RangeIndex(2, len(frame) + 2)  # Excel row numbers: the header is row 1
    return frame


def _read_rows(file: str, text: str, header: list[str]) -> tuple[pd.DataFrame, list[Problem]]:
    """Row-by-row reading that names every ragged row (slow; only for files the fast parser refused)."""
    problems, records, index = [], [], []
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        return pd.DataFrame(columns=header, dtype="string[pyarrow]"), [
            Problem(file, "csv_syntax", params={"detail": str(exc)})
        ]
    for excel_row, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            problems.append(
                Problem(file, "ragged_row", row=excel_row, params={"cells": len(cells), "expected": len(header)})
            )
            continue
        records.append(cells)
        index.append(excel_row)
    frame = pd.DataFrame(records, columns=header, index=index, dtype="string[pyarrow]")
    return frame, problems


def validate_columns(spec: schema.TableSpec, frame: pd.DataFrame) -> list[Problem]:
    """Run the table's pandera schema on the known columns and turn failures into problems."""
    present = [c for c in spec.columns if c in frame.columns]
    if frame.empty or not present:
        return []
    subset = frame[present]
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
    if code == "evidence_en_length":
        params["limit"] = schema.MAX_EVIDENCE_EN_CHARS
    row = None if pd.isna(failure.index) else int(failure.index)
    return Problem(spec.file, code, row=row, column=failure.column, value=str(failure.failure_case), params=params)


def validate_keys(spec: schema.TableSpec, frame: pd.DataFrame) -> list[Problem]:
    """Each key must be unique; a repeat names the row it repeats."""
    if not all(k in frame.columns for k in spec.key) or frame.empty:
        return []
    key = list(spec.key)
    if len(key) == 1 and pc.count_distinct(pyarrow.array(frame[key[0]].astype("string[pyarrow]"))).as_py() == len(
        frame
    ):
        return []  # the common case, decided in Arrow without hashing into Python
    repeated = frame[frame.duplicated(subset=key, keep=False)]
    first: dict[tuple, int] = {}
    problems = []
    for excel_row, values in zip(repeated.index, repeated[key].itertuples(index=False, name=None), strict=True):
        if values in first:
            problems.append(
                Problem(
                    spec.file,
                    "duplicate_key",
                    row=excel_row,
                    column=spec.key[0],
                    value=" / ".join(values),
                    params={"other": first[values], "key": ", ".join(spec.key)},
                )
            )
        else:
            first[values] = excel_row
    return problems


def _has(frame: pd.DataFrame, *columns: str) -> bool:
    return all(c in frame.columns for c in columns)


def _squash_series(series: pd.Series) -> list[str]:
    """Cell texts with all whitespace removed, as Python strings."""
    arrow = pyarrow.array(series.astype("string[pyarrow]"))
    if pc.any(pc.match_substring_regex(arrow, r"\s")).as_py():
        arrow = pc.replace_substring_regex(arrow, r"\s+", "")
    return arrow.to_pylist()


def _not_contained(frame: pd.DataFrame, column: str, chunk: int = 100_000) -> pd.Index:
    """Rows whose filled `column` does not occur in their evidence (whitespace aside); chunked to bound memory."""
    has_text = frame[column] != ""
    filled = frame[[column, "evidence"]] if has_text.all() else frame.loc[has_text, [column, "evidence"]]
    bad: list[int] = []
    for start in range(0, len(filled), chunk):
        part = filled.iloc[start : start + chunk]
        pairs = zip(_squash_series(part[column]), _squash_series(part["evidence"]), strict=True)
        bad += [row for row, (a, b) in zip(part.index.tolist(), pairs, strict=True) if a not in b]
    return pd.Index(bad, dtype="int64")


def to_float(series: pd.Series) -> pd.Series:
    """Plain decimal numbers as floats, anything else NaN (vectorised in Arrow)."""
    arrow = pyarrow.array(series.astype("string[pyarrow]"))
    is_number = pc.match_substring_regex(arrow, schema.NUMBER_RE.pattern)
    numbers = pc.cast(pc.if_else(is_number, arrow, pyarrow.scalar(None, pyarrow.string())), pyarrow.float64())
    return pd.Series(numbers.to_numpy(zero_copy_only=False), index=series.index, dtype="float64")


def parse_written_series(written: pd.Series) -> pd.Series:
    """parse_written_number over a column: plain digits vectorised, other forms once per distinct text."""
    parsed = to_float(written)
    digits = parsed.notna()
    others = written[~digits]
    if not others.empty:
        lookup = {}
        for text in others.unique():
            try:
                lookup[text] = parse_written_number(text)
            except NumeralError:
                lookup[text] = float("nan")
        parsed[~digits] = others.map(lookup).astype("float64")
    return parsed


def validate_rows(spec: schema.TableSpec, frame: pd.DataFrame) -> list[Problem]:
    """Checks across the cells of one row: numbers as written, quoted status and date texts."""
    file, problems = spec.file, []
    if spec.name == "figures" and _has(frame, "value", "value_text", "evidence"):
        missing = set(_not_contained(frame, "value_text"))
        for excel_row in sorted(missing):
            problems.append(
                Problem(file, "value_text_not_in_evidence", excel_row, "value_text", frame.at[excel_row, "value_text"])
            )
        keep = frame["value_text"] != ""
        if missing:
            keep &= ~frame.index.isin(list(missing))
        rest = frame.loc[keep, ["value", "value_text"]] if not keep.all() else frame[["value", "value_text"]]
        parsed = parse_written_series(rest["value_text"])
        for excel_row in rest.index[parsed.isna().to_numpy()]:
            problems.append(
                Problem(file, "value_text_unreadable", excel_row, "value_text", rest.at[excel_row, "value_text"])
            )
        values = to_float(rest["value"])
        wrong = parsed.notna() & values.notna() & ((parsed - values).abs() > 1e-6)
        for excel_row in rest.index[wrong.to_numpy()]:
            value, written = rest.at[excel_row, "value"], rest.at[excel_row, "value_text"]
            params = {"expected": value, "written": written, "parsed": f"{parsed[excel_row]:g}"}
            problems.append(Problem(file, "value_mismatch", excel_row, "value", value, params))
    for column in ("status_text", "date_text"):
        if _has(frame, column, "evidence"):
            for excel_row in _not_contained(frame, column):
                problems.append(Problem(file, "text_not_in_evidence", excel_row, column, frame.at[excel_row, column]))
    notes = [c for c in schema.NOTE if c in frame.columns]
    if spec.name == "events" and _has(frame, "date", "date_text") and notes:
        bad = (frame["date"] != "") & (frame["date_text"] == "")
        for column in notes:  # either note may say where the date comes from; translation_missing asks for both
            bad &= ~schema.is_filled(frame[column])
        problems += [Problem(file, "date_needs_note", r, "date_text", "") for r in frame.index[bad.to_numpy()]]
    if spec.name == "identities" and _has(frame, "kind", "parts"):
        for excel_row, kind, parts in frame[["kind", "parts"]].itertuples():
            if kind == "part_of" and len(_split(parts)) != 1:
                problems.append(Problem(file, "part_of_one_part", excel_row, "parts", parts))
    return problems


def validate_translations(spec: schema.TableSpec, frame: pd.DataFrame) -> list[Problem]:
    """Each declared (zh, en) pair of optional texts is filled in both languages or left empty in both."""
    problems = []
    for zh, en in spec.translated:
        if frame.empty or not _has(frame, zh, en):
            continue
        zh_filled, en_filled = schema.is_filled(frame[zh]), schema.is_filled(frame[en])
        for empty, filled, rows in ((zh, en, en_filled & ~zh_filled), (en, zh, zh_filled & ~en_filled)):
            problems += [
                Problem(spec.file, "translation_missing", r, empty, params={"filled": filled})
                for r in frame.index[rows.to_numpy()]
            ]
    return sorted(problems, key=lambda p: (p.row, spec.columns.index(p.column)))


def validate_formulas(spec: schema.TableSpec, frame: pd.DataFrame) -> list[Problem]:
    """Cells a spreadsheet would run as a formula (model.csv_cells, the rule an upload is refused by), so a hand
    edit of data/ cannot keep one an upload could not bring: the store never neutralises, and these files are what
    an analyst opens in Excel or WPS to edit. A plain number such as -5 is not one."""
    is_formula = schema.on_text(csv_cells.formula_mask)
    problems = []
    for column in frame.columns:
        bad = is_formula(frame[column])
        if bad.any():
            problems += [
                Problem(spec.file, "formula_prefix", row, column, str(frame.at[row, column]))
                for row in frame.index[bad.to_numpy()]
            ]
    order = {c: i for i, c in enumerate(frame.columns)}
    return sorted(problems, key=lambda p: (p.row, order[p.column]))


def validate_references(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    """Every id a table cites must exist in the table it points to."""
    problems = []
    for table, column, ref_table, ref_column, is_list in schema.REFERENCES:
        frame, ref = frames.get(table), frames.get(ref_table)
        if frame is None or ref is None or column not in frame.columns or ref_column not in ref.columns:
            continue
        cells = frame[column]
        cited = cells[cells != ""].unique()
        needed = sorted({v for c in cited for v in _split(c)}) if is_list else list(cited)
        # Look the (few) cited ids up in the (possibly large) referenced column, not the other way round.
        found = set(ref[ref_column][ref[ref_column].isin(needed)].unique())
        missing = [v for v in needed if v not in found]
        if not missing:
            continue
        params = {"ref_file": f"{ref_table}.csv", "ref_column": ref_column}
        missing_set = set(missing)
        suspects = cells[cells != ""] if is_list else cells[cells.isin(missing)]
        for excel_row, cell in suspects.items():
            for value in _split(cell) if is_list else [cell]:
                if value in missing_set:
                    problems.append(Problem(f"{table}.csv", "dangling_ref", excel_row, column, value, params))
    return problems


def validate_targets(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    """An indicator's `target_id` names a target (measure `target`), not itself a target, whose unit its own unit
    converts to (hbeu_dash.model.units: hours ↔ minutes). A target id not in the file is a dangling reference, told by
    validate_references."""
    indicators = frames.get("indicators")
    if indicators is None or not _has(indicators, "indicator_id", "target_id", "measure", "unit_en"):
        return []
    linked = indicators[indicators["target_id"] != ""]
    if linked.empty:
        return []
    by_id = indicators.drop_duplicates("indicator_id").set_index("indicator_id")
    file, problems = schema.INDICATORS.file, []
    for excel_row, row in linked.iterrows():
        target_id = row["target_id"]
        if target_id not in by_id.index:
            continue
        target = by_id.loc[target_id]
        params = {"target": target_id, "measure": target["measure"], "unit": row["unit_en"]}
        params |= {"target_unit": target["unit_en"], "units": ", ".join(units.CONVERSIONS)}
        if row["measure"] == schema.TARGET_MEASURE:
            problems.append(Problem(file, "target_of_target", excel_row, "target_id", target_id, params))
        elif target["measure"] != schema.TARGET_MEASURE:
            problems.append(Problem(file, "target_not_target", excel_row, "target_id", target_id, params))
        elif not units.convertible(row["unit_en"], target["unit_en"]):
            problems.append(Problem(file, "target_unit", excel_row, "target_id", target_id, params))
    return problems


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(schema.LIST_SEP) if p.strip()]


def _finish(spec: schema.TableSpec, frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.reset_index(drop=True)
    for column in spec.numeric:
        out[column] = to_float(out[column])
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
        frame, found = read_table_file(spec, path)
        if frame is not None:
            found += (
                validate_columns(spec, frame)
                + validate_keys(spec, frame)
                + validate_rows(spec, frame)
                + validate_translations(spec, frame)
                + validate_formulas(spec, frame)
            )
            frames[spec.name] = frame
        problems += found
    problems += validate_references(frames) + validate_targets(frames)
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

"""New rows in: an upload (or the article assistant's accepted candidates) becomes a change set, validated by the
same schemas and reference checks as data/, previewed (new, changed and identical rows; new conflicts), and only
then handed to the store's commit.

Pure: no Streamlit. Row numbers in problems are the ones the analyst sees (the upload's Excel rows, or the
assistant's table rows); a problem the change set cannot be blamed for names the data file itself.
"""

import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from hbeu_dash import i18n
from hbeu_dash.intake.uploads import UploadedTable
from hbeu_dash.model import checks, csv_cells, schema, transforms, verify
from hbeu_dash.model.changes import Attachment, ConflictError, Preview, Row, RowChange
from hbeu_dash.model.loaders import LoadResult, check_header, read_dataset
from hbeu_dash.model.problems import Problem
from hbeu_dash.store import Store
from hbeu_dash.store.archive import pending_texts
from hbeu_dash.store.diff import keyed, parse_rows, write_rows

# The tables an analyst may add rows to (sources too: a new article's figures need their source first; indicators
# too: a figure that needs a new indicator brings it in the same change set).
UPLOAD_TABLES = ("figures", "indicators", "projects", "events", "sources")
# Columns the article assistant's review workbook adds for the analyst (its score): read past, never stored.
ASSISTANT_COLUMNS = ("confidence",)
# A row whose first cell starts with this right under the header is the template's explanation row.
COMMENT_PREFIX = "#"
READ_ATTEMPTS = 3


def _snapshot(store: Store) -> tuple[str, dict[str, bytes]]:
    """The bytes of every table and the version they belong to (read again if a commit landed meanwhile).

    Never a version with bytes of another: a store that reads everything in one snapshot (`contents()`, the
    database) is asked for that; otherwise, if the data keeps changing, ConflictError (the analyst tries again).
    """
    snapshot = getattr(store, "contents", None)
    if snapshot is not None:
        version, present = snapshot()
        return version, {spec.name: present.get(spec.name, b"") for spec in schema.TABLES}
    version = store.data_version()
    for _ in range(READ_ATTEMPTS):
        files = {spec.name: store.file_bytes(spec.name) for spec in schema.TABLES}
        after = store.data_version()
        if after == version:
            return version, files
        version = after
    raise ConflictError(version, store.data_version(), reason="unstable")


def rows_from_upload(
    table: str, upload: UploadedTable, ignored: tuple[str, ...] = ()
) -> tuple[list[Row], list[Problem]]:
    """The upload's data rows keyed by Excel row number, and the problems of its header and cells.

    The header must have exactly the table's columns (any order), besides the `ignored` ones (read past: the
    assistant's review columns); the template's explanation row (first cell starting with '#') right under it is
    skipped. Cells that would start a spreadsheet formula are refused.
    """
    spec = schema.TABLES_BY_NAME[table]
    file, problems = upload.name, []
    header = [h.strip() for h in upload.header]
    numbered = upload.numbered()
    # Excel's CSV export can leave empty columns after the last one: dropped when nothing is in them.
    while header and not header[-1] and not any(len(c) >= len(header) and c[len(header) - 1] for _, c in numbered):
        header.pop()
    skipped = {i for i, name in enumerate(header) if name in ignored and name not in spec.columns}
    problems += check_header(spec, file, [name for i, name in enumerate(header) if i not in skipped])
    if problems:
        return [], problems
    rows: list[Row] = []
    for number, cells in numbered:
        if number == 2 and cells and str(cells[0]).startswith(COMMENT_PREFIX):
            continue
        if not any(str(c).strip() for c in cells):
            continue
        # Extra cells are a shifted row (a stray comma), unless they sit under the dropped empty header columns.
        if len(cells) > len(upload.header) or any(str(c).strip() for c in cells[len(header) :]):
            problems.append(
                Problem(file, "ragged_row", row=number, params={"cells": len(cells), "expected": len(header)})
            )
            continue
        record = {name: (str(cells[i]) if i < len(cells) else "") for i, name in enumerate(header) if i not in skipped}
        rows.append((number, {c: record.get(c, "") for c in spec.columns}))  # optional columns may be left out
    if not rows and not problems:  # a header (and the template's explanation row) alone: say so, not "no change"
        problems.append(Problem(file, "no_rows"))
    return rows, problems + formula_problems(file, rows)


def formula_problems(file: str, rows: list[Row]) -> list[Problem]:
    """Text cells a spreadsheet would run as a formula (= + - @, tab, CR, LF at the start).

    A plain number such as -5 is not one (a spreadsheet reads it as a number): its column's own check says what
    is wrong with it (a negative count), rather than a formula warning.
    """
    return [
        Problem(file, "formula_prefix", row=number, column=column, value=cell)
        for number, record in rows
        for column, cell in record.items()
        if csv_cells.looks_like_formula(cell)
    ]


@dataclass
class WorkbookRows:
    """A workbook of several tables read as one change set: the rows by table, how problems name each table's
    sheet ('book.xlsx [figures]'), the problems of reading it, and the assistant's columns read past, by sheet."""

    proposals: dict[str, list[Row]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)


def sheet_table(title: str) -> str | None:
    """The table a sheet is named after: its name ('figures', 'Figures', 'figures.csv') or its Chinese name
    ('数字'); None for any other name."""
    name = title.strip().lower().removesuffix(".csv")
    for table in UPLOAD_TABLES:
        if name == table or name == i18n.TABLE_NAMES[table][0]:
            return table
    return None


def rows_from_workbook(book: str, sheets: list[tuple[str, UploadedTable]]) -> WorkbookRows:
    """Every sheet of a workbook as the rows of the table it is named after (uploads.read_workbook's sheets).

    A sheet named after no table an analyst may add rows to, or after a table another sheet names already, is a
    problem naming it: nothing in a workbook is passed over silently. A sheet with its header alone adds nothing
    (the review workbook's indicators sheet when the assistant proposes none); a workbook with no rows at all is a
    problem.
    """
    out = WorkbookRows()
    seen: dict[str, str] = {}
    expected = ", ".join(UPLOAD_TABLES)
    expected_zh = "、".join(i18n.TABLE_NAMES[t][0] for t in UPLOAD_TABLES)
    for title, upload in sheets:
        table = sheet_table(title)
        if table is None:
            params = {"expected": expected, "expected_zh": expected_zh}
            out.problems.append(Problem(upload.name, "unknown_sheet", value=title, params=params))
            continue
        if table in seen:
            params = {"other": seen[table], "table": table}
            out.problems.append(Problem(upload.name, "duplicate_sheet", value=title, params=params))
            continue
        seen[table] = title
        rows, problems = rows_from_upload(table, upload, ignored=ASSISTANT_COLUMNS)
        out.proposals[table], out.labels[table] = rows, upload.name
        out.problems += [p for p in problems if p.code != "no_rows"]
        out.ignored += [f"{upload.name} {c}" for c in upload.header if c.strip() in ASSISTANT_COLUMNS]
    if not out.problems and not any(out.proposals.values()):
        out.problems.append(Problem(book, "no_rows"))
    return out


def english_problems(table: str, rows: list[Row], label: str) -> list[Problem]:
    """A new indicator whose English name or unit is empty: the analyst's to write (the assistant proposes the
    Chinese from the article's words and no translation), said as such rather than as a bare 'required'."""
    if table != "indicators":
        return []
    problems = []
    for number, record in rows:
        if not record.get("name_en", "").strip():
            params = {"name": record.get("name_zh", "")}
            problems.append(Problem(label, "indicator_name_en", number, "name_en", params=params))
        if not record.get("unit_en", "").strip():
            params = {"unit": record.get("unit_zh", "")}
            problems.append(Problem(label, "indicator_unit_en", number, "unit_en", params=params))
    return problems


def merge_rows(table: str, current: bytes, rows: list[Row], label: str) -> tuple[bytes, list[RowChange], dict, list]:
    """The table's new bytes with `rows` added (new key) or replacing the row with their key.

    Returns (new bytes, the row changes, {row number in the new file: the analyst's row number}, problems for
    keys repeated inside the change set).
    """
    spec = schema.TABLES_BY_NAME[table]
    header, existing = parse_rows(current) if current else (list(spec.columns), [])
    if not header:
        header = list(spec.columns)
    # A file written before an optional column existed gains it when a row fills it (indicators' target_id), at the
    # end; its other rows read as empty there, as they did without it.
    added = [c for c in spec.optional_columns if c not in header and any(r.get(c, "") for _, r in rows)]
    if added:
        header = [*header, *added]
        existing = [[*cells, *[""] * len(added)] for cells in existing]
    position = {c: i for i, c in enumerate(header)}
    key_at = [position.get(k) for k in spec.key]

    def key_of(cells: list[str]) -> tuple[str, ...]:
        return tuple(cells[i] if i is not None and i < len(cells) else "" for i in key_at)

    index = {key_of(cells): i for i, cells in enumerate(existing)}
    out = [list(cells) for cells in existing]
    changes: list[RowChange] = []
    origin: dict[int, int] = {}
    first_seen: dict[tuple, int] = {}
    problems: list[Problem] = []
    for number, record in rows:
        cells = [record.get(c, "") for c in header]
        key = key_of(cells)
        if key in first_seen:
            problems.append(
                Problem(
                    label,
                    "duplicate_key",
                    row=number,
                    column=spec.key[0],
                    value=" / ".join(key),
                    params={"other": first_seen[key], "key": ", ".join(spec.key)},
                )
            )
            continue
        first_seen[key] = number
        if key in index:
            i = index[key]
            old = dict(zip(header, existing[i], strict=False))
            kind = "same" if cells == existing[i] else "changed"
            out[i] = cells
            changes.append(RowChange(kind, number, key, dict(zip(header, cells, strict=True)), old))
            origin[i + 2] = number
        else:
            out.append(cells)
            changes.append(RowChange("new", number, key, dict(zip(header, cells, strict=True))))
            origin[len(out) + 1] = number
    return write_rows(header, out), changes, origin, problems


def validate_files(files: Mapping[str, bytes]) -> LoadResult:
    """Read and validate a whole dataset given as table -> bytes, with the loaders data/ is read with."""
    with tempfile.TemporaryDirectory(prefix="hbeu-preview-") as folder:
        for table, content in files.items():
            (Path(folder) / schema.TABLES_BY_NAME[table].file).write_bytes(content)
        return read_dataset(Path(folder))


def prepare(
    store: Store,
    proposals: Mapping[str, list[Row]],
    label: str | Mapping[str, str],
    read_problems=(),
    new_only: bool | frozenset[str] = False,
    texts: Mapping[str, str] | None = None,
) -> Preview:
    """Validate the proposed rows against the current data and preview what committing them would change.

    `label` names the rows in problems: the upload's file name, or one name per table (the assistant's tables).
    With `new_only` (the article assistant) a row whose key is already in the data is a problem, not a change:
    in every table (True), or in the tables named (the assistant may change an existing source's text columns).
    `texts` (sha256 -> text, checked by archive.pending_texts) are source texts the change set attaches (a source
    row names one by its `text_sha256`). Every row the change set adds or changes, and every row of the data whose
    source's text it changes, is proven against its own source's archived text (hbeu_dash.model.verify) before anything
    else: a row that is not is a problem naming its row and column, and nothing can be committed.
    """
    labels = {t: label if isinstance(label, str) else label.get(t, t) for t in proposals}
    label = label if isinstance(label, str) else " / ".join(labels.values())
    version, current = _snapshot(store)
    problems = list(read_problems)
    files = dict(current)
    changes: dict[str, list[RowChange]] = {}
    origins: dict[str, dict[int, int]] = {}
    for table, rows in proposals.items():
        if table not in UPLOAD_TABLES:
            raise ValueError(f"cannot add rows to {table}")
        if not rows:
            continue
        new_bytes, table_changes, origin, found = merge_rows(table, current[table], rows, labels[table])
        problems += found + formula_problems(labels[table], rows) + english_problems(table, rows, labels[table])
        if new_only is True or (new_only and table in new_only):
            key = ", ".join(schema.TABLES_BY_NAME[table].key)
            problems += [
                Problem(
                    labels[table],
                    "key_exists",
                    c.row,
                    schema.TABLES_BY_NAME[table].key[0],
                    " / ".join(c.key),
                    {"key": key},
                )
                for c in table_changes
                if c.kind != "new"
            ]
        changes[table] = table_changes
        origins[table] = origin
        files[table] = new_bytes
    pending = pending_texts(texts or {})
    proof_problems, cited = _prove(store, current, files, changes, labels, pending)
    problems += proof_problems
    changed = {t: b for t, b in files.items() if b != current[t]}
    preview = Preview(version=version, label=label, files=changed, changes=changes, texts=cited)
    if not changed:
        preview.problems = problems
        return preview
    after = validate_files(files)
    problems += [_relabel(p, origins, labels) for p in after.problems]
    # A cell a specific problem names already (a new indicator's English) is not told again as a bare 'required'.
    told = {(p.file, p.row, p.column) for p in problems if p.code in ("indicator_name_en", "indicator_unit_en")}
    problems = [p for p in problems if not (p.code == "required" and (p.file, p.row, p.column) in told)]
    preview.problems = sorted(_unique(problems), key=lambda p: (p.file not in labels.values(), p.file, p.row or 0))
    if not preview.problems:
        _add_quality(preview, validate_files(current), after)  # both sides from the same snapshot
    return preview


def _sources_texts(content: bytes) -> dict[str, str]:
    """source_id -> text_sha256 of a sources table's bytes ('' for none)."""
    if not content:
        return {}
    header, rows = parse_rows(content)
    return {k[0]: r.get("text_sha256", "") for k, r in keyed(header, rows, ("source_id",)).items()}


def _prove(
    store: Store,
    current: Mapping[str, bytes],
    files: Mapping[str, bytes],
    changes: Mapping[str, list[RowChange]],
    labels: Mapping[str, str],
    pending: Mapping[str, str],
) -> tuple[list[Problem], dict[str, str]]:
    """Prove what the change set adds or changes against its sources' archived texts (and the texts it brings).

    Returns the problems and the brought texts that a source row of the result cites (only those are archived).
    """
    archive_text = getattr(store, "source_text", None)

    def lookup(sha: str) -> str | None:
        return pending.get(sha) or (archive_text(sha) if archive_text else None)

    before, after = _sources_texts(current.get("sources", b"")), _sources_texts(files.get("sources", b""))
    problems: list[Problem] = []
    for table in schema.CITING_TABLES:
        rows = [(c.row, c.record) for c in changes.get(table, []) if c.kind != "same"]
        problems += verify.prove_rows(table, rows, after, lookup, labels.get(table, table))
    # A source whose text changes: the rows of the data that cite it (and that the change set leaves alone) again.
    retexted = {s for s, sha in after.items() if s in before and before[s] != sha}
    for table in schema.CITING_TABLES if retexted else ():
        touched = {c.key for c in changes.get(table, [])}
        header, rows = parse_rows(files[table]) if files.get(table) else ([], [])
        spec = schema.TABLES_BY_NAME[table]
        at = [header.index(k) for k in spec.key if k in header]
        stale = []
        for number, cells in enumerate(rows, start=2):
            record = dict(zip(header, cells, strict=False))
            if record.get("source_id") in retexted and tuple(cells[i] for i in at) not in touched:
                stale.append((number, record))
        problems += verify.prove_rows(table, stale, after, lookup)
    # A source row naming a text that neither the archive nor the change set holds.
    for change in changes.get("sources", []):
        sha = change.record.get("text_sha256", "")
        if change.kind != "same" and sha and schema.SHA256_RE.match(sha) and lookup(sha) is None:
            source = change.record.get("source_id", "")
            problems.append(
                Problem(
                    labels.get("sources", "sources"),
                    "source_text_lost",
                    change.row,
                    "text_sha256",
                    sha,
                    {"source": source},
                )
            )
    cited = {sha: text for sha, text in pending.items() if sha in set(after.values())}
    return problems, cited


def _relabel(problem: Problem, origins: dict[str, dict[int, int]], labels: Mapping[str, str]) -> Problem:
    """A problem in a changed table's row that came from the change set names the analyst's row instead."""
    table = problem.file.removesuffix(".csv")
    origin = origins.get(table, {})
    if problem.row is not None and problem.row in origin:
        return Problem(labels[table], problem.code, origin[problem.row], problem.column, problem.value, problem.params)
    return problem


def _unique(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in problems:
        key = (p.file, p.code, p.row, p.column, p.value)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _add_quality(preview: Preview, before: LoadResult, after: LoadResult) -> None:
    """Conflicts, stage disagreements and failing identities the commit would bring (not there before)."""
    figures_before, figures_after = _joined(before), _joined(after)
    if figures_after is not None:
        found_after = checks.find_conflicts(figures_after)
        known = set()
        if figures_before is not None:
            found_before = checks.find_conflicts(figures_before)
            known = set(zip(found_before["conflict_id"], found_before["figure_id"], strict=True))
        pairs = list(zip(found_after["conflict_id"], found_after["figure_id"], strict=True))
        fresh = {cid for cid, fid in pairs if (cid, fid) not in known}
        preview.new_conflicts = found_after[found_after["conflict_id"].isin(fresh)].reset_index(drop=True)
    projects_before, projects_after = before.tables.get("projects"), after.tables.get("projects")
    if projects_after is not None:
        stages_after = checks.find_status_conflicts(projects_after)
        known_projects = set()
        if projects_before is not None:
            stages_before = checks.find_status_conflicts(projects_before)
            known_projects = set(zip(stages_before["project_id"], stages_before["source_id"], strict=True))
        pairs = zip(stages_after["project_id"], stages_after["source_id"], strict=True)
        fresh_projects = {pid for pid, sid in pairs if (pid, sid) not in known_projects}
        preview.new_stage_conflicts = stages_after[stages_after["project_id"].isin(fresh_projects)].reset_index(
            drop=True
        )
    identities = after.tables.get("identities")
    if identities is not None and figures_after is not None:
        evaluated = checks.evaluate_identities(identities, figures_after)
        failed_before = set()
        if figures_before is not None and before.tables.get("identities") is not None:
            old = checks.evaluate_identities(before.tables["identities"], figures_before)
            failed_before = set(old.loc[old["status"] == "fails", "identity_id"])
        failing = (evaluated["status"] == "fails") & ~evaluated["identity_id"].isin(failed_before)
        preview.failing_identities = evaluated[failing].reset_index(drop=True)


def _joined(result: LoadResult) -> pd.DataFrame | None:
    """Figures with their indicator and source (what the conflict cards show), or None when a table is broken."""
    tables = result.tables
    if not {"figures", "indicators", "sources"} <= set(tables):
        return None
    return transforms.join_figures(tables["figures"], tables["indicators"], tables["sources"])


def template_rows(table: str, help_texts: Mapping[str, tuple[str, str]]) -> tuple[list[str], list[str]]:
    """A blank template: the header and the explanation row (first cell starts with '#'), zh / en in each cell."""
    columns = list(schema.TABLES_BY_NAME[table].columns)
    notes = [f"{help_texts[c][0]} / {help_texts[c][1]}" for c in columns]
    notes[0] = f"{COMMENT_PREFIX} {notes[0]}"
    return columns, notes


def workbook_bytes(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """An .xlsx with one sheet per table (named after it), the header in row 1: what `import BOOK.xlsx` reads back.

    Every text cell is written as a string, never as a formula (a cell starting with '=' stays text here, and
    import refuses it by row and column); numbers (the assistant's confidence) stay numbers.
    """
    import io

    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, frame in sheets.items():
        sheet = book.create_sheet(title[:31])
        sheet.append([str(c) for c in frame.columns])
        for values in frame.itertuples(index=False):
            sheet.append([None if v is None or (isinstance(v, float) and pd.isna(v)) else v for v in values])
        for row in sheet.iter_rows(min_row=1):
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
        for column_cells in sheet.columns:
            width = max(len(str(c.value or "")) for c in column_cells[:200])
            sheet.column_dimensions[column_cells[0].column_letter].width = min(max(width + 2, 8), 60)
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def propose_source_id(outlet_en: str, published: str, taken: set[str]) -> str:
    """A source id from the outlet and the date ('qingcheng-media-2025-02-01'), unique among `taken`."""
    words = "".join(ch if ch.isascii() and ch.isalnum() else " " for ch in outlet_en.lower()).split()
    base = "-".join([*words[:4], published] if words else ["article", published])
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def attach_texts(
    proposals: Mapping[str, list[Row]], attachments: list[Attachment], current_sources: bytes, label: str
) -> tuple[dict[str, list[Row]], dict[str, str], list[Problem]]:
    """The proposals with each attachment's source row naming its text, the texts by sha256, and problems.

    A source in the proposals gets the text on its own row; a source of the data is proposed again, changed
    only in its text columns (its row number is the data file's). A source in neither is a problem.
    """
    from datetime import date

    from hbeu_dash.model.source_text import text_sha256

    out = {table: list(rows) for table, rows in proposals.items()}
    header, rows = parse_rows(current_sources) if current_sources else ([], [])
    data_rows = {
        r.get("source_id", ""): (n, r)
        for n, r in ((i, dict(zip(header, c, strict=False))) for i, c in enumerate(rows, start=2))
    }
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    for attachment in attachments:
        sha = text_sha256(attachment.text)
        texts[sha] = attachment.text
        fields = {
            "text_sha256": sha,
            "retrieved": attachment.retrieved or date.today().isoformat(),
            "retrieved_from": attachment.retrieved_from,
        }
        proposed = out.setdefault("sources", [])
        at = next((i for i, (_, r) in enumerate(proposed) if r.get("source_id") == attachment.source_id), None)
        if at is not None:
            number, record = proposed[at]
            proposed[at] = (number, {**record, **fields})
        elif attachment.source_id in data_rows:
            number, record = data_rows[attachment.source_id]
            spec = schema.SOURCES
            proposed.append((number, {c: record.get(c, "") for c in spec.columns} | fields))
        else:
            problems.append(Problem(label, "text_source_unknown", column="source_id", value=attachment.source_id))
    return out, texts, problems

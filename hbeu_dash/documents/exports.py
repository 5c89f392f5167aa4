"""Exports for analysts: CSV (UTF-8 with BOM, for Excel) and Excel, safe from formula injection.

Every cell a spreadsheet would run (hbeu_dash.model.csv_cells: = + - @ and their full-width twins, also after spaces; a
tab or a line break first) gets an apostrophe in front, headers too; every CSV cell holding a line break (a bare CR
too) is quoted, by the same writer the store writes data/ with; every .xlsx text cell is a string, never a formula.
"""

import io

import pandas as pd

from hbeu_dash.model import csv_cells

FORMULA_PREFIXES = csv_cells.FORMULA_PREFIXES  # what intake refuses at the start of an uploaded cell


def neutralize_cell(value: object) -> object:
    """Prefix a text cell that a spreadsheet would run as a formula with an apostrophe (OWASP); numbers unchanged."""
    return csv_cells.neutralise(value) if isinstance(value, str) else value


def neutralize(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot start a formula; numbers stay numbers (whole ones without '.0')."""
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if pd.api.types.is_float_dtype(series) and series.dropna().mod(1).eq(0).all():
            out[column] = series.astype("Int64")
        elif not pd.api.types.is_numeric_dtype(series):
            out[column] = series.map(neutralize_cell)
    out.columns = [csv_cells.neutralise(str(c)) for c in out.columns]
    return out


def cell_text(value: object) -> str:
    """A cell as CSV text: empty for a missing value (None, NaN, NA), else its str() (561, 0.5, 2025-02-01)."""
    if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    return str(value)


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a BOM, so Excel shows Chinese correctly; formulas neutralised, line breaks quoted."""
    safe = neutralize(frame)
    rows = [[cell_text(v) for v in row] for row in safe.itertuples(index=False, name=None)]
    return csv_cells.write_csv(list(safe.columns), rows, bom=True)


def to_excel_bytes(frame: pd.DataFrame, sheet: str = "figures") -> bytes:
    """An .xlsx workbook with one sheet; text cells are written as text, never as formulas."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        neutralize(frame).to_excel(writer, sheet_name=sheet[:31], index=False)
        ws = writer.sheets[sheet[:31]]
        for row in ws.iter_rows():  # the header row too
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # never let openpyxl store a string as a formula
        for column_cells in ws.columns:
            width = max(len(str(c.value or "")) for c in column_cells[:200])
            ws.column_dimensions[column_cells[0].column_letter].width = min(max(width + 2, 8), 60)
    return buf.getvalue()

"""Exports for analysts: CSV (UTF-8 with BOM, for Excel) and Excel, safe from formula injection."""

import io

import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralize_cell(value: object) -> object:
    """Prefix a text cell that a spreadsheet would run as a formula with an apostrophe (OWASP)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def neutralize(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot start a formula; numbers stay numbers (whole ones without '.0')."""
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if pd.api.types.is_float_dtype(series) and series.dropna().mod(1).eq(0).all():
            out[column] = series.astype("Int64")
        elif not pd.api.types.is_numeric_dtype(series):
            out[column] = series.map(neutralize_cell)
    out.columns = [str(neutralize_cell(str(c))) for c in out.columns]
    return out


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a BOM, so Excel shows Chinese correctly."""
    return neutralize(frame).to_csv(index=False).encode("utf-8-sig")


def to_excel_bytes(frame: pd.DataFrame, sheet: str = "figures") -> bytes:
    """An .xlsx workbook with one sheet; text cells are written as text, never as formulas."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        neutralize(frame).to_excel(writer, sheet_name=sheet[:31], index=False)
        ws = writer.sheets[sheet[:31]]
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # never let openpyxl store a string as a formula
        for column_cells in ws.columns:
            width = max(len(str(c.value or "")) for c in column_cells[:200])
            ws.column_dimensions[column_cells[0].column_letter].width = min(max(width + 2, 8), 60)
    return buf.getvalue()

"""The terminal's renderer of an upload's preview: the view model the app's preview renders too
(hbeu_dash.views.entry.preview_view), as lines of text."""

from hbeu_dash.i18n import t
from hbeu_dash.views.entry import NewRow, PreviewView


def preview_lines(view: PreviewView, lang: str) -> list[str]:
    """The summary; each new or changed row (old → new per column; a new indicator with its names, unit, sector
    and measure), under its table's name when the change set has several tables; the new conflicts (each report's
    value, source and figure), stage disagreements and broken identities."""
    lines = [view.summary]
    several = len(view.tables) > 1
    for table in view.tables:
        if several:
            lines.append(t("cli_preview_table", lang, label=table.origin))
        for row in table.rows:
            if isinstance(row, NewRow):
                lines.append(t("cli_preview_row_new", lang, row=row.row, key=row.key))
                if table.table == "indicators":
                    lines.append(t("cli_preview_indicator", lang, **row.record))
            else:
                diff = "; ".join(f"{column} {old!r} → {new!r}" for column, old, new in row.cells)
                lines.append(t("cli_preview_row_changed", lang, row=row.row, key=row.key, diff=diff))
    if view.conflicts:
        lines.append(t("cli_new_conflicts", lang, count=len(view.conflicts)))
        for conflict in view.conflicts:
            values = ", ".join(f"{value:g} ({source}, {figure})" for value, source, figure in conflict.reports)
            lines.append(f"  {conflict.conflict_id}: {values}")
    if view.stage_conflicts:
        lines.append(t("cli_new_stage_conflicts", lang, ids=", ".join(view.stage_conflicts)))
    if view.failing_identities:
        lines.append(t("cli_failing_identities", lang, ids=", ".join(view.failing_identities)))
    return lines


def print_preview(view: PreviewView, lang: str) -> None:
    """The preview on standard output."""
    print("\n".join(preview_lines(view, lang)))

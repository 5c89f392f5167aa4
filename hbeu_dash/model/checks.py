"""Data quality: conflicting reports, derived identities declared as data, stale figures, and the rows whose English
evidence is still to be written."""

from collections.abc import Mapping
from datetime import date, timedelta

import pandas as pd

from hbeu_dash.model import schema

CONFLICT_WINDOW_DAYS = 183
STALE_AFTER_DAYS = 365


def as_of_end(value: str) -> date:
    """The last day a partial date can mean: 2024 → 2024-12-31, 2024-02 → 2024-02-29."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        year, month = parts
        first_next = date(year + (month == 12), month % 12 + 1, 1)
        return first_next - timedelta(days=1)
    return date(parts[0], 12, 31)


def conflict_members(reports: list[tuple[object, str, float, str]], window_days: int = CONFLICT_WINDOW_DAYS) -> set:
    """The keys of the reports, (key, period, value, as_of), that conflict: the same period, different values, as-ofs
    within `window_days`. The rule of `find_conflicts`, on plain tuples (a card's few reports)."""
    members = set()
    ends = [(key, period, value, as_of_end(as_of)) for key, period, value, as_of in reports]
    for i, (key_a, period_a, value_a, end_a) in enumerate(ends):
        for key_b, period_b, value_b, end_b in ends[i + 1 :]:
            if period_a == period_b and value_a != value_b and abs((end_a - end_b).days) <= window_days:
                members.update((key_a, key_b))
    return members


def find_conflicts(figures: pd.DataFrame, window_days: int = CONFLICT_WINDOW_DAYS) -> pd.DataFrame:
    """Figures for the same indicator, city and period whose values differ, reported within `window_days`.

    Every figure of a conflict is kept, side by side, with a `conflict_id` naming its group;
    nothing is merged or chosen.
    """
    columns = [*list(figures.columns), "conflict_id", "n_values"]
    if figures.empty:
        return pd.DataFrame(columns=columns)
    found = []
    for (indicator, city, period), group in figures.groupby(["indicator_id", "city", "period"], sort=True):
        if group["value"].nunique() < 2:
            continue
        rows = zip(group.index, group["period"], group["value"], group["as_of"], strict=True)
        members = conflict_members(list(rows), window_days)
        if members:
            part = figures.loc[sorted(members)].copy()
            part["conflict_id"] = f"{indicator}|{city}|{period}"
            part["n_values"] = part["value"].nunique()
            found.append(part)
    if not found:
        return pd.DataFrame(columns=columns)
    return pd.concat(found).sort_values(["conflict_id", "as_of", "source_id"]).reset_index(drop=True)


def find_status_conflicts(projects: pd.DataFrame) -> pd.DataFrame:
    """Project reports that give different stages for the same project ('promoted' gives no stage)."""
    staged = projects[projects["status"] != schema.STAGELESS_STATUS]
    counts = staged.groupby("project_id")["status"].nunique()
    ids = counts[counts > 1].index
    return staged[staged["project_id"].isin(ids)].sort_values(["project_id", "as_of"]).reset_index(drop=True)


PENDING_COLUMNS = ["table", "row_id", "source_id", "evidence"]


def find_pending_translations(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """The rows of figures, projects and events whose evidence has no English rendering yet (`evidence_en` empty or
    blank): their table, id (the first column of the table's key), source and evidence, table by table in file
    order. Not a problem of the data (the column is optional): work still to do."""
    found = []
    for name in schema.CITING_TABLES:
        frame = tables.get(name)
        if frame is None or frame.empty or "evidence_en" not in frame.columns:
            continue
        pending = frame[~schema.is_filled(frame["evidence_en"]).to_numpy(dtype=bool)]
        if pending.empty:
            continue
        spec = schema.TABLES_BY_NAME[name]
        found.append(
            pd.DataFrame(
                {
                    "table": name,
                    "row_id": pending[spec.key[0]].astype(str).to_numpy(),
                    "source_id": pending["source_id"].astype(str).to_numpy(),
                    "evidence": pending["evidence"].astype(str).to_numpy(),
                }
            )
        )
    if not found:
        return pd.DataFrame(columns=PENDING_COLUMNS)
    return pd.concat(found, ignore_index=True)[PENDING_COLUMNS]


def evaluate_identities(identities: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """Evaluate each declared identity: 'sum' (parts add up to total) or 'part_of' (part ≤ total).

    Returns one row per identity with the parts' values, the total, the left-hand side and a status:
    'holds', 'fails', or 'missing' when a figure it names is absent.
    """
    values = dict(zip(figures["figure_id"], figures["value"], strict=False))
    rows = []
    for ident in identities.itertuples(index=False):
        part_ids = [p.strip() for p in ident.parts.split(schema.LIST_SEP) if p.strip()]
        missing = [f for f in [*part_ids, ident.total] if f not in values]
        part_values = [values.get(p) for p in part_ids]
        total = values.get(ident.total)
        lhs = None if missing else sum(part_values)
        if missing:
            status = "missing"
        elif ident.kind == "sum":
            status = "holds" if abs(lhs - total) < 1e-9 else "fails"
        else:
            status = "holds" if lhs <= total else "fails"
        rows.append(
            {
                "identity_id": ident.identity_id,
                "kind": ident.kind,
                "title_zh": ident.title_zh,
                "title_en": ident.title_en,
                "parts": ";".join(part_ids),
                "part_values": part_values,
                "lhs": lhs,
                "total_id": ident.total,
                "total": total,
                "difference": None if missing else lhs - total,
                "status": status,
                "missing": ";".join(missing),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "identity_id",
            "kind",
            "title_zh",
            "title_en",
            "parts",
            "part_values",
            "lhs",
            "total_id",
            "total",
            "difference",
            "status",
            "missing",
        ],
    )


def find_stale(figures: pd.DataFrame, today: date, max_age_days: int = STALE_AFTER_DAYS) -> pd.DataFrame:
    """Every figure with its age in days (from the end of its as-of) and whether it is older than allowed."""
    out = figures.copy()
    out["age_days"] = [(today - as_of_end(v)).days for v in out["as_of"]]
    out["stale"] = out["age_days"] > max_age_days
    return out

"""Sources and data quality: validation state, sources, conflicts, stage disagreements, identities, staleness."""

from dataclasses import dataclass
from datetime import date

import pandas as pd

from hbeu_dash import quality, schema, transforms
from hbeu_dash.charts import evidence_columns
from hbeu_dash.i18n import city_label, col, format_date, format_number, format_values, label, original_columns, t
from hbeu_dash.loaders import LoadResult
from hbeu_dash.views.projects import reports_table


@dataclass(frozen=True)
class ConflictCard:
    """One conflict: the heading with every value, why they are shown side by side, and the reports."""

    conflict_id: str
    heading: str
    explanation: str
    table: pd.DataFrame


@dataclass(frozen=True)
class ValidationState:
    """Which data files are valid, and every problem of the broken ones, in the reader's language."""

    files: pd.DataFrame
    problems: pd.DataFrame
    banner: str | None


@dataclass(frozen=True)
class Staleness:
    """How many figures are older than a year, and each figure's age."""

    sentence: str
    table: pd.DataFrame


def build_validation_state(result: LoadResult, lang: str) -> ValidationState:
    """The files table (valid / problems, rows) and the problems table (file, row, column, problem)."""
    files = pd.DataFrame(
        {
            t("file", lang): [spec.file for spec in schema.TABLES],
            t("status", lang): [
                t("file_valid" if spec.name in result.tables else "file_broken", lang) for spec in schema.TABLES
            ],
            t("rows", lang): pd.array(
                [len(result.tables[s.name]) if s.name in result.tables else None for s in schema.TABLES], dtype="Int64"
            ),
        }
    )
    problems = pd.DataFrame(
        {
            t("file", lang): [p.file for p in result.problems],
            t("row", lang): pd.array([p.row for p in result.problems], dtype="Int64"),
            t("column", lang): [p.column or "" for p in result.problems],
            t("problem", lang): [p.message(lang) for p in result.problems],
        }
    )
    return ValidationState(files, problems, build_banner(result, lang))


def build_banner(result: LoadResult, lang: str) -> str | None:
    """The banner every page shows while a data file is broken, or None."""
    if not result.problems:
        return None
    return t("data_banner", lang, n=len(result.problems), files=", ".join(sorted({p.file for p in result.problems})))


def sources_table(sources: pd.DataFrame, figures: pd.DataFrame | None, lang: str) -> pd.DataFrame:
    """Each source: how it is cited, its original title (with its English rendering on an English page), date,
    URL, language, note, and how many figures cite it."""
    counts = figures["source_id"].value_counts() if figures is not None else pd.Series(dtype=int)
    cites = transforms.source_citations(sources)
    ids = sources["source_id"].astype("string")
    return pd.DataFrame(
        {
            t("citation", lang): ids.map(cites[col("cite", lang)]).tolist(),
            **{t(c, lang): sources[c].tolist() for c in original_columns("title", lang)},
            t("published", lang): sources["published"].tolist(),
            "URL": sources["url"].tolist(),
            t("language_of_source", lang): [label("language", v, lang) for v in sources["language"]],
            t("note", lang): sources[col("note", lang)].tolist(),
            t("n_figures", lang): ids.map(counts).fillna(0).astype(int).tolist(),
            "source_id": ids.tolist(),
        }
    )


def build_conflicts(conflicts: pd.DataFrame, lang: str) -> list[ConflictCard]:
    """Each conflict: every report side by side with its value, source, speaker, as-of and evidence; none chosen."""
    cards = []
    for conflict_id, group in conflicts.groupby("conflict_id", sort=True):
        first = group.iloc[0]
        records = group.to_dict("records")
        heading = t(
            "conflict_heading",
            lang,
            name=first[col("indicator", lang)],
            city=city_label(first["city"], lang),
            values=format_values(sorted(set(group["value"])), first["unit_zh"], first["unit_en"], lang),
        )
        table = pd.DataFrame(
            {
                t("value", lang): [format_number(r["value"], lang) for r in records],
                t("value_text", lang): [r["value_text"] for r in records],
                t("source", lang): [r[col("cite", lang)] for r in records],
                t("speaker", lang): [r[col("speaker", lang)] for r in records],
                t("as_of", lang): [format_date(r["as_of"], lang) for r in records],
                **evidence_columns(records, lang),
                t("note", lang): [r[col("note", lang)] for r in records],
            }
        )
        cards.append(ConflictCard(str(conflict_id), heading, t("conflict_explainer", lang), table))
    return cards


def stage_disagreements_table(projects: pd.DataFrame, sources: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Project reports that name different stages for the same project, side by side."""
    rows = quality.find_status_conflicts(transforms.add_citations(projects, sources))
    return reports_table(rows, lang)


def identities_table(evaluated: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every declared identity with its parts, total and whether it holds."""
    return pd.DataFrame(
        {
            t("title", lang): evaluated[col("title", lang)].tolist(),
            t("parts_sum", lang): [format_number(v, lang) for v in evaluated["lhs"]],
            t("total", lang): [format_number(v, lang) for v in evaluated["total"]],
            t("status", lang): [
                ("✓ " if s == "holds" else "✗ ") + label("identity_status", s, lang) for s in evaluated["status"]
            ],
            t("identity_figures", lang): (evaluated["parts"] + " → " + evaluated["total_id"]).tolist(),
        }
    )


def build_staleness(figures: pd.DataFrame, today: date, lang: str) -> Staleness:
    """How many figures are more than a year old (as of `today`), and every figure's age, oldest first."""
    stale = quality.find_stale(figures, today).sort_values(["age_days", "figure_id"], ascending=[False, True])
    sentence = t(
        "staleness_sentence",
        lang,
        n=int(stale["stale"].sum()),
        total=len(stale),
        today=format_date(today.isoformat(), lang),
    )
    table = pd.DataFrame(
        {
            "figure_id": stale["figure_id"].astype("string").tolist(),
            t("as_of", lang): [format_date(a, lang) for a in stale["as_of"]],
            t("age_days", lang): stale["age_days"].tolist(),
            t("stale", lang): [t("yes" if s else "no", lang) for s in stale["stale"]],
            t("source", lang): stale[col("cite", lang)].tolist(),
        }
    )
    return Staleness(sentence, table)

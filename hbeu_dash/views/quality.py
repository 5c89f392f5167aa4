"""Sources and data quality: validation state, rows whose English evidence is pending, sources and their archived
texts, conflicts, stage disagreements, identities, staleness."""

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date

import pandas as pd

from hbeu_dash.graphics.attribution import evidence_columns
from hbeu_dash.i18n import city_label, col, format_date, format_number, format_values, label, original_columns, t
from hbeu_dash.model import checks, schema, transforms, verify
from hbeu_dash.model.loaders import LoadResult
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
class SourceTexts:
    """How many sources have an archived text, and the ones that have none (the app runs without them)."""

    sentence: str
    missing: pd.DataFrame  # one row per source without an archived text: citation, why, source id
    explanation: str  # what a missing text means for readers and analysts ('' when none is missing)


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


def sources_table(
    sources: pd.DataFrame, figures: pd.DataFrame | None, lang: str, archived: Collection[str] | None = None
) -> pd.DataFrame:
    """Each source: how it is cited, its original title (with its English rendering on an English page), date,
    URL, language, note, how many figures cite it, and (given the sha256s the archive holds) its archived text."""
    counts = figures["source_id"].value_counts() if figures is not None else pd.Series(dtype=int)
    cites = transforms.source_citations(sources)
    ids = sources["source_id"].astype("string")
    texts = {t("source_text_status", lang): text_statuses(sources, archived, lang)} if archived is not None else {}
    return pd.DataFrame(
        {
            t("citation", lang): ids.map(cites[col("cite", lang)]).tolist(),
            **{t(c, lang): sources[c].tolist() for c in original_columns("title", lang)},
            t("published", lang): sources["published"].tolist(),
            t("url", lang): sources["url"].tolist(),
            t("language_of_source", lang): [label("language", v, lang) for v in sources["language"]],
            t("note", lang): sources[col("note", lang)].tolist(),
            t("n_figures", lang): ids.map(counts).fillna(0).astype(int).tolist(),
            **texts,
            t("source_id_column", lang): ids.tolist(),
        }
    )


# A source's archived text: 'ok', 'none' (the source names no text), 'lost' (it names one the archive lacks).
TEXT_STATES = {"ok": "source_text_ok", "none": "source_text_none", "lost": "source_text_lost"}


def _text_state(sha: str, archived: Collection[str]) -> str:
    """'ok', 'none' (the source names no text) or 'lost' (it names one the archive does not hold)."""
    if not sha:
        return "none"
    return "ok" if sha in archived else "lost"


def text_statuses(sources: pd.DataFrame, archived: Collection[str], lang: str) -> list[str]:
    """Each source's archived text, as a reader reads it: '✓ read on 3 Feb 2025', '✗ names no text', ..."""
    retrieved = sources["retrieved"] if "retrieved" in sources.columns else pd.Series([""] * len(sources))
    out = []
    for sha, day in zip(verify.source_texts(sources).values(), retrieved, strict=True):
        state = _text_state(sha, archived)
        if state != "ok":
            out.append(t(TEXT_STATES[state], lang))
        elif isinstance(day, str) and day:
            out.append(t("source_text_ok", lang, date=format_date(day, lang)))
        else:
            out.append(t("source_text_ok_undated", lang))
    return out


def build_source_texts(sources: pd.DataFrame, archived: Collection[str], lang: str) -> SourceTexts:
    """How many sources have an archived text, and which have none: the source names no text, or names one the
    archive does not hold (`archived`: the sha256s the store's archive holds, `store.archived(...)`)."""
    texts = verify.source_texts(sources)
    states = {source: _text_state(sha, archived) for source, sha in texts.items()}
    lacking = [source for source, state in states.items() if state != "ok"]
    cites = transforms.source_citations(sources)
    missing = pd.DataFrame(
        {
            t("citation", lang): [cites[col("cite", lang)].get(s, s) for s in lacking],
            t("source_text_status", lang): [t(TEXT_STATES[states[s]], lang) for s in lacking],
            t("source_id_column", lang): lacking,
        }
    ).astype("string")
    sentence = t("source_texts_sentence", lang, archived=len(states) - len(lacking), total=len(states))
    explanation = t("source_texts_missing", lang) if lacking else ""
    return SourceTexts(sentence, missing, explanation)


@dataclass(frozen=True)
class PendingTranslations:
    """The rows whose evidence has no English rendering yet: how many, what it means, and which (a low-severity
    item: the data is valid, readers in English see the Chinese words marked as pending)."""

    count: int
    sentence: str  # the count and what it means ('✓ …' when there is none)
    table: pd.DataFrame  # one row per pending row: file, row id, source, evidence, source id


def build_pending_translations(tables: Mapping[str, pd.DataFrame], lang: str) -> PendingTranslations:
    """Which rows of figures, projects and events wait for their English evidence (checks.find_pending_translations),
    each named by file, row, id and source (cited by name, and by its id for the analyst who writes it)."""
    pending = checks.find_pending_translations(tables)
    sources = tables.get("sources")
    cites = transforms.source_citations(sources)[col("cite", lang)] if sources is not None else pd.Series(dtype=str)
    table = pd.DataFrame(
        {
            t("file", lang): [schema.TABLES_BY_NAME[name].file for name in pending["table"]],
            t("row_id", lang): pending["row_id"].tolist(),
            t("source", lang): [cites.get(s, s) for s in pending["source_id"]],
            t("evidence", lang): pending["evidence"].tolist(),
            t("source_id_column", lang): pending["source_id"].tolist(),
        }
    )
    n = len(pending)
    sentence = t("pending_translations_sentence", lang, n=n) if n else t("pending_translations_none", lang)
    return PendingTranslations(n, sentence, table)


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
    rows = checks.find_status_conflicts(transforms.add_citations(projects, sources))
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
    stale = checks.find_stale(figures, today).sort_values(["age_days", "figure_id"], ascending=[False, True])
    sentence = t(
        "staleness_sentence",
        lang,
        n=int(stale["stale"].sum()),
        total=len(stale),
        today=format_date(today.isoformat(), lang),
    )
    table = pd.DataFrame(
        {
            t("figure_id_column", lang): stale["figure_id"].astype("string").tolist(),
            t("as_of", lang): [format_date(a, lang) for a in stale["as_of"]],
            t("age_days", lang): stale["age_days"].tolist(),
            t("stale", lang): [t("yes" if s else "no", lang) for s in stale["stale"]],
            t("source", lang): stale[col("cite", lang)].tolist(),
        }
    )
    return Staleness(sentence, table)

"""What a valid table is: columns, vocabularies and pandera schemas for every file under data/."""

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pyarrow
from pyarrow import compute as pc

CITY_IDS = ("hohhot", "baotou", "ordos", "ulanqab")
REGION = "region"
SECTORS = (
    "government_services",
    "science_innovation",
    "transport",
    "cooperation_planning",
    "industry_energy",
    "ecology",
    "public_services_talent",
    "digital",
    "economy",
)
MEASURES = (
    "count_to_date",
    "count_in_period",
    "count",
    "daily_frequency",
    "money",
    "target",
    "ordinal",
    "duration",
    "share",
    "growth",
    "length",
    "speed",
)
PROJECT_KINDS = (
    "expressway",
    "highway",
    "high_speed_rail",
    "rail_service",
    "bridge",
    "airport",
    "intercity_bus",
    "coach_service",
    "freight",
    "data",
    "platform",
)
# Ordered from the earliest stage to the latest; "promoted" means the source gives no stage.
PROJECT_STATUSES = (
    "proposed",
    "planned",
    "preliminary_work",
    "under_construction",
    "main_works_completed",
    "completed",
    "in_operation",
    "promoted",
)
STAGELESS_STATUS = "promoted"
# The sector a project belongs to, for the sector filter.
PROJECT_KIND_SECTOR = {kind: "transport" for kind in PROJECT_KINDS} | {"data": "digital", "platform": "digital"}
# The measure of a target (the 1-hour rail circle): other indicators name it in `target_id` to be measured against it.
TARGET_MEASURE = "target"
EVENT_KINDS = ("plan", "policy", "meeting", "agreement", "launch", "target")
IDENTITY_KINDS = ("sum", "part_of")
LANGUAGES = ("zh", "en")
LIST_SEP = ";"
MAX_EVIDENCE_CHARS = 80
# An English rendering of an 80-character Chinese fragment runs to about 190 characters; more is a paraphrase.
# `evidence_en` may be left empty until someone writes it: readers in English then see the Chinese words marked
# "English evidence pending" (i18n.quote_evidence) and the quality page lists the row; a made-up one is worse.
MAX_EVIDENCE_EN_CHARS = 200
# Optional reader-facing texts come in pairs, one per language: filled in both or in neither.
NOTE = ("note_zh", "note_en")
SPEAKER = ("speaker_zh", "speaker_en")

ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
NUMBER_RE = re.compile(r"^-?\d+(\.\d+)?$")
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
# The tables whose rows quote their source: each row's `evidence` must stand in the archived text of its source.
CITING_TABLES = ("figures", "projects", "events")


def is_partial_date(value: str) -> bool:
    """True for YYYY, YYYY-MM or YYYY-MM-DD naming a real calendar date."""
    from datetime import date

    if not DATE_RE.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return 1900 <= parts[0] <= 2100


def is_city_list(value: str) -> bool:
    """True for 'region' or city ids joined by ';' with no repeats."""
    if value == REGION:
        return True
    ids = value.split(LIST_SEP)
    return len(ids) == len(set(ids)) and all(i in CITY_IDS for i in ids)


def is_number(value: str) -> bool:
    """True for a plain decimal number such as 587600 or 60.3 (no 万, no separators)."""
    return bool(NUMBER_RE.match(value))


# A rule checks a whole column at once: (Series of cell texts → Series of bools, problem code).
# Vectorised so a million-row file validates in about a second; the per-cell predicates above stay the
# definition of what a valid cell is, applied once per distinct value where no vector form exists.
Rule = tuple[Callable[[pd.Series], pd.Series], str]


def _per_unique(predicate: Callable[[str], bool]) -> Callable[[pd.Series], pd.Series]:
    """Apply a per-cell predicate once per distinct value (dates, city lists repeat a lot)."""

    def check(series: pd.Series) -> pd.Series:
        good = [v for v in series.unique() if predicate(v)]
        return series.isin(good)

    return check


def on_text(fn: Callable[[pyarrow.Array], pyarrow.Array]) -> Callable[[pd.Series], pd.Series]:
    """Run an Arrow compute function over a text column (on the categories only, for a categorical)."""

    def check(series: pd.Series) -> pd.Series:
        if isinstance(series.dtype, pd.CategoricalDtype):
            categories = pyarrow.array(series.cat.categories.astype(str), type=pyarrow.string())
            per_category = np.asarray(fn(categories).to_numpy(zero_copy_only=False), dtype=bool)
            codes = series.cat.codes.to_numpy()
            result = np.where(codes >= 0, per_category[np.clip(codes, 0, None)], False)
        else:
            arrow = pyarrow.array(series.astype("string[pyarrow]"))
            result = np.asarray(fn(arrow).to_numpy(zero_copy_only=False), dtype=bool)
        return pd.Series(result, index=series.index)

    return check


def _arrow_rule(fn: Callable[[pyarrow.Array], pyarrow.Array], code: str) -> Rule:
    return (on_text(fn), code)


is_filled = on_text(lambda a: pc.not_equal(pc.utf8_trim_whitespace(a), ""))
"""Series of cell texts → True where the cell holds more than whitespace."""


def _text(*rules: Rule, required: bool = True) -> pa.Column:
    """A text column; optional columns accept "" and apply their rules only to filled cells."""
    empty = on_text(lambda a: pc.equal(a, ""))
    checks = [pa.Check(is_filled, error="required")] if required else []
    for fn, code in rules:
        pred = fn if required else (lambda s, fn=fn: empty(s) | fn(s))
        checks.append(pa.Check(pred, error=code))
    return pa.Column(checks=checks)


ID: Rule = _arrow_rule(lambda a: pc.match_substring_regex(a, ID_RE.pattern), "id")
DATE: Rule = (_per_unique(is_partial_date), "date")
CITIES: Rule = (_per_unique(is_city_list), "cities")
NUMBER: Rule = _arrow_rule(lambda a: pc.match_substring_regex(a, NUMBER_RE.pattern), "number")
NON_NEGATIVE: Rule = _arrow_rule(lambda a: pc.invert(pc.starts_with(a, "-")), "non_negative")
EVIDENCE_LEN: Rule = _arrow_rule(lambda a: pc.less_equal(pc.utf8_length(a), MAX_EVIDENCE_CHARS), "evidence_length")
EVIDENCE_EN_LEN: Rule = _arrow_rule(
    lambda a: pc.less_equal(pc.utf8_length(a), MAX_EVIDENCE_EN_CHARS), "evidence_en_length"
)


def _vocab(values: tuple[str, ...], code: str) -> Rule:
    return _arrow_rule(lambda a: pc.is_in(a, value_set=pyarrow.array(values, type=pyarrow.string())), code)


def _between(low: float, high: float) -> Callable[[pd.Series], pd.Series]:
    def check(series: pd.Series) -> pd.Series:
        numbers = pd.to_numeric(series.where(series.str.fullmatch(NUMBER_RE.pattern[1:-1]), None), errors="coerce")
        return numbers.between(low, high).fillna(False).astype(bool)

    return check


@dataclass(frozen=True)
class TableSpec:
    """One data file: its name, its key, the tables it refers to, and its pandera schema."""

    name: str
    key: tuple[str, ...]
    schema: pa.DataFrameSchema
    numeric: tuple[str, ...] = ()
    needs_rows: bool = True
    # Columns with few distinct values, held as categoricals (a million figures share a few dozen as-of dates).
    categorical: tuple[str, ...] = ()
    # (zh column, en column) pairs of optional texts that must be filled in both languages or in neither.
    translated: tuple[tuple[str, str], ...] = ()
    # Columns added after files were first written: a file may leave them out (read as empty), a new file has them.
    optional_columns: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for pair in self.translated:
            for column in pair:
                if column not in self.schema.columns or self.is_required(column):
                    raise ValueError(f"{self.name}: translated pair {pair} needs two optional columns of the table")

    def is_required(self, column: str) -> bool:
        """True if the column may not be left empty."""
        return any(check.error == "required" for check in self.schema.columns[column].checks)

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def columns(self) -> list[str]:
        return list(self.schema.columns)


def _notes() -> dict[str, pa.Column]:
    return {NOTE[0]: _text(required=False), NOTE[1]: _text(required=False)}


def _schema(columns: dict[str, pa.Column]) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(columns, strict=True, ordered=False, coerce=False)


SOURCES = TableSpec(
    "sources",
    ("source_id",),
    _schema(
        {
            "source_id": _text(ID),
            "title": _text(),
            "title_en": _text(),
            "outlet_zh": _text(),
            "outlet_en": _text(),
            "published": _text(DATE, required=False),
            "url": _text(_arrow_rule(lambda a: pc.match_substring_regex(a, "^https?://"), "url"), required=False),
            "language": _text(_vocab(LANGUAGES, "language")),
            **_notes(),
            # The archived text the source's rows are proven against (hbeu_dash.store.archive): its sha256, the
            # date it was read and the address it was read at (when that differs from `url`, e.g. a reprint).
            "text_sha256": _text(
                _arrow_rule(lambda a: pc.match_substring_regex(a, SHA256_RE.pattern), "sha256"), required=False
            ),
            "retrieved": _text(DATE, required=False),
            "retrieved_from": _text(
                _arrow_rule(lambda a: pc.match_substring_regex(a, "^https?://"), "url"), required=False
            ),
        }
    ),
    translated=(NOTE,),
    optional_columns=("text_sha256", "retrieved", "retrieved_from"),
)
CITIES_TABLE = TableSpec(
    "cities",
    ("city_id",),
    _schema(
        {
            "city_id": _text(_vocab(CITY_IDS, "city_id")),
            "name_zh": _text(),
            "name_en": _text(),
            "lat": _text((_between(-90, 90), "latitude")),
            "lon": _text((_between(-180, 180), "longitude")),
            **_notes(),
        }
    ),
    numeric=("lat", "lon"),
    translated=(NOTE,),
)
INDICATORS = TableSpec(
    "indicators",
    ("indicator_id",),
    _schema(
        {
            "indicator_id": _text(ID),
            "sector": _text(_vocab(SECTORS, "sector")),
            "name_zh": _text(),
            "name_en": _text(),
            "unit_zh": _text(),
            "unit_en": _text(),
            "measure": _text(_vocab(MEASURES, "measure")),
            **_notes(),
            # The target indicator (measure `target`, a unit its own converts to) this one is measured against:
            # the Hohhot–Ulanqab HSR's minutes against the 1-hour rail circle (hbeu_dash.views.targets).
            "target_id": _text(ID, required=False),
        }
    ),
    translated=(NOTE,),
    optional_columns=("target_id",),
)
FIGURES = TableSpec(
    "figures",
    ("figure_id",),
    _schema(
        {
            "figure_id": _text(ID),
            "indicator_id": _text(ID),
            "city": _text(CITIES),
            "value": _text(NUMBER, NON_NEGATIVE),
            "value_text": _text(),
            "period": _text(DATE, required=False),
            "as_of": _text(DATE),
            "source_id": _text(ID),
            "speaker_zh": _text(required=False),
            "speaker_en": _text(required=False),
            "event_id": _text(ID, required=False),
            "evidence": _text(EVIDENCE_LEN),
            "evidence_en": _text(EVIDENCE_EN_LEN, required=False),
            **_notes(),
        }
    ),
    numeric=("value",),
    categorical=(
        "indicator_id",
        "city",
        "period",
        "as_of",
        "source_id",
        "speaker_zh",
        "speaker_en",
        "event_id",
        "note_zh",
        "note_en",
    ),
    translated=(SPEAKER, NOTE),
)
PROJECTS = TableSpec(
    "projects",
    ("project_id", "source_id", "speaker_zh"),
    _schema(
        {
            "project_id": _text(ID),
            "name_zh": _text(),
            "name_en": _text(),
            "kind": _text(_vocab(PROJECT_KINDS, "project_kind")),
            "cities": _text(CITIES),
            "status": _text(_vocab(PROJECT_STATUSES, "status")),
            "status_text": _text(),
            "as_of": _text(DATE),
            "source_id": _text(ID),
            "speaker_zh": _text(required=False),
            "speaker_en": _text(required=False),
            "evidence": _text(EVIDENCE_LEN),
            "evidence_en": _text(EVIDENCE_EN_LEN, required=False),
            **_notes(),
        }
    ),
    translated=(SPEAKER, NOTE),
)
EVENTS = TableSpec(
    "events",
    ("event_id", "source_id"),
    _schema(
        {
            "event_id": _text(ID),
            "date": _text(DATE, required=False),
            "date_text": _text(required=False),
            "kind": _text(_vocab(EVENT_KINDS, "event_kind")),
            "title_zh": _text(),
            "title_en": _text(),
            "cities": _text(CITIES),
            "source_id": _text(ID),
            "evidence": _text(EVIDENCE_LEN),
            "evidence_en": _text(EVIDENCE_EN_LEN, required=False),
            **_notes(),
        }
    ),
    translated=(NOTE,),
)
IDENTITIES = TableSpec(
    "identities",
    ("identity_id",),
    _schema(
        {
            "identity_id": _text(ID),
            "kind": _text(_vocab(IDENTITY_KINDS, "identity_kind")),
            "parts": _text(),
            "total": _text(),
            "title_zh": _text(),
            "title_en": _text(),
            **_notes(),
        }
    ),
    needs_rows=False,
    translated=(NOTE,),
)

TABLES: tuple[TableSpec, ...] = (SOURCES, CITIES_TABLE, INDICATORS, FIGURES, PROJECTS, EVENTS, IDENTITIES)
TABLES_BY_NAME = {t.name: t for t in TABLES}

# (table, column, referenced table, referenced column, is a ';' list)
REFERENCES: tuple[tuple[str, str, str, str, bool], ...] = (
    ("figures", "indicator_id", "indicators", "indicator_id", False),
    ("indicators", "target_id", "indicators", "indicator_id", False),
    ("figures", "source_id", "sources", "source_id", False),
    ("figures", "event_id", "events", "event_id", False),
    ("projects", "source_id", "sources", "source_id", False),
    ("events", "source_id", "sources", "source_id", False),
    ("identities", "parts", "figures", "figure_id", True),
    ("identities", "total", "figures", "figure_id", False),
)

"""Every reader-facing word in zh and en, and the locale's ways with numbers and dates: the bottom layer, which imports
nothing of hbeu_dash.

  messages/      the message catalogue, one module per domain (app, entry, history, problems, extract, cli, …), each
                 a MESSAGES table key → (zh, en); `t(key, lang)` reads them all
  vocabularies   the names of the data's values (cities, sectors, stages, …): `label`, `city_label`
  columns        which column holds a language's text (`col`, `original_columns`); an upload template's column help
  quoting        a source's words quoted for a reader, with their English rendering or the mark that it is pending
  formatting     numbers (万/亿 in zh), values with units and dates, on Babel where it fits
  framework      Streamlit's and plotly's own words in Chinese
  glosses        English for the time words the article assistant's notes quote

Callers import from here (`from hbeu_dash.i18n import t, label`); the colours live in hbeu_dash.graphics.palette.
"""

from hbeu_dash.i18n.catalogue import DEFAULT_LANG, LANGS, LANGUAGE_NAMES, STRINGS, join, t
from hbeu_dash.i18n.columns import COLUMN_HELP, col, original_columns
from hbeu_dash.i18n.formatting import SINGULAR, format_date, format_number, format_value, format_values
from hbeu_dash.i18n.framework import FRAMEWORK_ZH, FRAMEWORK_ZH_PATTERNS, PLOTLY_ZH, PLOTLY_ZH_FORMAT, plotly_locale
from hbeu_dash.i18n.quoting import ORIGINAL_LANG, Quoted, evidence_pending, original_lang, quote, quote_evidence
from hbeu_dash.i18n.vocabularies import (
    CITY_NAMES,
    COMMIT_ACTION_NAMES,
    EVENT_KIND_NAMES,
    IDENTITY_STATUS_NAMES,
    MEASURE_NAMES,
    PROJECT_KIND_NAMES,
    SECTOR_NAMES,
    SOURCE_LANGUAGE_NAMES,
    STATUS_NAMES,
    TABLE_NAMES,
    VOCABULARIES,
    city_label,
    label,
)

__all__ = [
    "CITY_NAMES",
    "COLUMN_HELP",
    "COMMIT_ACTION_NAMES",
    "DEFAULT_LANG",
    "EVENT_KIND_NAMES",
    "FRAMEWORK_ZH",
    "FRAMEWORK_ZH_PATTERNS",
    "IDENTITY_STATUS_NAMES",
    "LANGS",
    "LANGUAGE_NAMES",
    "MEASURE_NAMES",
    "ORIGINAL_LANG",
    "PLOTLY_ZH",
    "PLOTLY_ZH_FORMAT",
    "PROJECT_KIND_NAMES",
    "SECTOR_NAMES",
    "SINGULAR",
    "SOURCE_LANGUAGE_NAMES",
    "STATUS_NAMES",
    "STRINGS",
    "TABLE_NAMES",
    "VOCABULARIES",
    "Quoted",
    "city_label",
    "col",
    "evidence_pending",
    "format_date",
    "format_number",
    "format_value",
    "format_values",
    "join",
    "label",
    "original_columns",
    "original_lang",
    "plotly_locale",
    "quote",
    "quote_evidence",
    "t",
]

"""Article → candidate figures and events: every number with its verbatim clause, period, city, speaker, indicator.

    from hbeu_dash.intake.extract import ArticleMeta, extract_article, evidence_in_text
    result = extract_article(text, ArticleMeta(published="2025-02-01", source_id="new-src"), tables)
    result.figures  # figures.csv columns in order, all text, + kind ("figure") + confidence (float 0..1)
    result.events   # events.csv columns in order + confidence (events.csv's own `kind` is the event's kind)
    result.text     # the normalised text every evidence is a verbatim substring of
    result.source   # the article as a sources.csv row (English title and outlet left empty)

Pure Python: no Streamlit, nothing fetched. Modules, in reading order: text (decode, HTML, normalise, segment,
evidence_in_text), numbers (find and read numbers), periods (dates and time words), places (cities, officials),
paragraph (a paragraph's context), figures / events (candidate rows), indicators (matching), engine (the whole
article), texts (the notes in zh and en), cli (the `extract` command). How well it does, and how that is
measured: bench/extract.py (`python -m bench.extract 5`) and tests/test_extract.py.
"""

from hbeu_dash.intake.extract.engine import (
    EVENT_COLUMNS,
    FIGURE_COLUMNS,
    MAX_CANDIDATES,
    MAX_TEXT_CHARS,
    ArticleMeta,
    ArticleTooLong,
    ExtractResult,
    extract_article,
)
from hbeu_dash.intake.extract.text import (
    ArticleReadError,
    decode_article,
    evidence_in_text,
    html_to_text,
    normalise_text,
)

__all__ = [
    "EVENT_COLUMNS",
    "FIGURE_COLUMNS",
    "MAX_CANDIDATES",
    "MAX_TEXT_CHARS",
    "ArticleMeta",
    "ArticleReadError",
    "ArticleTooLong",
    "ExtractResult",
    "decode_article",
    "evidence_in_text",
    "extract_article",
    "html_to_text",
    "normalise_text",
]

"""Both briefing files for one scope, named with the language and the data version (the command and the app), and
the scope read straight from a CSV folder or a store (the command line's briefing)."""

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from hbeu_dash.documents.briefing.html import render_html
from hbeu_dash.documents.briefing.pdf import PdfError, render_pdf
from hbeu_dash.store import CsvStore, Store
from hbeu_dash.views.briefing import build_briefing
from hbeu_dash.views.filters import Filters
from hbeu_dash.views.scope import Scope, join_all

Step = Callable[[str], None]  # told "html" then "pdf" as each file is started (a progress indicator)


@dataclass(frozen=True)
class BriefingFiles:
    """The HTML briefing, the PDF (None when it was not asked for or could not be made, and why), their names and
    how long each took."""

    html_name: str
    html: bytes
    pdf_name: str
    pdf: bytes | None
    pdf_error: str | None
    html_seconds: float
    pdf_seconds: float | None


def build_briefing_files(
    scope: Scope, generated: datetime | date | None = None, *, pdf: bool = True, on_step: Step | None = None
) -> BriefingFiles:
    """Build the briefing of `scope`, render it to HTML and (if `pdf`) print it to PDF; a PDF failure is returned
    as `pdf_error`, never raised, so the HTML is never lost."""
    step = on_step or (lambda _name: None)
    step("html")
    start = time.perf_counter()
    briefing = build_briefing(scope, generated or datetime.now())
    html = render_html(briefing)
    html_seconds = time.perf_counter() - start
    pdf_bytes, error, pdf_seconds = None, None, None
    if pdf:
        step("pdf")
        start = time.perf_counter()
        try:
            pdf_bytes = render_pdf(html)
        except PdfError as exc:
            error = str(exc)
        pdf_seconds = time.perf_counter() - start
    return BriefingFiles(
        html_name=briefing.filename("html"),
        html=html.encode("utf-8"),
        pdf_name=briefing.filename("pdf"),
        pdf=pdf_bytes,
        pdf_error=error,
        html_seconds=html_seconds,
        pdf_seconds=pdf_seconds,
    )


def load_scope(source: Path | Store, filters: Filters) -> Scope:
    """A scope read straight from a CSV folder or a store, with the store's source archive (the command line; the app
    builds it from its caches and gives it the same archive with `with_texts`)."""
    store = CsvStore(source) if isinstance(source, Path | str) else source
    version, result = store.read()
    return Scope(result, join_all(result), filters, version, store.source_text)

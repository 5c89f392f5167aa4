"""A source's text from what an analyst gives: pasted text, a `.txt` file, an `.html` page (the article, not the
page's menus and footer) or a `.pdf` with a text layer. What comes out is checked as the archive keeps texts
(hbeu_dash.model.source_text.check_text): empty texts, binary junk and oversize files are refused with a TextRefused
naming the problem (a code of hbeu_dash.model.problems). Nothing is fetched: an HTML page's links and images stay links.
"""

import io
from pathlib import PurePath

from hbeu_dash.intake.extract.text import ArticleReadError, decode_article, html_to_text
from hbeu_dash.model.source_text import MAX_TEXT_BYTES, TextRefused, check_text

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
PDF_SUFFIXES = (".pdf",)
ACCEPTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES
PDF_MAGIC = b"%PDF-"
MAX_PDF_PAGES = 200


def read_source_file(name: str, data: bytes) -> str:
    """The text of an uploaded source file, checked (TextRefused when it cannot be a source's text)."""
    if len(data) > MAX_TEXT_BYTES:
        raise TextRefused("text_file_too_big", limit=f"{MAX_TEXT_BYTES // (1024 * 1024)} MB")
    suffix = PurePath(name).suffix.lower()
    if suffix in PDF_SUFFIXES or data.startswith(PDF_MAGIC):
        return check_text(pdf_to_text(data))
    if suffix not in TEXT_SUFFIXES + HTML_SUFFIXES:
        raise TextRefused("text_file_type")
    try:
        decoded = decode_article(data)
    except ArticleReadError as exc:
        raise TextRefused("text_binary") from exc
    if suffix in HTML_SUFFIXES or _looks_like_html(decoded):
        return check_text(article_from_html(decoded))
    return check_text(decoded)


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


def article_from_html(html: str) -> str:
    """The article of an HTML page (trafilatura's main-content extraction, nothing fetched); the page's whole
    visible text when it finds no article (the analyst sees what was read before attaching it)."""
    import trafilatura

    try:
        found = trafilatura.extract(
            html, include_comments=False, include_tables=True, include_links=False, favor_recall=True
        )
    except (ValueError, TypeError):  # trafilatura gives up on some malformed pages
        found = None
    return found if found and found.strip() else html_to_text(html)


def pdf_to_text(data: bytes) -> str:
    """The text layer of a PDF (pypdf), page by page; TextRefused when there is none or the file is not a PDF."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise TextRefused("text_pdf_unreadable", detail="encrypted")
        pages = [page.extract_text() or "" for page in reader.pages[:MAX_PDF_PAGES]]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise TextRefused("text_pdf_unreadable", detail=type(exc).__name__) from exc
    text = "\n".join(pages)
    if not "".join(text.split()):
        raise TextRefused("text_pdf_unreadable", detail="no text layer")
    return text


def read_pasted_text(text: str) -> str:
    """A pasted text, checked."""
    return check_text(text)

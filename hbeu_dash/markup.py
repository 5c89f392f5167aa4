"""HTML fragments both HTML renderers share (the app's ui/ and the briefing's report/): a source's original words
with their language marked, quoted evidence, the mark of a pending English rendering. Every text is escaped here."""

import html

from hbeu_dash.i18n import Quoted, original_lang, t

PENDING_CLASS = "evidence-pending"


def original_html(text: str, lang: str, tag: str = "span") -> str:
    """A source's original words (its evidence, a paragraph of its text) as HTML on a page in `lang`: inside
    <span lang="zh"> on an English page, escaped as they are on a Chinese one."""
    words = html.escape(str(text))
    marked = original_lang(lang)
    return f'<{tag} lang="{marked}">{words}</{tag}>' if marked else words


def lang_attr(lang: str) -> str:
    """' lang="zh"' for an element holding a source's original words on an English page, '' on a Chinese one."""
    marked = original_lang(lang)
    return f' lang="{marked}"' if marked else ""


def pending_html(mark: str) -> str:
    """The mark of an English rendering not yet written ('English evidence pending'), as a visible span."""
    return f'<span class="{PENDING_CLASS}">{html.escape(mark)}</span>' if mark else ""


def quote_html(text: str) -> str:
    """Quoted evidence as HTML reading exactly as its plain text: the original words marked lang="zh" on an English
    page, beside their English rendering or the pending mark; any other text escaped as it is."""
    if not isinstance(text, Quoted):
        return html.escape(str(text))
    pattern = html.escape(t(text.key, text.lang))  # the quotation marks and brackets of the reader's language
    return pattern.format(
        text=original_html(text.original, text.lang),
        translation=html.escape(text.translation),
        pending=pending_html(text.pending),
    )

"""HTML fragments both HTML renderers share (the app's ui/ and documents/briefing/): a source's original words
with their language marked, quoted evidence, the mark of a pending English rendering. Every text is escaped here."""

import html
import re

from hbeu_dash.i18n import Quoted, original_lang, t

PENDING_CLASS = "evidence-pending"
# A run of Chinese inside English text: Chinese characters and punctuation, with the digits and quotation marks
# inside or around it ('8日', “一小时经济圈”, 2024年以来).
_HAN = "\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"  # Chinese characters and punctuation
_CHINESE_RUN = re.compile(rf"[0-9.%]*[“‘「]?[{_HAN}](?:[{_HAN}“”‘’「」0-9.% ]*[{_HAN}”’」])?")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def chinese_runs(text: str) -> list[tuple[str, bool]]:
    """`text` cut into (piece, is a Chinese run inside English text); one piece, False, when it is not mixed."""
    if not _LATIN_WORD.search(text) or not _CHINESE_RUN.search(text):
        return [(text, False)]
    pieces, pos = [], 0
    for m in _CHINESE_RUN.finditer(text):
        pieces += [(text[pos : m.start()], False), (m.group(), True)]
        pos = m.end()
    return [p for p in [*pieces, (text[pos:], False)] if p[0]]


def mixed_html(text: object, lang: str = "en") -> str:
    """Text as HTML, escaped; when it mixes English with Chinese (a gloss such as 'open-competition (揭榜挂帅)', a
    quoted date '8日'), each Chinese run inside <span lang="zh"> so a screen reader and the fonts switch for it.
    Text in one language, and any text on a Chinese page (`lang`), is only escaped: the page's lang says it."""
    words = html.escape(str(text))
    if not original_lang(lang) or not _LATIN_WORD.search(words) or not _CHINESE_RUN.search(words):
        return words
    return _CHINESE_RUN.sub(lambda m: f'<span lang="zh">{m.group()}</span>', words)


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

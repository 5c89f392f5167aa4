"""Quoting a source's words for a reader: the original, and on an English page its English rendering beside it (or
the mark that it is pending); the language an HTML renderer marks on the original words."""

from hbeu_dash.i18n.catalogue import t


def quote(text: str, translation: str | None, lang: str) -> str:
    """Quoted evidence: the original words, and in English their rendering beside them."""
    if lang == "zh" or not translation:
        return t("quote", lang, text=text)
    return t("quote_translated", lang, text=text, translation=translation)


# The language of the sources' words (`evidence`, the archived texts): every source quoted is Chinese.
ORIGINAL_LANG = "zh"


def original_lang(lang: str) -> str | None:
    """The lang attribute an HTML renderer puts on a source's original words shown on a page in `lang`: 'zh' on an
    English page (screen readers and fonts switch to Chinese), None on a Chinese page (nothing changes language)."""
    return None if lang == ORIGINAL_LANG else ORIGINAL_LANG


def evidence_pending(translation: object, lang: str) -> str:
    """The mark 'English evidence pending' where an English page shows evidence whose English rendering
    (`evidence_en`) is not written yet; '' on a Chinese page or when the rendering is there."""
    if lang == "zh" or (isinstance(translation, str) and translation.strip()):
        return ""
    return t("evidence_en_pending", lang)


class Quoted(str):
    """Quoted evidence: the plain text a reader sees (it is a str: hovers, tooltips, table cells take it as it is),
    keeping its parts for a renderer that marks the original's language (HTML: documents.markup.quote_html)."""

    original: str  # the source's words, verbatim
    translation: str  # their English rendering beside them on an English page ('' otherwise)
    pending: str  # on an English page whose row has no rendering yet: the mark saying so ('' otherwise)
    lang: str  # the reader's language

    def __new__(cls, original: str, translation: str, pending: str, lang: str) -> "Quoted":
        key = _quote_key(translation, pending)
        quoted = super().__new__(cls, t(key, lang, text=original, translation=translation, pending=pending))
        quoted.original, quoted.translation, quoted.pending, quoted.lang = original, translation, pending, lang
        return quoted

    def __reduce__(self) -> tuple:  # a copy or a pickle is built from the parts again
        return (Quoted, (self.original, self.translation, self.pending, self.lang))

    @property
    def key(self) -> str:
        """The STRINGS key of the quotation's pattern: 'quote', 'quote_translated' or 'quote_pending'."""
        return _quote_key(self.translation, self.pending)


def _quote_key(translation: str, pending: str) -> str:
    return "quote_translated" if translation else "quote_pending" if pending else "quote"


def quote_evidence(text: str, translation: object, lang: str) -> Quoted:
    """A row's evidence quoted for a reader: the original words, and on an English page their English rendering
    (`evidence_en`) beside them or, while it is not written, the mark saying it is pending. Nothing is translated
    here: an empty rendering stays empty."""
    pending = evidence_pending(translation, lang)
    rendering = "" if lang == "zh" or pending else str(translation).strip()
    return Quoted(str(text), rendering, pending, lang)

"""The languages and the lookup of a message in the catalogue (`t`), and lists joined in a language (`join`)."""

from hbeu_dash.i18n.messages import MESSAGES

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
# Each language named in itself, as the language switch offers it.
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}
# Every message of every domain (hbeu_dash/i18n/messages/*.py), key → (zh, en).
STRINGS = MESSAGES


def t(key: str, lang: str, /, **params: object) -> str:
    """The message `key` in `lang` (English for any language but Chinese), with {params} filled in (a message may
    have fields named key or lang: the two come first, by position)."""
    zh, en = STRINGS[key]
    text = zh if lang == "zh" else en
    return text.format(**params) if params else text


def join(items: list[str], lang: str, sep: str = "list_sep") -> str:
    """Items joined with the language's separator ('、' / ', ')."""
    return t(sep, lang).join(items)

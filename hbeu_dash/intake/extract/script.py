"""Traditional characters read as simplified, one character for one, so that offsets found on the result hold in
the text as written (OpenCC's t2s: phrases first, 乾隆 stays 乾隆 and 頭髮 becomes 头发; then single characters).

OpenCC's t2s dictionaries map every entry to a value of its own length (its source dictionaries TSPhrases,
TSCharacters and CJK_Compatibility_Ideographs, 1.3 to 1.4; and with 1.4.2 every character up to U+31FFF converted
alone), so the whole text is converted in one call (about 0.2 ms for 10,000 characters) and only its length is
checked. Should a later dictionary change the length of a phrase, or the text hold what cannot be handed to OpenCC
(a lone surrogate), each run of CJK text between ASCII and Latin characters (a clause, roughly) is converted apart,
and a run whose length changes is converted character by character.
"""

import functools
import re

import opencc

CONFIG = "t2s"
# A text is traditional when at least this share of its Han characters change (a simplified article changes
# one character in thousands: a stray 峽), and at least this many do.
TRADITIONAL_SHARE = 0.05
TRADITIONAL_MIN_CHARS = 2
# Han ideographs: the unified blocks with extension A, the compatibility block and the supplementary planes.
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# Runs converted apart when the whole text cannot be: what OpenCC may change (from the CJK radicals up), and the rest.
_RUNS = re.compile(r"(?P<cjk>[^\x00-\u2e7f]+)|[\x00-\u2e7f]+")


@functools.cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC(CONFIG)


def _convert(text: str) -> str | None:
    """OpenCC's conversion of the text, or None when OpenCC cannot take it (lone surrogates are no UTF-8)."""
    try:
        return _converter().convert(text)
    except (UnicodeError, RuntimeError):
        return None


@functools.lru_cache(maxsize=65_536)
def _character(ch: str) -> str:
    """One character converted alone; itself when it converts to anything but one character."""
    out = _convert(ch)
    return out if out is not None and len(out) == 1 else ch


def _run(text: str) -> str:
    """A run converted as a whole when that keeps its length, else character by character."""
    out = _convert(text)
    if out is not None and len(out) == len(text):
        return out
    return "".join(_character(ch) for ch in text)


def simplified(text: str) -> str:
    """The text with traditional characters as simplified ones: same length, each character where it was."""
    if text.isascii():
        return text
    out = _convert(text)
    if out is not None and len(out) == len(text):
        return out
    return "".join(_run(m.group(0)) if m.group("cjk") else m.group(0) for m in _RUNS.finditer(text))


def is_traditional(text: str) -> bool:
    """True when the text is written in traditional characters (enough of its Han characters change)."""
    han = len(_HAN.findall(text))
    changed = sum(a != b for a, b in zip(text, simplified(text), strict=True))
    return han > 0 and changed >= TRADITIONAL_MIN_CHARS and changed >= TRADITIONAL_SHARE * han

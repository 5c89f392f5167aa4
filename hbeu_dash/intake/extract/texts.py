"""What the extractor writes for a reader, in zh and en: the reasoning notes of its candidates and the English of the
time words they quote. The words are in the catalogue (hbeu_dash/i18n/messages/extract.py, hbeu_dash/i18n/glosses.py);
here they are filled in."""

from hbeu_dash.i18n import format_date, t
from hbeu_dash.i18n.glosses import GLOSSES, MONTHS, TAIL_GLOSSES
from hbeu_dash.intake.extract.script import simplified

# The params of a note that are dates, written per language.
DATE_PARAMS = ("published", "as_of", "date")


def gloss(word: str, tail: str = "", month: int | None = None) -> str:
    """English for a relative time word: 去年年底 → the end of last year; 去年2月 → February last year."""
    word, tail = simplified(word), simplified(tail)  # 當前 reads as 当前
    base = GLOSSES.get(word, word)
    if month:
        base = f"{MONTHS[month - 1]} {base}"
    return TAIL_GLOSSES[tail].format(base) if tail in TAIL_GLOSSES else base


def note(key: str, **params: object) -> tuple[str, str]:
    """One reasoning note in (zh, en); dates in the params are formatted per language."""
    dates = {k: v for k, v in params.items() if k in DATE_PARAMS and isinstance(v, str)}
    zh_params = params | {k: format_date(v, "zh") for k, v in dates.items()}
    en_params = params | {k: format_date(v, "en") for k, v in dates.items()}
    return t(f"extract_note_{key}", "zh", **zh_params), t(f"extract_note_{key}", "en", **en_params)

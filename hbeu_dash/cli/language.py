"""The command line's language: of its help and its messages (`--lang` anywhere on the line, else the locale
environment), and argparse's own words in it. What the commands say is in the catalogue
(hbeu_dash/i18n/messages/cli.py, read with hbeu_dash.i18n.t)."""

import argparse
import contextlib
import re
from collections.abc import Iterator, Mapping, Sequence

from hbeu_dash.i18n import LANGS, t

DEFAULT_LANG = "en"  # without --lang and without a Chinese locale
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # POSIX precedence: the first one set decides
CHINESE_LOCALE = re.compile(r"zh([_.@-]|$)", re.IGNORECASE)  # zh, zh_CN.UTF-8, zh_TW, zh-Hans

# argparse's own words (its gettext message ids, written as str.format templates in the catalogue).
ARGPARSE_KEYS = (
    "cli_argparse_usage",
    "cli_argparse_positionals",
    "cli_argparse_options",
    "cli_argparse_help",
    "cli_argparse_error",
    "cli_argparse_argument",
    "cli_argparse_required",
    "cli_argparse_one_required",
    "cli_argparse_unrecognized",
    "cli_argparse_not_allowed",
    "cli_argparse_ignored",
    "cli_argparse_invalid_choice",
    "cli_argparse_invalid_value",
    "cli_argparse_unknown_parser",
    "cli_argparse_ambiguous",
    "cli_argparse_expected_one",
    "cli_argparse_expected_at_most_one",
    "cli_argparse_expected_at_least_one",
    "cli_argparse_expected_n",
    "cli_argparse_expected_n_plural",
)
_FIELD = re.compile(r"\{(\w*)(!r)?\}")


def help_lang(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language of the help, the messages and argparse's errors: the last valid `--lang L` (or `--lang=L`) on
    the line, else the locale environment (LC_ALL, LC_MESSAGES, LANG: zh_* is Chinese, anything else English)."""
    chosen = None
    for at, word in enumerate(argv):
        if word == "--":
            break
        value = argv[at + 1] if word == "--lang" and at + 1 < len(argv) else word.removeprefix("--lang=")
        if value in LANGS:
            chosen = value
    if chosen is not None:
        return chosen
    locale = next((environ[name] for name in LOCALE_VARIABLES if environ.get(name)), "")
    return LANGS[0] if CHINESE_LOCALE.match(locale) else DEFAULT_LANG


def _printf(template: str) -> str:
    """A catalogue template as argparse writes its message id: {name} → %(name)s, {name!r} → %(name)r, {} → %s."""
    return _FIELD.sub(lambda m: "%" + (f"({m[1]})" if m[1] else "") + ("r" if m[2] else "s"), template)


@contextlib.contextmanager
def argparse_speaking(lang: str) -> Iterator[None]:
    """argparse's own words ("usage:", "options", its errors) in `lang` while the parser is built and used.

    argparse translates through gettext: every message goes through its module's `_` (and `ngettext`), looked up
    when it is said. Those two are replaced by the catalogue's translation for the block, then put back.
    """
    words = {_printf(t(key, DEFAULT_LANG)): _printf(t(key, lang)) for key in ARGPARSE_KEYS}

    def translate(message: str | None) -> str | None:
        return words.get(message, message) if message is not None else None

    def ntranslate(singular: str, plural: str, n: int) -> str:
        return translate(singular if n == 1 else plural)

    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = translate, ntranslate
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved

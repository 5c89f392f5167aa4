"""The `hbeu` command line's help: every command listed, in the reader's language (--lang, else the locale), argparse's
own words included; the `python -m` entry points reach the same parser."""

import argparse
import inspect
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hbeu_dash.cli.language import ARGPARSE_KEYS, _printf, argparse_speaking, help_lang
from hbeu_dash.cli.main import main
from hbeu_dash.i18n import t
from hbeu_dash.i18n.messages.cli import MESSAGES
from hbeu_dash.paths import ROOT

# Each command `hbeu --help` lists, in its order, and the message that describes it there.
COMMANDS = {
    "validate": "cli_help_validate",
    "verify-sources": "cli_help_verify",
    "fill-archive": "cli_help_fill",
    "import": "cli_help_import",
    "attach-text": "cli_help_attach",
    "extract": "cli_help_extract",
    "briefing": "cli_help_briefing",
    "db": "cli_help_db",
    "users": "cli_help_users",
    "cluster": "cli_help_cluster",
}
# Every parser with its own --help (the old `add-user` too: the same command as `users add`).
SUBCOMMANDS = [
    *([c] for c in COMMANDS),
    *(["db", c] for c in ("init", "upgrade", "current", "import", "export")),
    ["users", "add"],
    ["add-user"],
]
HBEU = Path(sys.executable).with_name("hbeu")  # the console script `make install` puts beside the interpreter
ZH_WORDS = ("用法：", "选项", "显示此帮助并退出")
EN_WORDS = ("usage: ", "options:", "show this help message and exit")
# The language's words in a help, those of the other language, and how the usage line starts.
HELP = {"zh": (ZH_WORDS, EN_WORDS, "用法：hbeu "), "en": (EN_WORDS, ZH_WORDS, "usage: hbeu ")}
LOCALE = ("LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")


def _run(argv: list[str], **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in LOCALE} | {"PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run(argv, cwd=ROOT, capture_output=True, env=clean | env, timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


def _listed(help_text: str) -> list[str]:
    """The commands the help lists: each line indented by four spaces starts with one (then its description)."""
    return [line.split()[0] for line in help_text.splitlines() if re.match(r"    \S", line)]


@pytest.mark.parametrize(
    "argv",
    [[str(HBEU)], [sys.executable, "-m", "hbeu_dash"]],
    ids=["console-script", "python-m"],
)
def test_help_lists_every_command_with_its_description(argv: list[str]) -> None:
    assert HBEU.is_file(), f"{HBEU} is missing: `make install` installs the command (pip install -e .)"
    proc = _run([*argv, "--help"], LANG="C")
    assert proc.returncode == 0, proc.stderr
    assert _listed(proc.stdout) == list(COMMANDS)
    for command, key in COMMANDS.items():  # its description beside it (or on the next line, for a long name)
        described = re.search(rf"^    {re.escape(command)}\s+(\S+)\s+(\S+)", proc.stdout, re.MULTILINE)
        assert described and list(described.groups()) == t(key, "en").split()[:2], command


@pytest.mark.parametrize(
    ("args", "env", "words", "absent"),
    [
        (["--lang", "zh", "--help"], {"LANG": "C"}, ZH_WORDS, EN_WORDS),
        (["--help"], {"LANG": "zh_CN.UTF-8"}, ZH_WORDS, EN_WORDS),
        (["--help", "--lang", "en"], {"LANG": "zh_CN.UTF-8"}, EN_WORDS, ZH_WORDS),
        (["--help"], {"LANG": "C"}, EN_WORDS, ZH_WORDS),
        (["--help"], {"LANG": "zh_CN.UTF-8", "LC_ALL": "C.UTF-8"}, EN_WORDS, ZH_WORDS),
    ],
    ids=["--lang-zh", "LANG-zh", "--lang-over-LANG", "LANG-C", "LC_ALL-over-LANG"],
)
def test_help_speaks_the_readers_language(args: list[str], env: dict, words: tuple, absent: tuple) -> None:
    proc = _run([str(HBEU), *args], **env)
    assert proc.returncode == 0, proc.stderr
    assert all(w in proc.stdout for w in words), proc.stdout
    assert not any(w in proc.stdout for w in absent), proc.stdout


def test_argparse_errors_speak_chinese_too() -> None:
    proc = _run([sys.executable, "-m", "hbeu_dash", "briefing"], LANG="zh_CN.UTF-8")
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1] == "python -m hbeu_dash briefing：错误：缺少必需的参数：--html"
    proc = _run([sys.executable, "-m", "hbeu_dash", "cluster", "--replicas", "0", "--lang", "zh"])
    assert proc.stderr.splitlines()[-1].endswith("错误：参数 --replicas：至少为 1")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("command", SUBCOMMANDS, ids=" ".join)
def test_every_commands_help_works_in_both_languages(
    command: list[str], lang: str, capsys: pytest.CaptureFixture
) -> None:
    with pytest.raises(SystemExit) as done:
        main([*command, "--help", "--lang", lang])
    assert done.value.code == 0
    out = capsys.readouterr().out
    words, absent, usage = HELP[lang]
    assert all(w in out for w in words) and not any(w in out for w in absent), out
    assert out.startswith(usage + " ".join(command))


def test_the_old_entry_points_reach_the_same_commands() -> None:
    cluster = _run([sys.executable, "-m", "hbeu_dash.cluster", "--help"], LANG="C")
    assert cluster.returncode == 0 and "--print-nginx" in cluster.stdout, cluster.stderr
    extract = _run([sys.executable, "-m", "hbeu_dash", "extract", "--help"], LANG="C")
    assert extract.returncode == 0 and "--published" in extract.stdout, extract.stderr


@pytest.mark.parametrize(
    ("argv", "env", "lang"),
    [
        ([], {}, "en"),
        ([], {"LANG": "zh_CN.UTF-8"}, "zh"),
        ([], {"LANG": "zh_TW"}, "zh"),
        ([], {"LANG": "zh"}, "zh"),
        ([], {"LANG": "zu_ZA.UTF-8"}, "en"),  # Zulu is not Chinese
        ([], {"LANG": "C.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh"),
        ([], {"LANG": "zh_CN.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en"),
        ([], {"LANG": "zh_CN.UTF-8", "LC_ALL": ""}, "zh"),  # set but empty: not set
        (["validate", "--lang", "zh"], {"LANG": "C"}, "zh"),
        (["--lang=zh", "validate"], {}, "zh"),
        (["--lang", "en", "validate"], {"LANG": "zh_CN.UTF-8"}, "en"),
        (["--lang", "fr"], {"LANG": "zh_CN.UTF-8"}, "zh"),  # not a language of ours: argparse will say so, in zh
        (["extract", "--", "--lang", "zh"], {}, "en"),  # after --: a file name, not an option
    ],
)
def test_help_language(argv: list[str], env: dict[str, str], lang: str) -> None:
    assert help_lang(argv, env) == lang


def test_argparse_is_itself_again_after_the_block() -> None:
    before = argparse._, argparse.ngettext
    with argparse_speaking("zh"):
        assert argparse._("usage: ") == "用法："
        assert argparse.ngettext("expected %s argument", "expected %s arguments", 2) == "需要 %s 个值"
    assert (argparse._, argparse.ngettext) == before


def test_every_translated_argparse_word_is_one_argparse_says() -> None:
    # The catalogue writes argparse's message ids as str.format templates; a Python whose argparse words them
    # differently would leave them in English: this says which.
    source = inspect.getsource(argparse)
    unknown = [key for key in ARGPARSE_KEYS if repr(_printf(t(key, "en"))) not in source]
    assert unknown == []
    assert _printf("argument {argument_name}: {message}") == "argument %(argument_name)s: %(message)s"
    assert _printf("invalid choice: {value!r} (choose from {choices})") == (
        "invalid choice: %(value)r (choose from %(choices)s)"
    )


def test_the_command_lines_messages_are_one_catalogue() -> None:
    assert MESSAGES and all(key.startswith("cli_") for key in MESSAGES)
    assert set(ARGPARSE_KEYS) == {key for key in MESSAGES if key.startswith("cli_argparse_")}
    cli = ROOT / "hbeu_dash" / "cli"
    assert not [p.name for p in cli.glob("*.py") if "TEXTS" in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (["validate"], {"LANG": "zh_CN.UTF-8"}, "数据有效"),
        (["validate"], {"LANG": "C.UTF-8"}, "data valid"),
        (["validate", "--lang", "en"], {"LANG": "zh_CN.UTF-8"}, "data valid"),
        (["--lang", "zh", "validate"], {"LANG": "C.UTF-8"}, "数据有效"),
    ],
    ids=["LANG-zh", "LANG-C", "--lang-over-LANG", "--lang-zh"],
)
def test_the_messages_speak_the_language_of_the_help(args: list[str], env: dict[str, str], expected: str) -> None:
    """A Chinese terminal gets Chinese messages, not only Chinese help; --lang decides over the locale."""
    proc = _run([str(HBEU), "--data", str(ROOT / "data"), *args], **env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(expected), proc.stdout

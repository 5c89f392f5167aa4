"""The documentation keeps up with the code (after datasette's tests/test_docs.py).

Each test fails when something the code has is not documented, or when the docs name something the code lacks:
- every `hbeu` command and subcommand (read from the parser) in docs/commands.md;
- every key of settings.example.toml (and its environment variable) in docs/deploying.md;
- every page (app_pages/*.py, through the page registry app.py navigates) in README.md or docs/, by its zh and en
  title; every slide (views/slides.py) in docs/presenter.md;
- every target `make help` lists;
- every command shown in a fenced code block exists: `hbeu …` and `python -m hbeu_dash …` by their `--help`, `make X`
  by `make -n X`; other programs only from a short allow-list (those that need a server or root);
- every repository path or module named in backticks, and every relative link (anchors included), exists;
- README.md links every page of docs/.
The checks are plain functions over text; `test_a_check_fails_on_*` feed each one a deliberate mistake.
"""

import importlib
import importlib.util
import re
import shlex
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
README = ROOT / "README.md"
PAGES_DOCS = (README, *sorted(DOCS.glob("*.md")))
HBEU = Path(sys.executable).parent / "hbeu"  # the console script, beside the interpreter of the venv

# Programs a code block may show that cannot be run here (they need a server, root or a network): checked by name only.
ALLOWED_PROGRAMS = {
    "apt-get",
    "chromium",
    "cat",
    "cp",
    "curl",
    "install",
    "nginx",
    "pdffonts",
    "pdftotext",
    "psql",
    "systemctl",
    "useradd",
}
WRAPPERS = {"sudo": 0, "runuser": None}  # runuser -u USER -- COMMAND: the command after `--`
SHELL_BLOCKS = {"sh", "bash", "shell", "console"}
# Folders of hbeu_dash a path in the prose may start from (`views/trends.py` is hbeu_dash/views/trends.py).
PACKAGE = ROOT / "hbeu_dash"
# What the app writes at run time and git ignores: named in the docs, never in the repository.
RUNTIME_PATHS = (".venv/", "data/.hbeu", ".streamlit/secrets.toml", "settings.toml", "test-artifacts/", "out/")
RUNTIME_PATHS += ("bench/data/",)
# Placeholders the prose uses for a folder the reader picks (`running_postgres(folder)` writes `folder/pgdata`).
PLACEHOLDER_FOLDERS = ("folder/",)
FILE_SUFFIXES = (".py", ".md", ".csv", ".toml", ".j2", ".json", ".geojson", ".js", ".txt", ".service", ".template")


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@cache
def all_docs() -> str:
    return "\n".join(read(p) for p in PAGES_DOCS)


def doc_id(path: Path) -> str:
    return str(path.relative_to(ROOT))


# --- the command line -------------------------------------------------------------------------------------------


def build_parser():
    from hbeu_dash.cli.main import build_parser

    return build_parser("en")


def subcommands(parser) -> dict:
    """name → parser of the commands directly under `parser` ({} when it has none)."""
    import argparse

    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def command_paths(parser, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and subcommand: ('validate',), ('db',), ('db', 'init'), …"""
    paths = []
    for name, sub in subcommands(parser).items():
        paths.append((*prefix, name))
        paths.extend(command_paths(sub, (*prefix, name)))
    return paths


def resolve_command(parser, words: list[str]) -> tuple[str, ...]:
    """The command path of an `hbeu` line's words (options and their values skipped); ValueError if a word where a
    command must stand is none of the parser's."""
    path: list[str] = []
    i = 0
    while i < len(words):
        subs = subcommands(parser)
        if not subs:
            break
        word = words[i]
        if word.startswith("-"):
            action = parser._option_string_actions.get(word.split("=")[0])
            i += 2 if action is not None and action.nargs != 0 and "=" not in word else 1
            continue
        if word not in subs:
            raise ValueError(f"`{word}` is not a command of `hbeu {' '.join(path)}` (it has: {', '.join(subs)})")
        path.append(word)
        parser = subs[word]
        i += 1
    if subcommands(parser):
        raise ValueError(f"`hbeu {' '.join(path)}` needs a command: {', '.join(subcommands(parser))}")
    return tuple(path)


def mentions(text: str, words: str) -> bool:
    """`words` stand in `text` as whole words (`hbeu db current` is not in `hbeu db currently`)."""
    return re.search(rf"(?<![\w-]){re.escape(words)}(?![\w-])", text) is not None


def undocumented_commands(paths: list[tuple[str, ...]], commands_doc: str) -> list[str]:
    return [" ".join(p) for p in paths if not mentions(commands_doc, f"hbeu {' '.join(p)}")]


def _command_cases() -> list:
    try:
        return command_paths(build_parser())
    except Exception:  # the parser cannot be built: one case, which fails with the error
        return [None]


@pytest.mark.parametrize("path", _command_cases(), ids=lambda p: " ".join(p) if p else "parser")
def test_every_command_is_documented(path: tuple[str, ...]) -> None:
    if path is None:
        build_parser()  # raises what kept the commands from being read
        pytest.fail("the parser of hbeu_dash.cli.main has no commands")
    assert not undocumented_commands([path], read(DOCS / "commands.md")), f"`hbeu {' '.join(path)}` not in commands.md"


def test_the_parser_has_the_commands_of_the_issue() -> None:
    paths = {" ".join(p) for p in command_paths(build_parser())}
    wanted = {"validate", "verify-sources", "fill-archive", "import", "attach-text", "extract", "briefing"}
    wanted |= {"db init", "db upgrade", "db current", "db import", "db export", "users add", "cluster"}
    assert wanted <= paths, wanted - paths


# --- settings -------------------------------------------------------------------------------------------------


def example_settings(text: str) -> dict[str, str]:
    """Every key of settings.example.toml, commented out or not, as 'table.key' → its environment variable ('' if the
    file names none)."""
    env = dict(re.findall(r"^#\s+(\w+\.\w+)\s+(HBEU_\w+)\s*$", text, flags=re.M))
    keys, table = {}, ""
    for line in text.splitlines():
        if m := re.match(r"^\[([\w.]+)\]\s*$", line):
            table = m.group(1)
        elif m := re.match(r"^#?\s?(\w+)\s*=", line):
            keys[f"{table}.{m.group(1)}"] = env.get(f"{table}.{m.group(1)}", "")
    return keys


def undocumented_settings(settings: dict[str, str], deploying: str) -> list[str]:
    return [k for k, var in settings.items() if f"`{k}`" not in deploying or (var and f"`{var}`" not in deploying)]


def test_every_setting_is_documented() -> None:
    settings = example_settings(read(ROOT / "settings.example.toml"))
    assert len(settings) >= 3, settings  # the [map] keys: the parser above still reads the file
    assert not undocumented_settings(settings, read(DOCS / "deploying.md"))


# --- pages and slides -----------------------------------------------------------------------------------------


def page_titles() -> dict[str, tuple[str, str]]:
    """app_pages/<script> → its (zh, en) title, from the registry app.py builds its navigation from."""
    from hbeu_dash.i18n import t
    from hbeu_dash.views.registry import PAGES

    by_script = {p.script: (t(p.title_key, "zh"), t(p.title_key, "en")) for p in PAGES}
    return {f.name: by_script.get(f.name, ("", "")) for f in sorted((ROOT / "app_pages").glob("*.py"))}


def undocumented_titles(titles: dict[str, tuple[str, str]], text: str) -> list[str]:
    return [name for name, pair in titles.items() if not all(pair) or any(title not in text for title in pair)]


def test_every_page_is_documented() -> None:
    titles = page_titles()
    assert "overview.py" in titles
    assert not undocumented_titles(titles, all_docs()), "a page (zh and en title) missing from README.md and docs/"


def test_every_slide_is_documented() -> None:
    from hbeu_dash.views.slides import SLIDES, slide_titles

    pairs = zip(slide_titles("zh"), slide_titles("en"), strict=True)
    titles = {slide_id: pair for (slide_id, _), pair in zip(SLIDES, pairs, strict=True)}
    assert not undocumented_titles(titles, read(DOCS / "presenter.md")), "a slide missing from docs/presenter.md"


# --- make -----------------------------------------------------------------------------------------------------


def make_targets(makefile: str) -> list[str]:
    """The targets `make help` lists: those with a `## ` comment."""
    return re.findall(r"^([a-z-]+):.*## ", makefile, flags=re.M)


def test_every_make_target_is_documented() -> None:
    targets = make_targets(read(ROOT / "Makefile"))
    assert "run" in targets and "test" in targets
    text = all_docs()
    assert [t for t in targets if not mentions(text, f"make {t}")] == []


# --- commands shown in code blocks ----------------------------------------------------------------------------


def code_blocks(text: str) -> list[tuple[str, str]]:
    """(info string, body) of every fenced code block."""
    return re.findall(r"^[ \t]*```([\w-]*)[ \t]*\n(.*?)^[ \t]*```", text, flags=re.M | re.S)


def shell_commands(body: str) -> list[list[str]]:
    """The commands of a shell block as word lists: continuations joined, comments, here-documents, redirections and
    leading VAR=value dropped, `a && b` and `a; b` split, wrappers (sudo, runuser … --) unwrapped."""
    lines, heredoc_end, joined = [], None, ""
    for line in body.splitlines():
        if heredoc_end is not None:
            heredoc_end = None if line.strip() == heredoc_end else heredoc_end
            continue
        joined += line.rstrip()
        if joined.endswith("\\"):
            joined = joined[:-1] + " "
            continue
        if m := re.search(r"<<-?\s*'?(\w+)'?", joined):
            heredoc_end = m.group(1)
        lines.append(joined)
        joined = ""
    commands = []
    for line in lines:
        lexer = shlex.shlex(line, posix=True, punctuation_chars=";&|<>")
        lexer.whitespace_split = True
        lexer.commenters = "#"
        words: list[str] = []
        for word in [*lexer, ";"]:
            if word and set(word) <= set(";&|"):
                commands.append(words)
                words = []
            else:
                words.append(word)
    cleaned = []
    for words in commands:
        for i, word in enumerate(words):
            if set(word) <= set("<>"):
                words = words[:i]
                break
        while words and re.match(r"^[A-Z_][A-Z0-9_]*=", words[0]):
            words = words[1:]
        if words and words[0] in WRAPPERS:
            words = words[words.index("--") + 1 :] if "--" in words else words[1:]
        if words:
            cleaned.append(words)
    return cleaned


def command_check(words: list[str]) -> tuple[str, list[str]]:
    """How to check one command: ('run', argv) to run and expect exit 0, ('module', [name]), ('file', [path]),
    ('allowed', []); ValueError for a command nothing vouches for."""
    program = words[0]
    name = Path(program).name
    if name == "hbeu":
        return "run", [str(HBEU), *resolve_command(build_parser(), words[1:]), "--help"]
    if name in ("python", "python3"):
        if words[1:2] == ["-m"]:
            module = words[2]
            if module == "hbeu_dash":
                return "run", [sys.executable, "-m", module, *resolve_command(build_parser(), words[3:]), "--help"]
            if module.startswith("hbeu_dash."):
                return "run", [sys.executable, "-m", module, "--help"]
            return "module", [module]
        if words[1:2] == ["-c"]:
            return "allowed", []
        return "file", [words[1]]
    if name == "make":
        return "run", ["make", "-n", *[w for w in words[1:] if not w.startswith("-")]]
    if name in ALLOWED_PROGRAMS:
        return "allowed", []
    raise ValueError(f"`{' '.join(words)}`: {program} is neither ours nor on the allow-list")


def shown_commands() -> list[tuple[str, list[str]]]:
    shown, seen = [], set()
    for path in PAGES_DOCS:
        for info, body in code_blocks(read(path)):
            if info not in SHELL_BLOCKS:
                continue
            for words in shell_commands(body):
                key = " ".join(words)
                if key not in seen:
                    seen.add(key)
                    shown.append((doc_id(path), words))
    return shown


@cache
def run_help(args: tuple[str, ...]) -> tuple[int, str]:
    """Exit code and standard error of a command's --help (or `make -n`): each distinct one runs once."""
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=120)
    return done.returncode, done.stderr


def check_command(words: list[str]) -> None:
    kind, args = command_check(words)
    if kind == "run":
        if args[0] == str(HBEU):
            assert HBEU.exists(), f"{HBEU} is not installed (the [project.scripts] console script: make install)"
        code, stderr = run_help(tuple(args))
        assert code == 0, f"`{' '.join(words)}`: `{' '.join(args)}` exited {code}: {stderr}"
    elif kind == "module":
        assert importlib.util.find_spec(args[0]) is not None, f"no module {args[0]}"
    elif kind == "file":
        assert (ROOT / args[0]).is_file(), f"no file {args[0]}"


@pytest.mark.parametrize(("doc", "words"), shown_commands(), ids=lambda v: " ".join(v) if isinstance(v, list) else v)
def test_every_command_shown_exists(doc: str, words: list[str]) -> None:
    check_command(words)


def test_the_docs_show_commands() -> None:
    programs = {Path(words[0]).name for _, words in shown_commands()}
    assert {"hbeu", "make"} <= programs


# --- paths, modules and links ---------------------------------------------------------------------------------


def inline_code(text: str) -> list[str]:
    """The `…` spans outside fenced code blocks."""
    prose = re.sub(r"^[ \t]*```.*?^[ \t]*```", "", text, flags=re.M | re.S)
    return re.findall(r"`([^`\n]+)`", prose)


def missing_reference(span: str) -> str | None:
    """What a backticked span names that does not exist (a path of the repository, or a hbeu_dash module and its
    attribute), or None when it exists or is no such reference."""
    span = span.strip().rstrip(".,;:")
    if m := re.fullmatch(r"(hbeu_dash(?:\.\w+)+)(?:\(.*\))?", span):
        return missing_module(m.group(1))
    if any(c in span for c in "<>*…{}$ ()|=") or span.startswith(("/", "..", "~", "http", "-")) or "/" not in span:
        return None
    path = span.split("::")[0]
    if path.startswith(RUNTIME_PATHS) or path.startswith(PLACEHOLDER_FOLDERS):
        return None
    first = path.split("/")[0]
    if (ROOT / first).exists():
        return None if (ROOT / path).exists() else path
    if (PACKAGE / first).is_dir():
        return None if (PACKAGE / path).exists() else f"hbeu_dash/{path}"
    return path if path.endswith(FILE_SUFFIXES) else None


def missing_module(dotted: str) -> str | None:
    parts = dotted.split(".")
    for n in range(len(parts), 0, -1):
        name = ".".join(parts[:n])
        try:
            found = importlib.util.find_spec(name) is not None
        except ModuleNotFoundError:
            found = False
        if found:
            obj = importlib.import_module(name)
            for attr in parts[n:]:
                if not hasattr(obj, attr):
                    return dotted
                obj = getattr(obj, attr)
            return None
    return dotted


def slug(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[`*_]", "", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(text: str) -> set[str]:
    prose = re.sub(r"^[ \t]*```.*?^[ \t]*```", "", text, flags=re.M | re.S)
    return {slug(h) for h in re.findall(r"^#{1,6}\s+(.+?)\s*$", prose, flags=re.M)}


def broken_links(doc: Path, text: str) -> list[str]:
    """Relative links and image sources of `doc` whose file (or heading anchor) does not exist."""
    prose = re.sub(r"^[ \t]*```.*?^[ \t]*```", "", text, flags=re.M | re.S)
    targets = re.findall(r"\]\(([^)\s]+)\)", prose) + re.findall(r'<img[^>]*\ssrc="([^"]+)"', prose)
    broken = []
    for target in targets:
        if re.match(r"^[a-z]+:", target):
            continue
        file, _, anchor = target.partition("#")
        linked = (doc.parent / file).resolve() if file else doc
        if not linked.exists():
            broken.append(target)
        elif anchor and linked.suffix == ".md" and anchor not in anchors(read(linked)):
            broken.append(target)
    return broken


@pytest.mark.parametrize("doc", PAGES_DOCS, ids=doc_id)
def test_every_path_and_module_named_exists(doc: Path) -> None:
    missing = sorted({m for span in inline_code(read(doc)) if (m := missing_reference(span))})
    assert not missing, f"{doc_id(doc)} names what does not exist: {missing}"


@pytest.mark.parametrize("doc", PAGES_DOCS, ids=doc_id)
def test_every_link_resolves(doc: Path) -> None:
    assert not broken_links(doc, read(doc))


def test_the_readme_links_every_doc() -> None:
    readme = read(README)
    pages = sorted(p.name for p in DOCS.glob("*.md"))
    assert len(pages) >= 8
    assert [p for p in pages if f"](docs/{p})" not in readme] == []


# --- each check can fail ----------------------------------------------------------------------------------------


def test_a_check_fails_on_an_undocumented_command() -> None:
    assert undocumented_commands([("db", "vacuum"), ("validate",)], "hbeu validate …") == ["db vacuum"]
    assert undocumented_commands([("db", "current")], "`hbeu db currently`, `hbeu db current-x`") == ["db current"]


def test_a_check_fails_on_an_unknown_command() -> None:
    parser = build_parser()
    assert resolve_command(parser, ["--lang", "en", "db", "init", "--url", "x"]) == ("db", "init")
    for words in (["frobnicate"], ["db", "vacuum"], ["db"]):
        with pytest.raises(ValueError):
            resolve_command(parser, words)
    with pytest.raises(ValueError, match="allow-list"):
        command_check(["rm", "-rf", "data/"])


def test_a_check_fails_on_a_command_that_does_not_run() -> None:
    with pytest.raises(AssertionError):
        check_command(["make", "no-such-target"])
    with pytest.raises(AssertionError):
        check_command(["python", "-m", "no_such_module_here"])


def test_a_check_fails_on_an_undocumented_setting() -> None:
    example = "#   map.tile_url  HBEU_TILE_URL\n[map]\n# tile_url = 'x'\n# zoom = 3\n"
    assert example_settings(example) == {"map.tile_url": "HBEU_TILE_URL", "map.zoom": ""}
    assert undocumented_settings(example_settings(example), "`map.tile_url`, `HBEU_TILE_URL`") == ["map.zoom"]
    assert undocumented_settings({"map.tile_url": "HBEU_TILE_URL"}, "`map.tile_url`") == ["map.tile_url"]


def test_a_check_fails_on_an_undocumented_page_or_slide() -> None:
    titles = {"overview.py": ("总览", "Overview"), "new.py": ("", ""), "late.py": ("新页", "New page")}
    assert undocumented_titles(titles, "| 总览 Overview |\n| 新页 |") == ["new.py", "late.py"]


def test_a_check_fails_on_an_undocumented_make_target() -> None:
    assert make_targets("run: x ## start\nrun-urls: # hidden\nbench: ## measure\n") == ["run", "bench"]
    assert not mentions("make clean-all, make cleaner", "make clean")


def test_a_check_reads_the_commands_of_a_block() -> None:
    body = (
        "hbeu import a.xlsx --commit \\\n    --author x   # a comment\n"
        "cat > /etc/env <<EOF\nSECRET=$(python3 -c 'print(1)')\nEOF\n"
        "runuser -u hbeu -- /opt/.venv/bin/hbeu db import data/ > log.txt && make -n run PORT=1\n"
    )
    assert shell_commands(body) == [
        ["hbeu", "import", "a.xlsx", "--commit", "--author", "x"],
        ["cat"],
        ["/opt/.venv/bin/hbeu", "db", "import", "data/"],
        ["make", "-n", "run", "PORT=1"],
    ]


def test_a_check_fails_on_a_missing_path_module_or_link(tmp_path: Path) -> None:
    assert missing_reference("hbeu_dash/model/checks.py") is None
    assert missing_reference("views/trends.py") is None
    assert missing_reference("hbeu_dash/quality.py") == "hbeu_dash/quality.py"
    assert missing_reference("report/html.py") == "report/html.py"
    assert missing_reference("views/nothing.py") == "hbeu_dash/views/nothing.py"
    assert missing_reference("hbeu_dash.model.checks") is None
    assert missing_reference("hbeu_dash.views.registry.PAGES") is None
    assert missing_reference("hbeu_dash.views.registry.NOTHING") == "hbeu_dash.views.registry.NOTHING"
    assert missing_reference("hbeu_dash.nothing.here") == "hbeu_dash.nothing.here"
    assert missing_reference("data/.hbeu/audit.jsonl") is None  # written at run time, gitignored
    doc = tmp_path / "a.md"
    doc.write_text("# A page\n\n## Its part\n", encoding="utf-8")
    text = "[ok](a.md#its-part) [no file](b.md) [no anchor](a.md#nothing) [self](#a-page) [web](https://x.org)"
    assert broken_links(doc, text) == ["b.md", "a.md#nothing"]
    assert slug("The source archive: every row proven against its source's text") == (
        "the-source-archive-every-row-proven-against-its-sources-text"
    )

"""The message catalogue (every domain in both languages, nothing outside it), locale formatting, the palette."""

import ast
import re
import string
from pathlib import Path

import pytest

from hbeu_dash import i18n
from hbeu_dash.graphics import palette
from hbeu_dash.i18n.messages import DOMAINS, merge
from hbeu_dash.i18n.vocabularies import LIST_SEP
from hbeu_dash.model import schema
from hbeu_dash.paths import ROOT

I18N = ROOT / "hbeu_dash" / "i18n"
# (zh, en) tables outside i18n that are data, not messages: what they hold is written into the data's cells.
NOT_MESSAGES = {
    # the canonical unit_zh / unit_en the article assistant proposes for a new indicator (indicators.csv)
    ("hbeu_dash/intake/extract/indicators.py", "UNIT_GLOSSARY"),
}
# Domains whose English may quote a Chinese example ('58.76万', 'python -m … --author 姓名'): their Chinese has more.
ENGLISH_QUOTES_CHINESE = {"problems", "extract", "cli"}
# The messages whose two languages take different fields: the assistant's note quotes the source's words in Chinese
# ({value_text}, {words}) where the English glosses them ({gloss}) or gives the value read ({value}).
FIELDS_DIFFER = {
    "extract_note_relative_period",
    "extract_note_now",
    "extract_note_more",
    "extract_note_less",
    "extract_note_proposed_indicator",
    "extract_note_date_relative",
}
# Domains whose Chinese keeps ASCII punctuation for now: the assistant's notes are pinned as written by
# tests/test_extract_script.py ('“約126公裡”:约数'); rewriting them is a change of output, left to its own issue.
ASCII_PUNCTUATION_PENDING = {"extract"}


@pytest.mark.parametrize(
    ("value", "zh", "en"),
    [
        (587_600, "58.76万", "587,600"),
        (49_000_000, "4900万", "49,000,000"),
        (6_030_000_000, "60.3亿", "6,030,000,000"),
        (40_000, "4万", "40,000"),
        (19_897, "19897", "19,897"),
        (1_234_567, "约123.46万", "1,234,567"),
        # where Babel's compact format differs (formatting.py's docstring): it would write 123万 and 1万亿
        (1_230_001, "约123.00万", "1,230,001"),
        (10**12, "10000亿", "1,000,000,000,000"),
        (561, "561", "561"),
        (None, "–", "–"),
    ],
)
def test_format_number(value: float | None, zh: str, en: str) -> None:
    assert i18n.format_number(value, "zh") == zh
    assert i18n.format_number(value, "en") == en


@pytest.mark.parametrize(
    ("value", "units", "zh", "en"),
    [
        (49_000_000, ("元", "yuan"), "4900万元", "CNY 49,000,000"),
        (1, ("小时", "hours"), "1小时", "1 hour"),
        (2, ("小时", "hours"), "2小时", "2 hours"),
        (15.7, ("%", "%"), "15.7%", "15.7%"),  # a share, as English writes it: no space before %
    ],
)
def test_format_value(value: float, units: tuple[str, str], zh: str, en: str) -> None:
    assert i18n.format_value(value, *units, "zh") == zh
    assert i18n.format_value(value, *units, "en") == en


def test_format_values_shares_the_unit() -> None:
    assert i18n.format_values([561, 1412], "项", "items", "zh") == "561 / 1412项"
    assert i18n.format_values([561, 1412], "项", "items", "en") == "561 / 1,412 items"
    assert i18n.format_values([42.5, 60.9], "%", "%", "en") == "42.5% / 60.9%"


@pytest.mark.parametrize(
    ("value", "zh", "en"),
    [
        ("2024-12-07", "2024年12月7日", "7 Dec 2024"),
        ("2021-10", "2021年10月", "Oct 2021"),
        ("2025", "2025年", "2025"),
        ("2024-09-01", "2024年9月1日", "1 Sep 2024"),  # CLDR's 'en' abbreviation, not en_GB's 'Sept'
    ],
)
def test_format_date(value: str, zh: str, en: str) -> None:
    assert (i18n.format_date(value, "zh"), i18n.format_date(value, "en")) == (zh, en)


def _pairs() -> list[tuple[str, str, str]]:
    """Every (zh, en) pair a reader may see, as (where, zh, en): each message domain, each vocabulary, the upload
    templates' column help."""
    found = [(f"messages/{d}.py[{key}]", zh, en) for d, table in DOMAINS.items() for key, (zh, en) in table.items()]
    found += [
        (f"vocabularies[{name}][{value}]", zh, en)
        for name, names in i18n.VOCABULARIES.items()
        for value, (zh, en) in names.items()
    ]
    found += [(f"columns.COLUMN_HELP[{column}]", zh, en) for column, (zh, en) in i18n.COLUMN_HELP.items()]
    return found


def _fields(text: str) -> list[str]:
    return [f for _, f, _, _ in string.Formatter().parse(text) if f]


def test_every_message_of_every_domain_has_both_languages() -> None:
    pairs = _pairs()
    assert not [where for where, zh, en in pairs if not (zh.strip() and en.strip())]
    differ = [where for where, zh, en in pairs if sorted(_fields(zh)) != sorted(_fields(en))]
    assert differ == [f"messages/extract.py[{key}]" for key in DOMAINS["extract"] if key in FIELDS_DIFFER]
    assert not [english for english, chinese in i18n.FRAMEWORK_ZH.items() if not (english.strip() and chinese.strip())]


def test_the_catalogue_reads_every_module_of_messages() -> None:
    on_disk = {p.stem for p in (I18N / "messages").glob("*.py") if p.stem != "__init__"}
    assert set(DOMAINS) == on_disk
    assert {"app", "entry", "history", "auth", "present", "briefing", "problems", "extract", "cli"} <= on_disk
    assert len(i18n.STRINGS) == sum(len(table) for table in DOMAINS.values())


def test_a_key_in_two_domains_stops_the_import() -> None:
    with pytest.raises(ValueError, match="'page_overview' is defined twice"):
        merge({"app": {"page_overview": ("总览", "Overview")}, "cli": {"page_overview": ("总览", "Overview")}})
    with pytest.raises(ValueError, match="not a \\(zh, en\\) pair"):
        merge({"app": {"page_overview": ("总览",)}})


def test_i18n_is_the_bottom_layer() -> None:
    # i18n imports nothing of hbeu_dash but itself, so every layer (the model's problems included) may import it.
    found = []
    for path in sorted(I18N.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            names += [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            found += [f"{path.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] == "hbeu_dash"]
    assert [hit for hit in found if not hit.split(": ")[1].startswith("hbeu_dash.i18n")] == []


@pytest.mark.parametrize(
    ("vocabulary", "values"),
    [
        ("city", (*schema.CITY_IDS, schema.REGION)),
        ("sector", schema.SECTORS),
        ("status", schema.PROJECT_STATUSES),
        ("project_kind", schema.PROJECT_KINDS),
        ("event_kind", schema.EVENT_KINDS),
        ("measure", schema.MEASURES),
    ],
)
def test_every_vocabulary_value_has_a_label_in_the_schemas_order(vocabulary: str, values: tuple[str, ...]) -> None:
    # i18n restates the schema's ids (it may not import the model): the same ids in the same order, which the upload
    # templates' column help lists (COLUMN_HELP's sector and measure).
    assert tuple(i18n.VOCABULARIES[vocabulary]) == values
    for value in values:
        zh, en = i18n.VOCABULARIES[vocabulary][value]
        assert zh.strip() and en.strip()
        assert i18n.label(vocabulary, value, "zh") == zh


def test_the_list_separator_is_the_schemas() -> None:
    assert LIST_SEP == schema.LIST_SEP
    assert i18n.COLUMN_HELP["sector"][1] == "required, sector: " + ", ".join(schema.SECTORS)


def test_city_colours_are_distinct_and_cover_every_status() -> None:
    assert len({palette.CITY_COLORS[c] for c in schema.CITY_IDS}) == 4
    assert set(palette.STATUS_COLORS) == set(schema.PROJECT_STATUSES)
    assert i18n.city_label("hohhot;baotou", "zh") == "呼和浩特–包头"


LANG_CODES = {"zh", "en"}


def _language_branches(path: Path) -> list[str]:
    """Every comparison with a language code ('zh'/'en') in a file: `x if lang == "zh" else y`, `if lang != "en":`,
    `lang in ("zh",)` — each is a reader-facing text chosen outside i18n."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Compare):
            continue
        operands = [node.left, *node.comparators]
        constants = [
            c for o in operands for c in ([o] if not isinstance(o, ast.Tuple | ast.List | ast.Set) else o.elts)
        ]
        if any(isinstance(c, ast.Constant) and c.value in LANG_CODES for c in constants):
            found.append(f"{_name(path)}:{node.lineno}: {ast.unparse(node)}")
    return found


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _app_files() -> list[Path]:
    return [ROOT / "app.py", *sorted((ROOT / "app_pages").glob("*.py")), *sorted((ROOT / "hbeu_dash").rglob("*.py"))]


def test_no_inline_language_branch_outside_i18n() -> None:
    found = [hit for path in _app_files() if not path.is_relative_to(I18N) for hit in _language_branches(path)]
    assert not found, "texts chosen by language belong in hbeu_dash/i18n/:\n" + "\n".join(found)


def test_the_language_branch_scan_finds_one(tmp_path: Path) -> None:
    sample = tmp_path / "sample_branch.py"
    sample.write_text('x = "中文" if lang == "zh" else "English"\nif "en" != lang:\n    pass\n', encoding="utf-8")
    assert len(_language_branches(sample)) == 2


def _cjk(text: str) -> int:
    return sum("\u4e00" <= ch <= "\u9fff" for ch in text)


def _message_tables(path: Path) -> list[tuple[str, str]]:
    """The zh/en message tables a file defines, as (name, line): a dict whose values are (Chinese, English) pairs of
    texts, or a {"zh": …, "en": …} dict holding Chinese text (a per-language layout constant holds none)."""

    def is_pair(node: ast.expr) -> bool:
        if not (isinstance(node, ast.Tuple) and len(node.elts) == 2):
            return False
        if not all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
            return False
        zh, en = (e.value for e in node.elts)
        return _cjk(zh) > 0 and not _cjk(en) and re.search("[A-Za-z]", en) is not None

    def chinese_inside(node: ast.expr) -> bool:
        return any(isinstance(n, ast.Constant) and isinstance(n.value, str) and _cjk(n.value) for n in ast.walk(node))

    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            names.update({id(d): ast.unparse(target) for d in ast.walk(node.value) if isinstance(d, ast.Dict)})
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Dict):
            continue
        by_key = {k.value: v for k, v in zip(node.keys, node.values, strict=True) if isinstance(k, ast.Constant)}
        if any(is_pair(v) for v in node.values) or ({"zh", "en"} <= set(by_key) and chinese_inside(by_key["zh"])):
            found.append((names.get(id(node), "<dict>"), node.lineno))
    return found


def test_no_message_table_outside_i18n() -> None:
    # Every module but the catalogue's: the command line's (hbeu_dash/cli/, the `python -m` entry points) included.
    files = [path for path in _app_files() if not path.is_relative_to(I18N)]
    assert {"hbeu_dash/cli/main.py", "hbeu_dash/cli/extract.py", "hbeu_dash/__main__.py"} <= set(map(_name, files))
    found = [
        f"{_name(path)}:{line}: {name}"
        for path in files
        for name, line in _message_tables(path)
        if (_name(path), name) not in NOT_MESSAGES
    ]
    assert not found, "zh/en messages belong in hbeu_dash/i18n/messages/:\n" + "\n".join(found)


def test_the_message_table_scan_finds_both_shapes(tmp_path: Path) -> None:
    sample = tmp_path / "sample_tables.py"
    sample.write_text(
        'NOTES = {"a": ("一", "one"), "b": "x"}\n'
        'TEXTS = {"zh": {"ok": "好"}, "en": {"ok": "fine"}}\n'
        'WIDTH = {"zh": 18, "en": 36}\nFONTS = {"zh": ("Noto Sans CJK",), "en": ("Arial",)}\n'
        'UNITS = {"km": ("公里", "公里")}\n',
        encoding="utf-8",
    )
    assert _message_tables(sample) == [("NOTES", 1), ("TEXTS", 2)]


def test_chinese_leads_each_pair_and_english_has_no_chinese() -> None:
    # Every table holds (zh, en). No English UI text has Chinese (the language picker names 中文 as an option, marked
    # lang="zh-CN" on the page, not in its label); an analyst's message may quote a Chinese example (58.76万), and then
    # its Chinese has more.
    mixed = []
    for domain, table in DOMAINS.items():
        for key, (zh, en) in table.items():
            if _cjk(en) and (domain not in ENGLISH_QUOTES_CHINESE or _cjk(zh) <= _cjk(en)):
                mixed.append(f"{domain}: {key}")
    assert mixed == []


def test_every_string_is_used() -> None:
    # A key is used when code names it as a literal; page titles come from the registry, the '<base>_en' column
    # headers from original_columns(), a data problem's message from its code (Problem(…, "date")), an assistant's
    # note from its key (texts.note("now")), the ends of a range by f"range_{end}". Dead keys go.
    from hbeu_dash.views.registry import PAGES

    definition = re.compile(r'\s+"\w+": \(')  # a table's entry in i18n: a definition, not a use

    def uses(path: Path) -> str:
        text = path.read_text(encoding="utf-8")
        if not path.is_relative_to(I18N):
            return text
        return "\n".join(line for line in text.splitlines() if not definition.match(line))

    code = "\n".join(map(uses, _app_files()))
    dynamic = {p.title_key for p in PAGES} | {"evidence_en", "title_en", "extract_note_range_low"}
    dynamic |= {"extract_note_range_high"}
    prefixes = {"problems": "problem_", "extract": "extract_note_"}

    def used(domain: str, key: str) -> bool:
        short = re.sub(f"^(?:{prefixes[domain]})", "", key) if domain in prefixes else key
        return key in dynamic or f'"{key}"' in code or f'"{short}"' in code

    unused = [f"{d}: {key}" for d, table in DOMAINS.items() for key in table if not used(d, key)]
    assert not unused


# ASCII punctuation a Chinese sentence must not use (，：；（）“”！？ instead). Left as they are: a format field
# {…}, a markdown link's (url), a code span, a URL, a ratio or time (1:5000万), a file name, a command-line flag,
# ids joined by commas as a command line takes them (transport,digital).
ASCII_PUNCTUATION = re.compile(r'[,:;()"!?]')
NOT_PROSE = re.compile(
    r"“[,:;]”|\{[^{}]*\}|\]\([^)]*\)|`[^`]*`|https?://\S+|:material/[a-z_]+:|\d:\d|[A-Za-z_]+\.(?:toml|csv|py)\b|--?[a-z]"
    r"|[a-z_]+(?:,[a-z_]+)+"
)


def _chinese_catalogue() -> list[tuple[str, str]]:
    """Every Chinese message but the domains still pending (ASCII_PUNCTUATION_PENDING): the framework's words too."""
    pending = tuple(f"messages/{d}.py[" for d in ASCII_PUNCTUATION_PENDING)
    found = [(where, zh) for where, zh, _ in _pairs() if not where.startswith(pending)]
    found += [(f"framework.FRAMEWORK_ZH[{en}]", zh) for en, zh in i18n.FRAMEWORK_ZH.items()]
    return found + [(f"framework.FRAMEWORK_ZH_PATTERNS[{en}]", zh) for en, zh in i18n.FRAMEWORK_ZH_PATTERNS]


def test_the_catalogue_is_large_enough_to_mean_something() -> None:
    assert len(_chinese_catalogue()) > 600


def test_chinese_messages_use_full_width_punctuation() -> None:
    ascii_in_chinese = [
        (where, zh) for where, zh in _chinese_catalogue() if ASCII_PUNCTUATION.search(NOT_PROSE.sub("", zh))
    ]
    assert ascii_in_chinese == []


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("数据有效：{counts}", True),
        ("数据有效:{counts}", False),
        ("上一页(←)", False),
        ("见 [原文](https://example.org/a?b=1) 与 {n:,}", True),
        ("比例尺 1:5000万，见 settings.toml", True),
        ('称为"四城通办"', False),
        ("逗号分隔的领域编号，如 transport,digital（默认：全部）", True),
        ("领域,城市", False),
    ],
)
def test_the_punctuation_rule_tells_ascii_from_full_width(text: str, ok: bool) -> None:
    assert (ASCII_PUNCTUATION.search(NOT_PROSE.sub("", text)) is None) is ok


def test_column_picks_go_through_one_helper() -> None:
    assert i18n.col("indicator", "zh") == "indicator_zh" and i18n.col("note", "en") == "note_en"
    assert i18n.original_columns("evidence", "zh") == ("evidence",)
    assert i18n.original_columns("evidence", "en") == ("evidence", "evidence_en")


def test_quote_puts_the_english_rendering_beside_the_original() -> None:
    assert i18n.quote("实现1412项", "1,412 items", "zh") == "“实现1412项”"
    assert i18n.quote("实现1412项", "1,412 items", "en") == "“实现1412项” (1,412 items)"

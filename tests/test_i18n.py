"""Locale formatting and the string table."""

import ast
import re
from pathlib import Path

import pytest

from hbeu_dash import i18n
from hbeu_dash.model import problems, schema
from hbeu_dash.paths import ROOT


@pytest.mark.parametrize(
    ("value", "zh", "en"),
    [
        (587_600, "58.76万", "587,600"),
        (49_000_000, "4900万", "49,000,000"),
        (6_030_000_000, "60.3亿", "6,030,000,000"),
        (40_000, "4万", "40,000"),
        (19_897, "19897", "19,897"),
        (1_234_567, "约123.46万", "1,234,567"),
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
    [("2024-12-07", "2024年12月7日", "7 Dec 2024"), ("2021-10", "2021年10月", "Oct 2021"), ("2025", "2025年", "2025")],
)
def test_format_date(value: str, zh: str, en: str) -> None:
    assert (i18n.format_date(value, "zh"), i18n.format_date(value, "en")) == (zh, en)


def test_every_string_has_both_languages() -> None:
    for key, (zh, en) in i18n.STRINGS.items():
        assert zh.strip() and en.strip(), key
        assert sorted(_fields(zh)) == sorted(_fields(en)), key


def _fields(text: str) -> list[str]:
    import string

    return [f for _, f, _, _ in string.Formatter().parse(text) if f]


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
def test_every_vocabulary_value_has_a_label(vocabulary: str, values: tuple[str, ...]) -> None:
    for value in values:
        zh, en = i18n.VOCABULARIES[vocabulary][value]
        assert zh.strip() and en.strip()
        assert i18n.label(vocabulary, value, "zh") == zh


def test_city_colours_are_distinct_and_cover_every_status() -> None:
    assert len({i18n.CITY_COLORS[c] for c in schema.CITY_IDS}) == 4
    assert set(i18n.STATUS_COLORS) == set(schema.PROJECT_STATUSES)
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
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_no_inline_language_branch_outside_i18n() -> None:
    files = [ROOT / "app.py", *sorted((ROOT / "app_pages").glob("*.py")), *sorted((ROOT / "hbeu_dash").rglob("*.py"))]
    allowed = {ROOT / "hbeu_dash" / "i18n.py"}
    found = [hit for path in files if path not in allowed for hit in _language_branches(path)]
    assert not found, "texts chosen by language belong in hbeu_dash/i18n.py:\n" + "\n".join(found)


def test_the_language_branch_scan_finds_one(tmp_path: Path) -> None:
    sample = ROOT / "tests" / "_sample_branch.py"
    try:
        sample.write_text('x = "中文" if lang == "zh" else "English"\nif "en" != lang:\n    pass\n', encoding="utf-8")
        assert len(_language_branches(sample)) == 2
    finally:
        sample.unlink()


def test_column_picks_go_through_one_helper() -> None:
    assert i18n.col("indicator", "zh") == "indicator_zh" and i18n.col("note", "en") == "note_en"
    assert i18n.original_columns("evidence", "zh") == ("evidence",)
    assert i18n.original_columns("evidence", "en") == ("evidence", "evidence_en")


def test_quote_puts_the_english_rendering_beside_the_original() -> None:
    assert i18n.quote("实现1412项", "1,412 items", "zh") == "“实现1412项”"
    assert i18n.quote("实现1412项", "1,412 items", "en") == "“实现1412项” (1,412 items)"


def _cjk(text: str) -> int:
    return sum("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_problem_messages_and_strings_share_the_zh_en_order() -> None:
    # Both tables hold (zh, en): a problem message's first text is the Chinese one (its English one may quote a
    # Chinese example such as 58.76万); no English UI string has Chinese (the language picker names 中文 as an option,
    # marked lang="zh-CN" on the page, not in its label).
    for code, (zh, en) in problems.MESSAGES.items():
        assert _cjk(zh) > _cjk(en), code
    assert [key for key, (_, en) in i18n.STRINGS.items() if _cjk(en)] == []


def test_every_string_is_used() -> None:
    # A key is used when code names it as a literal; page titles come from the registry and the '<base>_en' column
    # headers from original_columns(). Dead keys go.
    from hbeu_dash.views.registry import PAGES

    files = [ROOT / "app.py", *(ROOT / "app_pages").glob("*.py"), *(ROOT / "hbeu_dash").rglob("*.py")]
    code = "\n".join(p.read_text(encoding="utf-8") for p in files)
    code = "\n".join(line for line in code.splitlines() if not re.match(r'\s+"\w+": \(', line))  # not definitions
    dynamic = {p.title_key for p in PAGES} | {"evidence_en", "title_en"}
    unused = [key for key in i18n.STRINGS if key not in dynamic and f'"{key}"' not in code]
    assert not unused


# ASCII punctuation a Chinese sentence must not use (，：；（）“”！？ instead). Left as they are: a format field
# {…}, a markdown link's (url), a code span, a URL, a ratio or time (1:5000万), a file name, a command-line flag.
ASCII_PUNCTUATION = re.compile(r'[,:;()"!?]')
NOT_PROSE = re.compile(
    r"“[,:;]”|\{[^{}]*\}|\]\([^)]*\)|`[^`]*`|https?://\S+|:material/[a-z_]+:|\d:\d|[A-Za-z_]+\.(?:toml|csv|py)\b|--?[a-z]"
)


def _chinese_catalogue() -> list[tuple[str, str]]:
    """Every Chinese message: the i18n tables' (zh, en) pairs, the data problems' and the command lines'."""
    from hbeu_dash import __main__ as cli
    from hbeu_dash import auth_cli, db_cli
    from hbeu_dash.cluster import __main__ as cluster_cli

    found = []
    for name, table in vars(i18n).items():
        if isinstance(table, dict):
            found += [
                (f"i18n.{name}[{key}]", pair[0])
                for key, pair in table.items()
                if isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(p, str) for p in pair)
            ]
    found += [(f"problems.MESSAGES[{key}]", zh) for key, (zh, _) in problems.MESSAGES.items()]
    found += [(f"problems.LABELS[zh][{key}]", zh) for key, zh in problems.LABELS["zh"].items()]
    for module in (cli, auth_cli, db_cli, cluster_cli):
        found += [(f"{module.__name__}.TEXTS[zh][{key}]", zh) for key, zh in module.TEXTS["zh"].items()]
    return found


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
    ],
)
def test_the_punctuation_rule_tells_ascii_from_full_width(text: str, ok: bool) -> None:
    assert (ASCII_PUNCTUATION.search(NOT_PROSE.sub("", text)) is None) is ok

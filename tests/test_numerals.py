"""Numbers as the sources write them."""

import pytest

from hbeu_dash.model.numerals import NumeralError, parse_chinese_integer, parse_written_number


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("561", 561),
        ("58.76万", 587_600),
        ("4900万", 49_000_000),
        ("4万", 40_000),
        ("60.3亿", 6_030_000_000),
        ("四", 4),
        ("两家", 2),
        ("五批", 5),
        ("第八届", 8),
        ("第十三次", 13),
        ("十", 10),
        ("二十五", 25),
        ("二百三十六", 236),
        ("一千四百一十二", 1412),
        ("二〇二四", 2024),
        ("3年多", 3),
        ("1,412项", 1412),
        ("1，412项", 1412),  # a full-width comma, as Chinese text often has
        ("百分之九十", 90),
        ("一万二千", 12_000),
        ("一千二", 1200),  # spoken short forms
        ("两万五", 25_000),
        ("一百零八", 108),
        ("十万", 100_000),
        ("千亿级", 100_000_000_000),
        ("百万", 1_000_000),
        ("三亿零五百万", 305_000_000),
        ("两万", 20_000),
        ("４万座", 40_000),
        ("２．１％", 2.1),
        ("１６３.７２", 163.72),
    ],
)
def test_parse_written_number(written: str, value: float) -> None:
    assert parse_written_number(written) == value


@pytest.mark.parametrize("written", ["", "项", "约", "第", "万", "百分之", "亿元", "千米"])
def test_parse_written_number_rejects_text_without_a_number(written: str) -> None:
    with pytest.raises(NumeralError):
        parse_written_number(written)


def test_parse_chinese_integer_rejects_other_characters() -> None:
    with pytest.raises(NumeralError):
        parse_chinese_integer("八x")

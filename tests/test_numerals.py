"""Numbers as the sources write them."""

import pytest

from hbeu_dash.numerals import NumeralError, parse_chinese_integer, parse_written_number


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
    ],
)
def test_parse_written_number(written: str, value: float) -> None:
    assert parse_written_number(written) == value


@pytest.mark.parametrize("written", ["", "项", "约", "第", "万"])
def test_parse_written_number_rejects_text_without_a_number(written: str) -> None:
    with pytest.raises(NumeralError):
        parse_written_number(written)


def test_parse_chinese_integer_rejects_other_characters() -> None:
    with pytest.raises(NumeralError):
        parse_chinese_integer("八x")

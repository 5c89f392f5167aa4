"""Units and bounds: minutes ↔ hours, and the words that make a written value more than, about or under its number."""

import pytest

from hbeu_dash.model import units


@pytest.mark.parametrize(
    ("value", "unit", "target", "expected"),
    [
        (40, "minutes", "hours", 40 / 60),
        (134, "minutes", "hours", 134 / 60),
        (2, "hours", "minutes", 120),
        (1, "days", "hours", 24),
        (7, "hours", "hours", 7),
        (126, "km", "km", 126),  # a unit converts to itself, listed or not
    ],
)
def test_convert(value: float, unit: str, target: str, expected: float) -> None:
    assert units.convert(value, unit, target) == pytest.approx(expected)


@pytest.mark.parametrize(("unit", "target"), [("km", "hours"), ("minutes", "km"), ("items", "pairs")])
def test_units_of_different_kinds_do_not_convert(unit: str, target: str) -> None:
    assert not units.convertible(unit, target)
    with pytest.raises(ValueError, match=f"{unit} does not convert to {target}"):
        units.convert(1, unit, target)


# (value_text, evidence, unit_zh, bound): the words of the real figures first (figures.csv ids in the comments)
BOUNDS = [
    ("两", "单程需两个多小时", "小时", units.MORE),  # hb-drive-hours: more than two hours
    ("一個多小時", "旅途時間將由一個多小時縮短至40分鐘左右", "小时", units.MORE),  # people-20170803-rail-hours-before
    ("40分鐘左右", "旅途時間將由一個多小時縮短至40分鐘左右", "分钟", units.ABOUT),  # people-20170803-hsr-minutes
    ("40分钟", "全长126公里,运行时间40分钟", "分钟", units.EXACT),  # ce-20170804-hsr-minutes
    ("2小时14分", "全程运行时间仅需2小时14分", "分钟", units.EXACT),  # the minutes belong to the value, no bound
    ("一", "紧紧围绕打造“一小时铁路经济圈", "小时", units.EXACT),
    ("2", "2小时以上", "小时", units.MORE),
    ("2小时", "超过2小时", "", units.MORE),
    ("40", "约40分钟", "分钟", units.ABOUT),
    ("1", "将近1小时", "小时", units.ABOUT),
    ("2", "不到2小时", "小时", units.LESS),
    ("40", "40余分钟", "分钟", units.MORE),
    ("2", "2小时多", "小时", units.MORE),
    ("30", "30分钟以内", "分钟", units.LESS),
]


@pytest.mark.parametrize(("value_text", "evidence", "unit_zh", "bound"), BOUNDS, ids=[b[1] for b in BOUNDS])
def test_read_bound(value_text: str, evidence: str, unit_zh: str, bound: str) -> None:
    assert units.read_bound(value_text, evidence, unit_zh) == bound

"""The framework's own words in Chinese: plotly's locale in every chart's config, the script's catalogue."""

import json
import re

from hbeu_dash import i18n
from hbeu_dash.graphics import charts
from hbeu_dash.ui import framework_text


def test_a_chinese_chart_carries_plotlys_locale_and_an_english_one_none() -> None:
    zh = charts.png_config("chart", "zh")
    assert zh["locale"] == "zh-CN"
    dictionary = zh["locales"]["zh-CN"]["dictionary"]
    assert dictionary["Zoom in"] == "放大" and dictionary["Reset axes"] == "重置坐标轴"
    assert zh["locales"]["zh-CN"]["format"]["shortMonths"][11] == "12月"
    en = charts.png_config("chart", "en")
    assert "locale" not in en and "locales" not in en
    assert en["toImageButtonOptions"]["filename"] == zh["toImageButtonOptions"]["filename"] == "chart"


def test_every_framework_word_has_a_chinese_rendering_without_english_words() -> None:
    for english, chinese in i18n.FRAMEWORK_ZH.items():
        assert re.search(r"[\u4e00-\u9fff]", chinese), english
        assert not re.search(r"[A-Za-z]{4,}", chinese.replace("CSV", "").replace("PNG", "")), (english, chinese)


def _config(script: str) -> dict:
    return json.loads(re.search(r"const config = (\{.*?\});\n", script).group(1))


def test_the_script_carries_the_page_language_and_the_catalogue() -> None:
    zh, en = _config(framework_text.make_script("zh")), _config(framework_text.make_script("en"))
    assert (zh["lang"], zh["htmlLang"], en["lang"], en["htmlLang"]) == ("zh", "zh-CN", "en", "en")
    assert zh["words"]["Skip to main content"] == "跳到主要内容"
    assert ["^Remove (.+)$", "移除 $1"] in zh["patterns"]
    assert zh["ownNames"] == {"中文": "zh-CN", "English": "en"}


def test_no_catalogue_text_can_close_the_script(monkeypatch) -> None:
    monkeypatch.setitem(i18n.FRAMEWORK_ZH, "</script><script>alert(1)</script>", "坏")
    monkeypatch.setattr(framework_text, "FRAMEWORK_ZH", i18n.FRAMEWORK_ZH)
    script = framework_text.make_script("zh")
    assert script.count("</script>") == 1 and script.endswith("</script>")

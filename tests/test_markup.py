"""Chinese runs inside English text are marked lang="zh" (a screen reader and the fonts switch for them)."""

import pytest

from hbeu_dash.documents.markup import chinese_runs, mixed_html
from hbeu_dash.ui.widgets import mixed_md


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("open-competition (揭榜挂帅)", 'open-competition (<span lang="zh">揭榜挂帅</span>)'),
        ("'8日' (the 8th)", '&#x27;<span lang="zh">8日</span>&#x27; (the 8th)'),
        ("opens '2024年以来' (since)", 'opens &#x27;<span lang="zh">2024年以来</span>&#x27; (since)'),
        ("Daily: “一小时经济圈” (x)", 'Daily: <span lang="zh">“一小时经济圈”</span> (x)'),
        ("全长126公里", "全长126公里"),  # Chinese only: the page's lang says it
        ("Hohhot <b>", "Hohhot &lt;b&gt;"),  # English only: escaped
        ("a<b 预計", 'a&lt;b <span lang="zh">预計</span>'),
    ],
)
def test_mixed_html_marks_each_chinese_run(text: str, expected: str) -> None:
    assert mixed_html(text) == expected


def test_chinese_runs_keep_every_character_in_order() -> None:
    text = "Consortia (揭榜挂帅) since '2024年以来', 40分钟 and more"
    pieces = chinese_runs(text)
    assert "".join(p for p, _ in pieces) == text
    assert [p for p, chinese in pieces if chinese] == ["揭榜挂帅", "2024年以来", "40分钟"]


def test_mixed_md_is_inert_markdown_with_only_the_spans_as_html() -> None:
    assert mixed_md("[link](http://x) & 揭榜挂帅 <script>") == (
        '\\[link\\]\\(http\\://x\\) \\& <span lang="zh">揭榜挂帅</span> \\<script\\>'
    )

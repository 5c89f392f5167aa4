"""Traditional-character articles read as simplified ones (hbeu_dash.intake.extract.script), evidence quoted as written.

The sentences below were written for these tests in the style of a news report, in traditional characters (not
taken from any article). Every expected value was written by hand from the sentence.
"""

import random

import pytest

from hbeu_dash.intake.extract import ArticleMeta, extract_article, script
from hbeu_dash.intake.extract.periods import Published, find_markers
from hbeu_dash.intake.extract.places import find_officials
from hbeu_dash.intake.extract.script import is_traditional, simplified
from hbeu_dash.intake.extract.text import matching_view

# (case id, text, published, expected figures in order, expected events in order). Figures: value and the facts
# the row must have ("quote": a fragment note_zh must quote as written); events: the facts of each event row.
CASES = [
    (
        "launch-full-date-units",
        "2024年6月28日,呼和浩特至烏蘭察布的城際動車正式開通,線路全長約126公裡,每天開行動車組列車12對,"
        "全程運行時間縮短至50分鐘左右。",
        "2024-07-10",
        [
            {"value": 126, "city": "hohhot", "quote": "“約126公裡”:约数"},
            {"value": 12, "city": "hohhot", "evidence": "每天開行動車組列車12對"},
            {"value": 50, "city": "hohhot", "quote": "“50分鐘左右”:约数"},
        ],
        [
            {
                "date": "2024-06-28",
                "date_text": "2024年6月28日",
                "kind": "launch",
                "cities": "hohhot",
                "evidence": "2024年6月28日,呼和浩特至烏蘭察布的城際動車正式開通",
            }
        ],
    ),
    (
        "agreement-month-more-than",
        "2024年3月,包頭市與鄂爾多斯市在包頭簽署同城化發展合作協議,兩市將在交通、產業等領域開展合作事項超過30項。",
        "2024-05-06",
        [{"value": 30, "city": "baotou;ordos", "quote": "“超過30項”:多于30"}],
        [{"date": "2024-03", "date_text": "2024年3月", "kind": "agreement", "cities": "baotou;ordos"}],
    ),
    (
        "meeting-full-date-approx",
        "2024年11月18日,呼包鄂烏一體化發展聯席會議在鄂爾多斯市召開,四市共謀劃重點項目近200個,總投資超過1500億元。",
        "2024-11-20",
        [
            {"value": 200, "city": "region", "quote": "“近200個”:约数"},
            {"value": 150_000_000_000, "city": "region", "quote": "“超過1500億元”:多于"},
        ],
        [
            {
                "date": "2024-11-18",
                "kind": "meeting",
                "cities": "region",
                "title_zh": "呼包鄂烏一體化發展聯席會議在鄂爾多斯市召開",
            }
        ],
    ),
    (
        "meeting-month-only",
        "2023年9月,四市政府在包頭召開政務服務“跨省通辦”推進會議,會上簽署了合作備忘錄。",
        "2023-12-01",
        [],
        [{"date": "2023-09", "date_text": "2023年9月", "kind": "meeting", "cities": "region"}],
    ),
    (
        "official-as-of-anaphor-or-more",
        "鄂爾多斯市能源局局長劉建國表示,截至2024年底,全市新能源裝機規模達到3500萬千瓦,風電裝機超過1800萬千瓦。\n"
        "烏蘭察布市大力發展算力產業。該市已建成數據中心近20個,服務器裝機能力達到150萬台以上。",
        "2025-01-15",
        [
            {
                "value": 35_000_000,
                "city": "ordos",
                "as_of": "2024-12",
                "speaker_zh": "劉建國(鄂爾多斯市能源局局長)",
                "quote": "“截至2024年底”",
            },
            {"value": 18_000_000, "city": "ordos", "speaker_zh": "劉建國(鄂爾多斯市能源局局長)"},
            {"value": 20, "city": "ulanqab", "quote": "“該市”指同段前文", "speaker_zh": ""},
            {"value": 1_500_000, "city": "ulanqab", "quote": "“150萬台以上”:多于"},
        ],
        [],
    ),
    (
        "relative-year-day-range",
        "今年以來,呼和浩特市累計開行至包頭的城際列車1200餘列,發送旅客超過80萬人次。\n"
        "包頭至鄂爾多斯的城際公交線路於5月20號正式開通運營,車程縮短至40至50分鐘。",
        "2024-06-15",
        [
            {"value": 1200, "city": "hohhot", "period": "2024", "quote": "“今年以來”出自"},
            {"value": 800_000, "city": "hohhot", "period": "2024", "quote": "“超過80萬人次”:多于"},
            {"value": 40, "city": "baotou", "quote": "下限"},
            {"value": 50, "city": "baotou", "quote": "上限"},
        ],
        [
            {
                "date": "2024-05-20",
                "date_text": "5月20號",
                "kind": "launch",
                "cities": "baotou",
                "evidence": "包頭至鄂爾多斯的城際公交線路於5月20號正式開通運營",
            }
        ],
    ),
]


def _extract(text: str, published: str):
    return extract_article(text, ArticleMeta(published=published, source_id="trad"), {})


def _check(row: dict, facts: dict) -> None:
    for key, want in facts.items():
        if key == "value":
            assert float(row["value"]) == pytest.approx(want), row
        elif key == "quote":
            assert want in row["note_zh"], row
        else:
            assert row[key] == want, (key, row)


@pytest.mark.parametrize(("text", "published", "figures", "events"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_traditional_article_gives_the_figures_and_events_a_reader_expects(
    text: str, published: str, figures: list[dict], events: list[dict]
) -> None:
    result = _extract(text, published)
    assert [float(v) for v in result.figures["value"]] == [pytest.approx(f["value"]) for f in figures]
    for row, facts in zip(result.figures.to_dict("records"), figures, strict=True):
        _check(row, facts)
    assert len(result.events) == len(events), result.events.to_dict("records")
    for row, facts in zip(result.events.to_dict("records"), events, strict=True):
        _check(row, facts)


@pytest.mark.parametrize(("text", "published"), [c[1:3] for c in CASES], ids=[c[0] for c in CASES])
def test_every_quote_is_verbatim_in_the_traditional_text(text: str, published: str) -> None:
    """Evidence, value_text, titles, dates and speakers are cut from the text as written, never from its
    simplified view: where they hold a character that converts, the simplified text does not contain them."""
    result = _extract(text, published)
    converted = simplified(text)
    quoted = []
    for row in result.figures.to_dict("records"):
        assert row["evidence"] in text
        assert row["value_text"] in row["evidence"]
        assert row["speaker_zh"].split("(")[0] in text
        quoted += [row["evidence"], row["speaker_zh"]]
    for row in result.events.to_dict("records"):
        assert row["evidence"] in text
        assert row["date_text"] in row["evidence"]
        assert row["title_zh"] in row["evidence"].replace(row["date_text"], "", 1)
        quoted += [row["evidence"], row["title_zh"], row["date_text"]]
    assert quoted
    for quote in quoted:
        if simplified(quote) != quote:
            assert quote not in converted
    assert result.text == text


@pytest.mark.parametrize(("text", "published"), [c[1:3] for c in CASES], ids=[c[0] for c in CASES])
def test_traditional_and_simplified_read_alike(text: str, published: str) -> None:
    """The same article in either script: the same candidates, the same facts, the same evidence but for the
    script it is written in."""
    trad, simp = _extract(text, published), _extract(simplified(text), published)
    facts = ["value", "city", "period", "as_of", "indicator_id", "kind"]
    assert trad.figures[facts].to_dict("records") == simp.figures[facts].to_dict("records")
    event_facts = ["date", "kind", "cities"]
    assert trad.events[event_facts].to_dict("records") == simp.events[event_facts].to_dict("records")
    for column in ("evidence", "speaker_zh"):
        assert [simplified(e) for e in trad.figures[column]] == list(simp.figures[column])
    for column in ("evidence", "title_zh", "date_text"):
        assert [simplified(e) for e in trad.events[column]] == list(simp.events[column])


# --- the parts: time words and officials found on the view, quoted as written ---------------------------------


def test_time_words_are_read_on_the_view_and_quoted_as_written() -> None:
    text = "今年以來累計開行1200餘列,當年12月底前完成,5月20號開通。"
    markers = find_markers(matching_view(text), Published.parse("2024-06-15"), text)
    found = [(m.text, m.kind, m.iso, m.tail, m.relative, m.since) for m in markers]
    assert found == [
        ("今年以來", "year", "2024", "以來", "今年以來", True),
        ("當年12月底", "date", "2024-12", "底", "當年底", False),
        ("5月20號", "date", "2024-05-20", "", "", False),
    ]
    for marker in markers:
        assert text[marker.start : marker.end] == marker.text


def test_an_official_is_found_on_the_view_and_quoted_as_written() -> None:
    text = "據悉,烏蘭察布市發展和改革委員會副主任陳曉東說,項目已開工。"
    [(at, speaker)] = find_officials(matching_view(text), text)
    assert (speaker.name, speaker.org, speaker.post, speaker.city) == (
        "陳曉東",
        "烏蘭察布市發展和改革委員會",
        "副主任",
        "ulanqab",
    )
    assert text[at : at + len(speaker.name)] == speaker.name
    assert speaker.label == "陳曉東(烏蘭察布市發展和改革委員會副主任)"


def test_a_speaker_named_again_later_is_found_in_the_view() -> None:
    text = "包頭市交通運輸局局長趙麗華介紹,今年全市新開通公交線路12條。\n“我們還將新建充電站30座。”趙麗華說。"
    figures = _extract(text, "2024-06-15").figures
    assert list(figures["speaker_zh"]) == ["趙麗華(包頭市交通運輸局局長)"] * 2
    assert list(figures["city"]) == ["baotou", "baotou"]


# --- the converter --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("烏蘭察布", "乌兰察布"),
        ("鄂爾多斯、包頭、呼和浩特", "鄂尔多斯、包头、呼和浩特"),
        ("全長126公裡,開行12對", "全长126公里,开行12对"),
        ("開通、發車、簽署、會議、召開", "开通、发车、签署、会议、召开"),
        ("約、近、超過、以上、餘", "约、近、超过、以上、余"),
        ("乾隆年間的頭髮", "乾隆年间的头发"),  # phrases first: 乾隆 stays, 髮 is 发
        ("乌兰察布市召开会议", "乌兰察布市召开会议"),  # simplified stays simplified
        ("", ""),
        ("ASCII only, 12:30.", "ASCII only, 12:30."),
    ],
)
def test_simplified(written: str, read: str) -> None:
    assert simplified(written) == read


def test_matching_view_reads_full_width_as_ascii_and_traditional_as_simplified() -> None:
    assert matching_view("全長１２６公裡，約５０分鐘") == "全长126公里,约50分钟"


# A pool of pieces for random texts: traditional, simplified and ambiguous characters, ASCII, full-width forms,
# CJK punctuation, emoji (with joiners, flags, variation selectors), supplementary-plane and compatibility
# ideographs, combining marks, invisible characters and a lone surrogate (which OpenCC cannot take).
POOL = (
    list("烏蘭察布鄂爾多斯包頭公裡對開通發車簽署會議於號萬億兩餘約超過裝機劉陳趙東華")
    + list("乌兰察布鄂尔多斯包头公里对开通发车签署会议于号万亿两余约超过装机")
    + ["乾隆", "頭髮", "著作", "瞭解", "臺灣", "後面", "皇后", "乾燥", "鬱金香", "計畫", "裏面"]
    + list("abcXYZ0123456789 ,.;:!?%()-/\n\t")
    + list("ＡＢ１２，。：；！？％（）\u3000")
    + list("“”‘’「」『』《》、…—～·")
    + ["😀", "👨\u200d👩\u200d👧", "🇨🇳", "❤️", "👍🏽"]
    + ["\U00020000", "\U0002a6a5", "\U000233b4", "\uf900", "\ufa0e", "\uf9a8"]
    + ["e\u0301", "\u200b", "\ufeff", "\x00", "\ud800"]
)
_HAN = ("\u3400", "\u9fff"), ("\uf900", "\ufaff"), ("\U00020000", "\U0003134f")


def _is_han(ch: str) -> bool:
    return any(lo <= ch <= hi for lo, hi in _HAN)


@pytest.mark.parametrize("seed", range(200))
def test_simplified_keeps_every_character_in_its_place(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice(POOL) for _ in range(rng.randint(0, 60)))
    out = simplified(text)
    assert len(out) == len(text)
    assert all(a == b for a, b in zip(text, out, strict=True) if not _is_han(a))
    assert matching_view(text) == simplified(matching_view(text))  # once is enough
    assert len(matching_view(text)) == len(text)


class _LengthChangingConverter:
    """OpenCC as it would be with a dictionary entry that changes length: 烏蘭察布 → 乌盟."""

    def __init__(self) -> None:
        self.real = script._converter()

    def convert(self, text: str) -> str:
        return self.real.convert(text).replace("乌兰察布", "乌盟")


def test_a_stretch_whose_length_changes_is_converted_character_by_character(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _LengthChangingConverter()
    script._character.cache_clear()
    monkeypatch.setattr(script, "_converter", lambda: fake)
    try:
        text = "呼和浩特至烏蘭察布“開通”動車,乾隆 ok"
        assert simplified(text) == "呼和浩特至乌兰察布“开通”动车,乾隆 ok"  # other stretches keep their phrases
    finally:
        script._character.cache_clear()


@pytest.mark.parametrize(
    ("text", "traditional"),
    [
        ("2024年3月,包頭市與鄂爾多斯市在包頭簽署同城化發展合作協議。", True),
        ("2024年3月,包头市与鄂尔多斯市在包头签署同城化发展合作协议。", False),
        ("包头市与鄂尔多斯市签署同城化发展合作协议,双方将在交通、产业等领域开展合作。" * 5 + "包頭", False),
        ("ASCII only", False),
        ("", False),
    ],
)
def test_is_traditional(text: str, traditional: bool) -> None:
    assert is_traditional(text) is traditional

"""The assistant proposes the new indicator a figure needs (extract.indicators.propose_indicators): on sentences of
our own (news-style, written for these tests, not taken from any article), each figure no existing indicator fits
gets one indicator per distinct unit and name, with its unit in zh/en from the glossary, a sector and measure
guessed from keywords, a note saying it was proposed, and no invented English name; the review keeps only the
proposed indicators an accepted figure cites, following a renamed id (views.entry.used_indicators)."""

import re

import pandas as pd
import pytest

from hbeu_dash.intake.extract import ArticleMeta, extract_article
from hbeu_dash.intake.extract.indicators import propose_indicators
from hbeu_dash.model import schema
from hbeu_dash.model.loaders import read_dataset
from hbeu_dash.paths import DATA_DIR
from hbeu_dash.views.entry import used_indicators

SOURCE = "test-wire-2025-03-06"
HEADLINE = "测试快讯(为自动化测试编写的合成文本,不是真实报道)\n"


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return read_dataset(DATA_DIR).tables


def propose(sentence: str, tables: dict[str, pd.DataFrame]) -> tuple[pd.DataFrame, pd.DataFrame]:
    result = extract_article(HEADLINE + sentence, ArticleMeta("2025-03-06", SOURCE), tables)
    return propose_indicators(result.figures, tables, SOURCE)


# (sentence, value_text, unit_zh, unit_en, sector, measure, words the Chinese name must hold)
CASES = [
    (
        "今年以来,呼和浩特至鄂尔多斯每日开行动车18趟,方便两地群众出行。",
        "18",
        "趟/日",
        "trains per day",
        "transport",
        "daily_frequency",
        "每日开行动车",
    ),
    ("新建城际公路85公里。", "85", "公里", "km", "transport", "length", "城际公路"),
    ("城际列车最高运营时速160公里/小时。", "160", "公里/小时", "km/h", "transport", "speed", "运营时速"),
    ("两地开行通勤班车6对。", "6", "对", "pairs", "transport", "count", "通勤班车"),
    ("呼包两市间最快通勤时间缩短至58分钟。", "58", "分钟", "minutes", "transport", "duration", "通勤时间"),
    (
        "乌兰察布市今年新增帮办代办政务事项27件。",
        "27",
        "件",
        "cases",
        "government_services",
        "count_in_period",
        "政务事项",
    ),
    ("鄂尔多斯市新建科技创新平台12个。", "12", "个", "", "science_innovation", "count", "科技创新平台"),
    ("四市联合设立产业引导基金50亿元。", "50亿", "元", "yuan", "industry_energy", "money", "产业引导基金"),
    (
        "包头市与鄂尔多斯市签署合作协议9份,涵盖交通、能源等领域。",
        "9",
        "份",
        "",
        "cooperation_planning",
        "count",
        "签署合作协议",
    ),
    (
        "呼和浩特市累计引进高层次人才320名。",
        "320",
        "名",
        "people",
        "public_services_talent",
        "count_to_date",
        "高层次人才",
    ),
]


@pytest.mark.parametrize(
    ("sentence", "value_text", "unit_zh", "unit_en", "sector", "measure", "words"), CASES, ids=[c[6] for c in CASES]
)
def test_a_figure_no_indicator_fits_gets_a_proposed_one(
    sentence: str,
    value_text: str,
    unit_zh: str,
    unit_en: str,
    sector: str,
    measure: str,
    words: str,
    tables: dict[str, pd.DataFrame],
) -> None:
    figures, indicators = propose(sentence, tables)
    [figure] = figures[figures["value_text"].str.startswith(value_text)].to_dict("records")
    [indicator] = indicators.to_dict("records")
    assert figure["indicator_id"] == indicator["indicator_id"]
    assert schema.ID_RE.match(indicator["indicator_id"]) and indicator["indicator_id"] not in set(
        tables["indicators"]["indicator_id"]
    )
    assert (indicator["unit_zh"], indicator["unit_en"]) == (unit_zh, unit_en)
    assert (indicator["sector"], indicator["measure"]) == (sector, measure)
    assert words in indicator["name_zh"] and len(indicator["name_zh"]) <= 16
    assert indicator["name_en"] == "", "no invented English name: the analyst writes it"
    assert (
        SOURCE in indicator["note_zh"]
        and "提议" in indicator["note_zh"]
        and figure["figure_id"] in indicator["note_zh"]
    )
    assert "proposed" in indicator["note_en"] and not re.search(r"[\u4e00-\u9fff]", indicator["note_en"])
    assert list(indicators.columns) == schema.INDICATORS.columns


def test_a_percentage_is_a_share_and_a_plain_phrase_gets_its_english(tables: dict[str, pd.DataFrame]) -> None:
    # 同比增长 is a whole name with one honest English; a share measure is used when the schema has one.
    _, indicators = propose("全市高新技术企业数量同比增长15.6%。", tables)
    [indicator] = indicators.to_dict("records")
    assert (indicator["unit_zh"], indicator["unit_en"]) == ("%", "percent")
    assert indicator["measure"] == ("share" if "share" in schema.MEASURES else "count")
    assert indicator["sector"] == "industry_energy"
    _, growth = propose("带动研发投入3亿元,同比增长12%。", tables)
    named = growth.set_index("name_zh")["name_en"].to_dict()
    assert named.get("同比增长") == "Year-on-year growth" and named.get("带动研发投入") == ""


def test_one_indicator_per_unit_and_name_shared_by_the_cities(tables: dict[str, pd.DataFrame]) -> None:
    figures, indicators = propose(
        "呼和浩特市新建科技创新平台10个,包头市新建科技创新平台8个,鄂尔多斯市新建城际公路30公里。", tables
    )
    assert len(indicators) == 2
    platforms = figures.loc[figures["value"].isin(["10", "8"]), "indicator_id"]
    assert (
        platforms.nunique() == 1 and figures.loc[figures["value"] == "30", "indicator_id"].iloc[0] != platforms.iloc[0]
    )
    assert indicators["indicator_id"].is_unique


def test_matched_figures_keep_their_indicator_and_an_existing_name_is_reused(tables: dict[str, pd.DataFrame]) -> None:
    # 236项 of the four-city items matches four_city_service_items (the engine's matching): no proposal for it.
    figures, indicators = propose("“四城通办”事项达到236项。", tables)
    assert figures["indicator_id"].tolist() == ["four_city_service_items"] and indicators.empty
    # A figure the engine left without an indicator, whose proposed name and unit are an existing indicator's.
    existing = tables["indicators"].set_index("indicator_id").loc["plan_tasks"]
    row = {c: "" for c in schema.FIGURES.columns} | {
        "figure_id": "x-1",
        "value": "7",
        "value_text": "7",
        "evidence": f"{existing['name_zh']}7{existing['unit_zh']}",
    }
    figures, indicators = propose_indicators(pd.DataFrame([row]), tables, SOURCE)
    assert figures["indicator_id"].tolist() == ["plan_tasks"] and indicators.empty


def test_no_unit_no_proposal_and_taken_ids_are_not_reused(tables: dict[str, pd.DataFrame]) -> None:
    row = {c: "" for c in schema.FIGURES.columns} | {"figure_id": "x-1", "value": "12", "value_text": "12"}
    bare = pd.DataFrame([row | {"evidence": "编号为12"}])
    figures, indicators = propose_indicators(bare, tables, SOURCE)
    assert figures["indicator_id"].tolist() == [""] and indicators.empty
    taken = tables | {
        "indicators": pd.concat(
            [tables["indicators"], pd.DataFrame([{"indicator_id": "transport_km", "name_zh": "别的", "unit_zh": "x"}])]
        )
    }
    figures, indicators = propose_indicators(pd.DataFrame([row | {"evidence": "新建城际公路12公里"}]), taken, SOURCE)
    assert indicators["indicator_id"].tolist() == ["transport_km_2"]


def test_the_review_keeps_only_cited_proposals_and_follows_a_renamed_id() -> None:
    figure = {"figure_id": "a-1", "indicator_id": "transport_km"}
    other = {"figure_id": "a-2", "indicator_id": "base_stations_5g"}
    proposals = {
        "figures": [(1, figure), (2, other)],
        "indicators": [(1, {"indicator_id": "transport_km"}), (2, {"indicator_id": "transport_pairs"})],
    }
    kept, unused = used_indicators(proposals, {})
    assert [r["indicator_id"] for _, r in kept["indicators"]] == ["transport_km"] and unused == ["transport_pairs"]
    renamed = {
        "figures": proposals["figures"],
        "indicators": [(1, {"indicator_id": "intercity_road_km"}), (2, {"indicator_id": "transport_pairs"})],
    }
    kept, unused = used_indicators(renamed, {"transport_km": "intercity_road_km"})
    assert kept["figures"][0][1]["indicator_id"] == "intercity_road_km" and kept["figures"][1][1] == other
    assert [r["indicator_id"] for _, r in kept["indicators"]] == ["intercity_road_km"] and unused == ["transport_pairs"]


def test_an_id_edited_in_the_grid_is_a_rename_unless_its_row_was_deleted() -> None:
    from hbeu_dash.views.entry import proposed_indicators, renamed_indicators

    proposed = proposed_indicators(
        pd.DataFrame([{"indicator_id": "transport_km"}, {"indicator_id": "transport_pairs"}])
    )
    assert list(proposed.columns) == schema.INDICATORS.columns and proposed.loc[0, "name_en"] == ""
    state = {"edited_rows": {0: {"indicator_id": "intercity_road_km"}, 1: {"name_en": "x"}}, "deleted_rows": []}
    assert renamed_indicators(state, proposed) == {"transport_km": "intercity_road_km"}
    assert renamed_indicators(state | {"deleted_rows": [0]}, proposed) == {}
    assert renamed_indicators(None, proposed) == {} and proposed_indicators(None).empty

"""The cities a passage names, and the officials it quotes (name, title and the city of their office)."""

import re
from dataclasses import dataclass

from hbeu_dash.model.schema import CITY_IDS, LIST_SEP, REGION

# A city by name (呼市 and 首府 are Hohhot); the strongest evidence of what a figure concerns.
CITY_NAMES = (
    ("呼和浩特", "hohhot"),
    ("呼市", "hohhot"),
    ("首府", "hohhot"),
    ("包头", "baotou"),
    ("鄂尔多斯", "ordos"),
    ("乌兰察布", "ulanqab"),
)
# Several cities at once, in the cluster's abbreviations; weaker: 呼包鄂乌 often names the programme, not the place.
CITY_GROUPS = (
    ("呼包鄂乌", CITY_IDS),
    ("四座城市", CITY_IDS),
    ("四个城市", CITY_IDS),
    ("呼包鄂", ("hohhot", "baotou", "ordos")),
    ("四市", CITY_IDS),
    ("四城", CITY_IDS),
    ("四地", CITY_IDS),
    ("呼包", ("hohhot", "baotou")),
    ("包鄂", ("baotou", "ordos")),
    ("呼鄂", ("hohhot", "ordos")),
)
# Words before a city that make it the partner, the destination or the venue of what the sentence's subject does.
PARTNER_BEFORE = ("以及", "联合", "对接", "通达", "与", "同", "和", "及", "向", "至", "到", "在")
# Verbs of two-sided deals: with them, the partner is part of what the figure concerns (呼和浩特与包头签署 …).
BILATERAL = ("签署", "签订", "共建", "携手", "合作", "同城化", "互认", "互办")
_ENUMERATION_GAPS = ("", "、", "市、", "市和", "和", "市及", "及", "市与", "与")
_NAMES = sorted(
    [(n, (c,), True) for n, c in CITY_NAMES] + [(n, c, False) for n, c in CITY_GROUPS], key=lambda x: -len(x[0])
)
_NAME_RE = re.compile("|".join(re.escape(n) for n, _, _ in _NAMES))
_BY_NAME = {n: (c, strong) for n, c, strong in _NAMES}
_TITLES = re.compile(r"《[^《》]{0,80}》")
_SHORT_QUOTE = re.compile(r"“[^“”]{1,12}”|‘[^‘’]{1,12}’")


@dataclass(frozen=True)
class CityMention:
    """A place in a paragraph (offsets into it) and the city ids it stands for."""

    start: int
    end: int
    cities: tuple[str, ...]
    strong: bool  # named alone (包头), not in a group (呼包鄂乌, 四市)
    partner: bool  # after 与 / 联合 / 以及 …: not the subject


def find_cities(view: str) -> list[CityMention]:
    """Every city or group of cities a paragraph names, outside 《titles》 (and groups outside “short names”)."""
    titles = [m.span() for m in _TITLES.finditer(view)]
    names = [m.span() for m in _SHORT_QUOTE.finditer(view)]
    mentions: list[CityMention] = []
    for match in _NAME_RE.finditer(view):
        cities, strong = _BY_NAME[match.group(0)]
        if any(a <= match.start() < b for a, b in titles + ([] if strong else names)):
            continue  # 《呼包鄂乌“十四五”一体化发展规划》, “四城通办”: names, not places
        before = view[max(0, match.start() - 2) : match.start()]
        partner = before.endswith(PARTNER_BEFORE)
        if mentions and view[mentions[-1].end : match.start()] in _ENUMERATION_GAPS:
            partner = partner or mentions[-1].partner  # 与呼和浩特市、包头市、乌兰察布市: all partners
        mentions.append(CityMention(match.start(), match.end(), cities, strong, partner))
    return mentions


def city_list(cities: set[str] | tuple[str, ...]) -> str:
    """City ids as the data writes them: 'region' for all four, else joined by ';' in the usual order."""
    ordered = [c for c in CITY_IDS if c in set(cities)]
    if len(ordered) == len(CITY_IDS):
        return REGION
    return LIST_SEP.join(ordered)


# Officials: the office, the posts (党组书记、主任), the name, then a verb of saying or the colon of a heading.
_ORG_SUFFIX = (
    "委员会|管委会|办公室|研究院|研究所|局|委|厅|办|中心|政府|集团|公司|学院|大学|医院|银行|协会|党委|人大|政协"
)
_POST = (
    r"(?:党组|党委|党工委)?(?:常务)?(?:副|总)?"
    r"(?:书记|局长|主任|市长|部长|督学|秘书长|主席|董事长|总经理|经理|院长|校长|厅长|处长|科长|站长|所长|队长"
    r"|行长|理事长|会长|委员|专员|旗长|区长|县长|盟长)"
)
_SAYS = "介绍|表示|说|谈|指出|认为|强调|坦言|告诉|称|透露|在|:"
_OFFICIAL = re.compile(
    rf"(?P<org>[\u4e00-\u9fff]{{2,30}}?(?:{_ORG_SUFFIX}))(?P<posts>(?:{_POST}、?){{1,3}}?)"
    rf"(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?={_SAYS}|$)"
)
# Where an office's name starts, when the words before it were caught too (据悉呼和浩特市… → 呼和浩特市…).
_PLACES = ("呼和浩特", "包头", "鄂尔多斯", "乌兰察布", "内蒙古", "自治区")


@dataclass(frozen=True)
class Speaker:
    """An official the article quotes: name, office and post, and the city of the office."""

    name: str
    org: str
    post: str
    city: str  # a city id, or "" for a regional or other office

    @property
    def label(self) -> str:
        """As data/figures.csv writes speaker_zh: 石钟琴(包头市发展和改革委员会主任)."""
        return f"{self.name}({self.org}{self.post})"


def find_officials(view: str, text: str | None = None) -> list[tuple[int, Speaker]]:
    """The officials a paragraph introduces with their office and post, and where: found on `view` (the matching
    view), their name, office and post quoted from `text` (the paragraph as written; the view when None)."""
    written = view if text is None else text
    found = []
    for match in _OFFICIAL.finditer(view):
        org = match.group("org")
        cut = min((i for i in (org.find(p) for p in _PLACES) if i > 0), default=0)
        org_start = match.start("org") + cut
        posts = match.group("posts").rstrip("、")
        post_end = match.start("posts") + len(posts)
        post_start = post_end - len(posts.split("、")[-1])
        city = next((c for n, c in CITY_NAMES if n in org[cut:]), "")
        name = written[match.start("name") : match.end("name")]
        speaker = Speaker(name, written[org_start : match.end("org")], written[post_start:post_end], city)
        found.append((match.start("name"), speaker))
    return found


def is_heading(paragraph: str) -> bool:
    """A line that introduces the next paragraphs' speaker: 乌兰察布市科学技术局局长王清:"""
    stripped = paragraph.strip()
    if len(stripped) > 50 or stripped[-1:] not in (":", "："):
        return False
    match = _OFFICIAL.match(stripped)
    return bool(match) and match.end() == len(stripped) - 1

"""The data-entry pages through AppTest with a real login: who may see and reach them (every page × anonymous,
analyst, OIDC listed or not), upload → preview → commit → every page shows it → undo, a stale click after logout,
two sessions committing from the same data version; the source archive: rows whose evidence does not stand in their
own source's archived text are refused naming row and column (nothing written), a text attached in the app is
archived in the same commit as the rows it proves, refused texts say why; the app runs without any archived text.
The browser paths are in tests/e2e/test_entry.py.

The tests' own rows cite test sources added to a copy of data/ (`add_test_sources`): one whose archived text is a
synthetic text written for the tests (it contains the tests' sentences), one that names no text."""

import csv
import hashlib
import io
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from hbeu_dash import auth, paths
from hbeu_dash.model.source_text import text_sha256
from hbeu_dash.paths import ROOT
from hbeu_dash.store import CsvStore
from hbeu_dash.ui import auth as ui_auth
from hbeu_dash.views.registry import PAGES
from tests.conftest import copy_data
from tests.real_data import csv_rows

APP = str(ROOT / "app.py")
PASSWORD = "correct horse battery"
ENTRY_PAGES = [p for p in PAGES if p.analyst_only]
PUBLIC_PAGES = [p for p in PAGES if not p.analyst_only]
OIDC = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "s" * 32,
    "client_id": "hbeu-dash",
    "client_secret": "secret",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}
HEADER = (
    "figure_id,indicator_id,city,value,value_text,period,as_of,source_id,speaker_zh,speaker_en,event_id,"
    "evidence,evidence_en,note_zh,note_en\n"
)
# Two test sources beside the real ones. TEXTED's archived text is SYNTHETIC_TEXT, written for these tests (no
# real outlet says it); UNTEXTED names no text. Their figures are made up: nothing here is a real report.
TEXTED, UNTEXTED = "test-bulletin-2025-02-10", "test-notice-2025-02-12"
SYNTHETIC_TEXT = (
    "测试通报(为自动化测试编写的合成文本,不是真实报道)\n"
    "截至2025年2月,乌兰察布市四城通办事项达345项,可在四市任一政务服务大厅办理。\n"
)
# A second synthetic text, for UNTEXTED: the analyst attaches it in the app.
NOTICE_TEXT = "测试公告(为自动化测试编写的合成文本,不是真实报道)\n鄂尔多斯市已建成5G基站9876座,实现城区全覆盖。\n"
TEST_SOURCES = [
    {
        "source_id": TEXTED,
        "title": "测试通报",
        "title_en": "Test bulletin",
        "outlet_zh": "测试通报",
        "outlet_en": "Test Bulletin",
        "published": "2025-02-10",
        "language": "zh",
        "note_zh": "为测试编写的合成来源。",
        "note_en": "A synthetic source written for the tests.",
        "text_sha256": text_sha256(SYNTHETIC_TEXT),
        "retrieved": "2025-02-11",
    },
    {
        "source_id": UNTEXTED,
        "title": "测试公告",
        "title_en": "Test notice",
        "outlet_zh": "测试公告",
        "outlet_en": "Test Notice",
        "published": "2025-02-12",
        "language": "zh",
        "note_zh": "为测试编写的合成来源,没有存档原文。",
        "note_en": "A synthetic source written for the tests, with no archived text.",
    },
]
# A figure no page shows yet: Ulanqab's four-city service items, as the synthetic bulletin gives them.
NEW_ROW = (
    f"ulanqab-items-test,four_city_service_items,ulanqab,345,345项,,2025-02,{TEXTED},,,,"
    "乌兰察布市四城通办事项达345项,Ulanqab's four-city service items reach 345,,\n"
)
# Rows the proof refuses (each otherwise valid): a sentence no source says, for a real source; a sentence of
# meeting8-interviews cited as 0471tv-2025-02-01's; a sentence of a source with no archived text.
FABRICATED = (
    "baotou-5g-test,base_stations_5g,baotou,12000,1.2万,,2024-12,meeting8-interviews,,,,"
    "包头已建成5G基站1.2万座,Baotou has built 12000 5G base stations,,\n"
)
OTHER_SOURCE = (
    "hohhot-adjusted-test,service_items_adjusted,hohhot,423,423,2024,2024-12,0471tv-2025-02-01,,,,"
    "今年动态调整423项,423 items adjusted dynamically this year,,\n"
)
NO_TEXT = (
    f"ordos-5g-test,base_stations_5g,ordos,9876,9876,,2025-02,{UNTEXTED},,,,"
    "鄂尔多斯市已建成5G基站9876座,Ordos has built 9876 5G base stations,,\n"
)


@pytest.fixture(scope="module")
def stored() -> str:
    return auth.hash_password(PASSWORD)


def add_test_sources(folder: Path) -> Path:
    """Add the test sources to a data folder's sources.csv, and SYNTHETIC_TEXT (TEXTED's text) to its archive."""
    CsvStore(folder).add_texts([SYNTHETIC_TEXT])
    path = folder / "sources.csv"
    header = next(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    out = io.StringIO()
    csv.DictWriter(out, header, restval="", lineterminator="\n").writerows(TEST_SOURCES)
    with open(path, "a", encoding="utf-8", newline="") as fh:
        fh.write(out.getvalue())
    return folder


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app reads and writes a copy of data/ (never the repository's), its archive, and the test sources."""
    folder = add_test_sources(copy_data(tmp_path / "data"))
    monkeypatch.setattr(paths, "DATA_DIR", folder)
    return folder


@pytest.fixture(autouse=True)
def throttle(monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = auth.Throttle(free_per_user=50, free_per_address=50, clock=lambda: 1000.0)
    monkeypatch.setattr(ui_auth, "get_throttle", lambda: fresh)


def digest(folder: Path) -> dict[str, str]:
    """sha256 of every table file (the store's own .hbeu/ folder aside)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.csv"))}


def tree_digest(folder: Path) -> dict[str, str]:
    """sha256 of every file under the folder, the store's .hbeu/ (archive, audit log, history) included."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def open_app(stored: str, lang: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["hbeu"] = {"accounts": {"wang": stored}}
    at.query_params["lang"] = lang
    return at.run()


def log_in(at: AppTest) -> AppTest:
    at.text_input(key="login_name").input("wang")
    at.text_input(key="login_password").input(PASSWORD)
    next(b for b in at.button if (b.key or "").startswith("FormSubmitter:login_form")).click()
    return at.run()


def reachable(at: AppTest, page_path: str) -> bool:
    """Whether the navigation of this session has the page (AppTest refuses to switch to an unregistered one)."""
    try:
        at.switch_page(page_path)
    except ValueError as exc:
        assert "Could not find a navigation page" in str(exc)
        return False
    return True


def shown(at: AppTest) -> str:
    parts = [e.value for e in [*at.title, *at.markdown, *at.caption, *at.info, *at.warning, *at.error, *at.success]]
    tables = [frame.value.to_csv() for frame in at.dataframe]
    return "\n".join(str(p) for p in parts + tables).replace("\\", "")


def upload(at: AppTest, name: str, content: bytes) -> AppTest:
    uploader = next(u for u in at.get("file_uploader") if (u.key or "").startswith("entry_upload_"))
    uploader.upload(name, content, "text/csv")
    return at.run()


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.url_path)
@pytest.mark.parametrize("who", ["anonymous", "analyst"])
def test_permission_matrix(page, who: str, stored: str, data_copy: Path) -> None:
    before = digest(data_copy)
    at = open_app(stored)
    if who == "analyst":
        log_in(at)
    can_reach = reachable(at, page.path)
    assert can_reach == (who == "analyst" or not page.analyst_only), (page.url_path, who)
    if can_reach:
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        uploaders = [u for u in at.get("file_uploader") if (u.key or "").startswith(("entry_upload_", "article_"))]
        assert bool(uploaders) == (page.url_path == "add-data"), "data entry only on the add-data page"
    if who == "anonymous":
        assert not any((b.key or "").endswith("-commit") or b.key == "history_undo" for b in at.button)
    assert digest(data_copy) == before


@pytest.mark.parametrize(("email", "analyst"), [("wang@example.org", True), ("li@example.org", False)])
def test_oidc_permission_follows_the_analyst_list(email: str, analyst: bool) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["auth"] = OIDC
    at.secrets["hbeu"] = {"analyst_emails": ["wang@example.org"]}
    at.user = {"is_logged_in": True, "email": email, "email_verified": True}
    at.run()
    for page in ENTRY_PAGES:
        assert reachable(at, page.path) == analyst, (page.url_path, email)


def test_upload_preview_commit_shows_everywhere_and_undo_restores(stored: str, data_copy: Path) -> None:
    before = digest(data_copy)
    at = log_in(open_app(stored))
    at.switch_page("app_pages/add_data.py").run()
    upload(at, "new.csv", (HEADER + NEW_ROW).encode())
    text = shown(at)
    assert "Preview (data version" in text and "1 new row(s), 0 changed" in text
    assert "ulanqab-items-test" in text
    assert digest(data_copy) == before, "nothing is written by a preview"
    at.button(key="upload-commit").click().run()
    assert not at.exception
    assert any("Committed " in s.value for s in at.success)
    assert not [m.value for m in at.toast], "the analyst's own commit is not told as news ('the data has changed')"
    after = digest(data_copy)
    assert after["figures.csv"] != before["figures.csv"]
    assert (data_copy / "figures.csv").read_text(encoding="utf-8").endswith(NEW_ROW)
    # Every page reads the new version on its next run: the explorer lists the row, the footer the version.
    version = CsvStore(data_copy).data_version()
    at.switch_page("app_pages/explorer.py").run()
    assert f"{len(csv_rows('figures')) + 1} rows" in shown(at) and f"Data version {version}" in shown(at)
    at.switch_page("app_pages/history.py").run()
    assert "wang" in shown(at) and "figures: 1 added, 0 changed, 0 removed" in shown(at)
    at.button(key="history_undo").click().run()
    assert any("Undid " in s.value for s in at.success)
    assert digest(data_copy) == before
    assert [r.action for r in CsvStore(data_copy).history()] == ["undo", "commit"]
    assert at.button(key="history_redo").label.startswith("Redo: undo the latest undo")


def test_problems_name_row_and_column_and_block_the_commit(stored: str, data_copy: Path) -> None:
    before = digest(data_copy)
    at = log_in(open_app(stored, lang="zh"))
    at.switch_page("app_pages/add_data.py").run()
    bad = NEW_ROW.replace(",ulanqab,345,", ",wulan,345,")
    upload(at, "bad.csv", (HEADER + NEW_ROW.replace("ulanqab-items-test", "ok-row") + bad).encode())
    problems = at.dataframe[0].value
    assert problems.iloc[0].tolist()[:4] == ["bad.csv", "3", "city", "wulan"]
    assert "第 3 行" in problems.iloc[0].tolist()[4]
    assert not [b for b in at.button if b.key == "upload-commit"], "no commit button while a problem remains"
    assert digest(data_copy) == before


def test_a_commit_click_after_the_login_ended_writes_nothing(stored: str, data_copy: Path) -> None:
    # The page was drawn for an analyst; then the deployer removed the account. The commit button the browser
    # still shows runs its callback before the page is drawn again: the login is checked there, and it is gone.
    before = digest(data_copy)
    at = log_in(open_app(stored))
    at.switch_page("app_pages/add_data.py").run()
    upload(at, "new.csv", (HEADER + NEW_ROW).encode())
    at.secrets["hbeu"] = {"accounts": {}}
    at.button(key="upload-commit").click().run()
    assert digest(data_copy) == before
    assert CsvStore(data_copy).history() == []
    assert not reachable(at, "app_pages/add_data.py")


def test_logout_drops_the_data_entry_pages(stored: str, data_copy: Path) -> None:
    at = log_in(open_app(stored))
    at.switch_page("app_pages/add_data.py").run()
    upload(at, "new.csv", (HEADER + NEW_ROW).encode())
    at.button(key="logout").click().run()
    assert not any(reachable(at, p.path) for p in ENTRY_PAGES)
    assert CsvStore(data_copy).history() == []


def test_two_analysts_commit_from_the_same_version_one_is_refused(stored: str, data_copy: Path) -> None:
    first, second = (log_in(open_app(stored)) for _ in range(2))
    for at, row in ((first, NEW_ROW), (second, NEW_ROW.replace("ulanqab-items-test", "ulanqab-items-other"))):
        at.switch_page("app_pages/add_data.py").run()
        upload(at, "new.csv", (HEADER + row).encode())
    first.button(key="upload-commit").click().run()
    second.button(key="upload-commit").click().run()
    assert any("Committed " in s.value for s in first.success)
    refused = " ".join(e.value for e in second.error)
    assert "Not committed: the data changed after this preview" in refused
    content = (data_copy / "figures.csv").read_text(encoding="utf-8")
    assert "ulanqab-items-test" in content and "ulanqab-items-other" not in content
    # The refused analyst sees a fresh preview against the new data and can commit it: nothing is lost.
    second.run()
    assert "1 new row(s)" in shown(second)
    second.button(key="upload-commit").click().run()
    assert "ulanqab-items-other" in (data_copy / "figures.csv").read_text(encoding="utf-8")
    assert len(CsvStore(data_copy).history()) == 2


ARTICLE = (
    "本报讯 2025年3月5日,呼包鄂乌四城政务服务协同推进会在包头召开。\n"
    "包头市政务服务局局长张某介绍,截至目前,包头市已累计办理“四城通办”业务12.5万件,“四城通办”事项达到236项。\n"
)
# What the analyst writes in the candidate tables: the English the engine cannot know.
ANALYST_FILLS = {
    "figures": {
        "evidence_en": "Baotou has handled 125,000 'four-city' cases in all",
        "speaker_en": "Zhang (Director, Baotou Government Services Bureau)",
    },
    "events": {"title_en": "Four-city government services meeting held in Baotou", "evidence_en": "On 5 March 2025"},
}


def test_an_analyst_turns_an_article_into_figures_commits_and_undoes(stored: str, data_copy: Path) -> None:
    # The "done when": log in, paste an article, accept its figures, preview with new conflicts, commit,
    # see them on the pages and in the briefing, undo.
    before = digest(data_copy)
    at = log_in(open_app(stored, lang="zh"))
    at.switch_page("app_pages/add_data.py").run()
    at.text_area[0].input(ARTICLE)
    for label, value in {
        "标题（原文）": "四城政务服务协同推进会召开",
        "英文标题": "Four-city government services meeting held",
        "媒体或发布机构（中文）": "测试日报",
        "媒体或发布机构（英文）": "Test Daily",
        "发布日期（YYYY-MM-DD）": "2025-03-06",
    }.items():
        next(w for w in at.text_input if w.label == label).input(value)
    next(b for b in at.button if (b.key or "").startswith("FormSubmitter:entry_article_form")).click().run()
    assert not at.exception, [e.value for e in at.exception]
    held = at.session_state["entry_article"]
    figures = held["figures"]
    assert figures["value_text"].tolist() == ["12.5万", "236"]
    assert figures["value"].astype(float).tolist() == [125_000, 236]
    assert figures["city"].tolist() == ["baotou", "baotou"]
    assert held["source_row"]["source_id"] == "test-daily-2025-03-06"
    # The analyst drops the second figure, writes the English of the first and of the event.
    figures.loc[0, list(ANALYST_FILLS["figures"])] = list(ANALYST_FILLS["figures"].values())
    figures.loc[1, "confidence"] = 0.0  # unticked ("accept" follows the engine's confidence until edited)
    held["events"].loc[0, list(ANALYST_FILLS["events"])] = list(ANALYST_FILLS["events"].values())
    held["events"].loc[0, "title_zh"] = "呼包鄂乌四城政务服务协同推进会在包头召开"
    at.run()
    at.button(key="article_check").click().run()
    assert not at.exception, [e.value for e in at.exception]
    text = shown(at)
    assert not at.error, [e.value for e in at.error]
    assert "新增 3 行" in text, text[-2000:]  # the source, one figure, one event
    # The article is the new source's text: archived in the same commit, and said so before the commit.
    sha = text_sha256(ARTICLE)
    assert "这篇文章就是来源 test-daily-2025-03-06 的原文" in text and "本次提交将存档以下来源原文" in text
    assert sha[:12] in text and "新存档" in text
    assert digest(data_copy) == before
    assert CsvStore(data_copy).source_text(sha) is None, "a preview archives nothing"
    at.button(key="article-commit").click().run()
    assert any("已提交" in s.value for s in at.success)
    assert CsvStore(data_copy).history()[0].texts == [sha], "the audit line names the archived text"
    assert CsvStore(data_copy).source_text(sha) == ARTICLE
    sources_csv = (data_copy / "sources.csv").read_text(encoding="utf-8")
    assert (
        "test-daily-2025-03-06,四城政务服务协同推进会召开" in sources_csv and f",{sha},{date.today()}," in sources_csv
    )
    figures_csv = (data_copy / "figures.csv").read_text(encoding="utf-8")
    assert "test-daily-2025-03-06-1" in figures_csv and "包头市已累计办理“四城通办”业务12.5万件" in figures_csv
    assert "test-daily-2025-03-06" in (data_copy / "sources.csv").read_text(encoding="utf-8")

    at.switch_page("app_pages/explorer.py").run()
    assert f"共 {len(csv_rows('figures')) + 1} 行" in shown(at)  # data/'s figures and the one accepted
    at.switch_page("app_pages/services.py").run()
    assert "12.5万" in shown(at) or "125000" in shown(at)

    from hbeu_dash.documents.briefing.build import build_briefing_files, load_scope
    from hbeu_dash.views.filters import Filters

    briefing = build_briefing_files(load_scope(data_copy, Filters(lang="zh")), pdf=False)
    assert "包头市已累计办理“四城通办”业务12.5万件" in briefing.html.decode("utf-8")

    at.switch_page("app_pages/history.py").run()
    at.button(key="history_undo").click().run()
    assert digest(data_copy) == before


def test_html_in_committed_text_is_shown_as_text_on_every_page(stored: str, data_copy: Path) -> None:
    hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>"
    row = NEW_ROW.removesuffix(",,\n") + f",备注{hostile},note {hostile}\n"
    at = log_in(open_app(stored))
    at.switch_page("app_pages/add_data.py").run()
    upload(at, "html.csv", (HEADER + row).encode())
    at.button(key="upload-commit").click().run()
    assert hostile in (data_copy / "figures.csv").read_text(encoding="utf-8"), "stored as written"
    for page in PUBLIC_PAGES:
        at.switch_page(page.path).run()
        assert not at.exception, (page.url_path, [e.value for e in at.exception])
        for element in at.markdown:
            assert "<script>" not in element.value and "<img" not in element.value, page.url_path
        for element in at.html:
            assert "<script>alert" not in element.proto.body and "<img src=x" not in element.proto.body
    at.switch_page("app_pages/explorer.py").run()
    assert any(hostile in frame.value.to_csv() for frame in at.dataframe), "shown as text in the explorer's table"


# --- the source archive: every row proven against its own source's text ---------------------------------------

REFUSED = {
    # case: (row, its message in zh, in en)
    "fabricated": (
        FABRICATED,
        "未逐字出现在来源 meeting8-interviews 的存档原文中",
        "does not stand word for word in the archived text of source meeting8-interviews",
    ),
    "other source": (
        OTHER_SOURCE,
        "未出现在来源 0471tv-2025-02-01 的存档原文中，却出现在 meeting8-interviews 的原文中",
        "does not stand in the archived text of source 0471tv-2025-02-01, but in that of meeting8-interviews",
    ),
    "no text": (
        NO_TEXT,
        f"来源 {UNTEXTED} 没有存档原文；请先附上来源原文",
        f"source {UNTEXTED} has no archived text; attach the source text first",
    ),
}


def frame_with(at: AppTest, column: str):
    """The first table on the page that has this column (AppTest does not expose st.dataframe's key)."""
    return next(f.value for f in at.dataframe if column in f.value.columns)


def texts_missing(at: AppTest):
    """The quality page's table of sources without an archived text (citation, why, source id), its source id column
    named "source_id" whatever its label (来源编号 / Source ID)."""
    return next(
        f.value.rename(columns={"来源编号": "source_id", "Source ID": "source_id"})
        for f in at.dataframe
        if len(f.value.columns) == 3 and {"来源编号", "Source ID"} & set(f.value.columns)
    )


def problem_rows(at: AppTest) -> list[list[str]]:
    """The problems table on the page, as lists of cells (file, row, column, value, message)."""
    frame = next(f.value for f in at.dataframe if {"Problem", "问题"} & set(f.value.columns))
    return [list(map(str, row)) for row in frame.itertuples(index=False)]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("case", list(REFUSED))
def test_a_row_not_proven_by_its_own_source_text_is_refused_naming_row_and_column(
    case: str, lang: str, stored: str, data_copy: Path
) -> None:
    row, zh, en = REFUSED[case]
    before = tree_digest(data_copy)
    at = log_in(open_app(stored, lang=lang))
    at.switch_page("app_pages/add_data.py").run()
    upload(at, "rows.csv", (HEADER + NEW_ROW + row).encode())  # a good row first: the bad one is Excel row 3
    assert not at.exception, [e.value for e in at.exception]
    problems = problem_rows(at)
    assert [p[:3] for p in problems] == [["rows.csv", "3", "evidence"]], problems
    assert (zh if lang == "zh" else en) in problems[0][4]
    assert ("第 3 行“evidence”列" if lang == "zh" else "rows.csv, row 3, column evidence") in problems[0][4]
    assert not [b for b in at.button if b.key == "upload-commit"], "no commit button while a problem remains"
    assert tree_digest(data_copy) == before, "nothing is written: the data folder is byte-identical"


def attach(
    at: AppTest,
    source: str,
    text: str = "",
    file: tuple[str, bytes, str] | None = None,
    retrieved: date | None = None,
    where: str = "",
) -> AppTest:
    """Attach a source text in the upload tab's form: the source, the pasted text or a file, when and where."""
    round_ = at.session_state["entry_text_round"] if "entry_text_round" in at.session_state else 0
    at.selectbox(key=f"entry_text_source_{round_}").set_value(source)
    if text:
        at.text_area(key=f"entry_text_paste_{round_}").input(text)
    if file is not None:
        at.file_uploader(key=f"entry_text_file_{round_}").upload(*file)
    if retrieved is not None:
        at.date_input(key=f"entry_text_retrieved_{round_}").set_value(retrieved)
    if where:
        at.text_input(key=f"entry_text_from_{round_}").input(where)
    next(b for b in at.button if (b.key or "").startswith("FormSubmitter:entry_text_form")).click()
    return at.run()


def test_attaching_the_source_text_then_committing_a_row_proven_against_it(stored: str, data_copy: Path) -> None:
    before = digest(data_copy)
    at = log_in(open_app(stored))
    at.switch_page("app_pages/add_data.py").run()
    upload(at, "ordos.csv", (HEADER + NO_TEXT).encode())
    assert "attach the source text first" in problem_rows(at)[0][4]
    # The analyst attaches the notice's text (a reprint's address given) and sees what was read before the preview.
    sha = text_sha256(NOTICE_TEXT)
    attach(at, UNTEXTED, text=NOTICE_TEXT, retrieved=date(2025, 2, 13), where="https://reprint.example/notice")
    assert not at.exception, [e.value for e in at.exception]
    text = shown(at)
    chars = len(NOTICE_TEXT)
    where = "https://reprint.example/notice"
    summary = f"{UNTEXTED}: {chars} characters, sha256 {sha[:12]}…, read on 2025-02-13 at {where}"
    assert summary in text, text[-3000:]
    assert "From: pasted text" in text and next(c.value for c in at.code) == NOTICE_TEXT.strip()
    assert at.text_area(key="entry_text_paste_1").value == "", "the form starts empty for the next text"
    # The preview: the new row, the source's text columns (old → new), and the text the commit archives.
    assert "1 new row(s), 1 changed" in text
    texts = frame_with(at, "Fingerprint (SHA-256)")
    assert texts.iloc[0].tolist() == [
        UNTEXTED,
        sha[:12] + "…",
        str(chars),
        "测试公告(为自动化测试编写的合成文本,不是真实报道)",
        "archived now",
    ]
    assert digest(data_copy) == before and CsvStore(data_copy).source_text(sha) is None, "a preview writes nothing"
    at.button(key="upload-commit").click().run()
    assert any("Committed " in s.value for s in at.success), [e.value for e in at.error]
    assert any(f"The same commit archived 1 source text(s): {sha[:12]}." in s.value for s in at.success)
    record = CsvStore(data_copy).history()[0]
    assert record.texts == [sha] and set(record.tables) == {"figures", "sources"}
    assert CsvStore(data_copy).source_text(sha) == NOTICE_TEXT
    sources_csv = (data_copy / "sources.csv").read_text(encoding="utf-8")
    assert f"{UNTEXTED}," in sources_csv and f",{sha},2025-02-13,https://reprint.example/notice\n" in sources_csv
    assert (data_copy / "figures.csv").read_text(encoding="utf-8").endswith(NO_TEXT)
    assert "entry_texts" not in at.session_state, "the attached text went with the commit"
    # The change history says the commit archived the text, and which source names it.
    at.switch_page("app_pages/history.py").run()
    history = frame_with(at, "Source texts")
    assert history.iloc[0]["Source texts"] == f"{sha[:12]} ({UNTEXTED})"
    at.button(key="history_undo").click().run()
    assert digest(data_copy) == before


def test_a_text_attached_to_a_source_of_the_uploaded_sources_table(stored: str, data_copy: Path) -> None:
    new_source = "test-gazette-2025-02-20,测试公报,Test gazette,测试公报,Test Gazette,2025-02-20,,zh,,,,,\n"
    header = (data_copy / "sources.csv").read_text(encoding="utf-8").splitlines()[0] + "\n"
    at = log_in(open_app(stored, lang="zh"))
    at.switch_page("app_pages/add_data.py").run()
    at.selectbox(key="entry_upload_table").set_value("sources").run()
    upload(at, "sources.csv", (header + new_source).encode())
    options = at.selectbox(key="entry_text_source_0").options
    assert options[0] == "test-gazette-2025-02-20（上传的来源表中）" and f"{UNTEXTED}（没有存档原文）" in options
    assert "meeting8-interviews（已有存档原文）" in options
    attach(at, "test-gazette-2025-02-20", file=("gazette.txt", NOTICE_TEXT.encode("gb18030"), "text/plain"))
    assert "来自：gazette.txt" in shown(at)
    assert "新增 1 行，修改 0 行" in shown(at)
    at.button(key="upload-commit").click().run()
    assert CsvStore(data_copy).history()[0].texts == [text_sha256(NOTICE_TEXT)]
    row = "test-gazette-2025-02-20,测试公报,Test gazette,测试公报,Test Gazette,2025-02-20,,zh,,,"
    row += f"{text_sha256(NOTICE_TEXT)},"
    assert row in (data_copy / "sources.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("how", "lang", "message"),
    [
        ("paste", "zh", "粘贴的原文：原文为空"),
        ("paste", "en", "pasted text: the text is empty"),
        ("binary", "zh", "junk.txt：“不是文字（含有 NUL 或控制字符、无法解码的字节）"),
        ("binary", "en", "junk.txt: is not text (it holds NUL or control characters, or undecodable bytes)"),
        ("short", "en", "pasted text: the text is too short"),
        ("pdf", "en", "scan.pdf: no text could be read from this PDF"),
    ],
)
def test_a_refused_text_says_why_and_attaches_nothing(
    how: str, lang: str, message: str, stored: str, data_copy: Path
) -> None:
    before = tree_digest(data_copy)
    at = log_in(open_app(stored, lang=lang))
    at.switch_page("app_pages/add_data.py").run()
    if how == "paste":
        attach(at, UNTEXTED, text=" \n\t ")
    elif how == "short":
        attach(at, UNTEXTED, text="鄂尔多斯市已建成5G基站")
    elif how == "binary":
        attach(at, UNTEXTED, file=("junk.txt", b"\x00\x01\x02junk\x00" * 50, "text/plain"))
    else:
        attach(at, UNTEXTED, file=("scan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\nnot really a pdf\n", "application/pdf"))
    assert not at.exception, [e.value for e in at.exception]
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and errors[0].replace("\\", "").startswith(message.replace("“", "")), errors
    assert "entry_texts" not in at.session_state or not at.session_state["entry_texts"]
    assert not [b for b in at.button if b.key == "upload-commit"]
    assert tree_digest(data_copy) == before


def fill_article_form(at: AppTest, fields: dict[str, str]) -> AppTest:
    for name, value in fields.items():
        next(w for w in at.text_input if w.label == name).input(value)
    next(b for b in at.button if (b.key or "").startswith("FormSubmitter:entry_article_form")).click()
    return at.run()


def test_editing_evidence_in_the_review_grid_rechecks_at_once(stored: str, data_copy: Path) -> None:
    before = tree_digest(data_copy)
    at = log_in(open_app(stored))
    at.switch_page("app_pages/add_data.py").run()
    at.text_area[0].input(ARTICLE)
    at = fill_article_form(
        at,
        {
            "Title (as published)": "四城政务服务协同推进会召开",
            "Title in English": "Four-city government services meeting held",
            "Outlet or publisher (Chinese)": "测试日报",
            "Outlet or publisher (English)": "Test Daily",
            "Published (YYYY-MM-DD)": "2025-03-06",
        },
    )
    held = at.session_state["entry_article"]
    held["figures"].loc[0, list(ANALYST_FILLS["figures"])] = list(ANALYST_FILLS["figures"].values())
    held["figures"].loc[1, "confidence"] = 0.0
    held["events"].loc[0, "confidence"] = 0.0
    at.run()
    at.button(key="article_check").click().run()
    assert [b for b in at.button if b.key == "article-commit"], [e.value for e in at.error]
    # The analyst edits the evidence to words the article does not have: refused at once, no button pressed.
    held["figures"].loc[0, "evidence"] = "包头市已累计办理业务12.5万件"  # the number kept, not the words
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    problems = problem_rows(at)
    assert [p[:3] for p in problems] == [["Candidate figures", "1", "evidence"]], problems
    assert "does not stand word for word in the archived text of source test-daily-2025-03-06" in problems[0][4]
    assert not [b for b in at.button if b.key == "article-commit"]
    # Put back: checked again at once, and committable.
    held["figures"].loc[0, "evidence"] = "包头市已累计办理“四城通办”业务12.5万件"
    at.run()
    assert [b for b in at.button if b.key == "article-commit"], [e.value for e in at.error]
    assert tree_digest(data_copy) == before


MEETING_PARAGRAPH = "以首府为例,通办事项已达561项,今年动态调整423项,今年办理其他三地通办事项达58.76万件。"


@pytest.mark.parametrize("pasted", ["as archived", "altered"])
def test_an_article_of_a_source_with_an_archived_text_is_proven_against_that_text(
    pasted: str, stored: str, data_copy: Path
) -> None:
    # The analyst pastes a paragraph of meeting8-interviews (whose text is archived): the candidates are proven
    # against the archived text, not against the paste, and the paste is not archived. An altered paste is refused.
    article = MEETING_PARAGRAPH if pasted == "as archived" else MEETING_PARAGRAPH.replace("423", "432")
    before = tree_digest(data_copy)
    at = log_in(open_app(stored))
    at.switch_page("app_pages/add_data.py").run()
    at.text_area[0].input(article)
    at.selectbox[0].set_value("meeting8-interviews")
    at = fill_article_form(at, {})
    held = at.session_state["entry_article"]
    assert (
        held["attach"] is None
        and held["archived"] == "1cf05ff4a1d37dd937bebf32c30c658778d11ea352ab57388cde1124dcf8c8b3"
    )
    assert "Source meeting8-interviews already has an archived text (sha256 1cf05ff4a1d3…)" in shown(at)
    figures = held["figures"]
    keep = figures.index[figures["value_text"].isin(["432", "423"])][0]
    figures["confidence"] = 0.0
    figures.loc[keep, ["confidence", "evidence_en", "speaker_en"]] = [1.0, "423 items adjusted this year", ""]
    held["events"]["confidence"] = 0.0
    at.run()
    at.button(key="article_check").click().run()
    assert not at.exception, [e.value for e in at.exception]
    if pasted == "as archived":
        assert [b for b in at.button if b.key == "article-commit"], problem_rows(at)
        assert "This commit archives" not in shown(at)
    else:
        problems = problem_rows(at)
        assert [p[1:3] for p in problems if "archived text" in p[4]] == [[str(keep + 1), "evidence"]], problems
    assert tree_digest(data_copy) == before


def test_an_article_for_a_source_without_a_text_becomes_its_text(stored: str, data_copy: Path) -> None:
    at = log_in(open_app(stored, lang="zh"))
    at.switch_page("app_pages/add_data.py").run()
    at.text_area[0].input(NOTICE_TEXT)
    at.selectbox[0].set_value(UNTEXTED)
    at = fill_article_form(at, {"读取网址（与上面的网址不同时填写，如转载页；可留空）": "https://reprint.example/n"})
    held = at.session_state["entry_article"]
    assert held["attach"].source_id == UNTEXTED and held["attach"].retrieved_from == "https://reprint.example/n"
    figures = held["figures"]
    assert figures["value_text"].tolist() == ["9876"]
    figures.loc[0, ["evidence_en", "indicator_id"]] = ["Ordos has built 9876 5G base stations", "base_stations_5g"]
    held["events"]["confidence"] = 0.0
    at.run()
    at.button(key="article_check").click().run()
    assert not at.error, [e.value for e in at.error]
    assert "新增 1 行，修改 1 行" in shown(at), shown(at)[-2000:]  # the figure; the source's text columns
    at.button(key="article-commit").click().run()
    sha = text_sha256(NOTICE_TEXT)
    assert CsvStore(data_copy).history()[0].texts == [sha]
    assert f",{sha},{date.today()},https://reprint.example/n\n" in (data_copy / "sources.csv").read_text(
        encoding="utf-8"
    )


def test_the_app_runs_without_any_archived_text_and_the_quality_page_says_which_sources_have_none(
    stored: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    copy_data(folder)
    for text in CsvStore(folder).texts_dir.glob("*.txt"):
        text.unlink()
    monkeypatch.setattr(paths, "DATA_DIR", folder)
    at = log_in(open_app(stored))
    for page in PAGES:
        at.switch_page(page.path).run()
        assert not at.exception, (page.url_path, [e.value for e in at.exception])
    at.switch_page("app_pages/quality.py").run()
    text = shown(at)
    sources = [r["source_id"] for r in csv_rows("sources")]
    assert f"0 of {len(sources)} sources have an archived text." in text
    missing = texts_missing(at)
    assert missing["source_id"].tolist() == sources  # every source, in the order of sources.csv
    assert set(missing["Archived text"]) == {"✗ its text is not in the archive"}
    # Rows already in the data still show; a new row citing them is refused until the text comes back.
    at.switch_page("app_pages/add_data.py").run()
    upload(at, "rows.csv", (HEADER + OTHER_SOURCE).encode())
    assert "is not in the archive; attach it again" in problem_rows(at)[0][4]


def test_the_quality_page_names_the_source_without_a_text(stored: str, data_copy: Path) -> None:
    at = open_app(stored, lang="zh")
    at.switch_page("app_pages/quality.py").run()
    assert not at.exception
    real = len(csv_rows("sources"))  # each has its archived text; of the test sources only TEXTED has one
    assert f"{real + 1} / {real + 2} 个来源有存档原文。" in shown(at)
    missing = texts_missing(at)
    assert missing["source_id"].tolist() == [UNTEXTED]
    assert missing["存档原文"].tolist() == ["✗ 没有指定原文"] and missing["引用"].tolist() == ["测试公告 · 2025-02-12"]

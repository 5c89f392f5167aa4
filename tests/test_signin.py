"""The analysts' sign-in, findable (issue 19), through AppTest: the sidebar's entry near its top in both languages;
a data-entry page's URL answered by its sign-in for a reader, then by the page itself once the analyst signs in (its
parameters kept); a viewer's plain notice; logout back to a reader's page. The browser half, with real URLs, is in
tests/e2e/test_login.py."""

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash

from hbeu_dash import auth, paths
from hbeu_dash.paths import ROOT
from hbeu_dash.ui import auth as ui_auth
from hbeu_dash.views.registry import PAGES
from tests.test_auth_ui import OIDC, PASSWORD, log_in, open_app, sidebar_text

ENTRY_PAGES = [p for p in PAGES if p.analyst_only]
TITLES = {"add-data": {"zh": "添加数据", "en": "Add data"}, "history": {"zh": "修改记录", "en": "Change history"}}
ASKED = {
    "zh": "你要打开的“{page}”页面仅供分析员使用，请先登录。",
    "en": "The page you asked for, “{page}”, is for analysts: sign in to open it.",
}


@pytest.fixture(scope="module")
def stored() -> str:
    return auth.hash_password(PASSWORD)


@pytest.fixture(autouse=True)
def throttle(monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = auth.Throttle(free_per_user=3, free_per_address=50, base=30, clock=lambda: 1000.0)
    monkeypatch.setattr(ui_auth, "get_throttle", lambda: fresh)


@pytest.fixture
def data_copy(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app reads a copy of data/ without its audit log: the change history is empty whatever data/ holds."""
    monkeypatch.setattr(paths, "DATA_DIR", data_dir)
    return data_dir


def accounts(stored: str) -> dict:
    return {"accounts": {"wang": stored}, "viewer_accounts": {"room": stored}}


def open_url(at: AppTest, url_path: str) -> AppTest:
    """What a browser's /<url_path> asks for. AppTest.switch_page takes a registered script's path only, and for a
    reader a data-entry URL is answered by a stand-in without a script: ask for the url_path's hash, as st.Page
    computes it (a real session sends the same)."""
    at._page_hash = calc_hash(url_path)
    return at.run()


def open_link(url_path: str, hbeu: dict, params: dict[str, str], **secrets: dict) -> AppTest:
    """A new session opened by a link: /<url_path>?<params>."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.secrets["hbeu"] = hbeu
    for section, value in secrets.items():
        at.secrets[section] = value
    for key, value in params.items():
        at.query_params[key] = value
    return open_url(at, url_path)


def uploaders(at: AppTest) -> list:
    return [u for u in at.get("file_uploader") if (u.key or "").startswith(("entry_upload_", "article_"))]


def main_text(at: AppTest) -> list[str]:
    return [re.sub(r"\\(.)", r"\1", e.value) for e in [*at.main.info, *at.main.warning, *at.main.error]]


@pytest.mark.parametrize(("lang", "label"), [("zh", "分析员登录"), ("en", "Analyst sign-in")])
def test_the_sidebar_entry_is_near_the_top_in_both_languages(stored: str, lang: str, label: str) -> None:
    at = open_app(accounts(stored), lang=lang)
    kinds = [(type(n).__name__, getattr(n, "label", None)) for n in at.sidebar.children.values()]
    assert kinds[1] == ("Expander", label), "right under the language, above the filters and the downloads"
    assert at.sidebar.expander[0].text_input(key="login_name"), "the password form is in it"


def test_with_oidc_the_entry_holds_the_providers_button(stored: str) -> None:
    at = open_app({"provider_name": "统一身份认证"}, lang="zh", auth=OIDC)
    assert [e.label for e in at.sidebar.expander] == ["分析员登录"]
    assert [b.label for b in at.sidebar.expander[0].button] == ["通过 统一身份认证 登录"]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("spec", ENTRY_PAGES, ids=lambda p: p.url_path)
def test_a_data_entry_url_asks_a_reader_to_sign_in_then_opens_with_its_parameters(
    stored: str, data_copy: Path, spec, lang: str
) -> None:
    at = open_link(spec.url_path, accounts(stored), {"lang": lang, "city": "ordos", "sector": "transport"})
    assert not at.exception
    page = TITLES[spec.url_path][lang]
    assert [t.value for t in at.title] == [page]
    assert main_text(at) == [ASKED[lang].format(page=page)]
    assert at.main.text_input(key="login_name") and not at.sidebar.expander, "one form, on the page"
    assert not uploaders(at) and not at.dataframe, "nothing of the page itself"
    log_in(at, "wang", PASSWORD)
    assert not at.exception
    assert [t.value for t in at.title] == [page] and ASKED[lang].format(page=page) not in main_text(at)
    assert bool(uploaders(at)) == (spec.url_path == "add-data"), "the page itself now"
    if spec.url_path == "history":
        assert main_text(at) == [{"zh": "还没有任何提交。", "en": "Nothing has been committed yet."}[lang]]
    assert at.query_params["city"] == "ordos" and at.query_params["sector"] == "transport", "its parameters kept"
    assert at.query_params.get("lang", "zh") == lang, "(Chinese, the default, is left out of the URL)"


def test_a_wrong_password_on_the_page_stays_there(stored: str) -> None:
    at = open_url(open_app(accounts(stored)), "add-data")
    log_in(at, "wang", "not the password")
    assert [e.value for e in at.main.error] == ["Wrong user name or password."]
    assert [t.value for t in at.title] == ["Add data"] and not uploaders(at)


@pytest.mark.parametrize("spec", ENTRY_PAGES, ids=lambda p: p.url_path)
def test_a_viewer_is_told_the_page_is_for_analysts_without_a_form(stored: str, spec) -> None:
    at = log_in(open_app(accounts(stored), lang="zh"), "room", PASSWORD)
    assert "已登录：room（仅查看）" in sidebar_text(at)
    open_url(at, spec.url_path)
    assert not at.exception
    page = TITLES[spec.url_path]["zh"]
    assert [t.value for t in at.title] == [page]
    assert main_text(at) == [f"“{page}”页面仅供分析员使用。当前账号（room）只能查看。"]
    assert not at.text_input and not uploaders(at), "no sign-in loop, nothing of the page"
    assert [link.label for link in at.main.get("page_link")] == ["返回总览"]


def test_with_oidc_the_page_offers_the_providers_button() -> None:
    at = open_url(open_app({"provider_name": "Mock SSO"}, auth=OIDC), "history")
    assert main_text(at) == [ASKED["en"].format(page="Change history")]
    assert [b.label for b in at.main.button] == ["Log in with Mock SSO"] and not at.text_input
    assert "come back to “Overview”" in at.main.caption[0].value


def test_without_any_account_the_page_says_so() -> None:
    at = open_url(open_app({}), "add-data")
    assert main_text(at) == ["“Add data” is for analysts, and this dashboard has no analyst sign-in."]
    assert not at.text_input and not at.sidebar.expander


def test_logout_on_a_data_entry_page_returns_to_the_overview_with_the_view(stored: str) -> None:
    at = log_in(open_link("add-data", accounts(stored), {"lang": "en", "city": "ordos"}), "wang", PASSWORD)
    assert uploaders(at)
    at.sidebar.button(key="logout").click().run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Hohhot–Baotou–Ordos–Ulanqab Integration Dashboard"]
    assert at.query_params["city"] == "ordos" and at.query_params["lang"] == "en"
    assert [e.label for e in at.sidebar.expander] == ["Analyst sign-in"] and not uploaders(at)

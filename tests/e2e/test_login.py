"""Logins in headless Chromium against real servers on 127.0.0.1: OIDC through a local provider (oidc-provider-mock:
its authorize form, the callback, the identity cookie, the provider's end-session page) and the password form, in
the sidebar's "Analyst sign-in" entry, on a data-entry page's own URL (then back there, its parameters kept) and on a
dashboard closed to anonymous readers. Each test starts its own app with its own secrets."""

import contextlib
import os
import secrets
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from hbeu_dash import auth
from hbeu_dash.i18n import t
from hbeu_dash.views.registry import PAGES
from tests.conftest import copy_data
from tests.e2e.conftest import (
    ARTIFACTS,
    _free_port,
    keep_on_loopback,
    oidc_analyst,
    running_provider,
    streamlit_server,
    wait_settled,
)

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery"
ANALYST = oidc_analyst()


@pytest.fixture
def provider() -> Iterator[str]:
    """An OpenID provider on 127.0.0.1 (tests/e2e/conftest.running_provider)."""
    with running_provider() as url:
        yield url


@contextlib.contextmanager
def app_server(
    tmp_path: Path, secrets_toml: str, port: int | None, name: str, setup: Callable[[Path], object] | None = None
) -> Iterator[str]:
    """The app with its own secrets file and a copy of data/ and its source archive (HBEU_DATA_DIR; `setup` may
    change the copy before the server starts); yields its URL. `port` is the one redirect_uri names (None: any
    free port)."""
    secrets_file = tmp_path / "secrets.toml"
    secrets_file.write_text(secrets_toml, encoding="utf-8")
    data = copy_data(tmp_path / "data")
    if setup is not None:
        setup(data)
    env = {**os.environ, "HBEU_DATA_DIR": str(data)}
    with streamlit_server(f"server-{name}", (f"--secrets.files={secrets_file}",), env, port) as base:
        yield base


@pytest.fixture
def context(browser: object) -> Iterator[tuple[object, list[str]]]:
    """A fresh browser context that reaches only 127.0.0.1, and the list of requests it refused to send elsewhere
    (the provider's pages link a stylesheet on a CDN)."""
    ctx = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
    refused: list[str] = []
    keep_on_loopback(ctx, refused)
    yield ctx, refused
    ctx.close()


def sidebar(page: object) -> str:
    return page.locator('[data-testid="stSidebar"]').inner_text()


def main_text(page: object) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def open_entry(page: object, label: str) -> None:
    """Open the sidebar's sign-in entry (an expander)."""
    page.locator('[data-testid="stSidebar"] [data-testid="stExpander"] summary').get_by_text(label).click()


def test_oidc_login_through_a_real_provider(provider: str, context: tuple, tmp_path: Path) -> None:
    ctx, refused = context
    port = _free_port()
    app = f"http://127.0.0.1:{port}"  # the browser's origin must be redirect_uri's: 127.0.0.1 everywhere
    secrets_toml = f"""
[auth]
redirect_uri = "{app}/oauth2callback"
cookie_secret = "{secrets.token_urlsafe(32)}"
client_id = "hbeu-dash"
client_secret = "{secrets.token_urlsafe(16)}"
server_metadata_url = "{provider}/.well-known/openid-configuration"

[hbeu]
analyst_emails = ["wang@example.org"]
provider_name = "Mock SSO"
"""
    with app_server(tmp_path, secrets_toml, port, "oidc"):  # in Chinese: the callback returns to / (no lang)
        page = ctx.new_page()
        page.goto(app + "/", wait_until="domcontentloaded", timeout=60_000)
        wait_settled(page)
        assert "已登录" not in sidebar(page)
        assert page.locator('[data-testid="stSidebar"] input[type="password"]').count() == 0
        check_every_page(page, app, analyst=False)

        # The analyst: st.login → the provider's authorize form → its predefined user → back through /oauth2callback.
        open_entry(page, "分析员登录")
        page.get_by_role("button", name="通过 Mock SSO 登录").click()
        page.wait_for_url(f"{provider}/oauth2/authorize?*", timeout=30_000)
        page.get_by_role("button", name="wang", exact=True).click()
        page.wait_for_url(f"{app}/*", timeout=30_000)
        wait_settled(page)
        page.screenshot(path=str(ARTIFACTS / "login-oidc-analyst.png"))
        assert "已登录：wang@example.org（分析员）" in sidebar(page)
        identity = [c for c in ctx.cookies(app) if c["name"].startswith("_streamlit_user")]
        assert identity and all(c["httpOnly"] for c in identity), "the identity cookie is out of scripts' reach"
        page.reload(wait_until="domcontentloaded")
        wait_settled(page)
        assert "已登录：wang@example.org（分析员）" in sidebar(page), "a new session reads the cookie"
        check_every_page(page, app, analyst=True)

        # Logout: st.logout → /auth/logout → the provider's end-session page → back to the app, logged out.
        page.get_by_role("button", name="退出登录").click()
        page.wait_for_url(f"{provider}/oauth2/end_session?*", timeout=30_000)
        page.get_by_role("button", name="End session").click()
        page.wait_for_url(f"{app}/*", timeout=30_000)
        wait_settled(page)
        assert "已登录" not in sidebar(page)
        open_entry(page, "分析员登录")
        assert page.get_by_role("button", name="通过 Mock SSO 登录").count() == 1
        assert not [c for c in ctx.cookies(app) if c["name"].startswith("_streamlit_user")]

        # Someone the provider knows but the deployer did not list: logged in, never an analyst (deny by default).
        page.get_by_role("button", name="通过 Mock SSO 登录").click()
        page.wait_for_url(f"{provider}/oauth2/authorize?*", timeout=30_000)
        page.locator('input[name="sub"]').fill("li@example.org")
        page.get_by_role("button", name="Authorize").click()
        page.wait_for_url(f"{app}/*", timeout=30_000)
        wait_settled(page)
        assert "已登录：li@example.org（仅查看）" in sidebar(page)
        assert "分析员" not in sidebar(page)
        check_every_page(page, app, analyst=False, who="li@example.org")
    assert {urlparse(u).hostname for u in refused} <= {"cdn.jsdelivr.net"}, refused


def check_every_page(page: object, app: str, analyst: bool, who: str | None = None) -> None:
    """The browser half of the permission matrix: every registered page opened by its URL (the OIDC identity
    cookie carries the login into each new session). The data-entry pages run only for an analyst: anyone else
    gets, under the page's title, the provider's sign-in (`who` None) or the notice that it is for analysts (`who`
    logged in), with no upload and no entry in the navigation."""
    for spec in PAGES:
        page.goto(f"{app}/{'' if spec.default else spec.url_path}", wait_until="domcontentloaded", timeout=60_000)
        wait_settled(page)
        main = page.locator('[data-testid="stMain"]')
        nav = page.locator('[data-testid="stSidebarNav"]')
        assert page.locator('[data-testid="stException"]').count() == 0, spec.url_path
        title = t(spec.title_key, "zh")
        if spec.analyst_only:
            assert main.locator("h1").first.inner_text() == title, spec.url_path
            asked = t("signin_asked", "zh", page=title) in main.inner_text()
            told = t("signin_analysts_only", "zh", page=title, name=who or "") in main.inner_text()
            assert (asked, told) == (not analyst and who is None, not analyst and who is not None), spec.url_path
            signin_buttons = main.get_by_role("button", name="通过 Mock SSO 登录").count()
            assert signin_buttons == (0 if analyst or who else 1), spec.url_path
            assert (nav.get_by_text(title, exact=True).count() == 1) == analyst, (spec.url_path, analyst)
            uploads = page.locator('[data-testid="stFileUploader"]').count()
            assert (uploads > 0) == (analyst and spec.url_path == "add-data"), spec.url_path
    # (Streamlit answers an unregistered page's URL with its "page not found" dialog over the overview.)
    page.goto(f"{app}/", wait_until="domcontentloaded", timeout=60_000)
    wait_settled(page)


def _log_in_with_the_form(page: object, name: str, password: str) -> None:
    page.get_by_label("User name").fill(name)
    page.locator('input[type="password"]').fill(password)
    page.get_by_role("button", name="Log in", exact=True).click()
    wait_settled(page)


def test_password_login_in_the_sidebar(context: tuple, tmp_path: Path) -> None:
    ctx, refused = context
    port = _free_port()
    secrets_toml = f'[hbeu.accounts]\nwang = "{auth.hash_password(PASSWORD)}"\n'
    with app_server(tmp_path, secrets_toml, port, "password") as app:
        page = ctx.new_page()
        page.goto(app + "/?lang=en", wait_until="domcontentloaded", timeout=60_000)
        wait_settled(page)
        open_entry(page, "Analyst sign-in")
        _log_in_with_the_form(page, "wang", "not the password")
        assert "Wrong user name or password." in sidebar(page)
        assert page.get_by_label("User name").input_value() == "wang", "the name stays for a retry"
        assert page.locator('input[type="password"]').input_value() == "", "the password does not"
        assert "Logged in" not in sidebar(page)
        _log_in_with_the_form(page, "wang", PASSWORD)
        page.screenshot(path=str(ARTIFACTS / "login-password.png"))
        assert "Logged in: wang (analyst)" in sidebar(page)
        assert PASSWORD not in page.content()
        page.get_by_role("button", name="Log out").click()
        wait_settled(page)
        assert "Logged in" not in sidebar(page) and "Analyst sign-in" in sidebar(page)
        open_entry(page, "Analyst sign-in")
        _log_in_with_the_form(page, "wang", PASSWORD)
        page.reload(wait_until="domcontentloaded")
        wait_settled(page)
        assert "Logged in" not in sidebar(page), "a password login lives in its session only: nothing in the browser"

        # add-user while the server runs: Streamlit polls its secrets files (every 0.2 s), no restart needed.
        auth.add_user(tmp_path / "secrets.toml", "li", PASSWORD)
        time.sleep(2)
        open_entry(page, "Analyst sign-in")
        _log_in_with_the_form(page, "li", PASSWORD)
        assert "Logged in: li (analyst)" in sidebar(page)
    assert refused == []


def test_a_closed_dashboard_opens_after_login(context: tuple, tmp_path: Path) -> None:
    ctx, refused = context
    port = _free_port()
    hashed = auth.hash_password(PASSWORD)
    secrets_toml = (
        f'[hbeu]\nviewers_need_login = true\n\n[hbeu.viewer_accounts]\nroom = "{hashed}"\n'
        f'\n[hbeu.accounts]\nwang = "{hashed}"\n'
    )
    with app_server(tmp_path, secrets_toml, port, "closed") as app:
        page = ctx.new_page()
        page.goto(app + "/services?lang=en", wait_until="domcontentloaded", timeout=60_000)
        wait_settled(page)
        main = page.locator('[data-testid="stMain"]')
        assert main.locator("h1").inner_text() == "Please log in"
        assert page.locator('[data-testid="stSidebarNav"]').count() == 0, "no page names before the login"
        assert "19,897" not in main.inner_text()
        _log_in_with_the_form(page, "room", PASSWORD)
        page.screenshot(path=str(ARTIFACTS / "login-closed-dashboard.png"))
        assert main.locator("h1").first.inner_text() == "Government services"
        assert "19,897 cases" in main.inner_text()
        assert "Logged in: room (view only)" in sidebar(page)
        page.get_by_role("button", name="Log out").click()
        wait_settled(page)
        assert main.locator("h1").inner_text() == "Please log in"

        # A data-entry link: the closed dashboard's login first; then a viewer is told, an analyst gets the page.
        for name, told in (("room", True), ("wang", False)):
            page.goto(app + "/add-data?lang=en&city=baotou", wait_until="domcontentloaded", timeout=60_000)
            wait_settled(page)
            assert main.locator("h1").inner_text() == "Please log in"
            _log_in_with_the_form(page, name, PASSWORD)
            assert main.locator("h1").first.inner_text() == "Add data", name
            notice = "“Add data” is for analysts. The account you are signed in with (room) can only view."
            assert (notice in main_text(page)) == told, name
            assert page.locator('input[type="password"]').count() == 0, "no sign-in loop"
            assert (page.locator('[data-testid="stFileUploader"]').count() > 0) == (not told), name
            assert urlparse(page.url).path == "/add-data" and "city=baotou" in page.url, page.url
            page.screenshot(path=str(ARTIFACTS / f"login-closed-add-data-{name}.png"))
    assert refused == []


def test_a_data_entry_link_asks_to_sign_in_then_opens_there(context: tuple, tmp_path: Path) -> None:
    ctx, refused = context
    hashed = auth.hash_password(PASSWORD)
    secrets_toml = f'[hbeu.accounts]\nwang = "{hashed}"\n'
    with app_server(tmp_path, secrets_toml, None, "signin-link") as app:
        page = ctx.new_page()
        page.set_viewport_size({"width": 1366, "height": 768})
        page.goto(app + "/?lang=en", wait_until="domcontentloaded", timeout=60_000)
        wait_settled(page)
        entry = page.locator('[data-testid="stSidebar"] summary').get_by_text("Analyst sign-in")
        box = entry.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 768, "seen without scrolling the sidebar"

        page.goto(app + "/add-data?lang=en&city=ordos&sector=transport", wait_until="domcontentloaded", timeout=60_000)
        wait_settled(page)
        main = page.locator('[data-testid="stMain"]')
        assert main.locator("h1").first.inner_text() == "Add data"
        assert "The page you asked for, “Add data”, is for analysts: sign in to open it." in main_text(page)
        assert page.locator('[data-testid="stFileUploader"]').count() == 0
        assert page.locator('[data-testid="stSidebar"] input[type="password"]').count() == 0, "one form: the page's"
        page.screenshot(path=str(ARTIFACTS / "login-link-asks.png"))
        _log_in_with_the_form(page, "wang", "not the password")
        assert "Wrong user name or password." in main_text(page)
        _log_in_with_the_form(page, "wang", PASSWORD)
        page.screenshot(path=str(ARTIFACTS / "login-link-opened.png"))
        url = urlparse(page.url)
        query = parse_qs(url.query)
        assert url.path == "/add-data", page.url
        assert (query["lang"], query["city"], query["sector"]) == (["en"], ["ordos"], ["transport"]), page.url
        assert page.locator('[data-testid="stFileUploader"]').count() > 0, "the page itself"
        assert "Logged in: wang (analyst)" in sidebar(page)

        page.get_by_role("button", name="Log out").click()
        wait_settled(page)
        url = urlparse(page.url)
        assert url.path == "/" and parse_qs(url.query)["city"] == ["ordos"], page.url
        assert main.locator("h1").first.inner_text() == "Hohhot–Baotou–Ordos–Ulanqab Integration Dashboard"
        assert "Analyst sign-in" in sidebar(page)

        page.goto(app + "/no-such-page?lang=en", wait_until="domcontentloaded", timeout=60_000)
        wait_settled(page)
        assert main.locator("h1").first.inner_text() == "Hohhot–Baotou–Ordos–Ulanqab Integration Dashboard"
    assert refused == []


def test_on_a_phone_the_entry_is_behind_the_sidebar_arrow(browser: object, tmp_path: Path) -> None:
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", is_mobile=True, has_touch=True)
    refused: list[str] = []
    keep_on_loopback(ctx, refused)
    secrets_toml = f'[hbeu.accounts]\nwang = "{auth.hash_password(PASSWORD)}"\n'
    try:
        with app_server(tmp_path, secrets_toml, None, "signin-phone") as app:
            page = ctx.new_page()
            page.goto(app + "/history", wait_until="domcontentloaded", timeout=60_000)
            wait_settled(page)
            assert "你要打开的“修改记录”页面仅供分析员使用，请先登录。" in main_text(page)
            assert page.get_by_label("用户名").is_visible(), "the form on the page, the sidebar closed"
            page.goto(app + "/", wait_until="domcontentloaded", timeout=60_000)
            wait_settled(page)
            entry = page.locator('[data-testid="stSidebar"] summary').get_by_text("分析员登录")
            assert not entry.is_visible() or entry.bounding_box()["x"] < 0, "the sidebar starts closed on a phone"
            page.locator('[data-testid="stExpandSidebarButton"]').click()
            entry.wait_for(state="visible")
            page.wait_for_timeout(500)  # the sidebar's slide-in
            box = entry.bounding_box()
            assert box["x"] >= 0 and box["y"] + box["height"] <= 844, box
            page.screenshot(path=str(ARTIFACTS / "login-phone-entry.png"))
            entry.click()
            assert page.get_by_label("用户名").is_visible()
    finally:
        ctx.close()
    assert refused == []

"""Logins in headless Chromium against real servers on 127.0.0.1: OIDC through a local provider (oidc-provider-mock:
its authorize form, the callback, the identity cookie, the provider's end-session page) and the password form, in
the sidebar and on a dashboard closed to anonymous readers. Each test starts its own app with its own secrets."""

import contextlib
import os
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlparse

import oidc_provider_mock
import pytest
import werkzeug.serving

from hbeu_dash import auth
from hbeu_dash.i18n import t
from hbeu_dash.views.registry import PAGES
from tests.conftest import copy_data
from tests.e2e.conftest import ARTIFACTS, _free_port, keep_on_loopback, streamlit_server, wait_settled

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery"
ANALYST = oidc_provider_mock.User(
    sub="wang", claims={"email": "wang@example.org", "email_verified": True, "name": "Wang Analyst"}
)


@pytest.fixture
def provider() -> Iterator[str]:
    """An OpenID provider on 127.0.0.1 (oidc-provider-mock's app; its run_server_in_thread binds 'localhost', which
    may resolve to ::1) with one predefined user, the analyst; any other subject typed in its form logs in too."""
    server = werkzeug.serving.make_server("127.0.0.1", 0, oidc_provider_mock.app(user_claims=[ANALYST]), threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)
    server.server_close()


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
        page.get_by_role("button", name="通过 Mock SSO 登录").click()
        page.wait_for_url(f"{provider}/oauth2/authorize?*", timeout=30_000)
        page.get_by_role("button", name="wang", exact=True).click()
        page.wait_for_url(f"{app}/*", timeout=30_000)
        wait_settled(page)
        page.screenshot(path=str(ARTIFACTS / "login-oidc-analyst.png"))
        assert "已登录:wang@example.org(分析员)" in sidebar(page)
        identity = [c for c in ctx.cookies(app) if c["name"].startswith("_streamlit_user")]
        assert identity and all(c["httpOnly"] for c in identity), "the identity cookie is out of scripts' reach"
        page.reload(wait_until="domcontentloaded")
        wait_settled(page)
        assert "已登录:wang@example.org(分析员)" in sidebar(page), "a new session reads the cookie"
        check_every_page(page, app, analyst=True)

        # Logout: st.logout → /auth/logout → the provider's end-session page → back to the app, logged out.
        page.get_by_role("button", name="退出登录").click()
        page.wait_for_url(f"{provider}/oauth2/end_session?*", timeout=30_000)
        page.get_by_role("button", name="End session").click()
        page.wait_for_url(f"{app}/*", timeout=30_000)
        wait_settled(page)
        assert "已登录" not in sidebar(page)
        assert page.get_by_role("button", name="通过 Mock SSO 登录").count() == 1
        assert not [c for c in ctx.cookies(app) if c["name"].startswith("_streamlit_user")]

        # Someone the provider knows but the deployer did not list: logged in, never an analyst (deny by default).
        page.get_by_role("button", name="通过 Mock SSO 登录").click()
        page.wait_for_url(f"{provider}/oauth2/authorize?*", timeout=30_000)
        page.locator('input[name="sub"]').fill("li@example.org")
        page.get_by_role("button", name="Authorize").click()
        page.wait_for_url(f"{app}/*", timeout=30_000)
        wait_settled(page)
        assert "已登录:li@example.org(仅查看)" in sidebar(page)
        assert "分析员" not in sidebar(page)
        check_every_page(page, app, analyst=False)
    assert {urlparse(u).hostname for u in refused} <= {"cdn.jsdelivr.net"}, refused


def check_every_page(page: object, app: str, analyst: bool) -> None:
    """The browser half of the permission matrix: every registered page opened by its URL (the OIDC identity
    cookie carries the login into each new session). The data-entry pages exist only for an analyst: anyone else
    lands on the overview, with no upload and no entry in the navigation."""
    for spec in PAGES:
        page.goto(f"{app}/{'' if spec.default else spec.url_path}", wait_until="domcontentloaded", timeout=60_000)
        wait_settled(page)
        main = page.locator('[data-testid="stMain"]').inner_text()
        nav = page.locator('[data-testid="stSidebarNav"]')
        assert page.locator('[data-testid="stException"]').count() == 0, spec.url_path
        title = t(spec.title_key, "zh")
        if spec.analyst_only:
            assert (title in main) == analyst, (spec.url_path, analyst)
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
        page.get_by_text("Analyst login").click()
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
        assert "Logged in" not in sidebar(page) and "Analyst login" in sidebar(page)
        page.get_by_text("Analyst login").click()
        _log_in_with_the_form(page, "wang", PASSWORD)
        page.reload(wait_until="domcontentloaded")
        wait_settled(page)
        assert "Logged in" not in sidebar(page), "a password login lives in its session only: nothing in the browser"

        # add-user while the server runs: Streamlit polls its secrets files (every 0.2 s), no restart needed.
        auth.add_user(tmp_path / "secrets.toml", "li", PASSWORD)
        time.sleep(2)
        page.get_by_text("Analyst login").click()
        _log_in_with_the_form(page, "li", PASSWORD)
        assert "Logged in: li (analyst)" in sidebar(page)
    assert refused == []


def test_a_closed_dashboard_opens_after_login(context: tuple, tmp_path: Path) -> None:
    ctx, refused = context
    port = _free_port()
    hashed = auth.hash_password(PASSWORD)
    secrets_toml = f'[hbeu]\nviewers_need_login = true\n\n[hbeu.viewer_accounts]\nroom = "{hashed}"\n'
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
    assert refused == []

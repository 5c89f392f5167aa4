"""Logins in the app, through AppTest with secrets: the password form, logout, the throttle's notice, the deployer's
closed dashboard; OIDC's allow-list read from st.user (the real OIDC login is tests/e2e/test_login.py)."""

import re
from pathlib import Path

import pytest
import streamlit as st
from streamlit import config
from streamlit.runtime.secrets import Secrets
from streamlit.testing.v1 import AppTest

from hbeu_dash import auth
from hbeu_dash.paths import ROOT
from hbeu_dash.ui import auth as ui_auth

APP = str(ROOT / "app.py")
PASSWORD = "correct horse battery"
WRONG = "Wrong user name or password."
OIDC = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "s" * 32,
    "client_id": "hbeu-dash",
    "client_secret": "secret",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}


@pytest.fixture(scope="module")
def stored() -> str:
    return auth.hash_password(PASSWORD)


@pytest.fixture(autouse=True)
def throttle(monkeypatch: pytest.MonkeyPatch) -> auth.Throttle:
    """A fresh throttle per test on a clock that stands still (the server's one is shared by every session)."""
    fresh = auth.Throttle(free_per_user=3, free_per_address=50, base=30, clock=lambda: 1000.0)
    monkeypatch.setattr(ui_auth, "get_throttle", lambda: fresh)
    return fresh


def open_app(hbeu: dict, lang: str = "en", **secrets: dict) -> AppTest:
    """The app run once with these [hbeu] settings (and other secrets sections)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["hbeu"] = hbeu
    for section, value in secrets.items():
        at.secrets[section] = value
    at.query_params["lang"] = lang
    return at.run()


def log_in(at: AppTest, name: str, password: str) -> AppTest:
    """Fill the login form and submit it."""
    at.text_input(key="login_name").input(name)
    at.text_input(key="login_password").input(password)
    next(b for b in at.button if (b.key or "").startswith("FormSubmitter:login_form")).click()
    return at.run()


def sidebar_text(at: AppTest) -> list[str]:
    """Every caption, error and warning in the sidebar, as read (markdown escapes such as example\\.org undone)."""
    return [re.sub(r"\\(.)", r"\1", e.value) for e in [*at.sidebar.caption, *at.sidebar.error, *at.sidebar.warning]]


def test_the_right_password_logs_the_analyst_in(stored: str) -> None:
    at = open_app({"accounts": {"wang": stored}})
    assert at.sidebar.expander[0].label == "Analyst sign-in"
    log_in(at, " Wang", PASSWORD)
    assert not at.exception
    assert "Logged in: wang (analyst)" in sidebar_text(at)
    assert at.session_state["login_password"] == "", "the password is not kept in the session"
    assert not at.sidebar.expander, "no login form while logged in"
    assert "Logged in: wang (analyst)" in sidebar_text(at.run()), "still logged in on the next run"


def test_chinese_login(stored: str) -> None:
    at = log_in(open_app({"accounts": {"wang": stored}}, lang="zh"), "wang", PASSWORD)
    assert "已登录：wang（分析员）" in sidebar_text(at)


@pytest.mark.parametrize(("name", "password"), [("wang", "wrong password"), ("li", PASSWORD), ("wang", PASSWORD[:-1])])
def test_a_wrong_password_or_unknown_name_logs_nobody_in(stored: str, name: str, password: str) -> None:
    at = log_in(open_app({"accounts": {"wang": stored}}), name, password)
    assert [e.value for e in at.sidebar.error] == [WRONG], "the same words for an unknown name"
    assert at.text_input(key="login_name").value == name, "kept for a retry"
    assert at.text_input(key="login_password").value == "", "emptied"
    assert not any(text.startswith("Logged in") for text in sidebar_text(at))
    assert "_auth_account" not in at.session_state
    assert at.run().sidebar.error.len == 0, "told once"


def test_an_empty_form_asks_for_both_and_counts_nothing(stored: str, throttle: auth.Throttle) -> None:
    at = log_in(open_app({"accounts": {"wang": stored}}), "wang", "")
    assert [e.value for e in at.sidebar.error] == ["Enter your user name and password."]
    assert len(throttle) == 0


def test_logout_ends_the_login_and_keeps_the_view(stored: str) -> None:
    at = log_in(open_app({"accounts": {"wang": stored}}), "wang", PASSWORD)
    at.sidebar.multiselect[0].set_value(["ordos"]).run()
    at.sidebar.button(key="logout").click().run()
    assert not at.exception
    assert not any(text.startswith("Logged in") for text in sidebar_text(at))
    assert "_auth_account" not in at.session_state
    assert at.sidebar.expander[0].label == "Analyst sign-in"
    assert at.query_params["lang"] == "en" and at.query_params["city"] == "ordos", "the view comes back from the URL"
    assert at.title[0].value == "Hohhot–Baotou–Ordos–Ulanqab Integration Dashboard"


def test_too_many_failures_are_refused_even_with_the_right_password(stored: str) -> None:
    at = open_app({"accounts": {"wang": stored}})
    for _ in range(3):
        log_in(at, "wang", "wrong password")
        assert [e.value for e in at.sidebar.error] == [WRONG]
    log_in(at, "wang", PASSWORD)
    assert [w.value for w in at.sidebar.warning] == ["Too many failed attempts: try again in 30 s."]
    assert "_auth_account" not in at.session_state
    log_in(at, "nobody", "wrong password")  # another name from the same address is not held up by wang's failures
    assert [e.value for e in at.sidebar.error] == [WRONG]


@pytest.mark.parametrize("change", ["removed", "password changed"])
def test_a_login_ends_when_the_deployer_removes_the_account_or_changes_its_password(stored: str, change: str) -> None:
    at = log_in(open_app({"accounts": {"wang": stored}}), "wang", PASSWORD)
    assert "Logged in: wang (analyst)" in sidebar_text(at)
    at.secrets["hbeu"] = {"accounts": {} if change == "removed" else {"wang": auth.hash_password("another password")}}
    at.run()
    assert not any(text.startswith("Logged in") for text in sidebar_text(at))


def test_no_accounts_no_login_form() -> None:
    at = open_app({})
    assert not at.exception and not at.sidebar.expander


def test_viewers_need_login_closes_every_page(stored: str) -> None:
    at = open_app({"viewers_need_login": True, "viewer_accounts": {"room": stored}, "accounts": {"wang": stored}})
    assert not at.exception
    assert [t.value for t in at.title] == ["Please log in"]
    assert len(at.sidebar) == 0 and not at.html, "no filters, no navigation, no figures"
    at.switch_page("app_pages/services.py").run()
    assert [t.value for t in at.title] == ["Please log in"], "a page's own URL is closed too"
    log_in(at, "room", "wrong password")
    assert [e.value for e in at.error] == [WRONG] and [t.value for t in at.title] == ["Please log in"]
    log_in(at, "room", PASSWORD)
    assert not at.exception
    assert at.title[0].value == "Government services"
    assert "Logged in: room (view only)" in sidebar_text(at)
    at.sidebar.button(key="logout").click().run()
    assert [t.value for t in at.title] == ["Please log in"]


def test_an_unreadable_viewer_switch_closes_the_dashboard() -> None:
    at = open_app({"viewers_need_login": "yes"})
    assert [t.value for t in at.title] == ["Please log in"] and not at.html


def test_viewer_login_in_chinese(stored: str) -> None:
    at = open_app({"viewers_need_login": True, "accounts": {"wang": stored}}, lang="zh")
    assert [t.value for t in at.title] == ["请先登录"]
    assert [c.value for c in at.caption] == ["本看板仅供授权人员查看。"]


def test_with_oidc_configured_the_form_gives_way_to_the_provider(stored: str) -> None:
    at = open_app({"accounts": {"wang": stored}, "provider_name": "统一身份认证"}, auth=OIDC)
    assert not at.exception
    assert not at.sidebar.text_input, "no password form beside OIDC"
    assert [b.label for b in at.sidebar.button if b.key == "login_with_default"] == ["Log in with 统一身份认证"]


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        ({"is_logged_in": True, "email": "Wang@example.org"}, "wang@example.org (analyst)"),
        ({"is_logged_in": True, "email": "wang@example.org", "email_verified": False}, "(view only)"),
        ({"is_logged_in": True, "email": "li@example.org"}, "li@example.org (view only)"),
        ({"email": "wang@example.org"}, None),  # no is_logged_in: nobody
    ],
)
def test_oidc_users_are_analysts_only_when_listed(user: dict, expected: str | None) -> None:
    # st.user as AppTest seeds it: this checks the glue; tests/e2e/test_login.py logs in through a real provider.
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["auth"] = OIDC
    at.secrets["hbeu"] = {"analyst_emails": ["wang@example.org"]}
    at.user = user
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception
    logged_in = [text for text in sidebar_text(at) if text.startswith("Logged in")]
    assert len(logged_in) == (1 if expected else 0) and all(text.endswith(expected) for text in logged_in), logged_in


def test_a_secrets_file_that_cannot_be_read_closes_the_dashboard(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A typo in a closed deployment's secrets.toml must not open it: Streamlit reads no secrets at all then.
    broken = tmp_path / "secrets.toml"
    broken.write_text('[hbeu]\nviewers_need_login = true\n[hbeu.accounts\nwang = "x"\n', encoding="utf-8")
    before = config.get_option("secrets.files")
    config.set_option("secrets.files", [str(broken)])
    monkeypatch.setattr(st, "secrets", Secrets())  # a fresh, unread store, as at a server's start
    try:
        at = AppTest.from_file(APP, default_timeout=60)
        at.query_params["lang"] = "en"
        at.run()
    finally:
        config.set_option("secrets.files", before)
    assert not at.exception
    assert [t.value for t in at.title] == ["Please log in"] and not at.html
    assert not at.text_input, "no login either: nobody's account can be read"


@pytest.mark.parametrize(
    ("email", "opens"), [("wang@example.org", True), ("li@example.org", True), ("li@evil.org", False)]
)
def test_a_closed_dashboard_with_oidc_opens_to_the_listed_only(email: str, opens: bool) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["auth"] = OIDC
    at.secrets["hbeu"] = {
        "viewers_need_login": True,
        "analyst_emails": ["wang@example.org"],
        "viewer_emails": ["@example.org"],
    }
    at.user = {"is_logged_in": True, "email": email}
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception
    titles = [t.value for t in at.title]
    if opens:
        assert titles == ["Hohhot–Baotou–Ordos–Ulanqab Integration Dashboard"]
    else:
        assert titles == ["Please log in"] and not at.html
        assert [w.value for w in at.warning] == ["li@evil\\.org is not authorised to view this dashboard."]
        assert at.button(key="logout").label == "Log out"

"""Logins in the app: who this session is (current_analyst), the sidebar's sign-in entry and logout
(render_account), and the deployer's closed dashboard (require_viewer); a data-entry page's own sign-in is in
ui/signin.py. Password accounts live in st.session_state for the session; with an [auth] section, st.login /
st.user replace them. Deny by default, and on any error."""

import logging
import math
import threading
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from hbeu_dash import auth
from hbeu_dash.i18n import t
from hbeu_dash.ui import reconnect
from hbeu_dash.ui.widgets import escape_md
from hbeu_dash.views.registry import PAGES

_LOGGER = logging.getLogger(__name__)
_ACCOUNT = "_auth_account"  # (name, hash it logged in with) of this session's password login
_MESSAGE = "_auth_message"  # (string key, params) to tell under the form once
KEYS = {"form": "login_form", "name": "login_name", "password": "login_password", "logout": "logout"}
_RUN = threading.local()  # (the run, its login settings): a script run executes in one thread
ANALYST_PAGES = frozenset(p.url_path for p in PAGES if p.analyst_only)
HOME_PATH = next(p.path for p in PAGES if p.default)
CLOSED = auth.AuthConfig(viewers_need_login=True, problems=("the secrets file cannot be read: closed to everyone",))


@st.cache_resource(show_spinner=False)
def get_throttle() -> auth.Throttle:
    """The server's one login throttle, shared by every session."""
    return auth.Throttle()


@st.cache_resource(show_spinner=False, max_entries=8)
def _log_problems(problems: tuple[str, ...]) -> bool:
    """Tell the deployer's log what is wrong with the login settings, once per distinct set of problems."""
    for problem in problems:
        _LOGGER.warning("login settings: %s", problem)
    return True


def _this_run() -> object | None:
    """An object that lives as long as this script run and no longer: Streamlit's cursors of the run, made anew when
    a run starts, before its widget callbacks run. None outside a run (or if Streamlit no longer has them)."""
    ctx = get_script_run_ctx()
    return getattr(ctx, "cursors", None) if ctx is not None else None


def load_config() -> auth.AuthConfig:
    """The login settings, read once per script run, callbacks included (a run asks four times; with no secrets file
    each read takes Streamlit's secrets lock and looks for the files again: about 5% of a new session's CPU)."""
    run = _this_run()
    held = getattr(_RUN, "held", None)
    if run is not None and held is not None and held[0] is run:
        return held[1]
    config = read_config()
    if run is not None:
        _RUN.held = (run, config)
    return config


def read_config() -> auth.AuthConfig:
    """The login settings from st.secrets; closed to everyone when a secrets file exists but cannot be read."""
    try:
        if st.secrets.load_if_toml_exists():
            config = auth.load_auth_config(st.secrets.to_dict())
        elif any(Path(p).exists() for p in st.get_option("secrets.files")):
            config = CLOSED  # a broken secrets.toml must not open a dashboard its deployer closed
        else:
            config = auth.AuthConfig()
    except Exception:
        _LOGGER.exception("login settings unreadable: closed to everyone")
        config = CLOSED
    if config.problems:
        _log_problems(config.problems)
    return config


def _login(config: auth.AuthConfig) -> tuple[str | None, str | None]:
    """(who, role) of this session: role None when not logged in or not allowed; who is the OIDC email even then."""
    if config.oidc:
        if not st.user.get("is_logged_in", False):
            return None, None
        user = {"is_logged_in": True, "email": st.user.get("email"), "email_verified": st.user.get("email_verified")}
        if user["email_verified"] is None:
            del user["email_verified"]  # not every provider sends it; only an explicit false denies
        who = auth.user_email(user) or str(st.user.get("email") or st.user.get("name") or st.user.get("sub") or "?")
        return who, config.role_of_user(user)
    account = st.session_state.get(_ACCOUNT)
    if not account:
        return None, None
    role = config.role_of_account(*account)  # None once the account is removed or its password changed
    return (account[0], role) if role else (None, None)


def current_login() -> tuple[str | None, str | None]:
    """(who, role) of this session; (None, None) on any error."""
    try:
        return _login(load_config())
    except Exception:
        _LOGGER.exception("login state unreadable: treated as logged out")
        return None, None


def has_password_login() -> bool:
    """Whether this session is signed in with a password (which lives in the session: lost with its server)."""
    return not load_config().oidc and current_login()[1] is not None


def current_analyst() -> str | None:
    """The name (OIDC: email) of the analyst logged in to this session; None for everyone else."""
    who, role = current_login()
    return who if role == auth.ANALYST else None


def render_account(lang: str, page: str | None = None) -> None:
    """In the sidebar, near its top: who is logged in and a logout button; for anyone else the entry "Analyst
    sign-in" with the password form (or the provider's button) in it. Nothing when no one can log in, and no second
    form where a data-entry page's URL shows its own sign-in (`page`: the url_path about to run)."""
    config = load_config()
    who, role = current_login()
    if not config.has_logins and not who:
        return
    with st.sidebar:
        if who:  # the dashboard is open here (require_viewer let the run through): anyone logged in may view
            _render_logged_in(config, who, role or auth.VIEWER, lang, page)
        elif page not in ANALYST_PAGES:  # open when a sign-in was just lost with its server: sign in again here
            with st.expander(t("signin_entry", lang), icon=":material/login:", expanded=reconnect.lost_signin(False)):
                render_login(config, lang)


def require_viewer(lang: str) -> bool:
    """True when this session may see the dashboard; else (a deployer's closed dashboard) show the login in its
    place and return False: the caller stops."""
    config = load_config()
    if not config.viewers_need_login:
        return True
    who, role = current_login()
    if role is not None:
        return True
    st.title(t("viewer_login_title", lang))
    st.caption(t("viewer_login_intro", lang))
    if who:  # logged in with the provider, but not on the deployer's list
        _render_logged_in(config, who, None, lang)
    elif config.has_logins:
        reconnect.render_lost_signin(lang, signed_in=False)
        render_login(config, lang)
    return False


def render_login(config: auth.AuthConfig, lang: str) -> None:
    """The login: a button per OIDC provider, or the password form (name, password) with what the last try gave."""
    if config.oidc:
        for provider, label in config.providers:
            if st.button(t("login_with", lang, provider=label), key=f"login_with_{provider or 'default'}"):
                st.login(provider)
        return
    with st.form(KEYS["form"], enter_to_submit=True):  # the name stays for a retry; the password is emptied
        st.text_input(t("login_name", lang), key=KEYS["name"], autocomplete="username")
        st.text_input(t("login_password", lang), key=KEYS["password"], type="password", autocomplete="current-password")
        st.form_submit_button(t("login_submit", lang), on_click=_submit_login)
    message = st.session_state.pop(_MESSAGE, None)
    if message:
        key, params = message
        (st.warning if key == "login_throttled" else st.error)(t(key, lang, **params))


def _submit_login() -> None:
    """The form's callback, before the script runs: so the navigation drawn next already knows the login."""
    name = st.session_state.get(KEYS["name"]) or ""
    password = st.session_state.get(KEYS["password"]) or ""
    st.session_state[KEYS["password"]] = ""  # not kept in the session, whatever the outcome
    if not name.strip() or not password:
        st.session_state[_MESSAGE] = ("login_missing", {})
        return
    config = load_config()
    address = auth.client_address(st.context.ip_address, dict(st.context.headers or {}), config.trusted_proxies)
    result = auth.log_in(config, get_throttle(), name, password, address)
    if result.role is not None:
        st.session_state[_ACCOUNT] = (auth.normalise_name(name), result.password_hash)
    elif result.retry_after > 0:
        st.session_state[_MESSAGE] = ("login_throttled", {"seconds": math.ceil(result.retry_after)})
    else:
        st.session_state[_MESSAGE] = ("login_failed", {})


def _render_logged_in(config: auth.AuthConfig, who: str, role: str | None, lang: str, page: str | None = None) -> None:
    """Who is logged in, as what, and the logout button (`page`: the url_path shown, where a logout returns to)."""
    if role is None:
        st.warning(t("login_not_allowed", lang, name=escape_md(who)))
    else:
        key = "logged_in_analyst" if role == auth.ANALYST else "logged_in_viewer"
        st.caption(t(key, lang, name=escape_md(who)))
    if config.oidc:
        if st.button(t("logout", lang), key=KEYS["logout"], icon=":material/logout:"):
            st.logout()  # deletes the identity cookie, ends the provider's session, starts a new one here
    elif st.button(t("logout", lang), key=KEYS["logout"], icon=":material/logout:"):
        _log_out(page)


def _log_out(page: str | None) -> None:
    """End the session's login and everything it held (drafts included), then run again at once: the same page, or
    from a data-entry page the first page, the URL's parameters kept (the filters come back from them)."""
    st.session_state.clear()
    reconnect.keep_checked()  # a logout is not a sign-in lost with a server
    if page in ANALYST_PAGES:
        st.switch_page(HOME_PATH, query_params=st.query_params.to_dict())
    st.rerun()

"""When the server holding a page's session goes away (a replica killed or restarted): the page says at once that the
connection is being restored, comes back as the same page, and a password sign-in that was lost with the server is
told so.

Streamlit's own "Connecting" indicator lives in the toolbar, and `client.toolbarMode = "minimal"` without menu items
does not draw the toolbar at all (its status widget included); it would speak English anyway. So a notice of ours,
in the page's language, fixed at the top of the window and shown by CSS alone while the app's connection state (the
`data-test-connection-state` attribute Streamlit keeps on stApp, in its production build too) is not CONNECTED.

After a reconnect Streamlit reruns the page only when a run was under way: on another replica the browser gets a
new, empty session and keeps showing the old one's page, until a click starts the new session, from a page link
without the URL's parameters (the page came back in Chinese). The page's script presses Streamlit's own rerun key
("R") once the connection is back: the new session starts at once, from the URL (language, filters, slide).

A password sign-in lives in the session (a script cannot set an HttpOnly cookie), so another replica does not know it.
The browser names the session it reconnects to (Streamlit's resume id, the third entry of Sec-WebSocket-Protocol),
and while a password sign-in is open the script keeps a cookie of ours listing a hash of that session's id: a new
session whose browser asked for a listed session tells the reader their sign-in was lost. (A reload names no session:
it is not told. An OIDC login is Streamlit's own identity cookie and survives.)
"""

import hashlib
import html
import json

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from hbeu_dash.i18n import t

KEY = "hbeu-connection"
COOKIE = "hbeu_signin"  # hashes of the sessions a password sign-in is open in, "."-separated; no name, no secret
MAX_SESSIONS = 8  # a browser's tabs signed in at once, as far as the cookie remembers
_CHECKED = "_reconnect_checked"
_LOST = "_signin_lost"
DOWN = ("PINGING_SERVER", "CONNECTING", "DISCONNECTED_FOREVER")  # Streamlit's states without a connection

RESTORING = "hbeu-restoring"  # a class on <html> from the loss of the connection until the page has run again
SHOWN = ", ".join(
    [*(f'[data-test-connection-state="{state}"] .st-key-{KEY}' for state in DOWN), f".{RESTORING} .st-key-{KEY}"]
)
STYLE = (
    "<style>"
    f".st-key-{KEY} {{ display: none; }}"
    f"{SHOWN} {{ display: block; position: fixed; top: 0.75rem; left: 50%; transform: translateX(-50%); "
    "z-index: 1000001; width: max-content; max-width: 92vw; }"
    ".hbeu-connection { background: #FFF4E5; color: #1A1A1A; border: 1px solid #C77700; border-radius: 0.5rem; "
    "padding: 0.5rem 1rem; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.2); font-size: 1rem; line-height: 1.5; }"
    ".hbeu-connection-gone { display: none; }"
    '[data-test-connection-state="DISCONNECTED_FOREVER"] .hbeu-connection-lost { display: none; }'
    '[data-test-connection-state="DISCONNECTED_FOREVER"] .hbeu-connection-gone { display: inline; }'
    "</style>"
)

# Runs again whenever its configuration changes (Streamlit re-inserts the element); the watcher is set up once per
# page. The notice stays until the page has run again on the new connection (the page is being restored until then;
# at most 30 s). Synthetic key events reach Streamlit's shortcut handler (it listens on document and ignores only
# typing in a field: the events come from <body>). A run Streamlit starts itself after a reconnect (one was under
# way, or a fragment runs on a timer) is left alone.
SCRIPT = """<script>
(() => {
  const config = %(config)s;
  const read = () => {
    const found = document.cookie.split("; ").find((c) => c.startsWith(config.cookie + "="));
    return found ? found.slice(config.cookie.length + 1).split(".").filter(Boolean) : [];
  };
  const before = read();
  let tags = before.filter((tag) => tag !== config.session && tag !== config.forget);
  if (config.signedIn) tags.push(config.session);
  tags = tags.slice(-config.max);
  if (tags.join(".") !== before.join(".")) {
    const secure = location.protocol === "https:" ? "; Secure" : "";
    const life = tags.length ? "" : "; Max-Age=0";
    document.cookie = config.cookie + "=" + tags.join(".") + "; Path=/; SameSite=Strict" + secure + life;
  }
  if (window.__hbeuReconnect) return;
  window.__hbeuReconnect = true;
  const root = document.documentElement;
  let down = false, ran = false, safety = 0;
  const restored = () => { root.classList.remove(config.restoring); clearTimeout(safety); };
  const rerun = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app.getAttribute("data-test-connection-state") !== "CONNECTED") return;
    if (app.getAttribute("data-test-script-state") !== "notRunning") return;
    for (const type of ["keydown", "keyup"])
      document.body.dispatchEvent(new KeyboardEvent(type, {key: "r", bubbles: true}));
  };
  new MutationObserver((records) => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app) return;
    const connection = app.getAttribute("data-test-connection-state");
    const script = app.getAttribute("data-test-script-state");
    const wasRunning = records.some((r) => r.attributeName === "data-test-script-state" && r.oldValue === "running");
    if (connection !== "CONNECTED") {
      down = true;
      ran = false;
      root.classList.add(config.restoring);
    } else if (down) {
      down = false;
      setTimeout(rerun, 300);
      safety = setTimeout(restored, 30000);
    } else if (root.classList.contains(config.restoring)) {
      if (script === "running" || wasRunning) ran = true;
      if (ran && script === "notRunning") restored();
    }
  }).observe(document.body, {
    subtree: true, attributes: true, attributeOldValue: true,
    attributeFilter: ["data-test-connection-state", "data-test-script-state"],
  });
})();
</script>"""


def session_tag(session_id: str) -> str:
    """What the cookie keeps of a session id: 16 hex digits of its SHA-256 (not the id: the cookie goes with every
    request, and an id lets its holder resume that session)."""
    return hashlib.sha256(session_id.encode()).hexdigest()[:16]


def _session_id() -> str | None:
    ctx = get_script_run_ctx()
    return getattr(ctx, "session_id", None) if ctx is not None else None


def resumed_from() -> str | None:
    """The session this browser asked to reconnect to, when this server gave it another one (the old one died with
    its replica, or expired); None for a first connection, a reload, or a session resumed here."""
    protocols = (st.context.headers.get("Sec-WebSocket-Protocol") or "").split(",")
    asked = protocols[2].strip() if len(protocols) > 2 else ""
    return asked if asked and asked != _session_id() else None


def signed_in_tags() -> list[str]:
    """The hashes of the sessions this browser had a password sign-in in (the cookie, as the session's websocket
    brought it)."""
    return [tag for tag in (st.context.cookies.get(COOKIE) or "").split(".") if tag]


def check_lost_signin() -> None:
    """On a session's first run: whether its browser had a password sign-in in the session it reconnected from."""
    if st.session_state.get(_CHECKED):
        return
    st.session_state[_CHECKED] = True
    previous = resumed_from()
    st.session_state[_LOST] = previous is not None and session_tag(previous) in signed_in_tags()


def keep_checked() -> None:
    """After a logout cleared the session: the reconnect was already looked at (a logout is not a lost sign-in)."""
    st.session_state[_CHECKED] = True


def lost_signin(signed_in: bool) -> bool:
    """Whether to tell this session that its password sign-in was lost with its server (until it signs in again)."""
    if signed_in:
        st.session_state[_LOST] = False
    return bool(st.session_state.get(_LOST))


def make_script(session_id: str, signed_in: bool, forget: str | None) -> str:
    """The page's script for this run: the cookie of sessions with a password sign-in (this one added or removed,
    the one reconnected from dropped), and the watcher that reruns the page after a reconnect."""
    config = {
        "cookie": COOKIE,
        "session": session_tag(session_id),
        "signedIn": signed_in,
        "forget": forget and session_tag(forget),
        "max": MAX_SESSIONS,
        "restoring": RESTORING,
    }
    return SCRIPT % {"config": json.dumps(config)}


def render(lang: str, password_signin: bool) -> None:
    """The notice a lost connection shows (hidden while connected; out of the page's flow) and the page's script."""
    session_id = _session_id() or ""
    notice = (
        f'<div class="hbeu-connection" role="status" aria-live="polite">'
        f'<span class="hbeu-connection-lost">{html.escape(t("connection_lost", lang))}</span>'
        f'<span class="hbeu-connection-gone">{html.escape(t("connection_gone", lang))}</span></div>'
    )
    with st.container(key=KEY):
        st.html(STYLE + notice + make_script(session_id, password_signin, resumed_from()), unsafe_allow_javascript=True)


def render_lost_signin(lang: str, signed_in: bool, presenting: bool = False) -> None:
    """Tell a reader whose password sign-in was lost with its server to sign in again (a toast on the slides)."""
    if not lost_signin(signed_in):
        return
    if presenting:
        st.toast(t("signin_lost", lang), icon="🔒")
    else:
        st.warning(t("signin_lost", lang), icon=":material/lock:")

"""Which screen the charts are drawn for: a wide one (the default) or a phone. The server cannot see the viewport, so
a small script on every page tells it: below NARROW_PX it sets the cookie `hbeu_screen=phone` (else `wall`) and, when
that differs from what this session was drawn for, reloads the page once; the next session reads the cookie
(`st.context.cookies`, sent with the page's connection) and draws the charts to fit 390 px: the slides' in the
pages' type sizes instead of the wall's, every chart's bars named above them with room for their values
(charts.make_phone_figure). A returning phone has the cookie and loads once. Only the slides reload again when the
window is resized across NARROW_PX: a page may hold a form being filled in, which a reload would lose."""

import streamlit as st

COOKIE = "hbeu_screen"
NARROW_PX = 640
KEY = "screen-probe"

SCRIPT = """<script>
(() => {
  const drawnFor = "%(drawn)s";
  const check = () => {
    const screen = window.innerWidth < %(narrow)d ? "phone" : "wall";
    document.cookie = "%(cookie)s=" + screen + "; path=/; max-age=31536000; SameSite=Lax";
    if (screen !== drawnFor) window.location.reload();
  };
  if (window.__hbeuScreenCheck) window.removeEventListener("resize", window.__hbeuScreenCheck);
  let timer = null;
  window.__hbeuScreenCheck = () => { clearTimeout(timer); timer = setTimeout(check, 400); };
  if (window.location.pathname.endsWith("/present")) window.addEventListener("resize", window.__hbeuScreenCheck);
  if (!window.__hbeuScreenChecked || window.location.pathname.endsWith("/present")) check();
  window.__hbeuScreenChecked = true;
})();
</script>"""


def drawn_for_phone() -> bool:
    """Whether this session draws the charts for a phone (its page said so with the cookie)."""
    return st.context.cookies.get(COOKIE) == "phone"


def render_probe() -> None:
    """The script that tells the server the screen's kind (a hidden element)."""
    with st.container(key=KEY):
        script = SCRIPT % {"drawn": "phone" if drawn_for_phone() else "wall", "narrow": NARROW_PX, "cookie": COOKIE}
        st.html(f"<style>.st-key-{KEY} {{ display: none; }}</style>{script}", unsafe_allow_javascript=True)

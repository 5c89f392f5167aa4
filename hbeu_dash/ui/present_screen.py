"""Which screen the slides are drawn for: the wall (the default) or a phone. The server cannot see the viewport, so
a small script in the page tells it: below NARROW_PX it sets the cookie `hbeu_screen=phone` (else `wall`) and, when
that differs from what this session was drawn for, reloads the page once; the next session reads the cookie
(`st.context.cookies`, sent with the page's connection) and draws the slides' charts in the page's own type sizes,
which fit 390 px, instead of the wall's. A returning phone has the cookie and loads once."""

import streamlit as st

COOKIE = "hbeu_screen"
NARROW_PX = 640
KEY = "slide-screen-probe"

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
  window.addEventListener("resize", window.__hbeuScreenCheck);
  check();
})();
</script>"""


def drawn_for_phone() -> bool:
    """Whether this session draws the slides for a phone (its page said so with the cookie)."""
    return st.context.cookies.get(COOKIE) == "phone"


def render_probe(phone: bool) -> None:
    """The script that tells the server the screen's kind (a hidden element)."""
    with st.container(key=KEY):
        script = SCRIPT % {"drawn": "phone" if phone else "wall", "narrow": NARROW_PX, "cookie": COOKIE}
        st.html(f"<style>.st-key-{KEY} {{ display: none; }}</style>{script}", unsafe_allow_javascript=True)

"""The presenter's controls: previous / next (arrow keys), the slide menu, the settings; and how they step back while
the mouse rests (a class on <body> after a few seconds of stillness, gone on movement, touch or Tab)."""

import streamlit as st

from hbeu_dash.i18n import LANGS, LANGUAGE_NAMES, t
from hbeu_dash.ui import state
from hbeu_dash.views import slides as slide_views
from hbeu_dash.views.filters import ADVANCE_SECONDS, THEMES
from hbeu_dash.views.registry import PAGES

HOME_PATH = next(p.path for p in PAGES if p.default)
MENU_KEY = "slide-menu"
MENU_COLUMNS = 2  # the menu's titles in two columns: thirteen fit on a 720 p screen, each on a line or two
THEME_KEYS = {"light": "theme_light", "dark": "theme_dark"}
IDLE_SECONDS = 2.5  # the mouse resting this long, the controls fade out (and the pointer hides)

# Runs once per page (a flag on window: Streamlit re-sends the element on every run). Movement, a press, a touch,
# the wheel, Tab or focus inside the controls bring them back; the arrow keys (a presenter's clicker) do not, so the
# room does not see them flash at every slide. Never idle while a menu is open or off the slides.
IDLE_SCRIPT = """<script>
(() => {
  if (window.__slideIdle) return;
  window.__slideIdle = true;
  const WAIT = %(ms)d, CONTROLS = ".st-key-slide-controls";
  let timer = 0;
  const rest = () => {
    if (!document.querySelector(CONTROLS)) return;
    if (document.querySelector('[data-testid="stPopoverBody"]')) { timer = setTimeout(rest, WAIT); return; }
    document.body.classList.add("slide-idle");
  };
  const wake = () => {
    document.body.classList.remove("slide-idle");
    clearTimeout(timer);
    timer = setTimeout(rest, WAIT);
  };
  for (const type of ["mousemove", "pointerdown", "touchstart", "wheel"])
    document.addEventListener(type, wake, {capture: true, passive: true});
  document.addEventListener("keydown", (e) => { if (e.key === "Tab") wake(); }, true);
  document.addEventListener("focusin", (e) => {
    if (e.target instanceof Element && e.target.closest(CONTROLS)) wake();
  }, true);
  wake();
})();
</script>"""


def _go(number: int) -> None:
    st.session_state[state.KEYS["slide"]] = number
    st.session_state[MENU_KEY] = False  # close the menu: the slide is what the room should see


def _step(delta: int, count: int) -> None:
    current = int(st.session_state.get(state.KEYS["slide"], 1))
    st.session_state[state.KEYS["slide"]] = min(max(current + delta, 1), count)


def render_idle_script() -> None:
    """The script that lets the controls step back while the mouse rests (in a hidden element)."""
    with st.container(key="slide-idle-script"):
        st.html(IDLE_SCRIPT % {"ms": int(IDLE_SECONDS * 1000)}, unsafe_allow_javascript=True)


def render_menu(number: int, count: int, lang: str) -> None:
    """The slide menu: the slide's number on its button, every title inside, in columns, the current one marked."""
    titles = slide_views.slide_titles(lang)
    per_column = -(-count // MENU_COLUMNS)
    # A menu of buttons, not a selectbox: a selectbox keeps the keyboard focus, and the arrow keys would then move
    # through its options instead of the slides.
    with st.popover(f"{number} / {count}", help=t("slide_picker", lang), key=MENU_KEY, on_change="rerun"):
        with st.container(key="slide-menu-items", horizontal=True, gap="medium"):
            for first in range(0, count, per_column):
                with st.container(width="stretch"):
                    for i in range(first + 1, min(first + per_column, count) + 1):
                        st.button(
                            f"{i} · {titles[i - 1]}",
                            key=f"slide-go-{i}",
                            on_click=_go,
                            args=(i,),
                            type="primary" if i == number else "secondary",
                            width="stretch",
                        )


def render_settings(lang: str) -> None:
    """The settings: language, theme, auto-advance, and the way out."""
    with st.popover("⚙", help=t("slide_settings", lang)):
        st.radio(
            t("language", lang), list(LANGS), key=state.KEYS["lang"], format_func=LANGUAGE_NAMES.get, horizontal=True
        )
        st.radio(
            t("slide_theme", lang),
            list(THEMES),
            key=state.KEYS["theme"],
            format_func=lambda v: t(THEME_KEYS[v], lang),
            horizontal=True,
        )
        st.selectbox(
            t("slide_advance", lang),
            list(ADVANCE_SECONDS),
            key=state.KEYS["advance"],
            format_func=lambda s: t("advance_seconds", lang, n=s) if s else t("advance_off", lang),
        )
        st.page_link(HOME_PATH, label=t("leave_presenter", lang), icon=":material/close:")


def render_controls(number: int, count: int, lang: str) -> None:
    """Previous / next (arrow keys), the slide menu, and the settings: language, theme, auto-advance."""
    with st.container(key="slide-controls", horizontal=True, vertical_alignment="center", width="content", gap="small"):
        st.button(
            "◀",
            key="slide-prev",
            on_click=_step,
            args=(-1, count),
            shortcut="Left",
            disabled=number <= 1,
            help=t("slide_previous", lang),
        )
        render_menu(number, count, lang)
        st.button(
            "▶",
            key="slide-next",
            on_click=_step,
            args=(1, count),
            shortcut="Right",
            disabled=number >= count,
            help=t("slide_next", lang),
        )
        render_settings(lang)

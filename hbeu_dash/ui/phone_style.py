"""Local CSS for narrow screens (a 390 px phone, issue 19) and for the filter tags, which the 300 px sidebar cuts at
every width. Plain CSS, nothing fetched; chrome.render_style adds it to every page."""

# Streamlit 1.67's multiselect (react-aria): each tag is a [data-tag] span holding its text in span[title], capped at
# the box's width less 16 px and ended with an ellipsis; the box of tags scrolls inside itself past 155 px.
TAGS = """
[data-testid="stMultiSelect"] [data-tag] { max-width: 100%; height: auto; min-height: 28px; }
[data-testid="stMultiSelect"] [data-tag] > span[title] {
  white-space: normal; overflow: visible; text-overflow: clip; overflow-wrap: anywhere; line-height: 1.3;
  padding: 3px 0;
}
[data-testid="stMultiSelect"] div[role="group"] { max-height: none; }
"""

# Below PHONE_MAX_PX a chart is narrower than its title plus plotly's mode bar (shown at all times on a touch screen),
# so the mode bar moves into a strip of its own above the figure, where a finger still reaches it. Streamlit sizes the
# chart's element to the figure and clips it (overflow: auto, and hidden on the plot), so the strip is a margin above
# the element and the clipping is lifted for charts. A title is wrapped for a desktop chart (charts.TITLE_WIDTH: 26
# Chinese or 52 Latin characters at 18 px, up to 480 px), so on a phone (350 px) it is set at PHONE_TITLE_PX; the
# downloaded PNG keeps its size (plotly draws it apart, outside this page's charts).
PHONE_MAX_PX = 640
MODEBAR_STRIP_PX = 30
PHONE_TITLE_PX = 13
CHART = '[data-testid="stElementContainer"]:has(> [data-testid="stFullScreenFrame"] > [data-testid="stPlotlyChart"])'
PHONE = f"""
@media (max-width: {PHONE_MAX_PX}px) {{
  {CHART} {{ margin-top: {MODEBAR_STRIP_PX}px; overflow: visible; }}
  [data-testid="stPlotlyChart"] .js-plotly-plot {{ overflow: visible !important; }}
  [data-testid="stPlotlyChart"] .modebar-container {{ top: -{MODEBAR_STRIP_PX}px !important; }}
  [data-testid="stPlotlyChart"] .gtitle {{ font-size: {PHONE_TITLE_PX}px !important; }}
}}
"""

# deck.gl takes every touch on the map (touch-action: none), so on a phone a swipe over it (520 of 844 px) never
# scrolls the page: vertical swipes go to the page, horizontal drags and pinches still move the map (measured: 0 px
# scrolled over the map before, 185 px after).
TOUCH = """
@media (hover: none) {
  [data-testid="stDeckGlJsonChart"] .deck-events-root { touch-action: pan-y !important; }
}
"""

CSS = "<style>" + TAGS + PHONE + TOUCH + "</style>"

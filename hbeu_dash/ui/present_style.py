"""The presenter's style: a 16:9 slide in type readable from the back of a room, and the dark big-screen theme."""

# Sizes in vh: the slide scales with the screen (1080 p and 720 p alike); body text ≥ 1/50 of the screen's height.
CSS = """<style>
header[data-testid="stHeader"] { display: none; }
[data-testid="stMainBlockContainer"] { padding: 1.5vh 2.5vw 0 !important; max-width: 100% !important; }
[data-testid="stApp"] { font-size: 2.2vh; }
.slide-head { display: flex; align-items: baseline; gap: 1.2vw; }
.slide-title { font-size: 4.4vh; font-weight: 700; line-height: 1.15; margin: 0; padding: 0; }
.slide-no { font-size: 2.2vh; opacity: 0.85; white-space: nowrap; }
.slide-foot { font-size: 2.1vh; line-height: 1.35; color: #4a4d57; }
.slide-empty { font-size: 3vh; padding: 10vh 0; text-align: center; }
.chart-title { font-size: 2.6vh; font-weight: 600; margin-bottom: 0.6vh; }
.slide-message { font-size: 2.3vh; font-weight: 500; line-height: 1.35; margin: 0; }
.slide-notes { font-size: 2.05vh; line-height: 1.35; margin: 0; padding-left: 1.2em; color: #4a4d57; }
.slide-notes li { margin: 0 0 0.3vh; break-inside: avoid; }
.slide .kpi-grid { gap: 1.6vh 1.2vw; margin: 0; }
.slide .kpi-card { padding: 1.4vh 1vw; line-height: 1.3; }
.slide .kpi-name { font-size: 2.3vh; margin-bottom: 0.4vh; }
.slide .kpi-city, .slide .kpi-meta, .slide .kpi-agree, .slide .kpi-conflict { font-size: 2.05vh; margin-top: 0.4vh; }
.slide .kpi-value { font-size: 6vh; font-weight: 700; line-height: 1.15; margin: 0.4vh 0 0.6vh; }
.slide .kpi-meta, .slide .kpi-agree { color: #4a4d57; }
.slide .kpi-stale { color: #8a5300; }
.slide-block { margin-bottom: 1.4vh; break-inside: avoid; }
.slide-columns { column-count: 2; column-gap: 2vw; }
.slide-block h3 { font-size: 2.5vh; font-weight: 650; margin: 0 0 0.4vh; padding: 0; line-height: 1.3; }
.slide-block p { font-size: 2.2vh; margin: 0 0 0.6vh; line-height: 1.35; }
.slide-block table { border-collapse: collapse; width: 100%; font-size: 2.2vh; }
.slide-block th, .slide-block td { text-align: left; vertical-align: top; padding: 0.5vh 0.6vw;
  border-bottom: 1px solid rgba(49, 51, 63, 0.25); }
.swatch { display: inline-block; width: 1.8vh; height: 1.8vh; border-radius: 0.3vh; margin-right: 0.5vw;
  vertical-align: -0.2vh; border: 1px solid rgba(49, 51, 63, 0.4); }
.st-key-plotly-preload, .st-key-slide-idle-script { position: absolute; left: 0; top: 0; width: 10px; height: 10px;
  opacity: 0; pointer-events: none; overflow: hidden; }
/* The slide is the screen: title, body, then the sources beside the controls; the body takes every pixel between. */
[data-testid="stMainBlockContainer"] { height: 100vh; padding-bottom: 1.2vh !important; }
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] { height: 100%; gap: 0; }
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] > [data-testid="stLayoutWrapper"]:has(
  > .st-key-slide-body) { flex: 1 1 0 !important; min-height: 0; margin: 1.2vh 0; }
.st-key-slide-body { height: 100%; overflow: hidden; gap: 1.2vh; flex-wrap: nowrap; }
.st-key-slide-body > [data-testid="stLayoutWrapper"],
.st-key-slide-body > [data-testid="stElementContainer"]:has(.slide-fill),
.st-key-slide-body [data-testid="stColumn"] > [data-testid="stVerticalBlock"],
.st-key-slide-body [data-testid="stColumn"] [data-testid="stLayoutWrapper"],
.st-key-slide-body [data-testid="stColumn"] [data-testid="stElementContainer"]:has(.slide-fill) {
  flex: 1 1 0 !important; min-height: 0; }
.st-key-slide-body > [data-testid="stLayoutWrapper"] > [data-testid="stHorizontalBlock"] { height: 100%; }
.st-key-slide-body [data-testid="stColumn"] { display: flex; flex-direction: column; }
.st-key-slide-body [data-testid="stHtml"]:has(> .slide-fill), .slide-fill { height: 100%; }
.st-key-slide-body [class*="st-key-slide-chart-"], .st-key-slide-body [class*="st-key-slide-timeline-"],
.st-key-slide-map { height: 100%; flex-wrap: nowrap; }
.st-key-slide-body [class*="-plot"] { flex: 1 1 0 !important; height: auto !important; min-height: 0; }
/* Cards and text blocks share the body's height: rows of equal height, the cards' numbers larger. */
.slide-fill .kpi-grid { height: 100%; grid-template-rows: repeat(var(--kpi-rows, 2), minmax(0, 1fr)); }
.slide-fill .kpi-card { display: flex; flex-direction: column; justify-content: center; }
.slide-fill .kpi-value { font-size: 6.2vh; overflow-wrap: normal; hyphens: none; }
.slide-grid { display: grid; gap: 1.6vh 2.5vw; grid-auto-flow: column;
  grid-template-rows: repeat(var(--block-rows, 1), minmax(0, 1fr));
  grid-template-columns: repeat(var(--block-columns, 1), minmax(0, 1fr)); }
.slide-grid .slide-block { margin: 0; padding: 1.4vh 1.2vw; border-radius: 0.8vh; display: flex;
  flex-direction: column; justify-content: center; background: rgba(49, 51, 63, 0.04);
  border: 1px solid rgba(49, 51, 63, 0.12); }
.slide-grid .slide-block h3 { font-size: 3vh; }
.slide-grid .slide-block p { font-size: 2.6vh; }
.slide-grid .slide-block table { font-size: 2.6vh; flex: 1 1 auto; }
.slide-grid .slide-block td:first-child { font-size: 5vh; font-weight: 700; white-space: nowrap; }
.slide-grid .slide-block td { vertical-align: middle; padding: 1vh 0.8vw; }
/* The timeline's labels in type that scales with the screen (its layout is drawn for 22 px at 1080 p). */
.st-key-slide-body [class*="st-key-slide-timeline-"] .textpoint text { font-size: 2.04vh !important; }
/* The sources, then the controls at the right of the foot; resting, the controls fade out and the pointer hides. */
.st-key-slide-bottom { flex-wrap: nowrap; }
.st-key-slide-bottom > [data-testid="stElementContainer"] { flex: 1 1 0; min-width: 0; }
.st-key-slide-controls { flex: 0 0 auto; transition: opacity 0.5s; }
body.slide-idle .st-key-slide-controls:not(:has(:focus-visible)) { opacity: 0; pointer-events: none; }
body.slide-idle, body.slide-idle * { cursor: none !important; }
.st-key-slide-controls button p, .st-key-slide-controls [data-baseweb="select"] div { font-size: 2.2vh; }
/* The slide menu: every title whole, in two columns, wide enough for the longest. */
[data-testid="stPopoverBody"]:has(.st-key-slide-menu-items) { width: min(92vw, 1100px) !important;
  max-width: 92vw !important; max-height: 80vh; }
.st-key-slide-menu-items { flex-wrap: nowrap; }
.st-key-slide-menu-items button { justify-content: flex-start; text-align: left; min-height: 0; }
.st-key-slide-menu-items button p { font-size: 2vh; white-space: normal; text-align: left; line-height: 1.3; }
/* A phone (ui/screen.py): the slide reads as a page that scrolls: its charts at their own heights in the pages'
   type sizes, the sources line over the controls, a table's long quotes wrapped inside its columns. */
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { height: auto; }
  [data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] { height: auto; }
  [data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] > *,
  [data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] > [data-testid="stLayoutWrapper"]:has(
  > .st-key-slide-body) { flex: none !important; min-height: auto; }
  .st-key-slide-body { height: auto; overflow: visible; flex: none !important; }
  /* #root: above the wall's rules for the body's wrappers, whatever their selectors' weight */
  #root .st-key-slide-body * { flex: none !important; min-height: auto; }
  .st-key-slide-body [data-testid="stHorizontalBlock"], .st-key-slide-body [data-testid="stLayoutWrapper"],
  .st-key-slide-body [class*="st-key-slide-chart-"], .st-key-slide-body [class*="st-key-slide-timeline-"],
  .st-key-slide-map { height: auto !important; }
  .st-key-slide-bottom { flex-wrap: wrap !important; }
  .st-key-slide-bottom > * { flex: 1 1 100% !important; width: 100% !important; max-width: 100% !important; }
  .slide-block table { table-layout: fixed; }
  .slide-block th, .slide-block td { overflow-wrap: anywhere; }
}
</style>"""
DARK_CSS = """<style>
[data-testid="stApp"], [data-testid="stMain"] { background: #0f172a; color: #e2e8f0; }
.slide-foot, .slide-notes, .slide .kpi-meta, .slide .kpi-agree, .slide-no { color: #cbd5e1; }
.slide .kpi-stale { color: #f5c26b; }
.slide .kpi-card, .slide-grid .slide-block { border-color: #334155; background: #111c33; }
.slide .kpi-help { color: #94a3b8; }
.slide .kpi-conflict { color: #fca5a5; }
.slide-block th, .slide-block td { border-bottom-color: #334155; }
.slide-foot a { color: #93c5fd; }
.evidence-pending { color: #fcd34d; }
[data-testid="stApp"] button { background: #1e293b; color: #e2e8f0; border-color: #475569; }
[data-testid="stApp"] [data-baseweb="select"] > div, [data-testid="stApp"] [data-baseweb="select"] input {
  background: #1e293b !important; color: #e2e8f0 !important; border-color: #475569 !important; }
[data-testid="stApp"] [data-baseweb="select"] * { color: #e2e8f0 !important; }
[data-testid="stApp"] [data-baseweb="select"] svg { fill: #e2e8f0; }
</style>"""

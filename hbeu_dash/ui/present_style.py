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
.st-key-plotly-preload { position: absolute; left: 0; top: 0; width: 10px; height: 10px; opacity: 0;
  pointer-events: none; overflow: hidden; }
.st-key-slide-body { flex: 0 0 72vh !important; height: 72vh !important; overflow: hidden; }
.st-key-slide-chart-0, .st-key-slide-chart-1, .st-key-slide-map { flex: 0 0 64vh !important; height: 64vh !important; }
/* A message above the charts, notes under them: the charts take the height left between (flex), whatever the
   message's length. */
.st-key-slide-body:has(.slide-message) > [data-testid="stLayoutWrapper"] { flex: 1 1 0 !important; min-height: 0; }
.st-key-slide-body:has(.slide-message) [data-testid="stColumn"] { display: flex; flex-direction: column; }
.st-key-slide-body:has(.slide-message) [data-testid="stColumn"] > [data-testid="stVerticalBlock"],
.st-key-slide-body:has(.slide-message) [data-testid="stColumn"] [data-testid="stLayoutWrapper"] {
  flex: 1 1 0 !important; min-height: 0; }
.st-key-slide-body:has(.slide-message) .st-key-slide-chart-0,
.st-key-slide-body:has(.slide-message) .st-key-slide-chart-1,
.st-key-slide-body:has(.slide-message) .st-key-slide-chart-0-plot,
.st-key-slide-body:has(.slide-message) .st-key-slide-chart-1-plot {
  flex: 1 1 0 !important; height: auto !important; min-height: 0; }
.st-key-slide-controls button p, .st-key-slide-controls [data-baseweb="select"] div { font-size: 2.2vh; }
</style>"""
DARK_CSS = """<style>
[data-testid="stApp"], [data-testid="stMain"] { background: #0f172a; color: #e2e8f0; }
.slide-foot, .slide-notes, .slide .kpi-meta, .slide .kpi-agree, .slide-no { color: #cbd5e1; }
.slide .kpi-stale { color: #f5c26b; }
.slide .kpi-card { border-color: #334155; background: #111c33; }
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

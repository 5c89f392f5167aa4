"""Build hbeu_dash/assets/plotly-partial.min.js (plotly.js with only the briefing's trace types) and PLOTLY.md.

usage: .venv/bin/python scripts/build_plotly_bundle.py [TRACE ...]

The offline briefing embeds plotly.js in its one HTML file; the full bundle is 4.8 MB, this one about 1.2 MB. It is
built once and vendored, so neither CI nor the app needs npm: the npm package plotly.js of the SAME version as the
plotly.js inside the installed plotly Python package (plotly.offline.get_plotlyjs_version()) and esbuild are
installed into a temporary folder (needs node, npm and the npm registry), `plotly.js/lib/core` (scatter, the
components) and the trace modules are bundled and minified, then the file is opened in /usr/bin/chromium to read
back its version and the trace types it registered: the header written above the code lists them, and the
briefing (documents/briefing/html.py) and its tests read that header. Trace types default to TRACES; scatter is
always in, plotly.js's core holds it.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

# Run as a file, not as an installed package: make the project importable for its paths.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from plotly.offline import get_plotlyjs_version

from hbeu_dash.paths import PLOTLY_BUNDLE, PLOTLY_NOTE

# The trace types of the briefing's figures (graphics/charts.py, graphics/maps): bars, the identity's waterfall;
# scatter (lines, markers, the step lines of the trends, the map) comes with the core.
TRACES = ("bar", "waterfall")
ESBUILD = "0.28.2"
# esbuild options of plotly.js's own esbuild-config.js, less the plugins only its WebGL traces need.
ESBUILD_ARGS = (
    "--bundle",
    "--minify",
    "--format=iife",
    "--global-name=Plotly",
    "--target=es2016",
    "--define:global=window",
    "--define:define.amd=false",
    "--alias:stream=stream-browserify",
    "--log-level=warning",
)
READ_BACK_JS = "() => [Plotly.version, Object.keys(Plotly.PlotSchema.get().traces).sort()]"


def build(version: str, traces: tuple[str, ...], folder: Path) -> str:
    """The minified bundle of plotly.js `version` with `traces`, built in `folder`."""
    npm = ["npm", "install", "--prefix", str(folder), "--no-audit", "--no-fund", "--ignore-scripts", "--silent"]
    subprocess.run([*npm, f"plotly.js@{version}", f"esbuild@{ESBUILD}"], check=True)
    modules = ", ".join(f"require('plotly.js/lib/{name}')" for name in traces)
    entry = folder / "entry.js"
    entry.write_text(
        f"var Plotly = require('plotly.js/lib/core');\nPlotly.register([{modules}]);\nmodule.exports = Plotly;\n",
        encoding="utf-8",
    )
    out = folder / "out.min.js"
    esbuild = folder / "node_modules" / ".bin" / "esbuild"
    subprocess.run([str(esbuild), str(entry), *ESBUILD_ARGS, f"--outfile={out}"], check=True, cwd=folder)
    return out.read_text(encoding="utf-8")


def read_back(code: str, folder: Path) -> tuple[str, list[str]]:
    """The version and trace types the bundle registers, as Chromium runs it (offline, from a file)."""
    from playwright.sync_api import sync_playwright

    from hbeu_dash.documents.briefing.pdf import CHROMIUM_ARGS, chromium_path

    page_file = folder / "check.html"
    page_file.write_text(f"<!DOCTYPE html><html><head><script>{code}</script></head><body></body></html>", "utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(page_file.as_uri())
            found_version, found_traces = page.evaluate(READ_BACK_JS)
        finally:
            browser.close()
    return found_version, found_traces


def header(version: str, traces: list[str]) -> str:
    """The comment above the code: what it is, its trace types (read by documents.briefing.html), how to rebuild it."""
    return (
        "/**\n"
        f"* plotly.js (hbeu partial - minified) v{version}\n"
        f"* traces: {', '.join(traces)}\n"
        f"* built from npm plotly.js@{version} with esbuild@{ESBUILD} by scripts/build_plotly_bundle.py\n"
        "* Copyright 2012-2026, Plotly, Inc.\n"
        "* All rights reserved.\n"
        "* Licensed under the MIT license\n"
        "*/\n"
    )


def note(version: str, traces: list[str], size: int, licence: str) -> str:
    """PLOTLY.md: what the file is, how it was made, its licence."""
    return f"""# plotly.js, partial bundle

`plotly-partial.min.js` ({size:,} bytes) is plotly.js **v{version}** — the version inside the pinned plotly
Python package — holding only the trace types **{", ".join(traces)}** (and plotly.js's core: layout, axes,
annotations, shapes, legend, hover, the mode bar). The offline briefing (`documents/briefing/html.py`) embeds it
in its HTML file instead of the full 4.8 MB bundle; a figure whose trace type is not in the list above makes the
briefing embed the full bundle instead (and its size test fail). The app itself uses plotly's full bundle.

Rebuild it (after a plotly upgrade, or for another trace type) with node, npm and the npm registry:

```
.venv/bin/python scripts/build_plotly_bundle.py            # bar, waterfall (+ scatter, always in)
.venv/bin/python scripts/build_plotly_bundle.py bar waterfall pie
```

It installs npm `plotly.js@{version}` and `esbuild@{ESBUILD}` into a temporary folder, bundles
`plotly.js/lib/core` and `plotly.js/lib/<trace>` for each trace (`Plotly.register([...])`), minified, as an IIFE
defining the global `Plotly`, then reads the version and the registered trace types back in Chromium and writes
them in the file's header. The bundled dependencies' licence notes are kept at the end of the file.

## Licence

plotly.js is MIT-licensed:

```
{licence.strip()}
```
"""


def main(argv: list[str]) -> int:
    """Build, check and write the bundle and its note."""
    traces = tuple(dict.fromkeys(argv or TRACES))
    version = get_plotlyjs_version()
    with tempfile.TemporaryDirectory(prefix="plotly-bundle-") as tmp:
        folder = Path(tmp)
        code = build(version, traces, folder)
        found_version, found_traces = read_back(code, folder)
        licence = (folder / "node_modules" / "plotly.js" / "LICENSE").read_text(encoding="utf-8")
    if found_version != version:
        print(f"the bundle says plotly.js {found_version}, the Python package has {version}", file=sys.stderr)
        return 1
    missing = sorted({"scatter", *traces} - set(found_traces))
    if missing:
        print(f"the bundle does not register {', '.join(missing)}", file=sys.stderr)
        return 1
    content = header(version, found_traces) + code
    PLOTLY_BUNDLE.write_text(content, encoding="utf-8")
    PLOTLY_NOTE.write_text(note(version, found_traces, len(content.encode()), licence), encoding="utf-8")
    print(json.dumps({"file": str(PLOTLY_BUNDLE), "bytes": len(content.encode()), "traces": found_traces}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

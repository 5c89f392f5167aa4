"""Group 3 (server half): warm script rerun of every page with streamlit.testing.v1.AppTest, beside the floor app.

Runs in its own process (`python -m bench.rerun APP FLOOR REPEATS`) so the app's imports and caches stay out of the
benchmark's process; it prints one JSON line.
"""

import json
import re
import sys
import time
from pathlib import Path

from bench.common import Settings, median, ms, row, run_json_subprocess

MAIN = "(main)"
FLOOR = "(floor)"


def page_files(app: Path) -> list[str]:
    """The app's page scripts relative to its folder: the .py paths its source names (st.Page), else the scripts
    in app_pages/ (our registry's folder) or pages/."""
    named = re.findall(r"""["']([\w./-]+\.py)["']""", app.read_text(encoding="utf-8"))
    found = [n for n in dict.fromkeys(named) if (app.parent / n).is_file() and (app.parent / n).resolve() != app]
    if found:
        return found
    return sorted(
        str(p.relative_to(app.parent))
        for folder in ("app_pages", "pages")
        for p in (app.parent / folder).glob("*.py")
        if p.name[0] not in "_."
    )


def _open(app: Path, page: str) -> object:
    """An AppTest on the page, run three times (cold run, page switch, first warm run)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(app), default_timeout=60).run()
    if page != MAIN:
        at.switch_page(page).run()
    return at.run()


def _error(at: object) -> str:
    return "exception: " + str(at.exception[0].message)[:200] if at.exception else ""


def measure(app: Path, floor: Path, repeats: int) -> dict:
    """Warm rerun times (ms) of the floor app and of every page of the app, interleaved repeat by repeat."""
    targets = {FLOOR: (floor, MAIN)} | {page: (app, page) for page in [MAIN, *page_files(app)]}
    tests, out = {}, {}
    for name, (script, page) in targets.items():
        try:
            tests[name] = _open(script, page)
            out[name] = {"times": [], "error": _error(tests[name])}
        except Exception as exc:  # an app error must not stop the other pages
            out[name] = {"times": [], "error": f"{type(exc).__name__}: {exc}"[:300]}
    for _ in range(repeats):
        for name, at in tests.items():
            if out[name]["error"]:
                continue
            start = time.perf_counter()
            at.run()
            out[name]["times"].append(ms(time.perf_counter() - start))
            out[name]["error"] = _error(at)
    return out


def run(settings: Settings) -> dict:
    """One fresh process runs the floor app and every page of the app."""
    budget = max(300.0, settings.timeout * 10)
    found = run_json_subprocess(["bench.rerun", str(settings.app), str(settings.floor), str(settings.repeats)], budget)
    floor = found.pop(FLOOR)
    floor_ms = median(floor["times"])
    rows = [row("rerun", "warm rerun: floor app", floor_ms, n=len(floor["times"]), note=floor["error"])]
    errors = [f"floor app: {floor['error']}"] if floor["error"] else []
    for page, result in found.items():
        rows.append(
            row(
                "rerun",
                f"warm rerun: {page}",
                median(result["times"]),
                floor=floor_ms,
                limit=50,
                n=len(result["times"]),
                note=result["error"],
            )
        )
        if result["error"]:
            errors.append(f"{page}: {result['error']}")
    return {"rows": rows, "samples": {"floor app": floor, **found}, "errors": errors}


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve(), int(sys.argv[3]))))

"""Group 4, scale: a synthetic data folder with many figure rows; load+validate, filtered rerun, peak memory.

The measurements run in fresh processes (`python -m bench.scale measure|floor|profile DIR ...`), each printing one
JSON line, so that ru_maxrss is the peak of that step alone.
"""

import json
import resource
import shutil
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd

from bench.common import DATA_OUT, ROOT, Settings, median, ms, row, run_json_subprocess

REAL_DATA = ROOT / "data"
KEEP = ("sources", "cities", "indicators", "projects", "events", "identities")
CITY_IDS = ("hohhot", "baotou", "ordos", "ulanqab")
YEARS = tuple(range(2015, 2025))
COUNT_MEASURES = ("count_in_period", "count_to_date", "count")
MAX_INDICATORS = 8
GENERATOR_VERSION = 2  # 2: zh/en columns (speaker_*, evidence_en, note_*)
FILTER_CITIES = ("hohhot",)
FILTER_SECTOR = "government_services"


def _maxrss_mb() -> float:
    """Peak resident memory of this process so far, in MB (ru_maxrss is KB on Linux)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _pick_indicators(indicators: pd.DataFrame) -> list[str]:
    """Up to MAX_INDICATORS count indicators, taken round-robin over the sectors so every sector has some."""
    counts = indicators[indicators["measure"].isin(COUNT_MEASURES)]
    by_sector = [list(group["indicator_id"]) for _, group in counts.groupby("sector", sort=True)]
    picked: list[str] = []
    while len(picked) < MAX_INDICATORS and any(by_sector):
        for ids in by_sector:
            if ids and len(picked) < MAX_INDICATORS:
                picked.append(ids.pop(0))
    return picked


def _stamp(rows: int) -> dict:
    """What a generated folder was made from; a folder with another stamp is made again."""
    mtimes = {p.name: p.stat().st_mtime for p in sorted(REAL_DATA.glob("*.csv"))}
    return {"rows": rows, "version": GENERATOR_VERSION, "sources": mtimes}


def generate(out: Path, rows: int, seed: int = 7) -> dict:
    """Copy the small real tables and write `rows` figure rows: the real ones plus monthly district figures."""
    stamp_file = out / "stamp.json"
    stamp = _stamp(rows)
    if stamp_file.is_file() and json.loads(stamp_file.read_text()) == stamp:
        return {"reused": True, "dir": str(out), **stamp}
    start = time.perf_counter()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in KEEP:
        shutil.copyfile(REAL_DATA / f"{name}.csv", out / f"{name}.csv")
    real = _read(REAL_DATA / "figures.csv")
    indicators = _pick_indicators(_read(REAL_DATA / "indicators.csv"))
    source_id = _read(REAL_DATA / "sources.csv")["source_id"].iloc[0]

    n = max(0, rows - len(real))
    i = np.arange(n)
    month = i % 12 + 1
    rest = i // 12
    year = np.array(YEARS)[rest % len(YEARS)]
    rest //= len(YEARS)
    indicator = np.array(indicators)[rest % len(indicators)]
    rest //= len(indicators)
    city = np.array(CITY_IDS)[rest % len(CITY_IDS)]
    district = rest // len(CITY_IDS) + 1
    value = np.random.default_rng(seed).integers(1, 100_000, n)

    s = pd.Series
    month_s, year_s, value_s = s(month).astype(str), s(year).astype(str), s(value).astype(str)
    period = year_s + "-" + month_s.str.zfill(2)
    district_s = s(district).astype(str).str.zfill(4)
    synthetic = pd.DataFrame(
        {
            "figure_id": "syn-" + s(city) + "-d" + district_s + "-" + s(indicator) + "-" + period,
            "indicator_id": indicator,
            "city": city,
            "value": value_s,
            "value_text": value_s,
            "period": period,
            "as_of": period,
            "source_id": source_id,
            "speaker_zh": "",
            "speaker_en": "",
            "event_id": "",
            "evidence": "某区" + month_s + "月办理" + value_s + "件",
            "evidence_en": "District office handled " + value_s + " cases in month " + month_s,
            "note_zh": "合成数据:区 d" + district_s,
            "note_en": "synthetic: district d" + district_s,
        }
    )
    frame = pd.concat([real, synthetic[real.columns]], ignore_index=True)
    frame.to_csv(out / "figures.csv", index=False)
    districts = int(district.max()) if n else 0
    stamp_file.write_text(json.dumps(stamp))
    return {
        "reused": False,
        "dir": str(out),
        "seconds": round(time.perf_counter() - start, 1),
        "shape": f"{len(real)} real + {n} synthetic: {len(CITY_IDS)} cities x <= {districts} districts x "
        f"{len(indicators)} indicators x {len(YEARS)} years x 12 months",
        **stamp,
    }


def _filter_step(tables: dict[str, pd.DataFrame]) -> tuple[object, str, float | None]:
    """The filtered rerun to time: the app's own transforms if they fit, else a pandas equivalent."""
    figures, indicators, sources = tables["figures"], tables["indicators"], tables["sources"]
    try:
        from hbeu_dash import transforms

        start = time.perf_counter()
        joined = transforms.join_figures(figures, indicators, sources)
        join_ms = ms(time.perf_counter() - start)

        def step() -> pd.Series:
            chosen = transforms.filter_figures(joined, FILTER_CITIES, (FILTER_SECTOR,))
            return chosen.groupby(["indicator_id", "period"])["value"].sum()

        step()
        how = (
            f"hbeu_dash.transforms.filter_figures(joined, {FILTER_CITIES}, ('{FILTER_SECTOR}',))"
            f" + groupby(indicator_id, period).sum(); join_figures once beforehand: {join_ms} ms"
        )
        return step, how, join_ms
    except (ImportError, AttributeError, TypeError, KeyError, ValueError) as exc:
        reason = f"{type(exc).__name__}: {exc}"[:150]

    joined = figures.merge(indicators[["indicator_id", "sector"]], on="indicator_id", how="left")
    values = pd.to_numeric(joined["value"], errors="coerce")

    def fallback() -> pd.Series:
        keep = joined["city"].isin(FILTER_CITIES) & joined["sector"].eq(FILTER_SECTOR)
        return values[keep].groupby([joined["indicator_id"][keep], joined["period"][keep]]).sum()

    return fallback, f"pandas filter+groupby (transforms not usable: {reason})", None


def measure(folder: Path, repeats: int) -> dict:
    """In this process: read_dataset (load + validate) once, then the filtered rerun `repeats` times."""
    from hbeu_dash.loaders import read_dataset

    base = _maxrss_mb()
    start = time.perf_counter()
    result = read_dataset(folder)
    load_ms = ms(time.perf_counter() - start)
    out: dict = {"load_ms": load_ms, "base_rss_mb": base, "problems": len(result.problems)}
    if result.problems:
        out["first_problems"] = [str(p) for p in result.problems[:3]]
    tables = dict(result.tables)
    if "figures" not in tables:  # invalid data: time the filter on the raw table so the number still exists
        tables["figures"] = _read(folder / "figures.csv").assign(value=lambda f: pd.to_numeric(f["value"]))
    for name in ("indicators", "sources"):
        tables.setdefault(name, _read(folder / f"{name}.csv"))
    step, how, _ = _filter_step(tables)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        step()
        times.append(ms(time.perf_counter() - start))
    out |= {"filter_ms": times, "filter_how": how, "rows": len(tables["figures"]), "peak_rss_mb": _maxrss_mb()}
    return out


def floor(folder: Path, repeats: int) -> dict:
    """The floor: pandas read_csv of figures.csv as strings, and a pandas filter+groupby on it."""
    base = _maxrss_mb()
    start = time.perf_counter()
    figures = _read(folder / "figures.csv")
    read_ms = ms(time.perf_counter() - start)
    indicators = _read(folder / "indicators.csv")
    figures["value"] = pd.to_numeric(figures["value"])
    sector = figures["indicator_id"].map(indicators.set_index("indicator_id")["sector"])
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        keep = figures["city"].isin(FILTER_CITIES) & sector.eq(FILTER_SECTOR)
        figures[keep].groupby(["indicator_id", "period"])["value"].sum()
        times.append(ms(time.perf_counter() - start))
    return {"load_ms": read_ms, "filter_ms": times, "base_rss_mb": base, "peak_rss_mb": _maxrss_mb()}


def _label(frame: object) -> str:
    path = (frame.file_path_short or "").replace(str(ROOT) + "/", "")
    return f"{frame.function} ({path}:{frame.line_no})"


def profile(folder: Path, top: int = 12) -> dict:
    """pyinstrument on read_dataset: the functions with the most self time and the most total time."""
    from pyinstrument import Profiler

    from hbeu_dash.loaders import read_dataset

    profiler = Profiler(interval=0.001)
    profiler.start()
    read_dataset(folder)
    session = profiler.stop()
    root = session.root_frame()
    total = root.time if root else 0.0
    own: dict[str, float] = defaultdict(float)
    inclusive: dict[str, float] = defaultdict(float)

    def walk(frame: object, stack: frozenset[str]) -> None:
        key = _label(frame)
        own[key] += frame.time - sum(c.time for c in frame.children if not c.is_synthetic)
        if key not in stack:
            inclusive[key] += frame.time
        for child in frame.children:
            if not child.is_synthetic:
                walk(child, stack | {key})

    if root:
        walk(root, frozenset())
    text = profiler.output_text(unicode=False, color=False, show_all=False)
    report = DATA_OUT / "profile-loader.txt"
    report.write_text(text)

    def ranked(table: dict[str, float]) -> list[dict]:
        best = sorted(table.items(), key=lambda kv: -kv[1])[:top]
        return [{"function": k, "seconds": round(v, 3), "pct": round(100 * v / total, 1)} for k, v in best]

    # Total time is only telling for the project's own functions; pandera's call chain would fill the list.
    ours = {k: v for k, v in inclusive.items() if "hbeu_dash/" in k and not k.startswith("read_dataset ")}
    return {"seconds": round(total, 2), "self": ranked(own), "total": ranked(ours), "report": str(report)}


def run(settings: Settings) -> dict:
    """Generate the folders, then measure the app's loader beside the pandas floor, and profile the loader."""
    rows, errors = [], []
    big = DATA_OUT / "scale"
    made = generate(big, settings.scale_rows)
    cap = settings.scale_time_cap
    budget = max(600.0, cap * 4)
    floors: list[dict] = []
    loads: list[dict] = []
    spent = 0.0
    while len(loads) < settings.repeats and (not loads or spent < cap):  # a slow loader is timed fewer times
        floors.append(run_json_subprocess(["bench.scale", "floor", str(big), "3"], budget))
        loads.append(run_json_subprocess(["bench.scale", "measure", str(big), "3"], budget))
        spent += loads[-1]["load_ms"] / 1000
    floor_load = median([f["load_ms"] for f in floors])
    floor_filter = median([median(f["filter_ms"]) for f in floors])
    floor_peak = max(f["peak_rss_mb"] for f in floors)
    load = median([m["load_ms"] for m in loads])
    filt = median([median(m["filter_ms"]) for m in loads])
    peak = max(m["peak_rss_mb"] for m in loads)
    n_rows = loads[0]["rows"]
    problems = loads[0]["problems"]
    valid = "valid" if problems == 0 else f"{problems} validation problems, e.g. {loads[0]['first_problems'][0]}"
    if problems:
        errors.append(f"synthetic data is not valid: {valid}")
    capped = f"; repeats cut to {len(loads)} after {spent:.0f} s of loading" if len(loads) < settings.repeats else ""
    label = f"{n_rows:,} rows"
    full = n_rows >= 1_000_000  # the budgets are set for a million rows
    rows.append(
        row(
            "scale",
            f"load+validate {label}",
            load,
            floor=floor_load,
            limit=2000 if full else None,
            n=len(loads),
            note=valid + capped,
        )
    )
    rows.append(
        row(
            "scale",
            f"filtered rerun {label}",
            filt,
            floor=floor_filter,
            limit=1000 if full else None,
            n=len(loads),
            note=loads[0]["filter_how"],
        )
    )
    rows.append(
        row(
            "scale",
            f"peak memory {label}",
            peak,
            "MB",
            floor=floor_peak,
            limit=500 if full else None,
            n=len(loads),
            note="ru_maxrss",
        )
    )
    samples: dict = {"generated": made, "floor": floors, "app": loads}
    if not settings.quick and settings.profile_rows:
        small = DATA_OUT / f"scale-{settings.profile_rows}"
        generate(small, settings.profile_rows)
        samples["profile"] = run_json_subprocess(["bench.scale", "profile", str(small)], budget)
        samples["profile"]["rows"] = settings.profile_rows
    return {"rows": rows, "samples": samples, "errors": errors}


def _budget(limit: float | None, value: float | None, unit: str) -> dict:
    """Budget fields for a row; none when the run is smaller than the budget's million rows."""
    if limit is None:
        return {}
    return {"budget": f"<= {limit:g} {unit}", "ok": None if value is None else value <= limit}


if __name__ == "__main__":
    command, folder = sys.argv[1], Path(sys.argv[2])
    if command == "measure":
        print(json.dumps(measure(folder, int(sys.argv[3]))))
    elif command == "floor":
        print(json.dumps(floor(folder, int(sys.argv[3]))))
    elif command == "profile":
        print(json.dumps(profile(folder)))
    elif command == "generate":
        print(json.dumps(generate(folder, int(sys.argv[3]))))
    else:
        sys.exit(f"unknown command {command!r}: use measure, floor, profile or generate")

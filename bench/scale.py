"""Group 4, scale: a synthetic data folder with many figure rows; load+validate, filtered rerun, peak memory, and
the proof of every row against its source's archived text (hbeu_dash.model.verify), whole and for one write.

The measurements run in fresh processes (`python -m bench.scale measure|floor|prove|profile DIR ...`), each printing
one JSON line, so that the peak memory is that of the step alone and the proof starts with empty caches.
"""

import json
import resource
import shutil
import sys
import time
from collections import defaultdict
from collections.abc import Callable
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
GENERATOR_VERSION = 3  # 2: zh/en columns (speaker_*, evidence_en, note_*); 3: synthetic sources and their texts
# One synthetic source per city, district and SOURCE_YEARS years: a district's monthly digest of 10,000-16,000
# characters (the longest real article has 17,000), 480 figures; 2,084 sources at a million rows.
SOURCE_YEARS = 5
SOURCE_TEXT_COLUMNS = ("text_sha256", "retrieved", "retrieved_from")  # optional columns of the sources table
SPACED_SHARE = 0.1  # share of figures whose text sets the numbers off with spaces ("某区 3 月办理 123 件")
# Phrases of the generated texts (written for the benchmark; nothing is taken from an article).
FILLERS = (
    "同比有所增长",
    "环比基本持平",
    "较上月略有回落",
    "按时办结率保持稳定",
    "网上办理占比继续提高",
    "窗口排队时间有所缩短",
)
FILTER_CITIES = ("hohhot",)
FILTER_SECTOR = "government_services"
Lookup = Callable[[str], str | None]  # sha256 -> archived text (hbeu_dash.model.verify.TextLookup)
WRITE_ROWS = 50  # rows of the write whose proof is timed (an upload changing them)
# Budgets at a million rows (like the others, only checked at >= 1M): the full proof, cold (empty process caches)
# and warm, and the proof of one write.
PROOF_LIMIT_MS = 5000
WRITE_PROOF_LIMIT_MS = 50


def _maxrss_mb() -> float:
    """Peak resident memory of this process so far, in MB: VmHWM, not ru_maxrss, which Linux carries over exec from
    the parent (a child of a 1.5 GB driver "peaks" at 1.5 GB before it does anything)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KB on Linux


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
    """Copy the small real tables and write `rows` figure rows: the real ones plus monthly district figures, each
    citing a synthetic source whose generated text (archived in the folder's store) holds its evidence verbatim."""
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
    indicator_table = _read(REAL_DATA / "indicators.csv")
    indicators = _pick_indicators(indicator_table)

    n = max(0, rows - len(real))
    i = np.arange(n)
    month = i % 12 + 1
    rest = i // 12
    year = np.array(YEARS)[rest % len(YEARS)]
    rest //= len(YEARS)
    indicator_at = rest % len(indicators)
    indicator = np.array(indicators)[indicator_at]
    rest //= len(indicators)
    city_at = rest % len(CITY_IDS)
    city = np.array(CITY_IDS)[city_at]
    district = rest // len(CITY_IDS) + 1
    rng = np.random.default_rng(seed)
    value = rng.integers(1, 100_000, n)

    s = pd.Series
    month_s, year_s, value_s = s(month).astype(str), s(year).astype(str), s(value).astype(str)
    period = year_s + "-" + month_s.str.zfill(2)
    district_s = s(district).astype(str).str.zfill(4)
    first_year = s(YEARS[0] + (year - YEARS[0]) // SOURCE_YEARS * SOURCE_YEARS)
    source = "syn-" + s(city) + "-d" + district_s + "-" + first_year.astype(str)
    evidence = "某区" + month_s + "月办理" + value_s + "件"
    synthetic = pd.DataFrame(
        {
            "figure_id": "syn-" + s(city) + "-d" + district_s + "-" + s(indicator) + "-" + period,
            "indicator_id": indicator,
            "city": city,
            "value": value_s,
            "value_text": value_s,
            "period": period,
            "as_of": period,
            "source_id": source,
            "speaker_zh": "",
            "speaker_en": "",
            "event_id": "",
            "evidence": evidence,
            "evidence_en": "District office handled " + value_s + " cases in month " + month_s,
            "note_zh": "合成数据:区 d" + district_s,
            "note_en": "synthetic: district d" + district_s,
        }
    )
    frame = pd.concat([real, synthetic[real.columns]], ignore_index=True)
    frame.to_csv(out / "figures.csv", index=False)
    # The sentence of each figure in its source's text: mostly the evidence as it is, sometimes with the numbers
    # set off by spaces (proven whitespace aside), then a filler phrase.
    spaced = rng.random(n) < SPACED_SHARE
    written = evidence.where(~spaced, "某区 " + month_s + " 月办理 " + value_s + " 件")
    filler = s(np.array(FILLERS)[rng.integers(0, len(FILLERS), n)])
    name = s(indicator).map(indicator_table.set_index("indicator_id")["name_zh"])
    sentences = name + ":" + written + "," + filler + "。"
    texts, sources = _synthetic_sources(synthetic, sentences, year, month, indicator_at)
    real_sources = _read(REAL_DATA / "sources.csv")
    columns = [*real_sources.columns, *(c for c in SOURCE_TEXT_COLUMNS if c not in real_sources.columns)]
    all_sources = pd.concat([real_sources, sources], ignore_index=True).reindex(columns=columns).fillna("")
    all_sources.to_csv(out / "sources.csv", index=False)
    from hbeu_dash.store import CsvStore

    added = CsvStore(out).add_texts(texts)
    districts = int(district.max()) if n else 0
    stamp_file.write_text(json.dumps(stamp))
    return {
        "reused": False,
        "dir": str(out),
        "seconds": round(time.perf_counter() - start, 1),
        "shape": f"{len(real)} real + {n} synthetic: {len(CITY_IDS)} cities x <= {districts} districts x "
        f"{len(indicators)} indicators x {len(YEARS)} years x 12 months",
        "texts": f"{len(real_sources)} real + {len(sources)} synthetic sources, {len(added)} texts of "
        f"{min(map(len, texts), default=0):,}-{max(map(len, texts), default=0):,} characters archived",
        **stamp,
    }


def _synthetic_sources(
    figures: pd.DataFrame, sentences: pd.Series, year: np.ndarray, month: np.ndarray, indicator_at: np.ndarray
) -> tuple[list[str], pd.DataFrame]:
    """The generated text of each synthetic source (a title, a line per month with a sentence per figure, a closing
    line saying it is synthetic) and its row of the sources table, naming the text by its sha256."""
    from hbeu_dash.model.source_text import text_sha256

    city_names = _read(REAL_DATA / "cities.csv").set_index("city_id")
    order = np.lexsort((indicator_at, month, year, pd.factorize(figures["source_id"])[0]))
    ordered = pd.DataFrame(
        {
            "source_id": figures["source_id"].to_numpy()[order],
            "year": year[order],
            "month": month[order],
            "sentence": sentences.to_numpy()[order],
        }
    )
    lines = ordered.groupby(["source_id", "year", "month"], sort=False)["sentence"].agg("".join).reset_index()
    lines["line"] = lines["year"].astype(str) + "年" + lines["month"].astype(str) + "月:" + lines["sentence"]
    bodies = lines.groupby("source_id", sort=False)["line"].agg("\n".join)
    texts, rows = [], []
    for source_id, body in bodies.items():
        _, city, district, first = source_id.split("-")
        last = min(int(first) + SOURCE_YEARS - 1, YEARS[-1])
        city_zh, city_en = city_names.at[city, "name_zh"], city_names.at[city, "name_en"]
        title = f"{city_zh}某区({district})政务服务月度统计摘编 {first}—{last}年"
        text = f"{title}\n\n{body}\n\n本文为性能测试(bench/scale.py)自动生成的合成文本,数字随机,不是任何真实报道。\n"
        texts.append(text)
        rows.append(
            {
                "source_id": source_id,
                "title": title + "(合成数据)",
                "title_en": f"{city_en} district {district}: monthly government-service statistics {first}-{last}"
                " (synthetic)",
                # An outlet per district and an address per source, as real sources have: a source id then maps
                # one-to-one onto the citation and url that transforms.join_figures adds, which keeps them
                # categorical (sources sharing both outlet and date, or an empty url, make them per-row strings).
                "outlet_zh": f"{city_zh}某区({district})统计局(合成)",
                "outlet_en": f"{city_en} district {district} statistics office (synthetic)",
                "published": f"{last + 1}-01",
                "url": f"https://stats.example/{source_id}",
                "language": "zh",
                "note_zh": "bench/scale.py 生成的合成来源与文本,不是真实报道。",
                "note_en": "A synthetic source and text generated by bench/scale.py; not a real article.",
                "text_sha256": text_sha256(text),
                "retrieved": "",
                "retrieved_from": "",
            }
        )
    return texts, pd.DataFrame(rows)


def _filter_step(tables: dict[str, pd.DataFrame]) -> tuple[object, str, float | None]:
    """The filtered rerun to time: the app's own transforms if they fit, else a pandas equivalent."""
    figures, indicators, sources = tables["figures"], tables["indicators"], tables["sources"]
    try:
        from hbeu_dash.model import transforms

        start = time.perf_counter()
        joined = transforms.join_figures(figures, indicators, sources)
        join_ms = ms(time.perf_counter() - start)

        def step() -> pd.Series:
            chosen = transforms.filter_figures(joined, FILTER_CITIES, (FILTER_SECTOR,))
            return chosen.groupby(["indicator_id", "period"])["value"].sum()

        step()
        how = (
            f"hbeu_dash.model.transforms.filter_figures(joined, {FILTER_CITIES}, ('{FILTER_SECTOR}',))"
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
    from hbeu_dash.model.loaders import read_dataset

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


def _archive_lookup(folder: Path) -> Lookup:
    """The proof's text lookup: the folder's archive (the synthetic texts), then data/'s for the real sources' texts,
    read where they are (the synthetic folder holds no copy of a real article)."""
    from hbeu_dash.store import CsvStore

    stores = (CsvStore(folder), CsvStore(REAL_DATA))

    def lookup(sha: str) -> str | None:
        for store in stores:
            text = store.source_text(sha)
            if text is not None:
                return text
        return None

    return lookup


def _empty_proof_caches() -> None:
    """Forget what this process has proven and read: verify's proven pairs and squashed texts, the store's texts
    (their private caches: there is no public way to empty them)."""
    from hbeu_dash.model import verify
    from hbeu_dash.store import CsvStore

    with verify._cache_lock:
        verify._proven.clear()
        verify._squashed.clear()
    with CsvStore._lock:
        CsvStore._texts.clear()


def _distinct_pairs(tables: dict[str, pd.DataFrame]) -> list[tuple[str, str]]:
    """The distinct (source_id, evidence) pairs of the citing tables: what a full proof proves."""
    from hbeu_dash.model.schema import CITING_TABLES

    pairs: list[tuple[str, str]] = []
    for table in CITING_TABLES:
        frame = tables.get(table)
        if frame is not None and not frame.empty:
            distinct = frame[["source_id", "evidence"]].astype(str).drop_duplicates()
            pairs += zip(distinct["source_id"].tolist(), distinct["evidence"].tolist(), strict=True)
    return pairs


def _plain_proof(tables: dict[str, pd.DataFrame], lookup: Lookup) -> dict:
    """The floor of the full proof: `squash(evidence) in squash(text)` for each distinct pair in a plain loop, the
    pairs found and the texts read and squashed beforehand (not timed): the search alone, done the obvious way."""
    from hbeu_dash.model.verify import source_texts, squash

    text_of_source = source_texts(tables.get("sources"))
    pairs = _distinct_pairs(tables)
    texts = {}
    for sha in set(text_of_source.values()) - {""}:
        text = lookup(sha)
        if text is not None:
            texts[sha] = squash(text)
    start = time.perf_counter()
    found = 0
    for source_id, evidence in pairs:
        text = texts.get(text_of_source.get(source_id, ""))
        fragment = squash(evidence)
        found += bool(text is not None and fragment and fragment in text)
    return {"ms": ms(time.perf_counter() - start), "pairs": len(pairs), "found": found, "texts": len(texts)}


def _write_proof(tables: dict[str, pd.DataFrame], lookup: Lookup, repeats: int) -> dict:
    """One write's proof: verify.prove_rows on WRITE_ROWS rows citing one source (an upload changing them;
    intake.prepare proves just the rows a change set adds or changes), with empty caches, then again warm."""
    from hbeu_dash.model import verify

    figures = tables["figures"]
    ids = figures["source_id"].astype(str)
    synthetic = ids[ids.str.startswith("syn-")]
    source = synthetic.iloc[0] if len(synthetic) else ids.iloc[0]
    chosen = figures[ids == source].head(WRITE_ROWS)
    rows = [
        (int(number) + 2, {"source_id": source, "evidence": str(evidence)})
        for number, evidence in zip(chosen.index, chosen["evidence"], strict=True)
    ]
    text_of_source = verify.source_texts(tables["sources"])
    cold, warm, problems = [], [], []
    for _ in range(repeats):
        _empty_proof_caches()
        start = time.perf_counter()
        problems = verify.prove_rows("figures", rows, text_of_source, lookup)
        cold.append(ms(time.perf_counter() - start))
        start = time.perf_counter()
        verify.prove_rows("figures", rows, text_of_source, lookup)
        warm.append(ms(time.perf_counter() - start))
    text = lookup(text_of_source.get(source, "")) or ""
    return {
        "cold_ms": cold,
        "warm_ms": warm,
        "rows": len(rows),
        "source": source,
        "text_chars": len(text),
        "problems": len(problems),
    }


def prove(folder: Path, repeats: int) -> dict:
    """In this process: the full proof of every row (verify.prove_tables, as `verify-sources` does), `repeats` times
    cold (the process caches emptied first: the first time, a fresh process) and each time again warm; its floor
    (plain `in` per distinct pair); and one write's proof."""
    from hbeu_dash.model import verify
    from hbeu_dash.model.loaders import read_dataset

    tables = dict(read_dataset(folder).tables)
    lookup = _archive_lookup(folder)
    base = _maxrss_mb()
    cold, warm, problems, checked = [], [], [], 0
    for _ in range(repeats):
        _empty_proof_caches()
        start = time.perf_counter()
        problems, checked = verify.prove_tables(tables, lookup)
        cold.append(ms(time.perf_counter() - start))
        start = time.perf_counter()
        verify.prove_tables(tables, lookup)
        warm.append(ms(time.perf_counter() - start))
    cached = len(verify._proven)
    peak = _maxrss_mb()
    pairs = len(_distinct_pairs(tables))
    sources = tables["sources"]
    return {
        "cold_ms": cold,
        "warm_ms": warm,
        "rows": checked,
        "pairs": pairs,
        "texts": int(sources["text_sha256"].astype(str).ne("").sum()) if "text_sha256" in sources else 0,
        "cached_pairs": cached,
        "cache_limit": verify._CACHE_LIMIT,
        "problems": len(problems),
        "problems_synthetic": sum(str(p.params.get("source", "")).startswith("syn-") for p in problems),
        "first_problems": [str(p) for p in problems[:3]],
        "base_rss_mb": base,
        "peak_rss_mb": peak,
        "floor": _plain_proof(tables, lookup),
        "write": _write_proof(tables, lookup, repeats),
    }


def _label(frame: object) -> str:
    path = (frame.file_path_short or "").replace(str(ROOT) + "/", "")
    return f"{frame.function} ({path}:{frame.line_no})"


def profile(folder: Path, top: int = 12) -> dict:
    """pyinstrument on read_dataset: the functions with the most self time and the most total time."""
    from pyinstrument import Profiler

    from hbeu_dash.model.loaders import read_dataset

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
    """Generate the folders, then measure the app's loader beside the pandas floor, the full proof beside plain
    `in` and one write's proof, and profile the loader."""
    rows, errors = [], []
    big = DATA_OUT / "scale"
    cap = settings.scale_time_cap
    budget = max(600.0, cap * 4)
    # In a process of its own, so that this one stays small.
    made = run_json_subprocess(["bench.scale", "generate", str(big), str(settings.scale_rows)], budget)
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
            note="VmHWM (peak resident set) of the process",
        )
    )
    proof = run_json_subprocess(["bench.scale", "prove", str(big), str(settings.repeats)], budget)
    rows += _proof_rows(proof, label, full)
    if proof["problems"]:
        where = "synthetic" if proof["problems_synthetic"] else "real (is data/'s archive filled?)"
        errors.append(f"the full proof found {proof['problems']} problems, {where}: {proof['first_problems'][0]}")
    samples: dict = {"generated": made, "floor": floors, "app": loads, "proof": proof}
    if not settings.quick and settings.profile_rows:
        small = DATA_OUT / f"scale-{settings.profile_rows}"
        run_json_subprocess(["bench.scale", "generate", str(small), str(settings.profile_rows)], budget)
        samples["profile"] = run_json_subprocess(["bench.scale", "profile", str(small)], budget)
        samples["profile"]["rows"] = settings.profile_rows
    return {"rows": rows, "samples": samples, "errors": errors}


def _proof_rows(proof: dict, label: str, full: bool) -> list[dict]:
    """The rows of the proof: full proof cold and warm beside plain `in` per pair, and one write's proof."""
    floor, write = proof["floor"], proof["write"]
    what = (
        f"{proof['rows']:,} rows, {proof['pairs']:,} distinct (source, evidence) pairs, {proof['texts']:,} texts, "
        f"{proof['problems']} problems; floor: plain `in` per pair, texts read beforehand"
    )
    cache = f"proof cache after: {proof['cached_pairs']:,} pairs (limit {proof['cache_limit']:,})"
    memory = f"process RSS {proof['base_rss_mb']:.0f} MB loaded, {proof['peak_rss_mb']:.0f} MB peak"
    write_note = (
        f"verify.prove_rows on {write['rows']} rows of {write['source']} ({write['text_chars']:,}-character text), "
        f"process caches emptied first; warm: {median(write['warm_ms'])} ms"
    )
    return [
        row(
            "scale",
            f"full proof {label}, cold",
            median(proof["cold_ms"]),
            floor=floor["ms"],
            limit=PROOF_LIMIT_MS if full else None,
            n=len(proof["cold_ms"]),
            note=f"verify.prove_tables, empty process caches; {what}; {memory}",
        ),
        row(
            "scale",
            f"full proof {label}, warm",
            median(proof["warm_ms"]),
            floor=floor["ms"],
            limit=PROOF_LIMIT_MS if full else None,
            n=len(proof["warm_ms"]),
            note=f"the same again in the same process; {cache}",
        ),
        row(
            "scale",
            f"proof of a {write['rows']}-row write",
            median(write["cold_ms"]),
            limit=WRITE_PROOF_LIMIT_MS if full else None,
            n=len(write["cold_ms"]),
            note=write_note,
        ),
    ]


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
    elif command == "prove":
        print(json.dumps(prove(folder, int(sys.argv[3]))))
    elif command == "profile":
        print(json.dumps(profile(folder)))
    elif command == "generate":
        print(json.dumps(generate(folder, int(sys.argv[3]))))
    else:
        sys.exit(f"unknown command {command!r}: use measure, floor, prove, profile or generate")

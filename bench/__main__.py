"""Run the benchmark: python -m bench [--quick] [--only GROUPS] [--app app.py]; writes bench/results.json."""

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import time
import traceback
from importlib import metadata
from pathlib import Path

from bench import common
from bench.common import RESULTS_FILE, ROOT, Settings

GROUPS = ("start", "browser", "wire", "rerun", "scale", "concurrency", "cluster", "briefing", "extract")
ALIASES = {
    "page": "browser",
    "filter": "browser",
    "sessions": "concurrency",
    "server": "start",
    "load": "scale",
    "pdf": "briefing",
    "extraction": "extract",
    "replicas": "cluster",
    "proxy": "cluster",
    "bytes": "wire",
    "compression": "wire",
}
QUICK = {
    "repeats": 2,
    "sessions": (10,),
    "scale_rows": 20_000,
    "profile_rows": 0,
    "cluster_replicas": (1, 2),
    "cluster_sessions": (20,),
}


def _groups(text: str) -> tuple[str, ...]:
    names = [ALIASES.get(n.strip(), n.strip()) for n in text.split(",") if n.strip()]
    unknown = [n for n in names if n not in GROUPS]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown group(s) {unknown}: use {', '.join(GROUPS)}")
    return tuple(dict.fromkeys(names))


def _levels(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in text.split(",") if n.strip())


def parse_args(argv: list[str] | None) -> tuple[Settings, argparse.Namespace]:
    """Command line → Settings (the --quick defaults first, explicit flags over them)."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--app", type=Path, default=ROOT / "app.py", help="Streamlit entry point (default: app.py)")
    parser.add_argument("--floor", type=Path, default=common.FLOOR_APP, help="floor app (default: bench/floor_app.py)")
    parser.add_argument("--quick", action="store_true", help="smoke run: 2 repeats, 10 sessions, 20k rows, no profile")
    parser.add_argument("--only", type=_groups, default=GROUPS, help=f"comma list of groups: {','.join(GROUPS)}")
    parser.add_argument("--skip", type=_groups, default=(), help="comma list of groups to leave out")
    parser.add_argument("--repeats", type=int, help="runs per figure; each figure is their median (default 5)")
    parser.add_argument("--sessions", type=_levels, help="concurrency levels (default 10,25,50)")
    parser.add_argument("--cluster-replicas", type=_levels, help="replica counts of the cluster group (default 1,2,4)")
    parser.add_argument("--cluster-sessions", type=_levels, help="new sessions per round, cluster group (50,100)")
    parser.add_argument(
        "--cluster-store", choices=("postgres", "csv"), help="what the replicas share (default postgres)"
    )
    parser.add_argument("--scale-rows", type=int, help="figure rows of the synthetic data (default 1000000)")
    parser.add_argument("--profile-rows", type=int, help="rows of the data the loader is profiled on (default 100000)")
    parser.add_argument("--scale-time-cap", type=float, help="stop repeating loads after this many seconds (120)")
    parser.add_argument("--timeout", type=float, help="seconds one start/page/session may take (default 60)")
    parser.add_argument("--server-arg", action="append", default=[], help="extra `streamlit run` option (repeatable)")
    parser.add_argument("--output", type=Path, default=RESULTS_FILE, help="JSON results (default bench/results.json)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a budget fails or a figure is missing")
    args = parser.parse_args(argv)
    settings = Settings(app=args.app.resolve(), floor=args.floor.resolve(), quick=args.quick)
    if args.quick:
        for key, value in QUICK.items():
            setattr(settings, key, value)
    for key in (
        "repeats",
        "sessions",
        "scale_rows",
        "profile_rows",
        "scale_time_cap",
        "timeout",
        "cluster_replicas",
        "cluster_sessions",
        "cluster_store",
    ):
        if getattr(args, key) is not None:
            setattr(settings, key, getattr(args, key))
    settings.groups = tuple(g for g in args.only if g not in args.skip)
    return settings, args


def environment() -> dict:
    """Versions and machine facts saved with the results."""
    versions = {}
    for name in ("streamlit", "pandas", "pandera", "plotly", "pydeck", "playwright", "websockets", "numpy", "jinja2"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True)
    return {
        "python": platform.python_version(),
        "machine": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "git": commit.stdout.strip() + ("+dirty" if dirty.stdout.strip() else ""),
        **versions,
    }


def run_group(name: str, settings: Settings) -> dict:
    """Import and run one group; a crash becomes an error entry, never stops the others."""
    from importlib import import_module

    start = time.perf_counter()
    print(f"[bench] {name} ...", file=sys.stderr, flush=True)
    try:
        result = import_module(f"bench.{name}").run(settings)
    except Exception as exc:
        result = {
            "rows": [],
            "errors": [],
            "crashed": f"{type(exc).__name__}: {exc}",
            "traceback": traceback.format_exc(),
        }
    result["seconds"] = round(time.perf_counter() - start, 1)
    print(f"[bench] {name} done in {result['seconds']} s", file=sys.stderr, flush=True)
    return result


def _fmt(value: object, unit: str = "ms") -> str:
    if value is None:
        return "-"
    if isinstance(value, int | float) and not isinstance(value, bool):
        if unit == "x":  # a ratio
            return f"{value:.2f}"
        return f"{value:,.1f}" if unit else f"{value:,.0f}"
    return str(value)


def table(rows: list[dict]) -> str:
    """The result rows as a plain-text table."""
    head = ("figure", "median", "unit", "floor", "ratio", "budget", "verdict", "n")
    verdict = {True: "PASS", False: "FAIL", None: ""}
    lines = [
        (
            r["name"],
            _fmt(r["value"], r["unit"]),
            r["unit"],
            _fmt(r["floor"], r["unit"]),
            f"{r['ratio']:.2f}x" if r["ratio"] is not None else "-",
            r["budget"],
            verdict[r["ok"]] if r["budget"] else "",
            str(r["n"] or ""),
        )
        for r in rows
    ]
    widths = [max(len(x) for x in col) for col in zip(head, *lines, strict=True)]
    out = ["  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True))]
    out.append("  ".join("-" * w for w in widths))
    for line in lines:
        cells = [
            c.rjust(w) if i in (1, 3, 4, 7) else c.ljust(w) for i, (c, w) in enumerate(zip(line, widths, strict=True))
        ]
        out.append("  ".join(cells).rstrip())
    return "\n".join(out)


def report(results: dict, ran: list[str] | None = None) -> str:
    """Table, notes, profile hot spots and errors of the groups that ran (all when `ran` is None), as printed at the
    end; the groups kept from an earlier run are named."""
    ran = list(results["groups"]) if ran is None else ran
    rows = [r for name in ran for r in results["groups"][name].get("rows", [])]
    parts = [table(rows)]
    notes = [f"  {r['name']}: {r['note'][:220]}" for r in rows if r["note"]]
    if notes:
        parts.append("notes:\n" + "\n".join(notes))
    profile = results["groups"]["scale"].get("samples", {}).get("profile") if "scale" in ran else None
    if profile:
        lines = [
            f"loader profile ({profile['rows']:,} rows, {profile['seconds']} s; full tree in {profile['report']}):"
        ]
        lines += [f"  self {p['pct']:5.1f}%  {p['function']}" for p in profile["self"][:8]]
        lines += [f"  total {p['pct']:5.1f}%  {p['function']}" for p in profile["total"][:6]]
        parts.append("\n".join(lines))
    groups = {name: results["groups"][name] for name in ran}
    errors = [f"  {name}: {e}" for name, g in groups.items() for e in g.get("errors", [])]
    errors += [f"  {name} CRASHED: {g['crashed']}" for name, g in groups.items() if g.get("crashed")]
    if errors:
        parts.append("errors:\n" + "\n".join(e[:400] for e in errors))
    kept = results.get("merged", {}).get("kept", {})
    if kept:
        lines = [f"  {name}: run {run.get('started')} (git {run.get('git')})" for name, run in kept.items()]
        parts.append("kept from the earlier results (not run now):\n" + "\n".join(lines))
    return "\n\n".join(parts)


def run_stamp(started: dt.datetime, git: str) -> dict:
    """When a group ran, on which commit and how busy the machine was: kept with the group's results."""
    return {
        "started": started.isoformat(timespec="seconds"),
        "git": git,
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def keep_earlier_groups(results: dict, path: Path) -> None:
    """A partial run (--only, --skip) keeps every other group of the results file it writes, each with when and on
    which commit it ran (results["merged"]["kept"]); before, it overwrote them. Nothing to keep: nothing changes."""
    try:
        earlier = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    earlier_note = earlier.get("merged", {}).get("note") or earlier.get("merged", {}).get("earlier_note")
    fallback = {"started": earlier.get("started"), "git": earlier.get("environment", {}).get("git")}
    if earlier_note:  # a group merged by hand before groups carried their own stamp: the note says when it ran
        fallback["see"] = "merged.earlier_note"
    kept = {
        name: group | {"run": group.get("run") or fallback}
        for name, group in earlier.get("groups", {}).items()
        if name not in results["groups"]
    }
    if not kept:
        return
    order = [*GROUPS, *(name for name in kept if name not in GROUPS)]
    merged = results["groups"] | kept
    results["groups"] = {name: merged[name] for name in order if name in merged}
    results["merged"] = {"kept": {name: group["run"] for name, group in kept.items()}}
    if earlier_note:
        results["merged"]["earlier_note"] = earlier_note


def main(argv: list[str] | None = None) -> int:
    """Run the selected groups, write the JSON, print the table; exit 1 if a group crashed (or --strict fails)."""
    settings, args = parse_args(argv)
    common.SERVER_EXTRA[:] = args.server_arg
    common.install_signal_handlers()
    if common.LOG_DIR.is_dir():  # logs and screenshots of the previous run
        shutil.rmtree(common.LOG_DIR)
    if not settings.app.is_file():
        print(f"app not found: {settings.app} (use --app PATH)", file=sys.stderr)
        return 2
    started = dt.datetime.now(dt.UTC)
    results: dict = {
        "started": started.isoformat(timespec="seconds"),
        "settings": {k: str(v) if isinstance(v, Path) else v for k, v in vars(settings).items()},
        "server_args": args.server_arg,
        "environment": environment(),
        "groups": {},
    }
    git = results["environment"]["git"]
    try:
        for name in (g for g in GROUPS if g in settings.groups):
            stamp = run_stamp(dt.datetime.now(dt.UTC), git)
            results["groups"][name] = run_group(name, settings) | {"run": stamp}
    finally:
        common.kill_all()
        ran = list(results["groups"])
        if set(settings.groups) != set(GROUPS):
            keep_earlier_groups(results, args.output)
        results["rows"] = [r for g in results["groups"].values() for r in g.get("rows", [])]
        results["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
        results["seconds"] = round((dt.datetime.now(dt.UTC) - started).total_seconds(), 1)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str) + "\n")
    print(report(results, ran))
    load = results["environment"]["load_average_at_start"][0]
    if load > (os.cpu_count() or 1):
        print(f"\nwarning: load average {load} at start on {os.cpu_count()} CPUs: other work ran beside the benchmark;")
        print("compare the app with its floor (ratio), not absolute numbers, or run again on a quiet machine.")
    print(f"\n{args.output} written; {results['seconds']} s; app {settings.app}")
    crashed = [n for n in ran if results["groups"][n].get("crashed")]
    rows = [r for n in ran for r in results["groups"][n].get("rows", [])]
    failed = [r["name"] for r in rows if r["budget"] and r["ok"] is not True]
    if crashed:
        return 1
    if args.strict and failed:
        print(f"--strict: {len(failed)} budget(s) failed or not measured", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

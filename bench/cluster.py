"""Group cluster: N new sessions at once through nginx to 1, 2 and 4 replicas, beside one plain server (no proxy).

The cluster is hbeu_dash.cluster.launch.cluster(): a throwaway PostgreSQL (or a shared CSV folder), R `streamlit
run app.py` replicas and nginx with the deployment's configuration, all on 127.0.0.1. The client is the concurrency
group's (Streamlit's websocket protocol, no browser), connecting to ws://<proxy>/_stcore/stream with no cookie, so
nginx gives each new session to the least busy replica. Per level and replica count, rounds alternate between the
cluster and the plain server, so machine load hits both alike; the plain server's figures come from the rounds of the
same block. Server CPU per session = the replicas' utime + stime (/proc/PID/stat) over a round, divided by the
sessions; nginx's own CPU is in the note. Where each session went: nginx's access log (upstream= of each websocket).
"""

import asyncio
import contextlib
import os
import resource
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.common import (
    LOG_DIR,
    ROOT,
    Settings,
    cpu_seconds,
    median,
    percentile,
    pid_listening_on,
    row,
    rss_mb,
    streamlit_server,
    tree_cpu_seconds,
)
from bench.concurrency import session

GOAL = {"replicas": 2, "sessions": 50, "ratio": 0.6}  # issue 10: 2 replicas, p95 <= 0.6 x the plain server at 50
STREAM_REQUEST = '"GET /_stcore/stream '
SETTLE_S = 0.5  # after a round: the server drops the closed sessions, nginx writes their log lines


@dataclass
class Target:
    """Where a round's sessions connect (a port on 127.0.0.1) and which processes serve them."""

    label: str
    port: int
    pids: list[int]  # the Streamlit processes whose CPU is counted
    names: dict[str, str]  # "127.0.0.1:port" → replica name, for the spread
    direct_ports: list[int]  # each server's own port (for the warm-up), bypassing any proxy
    access_log: Path | None = None
    proxy_pid: int | None = None
    store_pid: int | None = None  # PostgreSQL's postmaster, when the replicas share one


def cpu_of(pids: list[int]) -> float:
    """CPU seconds the processes have used so far (a process that is gone counts 0)."""
    return sum(cpu_seconds(pid) or 0.0 for pid in pids)


def log_size(path: Path | None) -> int:
    """The access log's size now (its end is where this round's lines start)."""
    try:
        return path.stat().st_size if path is not None else 0
    except OSError:
        return 0


def spread(target: Target, offset: int, expected: int, wait_s: float = 5.0) -> Counter:
    """How many of the round's websockets each replica served, from the access log lines written after `offset`
    (nginx writes a websocket's line when it closes: wait up to `wait_s` for all of them)."""
    counts: Counter = Counter()
    if target.access_log is None:
        return counts
    deadline = time.monotonic() + wait_s
    while True:
        with target.access_log.open("rb") as log:
            log.seek(offset)
            lines = log.read().decode(errors="replace").splitlines()
        streams = [line for line in lines if STREAM_REQUEST in line]
        if len(streams) >= expected or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    for line in streams:
        upstream = line.rsplit("upstream=", 1)[-1].split()[0] if "upstream=" in line else "-"
        address = upstream.split(",")[-1].strip()  # "a, b": a failed, b answered
        counts[target.names.get(address, address)] += 1
    return counts


async def _sessions(port: int, n: int, pages: list[str], timeout: float) -> list[dict]:
    return await asyncio.gather(*(session(port, pages[i % len(pages)], timeout) for i in range(n)))


def one_round(target: Target, n: int, pages: list[str], timeout: float) -> dict:
    """N new sessions at once (pages round-robin): their times, failures, the CPU they cost and where they went."""
    offset = log_size(target.access_log)
    before, proxy_before, store_before = cpu_of(target.pids), _tree(target.proxy_pid), _tree(target.store_pid)
    load, client_before = os.getloadavg()[0], _own_cpu()
    results = asyncio.run(_sessions(target.port, n, pages, timeout))
    client_cpu = _own_cpu() - client_before
    time.sleep(SETTLE_S)
    times = [r["total_ms"] for r in results if r["ok"]]
    return {
        "times_ms": times,
        "p95_ms": percentile(times, 95),
        "load_average_at_start": round(load, 2),
        "failed": sum(not r["ok"] for r in results),
        "errors": sorted({r["error"] for r in results if r["error"]})[:5],
        "cpu_s": cpu_of(target.pids) - before,
        "proxy_cpu_s": _tree(target.proxy_pid) - proxy_before,
        "store_cpu_s": _tree(target.store_pid) - store_before,
        "client_cpu_s": client_cpu,
        "spread": dict(spread(target, offset, n)),
    }


def _tree(pid: int | None) -> float:
    return tree_cpu_seconds(pid) if pid is not None else 0.0


def _own_cpu() -> float:
    """CPU seconds this process (the client) has used: it runs on the same cores as the servers it measures."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def summarize(rounds: list[dict], n: int) -> dict:
    """p50/p95 of the session times over the rounds, failures, CPU per session, the spread over replicas."""
    times = [t for r in rounds for t in r["times_ms"]]
    sessions = n * len(rounds)
    total: Counter = Counter()
    for r in rounds:
        total.update(r["spread"])
    return {
        "sessions": sessions,
        "p50_ms": _round(percentile(times, 50)),
        "p95_ms": _round(percentile(times, 95)),
        "failed": sum(r["failed"] for r in rounds),
        "errors": sorted({e for r in rounds for e in r["errors"]})[:5],
        "cpu_ms_per_session": _round(1000 * sum(r["cpu_s"] for r in rounds) / sessions),
        "proxy_cpu_ms_per_session": _round(1000 * sum(r["proxy_cpu_s"] for r in rounds) / sessions),
        "client_cpu_ms_per_session": _round(1000 * sum(r["client_cpu_s"] for r in rounds) / sessions),
        "store_cpu_ms_per_session": _round(1000 * sum(r["store_cpu_s"] for r in rounds) / sessions),
        "spread": dict(sorted(total.items())),
    }


def find_pages(port: int, timeout: float) -> list[str]:
    """The app's pages, from the navigation message of a probe session."""
    probe = asyncio.run(session(port, "", timeout))
    if probe["error"]:
        raise RuntimeError(f"probe session on port {port}: {probe['error']}")
    return [p for p in probe.get("pages") or [] if p is not None] or [""]


def warm(ports: list[int], pages: list[str], timeout: float) -> None:
    """One session per page on each server directly, so every replica's caches are warm before it is measured."""
    for port in ports:
        asyncio.run(_sessions(port, len(pages), pages, timeout))


def store_kind(wanted: str) -> tuple[str, str]:
    """The store the replicas share: PostgreSQL when its binaries are here, else the CSV folder (and why)."""
    if wanted != "postgres":
        return wanted, ""
    from hbeu_dash.cluster.postgres import find_pg_bin

    if find_pg_bin() is None:
        return "csv", "PostgreSQL not found (apt-get install postgresql): the replicas share a CSV folder instead"
    return "postgres", ""


@contextlib.contextmanager
def running_cluster(replicas: int, store: str, workdir: Path) -> Iterator[Target]:
    """A cluster of `replicas` on 127.0.0.1, as a Target (stopped when the block ends)."""
    from hbeu_dash.cluster.launch import cluster

    with cluster(replicas, store=store, workdir=workdir) as running:
        yield Target(
            label=f"{replicas} replica(s)",
            port=running.proxy.port,
            pids=[r.proc.pid for r in running.replicas if r.proc is not None],
            names={r.address: r.name for r in running.replicas},
            direct_ports=[r.port for r in running.replicas],
            access_log=running.proxy.access_log,
            proxy_pid=running.proxy.proc.pid if running.proxy.proc is not None else None,
            store_pid=_postmaster(running.store_url),
        )


def _postmaster(url: str | None) -> int | None:
    """The PostgreSQL server behind `url` on this machine (its port is in the URL), for its CPU."""
    if url is None:
        return None
    from sqlalchemy.engine import make_url

    port = make_url(url).port
    return pid_listening_on(port, "/postgres") if port else None


def measure_block(plain: Target, cluster: Target, pages: list[str], settings: Settings, rounds: int) -> dict:
    """Every level: rounds alternating between the plain server and the cluster."""
    block: dict = {}
    for n in settings.cluster_sessions:
        done: dict[str, list[dict]] = {"plain": [], "cluster": []}
        for _ in range(rounds):
            done["plain"].append(one_round(plain, n, pages, settings.timeout))
            done["cluster"].append(one_round(cluster, n, pages, settings.timeout))
        pairs = zip(done["plain"], done["cluster"], strict=True)
        block[n] = {
            "plain": summarize(done["plain"], n),
            "cluster": summarize(done["cluster"], n),
            "cluster_rss_mb": [rss_mb(pid) for pid in cluster.pids],
            # p95 of each cluster round over the plain server's round just before it: machine load that comes and
            # goes (other work on the box) weighs on both rounds of a pair alike
            "paired_p95_ratios": [
                round(c["p95_ms"] / p["p95_ms"], 2) if c["p95_ms"] and p["p95_ms"] else None for p, c in pairs
            ],
            "load_averages": [r["load_average_at_start"] for r in done["plain"] + done["cluster"]],
        }
    return block


def run(settings: Settings) -> dict:
    """The cluster at each replica count, each beside the plain server, at each level of new sessions."""
    from hbeu_dash.cluster.launch import nginx_path

    reason = ""
    if nginx_path() is None:
        reason = "nginx not found (apt-get install nginx, or set HBEU_NGINX): cluster group skipped"
    elif settings.app != ROOT / "app.py":
        reason = f"the replicas run app.py, not {settings.app}: cluster group skipped"
    if reason:
        return {"rows": [], "errors": [reason], "skipped": reason}
    store, store_note = store_kind(settings.cluster_store)
    rounds = 1 if settings.quick else max(1, min(settings.repeats, 3))
    samples: dict = {"store": store, "rounds": rounds, "replicas": {}}
    errors = [store_note] if store_note else []
    with streamlit_server(settings.app, settings.timeout, "cluster-plain") as server:
        plain = Target("plain server", server.port, [server.pid], {}, [server.port])
        pages = find_pages(server.port, settings.timeout)
        warm(plain.direct_ports, pages, settings.timeout)
        samples["pages"] = pages
        for replicas in settings.cluster_replicas:
            workdir = LOG_DIR / f"cluster-{replicas}"
            started = time.perf_counter()
            with running_cluster(replicas, store, workdir) as cluster:
                samples["replicas"][replicas] = {"start_s": round(time.perf_counter() - started, 1)}
                warm(cluster.direct_ports, pages, settings.timeout)
                samples["replicas"][replicas]["levels"] = measure_block(plain, cluster, pages, settings, rounds)
    for replicas, found in samples["replicas"].items():
        for n, level in found["levels"].items():
            errors += [f"{replicas} replica(s), {n} sessions: {e}" for e in level["cluster"]["errors"]]
            errors += [f"plain server, {n} sessions (beside {replicas}): {e}" for e in level["plain"]["errors"]]
    return {"rows": rows(samples, store), "samples": samples, "errors": errors, "rounds": rounds}


def rows(samples: dict, store: str) -> list[dict]:
    """Per level: the plain server over all its rounds; then per replica count: p95 (the plain server of the same
    rounds as the floor), failures, CPU per session."""
    out = []
    levels = sorted({n for found in samples["replicas"].values() for n in found["levels"]})
    for n in levels:
        out += _plain_rows(n, [f["levels"][n]["plain"] for f in samples["replicas"].values() if n in f["levels"]])
    for replicas, found in samples["replicas"].items():
        for n, level in found["levels"].items():
            out += _level_rows(replicas, n, level, store)
    return out


def _plain_rows(n: int, blocks: list[dict]) -> list[dict]:
    """The plain server at level n, over the rounds of every block (p95: the median of the blocks' p95)."""
    p95s = [b["p95_ms"] for b in blocks if b["p95_ms"] is not None]
    cpus = [b["cpu_ms_per_session"] for b in blocks if b["cpu_ms_per_session"] is not None]
    sessions = sum(b["sessions"] for b in blocks)
    note = f"no proxy, CSV store; p95 per block {p95s} ms; p50 per block {[b['p50_ms'] for b in blocks]} ms"
    return [
        row("cluster", f"{n} new sessions p95: plain server", median(p95s), n=sessions, note=note),
        row("cluster", f"{n} sessions failed: plain server", sum(b["failed"] for b in blocks), "", n=sessions),
        row(
            "cluster",
            f"{n} sessions server CPU per session: plain server",
            median(cpus),
            n=sessions,
            note=f"the client, on the same cores: {[b['client_cpu_ms_per_session'] for b in blocks]} ms per session",
        ),
    ]


def _level_rows(replicas: int, n: int, level: dict, store: str) -> list[dict]:
    plain, cluster = level["plain"], level["cluster"]
    goal = replicas == GOAL["replicas"] and n == GOAL["sessions"]
    where = f"{replicas} replica(s) via nginx"
    spread = ", ".join(f"{name} {count}" for name, count in cluster["spread"].items()) or "not logged"
    p95 = row(
        "cluster",
        f"{n} new sessions p95: {where}",
        cluster["p95_ms"],
        floor=plain["p95_ms"],
        n=cluster["sessions"],
        note=f"floor = plain server (no proxy, CSV) in the same rounds; p50 {cluster['p50_ms']} ms (plain "
        f"{plain['p50_ms']}); store {store}; sessions per replica: {spread}",
    )
    ratios = [r for r in level["paired_p95_ratios"] if r is not None]
    paired = row(
        "cluster",
        f"{n} new sessions p95 / plain server's, paired rounds: {where}",
        median(ratios),
        "x",
        limit=GOAL["ratio"] if goal else None,
        n=len(level["paired_p95_ratios"]),
        note=f"median over rounds of (cluster round p95 / the plain server round's just before); rounds {ratios}; "
        f"load average at each round's start {level['load_averages']}",
    )
    failed = row(
        "cluster", f"{n} sessions failed: {where}", cluster["failed"], "", floor=plain["failed"], n=cluster["sessions"]
    )
    if goal:
        failed |= {"budget": "== 0", "ok": cluster["failed"] == 0}
    failed["note"] = "; ".join(cluster["errors"] + [f"plain: {e}" for e in plain["errors"]])
    cpu = row(
        "cluster",
        f"{n} sessions server CPU per session: {where}",
        cluster["cpu_ms_per_session"],
        floor=plain["cpu_ms_per_session"],
        n=cluster["sessions"],
        note=f"utime+stime of the replicas / sessions; more per session: nginx {cluster['proxy_cpu_ms_per_session']}"
        f" ms, PostgreSQL {cluster['store_cpu_ms_per_session']} ms, the client (same cores) "
        f"{cluster['client_cpu_ms_per_session']} ms; RSS per replica {level['cluster_rss_mb']} MB",
    )
    return [p95, paired, failed, cpu]


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)

"""Shared pieces of the benchmark: paths, settings, statistics and Streamlit servers that always get killed."""

import atexit
import contextlib
import itertools
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
FLOOR_APP = BENCH_DIR / "floor_app.py"
DATA_OUT = BENCH_DIR / "data"  # gitignored: synthetic data, logs, profiles
LOG_DIR = DATA_OUT / "logs"
RESULTS_FILE = BENCH_DIR / "results.json"
HOST = "127.0.0.1"  # every request of the benchmark goes to the loopback interface only
SERVER_EXTRA: list[str] = []  # extra `streamlit run` options from --server-arg, e.g. --server.fileWatcherType=none


@dataclass
class Settings:
    """What one run of the benchmark measures, and how often."""

    app: Path
    floor: Path = FLOOR_APP
    repeats: int = 5
    sessions: tuple[int, ...] = (10, 25, 50)
    scale_rows: int = 1_000_000
    profile_rows: int = 100_000
    scale_time_cap: float = 120.0  # seconds of loading after which the scale group stops repeating
    timeout: float = 60.0  # seconds one step (a start, a page, a session) may take before it counts as failed
    quick: bool = False
    groups: tuple[str, ...] = ()
    cluster_replicas: tuple[int, ...] = (1, 2, 4)  # replica counts of the cluster group
    cluster_sessions: tuple[int, ...] = (50, 100)  # new sessions at once, per round of the cluster group
    cluster_store: str = "postgres"  # what the replicas share: postgres (a throwaway server) or csv (one folder)


def median(values: list[float]) -> float | None:
    """Median of the values, None when there are none."""
    return statistics.median(values) if values else None


def percentile(values: list[float], q: float) -> float | None:
    """The q-th percentile (0-100) by linear interpolation, None when there are no values."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def ms(seconds: float) -> float:
    """Seconds to milliseconds, rounded to 0.1 ms."""
    return round(seconds * 1000, 1)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def http_status(url: str, timeout: float = 2.0) -> int | None:
    """HTTP status of a GET, None when the server does not answer."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


# Every server this process started, so that exit or a signal can still kill it.
_LIVE: dict[int, subprocess.Popen] = {}


def _kill(proc: subprocess.Popen) -> None:
    """Stop a server's whole process group: SIGTERM, then SIGKILL after 5 s."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)
    _LIVE.pop(proc.pid, None)


def kill_all() -> None:
    """Kill every server still running (called at exit and on SIGTERM/SIGINT)."""
    for proc in list(_LIVE.values()):
        _kill(proc)


def _on_signal(signum: int, _frame: object) -> None:
    kill_all()
    raise SystemExit(128 + signum)


atexit.register(kill_all)


def install_signal_handlers() -> None:
    """Make SIGTERM and SIGHUP kill the servers too (SIGINT already raises KeyboardInterrupt)."""
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _on_signal)


@dataclass
class Server:
    """A running `streamlit run` of one app on 127.0.0.1."""

    app: Path
    port: int
    proc: subprocess.Popen
    log: Path
    started_in: float  # seconds from spawn to the first 200 of /_stcore/health

    @property
    def url(self) -> str:
        """Base URL, ending in a slash."""
        return f"http://{HOST}:{self.port}/"

    @property
    def pid(self) -> int:
        """Process id of the server."""
        return self.proc.pid


def log_tail(path: Path, lines: int = 15) -> str:
    """The last lines of a log file, for error messages."""
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def server_command(app: Path, port: int) -> list[str]:
    """The `streamlit run` command line the benchmark uses (headless, loopback only, no usage stats)."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app),
        "--server.headless",
        "true",
        "--server.address",
        HOST,
        "--server.port",
        str(port),
        "--browser.gatherUsageStats",
        "false",
        *SERVER_EXTRA,
    ]


@contextlib.contextmanager
def streamlit_server(app: Path, timeout: float = 60.0, tag: str = "server") -> Iterator[Server]:
    """Start `streamlit run app` from the project root, wait for /_stcore/health, kill it on exit."""
    if not app.is_file():
        raise FileNotFoundError(f"app not found: {app}")
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = LOG_DIR / f"{tag}-{app.stem}-{port}.log"
    with log.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(
            server_command(app, port),
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # own process group, so _kill reaches any child too
        )
    _LIVE[proc.pid] = proc
    try:
        health = f"http://{HOST}:{port}/_stcore/health"
        deadline = start + timeout
        while True:
            if http_status(health, timeout=1.0) == 200:
                break
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {proc.returncode} before it was healthy:\n{log_tail(log)}")
            if time.perf_counter() > deadline:
                raise TimeoutError(f"no 200 from {health} within {timeout:.0f} s:\n{log_tail(log)}")
            time.sleep(0.01)
        yield Server(app=app, port=port, proc=proc, log=log, started_in=time.perf_counter() - start)
    finally:
        _kill(proc)


def cpu_seconds(pid: int) -> float | None:
    """CPU time a process has used so far, user + system over all its threads (/proc/PID/stat); None if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # fields 14 and 15 of proc(5)


def tree_cpu_seconds(pid: int) -> float:
    """CPU time of a process and its children, live (their utime + stime) and ended (its cutime + cstime): nginx's
    workers, PostgreSQL's backends. 0 when the process is gone."""
    total = 0.0
    for each in (pid, *child_pids(pid)):
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")  # utime stime cutime cstime
    return total


def pid_listening_on(port: int, program: str) -> int | None:
    """The process of `program` (its path ends so) whose command line names `-p PORT`, e.g. a postmaster."""
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().decode(errors="replace").split("\0")
        except OSError:
            continue
        if args and args[0].endswith(program) and ("-p", str(port)) in itertools.pairwise(args):
            return int(cmdline.parent.name)
    return None


def child_pids(pid: int) -> list[int]:
    """The processes whose parent is `pid` (e.g. nginx's workers), from /proc."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended while we looked
        if int(fields[1]) == pid:
            children.append(int(stat.parent.name))
    return children


def rss_mb(pid: int) -> float | None:
    """Resident memory of a process in MB (VmRSS), None if it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def run_json_subprocess(args: list[str], timeout: float) -> dict:
    """Run `python -m <args>` from the project root and parse the JSON it prints last on stdout."""
    import json

    proc = subprocess.Popen(
        [sys.executable, "-m", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    _LIVE[proc.pid] = proc
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(proc)
        raise TimeoutError(f"`python -m {' '.join(args)}` took more than {timeout:.0f} s") from None
    finally:
        _kill(proc)
    lines = [line for line in out.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        tail = "\n".join(err.splitlines()[-15:])
        raise RuntimeError(f"`python -m {' '.join(args)}` exited with {proc.returncode}:\n{tail}")
    return json.loads(lines[-1])


def row(
    group: str,
    name: str,
    value: float | None,
    unit: str = "ms",
    *,
    floor: float | None = None,
    limit: float | None = None,
    ratio_limit: float | None = None,
    n: int = 0,
    note: str = "",
) -> dict:
    """One line of the result table; `ok` is the budget verdict (None when there is no budget or no value)."""
    ratio = round(value / floor, 2) if value is not None and floor else None
    ok: bool | None = None
    budget = ""
    if limit is not None:
        budget = f"<= {limit:g} {unit}"
        ok = None if value is None else value <= limit
    elif ratio_limit is not None:
        budget = f"<= {ratio_limit:g}x floor"
        ok = None if ratio is None else ratio <= ratio_limit
    return {
        "group": group,
        "name": name,
        "value": value,
        "unit": unit,
        "floor": floor,
        "ratio": ratio,
        "budget": budget,
        "ok": ok,
        "n": n,
        "note": note,
    }

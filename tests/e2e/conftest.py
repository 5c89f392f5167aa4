"""Real-browser fixtures: one Streamlit server per session on 127.0.0.1 and headless Debian Chromium.

Chromium is /usr/bin/chromium or $CHROMIUM. Without it the tests are skipped with a loud reason, except
when CI is set: there its absence fails the run (.ci/run installs it).
"""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

from bench.browser import CHROMIUM_ARGS  # one list of flags for the tests and the benchmark
from hbeu_dash.paths import ROOT

ARTIFACTS = ROOT / "test-artifacts" / "e2e"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
# Opening a page by its own URL (/services), Streamlit's frontend first probes <page>/_stcore/health and
# <page>/_stcore/host-config, gets 404 from the server and falls back to the root. Nothing leaves the machine.
BENIGN_404_SUFFIXES = ("/_stcore/health", "/_stcore/host-config")


def chromium_path() -> str | None:
    """The Chromium binary to drive, if there is one."""
    candidate = os.environ.get("CHROMIUM") or "/usr/bin/chromium"
    return candidate if Path(candidate).exists() else shutil.which("chromium")


@pytest.fixture(scope="session")
def chromium() -> str:
    path = chromium_path()
    if path is None:
        message = "Chromium not found at /usr/bin/chromium or $CHROMIUM: browser tests NOT RUN"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI is set, so this is a failure; .ci/run should install it)")
        pytest.skip(message + " — install it with: apt-get install -y chromium fonts-noto-cjk")
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(base: str, proc: subprocess.Popen, log_path: Path, seconds: float = 60) -> None:
    """Until the server at `base` answers /_stcore/health; fails naming its log if it exits or takes too long."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            if urllib.request.urlopen(base + "/_stcore/health", timeout=1).status == 200:
                return
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"streamlit did not become healthy; see {log_path}")
        time.sleep(0.2)


@contextlib.contextmanager
def streamlit_server(
    name: str, extra_args: tuple[str, ...] = (), env: dict | None = None, port: int | None = None
) -> Iterator[str]:
    """`streamlit run app.py` on 127.0.0.1 (a free port unless given; log: test-artifacts/e2e/<name>.log); yields
    the base URL."""
    port = port or _free_port()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log_path = ARTIFACTS / f"{name}.log"
    log = open(log_path, "w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless=true",
            "--server.address=127.0.0.1",
            f"--server.port={port}",
            "--browser.gatherUsageStats=false",
            "--server.fileWatcherType=none",
            *extra_args,
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base, proc, log_path)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="session")
def server(chromium: str) -> Iterator[str]:
    """The app's server for the session's browser tests; yields the base URL."""
    with streamlit_server("server") as base:
        yield base


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class Watched:
    """A page with every request and console error it produced."""

    page: object
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    @property
    def external(self) -> list[str]:
        """Requests to any host but this machine."""
        return [
            u for u in self.requests if not u.startswith(("data:", "blob:")) and urlparse(u).hostname not in LOCAL_HOSTS
        ]


def _is_benign(message: object) -> bool:
    url = (message.location or {}).get("url", "")
    return "404" in message.text and url.rstrip("/").endswith(BENIGN_404_SUFFIXES)


@pytest.fixture
def open_page(browser: object, server: str) -> Iterator:
    """Open a URL path of the app in a fresh context; returns a Watched page, waited until settled."""
    contexts = []

    def _open(path: str) -> Watched:
        ctx = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True, locale="zh-CN")
        contexts.append(ctx)
        page = ctx.new_page()
        watched = Watched(page)
        page.on("request", lambda r: watched.requests.append(r.url))
        page.on(
            "console",
            lambda m: (
                watched.console_errors.append(f"{m.text} @ {(m.location or {}).get('url', '')}")
                if m.type == "error" and not _is_benign(m)
                else None
            ),
        )
        page.goto(server + path, wait_until="domcontentloaded", timeout=60_000)
        wait_settled(page)
        return watched

    yield _open
    for ctx in contexts:
        ctx.close()


def keep_on_loopback(ctx: object, refused: list[str]) -> None:
    """Route every request of a browser context: to 127.0.0.1 (or data:) it goes; anything else is refused and
    added to `refused` (the OIDC provider's pages link a stylesheet on a CDN)."""

    def only_loopback(route: object) -> None:
        if urlparse(route.request.url).hostname == "127.0.0.1" or route.request.url.startswith("data:"):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    ctx.route("**/*", only_loopback)


SETTLED_JS = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
    if (!document.querySelector('[data-testid="stMain"] h1')) return false;
    if (document.querySelector('[data-testid="stSkeleton"]')) return false;
    for (const c of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
        if (!c.querySelector('.main-svg')) return false;
    }
    for (const d of document.querySelectorAll('[data-testid="stDeckGlJsonChart"]')) {
        if (!d.querySelector('canvas')) return false;
    }
    const n = document.querySelectorAll('[data-testid="stElementContainer"]').length;
    const plots = document.querySelectorAll('[data-testid="stPlotlyChart"] .main-svg').length;
    const key = n + ':' + plots;
    const now = performance.now();
    if (window.__settleKey !== key) { window.__settleKey = key; window.__settleSince = now; return false; }
    return now - window.__settleSince > 800;
}"""


def wait_settled(page: object, timeout_ms: int = 60_000) -> None:
    """Wait until the script has finished, the page stopped changing and every chart and map is drawn."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
    page.evaluate("() => { window.__settleKey = null; }")
    page.wait_for_function(SETTLED_JS, timeout=timeout_ms, polling=100)


# --- what the multi-server tests need (test_cluster.py, test_failover.py) -------------------------------------------


def _missing(message: str, hint: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(message + " (CI is set, so this is a failure; .ci/run should install it)")
    pytest.skip(message + " — " + hint)


@pytest.fixture(scope="session")
def nginx() -> str:
    """nginx's binary (/usr/sbin/nginx or $HBEU_NGINX); without it the test is skipped loudly, failed under CI."""
    from hbeu_dash.cluster import launch

    path = launch.nginx_path()
    if path is None:
        _missing("nginx not found (/usr/sbin/nginx or $HBEU_NGINX): multi-server tests NOT RUN", "apt install nginx")
    return path


@pytest.fixture(scope="session")
def postgres_bin() -> Path:
    """PostgreSQL's server binaries; without them the test is skipped loudly, failed under CI."""
    from hbeu_dash.cluster.postgres import find_pg_bin

    path = find_pg_bin()
    if path is None:
        _missing("PostgreSQL server binaries not found: multi-server tests NOT RUN", "apt-get install postgresql")
    return path


# An analyst known to the local OpenID provider (oidc-provider-mock) of the login, cluster and failover tests.
def oidc_analyst() -> object:
    import oidc_provider_mock

    return oidc_provider_mock.User(
        sub="wang", claims={"email": "wang@example.org", "email_verified": True, "name": "Wang Analyst"}
    )


@contextlib.contextmanager
def running_provider() -> Iterator[str]:
    """An OpenID provider on 127.0.0.1 (oidc-provider-mock's app; its run_server_in_thread binds 'localhost', which
    may resolve to ::1) with one predefined user, the analyst; any other subject typed in its form logs in too."""
    import threading

    import oidc_provider_mock
    import werkzeug.serving

    app = oidc_provider_mock.app(user_claims=[oidc_analyst()])
    server = werkzeug.serving.make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()

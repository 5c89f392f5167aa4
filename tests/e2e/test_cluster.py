"""Several servers, one store, in headless Chromium: two replicas on PostgreSQL behind nginx (deploy/nginx.conf.template
as written), with an OIDC provider on 127.0.0.1. A commit through one replica shows on the other; a stopped replica's
browsers carry on on the other, also after it is back; two analysts committing from one data version through two
replicas: one wins, one is told, nothing is lost; uploads and the OIDC login work through the proxy, and the same
upload through the same proxy without its affinity lines fails the way Streamlit says it would.

One cluster serves the module (its tests share the data and go on from each other's commits: each compares with
the tables as it found them). Without nginx or PostgreSQL the tests are skipped, loudly; under CI they fail.
"""

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from hbeu_dash import paths
from hbeu_dash.cluster import launch
from hbeu_dash.cluster.launch import Cluster, fill_template, render_nginx
from tests.conftest import copy_data, extend_source_text
from tests.e2e.conftest import ARTIFACTS, keep_on_loopback, running_provider, wait_settled
from tests.e2e.test_entry import HEADER, flash, main_text, open_nav

pytestmark = pytest.mark.e2e

WANG, LI = "wang@example.org", "li@example.org"  # two analysts (wang is the provider's predefined user)
CONFLICT = "未提交：预览之后数据已被修改"  # the start of i18n's entry_conflict (zh)
# Streamlit's answer to an upload that reaches a process that does not hold its session (starlette_routes.py).
NO_AFFINITY_ERROR = "Invalid session_id. This is likely caused by a multi-replica deployment without sticky sessions"


# The values the tests' rows report; the cluster's data copy gives 0471tv-2025-02-01 a synthetic text that says them
# (tests.conftest.extend_source_text), so those rows pass the proof of every write.
ROW_VALUES = (346, 401, 402, 403, 404)


def new_row(figure_id: str, value: int) -> str:
    """A figures row no page shows yet: Ulanqab's four-city service items, as a (made-up) later report gives them."""
    assert value in ROW_VALUES, "add the value to ROW_VALUES: the source's synthetic text must say it"
    return (
        f"{figure_id},four_city_service_items,ulanqab,{value},{value}项,,2025-02,0471tv-2025-02-01,,,,"
        f"乌兰察布市四城通办事项达{value}项,Ulanqab's four-city service items reach {value},,\n"
    )


# --- the servers ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    """An OpenID provider on 127.0.0.1 (tests/e2e/conftest.running_provider)."""
    with running_provider() as url:
        yield url


def cluster_secrets(proxy_url: str, provider: str) -> str:
    """OIDC through the proxy (redirect_uri names the proxy's origin: the browser's), two analysts."""
    return f"""
[auth]
redirect_uri = "{proxy_url}/oauth2callback"
cookie_secret = "{secrets.token_urlsafe(32)}"
client_id = "hbeu-dash"
client_secret = "{secrets.token_urlsafe(16)}"
server_metadata_url = "{provider}/.well-known/openid-configuration"

[hbeu]
analyst_emails = ["{WANG}", "{LI}"]
provider_name = "Mock SSO"
"""


@pytest.fixture(scope="module")
def cluster(
    nginx: str, postgres_bin: Path, chromium: str, provider: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Cluster]:
    """Two replicas on a throwaway PostgreSQL behind nginx, for the whole module."""
    workdir = tmp_path_factory.mktemp("cluster")
    data = copy_data(workdir / "data")
    extend_source_text(data, "0471tv-2025-02-01", *(f"乌兰察布市四城通办事项达{v}项" for v in ROW_VALUES))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    port = launch.free_port()
    secrets_toml = cluster_secrets(f"http://127.0.0.1:{port}", provider)
    with launch.cluster(
        2, store="postgres", workdir=workdir, proxy_port=port, secrets_toml=secrets_toml, data_dir=data
    ) as running:
        yield running
    for log in workdir.glob("*.log"):  # kept beside the other browser tests' logs
        shutil.copy(log, ARTIFACTS / f"cluster-{log.name}")


@pytest.fixture
def contexts(browser: object) -> Iterator:
    """Make fresh browser contexts that reach only 127.0.0.1 (pinned to a replica by its route cookie if asked);
    closed after the test. The provider's pages link a stylesheet on a CDN: refused, and listed."""
    made: list[object] = []
    refused: list[str] = []

    def _new(cluster: Cluster, replica: str | None = None) -> object:
        ctx = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
        keep_on_loopback(ctx, refused)
        if replica is not None:
            ctx.add_cookies([{"name": "hbeu_route", "value": replica, "url": cluster.url}])
        made.append(ctx)
        return ctx

    yield _new
    for ctx in made:
        ctx.close()
    assert {urlparse(u).hostname for u in refused} <= {"cdn.jsdelivr.net"}, refused


# --- what a browser does --------------------------------------------------------------------------------------


def route_of(ctx: object, cluster: Cluster) -> str | None:
    """The replica the proxy pinned this browser to (its hbeu_route cookie)."""
    return next((c["value"] for c in ctx.cookies(cluster.url) if c["name"] == "hbeu_route"), None)


def open_app(ctx: object, url: str) -> object:
    page = ctx.new_page()
    page.goto(url, wait_until="domcontentloaded", timeout=60_000)
    wait_settled(page)
    return page


def log_in(page: object, cluster: Cluster, provider: str, email: str) -> None:
    """OIDC through the proxy: the sidebar's sign-in entry, its button → the provider's form → back through
    /oauth2callback."""
    page.locator('[data-testid="stSidebar"] [data-testid="stExpander"] summary').get_by_text("分析员登录").click()
    page.get_by_role("button", name="通过 Mock SSO 登录").click()
    page.wait_for_url(f"{provider}/oauth2/authorize?*", timeout=30_000)
    if email == WANG:
        page.get_by_role("button", name="wang", exact=True).click()
    else:
        page.locator('input[name="sub"]').fill(email)
        page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{cluster.url}/*", timeout=30_000)
    wait_settled(page)
    expect(page.locator('[data-testid="stSidebar"]')).to_contain_text(f"已登录：{email}（分析员）", timeout=30_000)


def analyst_page(contexts: object, cluster: Cluster, provider: str, email: str, replica: str | None) -> object:
    """A new browser (pinned to `replica` if given), logged in as `email`, on the upload tab of 添加数据."""
    ctx = contexts(cluster, replica)
    page = open_app(ctx, cluster.url + "/")
    log_in(page, cluster, provider, email)
    open_upload(page)
    return page


def open_upload(page: object) -> None:
    open_nav(page, "添加数据")
    page.get_by_role("tab", name="上传表格").click()


def upload(page: object, path: Path) -> None:
    page.locator('input[type="file"][accept*=".xlsx"]').set_input_files(str(path))


def preview(page: object, path: Path) -> None:
    """Upload one new figures row and wait for its preview."""
    upload(page, path)
    page.get_by_text("新增 1 行，修改 0 行").wait_for(timeout=60_000)
    wait_settled(page)


def write_upload(folder: Path, name: str, row: str) -> Path:
    path = folder / name
    path.write_bytes((HEADER + row).encode())
    return path


def tables(cluster: Cluster, dest: Path) -> dict[str, bytes]:
    """Every table as the store now holds it, exported as CSV files (python -m hbeu_dash db export)."""
    cmd = [sys.executable, "-m", "hbeu_dash", "db", "export", str(dest), "--url", cluster.store_url]
    subprocess.run(cmd, cwd=paths.ROOT, check=True, capture_output=True)
    return {p.name: p.read_bytes() for p in sorted(dest.glob("*.csv"))}


def access_lines(cluster: Cluster, start: int = 0) -> list[str]:
    return cluster.proxy.access_log.read_text(encoding="utf-8").splitlines()[start:]


def assert_affinity(lines: list[str], cluster: Cluster) -> None:
    """Every request that carried a route cookie was answered by that replica, and by it alone (all were up)."""
    address = {r.name: r.address for r in cluster.replicas}
    pinned = [re.search(r"route=(\S+) upstream=(.*) rt=", line) for line in lines]
    pinned = [m for m in pinned if m and m.group(1) != "-"]
    assert pinned, "no request carried the route cookie"
    wrong = [m.group(0) for m in pinned if m.group(2) != address[m.group(1)]]
    assert wrong == [], wrong


# --- the proxy configuration -----------------------------------------------------------------------------------


@pytest.mark.parametrize("affinity", [True, False])
def test_the_template_renders_to_a_configuration_nginx_accepts(nginx: str, tmp_path: Path, affinity: bool) -> None:
    text = render_nginx(["127.0.0.1:8601", "127.0.0.1:8602"], "127.0.0.1:8500", tmp_path, affinity)
    assert "${" not in text
    routes = re.findall(r"^ +(r\d) (hbeu_r\d);$", text, re.MULTILINE)
    served = re.findall(r'^ +"~\(\^\|\[ ,\]\)(\S+)\$" (r\d);$', text, re.MULTILINE)
    assert routes == ([("r1", "hbeu_r1"), ("r2", "hbeu_r2")] if affinity else [])
    assert served == ([("127\\.0\\.0\\.1:8601", "r1"), ("127\\.0\\.0\\.1:8602", "r2")] if affinity else [])
    conf = tmp_path / "nginx.conf"
    conf.write_text(text, encoding="utf-8")
    globals_ = "daemon off;" + (" user root;" if os.geteuid() == 0 else "")
    cmd = [nginx, "-t", "-c", str(conf), "-p", str(tmp_path), "-e", str(tmp_path / "error.log"), "-g", globals_]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("values", "error"),
    [
        ({"A": "1"}, "placeholders ['A', 'B'] != values given ['A']"),
        ({"A": "1", "B": "2", "C": "3"}, "placeholders ['A', 'B'] != values given ['A', 'B', 'C']"),
    ],
)
def test_the_renderer_refuses_missing_or_unknown_values(values: dict, error: str) -> None:
    with pytest.raises(ValueError, match=re.escape(error)):
        fill_template("listen ${A}; root ${B}; set $x $host;", values)


def test_the_renderer_leaves_nginx_variables_alone() -> None:
    assert fill_template("listen ${A}; set $x $host;", {"A": "80"}) == "listen 80; set $x $host;"


def test_the_proxy_takes_uploads_as_large_as_the_app() -> None:
    # Streamlit refuses above server.maxUploadSize MB plus 1 MB of multipart overhead (starlette_routes.py); nginx
    # must not refuse first (its 413 would be a bare error page instead of the app's message).
    config = tomllib.loads((paths.ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    app_limit_mb = config["server"]["maxUploadSize"] + 1
    proxy = re.search(r"client_max_body_size (\d+)m;", launch.TEMPLATE.read_text(encoding="utf-8"))
    assert proxy is not None and int(proxy.group(1)) >= app_limit_mb


# --- the cases, in the browser ------------------------------------------------------------------------


def test_a_commit_through_one_replica_shows_on_the_other(
    cluster: Cluster, provider: str, contexts: object, tmp_path: Path
) -> None:
    log_start = len(access_lines(cluster))
    before = tables(cluster, tmp_path / "before")
    reader = open_app(contexts(cluster, "r2"), cluster.url + "/explorer")
    shown = re.search(r"共 (\d+) 行", main_text(reader))
    assert shown, main_text(reader)[:2000]
    rows_before = int(shown.group(1))
    writer = analyst_page(contexts, cluster, provider, WANG, "r1")
    row = new_row("ulanqab-items-cluster-1", 346)
    preview(writer, write_upload(tmp_path, "one.csv", row))
    writer.get_by_role("button", name="提交", exact=True).click()
    flash(writer, "已提交 ").wait_for(timeout=60_000)

    # The reader's page on the other replica, run again until it shows the new row: the first run that begins 5 s
    # after the commit must show it (a deadline for polling, not a speed budget: that run may take longer).
    deadline = time.monotonic() + 5
    expected = f"共 {rows_before + 1} 行"
    while time.monotonic() < deadline:
        rerun(reader)
        if expected in main_text(reader):
            break
    else:
        rerun(reader)  # the first run that began after the deadline
        assert expected in main_text(reader), "replica r2 still shows the old data 5 s after the commit"
    reader.screenshot(path=str(ARTIFACTS / "cluster-read-on-r2.png"))
    after = tables(cluster, tmp_path / "after")
    assert after["figures.csv"] == before["figures.csv"] + row.encode()
    assert {k: v for k, v in after.items() if k != "figures.csv"} == {
        k: v for k, v in before.items() if k != "figures.csv"
    }
    assert_affinity(access_lines(cluster, log_start), cluster)


COUNT_RUNS_JS = """() => {
    if (window.__runs !== undefined) return;
    window.__runs = 0;
    const app = document.querySelector('[data-testid="stApp"]');
    new MutationObserver(() => {
        if (app.getAttribute('data-test-script-state') !== 'notRunning') window.__runs += 1;
    }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""


def rerun(page: object) -> None:
    """Run the page's script again in its session (Streamlit's "R" key, the focus off any input) and wait for it."""
    page.evaluate(COUNT_RUNS_JS)
    runs = page.evaluate("() => window.__runs")
    page.locator('[data-testid="stMain"] h1').first.click()
    page.keyboard.press("r")
    page.wait_for_function(f"() => window.__runs > {runs}", timeout=30_000)
    wait_settled(page)


def test_two_analysts_commit_from_one_version_through_two_replicas(
    cluster: Cluster, provider: str, contexts: object, tmp_path: Path
) -> None:
    before = tables(cluster, tmp_path / "before")
    first = analyst_page(contexts, cluster, provider, WANG, "r1")
    second = analyst_page(contexts, cluster, provider, LI, "r2")
    row_first, row_second = new_row("ulanqab-items-cluster-w", 401), new_row("ulanqab-items-cluster-l", 402)
    preview(first, write_upload(tmp_path, "first.csv", row_first))
    preview(second, write_upload(tmp_path, "second.csv", row_second))  # from the same data version

    first.get_by_role("button", name="提交", exact=True).click()
    flash(first, "已提交 ").wait_for(timeout=60_000)
    second.get_by_role("button", name="提交", exact=True).click()
    flash(second, CONFLICT).wait_for(timeout=60_000)
    second.screenshot(path=str(ARTIFACTS / "cluster-conflict.png"))
    assert flash(second, "已提交 ").count() == 0

    after = tables(cluster, tmp_path / "after")
    assert after["figures.csv"] == before["figures.csv"] + row_first.encode(), "the winner's row, and only it"
    assert {k: v for k, v in after.items() if k != "figures.csv"} == {
        k: v for k, v in before.items() if k != "figures.csv"
    }


def test_uploads_and_the_oidc_login_work_through_the_proxy_and_fail_without_affinity(
    cluster: Cluster, provider: str, contexts: object, tmp_path: Path
) -> None:
    path = write_upload(tmp_path, "three.csv", new_row("ulanqab-items-cluster-3", 403))
    page = analyst_page(contexts, cluster, provider, WANG, None)  # not pinned: the proxy chooses and sets it
    assert route_of(page.context, cluster) in {"r1", "r2"}
    preview(page, path)
    page.close()

    # The same proxy without its route lines. Without affinity every request goes to the least busy replica
    # (least_conn, counted across nginx's workers: `zone`): while this browser's websocket holds a connection on
    # one replica, the upload's PUT goes to the other, which does not know the session — every time, as long as
    # nothing else talks to the proxy (this module's other browsers are closed; the restart dropped every
    # connection). Up to three uploads, each in a new session, and at least one must fail: a margin against a
    # session landing elsewhere than reasoned here; in practice the first fails.
    cluster.restart_proxy(affinity=False)
    try:
        statuses: list[tuple[int, str]] = []
        for attempt in range(3):
            ctx = page.context
            page = open_app(ctx, cluster.url + "/add-data")  # the OIDC identity cookie: still the analyst
            page.get_by_role("tab", name="上传表格").click()
            with page.expect_response(lambda r: "/_stcore/upload_file/" in r.url and r.request.method == "PUT") as put:
                upload(page, path)
            response = put.value
            statuses.append((response.status, response.text()))
            if response.status != 200:
                page.screenshot(path=str(ARTIFACTS / f"cluster-no-affinity-{attempt}.png"))
                # The file's chip turns red, its error read out to screen readers.
                chip = page.locator('[data-testid="stFileChip"]').filter(has_text=path.name)
                expect(chip).to_have_attribute("aria-invalid", "true", timeout=30_000)
                expect(chip.get_by_role("alert")).to_have_text("Error: AxiosError: Request failed with status code 400")
                assert page.get_by_text("新增 1 行，修改 0 行").count() == 0
                break
            page.close()
        failed = [(status, body) for status, body in statuses if status != 200]
        assert failed, f"every upload worked without affinity: {statuses}"
        assert failed[0][0] == 400 and NO_AFFINITY_ERROR in failed[0][1], failed
    finally:
        cluster.restart_proxy(affinity=True)


def test_a_stopped_replica_s_browsers_carry_on_on_the_other(
    cluster: Cluster, provider: str, contexts: object, tmp_path: Path
) -> None:
    # An analyst on r1, logged in (the OIDC identity cookie survives a change of replica; a session does not).
    on_a = analyst_page(contexts, cluster, provider, WANG, "r1")
    replica_a = cluster.replicas[0]
    replica_a.stop()
    try:
        # New sessions keep working through the proxy: a new browser, and one still pinned to the stopped replica.
        for pinned in (None, "r1"):
            ctx = contexts(cluster, pinned)
            page = open_app(ctx, cluster.url + "/services")
            assert page.locator('[data-testid="stMain"] h1').first.inner_text() == "政务服务"
            assert route_of(ctx, cluster) == "r2", "the cookie follows the replica that answered"

        # The browser that was on r1 reconnects (Streamlit's frontend retries its websocket) and works.
        app = on_a.locator('[data-testid="stApp"]')
        expect(app).to_have_attribute("data-test-connection-state", "CONNECTED", timeout=60_000)
        wait_settled(on_a)
        assert route_of(on_a.context, cluster) == "r2"
        expect(on_a.locator('[data-testid="stSidebar"]')).to_contain_text(f"已登录：{WANG}（分析员）", timeout=30_000)
        open_nav(on_a, "政务服务")
        assert on_a.locator('[data-testid="stMain"] h1').first.inner_text() == "政务服务"
    finally:
        replica_a.start()

    # r1 is back: the browser stays on r2, where its session now is — its upload reaches it. (A hash of the cookie
    # would send it back to r1, which no longer knows the session: "Invalid session_id".)
    open_upload(on_a)
    preview(on_a, write_upload(tmp_path, "four.csv", new_row("ulanqab-items-cluster-4", 404)))
    assert route_of(on_a.context, cluster) == "r2"
    on_a.screenshot(path=str(ARTIFACTS / "cluster-after-failover.png"))


# --- make cluster -----------------------------------------------------------------------------------------------


def _children(pid: int) -> set[int]:
    """Every process whose parent is `pid`, and theirs (from /proc)."""
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        parents, frontier = frontier, set()
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) in parents:
                frontier.add(int(stat.parent.name))
        found |= frontier
    return found


def _command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""  # gone meanwhile


def _refuses(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def test_a_cluster_that_cannot_start_stops_what_it_did_start(nginx: str, tmp_path: Path) -> None:
    # The proxy's port is taken: nginx exits at once; the replicas already running are stopped, the error names
    # nginx's log.
    before = _children(os.getpid())
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(launch.ClusterError, match=r"nginx exited with 1; see .*error\.log"):
            with launch.cluster(2, store="csv", workdir=tmp_path, proxy_port=port):
                pytest.fail("the cluster started on a taken port")
    left = [_command(pid) for pid in _children(os.getpid()) - before]
    assert not [c for c in left if "streamlit" in c or "nginx" in c], left
    assert "Address already in use" in (tmp_path / "nginx" / "error.log").read_text()


def test_a_replica_whose_port_was_taken_meanwhile_starts_on_another(nginx: str, tmp_path: Path, monkeypatch) -> None:
    # free_port() hands out a port that someone else binds before Streamlit does (a race on a busy machine).
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        ports = iter([busy])
        real = launch.free_port
        monkeypatch.setattr(launch, "free_port", lambda: next(ports, None) or real())
        with launch.cluster(1, store="csv", workdir=tmp_path) as running:
            [replica] = running.replicas
            assert replica.port != busy and launch.is_healthy(replica.url) and launch.is_healthy(running.url)
            assert f"--server.port={replica.port}" in replica.command
    assert f"Port {busy} is not available" in (tmp_path / "replica-r1.log").read_text()


@pytest.mark.parametrize("store", ["csv", "postgres"])
def test_the_cluster_command_stops_everything_on_ctrl_c(
    nginx: str, postgres_bin: Path, store: str, tmp_path: Path
) -> None:
    port = launch.free_port()
    cmd = [sys.executable, "-m", "hbeu_dash.cluster", "--replicas", "2", "--port", str(port), "--store", store]
    cmd += ["--workdir", str(tmp_path)]
    proc = subprocess.Popen(cmd, cwd=paths.ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        lines = []
        for line in proc.stdout:
            lines.append(line)
            if "Ctrl-C stops everything." in line or proc.poll() is not None:
                break
        output = "".join(lines)
        assert f"ready. Open http://127.0.0.1:{port} in a browser" in output, output
        assert launch.is_healthy(f"http://127.0.0.1:{port}")
        replica_ports = [int(p) for p in re.findall(r"replica r\d: http://127\.0\.0\.1:(\d+)", output)]
        assert len(replica_ports) == 2, output
        db_port = re.search(r"PostgreSQL: postgresql\+psycopg://\S+@127\.0\.0\.1:(\d+)/", output)
        assert (db_port is not None) == (store == "postgres"), output
        children = _children(proc.pid)
        assert children, "the replicas and nginx are the launcher's children"
    finally:
        proc.send_signal(signal.SIGINT)
        rest, _ = proc.communicate(timeout=120)
    assert proc.returncode == 0, rest
    assert "all stopped." in rest
    assert not [pid for pid in children if Path(f"/proc/{pid}").exists()], "no orphans"
    ports = [port, *replica_ports] + ([int(db_port.group(1))] if db_port else [])
    assert all(_refuses(p) for p in ports), ports

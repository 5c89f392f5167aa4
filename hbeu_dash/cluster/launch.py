"""Several servers on this machine: a store (a throwaway PostgreSQL, or a CSV folder), N Streamlit replicas on
127.0.0.1 and nginx in front with session affinity, all stopped when the block ends (also on Ctrl-C or an error).

Used by `make cluster` (`hbeu cluster`), the cluster tests and the benchmark. The proxy's configuration
is deploy/nginx.conf.template with only its ports and paths filled in (render_nginx), the one docs/deploying.md
shows.
"""

import contextlib
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Literal

from hbeu_dash import paths

if TYPE_CHECKING:
    from hbeu_dash.cluster.postgres import Postgres

TEMPLATE = paths.ROOT / "deploy" / "nginx.conf.template"
HOST = "127.0.0.1"
START_TIMEOUT_S = 120.0  # a replica's first health answer; 2 cores shared with the other replicas and a browser
STOP_TIMEOUT_S = 15.0
# Passive health check: a replica that refuses a connection gets no new request for 5 s, then is tried again.
FAILURE = "max_fails=1 fail_timeout=5s"
_PLACEHOLDER = re.compile(r"\$\{([A-Z_]+)\}")
# The password of a URL in free text: scheme://user:PASSWORD@host (a DSN as SQLAlchemy and libpq write it).
_URL_PASSWORD = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^\s:/@]*:)[^\s/@]+@", re.IGNORECASE)

Store = Literal["postgres", "csv"]


class ClusterError(RuntimeError):
    """A part of the cluster did not start (the message names its log)."""


def mask_secrets(text: str) -> str:
    """`text` with the password of every URL in it replaced by *** (postgresql://hbeu:***@127.0.0.1:5432/hbeu):
    what the launcher writes to a log or the console."""
    return _URL_PASSWORD.sub(r"\1***@", text)


# --- the proxy's configuration ------------------------------------------------------------------------------


def replica_name(index: int) -> str:
    """The name the route cookie carries for the replica at `index` (0-based): r1, r2, ..."""
    return f"r{index + 1}"


def _upstreams(backends: Sequence[str]) -> str:
    """hbeu_any (every replica, least busy first) and one upstream per replica: it, the others as its backups."""
    # `zone`: the workers share each server's connection count and failures (least_conn and the health check
    # would otherwise be per worker process).
    lines = ["    upstream hbeu_any {", "        zone hbeu_any 64k;", "        least_conn;"]
    lines += [f"        server {b} {FAILURE};" for b in backends]
    lines.append("    }")
    for i, own in enumerate(backends):
        lines.append(f"    upstream hbeu_{replica_name(i)} {{")
        lines.append(f"        zone hbeu_{replica_name(i)} 64k;")
        lines.append(f"        server {own} {FAILURE};")
        lines += [f"        server {b} backup {FAILURE};" for b in backends if b != own]
        lines.append("    }")
    return "\n".join(lines)


def _routes(backends: Sequence[str]) -> str:
    """The route cookie's value → that replica's upstream."""
    return "\n".join(f"        {replica_name(i)} hbeu_{replica_name(i)};" for i in range(len(backends)))


def _served(backends: Sequence[str]) -> str:
    """$upstream_addr ends with the address that answered ("a, b" when a failed first)."""
    return "\n".join(f'        "~(^|[ ,]){re.escape(b)}$" {replica_name(i)};' for i, b in enumerate(backends))


def fill_template(template: str, values: Mapping[str, str]) -> str:
    """Replace every ${NAME} of `template` with values[NAME]; a missing or unused value is an error (nginx's own
    $variables, without braces, stay as they are)."""
    found = set(_PLACEHOLDER.findall(template))
    if found != set(values):
        raise ValueError(f"template placeholders {sorted(found)} != values given {sorted(values)}")
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)


def render_nginx(backends: Sequence[str], listen: str, run_dir: Path, affinity: bool = True) -> str:
    """deploy/nginx.conf.template for these replica addresses ("127.0.0.1:8601", ...). Without affinity the route
    and cookie lines are left out: every request goes to the least busy replica (only to prove that breaks)."""
    if not backends:
        raise ValueError("at least one replica address is needed")
    values = {
        "LISTEN": listen,
        "RUN_DIR": str(run_dir),
        "UPSTREAMS": _upstreams(backends),
        "ROUTES": _routes(backends) if affinity else "",
        "SERVED": _served(backends) if affinity else "",
    }
    return fill_template(TEMPLATE.read_text(encoding="utf-8"), values)


# --- processes ----------------------------------------------------------------------------------------------


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _tied_to_us(cmd: list[str]) -> list[str]:
    """`cmd` run so that it gets SIGTERM when the thread that started it dies, even by SIGKILL: no orphans if the
    launcher is killed. util-linux's setpriv sets the parent-death signal and execs `cmd` (a preexec_fn would do it
    too, but is unsafe in a process with threads: pytest with a browser, the benchmark). Without setpriv, as is."""
    setpriv = shutil.which("setpriv")
    return [setpriv, "--pdeathsig", "TERM", "--", *cmd] if setpriv else cmd


def _spawn(cmd: list[str], log: IO[str], cwd: Path, env: Mapping[str, str] | None = None) -> subprocess.Popen:
    """A child in its own process group (a terminal's Ctrl-C reaches only the launcher, which stops everything in
    order), tied to the launcher's life."""
    return subprocess.Popen(
        _tied_to_us(cmd),
        cwd=cwd,
        env=dict(env) if env is not None else None,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _terminate(proc: subprocess.Popen | None, kill: bool = False) -> None:
    """Stop a child: SIGTERM (SIGKILL when `kill`, or after STOP_TIMEOUT_S), and reap it."""
    if proc is None or proc.poll() is not None:
        return
    if kill:
        proc.kill()
    else:
        proc.terminate()
    try:
        proc.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def is_healthy(url: str) -> bool:
    """Whether `url`/_stcore/health answers 200 now."""
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _wait_healthy(url: str, proc: subprocess.Popen, what: str, log_path: Path, deadline: float) -> None:
    while not is_healthy(url):
        if proc.poll() is not None:
            raise ClusterError(f"{what} exited with {proc.returncode}; see {log_path}{_tail(log_path)}")
        if time.monotonic() > deadline:
            raise ClusterError(f"{what} did not answer {url}/_stcore/health in time; see {log_path}{_tail(log_path)}")
        time.sleep(0.2)


def _tail(path: Path, lines: int = 12) -> str:
    try:
        return "\n" + mask_secrets("\n".join(path.read_text(errors="replace").splitlines()[-lines:]))
    except OSError:
        return ""


@dataclass
class Replica:
    """One `streamlit run app.py` on 127.0.0.1:port; stop() and start() it again on the same port."""

    name: str
    port: int
    command: list[str]
    env: dict[str, str]
    log_path: Path
    proc: subprocess.Popen | None = field(default=None, repr=False)
    _log: IO[str] | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        """Its own base URL, bypassing the proxy."""
        return f"http://{HOST}:{self.port}"

    @property
    def address(self) -> str:
        """host:port, as the proxy's upstreams name it."""
        return f"{HOST}:{self.port}"

    @property
    def running(self) -> bool:
        """Whether its process is alive."""
        return self.proc is not None and self.proc.poll() is None

    def spawn(self) -> None:
        """Start the process (appending to its log); wait_healthy() waits for it."""
        if self.running:
            return
        self._log = open(self.log_path, "a", encoding="utf-8")  # closed in stop()
        self.proc = _spawn(self.command, self._log, paths.ROOT, self.env)

    def wait_healthy(self, timeout: float = START_TIMEOUT_S) -> None:
        """Wait until it answers /_stcore/health (ClusterError if it exits or takes longer than `timeout`)."""
        assert self.proc is not None, "spawn() first"
        _wait_healthy(self.url, self.proc, f"replica {self.name}", self.log_path, time.monotonic() + timeout)

    def start(self, timeout: float = START_TIMEOUT_S) -> None:
        """Start it (again) and wait until it is healthy."""
        self.spawn()
        self.wait_healthy(timeout)

    def stop(self, kill: bool = False) -> None:
        """Stop it: SIGTERM, or SIGKILL when `kill` (a crash). Its sessions are lost; browsers reconnect elsewhere."""
        _terminate(self.proc, kill)
        if self._log is not None:
            self._log.close()
            self._log = None


def nginx_path() -> str | None:
    """The nginx binary: $HBEU_NGINX, /usr/sbin/nginx or nginx on PATH; None when there is none."""
    candidate = os.environ.get("HBEU_NGINX") or "/usr/sbin/nginx"
    return candidate if Path(candidate).is_file() else shutil.which("nginx")


@dataclass
class Proxy:
    """nginx, run in the foreground from the rendered template in run_dir (conf, pid, logs, temporary files)."""

    port: int
    run_dir: Path
    backends: list[str]
    affinity: bool = True
    proc: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        """The base URL browsers open."""
        return f"http://{HOST}:{self.port}"

    @property
    def conf_path(self) -> Path:
        """The rendered configuration nginx runs."""
        return self.run_dir / "nginx.conf"

    @property
    def access_log(self) -> Path:
        """One line per request, with the route cookie and the replica that answered (upstream=...)."""
        return self.run_dir / "access.log"

    def start(self, timeout: float = 30.0) -> None:
        """Render the configuration, check it (nginx -t), start nginx and wait until it passes a health check on."""
        binary = nginx_path()
        if binary is None:
            raise ClusterError("nginx not found (apt-get install nginx, or set HBEU_NGINX)")
        self.run_dir.mkdir(parents=True, exist_ok=True)
        text = render_nginx(self.backends, f"{HOST}:{self.port}", self.run_dir, self.affinity)
        self.conf_path.write_text(text, encoding="utf-8")
        # As root nginx would run its workers as `nobody`, who cannot enter a private work folder; the template
        # has no `user` line (a deployment runs it as an unprivileged user), so say it here, for this run only.
        globals_ = "daemon off;" + (" user root;" if os.geteuid() == 0 else "")
        cmd = [binary, "-c", str(self.conf_path), "-p", str(self.run_dir), "-e", str(self.run_dir / "error.log")]
        check = subprocess.run([*cmd, "-g", globals_, "-t"], capture_output=True, text=True, check=False)
        if check.returncode != 0:
            raise ClusterError(f"nginx -t refused {self.conf_path}:\n{check.stderr}")
        log_path = self.run_dir / "nginx.out"
        with open(log_path, "a", encoding="utf-8") as log:
            self.proc = _spawn([*cmd, "-g", globals_], log, self.run_dir)
        _wait_healthy(self.url, self.proc, "nginx", self.run_dir / "error.log", time.monotonic() + timeout)

    def stop(self) -> None:
        """Stop nginx (SIGTERM: a fast shutdown that closes every connection, websockets included)."""
        _terminate(self.proc)


@contextlib.contextmanager
def running_proxy(
    backends: Sequence[str], run_dir: Path, port: int | None = None, affinity: bool = True
) -> Iterator[Proxy]:
    """nginx in front of `backends` on 127.0.0.1:port (a free port if None), stopped when the block ends."""
    proxy = Proxy(port or free_port(), Path(run_dir), list(backends), affinity)
    try:
        proxy.start()
        yield proxy
    finally:
        proxy.stop()


@dataclass
class Cluster:
    """The running cluster: the proxy's URL, the replicas, the store they share."""

    proxy: Proxy
    replicas: list[Replica]
    store_url: str | None = field(repr=False)  # the PostgreSQL URL, password included; None for a CSV folder
    data_dir: Path | None  # the CSV folder the replicas share; None on PostgreSQL
    workdir: Path
    cookie_secret: str = field(repr=False, default="")
    store_credentials: Path | None = None  # the file holding the database's passwords (0600); None for CSV

    @property
    def store_url_masked(self) -> str | None:
        """The PostgreSQL URL with its password as ***: what may be printed or logged."""
        return mask_secrets(self.store_url) if self.store_url else None

    @property
    def url(self) -> str:
        """The proxy's base URL: what browsers open."""
        return self.proxy.url

    def restart_proxy(self, affinity: bool = True) -> None:
        """Restart nginx on the same port, with or without affinity (open websockets drop and reconnect)."""
        self.proxy.stop()
        self.proxy.affinity = affinity
        self.proxy.start()


# --- the store ----------------------------------------------------------------------------------------------


def _run_checked(cmd: list[str], log_path: Path, what: str, env: Mapping[str, str]) -> None:
    with open(log_path, "a", encoding="utf-8") as log:
        log.write(mask_secrets(f"$ {' '.join(cmd)}\n"))
        log.flush()
        result = subprocess.run(cmd, cwd=paths.ROOT, env=dict(env), stdout=log, stderr=subprocess.STDOUT, check=False)
    if result.returncode != 0:
        raise ClusterError(f"{what} failed ({result.returncode}); see {log_path}{_tail(log_path)}")


def prepare_database(url: str, data_dir: Path, log_path: Path, env: Mapping[str, str]) -> None:
    """Migrate the database to the newest schema and load `data_dir` into it, once, before any replica starts
    (replicas never migrate: concurrent upgrades race)."""
    from hbeu_dash.store import CsvStore
    from hbeu_dash.store.archive import fill_archive

    # The folder's source archive, filled from the reference texts when they are there (a cache fill, as `make run`
    # does): `db import` carries the cited texts over and proves every row against them.
    fill_archive(CsvStore(data_dir), paths.SOURCE_TEXT_DIRS)
    db = [sys.executable, "-m", "hbeu_dash", "db"]
    # The URL (and its password) in the environment, not on the command line: `ps` shows every user a command line.
    with_url = {**env, "HBEU_STORE_URL": url}
    _run_checked([*db, "init"], log_path, "db init (migrations)", with_url)
    _run_checked([*db, "import", str(data_dir)], log_path, f"db import {data_dir}", with_url)


@contextlib.contextmanager
def _postgres_store(workdir: Path, data_dir: Path, env: Mapping[str, str]) -> Iterator["Postgres"]:
    """A throwaway PostgreSQL, migrated, holding `data_dir`. Its folder lives in the system temp folder (as root the
    server runs as `postgres`, who cannot enter a private work folder), removed afterwards."""
    from hbeu_dash.cluster.postgres import running_postgres, temp_folder

    folder = temp_folder("hbeu-cluster-pg-")
    try:
        with running_postgres(folder) as server:
            prepare_database(server.url, data_dir, workdir / "db-setup.log", env)
            yield server
    finally:
        with contextlib.suppress(OSError):
            shutil.copyfile(folder / "postgres.log", workdir / "postgres.log")  # kept for a post-mortem
        shutil.rmtree(folder, ignore_errors=True)


# --- the cluster --------------------------------------------------------------------------------------------


def replica_command(port: int, secrets_file: Path | None) -> list[str]:
    """`streamlit run app.py` as a replica: loopback, headless, no file watcher, no usage statistics."""
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.headless=true",
        f"--server.address={HOST}",
        f"--server.port={port}",
        "--server.fileWatcherType=none",
        "--browser.gatherUsageStats=false",
    ]
    if secrets_file is not None:
        cmd.append(f"--secrets.files={secrets_file}")  # replaces ~/.streamlit and ./.streamlit: this file only
    return cmd


def replica_env(
    base: Mapping[str, str], cookie_secret: str, store_url: str | None, data_dir: Path | None
) -> dict[str, str]:
    """The environment of every replica: the same cookie secret (in the environment, not on the command line
    where `ps` shows it) and the same store."""
    env = {k: v for k, v in base.items() if k not in ("HBEU_STORE_URL", "HBEU_DATA_DIR")}
    env["STREAMLIT_SERVER_COOKIE_SECRET"] = cookie_secret
    if store_url is not None:
        env["HBEU_STORE_URL"] = store_url
    if data_dir is not None:
        env["HBEU_DATA_DIR"] = str(data_dir)
    return env


PORT_ATTEMPTS = 3  # a free port chosen for a replica can be taken by someone else before Streamlit binds it


def _port_taken(log_path: Path, port: int) -> bool:
    """Whether the replica's log says its port was in use (Streamlit's message) and it exited for that."""
    try:
        text = log_path.read_text(errors="replace")
    except OSError:
        return False
    return f"Port {port} is not available" in text  # Streamlit 1.67 logs this and exits 1


def _start_replicas(replicas: list[Replica]) -> None:
    """Start them all at once, then wait for each (they start in parallel); one whose port was taken meanwhile
    starts again on another free port."""
    for replica in replicas:
        replica.spawn()
    for replica in replicas:
        for attempt in range(PORT_ATTEMPTS):
            try:
                replica.wait_healthy()
                break
            except ClusterError:
                if attempt == PORT_ATTEMPTS - 1 or replica.running or not _port_taken(replica.log_path, replica.port):
                    raise
                replica.stop()
                new_port = free_port()
                replica.command = [
                    f"--server.port={new_port}" if arg == f"--server.port={replica.port}" else arg
                    for arg in replica.command
                ]
                replica.port = new_port
                replica.spawn()


@contextlib.contextmanager
def cluster(
    replicas: int = 2,
    *,
    store: Store = "postgres",
    workdir: Path,
    proxy_port: int | None = None,
    affinity: bool = True,
    data_dir: Path | None = None,
    env: Mapping[str, str] | None = None,
    secrets_toml: str | None = None,
) -> Iterator[Cluster]:
    """Start a cluster and stop all of it when the block ends (proxy, replicas, then the store).

    store="postgres": a throwaway PostgreSQL, migrated once, loaded from `data_dir` (default data/).
    store="csv": the replicas share the CSV folder `data_dir` (default: a copy of data/ in workdir).
    `env` is added to the replicas' environment; `secrets_toml` is written to workdir/secrets.toml and given to
    every replica with --secrets.files (then no other secrets file is read).
    Replicas and nginx get SIGTERM if the thread that started them dies (no orphans, even when the launcher is
    killed): enter the block, and stop()/start() replicas, from one thread that outlives them.
    """
    if replicas < 1:
        raise ValueError("replicas must be at least 1")
    if store not in ("postgres", "csv"):
        raise ValueError(f"store must be 'postgres' or 'csv', not {store!r}")
    workdir = Path(workdir).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    base_env = {**os.environ, **(env or {})}
    secrets_file = None
    if secrets_toml is not None:
        secrets_file = workdir / "secrets.toml"
        secrets_file.write_text(secrets_toml, encoding="utf-8")
        secrets_file.chmod(0o600)
    with contextlib.ExitStack() as stack:
        credentials = None
        if store == "postgres":
            source = Path(data_dir) if data_dir is not None else paths.DATA_DIR
            server = stack.enter_context(_postgres_store(workdir, source, base_env))
            store_url, shared_dir, credentials = server.url, None, server.credentials_file
        else:
            store_url, shared_dir = None, Path(data_dir) if data_dir is not None else workdir / "data"
            if data_dir is None:
                shutil.copytree(paths.DATA_DIR, shared_dir, dirs_exist_ok=True)
        cookie_secret = secrets.token_urlsafe(32)
        env_all = replica_env(base_env, cookie_secret, store_url, shared_dir)
        members = []
        for i in range(replicas):
            port = free_port()
            name = replica_name(i)
            log_path = workdir / f"replica-{name}.log"
            members.append(Replica(name, port, replica_command(port, secrets_file), env_all, log_path))
        for member in members:
            stack.callback(member.stop)
        _start_replicas(members)
        proxy = stack.enter_context(
            running_proxy([m.address for m in members], workdir / "nginx", proxy_port, affinity)
        )
        yield Cluster(proxy, members, store_url, shared_dir, workdir, cookie_secret, credentials)

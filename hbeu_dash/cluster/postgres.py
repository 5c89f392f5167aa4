"""A throwaway PostgreSQL server on loopback: initdb into a folder, start, create the role and database, stop.

For tests, the benchmark and local multi-server runs; never a production database. `initdb` and the server refuse
to run as root, so as root every step runs as the `postgres` OS user (`runuser`) and the folder is chowned to it.
The server listens on 127.0.0.1 only (plus a Unix socket in a private folder), and every connection needs a
password (scram-sha-256): random ones for the superuser and the app's role, kept in folder/credentials.json (0600,
ours), so no other local account can use the server (with `trust` any local user could run programs as `postgres`).
"""

import contextlib
import json
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PG_OS_USER = "postgres"  # the OS account the server runs as when we are root
SUPERUSER = "postgres"  # the database superuser initdb creates (also when we are not root)
START_ATTEMPTS = 3  # a port chosen for us may be taken by someone else before the server binds it
START_TIMEOUT_S = 60
# A Unix socket path must fit in sun_path (108 bytes on Linux) with ".s.PGSQL.<port>" appended.
SOCKET_PATH_MAX = 90
CREDENTIALS = "credentials.json"  # in the server's folder


class PostgresError(RuntimeError):
    """The throwaway server could not be set up, started or stopped (the message ends with its log's tail)."""


@dataclass
class Postgres:
    """A running throwaway server: its folder, port, SQLAlchemy URL and the binaries it was started with."""

    folder: Path
    port: int
    url: str
    bin_dir: Path
    socket_dir: Path | None = None
    os_user: str | None = None  # "postgres" when we started it as root, else None (ourselves)
    password: str = ""  # the app role's (also in `url`)
    superuser_password: str = ""
    user: str = "hbeu"

    @property
    def data_dir(self) -> Path:
        """The cluster's data directory (folder/pgdata)."""
        return self.folder / "pgdata"

    @property
    def log_file(self) -> Path:
        """The server's log (folder/postgres.log)."""
        return self.folder / "postgres.log"

    @property
    def credentials_file(self) -> Path:
        """The passwords of this server: {"superuser": ..., "app": ...}, 0600, readable only by whoever started it."""
        return self.folder / CREDENTIALS

    def admin_url(self, db: str = "postgres") -> str:
        """A superuser URL for `db` (to create or drop databases in tests)."""
        return f"postgresql+psycopg://{SUPERUSER}:{self.superuser_password}@127.0.0.1:{self.port}/{db}"

    def url_for(self, db: str) -> str:
        """The app role's URL for another database of this server."""
        return f"postgresql+psycopg://{self.user}:{self.password}@127.0.0.1:{self.port}/{db}"

    def connect_admin(self, db: str = "postgres") -> "object":
        """A psycopg connection as the superuser, autocommit (CREATE/DROP DATABASE)."""
        import psycopg

        return psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            user=SUPERUSER,
            password=self.superuser_password,
            dbname=db,
            autocommit=True,
        )

    def stop(self) -> None:
        """Stop the server (pg_ctl stop -m fast); does nothing when it is not running."""
        if (self.data_dir / "postmaster.pid").exists():
            pg_ctl = [str(self.bin_dir / "pg_ctl"), "stop", "-D", str(self.data_dir), "-m", "fast", "-w"]
            result = _run(pg_ctl, self.os_user, self.folder, check=False)
            if result.returncode != 0 and (self.data_dir / "postmaster.pid").exists():
                raise PostgresError(f"pg_ctl stop failed: {result.stderr.strip()}{_log_tail(self.log_file)}")
        if self.socket_dir is not None and self.socket_dir != self.folder / "sock":
            shutil.rmtree(self.socket_dir, ignore_errors=True)


def find_pg_bin() -> Path | None:
    """The folder of PostgreSQL's server binaries: $HBEU_PG_BIN, `pg_config --bindir`, the newest
    /usr/lib/postgresql/*/bin, or initdb on PATH; None when there is no initdb anywhere."""
    candidates: list[Path] = []
    if env := os.environ.get("HBEU_PG_BIN"):
        candidates.append(Path(env))
    if pg_config := shutil.which("pg_config"):
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, timeout=10, check=True)
            candidates.append(Path(out.stdout.strip()))
    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=_major_version, reverse=True)
    candidates.extend(debian)
    if initdb := shutil.which("initdb"):
        candidates.append(Path(initdb).parent)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


def _major_version(bin_dir: Path) -> int:
    name = bin_dir.parent.name
    return int(name) if name.isdigit() else -1


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _os_user() -> str | None:
    """The account to run PostgreSQL as: `postgres` when we are root (it refuses root), else ourselves (None)."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(PG_OS_USER)
    except KeyError as exc:
        raise PostgresError(f"running as root, but there is no '{PG_OS_USER}' OS user to run PostgreSQL as") from exc
    return PG_OS_USER


def _run(
    cmd: list[str], os_user: str | None, cwd: Path, check: bool = True, timeout: float = START_TIMEOUT_S
) -> subprocess.CompletedProcess:
    """Run a PostgreSQL binary, as `os_user` when given (we are root)."""
    full = ["runuser", "-u", os_user, "--", *cmd] if os_user else cmd
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}  # no stray PGDATA/PGPORT/PGHOST
    env["LC_ALL"] = "C.UTF-8"
    result = subprocess.run(full, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    if check and result.returncode != 0:
        raise PostgresError(f"{Path(cmd[0]).name} failed ({result.returncode}): {result.stderr.strip()}")
    return result


def _give_to(path: Path, os_user: str | None) -> None:
    """As root, make `path` (a folder we created) the server account's; otherwise nothing to do."""
    if os_user is None:
        return
    entry = pwd.getpwnam(os_user)
    os.chown(path, entry.pw_uid, entry.pw_gid)


def _check_reachable(folder: Path, os_user: str | None) -> None:
    """The server account must be able to enter the folder (e.g. pytest's /tmp/pytest-of-root is 0700)."""
    if os_user is None:
        return
    probe = subprocess.run(["runuser", "-u", os_user, "--", "test", "-w", str(folder)], check=False)
    if probe.returncode != 0:
        raise PostgresError(
            f"the '{os_user}' OS user cannot write {folder}: the folder and every parent must be searchable by it "
            "(pytest's tmp_path is not: use hbeu_dash.cluster.postgres.temp_folder())"
        )


def temp_folder(prefix: str = "hbeu-pg-") -> Path:
    """A new folder in the system temp folder that the server account can enter (mkdtemp, then 0755): give it, or
    a subfolder of it, to start_postgres. The caller removes it (shutil.rmtree) when done."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    path.chmod(0o755)
    return path


def _socket_dir(folder: Path, port: int, os_user: str | None) -> Path:
    """A private folder for the Unix socket: folder/sock when the path is short enough, else a new one in /tmp."""
    preferred = folder / "sock"
    if len(str(preferred / f".s.PGSQL.{port}")) <= SOCKET_PATH_MAX:
        preferred.mkdir(mode=0o700, exist_ok=True)
        _give_to(preferred, os_user)
        return preferred
    path = Path(tempfile.mkdtemp(prefix="hbeu-pgsock-"))
    _give_to(path, os_user)
    return path


HBA = """# Written by hbeu_dash.cluster.postgres: a throwaway server, loopback only, every login with its password.
local all all scram-sha-256
host all all 127.0.0.1/32 scram-sha-256
host all all ::1/128 scram-sha-256
"""


def _credentials(folder: Path) -> dict[str, str]:
    """The passwords of this folder's server (made on first use; 0600, readable only by us)."""
    path = folder / CREDENTIALS
    if path.exists():
        return json.loads(path.read_text())
    made = {"superuser": secrets.token_urlsafe(24), "app": secrets.token_urlsafe(24)}
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        json.dump(made, fh)
    return made


def _init_cluster(bin_dir: Path, data_dir: Path, os_user: str | None, superuser_password: str) -> None:
    """initdb into data_dir (UTF-8, C collation: byte order, the same on every machine); passwords on loopback."""
    pwfile = Path(tempfile.mkdtemp(prefix="hbeu-pgpw-")) / "pw"
    try:
        _give_to(pwfile.parent, os_user)
        fd = os.open(pwfile, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(superuser_password + "\n")
        _give_to(pwfile, os_user)
        initdb = [str(bin_dir / "initdb"), "-D", str(data_dir), "-U", SUPERUSER, "-E", "UTF8", "--no-locale"]
        auth = ["--auth-local=scram-sha-256", "--auth-host=scram-sha-256", f"--pwfile={pwfile}"]
        _run([*initdb, *auth], os_user, data_dir.parent)
    finally:
        shutil.rmtree(pwfile.parent, ignore_errors=True)
    (data_dir / "pg_hba.conf").write_text(HBA)


def _start(bin_dir: Path, data_dir: Path, log: Path, port: int, sock: Path, os_user: str | None) -> bool:
    """pg_ctl start -w on 127.0.0.1:port; False when it did not come up (the log says why)."""
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {sock} -c fsync=on"
    cmd = [str(bin_dir / "pg_ctl"), "start", "-w", "-t", str(START_TIMEOUT_S), "-D", str(data_dir)]
    result = _run([*cmd, "-l", str(log), "-o", options], os_user, data_dir.parent, check=False)
    return result.returncode == 0


def _create_role_and_db(server: Postgres, db: str) -> None:
    """CREATE ROLE user LOGIN CREATEDB PASSWORD … and CREATE DATABASE db OWNER user, unless they exist."""
    from psycopg import sql

    user = server.user
    with server.connect_admin() as conn:
        if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (user,)).fetchone() is None:
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN CREATEDB").format(sql.Identifier(user)))
        # The SCRAM verifier, hashed here (libpq's PQencryptPasswordConn), never the password: a statement can end
        # up in the server's log (one that fails is logged with its text).
        verifier = conn.pgconn.encrypt_password(server.password.encode(), user.encode(), b"scram-sha-256").decode()
        conn.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(sql.Identifier(user), sql.Literal(verifier)))
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (db,)).fetchone() is None:
            conn.execute(sql.SQL("CREATE DATABASE {} OWNER {}").format(sql.Identifier(db), sql.Identifier(user)))


def _log_tail(log: Path, lines: int = 15) -> str:
    try:
        return "\n--- " + str(log) + " (tail) ---\n" + "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def start_postgres(folder: Path, port: int | None = None, db: str = "hbeu", user: str = "hbeu") -> Postgres:
    """Start a throwaway server with its data in folder/pgdata (initdb first if needed), logging to
    folder/postgres.log; create `user` and database `db`. A folder that already holds a cluster is reused."""
    bin_dir = find_pg_bin()
    if bin_dir is None:
        raise PostgresError("PostgreSQL server binaries not found (apt-get install postgresql, or set HBEU_PG_BIN)")
    os_user = _os_user()
    folder = Path(folder).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    _give_to(folder, os_user)
    _check_reachable(folder, os_user)
    data_dir, log = folder / "pgdata", folder / "postgres.log"
    passwords = _credentials(folder)
    if not (data_dir / "PG_VERSION").exists():
        _init_cluster(bin_dir, data_dir, os_user, passwords["superuser"])
    attempts = 1 if port is not None else START_ATTEMPTS
    for _ in range(attempts):
        chosen = port or free_port()
        sock = _socket_dir(folder, chosen, os_user)
        url = f"postgresql+psycopg://{user}:{passwords['app']}@127.0.0.1:{chosen}/{db}"
        server = Postgres(folder, chosen, url, bin_dir, sock, os_user, passwords["app"], passwords["superuser"], user)
        try:
            started = _start(bin_dir, data_dir, log, chosen, sock, os_user)
            if started:
                _create_role_and_db(server, db)
                return server
        except BaseException:  # also Ctrl-C / SIGTERM while starting: never leave a server behind
            server.stop()
            raise
        server.stop()
    raise PostgresError(f"PostgreSQL did not start in {folder}{_log_tail(log)}")


@contextlib.contextmanager
def running_postgres(folder: Path, port: int | None = None, db: str = "hbeu", user: str = "hbeu") -> Iterator[Postgres]:
    """A started throwaway server, always stopped (pg_ctl stop -m fast) when the block ends."""
    server = start_postgres(folder, port, db, user)
    try:
        yield server
    finally:
        server.stop()

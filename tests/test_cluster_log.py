"""No secret on the console or in a log of the cluster launcher (issue 20, finding 7): the PostgreSQL password is
masked (postgresql+psycopg://hbeu:***@127.0.0.1:PORT/hbeu) in what `make cluster` prints and in every file of its
work folder (db-setup.log was the leak: it logged `db init --url <the URL>`), and it is not on a command line."""

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from hbeu_dash import paths
from hbeu_dash.cluster import launch
from hbeu_dash.cluster.launch import mask_secrets


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("postgresql+psycopg://hbeu:s3cr-t_X@127.0.0.1:5432/hbeu", "postgresql+psycopg://hbeu:***@127.0.0.1:5432/hbeu"),
        (
            "$ python -m hbeu_dash db init --url postgresql://u:p%40ss@h:1/db",
            "$ python -m hbeu_dash db init --url postgresql://u:***@h:1/db",
        ),
        ("two: postgres://a:b@c/d and mysql://x:y@z/w.", "two: postgres://a:***@c/d and mysql://x:***@z/w."),
        ("PostgreSQL: POSTGRESQL://Hbeu:Pw@127.0.0.1/hbeu", "PostgreSQL: POSTGRESQL://Hbeu:***@127.0.0.1/hbeu"),
        # nothing to mask: no password, no URL, an address with a port, an e-mail address
        ("postgresql://hbeu@127.0.0.1/hbeu", "postgresql://hbeu@127.0.0.1/hbeu"),
        ("ready. Open http://127.0.0.1:8500 in a browser", "ready. Open http://127.0.0.1:8500 in a browser"),
        ("wang@example.org logged in", "wang@example.org logged in"),
    ],
)
def test_mask_secrets_hides_the_password_of_every_url(text: str, masked: str) -> None:
    assert mask_secrets(text) == masked


def _needs(found: object, what: str, hint: str) -> None:
    if found:
        return
    message = f"{what} not found: the launcher's log test NOT RUN"
    if os.environ.get("CI"):
        pytest.fail(message + " (CI is set, so this is a failure; .ci/run should install it)")
    pytest.skip(message + " — " + hint)


def _files(folder: Path) -> list[Path]:
    return [p for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()]


def test_the_cluster_command_prints_and_logs_no_password(tmp_path: Path) -> None:
    # A real `make cluster` (one replica on PostgreSQL behind nginx): the password is read from the credentials
    # file the launcher names, then searched for in everything it printed and every file it wrote.
    from hbeu_dash.cluster.postgres import find_pg_bin

    _needs(launch.nginx_path(), "nginx", "apt-get install nginx")
    _needs(find_pg_bin(), "PostgreSQL's server binaries", "apt-get install postgresql")
    port = launch.free_port()
    cmd = [sys.executable, "-m", "hbeu_dash.cluster", "--replicas", "1", "--port", str(port), "--store", "postgres"]
    cmd += ["--workdir", str(tmp_path / "work")]
    proc = subprocess.Popen(cmd, cwd=paths.ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        lines = []
        for line in proc.stdout:
            lines.append(line)
            if "Ctrl-C stops everything." in line:
                break
        printed = "".join(lines)
        shown = re.search(r"PostgreSQL: (\S+) \(password: \"app\" in (\S+), readable only by you\)", printed)
        assert shown is not None, printed
        assert re.fullmatch(r"postgresql\+psycopg://hbeu:\*\*\*@127\.0\.0\.1:\d+/hbeu", shown.group(1)), printed
        credentials = Path(shown.group(2))
        assert credentials.stat().st_mode & 0o077 == 0, "the credentials file is readable by others"
        passwords = json.loads(credentials.read_text())
        assert len(passwords["app"]) >= 16 and len(passwords["superuser"]) >= 16
        replica_port = re.search(r"replica r1: http://127\.0\.0\.1:(\d+)", printed).group(1)
        replica = next(  # the replica itself has the URL, in its environment (readable by its user only)
            p for p in Path("/proc").glob("[0-9]*") if f"--server.port={replica_port}" in _cmdline(p)
        )
        assert passwords["app"] in _environ(replica), "the replica does not hold the password it is meant to"
        assert passwords["app"] not in _cmdline(replica)
    finally:
        proc.send_signal(signal.SIGINT)
        rest, _ = proc.communicate(timeout=120)
    assert proc.returncode == 0, rest
    output = printed + rest
    logs = _files(tmp_path / "work")
    names = {p.name for p in logs}
    assert {"db-setup.log", "replica-r1.log", "postgres.log", "error.log", "access.log"} <= names, names
    assert "--url" not in (tmp_path / "work" / "db-setup.log").read_text(), "the URL went on a command line"
    for secret in passwords.values():
        assert secret not in output, "a password was printed"
        leaked = [str(p) for p in logs if secret.encode() in p.read_bytes()]
        assert leaked == [], f"a password is in {leaked}"


def _cmdline(proc_dir: Path) -> str:
    try:
        return (proc_dir / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _environ(proc_dir: Path) -> str:
    try:
        return (proc_dir / "environ").read_bytes().replace(b"\0", b"\n").decode(errors="replace")
    except OSError:
        return ""

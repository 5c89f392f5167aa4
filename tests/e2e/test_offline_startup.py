"""Nothing leaves the machine when the dashboard starts the way `make run` starts it (issue 20, finding 3).

The server runs the command of `make -n run` — not bound to loopback, so officials on the intranet reach the laptop —
under a Python audit hook that records every socket connect, sendto and name lookup the process makes (its
libraries included), while Chromium opens the overview through it. Before the fix Streamlit asked a public DNS
server's address for the "Network URL" (a UDP connect to 8.8.8.8) and checkip.amazonaws.com for the "External URL".
"""

import json
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path

from hbeu_dash.paths import ROOT
from tests.e2e.conftest import _free_port, wait_healthy, wait_settled

# Run first in the server's interpreter: every socket event of the process, appended to $HBEU_AUDIT as JSON lines.
AUDIT_HOOK = """
import json, os, sys
_path = os.environ["HBEU_AUDIT"]
def _hook(event, args):
    if event in ("socket.connect", "socket.sendto"):
        address = args[-1]
    elif event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"):
        address = args[0]
    else:
        return
    with open(_path, "a") as f:
        f.write(json.dumps([event, repr(address)]) + "\\n")
sys.addaudithook(_hook)
"""
LOOPBACK = ("'127.", "('127.", "('::1'", "'::1'", "'localhost'", "('localhost'", "None", "b'localhost'")


def _run_command(port: int) -> list[str]:
    """The server's command line as `make run` gives it (its dry run: the last line that starts streamlit)."""
    dry = subprocess.run(
        ["make", "-n", "run", f"PORT={port}"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    line = next(line for line in reversed(dry.splitlines()) if " streamlit run " in line)
    return shlex.split(line)


def _outside(events: list[list[str]]) -> list[list[str]]:
    """The events whose address is not this machine: a unix socket (a path) or loopback is local."""
    local = [e for e in events if e[1].startswith(LOOPBACK) or e[1].startswith("'/")]
    return [e for e in events if e not in local]


def test_make_run_contacts_nothing_outside_the_machine(browser, tmp_path: Path) -> None:
    port = _free_port()
    command = _run_command(port)
    assert command[1:4] == ["-m", "streamlit", "run"] and "--server.address" not in " ".join(command)
    audit = tmp_path / "audit.jsonl"
    wrapper = AUDIT_HOOK + "import runpy, sys\nsys.argv = ['streamlit', *sys.argv[1:]]\n"
    wrapper += "runpy.run_module('streamlit', run_name='__main__', alter_sys=True)\n"
    log = open(tmp_path / "server.log", "w")
    env = {**os.environ, "HBEU_AUDIT": str(audit)}
    proc = subprocess.Popen(
        [sys.executable, "-c", wrapper, *command[3:]], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base, proc, tmp_path / "server.log")
        page = browser.new_page()
        try:
            page.goto(base + "/?lang=en", wait_until="domcontentloaded")
            wait_settled(page)
            assert page.locator('[data-testid="stMain"] h1').count() == 1
        finally:
            page.close()
        time.sleep(1)  # anything the start-up or the first session does late
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()
    printed = (tmp_path / "server.log").read_text()
    events = [json.loads(line) for line in audit.read_text().splitlines()] if audit.exists() else []
    assert _outside(events) == [], f"connections out of the machine at start-up: {_outside(events)}\n{printed}"
    assert "External URL" not in printed and "Network URL" not in printed


def test_make_run_says_where_to_open_the_dashboard() -> None:
    """Streamlit's welcome (which looked the addresses up on the network) is off; `make run` prints the local URL
    and this machine's own addresses (`hostname -I`, read from its interfaces) instead."""
    dry = subprocess.run(["make", "-n", "run", "PORT=8765"], cwd=ROOT, capture_output=True, text=True, check=True)
    shown = subprocess.run(
        ["make", "-s", "run-urls", "PORT=8765"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "hostname -I" in dry.stdout and "http://localhost:8765" in shown


def test_the_audit_hook_sees_an_outgoing_connect(tmp_path: Path) -> None:
    """The check above can fail: the same hook records a UDP connect to a public address (nothing is sent)."""
    audit = tmp_path / "audit.jsonl"
    code = AUDIT_HOOK + "import socket\ns = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
    code += "try:\n    s.connect(('8.8.8.8', 1))\nexcept OSError:\n    pass\n"
    subprocess.run([sys.executable, "-c", code], env={**os.environ, "HBEU_AUDIT": str(audit)}, check=True)
    events = [json.loads(line) for line in audit.read_text().splitlines()]
    assert _outside(events) == [["socket.connect", "('8.8.8.8', 1)"]]

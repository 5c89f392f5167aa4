"""Group 5, concurrency: N sessions at once through Streamlit's websocket protocol (no browser)."""

import asyncio
import time

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import WebSocketException

from bench.common import HOST, Server, Settings, ms, percentile, row, rss_mb, streamlit_server

SUBPROTOCOLS = ["streamlit"]  # what the frontend offers first; XSRF token and session id are optional extras
FINISHED = {v: k for k, v in ForwardMsg.ScriptFinishedStatus.items()}
BUDGET_SESSIONS = 50  # the p95 budget is set for this many sessions


def rerun_message(page_name: str = "", query_string: str = "") -> bytes:
    """The BackMsg the frontend sends on load: rerun_script with the URL's page path and query string."""
    msg = BackMsg()
    msg.rerun_script.query_string = query_string
    msg.rerun_script.page_name = page_name  # the URL path segment; the server maps it to a page script
    msg.rerun_script.page_script_hash = ""
    return msg.SerializeToString()


class Gate:
    """Opens when every session of a round has finished its first run (or failed)."""

    def __init__(self, n: int) -> None:
        self.left = n
        self.open = asyncio.Event()

    def arrive(self) -> None:
        """One more session is done with its first run."""
        self.left -= 1
        if self.left <= 0:
            self.open.set()


async def _until_finished(ws: ClientConnection, result: dict, page_name: str) -> str:
    """Read ForwardMsgs until script_finished; note pages, exceptions and a missing page; return the status."""
    async for raw in ws:
        msg = ForwardMsg()
        msg.ParseFromString(raw)
        kind = msg.WhichOneof("type")
        if kind == "navigation":
            result["pages"] = [p.url_pathname for p in msg.navigation.app_pages]
        elif kind == "page_not_found":
            result["error"] = f"page not found: {page_name!r}"
        elif kind == "delta" and msg.delta.new_element.WhichOneof("type") == "exception":
            result["error"] = "script raised: " + msg.delta.new_element.exception.message[:200]
        elif kind == "script_finished":
            status = FINISHED.get(msg.script_finished, str(msg.script_finished))
            if status != "FINISHED_SUCCESSFULLY" and not result["error"]:
                result["error"] = f"script_finished {status}"
            return status
    result["error"] = result["error"] or "connection closed before script_finished"
    return ""


async def session(port: int, page_name: str, timeout: float, gate: Gate | None = None) -> dict:
    """One session: connect, run the page, wait for script_finished; then, once the gate opens, rerun it."""
    start = time.perf_counter()
    result: dict = {"page": page_name, "ok": False, "error": "", "pages": []}
    arrived = False
    try:
        async with asyncio.timeout(timeout):
            async with connect(
                f"ws://{HOST}:{port}/_stcore/stream", subprotocols=SUBPROTOCOLS, max_size=None, open_timeout=timeout
            ) as ws:
                result["connect_ms"] = ms(time.perf_counter() - start)
                sent = time.perf_counter()
                await ws.send(rerun_message(page_name))
                result["status"] = await _until_finished(ws, result, page_name)
                result["run_ms"] = ms(time.perf_counter() - sent)
                result["total_ms"] = ms(time.perf_counter() - start)
                result["ok"] = not result["error"]
                if gate is not None:
                    gate.arrive()
                    arrived = True
                    if result["ok"]:
                        await gate.open.wait()  # every session reruns at once, like a filter change for all
                        sent = time.perf_counter()
                        await ws.send(rerun_message(page_name))
                        status = await _until_finished(ws, result, page_name)
                        result["rerun_ms"] = ms(time.perf_counter() - sent)
                        result["ok"] = status == "FINISHED_SUCCESSFULLY" and not result["error"]
    except TimeoutError:
        result["error"] = f"timeout after {timeout:.0f} s"
    except (OSError, WebSocketException) as exc:
        result["error"] = f"{type(exc).__name__}: {exc}"
    finally:
        if gate is not None and not arrived:
            gate.arrive()
    return result


async def round_of(port: int, n: int, pages: list[str], timeout: float) -> list[dict]:
    """N sessions started together, spread over the pages round-robin."""
    gate = Gate(n)
    return await asyncio.gather(*(session(port, pages[i % len(pages)], timeout, gate) for i in range(n)))


def prepare(server: Server, timeout: float) -> dict:
    """Probe session (finds the pages from the navigation message), then one warm run of every page."""
    probe = asyncio.run(session(server.port, "", timeout))
    pages = [p for p in probe.get("pages") or [] if p is not None] or [""]
    asyncio.run(round_of(server.port, len(pages), pages, timeout))
    return {"probe": probe, "pages": pages, "idle_rss_mb": rss_mb(server.pid)}


def summarize(results: list[dict], rss: float | None) -> dict:
    """p50/p95 of new-session and rerun times over the sessions of one level, failures and their reasons."""
    ok = [r for r in results if r["ok"]]
    reruns = [r["rerun_ms"] for r in results if "rerun_ms" in r]
    return {
        "sessions": len(results),
        "p50_ms": percentile([r["total_ms"] for r in ok], 50),
        "p95_ms": percentile([r["total_ms"] for r in ok], 95),
        "run_p50_ms": percentile([r["run_ms"] for r in ok], 50),
        "rerun_p50_ms": percentile(reruns, 50),
        "rerun_p95_ms": percentile(reruns, 95),
        "failed": sum(not r["ok"] for r in results),
        "errors": sorted({r["error"] for r in results if r["error"]})[:5],
        "rss_mb": rss,
    }


def measure(servers: dict[str, Server], levels: tuple[int, ...], rounds: int, timeout: float) -> dict:
    """Rounds at each level, alternating between the servers so that machine load hits both alike."""
    found = {label: prepare(server, timeout) | {"levels": {}} for label, server in servers.items()}
    for n in levels:
        results: dict[str, list[dict]] = {label: [] for label in servers}
        for _ in range(rounds):
            for label, server in servers.items():
                results[label] += asyncio.run(round_of(server.port, n, found[label]["pages"], timeout))
                time.sleep(0.5)  # let the server drop the closed sessions
        for label, server in servers.items():
            found[label]["levels"][n] = summarize(results[label], rss_mb(server.pid))
    return found


def run(settings: Settings) -> dict:
    """New sessions at each concurrency level, app beside floor app, both servers up at once."""
    rounds = 1 if settings.quick else max(1, min(settings.repeats, 3))
    rows, errors = [], []
    with (
        streamlit_server(settings.floor, settings.timeout, "conc") as floor,
        streamlit_server(settings.app, settings.timeout, "conc") as app,
    ):
        found = measure({"floor app": floor, "app": app}, settings.sessions, rounds, settings.timeout)
    for label, result in found.items():
        if result["probe"]["error"]:
            errors.append(f"{label}: probe session: {result['probe']['error']}")
    for n in settings.sessions:
        for label in found:
            rows += _rows(n, label, found[label], found["floor app"]["levels"][n] if label == "app" else {})
    return {"rows": rows, "samples": found, "errors": errors, "rounds": rounds}


def _rows(n: int, label: str, found: dict, floor: dict) -> list[dict]:
    """The four result rows of one level for one server."""
    level = found["levels"][n]
    is_app = label == "app"
    pages = f"{len(found['pages'])} page(s) round-robin"
    failed = row("sessions", f"{n} sessions failed: {label}", level["failed"], "", n=level["sessions"])
    if is_app:
        failed |= {"budget": "== 0", "ok": level["failed"] == 0}
    failed["note"] = "; ".join(level["errors"])
    return [
        row(
            "sessions",
            f"{n} new sessions p95: {label}",
            _round(level["p95_ms"]),
            floor=_round(floor.get("p95_ms")),
            limit=1000 if is_app and n == BUDGET_SESSIONS else None,
            n=level["sessions"],
            note=f"connect to script_finished; p50 {_round(level['p50_ms'])} ms; {pages}",
        ),
        row(
            "sessions",
            f"{n} sessions rerun at once p95: {label}",
            _round(level["rerun_p95_ms"]),
            floor=_round(floor.get("rerun_p95_ms")),
            n=level["sessions"],
            note=f"p50 {_round(level['rerun_p50_ms'])} ms; every session reruns together after its first run",
        ),
        failed,
        row(
            "sessions",
            f"{n} sessions server RSS: {label}",
            level["rss_mb"],
            "MB",
            floor=floor.get("rss_mb"),
            note=f"after the level; {found['idle_rss_mb']} MB after warm-up",
        ),
    ]


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)

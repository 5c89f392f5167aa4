"""Group wire: bytes on the wire for the first and the second visit of each page, through the proxy and direct.

Each page of the app, and the floor app, is opened twice in one headless Chromium context (one browser's cache): a
first visit (empty cache) and a second one in a new tab, each until the page is ready (bench.browser's probe) and
then SETTLE_S more. Chromium's DevTools protocol counts what crossed the network per request
(`Network.loadingFinished.encodedDataLength`: headers and body as sent, compressed or not; 0 for what came from
the cache) and the websocket's frames (`webSocketFrameSent/Received`: their payloads; Streamlit's
`server.enableWebsocketCompression` is off, so that is what the socket carried, less 2-14 bytes of framing each).

Requests are sorted by path: **static** (/static/..., Streamlit's hashed bundle: scripts, styles, fonts, images),
the **document** (the page's HTML), **stcore** (/_stcore/ over HTTP: health, host-config), anything else
(**other**: /media/, components), and the **websocket**. Each page is measured directly (the server's own port) and
through nginx with the deployment's configuration (deploy/nginx.conf.template, one replica: the same server), which
compresses text assets; both keep Streamlit's `Cache-Control: public, immutable` on the hashed names.
"""

import base64
import contextlib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import Browser, Page
from playwright.sync_api import Error as PlaywrightError

from bench.browser import PROBE_JS, VIEWPORT, chromium, discover_pages, load, page_name
from bench.common import LOG_DIR, Settings, row, streamlit_server

GOAL = {"static_ratio": 0.35, "second_visit_static_downloads": 0}  # issue 20
SETTLE_S = 1.0  # after ready: late requests (a font a chart asks for) and the last frames
KINDS = ("static", "document", "stcore", "other", "websocket")


def kind_of(url: str) -> str:
    """Which part of a page load a request is, from its URL path."""
    path = urlparse(url).path
    if path.startswith("/static/"):
        return "static"
    if "/_stcore/" in path:  # also a page's own /<page>/_stcore/health probe (FACTS: benign 404s)
        return "stcore"
    if path.startswith(("/media/", "/component/", "/app/static/")):
        return "other"
    return "document"


class Meter:
    """What one tab moved over the network, per kind of request, from the DevTools protocol's Network events."""

    def __init__(self, page: Page) -> None:
        self.requests: dict[str, dict] = {}  # requestId → url, status, from_cache, bytes
        self.websocket = {"sent": 0, "received": 0, "frames": 0, "extensions": ""}
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.send("Network.enable")
        self.cdp.on("Network.requestWillBeSent", self._sent)
        self.cdp.on("Network.requestServedFromCache", self._from_cache)
        self.cdp.on("Network.responseReceived", self._response)
        self.cdp.on("Network.responseReceivedExtraInfo", self._raw_status)
        self.cdp.on("Network.loadingFinished", self._finished)
        self.cdp.on("Network.webSocketHandshakeResponseReceived", self._handshake)
        self.cdp.on("Network.webSocketFrameSent", lambda e: self._frame(e, "sent"))
        self.cdp.on("Network.webSocketFrameReceived", lambda e: self._frame(e, "received"))

    def _entry(self, request_id: str) -> dict:
        return self.requests.setdefault(
            request_id,
            {"url": "", "status": None, "from_cache": False, "revalidated": False, "bytes": 0, "encoding": ""},
        )

    def _sent(self, event: dict) -> None:
        self._entry(event["requestId"])["url"] = event["request"]["url"]

    def _from_cache(self, event: dict) -> None:
        self._entry(event["requestId"])["from_cache"] = True

    def _response(self, event: dict) -> None:
        entry, response = self._entry(event["requestId"]), event["response"]
        entry["status"] = response.get("status")
        entry["from_cache"] |= bool(response.get("fromDiskCache") or response.get("fromPrefetchCache"))
        headers = {k.lower(): v for k, v in (response.get("headers") or {}).items()}
        entry["encoding"] = headers.get("content-encoding", "")

    def _raw_status(self, event: dict) -> None:
        # What the server answered: a revalidated cache entry is reported by responseReceived as the cached 200.
        if event.get("statusCode") == 304:
            self._entry(event["requestId"])["revalidated"] = True

    def _finished(self, event: dict) -> None:
        self._entry(event["requestId"])["bytes"] = int(event.get("encodedDataLength") or 0)

    def _handshake(self, event: dict) -> None:
        headers = {k.lower(): v for k, v in (event["response"].get("headers") or {}).items()}
        self.websocket["extensions"] = headers.get("sec-websocket-extensions", "")

    def _frame(self, event: dict, direction: str) -> None:
        frame = event["response"]
        data = frame.get("payloadData") or ""
        size = len(base64.b64decode(data)) if frame.get("opcode") == 2 else len(data.encode())
        self.websocket[direction] += size
        self.websocket["frames"] += 1

    def summary(self) -> dict:
        """Bytes and requests per kind; `downloaded` counts responses that came over the network with a body."""
        out: dict = {k: {"bytes": 0, "requests": 0, "downloaded": 0, "revalidated": 0, "gzip": 0} for k in KINDS}
        for entry in self.requests.values():
            if not entry["url"] or entry["url"].startswith(("data:", "blob:", "ws:", "wss:")):
                continue
            part = out[kind_of(entry["url"])]
            part["requests"] += 1
            part["bytes"] += entry["bytes"]
            if entry["from_cache"]:
                continue
            if entry["revalidated"] or entry["status"] == 304:
                part["revalidated"] += 1
            elif entry["status"] is not None:
                part["downloaded"] += 1
                part["gzip"] += entry["encoding"] in ("gzip", "br")
        ws = self.websocket
        out["websocket"] |= {"bytes": ws["sent"] + ws["received"], "requests": int(ws["frames"] > 0), **ws}
        out["total_http_bytes"] = sum(out[k]["bytes"] for k in KINDS if k != "websocket")
        return out


def visit(page: Page, url: str, timeout: float) -> dict:
    """Open `url` in this tab until ready (+ SETTLE_S); what it moved, and whether it got ready."""
    meter = Meter(page)
    ready, note = load(page, url, timeout)
    with contextlib.suppress(PlaywrightError):
        page.wait_for_timeout(SETTLE_S * 1000)  # (a sleep that lets Playwright deliver the protocol's events)
    result = meter.summary()
    result["ready_ms"], result["note"] = ready, note
    return result


def two_visits(browser: Browser, url: str, timeout: float) -> dict:
    """First visit on an empty cache, then the same URL in a new tab of the same context (the same cache)."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        context.add_init_script(PROBE_JS)
        first_page = context.new_page()
        first = visit(first_page, url, timeout)
        first_page.close()
        second = visit(context.new_page(), url, timeout)
    finally:
        context.close()
    return {"first": first, "second": second}


@contextlib.contextmanager
def proxied(address: str, name: str) -> Iterator[str]:
    """nginx with the deployment's configuration in front of one server (`host:port`); yields its base URL."""
    from hbeu_dash.cluster.launch import running_proxy

    with running_proxy([address], LOG_DIR / f"wire-proxy-{name}") as proxy:
        yield proxy.url + "/"


def measure(browser: Browser, targets: dict[str, tuple[str, str]], timeout: float) -> dict:
    """Every page, direct then through the proxy (each its own pair of visits)."""
    return {
        name: {"direct": two_visits(browser, direct, timeout), "proxy": two_visits(browser, via, timeout)}
        for name, (direct, via) in targets.items()
    }


def run(settings: Settings) -> dict:
    """The floor app and every page of the app, each direct and through nginx, two visits each."""
    from hbeu_dash.cluster.launch import nginx_path

    if nginx_path() is None:
        reason = "nginx not found (apt-get install nginx, or set HBEU_NGINX): wire group skipped"
        return {"rows": [], "errors": [reason], "skipped": reason}
    errors: list[str] = []
    with contextlib.ExitStack() as stack:
        browser = stack.enter_context(chromium())
        floor = stack.enter_context(streamlit_server(settings.floor, settings.timeout, "wire"))
        app = stack.enter_context(streamlit_server(settings.app, settings.timeout, "wire"))
        floor_via = stack.enter_context(proxied(f"127.0.0.1:{floor.port}", "floor"))
        via = stack.enter_context(proxied(f"127.0.0.1:{app.port}", "app"))
        pages, note = discover_pages(browser, app, settings.timeout)
        if note.startswith("not ready"):
            errors.append(f"page discovery: {note}")
        targets = {"floor app": (floor.url, floor_via)}
        targets |= {page_name(u): (u, via.rstrip("/") + urlparse(u).path) for u in pages}
        samples = measure(browser, targets, settings.timeout)
    for name, found in samples.items():
        for where, visits in found.items():
            errors += [f"{name} {where} {n}: {v['note']}" for n, v in visits.items() if v["note"]]
    return {"rows": rows(samples), "samples": samples, "errors": errors}


def _kb(n: int) -> float:
    return round(n / 1024, 1)


def rows(samples: dict) -> list[dict]:
    """Per page (the floor app first): first-visit static bytes through the proxy beside direct (the ratio is the
    budget), and static downloads on the second visit through the proxy (none is the budget)."""
    out = []
    for name, found in samples.items():
        direct, proxy = found["direct"], found["proxy"]
        d1, p1, d2, p2 = direct["first"], proxy["first"], direct["second"], proxy["second"]
        out.append(
            row(
                "wire",
                f"first visit static KB via proxy: {name}",
                _kb(p1["static"]["bytes"]),
                "KB",
                floor=_kb(d1["static"]["bytes"]),
                ratio_limit=GOAL["static_ratio"],
                n=p1["static"]["requests"],
                note=f"floor = direct (no proxy); {p1['static']['gzip']}/{p1['static']['downloaded']} static "
                f"responses compressed; all HTTP {_kb(p1['total_http_bytes'])} KB (direct {_kb(d1['total_http_bytes'])}"
                f"); document {_kb(p1['document']['bytes'])} KB (direct {_kb(d1['document']['bytes'])}); websocket "
                f"{_kb(p1['websocket']['bytes'])} KB (direct {_kb(d1['websocket']['bytes'])}, "
                f"{p1['websocket']['frames']} frames, extensions {p1['websocket']['extensions'] or 'none'})",
            )
        )
        second = row(
            "wire",
            f"second visit static downloads via proxy: {name}",
            p2["static"]["downloaded"],
            "",
            limit=GOAL["second_visit_static_downloads"],
            n=p2["static"]["requests"],
            note=f"direct {d2['static']['downloaded']}; static from cache {p2['static']['requests']}; revalidated "
            f"{p2['static']['revalidated']}; all HTTP {_kb(p2['total_http_bytes'])} KB (direct "
            f"{_kb(d2['total_http_bytes'])}; the document is revalidated: no-cache); websocket "
            f"{_kb(p2['websocket']['bytes'])} KB (direct {_kb(d2['websocket']['bytes'])})",
        )
        out.append(second | {"budget": "== 0"})
    return out


def wire_table(samples: dict) -> str:
    """A Markdown table of the samples (KB): first and second visit, static / document+stcore / websocket; the one
    under "Bytes on the wire" in bench/README.md (docs/benchmarks.md sums it up in one line)."""
    head = "| page | first visit static: direct → proxy | ratio | second visit static | all HTTP 1st → 2nd (proxy) "
    head += "| websocket 1st / 2nd |\n|---|---|---|---|---|---|"
    lines = [head]
    for name, found in samples.items():
        d1, p1, p2 = found["direct"]["first"], found["proxy"]["first"], found["proxy"]["second"]
        ratio = p1["static"]["bytes"] / d1["static"]["bytes"] if d1["static"]["bytes"] else float("nan")
        lines.append(
            f"| {name} | {_kb(d1['static']['bytes']):,} → {_kb(p1['static']['bytes']):,} KB | {ratio:.0%} | "
            f"{p2['static']['downloaded']} downloaded, {_kb(p2['static']['bytes'])} KB | "
            f"{_kb(p1['total_http_bytes']):,} → {_kb(p2['total_http_bytes']):,} KB | "
            f"{_kb(p1['websocket']['bytes']):,} / {_kb(p2['websocket']['bytes']):,} KB |"
        )
    return "\n".join(lines)


if __name__ == "__main__":  # python -m bench.wire RESULTS: bench/README.md's wire table from a results file
    import json
    import sys

    results = json.loads(Path(sys.argv[1] if len(sys.argv) > 1 else "bench/results.json").read_text())
    print(wire_table(results["groups"]["wire"]["samples"]))

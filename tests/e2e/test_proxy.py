"""The proxy in front of the replicas (deploy/nginx.conf.template as rendered by hbeu_dash.cluster.launch), in front of
the browser tests' own server (issue 20, finding 5 and the compression item):

- every response carries X-Frame-Options SAMEORIGIN, CSP frame-ancestors 'self', nosniff and Referrer-Policy
  (the page, a static asset, the health and host-config answers, a 404, the websocket's 101), which Streamlit itself
  cannot send (no server option for response headers); a page of another origin that frames the app through the
  proxy is refused by Chromium, while the same frame of the server without the proxy loads (the finding);
- behind TLS every cookie is Secure (ours and Streamlit's); on plain http none is (the browser would drop them);
- text assets come gzipped to well under half their size and keep Streamlit's immutable caching, so a second visit
  downloads no static asset (bytes on the wire: `make bench`, group wire).
"""

import datetime as dt
import gzip
import http.server
import os
import re
import socket
import ssl
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.wire import two_visits
from hbeu_dash.cluster import launch
from tests.e2e.conftest import ARTIFACTS, keep_on_loopback, wait_settled

pytestmark = pytest.mark.e2e

SECURITY_HEADERS = {
    "x-frame-options": "SAMEORIGIN",
    "content-security-policy": "frame-ancestors 'self'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
}
STATIC_JS = re.compile(r'src="\./(static/js/index\.[\w-]+\.js)"')


@pytest.fixture(scope="module")
def proxy(server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """nginx with the deployment's configuration in front of the session's server (one replica); yields its URL."""
    if launch.nginx_path() is None:
        message = "nginx not found at /usr/sbin/nginx or $HBEU_NGINX: proxy tests NOT RUN"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI is set, so this is a failure; .ci/run should install it)")
        pytest.skip(message + " — apt-get install nginx")
    address = server.removeprefix("http://")
    with launch.running_proxy([address], tmp_path_factory.mktemp("proxy") / "nginx") as running:
        yield running.url


def get(
    url: str, headers: dict[str, str] | None = None, context: ssl.SSLContext | None = None
) -> tuple[int, dict, bytes]:
    """Status, headers (lower-case names; Set-Cookie as a list) and the body as it came (not decompressed)."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        response = urllib.request.urlopen(request, timeout=30, context=context)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        found = {k.lower(): v for k, v in response.headers.items()}
        found["set-cookie"] = response.headers.get_all("Set-Cookie") or []
        return response.status, found, response.read()


def static_js(base: str) -> str:
    """The path of the app's main script bundle (hashed name), from the page."""
    _, _, page = get(base + "/")
    found = STATIC_JS.search(page.decode())
    assert found is not None, page[:500]
    return "/" + found.group(1)


def websocket_handshake(base: str) -> tuple[str, dict]:
    """The answer to a websocket upgrade of /_stcore/stream, as the frontend asks for it: status line, headers."""
    host = base.removeprefix("http://")
    request = (
        "GET /_stcore/stream HTTP/1.1\r\n"
        f"Host: {host}\r\nOrigin: {base}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        "Sec-WebSocket-Protocol: streamlit\r\n\r\n"
    )
    hostname, port = host.rsplit(":", 1)
    with socket.create_connection((hostname, int(port)), timeout=10) as sock:
        sock.sendall(request.encode())
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = sock.recv(4096)
            if not chunk:
                break
            answer += chunk
    head = answer.split(b"\r\n\r\n", 1)[0].decode()
    status, *lines = head.split("\r\n")
    return status, {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines)}


# --- headers --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "static", "/_stcore/health", "/_stcore/host-config", "/media/nothing.png"])
def test_every_response_through_the_proxy_carries_the_security_headers(proxy: str, server: str, path: str) -> None:
    path = static_js(proxy) if path == "static" else path
    status, headers, _ = get(proxy + path)
    assert status == (404 if "nothing" in path else 200)
    assert {k: headers.get(k) for k in SECURITY_HEADERS} == SECURITY_HEADERS
    # the finding: the server alone sends none of them (Streamlit 1.67 has no option for response headers)
    _, direct, _ = get(server + path)
    assert not set(direct) & set(SECURITY_HEADERS)


def test_the_websocket_upgrade_through_the_proxy_carries_them_too(proxy: str) -> None:
    status, headers = websocket_handshake(proxy)
    assert status.startswith("HTTP/1.1 101"), status
    assert {k: headers.get(k) for k in SECURITY_HEADERS} == SECURITY_HEADERS


def test_the_affinity_cookie_is_not_secure_on_plain_http(proxy: str) -> None:
    # A browser drops a Secure cookie set over http: the replica would be forgotten on every request.
    _, headers, _ = get(proxy + "/_stcore/health")
    route = [c for c in headers["set-cookie"] if c.startswith("hbeu_route=")]
    assert route and "Secure" not in route[0] and "HttpOnly" in route[0], headers["set-cookie"]


# --- framing ----------------------------------------------------------------------------------------------------


@pytest.fixture
def other_origin() -> Iterator[object]:
    """A page server on another 127.0.0.1 port (another origin): serve(html) makes its / answer `html`."""
    pages: dict[str, bytes] = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = pages.get("html", b"")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()

    class Origin:
        url = f"http://127.0.0.1:{httpd.server_port}/"

        @staticmethod
        def serve(html: str) -> None:
            pages["html"] = html.encode()

    yield Origin
    httpd.shutdown()
    thread.join(timeout=10)
    httpd.server_close()


def framed(browser: object, origin: object, app_url: str) -> tuple[object, object]:
    """Open a page of `origin` whose only content is an <iframe> of `app_url`; (page, the iframe's frame) once the
    iframe has fired its load event (also fired for the error page of a refused frame)."""
    origin.serve(
        "<!doctype html><title>another site</title>"
        f'<iframe id="app" src="{app_url}" width="1000" height="700" onload="window.__loaded = true"></iframe>'
    )
    ctx = browser.new_context(viewport={"width": 1100, "height": 800})
    keep_on_loopback(ctx, [])
    page = ctx.new_page()
    page.goto(origin.url, wait_until="domcontentloaded", timeout=60_000)
    page.wait_for_function("() => window.__loaded === true", timeout=60_000)
    return page, page.locator("#app").element_handle().content_frame()


def test_a_page_of_another_origin_cannot_frame_the_app_through_the_proxy(
    browser: object, proxy: str, server: str, other_origin: object
) -> None:
    # The server alone (the finding): the framing page shows the app.
    page, frame = framed(browser, other_origin, server + "/")
    frame.wait_for_selector('[data-testid="stApp"]', timeout=60_000)
    page.context.close()
    # Through the proxy: Chromium refuses to render it (frame-ancestors / X-Frame-Options) and shows its error page.
    page, frame = framed(browser, other_origin, proxy + "/")
    page.wait_for_timeout(3000)  # time for the app's scripts to have drawn it, had it been allowed
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "proxy-framed-refused.png"))
    assert frame is None or frame.url.startswith(("chrome-error:", "about:blank")), frame.url
    assert frame is None or frame.locator('[data-testid="stApp"]').count() == 0
    page.context.close()


def test_the_app_through_the_proxy_opens_top_level(browser: object, proxy: str) -> None:
    # Presenter kiosks open it top-level: the headers must not get in the way (nosniff, the CSP).
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    keep_on_loopback(ctx, [])
    errors: list[str] = []
    page = ctx.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(proxy + "/", wait_until="domcontentloaded", timeout=60_000)
    wait_settled(page)
    assert page.locator('[data-testid="stMain"] h1').count() >= 1
    assert not [e for e in errors if "Refused" in e or "MIME" in e or "Content Security Policy" in e], errors
    ctx.close()


# --- compression and caching ------------------------------------------------------------------------------------


def test_a_script_comes_gzipped_to_under_40_percent_and_cached_immutable(proxy: str, server: str) -> None:
    path = static_js(proxy)
    _, direct, raw = get(server + path)
    status, headers, body = get(proxy + path, {"Accept-Encoding": "gzip"})
    assert status == 200 and headers.get("content-encoding") == "gzip"
    assert gzip.decompress(body) == raw
    assert len(body) < 0.4 * len(raw), f"{len(body)} of {len(raw)} bytes"
    assert "Accept-Encoding" in headers.get("vary", "")
    # Streamlit's caching of hashed names, kept: public, immutable, a year
    assert direct["cache-control"] == headers["cache-control"] == "public, immutable, max-age=31536000"
    # a client that does not take gzip gets the bytes as they are
    _, plain, same = get(proxy + path)
    assert "content-encoding" not in plain and same == raw


def test_a_second_visit_through_the_proxy_downloads_no_static_asset(browser: object, proxy: str) -> None:
    visits = two_visits(browser, proxy + "/", timeout=60)
    first, second = visits["first"]["static"], visits["second"]["static"]
    assert visits["first"]["ready_ms"] is not None, visits["first"]["note"]
    assert visits["second"]["ready_ms"] is not None, visits["second"]["note"]
    assert first["downloaded"] > 20 and first["gzip"] > 10, first
    assert second["requests"] >= first["requests"] * 0.9, (first, second)  # the same assets, asked for again
    assert second["downloaded"] == 0 and second["revalidated"] == 0 and second["bytes"] == 0, second


# --- TLS ----------------------------------------------------------------------------------------------------------


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key (cryptography: a dependency of Authlib)."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


def test_behind_tls_every_cookie_is_secure(proxy: str, server: str, tmp_path: Path) -> None:
    # The template's own TLS recipe: render with --listen 'PORT ssl', add the two certificate lines after `listen`.
    cert, key = self_signed(tmp_path)
    port = launch.free_port()
    text = launch.render_nginx([server.removeprefix("http://")], f"127.0.0.1:{port} ssl", tmp_path)
    listen = f"listen 127.0.0.1:{port} ssl;"
    assert text.count(listen) == 1
    text = text.replace(listen, f"{listen}\n        ssl_certificate {cert};  ssl_certificate_key {key};")
    conf = tmp_path / "nginx.conf"
    conf.write_text(text, encoding="utf-8")
    globals_ = "daemon off;" + (" user root;" if os.geteuid() == 0 else "")
    cmd = [launch.nginx_path(), "-c", str(conf), "-p", str(tmp_path), "-e", str(tmp_path / "error.log"), "-g", globals_]
    nginx = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        context = ssl.create_default_context(cafile=str(cert))
        deadline = time.monotonic() + 30
        while True:
            try:
                status, headers, _ = get(f"https://127.0.0.1:{port}/_stcore/health", context=context)
                break
            except OSError:
                if nginx.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"nginx with TLS did not answer; {(tmp_path / 'error.log').read_text()}")
                time.sleep(0.2)
    finally:
        nginx.terminate()
        nginx.wait(timeout=15)
    assert status == 200
    cookies = {c.split("=", 1)[0]: c for c in headers["set-cookie"]}
    assert {"hbeu_route", "_streamlit_xsrf"} <= set(cookies), headers["set-cookie"]
    assert all(re.search(r";\s*Secure\b", c) for c in cookies.values()), cookies
    assert {k: headers.get(k) for k in SECURITY_HEADERS} == SECURITY_HEADERS

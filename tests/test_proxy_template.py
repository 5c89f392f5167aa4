"""deploy/nginx.conf.template as rendered, read as text (no nginx needed): nginx hands a server's add_header lines
to a location only when the location has none of its own, so every location must get the security headers one way
or the other; the proxy compresses text assets. (The proxy's answers themselves: tests/e2e/test_proxy.py.)"""

import re
from pathlib import Path

from hbeu_dash.cluster.launch import render_nginx

SECURITY = (
    "add_header X-Frame-Options SAMEORIGIN always;",
    "add_header Content-Security-Policy \"frame-ancestors 'self'\" always;",
    "add_header X-Content-Type-Options nosniff always;",
    "add_header Referrer-Policy same-origin always;",
    "add_header Set-Cookie $hbeu_set_route always;",
)


def blocks(text: str, opener: str) -> list[tuple[str, str]]:
    """Every `opener ... { body }` of `text` (comments removed): (its head, its body without nested blocks)."""
    text = re.sub(r"#[^\n]*", "", text)
    found = []
    for match in re.finditer(rf"\b{opener}\b([^{{;]*)\{{", text):
        depth, i = 1, match.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
        body = text[match.end() : i - 1]
        found.append((match.group(1).strip(), re.sub(r"\{[^{}]*\}", "", body)))
    return found


def rendered() -> str:
    return render_nginx(["127.0.0.1:8601", "127.0.0.1:8602"], "127.0.0.1:8500", Path("/run/hbeu"))


def test_every_location_sends_the_security_headers() -> None:
    [(_, server)] = blocks(rendered(), "server")
    assert [line for line in SECURITY if line not in server] == []
    locations = blocks(rendered(), "location")
    assert len(locations) >= 2
    for path, body in locations:
        own = re.findall(r"^\s*add_header [^\n]*;", body, re.MULTILINE)
        missing = [line for line in SECURITY if own and line not in body]
        assert missing == [], f"location {path} has add_header lines of its own, so it must repeat: {missing}"


def test_text_assets_are_compressed_for_any_client() -> None:
    [(_, server)] = blocks(rendered(), "server")
    for line in ("gzip on;", "gzip_vary on;", "gzip_proxied any;"):
        assert line in server
    types = re.search(r"gzip_types([^;]*);", server).group(1).split()
    assert {"text/css", "application/javascript", "text/javascript", "application/json", "image/svg+xml"} <= set(types)
    assert not {"font/woff2", "image/png"} & set(types)  # already compressed


def test_cookies_are_secure_exactly_when_nginx_speaks_tls() -> None:
    text = rendered()
    assert re.search(r"map \$https \$hbeu_secure \{\s*on \"; Secure\";\s*default \"\";", text)
    assert 'default "hbeu_route=$hbeu_served; Path=/; HttpOnly; SameSite=Lax$hbeu_secure";' in text
    assert "proxy_cookie_flags ~ $hbeu_upstream_cookie_flags;" in text

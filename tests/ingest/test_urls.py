"""Safe URL fetching against a local server started by the test; SSRF refusals by address checks."""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote

import pytest

from sitrep.errors import BadInputError, UnsafeURLError
from sitrep.ingest.sources import SourceOptions, Skipped, iter_articles
from sitrep.ingest.urls import FetchPolicy, address_is_public, check_url, fetch_url

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "seed" / "article.txt"


class Handler(BaseHTTPRequestHandler):
    """Routes for the test server: an article page, redirects, oversized and slow bodies."""

    page = b""
    last_host = ""

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        type(self).last_host = self.headers.get("Host", "")
        routes = {
            "/article": lambda: self.reply(200, self.page, "text/html; charset=utf-8"),
            "/to-article": lambda: self.redirect("/article"),
            "/to-private": lambda: self.redirect("http://10.0.0.1/admin"),
            "/to-metadata": lambda: self.redirect("http://169.254.169.254/latest/meta-data/"),
            "/to-file": lambda: self.redirect("file:///etc/passwd"),
            "/loop": lambda: self.redirect("/loop"),
            "/big": lambda: self.reply(200, b"<p>" + b"a" * 200_000 + b"</p>", "text/html"),
            "/big-chunked": self.chunked,
            "/slow": self.slow,
            "/pdf": lambda: self.reply(200, b"%PDF-1.4", "application/pdf"),
        }
        if self.path.startswith("/go?to="):  # a redirect to any target the test names
            self.redirect(unquote(self.path[len("/go?to="):]))
            return
        routes.get(self.path, lambda: self.reply(404, b"not found", "text/plain"))()

    def reply(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client stopped reading at its size cap
            pass

    def redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def chunked(self) -> None:
        """A body with no Content-Length that keeps coming: only the running count can stop it."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"b" * 16_384
        try:
            for _ in range(64):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass

    def slow(self) -> None:
        time.sleep(2)
        self.reply(200, b"<p>late</p>", "text/html")

    def log_message(self, *args) -> None:  # keep test output quiet
        pass


@pytest.fixture(scope="module")
def server():
    """A local HTTP server on 127.0.0.1 serving the seed article as HTML."""
    if not SEED.exists():
        pytest.skip("seed article not present")
    paragraphs = SEED.read_text(encoding="utf-8").splitlines()
    Handler.page = ("<html><head><title>Putin calls commanders</title></head><body><header>Menu</header><article>"
                    + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>").encode("utf-8")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


LOCAL = FetchPolicy(allow_loopback=True, timeout_s=5)


@pytest.mark.parametrize("address", [
    "10.0.0.1", "172.16.5.4", "192.168.1.1", "127.0.0.1", "169.254.169.254", "224.0.0.251", "0.0.0.0",
    "100.64.0.1", "240.0.0.1", "255.255.255.255", "::1", "fe80::1", "fc00::1", "ff02::1", "::ffff:127.0.0.1",
    "::ffff:10.1.2.3",
])
def test_non_public_addresses_are_refused(address):
    assert not address_is_public(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111"])
def test_public_addresses_are_allowed(address):
    assert address_is_public(address)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/x", "gopher://example.com/",
                                 "http://localhost/", "http://127.0.0.1:8080/", "http://[::1]/", "http://10.0.0.1/"])
def test_unsafe_urls_are_refused_before_any_connection(url):
    with pytest.raises(UnsafeURLError):
        check_url(url)


def test_loopback_needs_the_explicit_test_override(server):
    with pytest.raises(UnsafeURLError):
        fetch_url(f"{server}/article")
    page = fetch_url(f"{server}/article", LOCAL)
    assert page.content.startswith(b"<html>")


def test_fetched_page_becomes_an_article_with_its_main_text(server):
    items = list(iter_articles([f"{server}/to-article"], SourceOptions(allow_loopback=True, timeout_s=5)))
    article = items[0]
    assert article.title == "Putin calls commanders" and article.url == f"{server}/article"
    assert article.text.startswith("Russian President Vladimir Putin engaged in a series of urgent phone calls")
    assert "Menu" not in article.text


@pytest.mark.parametrize("path", ["/to-private", "/to-metadata", "/to-file"])
def test_redirects_are_checked_again(server, path):
    with pytest.raises(UnsafeURLError):
        fetch_url(f"{server}{path}", LOCAL)


@pytest.mark.parametrize("path,message", [("/loop", "redirects"), ("/pdf", "content type"),
                                          ("/missing", "HTTP 404"), ("/slow", "timed out")])
def test_fetch_failures_say_why(server, path, message):
    policy = FetchPolicy(allow_loopback=True, timeout_s=0.5)
    with pytest.raises(BadInputError, match=message):
        fetch_url(f"{server}{path}", policy)


@pytest.mark.parametrize("path", ["/big", "/big-chunked"])
def test_bodies_over_the_cap_are_refused(server, path):
    with pytest.raises(BadInputError, match="cap"):
        fetch_url(f"{server}{path}", FetchPolicy(allow_loopback=True, max_bytes=100_000, timeout_s=5))


def test_a_refused_url_is_reported_and_the_other_inputs_still_read(server):
    items = list(iter_articles([f"{server}/to-private", "file:///etc/passwd", f"{server}/article"],
                               SourceOptions(allow_loopback=True, timeout_s=5)))
    assert [type(i).__name__ for i in items] == ["Skipped", "Skipped", "Article"]
    assert all(i.failed and "refusing" in i.reason for i in items[:2] if isinstance(i, Skipped))


def test_the_connection_goes_to_the_address_that_was_checked(server, monkeypatch):
    """DNS rebinding: a name checked once must not be resolved again by the HTTP client."""
    import socket

    from sitrep.ingest import urls

    real = socket.getaddrinfo
    port = int(server.rsplit(":", 1)[1])

    def fake(host, *args, **kwargs):
        # only sitrep's own check can resolve this name; httpx asking the system resolver would fail
        if host == "rebind.test":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(urls.socket, "getaddrinfo", fake)
    page = fetch_url(f"http://rebind.test:{port}/to-article", LOCAL)
    assert page.final_url == f"http://rebind.test:{port}/article" and b"Putin" in page.content
    assert Handler.last_host == f"rebind.test:{port}"


def test_pinned_request_keeps_host_and_tls_name_and_drops_credentials():
    from sitrep.ingest.urls import pinned_request

    url, headers, ext = pinned_request("https://user:pw@news.example:8443/a?b=1#frag", "2606:4700::1")
    assert url == "https://[2606:4700::1]:8443/a?b=1"
    assert headers == {"Host": "news.example:8443"} and ext == {"sni_hostname": "news.example"}


# The spellings of loopback, private and metadata addresses a hostile URL can use (issue 16)
HOSTILE_URLS = [
    "http://2130706433/",  # 127.0.0.1 as one decimal number
    "http://0x7f000001/",  # ... as hex
    "http://0177.0.0.1/",  # ... with an octal first part
    "http://0x7f.0.0.1/",
    "http://127.1/",  # the short form
    "http://127.0.0.1.nip.invalid@127.0.0.1/",  # credentials before the real host
    "http://user:pw@10.0.0.1/",
    "http://0/",
    "http://0.0.0.0:8000/",
    "http://[::1]:8000/",
    "http://[::ffff:127.0.0.1]/",  # IPv4-mapped IPv6
    "http://[::ffff:7f00:1]/",
    "http://[0:0:0:0:0:0:0:1]/",
    "http://[fd00::1]/",  # unique local
    "http://[fe80::1]/",
    "http://100.64.0.1/",  # carrier-grade NAT
    "http://169.254.169.254/latest/meta-data/",  # cloud metadata
    "http://2852039166/",  # 169.254.169.254 as one number
    "http://192.168.0.1/",
    "http://172.31.255.255/",
    "http://LOCALHOST/",
]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_every_spelling_of_a_non_public_host_is_refused_with_its_reason(url):
    with pytest.raises(UnsafeURLError, match="refusing .*non-public address"):
        check_url(url)


# Redirect targets: non-loopback forms only, since the local test server needs the loopback override
REDIRECT_TARGETS = [
    "http://167772161/",  # 10.0.0.1 as one decimal number
    "http://0x0a000001/",  # ... as hex
    "http://user:pw@10.0.0.1/",
    "http://0/",
    "http://[::ffff:10.0.0.1]/",
    "http://[fd00::1]/",
    "http://[fe80::1]/",
    "http://100.64.0.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://2852039166/",
    "http://192.168.0.1/",
]


@pytest.mark.parametrize("target", REDIRECT_TARGETS)
def test_a_redirect_to_any_of_those_spellings_is_refused_too(server, target):
    with pytest.raises(UnsafeURLError, match="refusing .*non-public address"):
        fetch_url(f"{server}/go?to={quote(target, safe='')}", LOCAL)


def test_a_redirect_to_an_octal_address_is_refused_as_an_invalid_location(server):
    # httpx will not parse 012.0.0.1 (10.0.0.1 in octal) in a Location header, so it is never requested
    with pytest.raises(BadInputError, match="Invalid IPv4 address"):
        fetch_url(f"{server}/go?to={quote('http://012.0.0.1/', safe='')}", LOCAL)


@pytest.mark.parametrize("url,reason", [("http://localhost./", "cannot resolve"),
                                        ("http://[::1%25lo]/", "refusing|cannot resolve|invalid")])
def test_names_that_do_not_resolve_are_refused_before_any_connection(url, reason):
    with pytest.raises(BadInputError, match=reason):
        check_url(url)

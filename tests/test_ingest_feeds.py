"""Feeds: RSS/Atom files, OPML lists, and fetching over HTTP with retries (local server)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from flashpoint.ingest import read_feed, read_feed_url, read_path
from flashpoint.records import Article, Skipped

P1 = (
    "Engineers restored power to the northern province on Tuesday after storms brought down "
    "transmission lines, the energy ministry said."
)
P2 = "The ministry said repairs to two substations would take another week."
RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Test Wire</title><link>https://example.org</link><description>test</description>
<item>
  <title>Power restored in northern province</title>
  <link>https://example.org/power</link>
  <pubDate>Tue, 05 Sep 2023 23:10:00 +0900</pubDate>
  <description><![CDATA[<p>{P1}</p><p>{P2}</p>
  <p>Related:</p><ul><li>Power was restored on Monday.</li><li>Two substations need repairs.</li></ul>]]></description>
</item>
<item>
  <title>Empty entry</title>
  <link>https://example.org/empty</link>
  <pubDate>Wed, 06 Sep 2023 08:00:00 +0000</pubDate>
</item>
</channel></rss>
"""
ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Test</title><id>urn:test</id><updated>2023-09-05T10:00:00Z</updated>
  <entry>
    <title>Power restored in northern province</title>
    <id>urn:test:1</id><link href="https://example.org/atom-power"/>
    <published>2023-09-05T10:00:00Z</published><updated>2023-09-07T10:00:00Z</updated>
    <content type="html">&lt;p&gt;{P1}&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_ingest_feed_rss_entries():
    first, second = read_feed(RSS.encode(), origin="wire.xml")
    assert isinstance(first, Article)
    assert first.text == f"{P1}\n\n{P2}"
    assert first.title == "Power restored in northern province"
    assert first.published == dt.date(2023, 9, 5)  # the outlet's day, not UTC's
    assert first.url == "https://example.org/power"
    assert first.source == "Test Wire"
    assert first.origin == "wire.xml#1"
    assert first.statements == ("Power was restored on Monday.", "Two substations need repairs.")
    assert (
        isinstance(second, Skipped) and second.reason == "empty" and second.origin == "wire.xml#2"
    )


def test_ingest_feed_atom_entry():
    (entry,) = read_feed(ATOM, origin="atom.xml")
    assert entry.text == P1
    assert entry.published == dt.date(2023, 9, 5)
    assert entry.url == "https://example.org/atom-power"
    assert entry.source == "Atom Test"


def test_ingest_feed_garbage_is_a_skip():
    (result,) = read_feed(b"<rss><channel><title>broken", origin="bad.xml")
    assert isinstance(result, Skipped) and result.reason == "no_article"


@pytest.mark.parametrize("name", ["feed.xml", "feed.rss", "feed.atom"])
def test_ingest_feed_files_by_extension(tmp_path, name):
    file = tmp_path / name
    file.write_text(RSS if name != "feed.atom" else ATOM, encoding="utf-8")
    results = list(read_path(file))
    assert isinstance(results[0], Article)
    assert results[0].origin == f"{file}#1"


class _Handler(BaseHTTPRequestHandler):
    hits: ClassVar[dict[str, int]] = {}

    def do_GET(self) -> None:  # the http.server API names it so
        count = self.hits[self.path] = self.hits.get(self.path, 0) + 1
        if self.path == "/feed.xml" or (self.path == "/flaky.xml" and count >= 3):
            body, status = RSS.encode(), 200
        elif self.path in ("/flaky.xml", "/down.xml"):
            body, status = b"unavailable", 503
        else:
            body, status = b"not found", 404
        self.send_response(status)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # keep test output quiet
        pass


@pytest.fixture
def server() -> Iterator[str]:
    _Handler.hits = {}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_ingest_feed_url_fetches_and_parses(server):
    results = list(read_feed_url(f"{server}/feed.xml", backoff=0))
    assert isinstance(results[0], Article)
    assert results[0].origin == f"{server}/feed.xml#1"


def test_ingest_feed_url_retries_server_errors(server):
    results = list(read_feed_url(f"{server}/flaky.xml", retries=3, backoff=0))
    assert isinstance(results[0], Article)
    assert _Handler.hits["/flaky.xml"] == 3


def test_ingest_feed_url_gives_up_after_retries(server):
    (result,) = read_feed_url(f"{server}/down.xml", retries=2, backoff=0)
    assert isinstance(result, Skipped) and result.reason == "fetch_failed"
    assert "HTTP 503" in result.detail and "3 attempt" in result.detail
    assert _Handler.hits["/down.xml"] == 3


def test_ingest_feed_url_client_error_not_retried(server):
    (result,) = read_feed_url(f"{server}/missing.xml", retries=3, backoff=0)
    assert result.reason == "fetch_failed" and "404" in result.detail
    assert _Handler.hits["/missing.xml"] == 1


def test_ingest_feed_url_connection_refused():
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    (result,) = read_feed_url(f"http://127.0.0.1:{port}/feed.xml", retries=1, backoff=0, timeout=2)
    assert isinstance(result, Skipped) and result.reason == "fetch_failed"
    assert "ConnectError" in result.detail


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/feed", "not a url"])
def test_ingest_feed_url_rejects_other_schemes(url):
    (result,) = read_feed_url(url)
    assert result.reason == "fetch_failed"


def test_ingest_feed_opml_reads_each_feed(server, tmp_path):
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        f"""<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>
        <outline text="news"><outline type="rss" text="a" xmlUrl="{server}/feed.xml"/>
        <outline type="rss" text="b" xmlUrl="{server}/missing.xml"/></outline></body></opml>""",
        encoding="utf-8",
    )
    results = list(read_path(opml))
    assert [type(r).__name__ for r in results] == ["Article", "Skipped", "Skipped"]
    assert results[1].reason == "empty"  # the feed's empty entry
    assert results[2].reason == "fetch_failed"

"""Bounded work: documented caps on characters, sentences and statements per article, feed
bodies streamed with a size limit and a deadline, feeds fetched concurrently per host."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator

import pytest

from flashpoint import ingest
from flashpoint.ingest import limits
from flashpoint.records import Article, Skipped

SENTENCE = "Troops of North Korea fired artillery at a South Korean island on Tuesday. "
RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>T</title>'
    "<link>http://wire.example/{n}</link><description>Envoys of Japan and South Korea met in "
    "Tokyo on Monday to resume talks on fishing rights, officials said. {n}</description></item>"
    "</channel></rss>"
)


@pytest.mark.parametrize(
    ("text", "max_chars", "max_sentences", "kept"),
    [
        ("One. Two. Three.", 100, 2, "One. Two."),
        ("Para one.\n\nPara two is longer.", 20, 100, "Para one."),
        ("short", 100, 100, "short"),
        ("A sentence with no end " * 10, 50, 100, "A sentence with no end A sentence with no end A"),
    ],
)
def test_robustness_bound_text_cuts_at_a_boundary_and_says_so(
    text: str, max_chars: int, max_sentences: int, kept: str
) -> None:
    result, note = limits.bound_text(text, max_chars=max_chars, max_sentences=max_sentences)
    assert result == kept
    assert (note is None) == (result == text)
    if note:
        assert f"of {len(text):,} characters" in note


def test_robustness_long_article_is_truncated_with_a_note() -> None:
    text = SENTENCE * (limits.MAX_ARTICLE_CHARS // len(SENTENCE) + 50)
    article = ingest.read_text(text, origin="long")
    assert isinstance(article, Article)
    assert len(article.text) <= limits.MAX_ARTICLE_CHARS
    assert article.text.endswith("Tuesday.")
    assert any("truncated" in note for note in article.notes)


@pytest.mark.parametrize("count", [limits.MAX_STATEMENTS + 1, 100_000])
def test_robustness_statements_per_article_are_capped(count: int) -> None:
    record = {"text": SENTENCE * 3, "statements": [f"Statement {i}." for i in range(count)]}
    article = ingest.read_json_record(record)
    assert isinstance(article, Article)
    assert len(article.statements) == limits.MAX_STATEMENTS
    assert any("statements not checked" in note for note in article.notes)


def test_robustness_overlong_statement_is_dropped_with_a_note() -> None:
    record = {"text": SENTENCE * 3, "statements": ["x " * limits.MAX_STATEMENT_CHARS, "Fine."]}
    article = ingest.read_json_record(record)
    assert isinstance(article, Article)
    assert article.statements == ("Fine.",)
    assert any("longer than" in note for note in article.notes)


# --- feeds over HTTP --------------------------------------------------------------------------


class _Server:
    """A local HTTP server whose paths misbehave on purpose; counts concurrent requests."""

    def __init__(self) -> None:
        self.active = 0
        self.peak = 0
        self.lock = threading.Lock()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                with server.lock:
                    server.active += 1
                    server.peak = max(server.peak, server.active)
                try:
                    server.answer(self)
                finally:
                    with server.lock:
                        server.active -= 1

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def answer(self, h: http.server.BaseHTTPRequestHandler) -> None:
        if h.path.startswith("/huge"):
            h.send_response(200)
            h.end_headers()  # no Content-Length: only streaming can catch it
            try:
                for _ in range(64):
                    h.wfile.write(b"<rss>" + b"x" * 65536)
            except OSError:
                pass
        elif h.path.startswith("/trickle"):
            h.send_response(200)
            h.end_headers()
            try:
                for _ in range(40):
                    h.wfile.write(b" ")
                    h.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
        elif h.path.startswith("/slow"):
            time.sleep(0.3)
            body = RSS.format(n=h.path).encode()
            h.send_response(200)
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture()
def server() -> Iterator[_Server]:
    s = _Server()
    yield s
    s.close()


def test_robustness_feed_body_above_limit_is_refused_while_streaming(server: _Server) -> None:
    result = ingest.feeds.fetch(server.base + "/huge", retries=0, max_bytes=1_000_000)
    assert isinstance(result, Skipped) and result.reason == "too_large"


def test_robustness_trickling_feed_is_given_up_at_the_deadline(server: _Server) -> None:
    # the server trickles a blank for 4 s and then ends a complete 200: only the deadline
    # can make it "no complete answer within 1 s" (the test asserts the outcome, not a time)
    result = ingest.feeds.fetch(server.base + "/trickle", retries=0, deadline=1.0)
    assert isinstance(result, Skipped) and result.reason == "fetch_failed"
    assert "within 1 s" in result.detail


def test_robustness_feeds_fetched_concurrently_in_order_with_a_per_host_limit(
    server: _Server,
) -> None:
    urls = [f"{server.base}/slow{i}" for i in range(6)]
    results = list(ingest.read_feed_urls(urls, workers=6, per_host=2, retries=0))
    assert [r.url for r in results if isinstance(r, Article)] == [
        f"http://wire.example//slow{i}" for i in range(6)
    ]
    assert server.peak == 2

"""The corpus ingest loop: files and feed URLs through one path; re-runs and copies."""

from __future__ import annotations

import http.server
import threading

import pytest

from flashpoint.store import connect_readonly
from flashpoint.store.ingest import ingest

RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Test Wire</title>
<item><title>Border talks resume</title><link>http://wire.example/1</link>
<pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate>
<description>Envoys of Japan and South Korea met in Tokyo on Monday to resume talks on
fishing rights, officials said after the meeting.</description></item>
<item><title>Protest in the capital</title><link>http://wire.example/2</link>
<pubDate>Wed, 06 Mar 2024 09:00:00 GMT</pubDate>
<description>Thousands of people marched through Seoul on Tuesday to protest against a new
labour law, police said.</description></item>
</channel></rss>"""


@pytest.fixture()
def feed_url():
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/rss.xml":
                body = RSS.encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            else:
                self.send_response(404)
                self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.slow
def test_store_ingest_feed_url_and_file_share_one_path(tmp_path, feed_url, nlp):
    feed_file = tmp_path / "wire.rss"
    feed_file.write_text(RSS, encoding="utf-8")
    db = tmp_path / "f.duckdb"
    progress = []
    stats = ingest([], db=db, feeds=[f"{feed_url}/rss.xml"], workers=1,
                   on_progress=progress.append)
    assert (stats.articles_new, stats.skips) == (2, 0) and progress[-1].done
    # The same entries from a feed file: same content ids, so only new sightings.
    again = ingest([feed_file], db=db, workers=1)
    assert (again.articles_new, again.articles_known) == (0, 2)
    con = connect_readonly(db)
    try:
        titles = sorted(r[0] for r in con.execute("SELECT title FROM articles").fetchall())
        sightings = con.execute("SELECT count(*) FROM sightings").fetchall()[0][0]
    finally:
        con.close()
    assert titles == ["Border talks resume", "Protest in the capital"]
    assert sightings == 2  # same URLs in the file as online: the same two sightings


def test_store_ingest_dead_feed_is_a_stored_skip(tmp_path, feed_url):
    stats = ingest([], db=tmp_path / "d.duckdb", feeds=[f"{feed_url}/missing.xml"], workers=1)
    assert stats.articles_new == 0 and dict(stats.skips_by_reason) == {"fetch_failed": 1}
    assert stats.skips_new == 1

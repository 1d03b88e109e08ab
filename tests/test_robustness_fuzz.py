"""The issue's fuzz corpus as a test, and Hypothesis fuzz of the readers and the coder.

A folder mixing every kind of bad input of issue 10 with good articles is ingested in one
run: every input ends stored as an article or as a skip with its reason, nothing raises, and
the good articles are stored with their events. The readers are fuzzed on arbitrary bytes and
the coder on generated sentences: neither ever raises, and evidence offsets always index the
text.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashpoint import ingest, pipeline
from flashpoint.records import Article, Skipped
from flashpoint.store import connect_readonly
from flashpoint.store.ingest import ingest as run_ingest

GOOD = [
    ("North Korea fired two ballistic missiles into the sea on Tuesday, the South Korean "
    "military said. The United Nations condemned the launch."),
    ("Russian forces shelled the Ukrainian city of Kharkiv on Monday, killing three civilians, "
    "regional officials said."),
    ("Israeli aircraft struck targets in southern Lebanon on Sunday after rockets were fired "
    "into northern Israel, the army said."),
    ("China accused the United States of provoking tensions in the Taiwan Strait on Friday, "
    "the foreign ministry said in Beijing."),
    ("Police in Nairobi fired tear gas at protesters demanding lower food prices on Wednesday, "
    "witnesses said."),
]


def _bad_files(folder: Path) -> int:
    """Write the issue's bad inputs into ``folder``; returns how many files were written."""
    bad: dict[str, bytes] = {
        "empty.txt": b"",
        "spaces.txt": b"   \n\t ",
        "nul.txt": b"\x00\x01\x02 binary \x00" * 20,
        "png.txt": b"\x89PNG\r\n\x1a\n" + os.urandom(200),
        "random.txt": bytes((i * 37 + 11) % 256 for i in range(4000)).replace(b"\x00", b"\x01"),
        "cp1256.txt": ("أطلقت كوريا الشمالية صاروخين باتجاه البحر يوم الثلاثاء، وفق الجيش. " * 6).encode("cp1256"),
        "odd-utf16.txt": b"\xff\xfeA\x00B",
        "nested.json": b"[" * 100_000,
        "bigint.json": b'{"text": "x", "n": ' + b"9" * 5000 + b"}",
        "surrogate.json": json.dumps({"text": GOOD[0] + " \ud800"}).encode(),
        "not-a-record.json": b'[1, "two", null]',
        "bad.jsonl": b'{"text": "ok"}\n{broken\n' + b"[" * 50_000 + b"\n",
        "published-list.json": json.dumps({"text": GOOD[1], "published": ["2023"]}).encode(),
        "numbers.json": json.dumps({
            "text": "North Korea fired \u00b2\u00b3 rockets at the South on Tuesday. "
                    + ",".join(["1"] * 400) + " shells fell, officials said.",
            "statements": ["North Korea fired \u00b2\u00b3 rockets.",
                           ",".join(["1"] * 400) + " shells fell."],
        }).encode(),
        "statements.json": json.dumps({"text": GOOD[2], "statements": ["It rained."] * 5000}).encode(),
        "bad-feed.opml": b'<opml><body><outline xmlUrl="http://[::1"/>'
                         b'<outline xmlUrl="http://127.0.0.1:80a/"/></body></opml>',
        "broken.xml": b"<rss><channel><item><title>unclosed",
        "html-no-article.html": b"<html><body><nav>Home | About</nav></body></html>",
    }
    for name, data in bad.items():
        (folder / name).write_bytes(data)
    with open(os.fsencode(folder) + b"/latin1-\xe9t\xe9.txt", "wb") as handle:
        handle.write(b"Japan and South Korea agreed on Friday to resume defence talks in Tokyo.")
    (folder / "loop").mkdir()
    (folder / "loop" / "up").symlink_to("..")
    return len(bad) + 1


@pytest.mark.slow
def test_robustness_fuzz_corpus_every_input_stored_nothing_raises(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _bad_files(corpus)
    for i, text in enumerate(GOOD):
        (corpus / f"good{i}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "fuzz.duckdb"
    stats = run_ingest([corpus], db=db, workers=1)
    con = connect_readonly(db)
    try:
        articles = dict(con.execute("SELECT origin, id FROM articles").fetchall())
        events = dict(con.execute(
            "SELECT a.origin, count(e.id) FROM articles a LEFT JOIN events e "
            "ON e.article_id = a.id GROUP BY a.origin").fetchall())
        skips = con.execute("SELECT origin, reason, detail FROM skips").fetchall()
    finally:
        con.close()
    assert stats.inputs == stats.articles_new + stats.articles_known + stats.skips
    assert all(reason and detail for _, reason, detail in skips)
    assert "internal_error" not in {reason for _, reason, _ in skips}
    for i in range(len(GOOD)):
        origin = str(corpus / f"good{i}.txt")
        assert origin in articles, f"good article {i} was not stored"
        assert events[origin] >= 1, f"good article {i} has no event"
    reasons = {Path(origin.split("#")[0].split(":")[0]).name: reason
               for origin, reason, _ in skips if origin}
    assert reasons["nul.txt"] == reasons["random.txt"] == reasons["png.txt"] == "binary"
    assert reasons["cp1256.txt"] == "not_english"
    assert reasons["nested.json"] == reasons["bigint.json"] == "invalid_json"
    assert reasons["up"] == "unreadable"  # the symlink loop, read once
    assert any(o.endswith("latin1-\\xe9t\\xe9.txt") for o in articles)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000), kind=st.sampled_from(ingest.documents.KINDS))
def test_robustness_fuzz_readers_never_raise(data: bytes, kind: str) -> None:
    for result in ingest.read_bytes_many(data, origin="fuzz", kind=kind, fetch_feeds=False):
        assert isinstance(result, Article | Skipped)
        if isinstance(result, Article):
            assert result.text.strip()
            result.text.encode("utf-8")  # storable: no lone surrogates


_WORDS = st.sampled_from([
    "North", "Korea", "fired", "missiles", "at", "Seoul", "on", "Tuesday", "the", "army",
    "said", "Russia", "accused", "Ukraine", "of", "shelling", "Kharkiv", "not", "will",
    "police", "arrested", "protesters", "in", "2023", "²³", "1,1,1,1", "'", "\"", ",", ".",
    "-", "UN", "urged", "talks", "with", "Beijing", "a", "bit", "give", "and", "take",
    "\u00e9", "\ufffd", "NEWTEST-77", "(", ")", "Prime", "Minister's", "plan",
])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(_WORDS, min_size=1, max_size=40))
def test_robustness_fuzz_coder_never_raises(words: list[str]) -> None:
    text = " ".join(words)
    for event in pipeline.code(text, published="2023-12-27"):
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text

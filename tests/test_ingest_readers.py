"""read_text / read_html / read_json_record / read_bytes: articles from memory, typed skips."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from flashpoint.ingest import (
    DEFAULT_MAX_BYTES,
    read_bytes,
    read_html,
    read_json_record,
    read_text,
)
from flashpoint.records import Article, Skipped, content_id

BODY = (
    "Fishing boats from two neighbouring countries clashed near a disputed island on Sunday, "
    "the coast guard said, and one vessel was seized with its crew of eight.\n\n"
    "The foreign ministry summoned the ambassador on Monday and demanded the release of the "
    "crew, officials said. The other government said the boat had entered its waters illegally."
)
PAGE = f"Skip to content\n\nCoast guard seizes fishing boat\n\nPublished: 12 June 2023\n\n{BODY}\n"
GERMAN = (
    "Die Regierung hat am Montag neue Sanktionen gegen mehrere Unternehmen beschlossen, die "
    "nach Angaben des Ministeriums an der Umgehung von Exportbeschränkungen beteiligt waren. "
    "Die Opposition kritisierte die Entscheidung als zu spät und forderte weitere Schritte."
)

NAV_ONLY_HTML = """<!DOCTYPE html><html><head><title>Start</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li><li><a href="/s">Sport</a></li></ul></nav>
<div class="menu">Menu</div><footer>Copyright 2024 Example</footer></body></html>"""

ARTICLE_HTML = f"""<!DOCTYPE html><html><head>
<title>Coast guard seizes fishing boat | The Example Times</title>
<meta property="og:title" content="Coast guard seizes fishing boat">
<meta property="og:site_name" content="The Example Times">
<meta property="article:published_time" content="2023-06-12T10:00:00+00:00">
</head><body><nav><a href="/">Home</a> <a href="/w">World</a></nav>
<article><h1>Coast guard seizes fishing boat</h1>
{"".join(f"<p>{p}</p>" for p in BODY.split(chr(10) + chr(10)))}
<h3>Read also</h3><ul><li>The crew of the seized boat was released on Sunday.</li>
<li>Officials said the boat had a crew of eight.</li></ul>
</article><footer>Copyright 2023 The Example Times</footer></body></html>"""


def test_ingest_read_text_builds_article():
    article = read_text(PAGE, url="https://example.org/a", source="Example", origin="mem")
    assert isinstance(article, Article)
    assert article.text == BODY
    assert article.title == "Coast guard seizes fishing boat"
    assert article.published == dt.date(2023, 6, 12)
    assert article.id == content_id(BODY)
    assert (article.url, article.source, article.origin, article.language) == (
        "https://example.org/a",
        "Example",
        "mem",
        "en",
    )


def test_ingest_read_text_caller_metadata_wins():
    article = read_text(PAGE, title="Given title", published="2023-06-13")
    assert article.title == "Given title"
    assert article.published == dt.date(2023, 6, 13)


def test_ingest_read_text_unparsable_date_is_noted():
    article = read_text(PAGE, published="sometime soon")
    assert article.published == dt.date(2023, 6, 12)
    assert any("unparsed published" in note for note in article.notes)


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_ingest_read_text_empty(text):
    assert read_text(text).reason == "empty"


def test_ingest_read_text_only_boilerplate_is_empty():
    result = read_text("Skip to content\n\nMenu\nSearch\n\nShare this article\n© 2024 Example\n")
    assert isinstance(result, Skipped) and result.reason == "empty"


def test_ingest_read_text_german_not_english():
    result = read_text(f"Neue Sanktionen beschlossen\n\n{GERMAN}\n", origin="de.txt")
    assert isinstance(result, Skipped)
    assert result.reason == "not_english"
    assert result.detail.startswith("detected de (p=")
    assert result.origin == "de.txt"


def test_ingest_read_text_short_text_not_judged():
    result = read_text("Die Regierung tagt heute.")
    assert isinstance(result, Article)


def test_ingest_read_html_extracts_article_and_statements():
    article = read_html(ARTICLE_HTML, url="https://example.org/b")
    assert isinstance(article, Article)
    assert article.title == "Coast guard seizes fishing boat"
    assert article.published == dt.date(2023, 6, 12)
    assert article.source == "The Example Times"
    assert "Fishing boats from two neighbouring countries clashed" in article.text
    assert "Home" not in article.text and "Copyright" not in article.text
    assert article.statements == (
        "The crew of the seized boat was released on Sunday.",
        "Officials said the boat had a crew of eight.",
    )
    assert "released on Sunday" not in article.text


def test_ingest_read_html_nav_only_page_is_no_article():
    result = read_html(NAV_ONLY_HTML, origin="nav.html")
    assert isinstance(result, Skipped)
    assert result.reason == "no_article"
    assert result.origin == "nav.html"


def test_ingest_read_json_record_text():
    record = {
        "title": "Coast guard seizes fishing boat",
        "text": BODY,
        "published": "2023-06-12",
        "url": "https://example.org/c",
        "source": "Wire",
        "statements": ["The boat had a crew of nine."],
    }
    article = read_json_record(record, origin="r1")
    assert article.text == BODY
    assert (article.title, article.published, article.url, article.source) == (
        "Coast guard seizes fishing boat",
        dt.date(2023, 6, 12),
        "https://example.org/c",
        "Wire",
    )
    assert article.statements == ("The boat had a crew of nine.",)


def test_ingest_read_json_record_html():
    article = read_json_record({"html": ARTICLE_HTML, "title": "Own title"})
    assert isinstance(article, Article)
    assert article.title == "Own title"
    assert "seized with its crew of eight" in article.text


@pytest.mark.parametrize(
    "record",
    [{"title": "No text"}, {"text": ""}, {"text": 42}, ["not", "a", "dict"], "a string"],
)
def test_ingest_read_json_record_invalid(record):
    result = read_json_record(record, origin="bad")
    assert isinstance(result, Skipped)
    assert result.reason == "invalid_json"
    assert result.origin == "bad"


def test_ingest_read_bytes_sniffs_kinds():
    as_text = read_bytes(PAGE.encode("utf-8"))
    as_html = read_bytes(ARTICLE_HTML.encode("utf-8"))
    as_json = read_bytes(b'{"title": "T", "text": "%s"}' % BODY.replace("\n", "\\n").encode())
    assert as_text.text == BODY
    assert "Fishing boats" in as_html.text and as_html.statements
    assert as_json.text == BODY and as_json.title == "T"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b" \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "binary"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(40), "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary"),
        (b"plain words\x00\x00\x01\x02 and then NUL bytes", "binary"),
        (b'{"title": "no text field"}', "invalid_json"),
        (b'{"title": broken', "invalid_json"),
    ],
)
def test_ingest_read_bytes_bad_input(data, reason):
    result = read_bytes(data, origin="upload")
    assert isinstance(result, Skipped)
    assert result.reason == reason
    assert result.origin == "upload"


def test_ingest_read_bytes_too_large():
    result = read_bytes(b"x" * 101, max_bytes=100)
    assert result.reason == "too_large"
    assert DEFAULT_MAX_BYTES == 10_000_000


def test_ingest_read_bytes_invalid_utf8_replaced_with_note():
    data = PAGE.replace("Fishing", "Fish’ing").encode("utf-8")
    broken = data.replace("’".encode(), b"\xe2\x80")  # a truncated 3-byte sequence
    broken = broken.replace(b"coast guard said", b"coast \xff\xfe guard said")
    article = read_bytes(broken)
    assert isinstance(article, Article)
    assert "\ufffd" in article.text
    assert article.notes == ("invalid UTF-8 replaced (4 bytes)",)


def test_ingest_read_bytes_latin1_decoded():
    text = PAGE.replace("Fishing boats", "Fishing boats of the Société Générale de Pêche")
    article = read_bytes(text.encode("latin-1"))
    assert isinstance(article, Article)
    assert "Société Générale de Pêche" in article.text
    assert any("decoded as" in note for note in article.notes)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_ingest_read_bytes_bom(encoding):
    article = read_bytes(PAGE.encode(encoding))
    assert isinstance(article, Article)
    assert article.text == BODY
    assert article.notes == ()


def test_ingest_read_bytes_json_list_is_not_one_document():
    data = b'[{"text": "First record text."}, {"text": "Second record text."}]'
    result = read_bytes(data)
    assert isinstance(result, Skipped) and result.reason == "invalid_json"


def test_ingest_read_bytes_published_overrides_dateline():
    article = read_bytes(PAGE.encode(), published=dt.date(2023, 6, 20), title="T")
    assert article.published == dt.date(2023, 6, 20)
    assert article.title == "T"


def test_ingest_articles_are_frozen_records():
    article = read_text(PAGE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.text = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    "text", ["[Updated] " + PAGE.replace("Skip to content\n\n", ""), "{Breaking}\n\n" + PAGE]
)
def test_ingest_read_bytes_bracketed_text_is_not_json(text):
    article = read_bytes(text.encode("utf-8"))
    assert isinstance(article, Article)
    assert article.text == BODY

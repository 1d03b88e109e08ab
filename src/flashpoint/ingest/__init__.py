"""Ingest: files, bytes, feeds and scraped pages to cleaned ``Article`` records (or ``Skipped``).

Every input gives a typed outcome: an ``Article`` whose ``text`` is the cleaned body that all
later offsets index into (boilerplate removed, appended "Read also" statements split into
``Article.statements``), or a ``Skipped`` with a stable reason (missing, binary, too_large,
not_english, ...). Nothing here raises for bad input.

Modules: ``clean`` (the scraped-text cleaner: ``clean_page`` runs ``lines``, ``statements``
(appended "Read also" blocks), ``datelines``, ``boilerplate`` (page furniture by
``data/boilerplate.json``), ``titles`` (headline, kickers, headings) and ``duplicate_lines``
(captions printed twice)), ``related`` (statement lists in HTML), ``readers`` (text / HTML /
JSON record), ``documents`` (bytes: size, binary, decoding, kind), ``paths`` (files and
directories), ``feeds`` (RSS/Atom/OPML, HTTP with retries), ``decode``, ``dates``, ``language``.
"""

from __future__ import annotations

from .clean import CleanedPage, clean_page
from .dates import parse_published
from .documents import DEFAULT_MAX_BYTES, read_bytes, read_bytes_many, read_jsonl
from .feeds import read_feed, read_feed_url, read_feed_urls, read_opml
from .paths import read_path
from .readers import read_html, read_json_record, read_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "CleanedPage",
    "clean_page",
    "parse_published",
    "read_bytes",
    "read_bytes_many",
    "read_feed",
    "read_feed_url",
    "read_feed_urls",
    "read_html",
    "read_json_record",
    "read_jsonl",
    "read_opml",
    "read_path",
    "read_text",
]

"""RSS/Atom feeds and OPML feed lists, from files or over HTTP.

A feed entry becomes an ``Article`` through the same cleaner as any scraped page (entry
content is often an HTML fragment with "Related" links appended). Fetching retries network
errors and 5xx answers with exponential back-off, and a feed that still cannot be fetched
becomes one ``Skipped("fetch_failed")``: a dead feed in an OPML list of fifty must not stop
the other forty-nine.
"""

from __future__ import annotations

import contextlib
import html as html_lib
import re
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any
from urllib.parse import urlsplit

from ..records import Article, Skipped, internal_error
from .dates import parse_published
from .limits import FEED_DEADLINE_SECONDS, FEED_PER_HOST, FEED_WORKERS, MAX_FEED_BYTES
from .readers import read_text

USER_AGENT = "flashpoint/0.1 (+news event coder; feed reader)"
_RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
_BLOCK_TAGS = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|section|article|header|footer|figure|figcaption|tr)\b[^>]*>",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_DROP_ELEMENTS = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def read_feed(
    data: bytes | str, *, origin: str | None = None, url: str | None = None
) -> Iterator[Article | Skipped]:
    """Yield one ``Article``/``Skipped`` per entry of an RSS/Atom document.

    ``origin`` of each entry is ``"<origin>#<n>"`` (n counts from 1). A document with no
    entries yields one ``Skipped("no_article")`` that says what the parser saw.
    """
    import feedparser

    parsed = feedparser.parse(data if isinstance(data, bytes) else data.encode("utf-8"))
    entries = parsed.get("entries") or []
    base = origin or url
    if not entries:
        problem = parsed.get("bozo_exception")
        detail = (
            f"feed has no entries ({type(problem).__name__}: {problem})"
            if problem
            else ("feed has no entries")
        )
        yield Skipped("no_article", detail, base)
        return
    feed_title = _clean_inline(parsed.get("feed", {}).get("title")) or None
    for n, entry in enumerate(entries, start=1):
        yield entry_to_article(entry, source=feed_title, origin=f"{base}#{n}" if base else f"#{n}")


def entry_to_article(entry: Any, *, source: str | None, origin: str | None) -> Article | Skipped:
    """One feed entry (a feedparser dict) to an ``Article``: content, else summary."""
    body = ""
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        if len(value) > len(body):
            body = value
    if not body:
        body = entry.get("summary") or entry.get("description") or ""
    text = html_fragment_to_text(body)
    if not text.strip():
        return Skipped("empty", "feed entry has no content or summary", origin)
    # The date as written first (it keeps the outlet's calendar day); feedparser's parsed
    # struct is normalised to UTC and can shift a late-evening Asian date by one day.
    published = None
    for key in ("published", "updated", "published_parsed", "updated_parsed"):
        published = parse_published(entry.get(key))
        if published is not None:
            break
    entry_source = (
        entry.get("source", {}).get("title") if isinstance(entry.get("source"), dict) else None
    )
    return read_text(
        text,
        title=_clean_inline(entry.get("title")) or None,
        published=published,
        url=entry.get("link") or None,
        source=entry_source or source,
        origin=origin,
    )


def html_fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment with block elements as blank-line paragraphs.

    Feed content is a fragment (no page around it), which trafilatura's page extractor tends
    to reject as too short; a tag-level conversion keeps every paragraph and list item.
    """
    if "<" not in fragment:
        return html_lib.unescape(fragment)
    text = _DROP_ELEMENTS.sub(" ", fragment)
    text = _LIST_ITEM.sub("\n\n- ", text)
    text = _BLOCK_TAGS.sub("\n\n", text)
    text = _TAG.sub("", text)
    return html_lib.unescape(text)


def read_feed_url(
    url: str, *, retries: int = 3, backoff: float = 0.5, timeout: float = 10.0
) -> Iterator[Article | Skipped]:
    """Fetch an RSS/Atom feed over HTTP(S) and yield its entries as articles.

    Network errors, timeouts and 5xx/429 answers are retried up to ``retries`` more times,
    sleeping ``backoff * 2**attempt`` seconds between attempts. A feed that cannot be fetched
    yields exactly one ``Skipped("fetch_failed")``; this function never raises for a bad URL.
    """
    data = fetch(url, retries=retries, backoff=backoff, timeout=timeout)
    if isinstance(data, Skipped):
        yield data
        return
    yield from read_feed(data, origin=url, url=url)


def read_feed_urls(
    urls: Iterable[str],
    *,
    workers: int = FEED_WORKERS,
    per_host: int = FEED_PER_HOST,
    **fetch_options: Any,
) -> Iterator[Article | Skipped]:
    """The entries of many feeds, in the order of ``urls``, fetched ``workers`` at a time with
    at most ``per_host`` requests to one host at once (a dead feed's retries no longer hold up
    the others, and no site gets more than a couple of connections from us).

    At most ``2 * workers`` bodies wait in memory for their turn to be parsed.
    """
    limiter = _HostLimiter(per_host)

    def get(url: str) -> bytes | Skipped:
        with limiter.slot(url):
            return fetch(url, **fetch_options)

    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="feed") as pool:
        pending: deque[tuple[str, Future[bytes | Skipped]]] = deque()
        queue = iter(urls)
        for url in queue:
            pending.append((url, pool.submit(get, url)))
            if len(pending) >= 2 * max(1, workers):
                break
        while pending:
            url, future = pending.popleft()
            nxt = next(queue, None)
            if nxt is not None:
                pending.append((nxt, pool.submit(get, nxt)))
            try:
                data = future.result()  # fetch never raises for a bad feed, only for a bug
            except Exception as e:  # noqa: BLE001 - that bug costs this feed only
                data = internal_error("read", e, url)
            if isinstance(data, Skipped):
                yield data
            else:
                yield from read_feed(data, origin=url, url=url)


class _HostLimiter:
    """One semaphore per host: at most ``per_host`` fetches to it at a time."""

    def __init__(self, per_host: int) -> None:
        self._per_host = max(1, per_host)
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}

    @contextlib.contextmanager
    def slot(self, url: str) -> Iterator[None]:
        try:
            host = urlsplit(url).hostname or ""
        except ValueError:  # "http://[::1": fetch() refuses it with its reason
            host = ""
        with self._lock:
            semaphore = self._slots.setdefault(host, threading.BoundedSemaphore(self._per_host))
        with semaphore:
            yield


class _TooLarge(Exception):
    pass


class _TooSlow(Exception):
    pass


def fetch(
    url: str,
    *,
    retries: int = 3,
    backoff: float = 0.5,
    timeout: float = 10.0,
    max_bytes: int = MAX_FEED_BYTES,
    deadline: float = FEED_DEADLINE_SECONDS,
) -> bytes | Skipped:
    """GET ``url`` with retries; the body, or a ``Skipped`` saying why not.

    The body is streamed: one above ``max_bytes`` is refused (``too_large``) as soon as it
    passes the limit, and an attempt that takes more than ``deadline`` seconds in all (a
    server trickling bytes, which no per-read timeout catches) is given up (``fetch_failed``).
    """
    import httpx

    if not re.match(r"^https?://", url, re.IGNORECASE):
        return Skipped("fetch_failed", "only http:// and https:// URLs are fetched", url)
    try:
        httpx.URL(url)  # "http://[::1" or a port "80a" would raise inside the retry loop
    except (httpx.InvalidURL, ValueError, TypeError) as e:
        return Skipped("fetch_failed", f"invalid URL: {e}", url)
    last = "no attempt made"
    attempts = 1 + max(0, retries)
    with httpx.Client(
        timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}
    ) as client:
        for attempt in range(attempts):
            if attempt:
                time.sleep(backoff * 2 ** (attempt - 1))
            try:
                status, body = _get_bounded(client, url, max_bytes=max_bytes, deadline=deadline)
            except (httpx.HTTPError, httpx.InvalidURL) as e:  # connect/read errors, timeouts
                last = f"{type(e).__name__}: {e}"
                continue
            except _TooLarge as e:
                return Skipped("too_large", f"feed body above {max_bytes:,} bytes{e}", url)
            except _TooSlow:
                return Skipped("fetch_failed", f"no complete answer within {deadline:g} s", url)
            if status in _RETRY_STATUS:
                last = f"HTTP {status}"
                continue
            if status >= 400:
                return Skipped("fetch_failed", f"HTTP {status} (not retried)", url)
            return body
    return Skipped("fetch_failed", f"{last} after {attempts} attempt(s)", url)


def _get_bounded(client: Any, url: str, *, max_bytes: int, deadline: float) -> tuple[int, bytes]:
    """(status, body) of one GET, reading at most ``max_bytes`` within ``deadline`` seconds."""
    started = time.monotonic()
    with client.stream("GET", url) as response:
        if response.status_code >= 400:
            return response.status_code, b""
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise _TooLarge(f" (Content-Length {int(declared):,})")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise _TooLarge("")
            if time.monotonic() - started > deadline:
                raise _TooSlow()
            chunks.append(chunk)
        return response.status_code, b"".join(chunks)


def read_opml(data: bytes | str, *, origin: str | None = None) -> Iterator[Article | Skipped]:
    """Yield the articles of every feed listed in an OPML document (``xmlUrl`` outlines)."""
    urls = opml_feed_urls(data)
    if urls is None:
        yield Skipped("invalid_json", "OPML could not be parsed as XML", origin)
        return
    if not urls:
        yield Skipped("empty", "OPML lists no feed (no outline with xmlUrl)", origin)
        return
    yield from read_feed_urls(urls)


def opml_feed_urls(data: bytes | str) -> list[str] | None:
    """The ``xmlUrl`` of every outline, in document order; None when the XML is malformed."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data if isinstance(data, bytes) else data.encode("utf-8"), parser)
    except etree.XMLSyntaxError:
        return None
    urls: list[str] = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url and url not in urls:
            urls.append(url)
    return urls


def _clean_inline(value: Any) -> str:
    if not isinstance(value, str):
        return ""
    return " ".join(html_lib.unescape(_TAG.sub("", value)).split())


__all__ = [
    "entry_to_article",
    "fetch",
    "html_fragment_to_text",
    "opml_feed_urls",
    "read_feed",
    "read_feed_url",
    "read_feed_urls",
    "read_opml",
]

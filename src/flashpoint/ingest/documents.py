"""Bytes of one file or upload to articles: size limit, binary check, decoding, dispatch by kind.

``read_bytes`` is the entry point for a single document (an upload, an API body);
``read_bytes_many`` also handles the container formats (JSON list, JSONL, feeds, OPML) that
hold many documents, and is what ``read_path`` uses for each file.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..records import Article, Skipped
from .decode import Decoded, decode, sniff_kind
from .feeds import read_feed, read_opml
from .limits import DEFAULT_MAX_BYTES
from .readers import read_html, read_json_record, read_text

KINDS = ("auto", "html", "json", "jsonl", "feed", "opml", "text")


def read_bytes(
    data: bytes,
    *,
    origin: str | None = None,
    kind: str = "auto",
    published: dt.date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article | Skipped:
    """Read one document from bytes; ``kind`` is "auto" (sniffed), "html", "json" or "text".

    A JSON list or a feed holding several documents is not one document: use
    ``read_bytes_many`` (or ``read_path``) for those; here it gives ``Skipped`` saying so.
    ``published``, ``title``, ``url`` and ``source`` are the caller's metadata for this one
    document and win over what the document shows (in a JSON record or feed entry, the
    record's own fields win and these fill gaps).
    """
    results = list(
        _read_all(
            data,
            origin=origin,
            kind=kind,
            published=published,
            published_wins=True,
            meta={"title": title, "url": url, "source": source},
            max_bytes=max_bytes,
            fetch_feeds=False,
        )
    )
    if len(results) == 1:
        return results[0]
    articles = sum(isinstance(r, Article) for r in results)
    reason = "invalid_json" if kind in ("json", "jsonl") or _looks_json(data) else "no_article"
    return Skipped(
        reason,  # type: ignore[arg-type]
        f"{len(results)} documents ({articles} articles) in one input; read it as a file or "
        "collection (read_path / read_bytes_many)",
        origin,
    )


def read_bytes_many(
    data: bytes,
    *,
    origin: str | None = None,
    kind: str = "auto",
    published: dt.date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fetch_feeds: bool = True,
) -> Iterator[Article | Skipped]:
    """Read every document in ``data`` (one, or many for JSON lists, JSONL, feeds, OPML).

    ``published`` is the date for documents that carry none of their own (in JSON records,
    feed entries and datelines the document's own date wins). OPML lists are fetched only
    when ``fetch_feeds`` is true.
    """
    yield from _read_all(
        data,
        origin=origin,
        kind=kind,
        published=published,
        published_wins=False,
        meta={"title": title, "url": url, "source": source},
        max_bytes=max_bytes,
        fetch_feeds=fetch_feeds,
    )


def _read_all(
    data: bytes,
    *,
    origin: str | None,
    kind: str,
    published: Any,
    published_wins: bool,
    meta: dict[str, Any],
    max_bytes: int,
    fetch_feeds: bool,
) -> Iterator[Article | Skipped]:
    if kind not in KINDS:
        yield Skipped("unreadable", f"unknown kind {kind!r}; expected one of {KINDS}", origin)
        return
    if len(data) > max_bytes:
        yield Skipped("too_large", f"{len(data):,} bytes > max_bytes {max_bytes:,}", origin)
        return
    if not data.strip():
        yield Skipped("empty", "no bytes" if not data else "only whitespace", origin)
        return
    decoded = decode(data, origin=origin)
    if isinstance(decoded, Skipped):
        yield decoded
        return
    text = decoded.text.lstrip("\ufeff")
    if not text.strip():
        yield Skipped("empty", "only whitespace", origin)
        return
    actual = sniff_kind(text) if kind == "auto" else kind
    first_hand = published if published_wins else None
    for result in _dispatch(
        actual,
        text,
        decoded,
        origin=origin,
        meta=meta,
        published=first_hand,
        fetch_feeds=fetch_feeds,
    ):
        yield _with_default_date(result, published)


def _dispatch(
    kind: str,
    text: str,
    decoded: Decoded,
    *,
    origin: str | None,
    meta: dict[str, Any],
    published: Any,
    fetch_feeds: bool,
) -> Iterator[Article | Skipped]:
    notes = decoded.notes
    if kind == "html":
        article = read_html(
            text, url=meta["url"], source=meta["source"], published=published, origin=origin
        )
        yield _add_notes(article, notes, meta)
    elif kind == "text":
        yield read_text(text, origin=origin, notes=notes, published=published, **meta)
    elif kind == "json":
        yield from (_fill(r, notes, meta) for r in _read_json(text, origin=origin))
    elif kind == "jsonl":
        yield from (_fill(r, notes, meta) for r in read_jsonl(text, origin=origin))
    elif kind == "feed":
        yield from (_fill(r, notes, meta) for r in read_feed(text.encode("utf-8"), origin=origin))
    elif kind == "opml":
        if fetch_feeds:
            yield from read_opml(text.encode("utf-8"), origin=origin)
        else:
            yield Skipped("no_article", "an OPML feed list; read it with read_path", origin)


def _read_json(text: str, *, origin: str | None) -> Iterator[Article | Skipped]:
    value = _loads(text)
    if isinstance(value, _Invalid):
        yield Skipped("invalid_json", value.detail, origin)
        return
    if isinstance(value, list):
        if not value:
            yield Skipped("empty", "an empty JSON list", origin)
        for n, item in enumerate(value, start=1):
            yield read_json_record(item, origin=f"{origin}#{n}" if origin else f"#{n}")
    else:
        yield read_json_record(value, origin=origin)


def read_jsonl(text: str, *, origin: str | None = None) -> Iterator[Article | Skipped]:
    """One record per line; a bad line is skipped with its line number, the rest still read."""
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}" if origin else f"line {lineno}"
        value = _loads(line, lineno=lineno)
        if isinstance(value, _Invalid):
            yield Skipped("invalid_json", value.detail, where)
            continue
        yield read_json_record(value, origin=where)


@dataclass(frozen=True, slots=True)
class _Invalid:
    detail: str


def _loads(text: str, *, lineno: int | None = None) -> Any:
    """``json.loads``, or ``_Invalid`` saying why not. Besides syntax errors, the standard
    parser raises RecursionError on deep nesting (``[`` x 100000) and ValueError on integers
    beyond Python's digit limit: all three are a malformed record, not a crash."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        line = e.lineno if lineno is None else lineno
        return _Invalid(f"line {line}: {e.msg} (column {e.colno})")
    except RecursionError:
        return _Invalid(_where(lineno) + "nested too deeply for the JSON parser")
    except ValueError as e:  # "Exceeds the limit (4300 digits) for integer string conversion"
        return _Invalid(_where(lineno) + str(e).split(";")[0])


def _where(lineno: int | None) -> str:
    return "" if lineno is None else f"line {lineno}: "


def _add_notes(
    result: Article | Skipped, notes: tuple[str, ...], meta: dict[str, Any]
) -> Article | Skipped:
    if not isinstance(result, Article):
        return result
    import dataclasses

    changes: dict[str, Any] = {}
    if notes:
        changes["notes"] = tuple(notes) + result.notes
    if meta.get("title"):
        changes["title"] = meta["title"]
    return dataclasses.replace(result, **changes) if changes else result


def _fill(
    result: Article | Skipped, notes: tuple[str, ...], meta: dict[str, Any]
) -> Article | Skipped:
    """Add decoding notes; the caller's metadata fills fields the record left empty."""
    if not isinstance(result, Article):
        return result
    import dataclasses

    changes: dict[str, Any] = {k: v for k, v in meta.items() if v and not getattr(result, k)}
    if notes:
        changes["notes"] = tuple(notes) + result.notes
    return dataclasses.replace(result, **changes) if changes else result


def _with_default_date(result: Article | Skipped, published: Any) -> Article | Skipped:
    if not isinstance(result, Article) or published in (None, ""):
        return result
    from .dates import parse_published

    day = parse_published(published)
    if day is None or result.published is not None:
        return result
    import dataclasses

    return dataclasses.replace(result, published=day)


def _looks_json(data: bytes) -> bool:
    return data.lstrip()[:1] in (b"{", b"[")


__all__ = ["DEFAULT_MAX_BYTES", "KINDS", "read_bytes", "read_bytes_many", "read_jsonl"]

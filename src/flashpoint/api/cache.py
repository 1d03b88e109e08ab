"""A small response cache for GET routes, exact by construction.

A read-only server reads one replica generation of its DuckDB file (``store.replica``), which
never changes: the JSON of a GET is a pure function of its URL and the generation, and the
cache is cleared when the server switches to a newer generation (``Database.poll``).
A read-write server clears the cache after every write it makes itself. Bounded in entries
and in body size; ``max_entries=0`` turns it off (``flashpoint serve --cache-size 0``).
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

DEFAULT_CACHE_ENTRIES = 512
DEFAULT_CACHE_BYTES = 64_000_000  # all bodies together: junk query strings cannot grow it
MAX_CACHED_BODY = 1_000_000  # bytes; large exports are streamed and never cached


class ResponseCache:
    """Thread-safe LRU map of request key -> JSON body bytes, bounded in entries and bytes
    (the least recently used answers are dropped first)."""

    def __init__(
        self, *, max_entries: int = DEFAULT_CACHE_ENTRIES, max_bytes: int = DEFAULT_CACHE_BYTES
    ) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.bytes = 0
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0
        # Bumped by clear(): a read that started before a write caches under the old
        # generation, which is never looked up again, so it cannot serve stale data.
        self.generation = 0

    def get(self, key: str) -> bytes | None:
        with self._lock:
            body = self._items.get(key)
            if body is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return body

    def put(self, key: str, body: bytes) -> None:
        if self.max_entries <= 0 or len(body) > min(MAX_CACHED_BODY, self.max_bytes):
            return
        with self._lock:
            old = self._items.pop(key, None)
            self.bytes -= len(old) if old is not None else 0
            self._items[key] = body
            self.bytes += len(body)
            while len(self._items) > self.max_entries or self.bytes > self.max_bytes:
                _, dropped = self._items.popitem(last=False)
                self.bytes -= len(dropped)

    def clear(self) -> None:
        with self._lock:
            self.generation += 1
            self._items.clear()
            self.bytes = 0


def dumps(obj: Any) -> bytes:
    """Compact UTF-8 JSON; dates as ISO strings."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=_default).encode(
        "utf-8"
    )


def _default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


async def cached_json(request: Request, compute: Callable[[], dict[str, Any]]) -> Response:
    """The JSON response of ``compute()``, served from the app's cache when the URL was seen.

    A hit is answered on the event loop; a miss runs ``compute`` (blocking DuckDB reads) and
    the JSON encoding in the thread pool, so the loop never waits on the database.
    """
    cache: ResponseCache = request.app.state.cache
    if request.app.state.db.poll():  # a newer replica of the file: forget the old answers
        cache.clear()
    query = "&".join(sorted(request.url.query.split("&")))
    key = f"{cache.generation}:{request.url.path}?{query}"
    body = cache.get(key)
    if body is None:
        body = await run_in_threadpool(lambda: dumps(compute()))
        cache.put(key, body)
    return Response(body, media_type="application/json")

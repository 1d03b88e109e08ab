"""How the API's reads and its single writer share one DuckDB file.

DuckDB allows many connections to one file *inside one process* as long as they come from the
same database instance (same configuration), and one writing process per file. The server
therefore opens the file exactly once:

* **No token configured (read-only server).** The file is opened with ``connect_readonly``
  (``read_only=True``). Every request reads through its own cursor of that connection (a
  cursor is a new connection to the same instance, safe to use from the request's thread).
  Other processes may open the file read-only at the same time; an ingest (a writer) cannot
  run until the server stops.
* **Token configured (writes allowed).** The server itself is the file's one writer: it opens
  one ``store.Store`` (read-write) for its whole life. Writes go through that Store under an
  in-process lock, one request at a time, each in its own transaction followed by a refresh
  of the derived tables. Reads use cursors of one reader connection branched off the Store's
  (same database instance, so they see each committed write at once); DuckDB's MVCC gives
  each read a consistent snapshot, so a read never sees half a write. Reads run only the
  query functions of ``store.queries`` and ``analytics`` (SELECTs; COPY to a file for exports).

In both cases ``read()`` hands out a cursor and closes it after the request.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..records import Analysis


class Database:
    """One DuckDB file opened for the life of the API process (see the module docstring)."""

    def __init__(self, path: str | Path, *, writable: bool) -> None:
        self.path = Path(path)
        self.writable = writable
        self._write_lock = threading.Lock()
        self._store: Any = None
        self._con: Any = None

    def open(self) -> None:
        """Open the file; raises ``StoreError`` when it is missing (read-only) or locked."""
        from ..store import Store, connect_readonly

        if self.writable:
            self._store = Store(self.path)
            # Readers branch off their own connection to the instance, never the Store's, so
            # handing out a cursor never waits on the connection a write is running on.
            self._con = self._store.con.cursor()
        else:
            self._con = connect_readonly(self.path)

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
        if self._store is not None:
            self._store.close()
        self._store = None
        self._con = None

    @contextmanager
    def read(self) -> Iterator[Any]:
        """A cursor for one request's reads, closed afterwards."""
        if self._con is None:
            from ..errors import StoreError

            raise StoreError(f"database {self.path} is not open")
        cursor = self._con.cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    def write(self, analyses: list[Analysis]) -> Any:
        """Store through the single writer, refresh derived tables; returns ``WriteStats``."""
        if self._store is None:
            from ..errors import StoreError

            raise StoreError("this server was started without a write token: it cannot write")
        with self._write_lock:
            stats = self._store.write(analyses)
            if stats.articles_new or stats.sightings_new:  # counts in stories depend on sightings
                self._store.refresh()
            return stats

"""How the API's reads and its single writer share one DuckDB file.

DuckDB allows one writing process per file, and while one process writes, no other may open
the file at all (nor write while another reads). The server therefore never holds the file in
a way that stops an ingest:

* **No token configured (read-only server).** The server reads a *read replica*
  (``store.replica``): a consistent copy of the file in ``<db>.replica/`` that every writer
  (``flashpoint ingest``, ``analyze``, ``load``) republishes after its commits, and that the
  server itself re-copies from the main file whenever that changed and no writer holds it.
  ``flashpoint ingest`` can run on the same file while the dashboard is up; the dashboard
  switches to each new copy within ``poll_seconds`` + the writer's publish interval, and
  ``poll()`` tells the response cache to forget what it served from the old copy.
* **Token configured (writes allowed).** The server itself is the file's one writer: it opens
  one ``store.Store`` (read-write) for its whole life, so an ingest on the same file is refused
  (E315, named by the note ``flashpoint serve`` leaves beside the file, ``store.owner``: store
  pages through ``POST /api/articles`` instead). It keeps a read replica (``replica=True``:
  republished after each write), so CLI reads and notebooks still read the file. Writes go through that Store under an
  in-process lock, one request at a time, each in its own transaction followed by a refresh
  of the derived tables. Reads use cursors of one reader connection branched off the Store's
  (same database instance, so they see each committed write at once); DuckDB's MVCC gives
  each read a consistent snapshot, so a read never sees half a write.

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
        self._replica: Any = None

    def open(self) -> None:
        """Open the file; raises ``StoreError`` when it is missing (read-only) or locked."""
        from ..store import Store
        from ..store.replica import ReplicaReader

        if self.writable:
            self._store = Store(self.path, replica=True)
            # Readers branch off their own connection to the instance, never the Store's, so
            # handing out a cursor never waits on the connection a write is running on.
            self._con = self._store.con.cursor()
        else:
            self._replica = ReplicaReader(self.path)
            self._replica.open()
            self._con = self._replica.connection()

    def poll(self) -> bool:
        """Switch a read-only server to a newer replica if one appeared; True if it did
        (what was served before may be stale: the caller clears its cache)."""
        if self._replica is None:
            return False
        before = self._replica.generation
        self._con = self._replica.connection()
        return self._replica.generation != before

    def close(self) -> None:
        if self._replica is not None:
            self._replica.close()
        elif self._con is not None:
            self._con.close()
        if self._store is not None:
            self._store.close()
        self._store = None
        self._con = None
        self._replica = None

    @contextmanager
    def read(self) -> Iterator[Any]:
        """A cursor for one request's reads, closed afterwards."""
        if self._con is None:
            from ..errors import StoreError

            raise StoreError("E310", path=self.path)
        if self._replica is not None:
            self._con = self._replica.connection()
        cursor = self._con.cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    @property
    def failed_dir(self) -> Path:
        """Where inputs that met an internal error are kept for a re-run (beside the file):
        ``flashpoint ingest <db>.failed/ --db <db>`` analyses them again after a fix."""
        return self.path.with_name(self.path.name + ".failed")

    def keep_failed(self, record: dict[str, Any]) -> Path:
        """Save one input (a JSON record ``ingest`` can read) that met an internal error."""
        import json

        from ..records import content_id

        self.failed_dir.mkdir(parents=True, exist_ok=True)
        path = self.failed_dir / f"{content_id(str(record.get('text', '')))}.json"
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(record, ensure_ascii=True, default=str), encoding="utf-8")
        tmp.replace(path)
        return path

    def write(self, analyses: list[Analysis]) -> Any:
        """Store through the single writer, then update the derived tables incrementally (cost
        in proportion to the request, not to the store); returns ``WriteStats``."""
        if self._store is None:
            from ..errors import StoreError

            raise StoreError("E311")
        with self._write_lock:
            stats = self._store.write(analyses)
            if stats.articles_new or stats.sightings_new:  # counts in stories depend on sightings
                self._store.refresh()
            return stats

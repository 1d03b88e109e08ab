"""A read replica of a Flashpoint DuckDB file: the dashboard and an ingest on one file at once.

DuckDB allows one process to write a file, and while it writes no other process may open the
file even read-only (and while a process reads it, no other may write). A dashboard that held
the file would therefore lock every ingest out, and an ingest would take the dashboard down.

The design: the writer publishes, readers read a copy.

* ``<db>.replica/`` is a folder of consistent copies of the database, one file per
  generation (``<nanoseconds>.duckdb``). It exists only when somebody asked for it:
  ``flashpoint serve`` creates it (``ensure``), so batch users pay nothing.
* Every ``Store`` (the one writer: ingest, ``analyze``, ``load``, the API's upload path) checks
  for the folder after it commits and, at most every ``PUBLISH_SECONDS`` and always after
  ``refresh`` and on close, runs ``CHECKPOINT`` (the file then holds every committed row and
  no write-ahead log) and copies the file into a new generation (``publish``). The copy is
  made by the writing process between two transactions, so it is a consistent database.
* A reader (``ReplicaReader``, used by the API) opens the newest generation read-only and
  switches to a newer one when it appears; it never touches the main file while a writer
  holds it. When no writer publishes (the main file was changed by a process that did not see
  the folder, or the server just started), the reader copies the main file itself whenever
  it can take a read lock for a moment (``snapshot``).

A generation is never modified after it is renamed into place; old ones are deleted by the
next publisher (a reader that still has one open keeps reading it: POSIX keeps an unlinked
file alive until it is closed). Nothing is lost or duplicated: the replica is a copy of
committed transactions of the one main file, which stays the only thing written.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from ..errors import StoreBusyError, StoreError, StoreUnusableError
from . import storage

PUBLISH_SECONDS = 5.0  # a writer publishes at most this often (plus after refresh and on close)
COPY_SHARE = 0.1  # ... and spends at most this share of its time copying
KEEP_GENERATIONS = 3  # generations kept beside the newest, for readers still switching
SUFFIX = ".duckdb"


def replica_dir(db: str | Path) -> Path:
    """The replica folder of a database file: ``crisis.duckdb`` -> ``crisis.duckdb.replica/``."""
    db = Path(db)
    return db.with_name(db.name + ".replica")


def ensure(db: str | Path) -> Path:
    """Create the replica folder, which asks every writer of ``db`` to publish into it."""
    folder = replica_dir(db)
    folder.mkdir(exist_ok=True)
    return folder


def generations(db: str | Path) -> list[Path]:
    """Published copies, oldest first (names are zero-padded nanosecond stamps)."""
    folder = replica_dir(db)
    try:
        names = sorted(p for p in folder.iterdir() if p.suffix == SUFFIX and p.stem.isdigit())
    except FileNotFoundError:
        return []
    return names


def latest(db: str | Path) -> Path | None:
    """The newest published copy, or None."""
    found = generations(db)
    return found[-1] if found else None


def publish(con: Any, db: str | Path) -> Path | None:
    """Copy the writer's committed state into a new generation; None when nobody asked.

    Called by the writing process between transactions: ``CHECKPOINT`` moves every committed
    row into the file, so a byte copy of the file alone is a complete, consistent database.
    """
    folder = replica_dir(db)
    if not folder.is_dir():
        return None
    con.execute("CHECKPOINT")
    return _install(folder, lambda tmp: _copy_in_child(db, tmp))


def snapshot(db: str | Path) -> Path | None:
    """Copy the main file into a new generation from a reader; None when a writer holds it.

    Holding a read-only connection for the copy keeps writers out meanwhile, so the file and
    its write-ahead log are copied as one state; the copy is then opened privately and
    checkpointed so the generation is a single file like a published one.
    """
    db = Path(db)
    folder = ensure(db)
    try:
        con = storage.connect(db, read_only=True)
    except StoreBusyError:
        return None  # a writer holds the file: it publishes itself
    try:

        def copy(tmp: Path) -> None:
            _copy_in_child(db, tmp)
            wal = db.with_name(db.name + ".wal")
            if wal.exists():
                _copy_in_child(wal, tmp.with_name(tmp.name + ".wal"))
                private = storage.connect(tmp, read_only=False)
                try:
                    with storage.translated("E312", path=db, folder=folder):
                        private.execute("CHECKPOINT")
                finally:
                    storage.close(private)

        return _install(folder, copy)
    finally:
        storage.close(con)


# The copy runs in a child process because DuckDB's file locks are POSIX record locks, which a
# process loses on *every* descriptor of the file as soon as it closes *any* descriptor of it:
# copying the file from the process holding the lock would silently unlock it.
_COPY = "import shutil, sys; shutil.copyfile(sys.argv[1], sys.argv[2])"


def _copy_in_child(src: Path | str, dst: Path) -> None:
    """Byte-copy ``src`` to ``dst`` from a child process (keeps this process's locks)."""
    done = subprocess.run(
        [sys.executable, "-c", _COPY, str(src), str(dst)], capture_output=True, text=True,
        check=False,
    )
    if done.returncode != 0:
        raise OSError(done.stderr.strip().splitlines()[-1] if done.stderr else "copy failed")


def _install(folder: Path, write: Any) -> Path:
    """Write a generation under a temporary name, rename it into place, prune old ones."""
    stamp = f"{time.time_ns():020d}"
    tmp = folder / f".{stamp}.{os.getpid()}.tmp"
    try:
        write(tmp)
        final = folder / f"{stamp}{SUFFIX}"
        os.replace(tmp, final)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
            leftover.unlink(missing_ok=True)
    for old in sorted(folder.glob(f"*{SUFFIX}"))[:-(KEEP_GENERATIONS + 1)]:
        old.unlink(missing_ok=True)
    return final


def main_stamp(db: str | Path) -> tuple[int, int]:
    """(mtime_ns, size) of the main file and its write-ahead log: changes on every commit."""
    db = Path(db)
    stamp = (0, 0)
    for path in (db, db.with_name(db.name + ".wal")):
        try:
            st = path.stat()
        except FileNotFoundError:
            continue
        stamp = (max(stamp[0], st.st_mtime_ns), stamp[1] + st.st_size)
    return stamp


class ReplicaReader:
    """Read-only connections to the newest replica generation of one database file.

    ``connection()`` returns the connection to the newest generation, switching when a newer
    one was published (checked at most every ``poll_seconds``). When the main file changed
    since the last copy and no writer holds it, a fresh snapshot is taken first. The previous
    connection is kept open one switch longer, so a request still reading it finishes.
    """

    def __init__(self, db: str | Path, *, poll_seconds: float = 1.0) -> None:
        self.db = Path(db)
        self.poll_seconds = poll_seconds
        self.generation: Path | None = None
        self._con: Any = None
        self._retired: list[Any] = []
        self._checked = 0.0
        self._copied_stamp: tuple[int, int] | None = None
        self._lock = threading.Lock()

    def open(self) -> None:
        """Make sure a generation exists and open it; ``StoreError`` when none can be had."""
        if not self.db.is_file():
            raise StoreUnusableError("E301", path=self.db)
        try:
            ensure(self.db)
            self._refresh(force=True)
        except OSError as e:
            raise StoreError("E312", path=self.db, folder=replica_dir(self.db),
                             cause=e.strerror or str(e)) from e
        if self._con is None:
            raise StoreBusyError("E313", path=self.db)

    def connection(self) -> Any:
        """The connection to the newest generation (switching first if one appeared)."""
        if time.monotonic() - self._checked >= self.poll_seconds:
            self._refresh(force=False)
        if self._con is None:
            raise StoreError("E310", path=self.db)
        return self._con

    def _refresh(self, *, force: bool) -> bool:
        """Snapshot the main file if it changed and is free, then switch to the newest copy.

        Returns True when the connection switched to a new generation.
        """
        with self._lock:
            if not force and time.monotonic() - self._checked < self.poll_seconds:
                return False
            self._checked = time.monotonic()
            stamp = main_stamp(self.db)
            newest = latest(self.db)
            stale = newest is None or stamp[0] > newest.stat().st_mtime_ns
            if stale and stamp != self._copied_stamp:
                if snapshot(self.db) is not None:
                    self._copied_stamp = stamp
                newest = latest(self.db)
            if newest is None or newest == self.generation:
                return False
            try:
                con = storage.connect(newest, read_only=True)
            except StoreError:
                return False  # pruned between listing and opening: the next poll takes a newer one
            for old in self._retired:
                storage.close(old)
            self._retired = [self._con] if self._con is not None else []
            self._con, self.generation = con, newest
            return True

    def close(self) -> None:
        with self._lock:
            for con in [*self._retired, self._con]:
                if con is not None:
                    storage.close(con)
            self._retired, self._con, self.generation = [], None, None

"""A read replica of a Flashpoint DuckDB file: the dashboard and an ingest on one file at once.

DuckDB allows one process to write a file, and while it writes no other process may open the
file even read-only (and while a process reads it, no other may write). A dashboard that held
the file would therefore lock every ingest out, and an ingest would take the dashboard down.

The design: the writer publishes, readers read a copy.

* ``<db>.replica/`` is a folder of consistent copies of the database, one file per
  generation (``<nanoseconds>.duckdb``). It exists only when somebody asked for it:
  ``flashpoint serve`` and ``flashpoint ingest`` create it (``ensure``; ``ingest
  --no-replica`` does not), so a library user writing a ``Store`` pays nothing.
* Every ``Store`` (the one writer: ingest, ``analyze``, ``load``, the API's upload path) checks
  for the folder after it commits and, at most every ``PUBLISH_SECONDS`` and always after
  ``refresh`` and on close, runs ``CHECKPOINT`` (the file then holds every committed row and
  no write-ahead log) and copies the file into a new generation (``publish``). The copy is
  made by the writing process between two transactions, so it is a consistent database.
* A short reader (``connect_for_reading``: the CLI's ``events``/``tension``/``alerts``/
  ``export``, ``events_frame``, a notebook) opens the main file read-only and, only when a
  writer holds it, the newest generation instead, and says which it read (``ReadSource``).
* A long reader (``ReplicaReader``, used by the API) opens the newest generation read-only and
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

import datetime as dt
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import StoreBusyError, StoreError, StoreUnusableError
from . import storage
from .schema import verify

PUBLISH_SECONDS = 5.0  # a writer publishes at most this often (plus after refresh and on close)
COPY_SHARE = 0.1  # ... and spends at most this share of its time copying
# Generations kept beside the newest, for a reader that listed the folder just before a
# publish. A reader that already opened an older one keeps reading it after it is deleted
# (POSIX keeps an unlinked file alive until it is closed), so one is enough; each kept
# generation costs the database's size on disk.
KEEP_GENERATIONS = 1
# A reader that finds the file held and the replica folder still empty waits this long for the
# writer's first copy (made right after it opens the file).
FIRST_COPY_WAIT_SECONDS = 10.0
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


def stale(db: str | Path) -> bool:
    """True when the main file changed after the newest generation was made (or there is none)."""
    newest = latest(db)
    if newest is None:
        return True
    try:
        return main_stamp(db)[0] > newest.stat().st_mtime_ns
    except FileNotFoundError:  # pruned meanwhile: a newer one exists
        return False


@dataclass(frozen=True)
class ReadSource:
    """What a reader opened: the main file, or a replica generation of it (and how old)."""

    path: Path  # the file the connection reads
    main: Path  # the database the caller named
    as_of: dt.datetime | None = None  # UTC time the replica was published; None: main file
    writer: str = ""  # who holds the main file, in words, when a replica was read

    @property
    def is_replica(self) -> bool:
        return self.as_of is not None


def connect_for_reading(db: str | Path) -> tuple[Any, ReadSource]:
    """A read-only connection to ``db``, or to its newest replica while a writer holds it.

    DuckDB lets no other process open a file that one process writes, so a CLI read or a
    notebook beside a running ingest would fail; the ingest publishes a replica after its
    commits, and that copy is read instead. The ``ReadSource`` says which file was read and,
    for a replica, when it was published, so the caller can tell its user. Raises
    ``StoreBusyError`` (E313) when a writer holds the file and no replica exists (after
    ``FIRST_COPY_WAIT_SECONDS`` when its folder exists), and every other ``StoreError`` of
    ``queries.connect_readonly`` as is.
    """
    from .queries import connect_readonly

    main = Path(db)
    try:
        return connect_readonly(main), ReadSource(main, main)
    except StoreBusyError:
        pass
    # A writer that keeps a replica creates the folder before it takes the file and publishes
    # right after: a reader that came in between waits for that first copy.
    deadline = time.monotonic() + (FIRST_COPY_WAIT_SECONDS if replica_dir(main).is_dir() else 0)
    while True:
        newest = latest(main)
        if newest is not None:
            try:
                published = dt.datetime.fromtimestamp(newest.stat().st_mtime, dt.UTC)
                con = connect_readonly(newest)
            except (StoreUnusableError, FileNotFoundError):
                continue  # pruned between listing and opening: a newer one is there
            return con, ReadSource(newest, main, published.replace(tzinfo=None, microsecond=0),
                                   writer=_writer(main))
        if time.monotonic() >= deadline:
            raise StoreBusyError("E313", path=main)
        time.sleep(0.1)


def _writer(db: Path) -> str:
    """Who holds ``db``, in words: the server its note names (``store.owner``), else an ingest."""
    from . import owner

    server = owner.holder(db)
    if server is None:
        return "another process (an ingest)"
    return f"a Flashpoint server (pid {server.pid}, {server.url})"


@contextmanager
def reading(db: str | Path) -> Iterator[tuple[Any, ReadSource]]:
    """``connect_for_reading`` for a ``with`` block, closed after it (a notebook's safe read)::

        with reading("crisis.duckdb") as (con, source):
            frame = con.sql("SELECT * FROM unique_events").df()
    """
    con, source = connect_for_reading(db)
    try:
        yield con, source
    finally:
        storage.close(con)


def publish(con: Any, db: str | Path) -> Path | None:
    """Copy the writer's committed state into a new generation; None when nobody asked.

    Called by the writing process between transactions: ``CHECKPOINT`` moves every committed
    row into the file, so a byte copy of the file alone is a complete, consistent database.
    When nothing was committed since the newest generation was made (the file and its log
    are older than it), that generation is returned and nothing is copied: the copy costs
    time in proportion to the whole file (1.5 s for 98 MB on a busy machine here, ext4
    cannot share blocks), and a writer asks for one after every refresh and again on close.

    A ``CHECKPOINT`` that DuckDB refuses because another transaction of the same instance is
    writing (the API serves reads and writes from one process) copies nothing and returns
    None: what was committed stays committed, and the writer's next commit or its close
    publishes it. Failing the write that asked for the copy would lose nothing but tell the
    client its stored article was refused.
    """
    import duckdb

    folder = replica_dir(db)
    if not folder.is_dir():
        return None
    try:
        con.execute("CHECKPOINT")
    except duckdb.TransactionException as e:
        if "Cannot CHECKPOINT" not in str(e):
            raise
        return None
    newest = latest(db)
    if newest is not None and _unchanged_since(db, newest):
        return newest
    return _install(folder, lambda tmp: _copy_in_child(db, tmp))


def _unchanged_since(db: str | Path, generation: Path) -> bool:
    """True when the main file and its log were last written strictly before ``generation``
    was: the clock behind modification times ticks in milliseconds, so a write in the same
    tick as the copy counts as a change (one copy too many, never one too few)."""
    try:
        return main_stamp(db)[0] < generation.stat().st_mtime_ns
    except FileNotFoundError:  # pruned meanwhile by a reader's snapshot: copy afresh
        return False


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
# ``os.copy_file_range`` copies inside the kernel (no bytes through the child) and, on a file
# system that shares blocks (btrfs, XFS), clones them instead of copying; elsewhere, or where
# the call is missing, ``shutil.copyfile`` (sendfile) does it.
_COPY = """
import os, shutil, sys
src, dst = sys.argv[1], sys.argv[2]
try:
    with open(src, 'rb') as s, open(dst, 'wb') as d:
        left = os.fstat(s.fileno()).st_size
        while left > 0:
            n = os.copy_file_range(s.fileno(), d.fileno(), left)
            if n == 0:
                break
            left -= n
    if left:
        raise OSError('short copy')
except (AttributeError, OSError):
    shutil.copyfile(src, dst)
"""


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
            try:
                verify(con, self.db)  # a copy of a file of an older layout: refused, named
            except StoreError:
                storage.close(con)
                raise
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

"""Who holds a Flashpoint database for writing, so a second writer can say what to do.

DuckDB allows one writing process per file. ``flashpoint serve`` with a write token is such a
writer for as long as it runs (its ``POST /api/articles`` stores pages), so a ``flashpoint
ingest`` on the same file cannot open it. DuckDB's own answer ("Conflicting lock is held in
.../python (PID 4242)") names a process, not what the user should do. The server therefore
leaves a note beside the file, ``<db>.writer.json`` (its process id and URL), while it
runs; a writer that finds the file locked reads the note (``holder``) and reports catalogue
error E315: send the pages to that server, or stop it and ingest.

The note is advisory: it is read only after the lock was refused, and a note whose process
is gone (a server that was killed) is ignored, so a stale note never blocks anything.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Holder:
    """A long-lived writer of a database file, as its note says."""

    pid: int
    url: str
    since: float  # UNIX time it started


def note_path(db: str | Path) -> Path:
    """``crisis.duckdb`` -> ``crisis.duckdb.writer.json``."""
    db = Path(db)
    return db.with_name(db.name + ".writer.json")


def announce(db: str | Path, *, url: str, pid: int | None = None) -> Path:
    """Leave the note that this process (a server at ``url``) is the file's writer."""
    path = note_path(db)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    record = {"pid": pid if pid is not None else os.getpid(), "url": url, "since": time.time()}
    tmp.write_text(json.dumps(record), encoding="utf-8")
    os.replace(tmp, path)
    return path


def withdraw(db: str | Path, *, pid: int | None = None) -> None:
    """Remove the note if it is this process's (a later server's note is left alone)."""
    found = _read(note_path(db))
    if found is not None and found.pid == (pid if pid is not None else os.getpid()):
        note_path(db).unlink(missing_ok=True)


def holder(db: str | Path) -> Holder | None:
    """The writer named by the note beside ``db`` when its process still runs, else None."""
    found = _read(note_path(db))
    if found is None or not _alive(found.pid):
        return None
    return found


def _read(path: Path) -> Holder | None:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        return Holder(pid=int(record["pid"]), url=str(record["url"]),
                      since=float(record.get("since", 0.0)))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no note, or one cut short: nothing to say


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill(pid, 0) would send CTRL_C_EVENT there: trust the note
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by another user
    return True


__all__ = ["Holder", "announce", "holder", "note_path", "withdraw"]

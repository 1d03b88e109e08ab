"""The one boundary between DuckDB and Flashpoint's errors.

Every connection the store opens comes from ``connect`` and every DuckDB call that can fail
runs under ``translated``, so a ``duckdb.Error`` never leaves the store: it becomes the most
specific ``StoreError`` (a lock held by another process -> ``StoreBusyError``; a file that is
no DuckDB database -> ``StoreUnusableError``; anything else the catalogue code the caller
names), re-raised ``from`` the DuckDB error so the cause is kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import InputError, StoreBusyError, StoreError, StoreUnusableError


def connect(path: str | Path, *, read_only: bool, memory_limit: str | None = None) -> Any:
    """Open ``path`` (read-only: it must exist; for writing: its directory must exist).

    ``memory_limit`` (DuckDB's setting, e.g. ``"512MB"``) caps what DuckDB keeps in memory
    (its buffer pool caches every block it reads, up to 80 % of RAM by default, so a long
    ingest's memory follows the file's size); beyond it DuckDB evicts cached blocks and
    spills large joins and sorts to ``<db>.tmp``. None keeps DuckDB's default."""
    import duckdb

    p = Path(path)
    if read_only and not p.is_file():
        raise StoreUnusableError("E301", path=p)
    if not read_only and p.parent and not p.parent.exists():
        raise InputError("E107", path=p.parent)
    if p.is_file() and p.stat().st_size == 0:
        raise StoreUnusableError("E314", path=p, cause="an empty file, 0 bytes")
    mode = "read-only" if read_only else "for writing"
    with translated("E306", path=p, mode=mode):
        con = duckdb.connect(str(p), read_only=read_only)
    try:
        with translated("E303", path=p):
            con.execute("SET enable_progress_bar = false")  # the library never prints
            if memory_limit is not None:
                set_memory_limit(con, memory_limit, path=p)
            _check_complete(con, p)
    except StoreError:
        close(con)
        raise
    return con


def set_memory_limit(con: Any, limit: str | None, *, path: str | Path = "") -> None:
    """Set DuckDB's ``memory_limit`` on ``con`` (a size such as ``"192MB"``; None: DuckDB's
    default, 80 % of RAM); a size DuckDB does not read is a ``StoreError`` naming it."""
    with translated("E303", path=path):
        if limit is None:
            con.execute("RESET memory_limit")
        else:
            con.execute("SET memory_limit = ?", [limit])


def out_of_memory(error: BaseException) -> bool:
    """True when ``error`` (a ``StoreError`` from ``translated``) is DuckDB running out of
    the memory its limit allows."""
    import duckdb

    return isinstance(error.__cause__, duckdb.OutOfMemoryException)


@contextmanager
def translated(code: str, **fields: Any) -> Iterator[None]:
    """Run DuckDB calls; a ``duckdb.Error`` becomes catalogue error ``code`` with ``fields``
    (``path`` names the file), or ``StoreBusyError``/``StoreUnusableError`` when it is one."""
    import duckdb

    try:
        yield
    except duckdb.Error as e:
        raise _error(e, code, fields) from e


def _check_complete(con: Any, path: Path) -> None:
    """A file shorter than the blocks its header lists was truncated (a copy cut short, a
    full disk): say so at open, not as a read error in the middle of a query."""
    if not path.is_file() or path.with_name(path.name + ".wal").exists():
        return  # blocks replayed from a write-ahead log are not in the file yet
    # ``total_blocks`` counts free blocks too, and DuckDB trims free blocks off the end of the
    # file, so a whole file can be shorter than total x block size. Every *used* block is in
    # the file, so a file shorter than the used blocks alone is cut short, whatever their order.
    rows = con.execute("PRAGMA database_size").fetchall()
    block_size, used_blocks = (rows[0][2], rows[0][4]) if rows else (0, 0)
    expected = int(block_size or 0) * int(used_blocks or 0)
    size = path.stat().st_size
    if size < expected:
        raise StoreUnusableError(
            "E314", path=path, cause=f"truncated: {size:,} bytes of the {expected:,} it lists"
        )


# DuckDB's words for a file whose bytes are damaged (checksum, short read).
_DAMAGE = ("corrupt database file", "could not read enough bytes", "checksum")


def _error(e: Exception, code: str, fields: dict[str, Any]) -> StoreError:
    import duckdb

    text = str(e)
    path = fields.get("path", "")
    if isinstance(e, duckdb.IOException) and "lock" in text.lower():
        return StoreBusyError("E302", path=path, mode=fields.get("mode", ""), cause=text)
    if "not a valid duckdb database" in text.lower():
        return StoreUnusableError("E303", path=path, cause=text)
    if any(word in text.lower() for word in _DAMAGE):
        return StoreUnusableError("E314", path=path, cause=text.split("\n")[0])
    return StoreError(code, **{**fields, "cause": text})


# What DuckDB needs to look rows up by key when the keys come from a join: a hash join pushes
# its build side's keys into the other table's scan as an IN filter (up to
# ``dynamic_or_filter_threshold`` keys, 50 by default), which an ART index then answers when
# fewer than ``index_scan_max_count`` rows match (2,048 by default). A monitor's update, or
# the explanation of a page of alerts, touches thousands of keys.
LOOKUP_SETTINGS = {"dynamic_or_filter_threshold": 50_000, "index_scan_max_count": 200_000}


@contextmanager
def key_lookups(con: Any) -> Iterator[None]:
    """Raise ``LOOKUP_SETTINGS`` on ``con`` for the block (joins with a few thousand keys
    read a large table through its index instead of scanning it), then restore them.

    When the block fails inside a transaction, DuckDB has aborted that transaction and
    refuses every statement until it is rolled back, a ``SET`` included: the transaction is
    rolled back here first, so that the block's own error (Out of Memory, say, which
    ``Store.within_memory`` answers with a retry) reaches the caller, not "transaction is
    aborted" from restoring a setting."""
    saved = {name: con.execute("SELECT current_setting(?)", [name]).fetchall()[0][0]
             for name in LOOKUP_SETTINGS}
    for name, value in LOOKUP_SETTINGS.items():
        con.execute(f"SET {name} = {int(value)}")
    try:
        yield
    except BaseException:
        rollback(con)
        raise
    finally:
        for name, value in saved.items():
            con.execute(f"SET {name} = {int(value)}")


def lookup_then(select: str, lookup: str, keep: str) -> str:
    """``select`` (``SELECT ... FROM table``) of the rows that meet both ``lookup`` (a filter
    an index answers) and ``keep``. DuckDB answers a filter from an index only when it stands
    alone: with a second condition beside it, it reads the whole table (over random ids at
    10M events: 0.5-1 s an update). So the looked-up rows are materialized first."""
    return (f"WITH found AS MATERIALIZED ({select} WHERE {lookup}) "
            f"SELECT * FROM found WHERE {keep}")


@contextmanager
def transaction(con: Any, code: str, **fields: Any) -> Iterator[None]:
    """One transaction on ``con``: committed when the block ends, rolled back when it raises
    anything (an interrupt included); DuckDB errors translated as in ``translated``."""
    try:
        with translated(code, **fields):
            con.begin()
            yield
            con.commit()
    except BaseException:
        rollback(con)
        raise


def rollback(con: Any) -> None:
    """Roll back the open transaction, if any (after a failure: never raises)."""
    try:
        con.rollback()
    except Exception:  # noqa: BLE001, S110 - no transaction open
        pass


def close(con: Any) -> None:
    """Close a connection (twice, or after a failed open, is harmless: never raises)."""
    try:
        con.close()
    except Exception:  # noqa: BLE001, S110
        pass


__all__ = ["LOOKUP_SETTINGS", "close", "connect", "key_lookups", "lookup_then", "out_of_memory",
           "rollback", "set_memory_limit", "transaction", "translated"]

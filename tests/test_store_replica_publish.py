"""A writer copies its file into the replica only when something was committed since the newest
copy: the copy costs time in proportion to the whole store, and a refresh then a close asked
for two copies of the same state."""

from __future__ import annotations

import os
import time
from pathlib import Path

import duckdb
import pytest

from flashpoint.records import Analysis, Article, content_id
from flashpoint.store import Store, replica


def _article(n: int) -> Analysis:
    text = f"Report number {n}: talks resumed in the capital."
    return Analysis(Article(id=content_id(text), text=text, url=f"https://example.org/{n}"))


def _count(path: Path) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
    finally:
        con.close()


def _made_after_main(db: Path, generation: Path) -> None:
    """Date the copy 1 us after the main file's last write: modification times move in clock
    ticks (1-10 ms), so a copy finished in the tick of that write is taken for older."""
    main = os.stat(db).st_mtime_ns
    os.utime(generation, ns=(main + 1_000, main + 1_000))


@pytest.mark.parametrize("writes", [1, 2])
def test_store_replica_publish_copies_only_what_changed(tmp_path: Path, writes: int):
    db = tmp_path / "crisis.duckdb"
    with Store(db, replica=True) as store:
        store.write([_article(0)])
        time.sleep(1.05)  # sightings are stamped to the second, and a refresh in that second
        store.refresh()  # derives it again next time: here the next has nothing to derive
        first = replica.latest(db)
        assert first is not None and _count(first) == 1
        _made_after_main(db, first)
        assert replica.publish(store.con, db) == first  # nothing new: no copy
        store.refresh()  # nothing to derive: nothing written, no copy
        assert replica.latest(db) == first
        time.sleep(0.05)  # the next write lands in a later clock tick
        for n in range(1, 1 + writes):
            store.write([_article(n)])
        second = replica.publish(store.con, db)
        assert second != first and _count(second) == 1 + writes  # a commit: a new copy
        _made_after_main(db, second)
    assert replica.latest(db) == second  # closing after no further commit copies nothing


def test_store_replica_publish_copies_when_in_doubt(tmp_path: Path):
    """A write in the very tick the copy was dated counts as a change."""
    db = tmp_path / "crisis.duckdb"
    with Store(db, replica=True) as store:
        store.write([_article(0)])
        store.refresh()
        first = replica.latest(db)
        main = os.stat(db).st_mtime_ns
        os.utime(first, ns=(main, main))
        assert replica.publish(store.con, db) != first


class _BusyConnection:
    """A connection whose CHECKPOINT meets another writing transaction of the instance, as the
    API's write path can while its own cursors serve reads."""

    def __init__(self, con: duckdb.DuckDBPyConnection, message: str) -> None:
        self.con, self.message = con, message

    def execute(self, sql: str, *args):
        if sql.strip().upper() == "CHECKPOINT":
            raise duckdb.TransactionException(self.message)
        return self.con.execute(sql, *args)


def test_store_replica_publish_skips_a_checkpoint_another_transaction_holds(tmp_path: Path):
    """The commit stands and no copy is made; the next publish (or the close) makes it."""
    db = tmp_path / "crisis.duckdb"
    with Store(db, replica=True) as store:
        store.write([_article(0)])
        store.refresh()
        first = replica.latest(db)
        _made_after_main(db, first)
        time.sleep(0.05)
        store.write([_article(1)])
        busy = _BusyConnection(store.con, "TransactionContext Error: Cannot CHECKPOINT: there "
                                          "are other write transactions active.")
        assert replica.publish(busy, db) is None
        assert replica.latest(db) == first and _count(first) == 1
        second = replica.publish(store.con, db)
        assert second != first and _count(second) == 2
    with pytest.raises(duckdb.TransactionException, match="something else"):
        other = duckdb.connect(str(tmp_path / "other.duckdb"))
        try:
            replica.ensure(tmp_path / "other.duckdb")
            replica.publish(_BusyConnection(other, "something else"), tmp_path / "other.duckdb")
        finally:
            other.close()

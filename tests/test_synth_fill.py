"""synth.fill: a bulk-filled store has the shape of a real one (hash-like ids, every event's
article stored) and is filled once."""

from __future__ import annotations

import re

import pytest

from flashpoint.store import Store
from flashpoint.synth.fill import fill_store


def test_synth_fill_writes_hash_like_ids_that_join(tmp_path):
    """Sequential ids would let new (random) keys touch only the edge of DuckDB's in-memory
    indexes and hide the memory a real store of that size needs."""
    db = tmp_path / "f.duckdb"
    out = fill_store(db, n_events=50, events_per_article=5)
    assert out["events"] == 50 and out["articles"] == 10
    with Store(db) as store:
        ids = [r[0] for r in store.con.execute("SELECT id FROM events UNION ALL "
                                               "SELECT id FROM articles").fetchall()]
        joined = store.con.execute("SELECT count(*) FROM events e JOIN articles a "
                                   "ON a.id = e.article_id").fetchone()[0]
    assert all(re.fullmatch(r"[0-9a-f]{16}", i) for i in ids) and len(set(ids)) == 60
    assert joined == 50
    with pytest.raises(ValueError, match="already holds"):
        fill_store(db, n_events=50)  # events have no key: a second fill would repeat them

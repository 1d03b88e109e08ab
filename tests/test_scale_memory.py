"""An ingest caps DuckDB's memory where the connection is opened (``store.storage``)."""

from __future__ import annotations

from flashpoint.store import Store, storage
from flashpoint.store import ingest as ingest_mod


def _limit(con) -> str:
    return con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]


def test_scale_memory_limit_is_set_on_the_connection(tmp_path):
    default = storage.connect(tmp_path / "a.duckdb", read_only=False)
    try:
        assert _limit(default) != "95.3 MiB"
    finally:
        storage.close(default)
    with Store(tmp_path / "b.duckdb", memory_limit="100MB") as store:
        assert _limit(store.con) == "95.3 MiB"


def test_scale_memory_ingest_opens_its_store_with_the_limit(tmp_path, monkeypatch):
    seen: list[str] = []
    real = storage.connect

    def spy(path, *, read_only, memory_limit=None):
        seen.append(memory_limit)
        return real(path, read_only=read_only, memory_limit=memory_limit)

    monkeypatch.setattr(storage, "connect", spy)
    ingest_mod.ingest([], db=tmp_path / "c.duckdb", items=[], workers=1)
    assert seen == [ingest_mod.INGEST_MEMORY_LIMIT]

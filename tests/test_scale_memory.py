"""An ingest caps DuckDB's memory where the connection is opened (``store.storage``), raises
the cap for its final update, and a large run lets go of the NLP models before that update."""

from __future__ import annotations

import datetime as dt

from flashpoint import pipeline
from flashpoint.records import Analysis, Article
from flashpoint.store import Store, storage
from flashpoint.store import ingest as ingest_mod


def _no_nlp(items, **kw):
    """``pipeline.analyze_many`` without the NLP: each article stored with no events."""
    for x in items:
        yield Analysis(article=x) if isinstance(x, Article) else Analysis(None, skipped=x)


def _articles(prefix: str, n: int) -> list[Article]:
    return [Article(id=f"{prefix}{i}", text=f"Report {prefix} number {i} about talks in Geneva.",
                    published=dt.date(2024, 1, 1 + i)) for i in range(n)]


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

    streaming: list[str] = []
    real_write = Store.write

    def write(self, analyses):
        streaming.append(_limit(self.con))
        return real_write(self, analyses)

    monkeypatch.setattr(storage, "connect", spy)
    monkeypatch.setattr(Store, "write", write)
    monkeypatch.setattr(pipeline, "analyze_many", _no_nlp)
    ingest_mod.ingest([], db=tmp_path / "c.duckdb", items=_articles("c", 2), workers=1)
    # opened with the update's limit (opening may rebuild derived tables of an old layout),
    # then every batch is written under the streaming limit
    assert seen == [ingest_mod.UPDATE_MEMORY_LIMIT]
    assert streaming and set(streaming) == {_as_duckdb_prints(ingest_mod.INGEST_MEMORY_LIMIT)}


def _as_duckdb_prints(limit: str) -> str:
    import duckdb

    con = duckdb.connect()
    try:
        con.execute("SET memory_limit = ?", [limit])
        return _limit(con)
    finally:
        con.close()


def test_scale_memory_final_update_runs_with_the_update_limit(tmp_path, monkeypatch):
    seen: list[str] = []
    real = Store.refresh

    def spy(self, **kw):
        seen.append(_limit(self.con))
        return real(self, **kw)

    monkeypatch.setattr(Store, "refresh", spy)
    ingest_mod.ingest([], db=tmp_path / "d.duckdb", items=[], workers=1)
    assert ingest_mod.UPDATE_MEMORY_LIMIT != ingest_mod.INGEST_MEMORY_LIMIT
    assert seen == [_as_duckdb_prints(ingest_mod.UPDATE_MEMORY_LIMIT)]
    # no limit asked for: DuckDB's default stays, also for the update
    seen.clear()
    ingest_mod.ingest([], db=tmp_path / "e.duckdb", items=[], workers=1, memory_limit=None)
    assert seen and seen[0] not in {_as_duckdb_prints(ingest_mod.UPDATE_MEMORY_LIMIT),
                                    _as_duckdb_prints(ingest_mod.INGEST_MEMORY_LIMIT)}


def test_scale_memory_a_large_run_releases_the_models_before_its_update(tmp_path, monkeypatch):
    calls: list[str] = []
    real = Store.refresh

    def refresh(self, **kw):
        calls.append("refresh")
        return real(self, **kw)

    monkeypatch.setattr(Store, "refresh", refresh)
    monkeypatch.setattr(pipeline, "analyze_many", _no_nlp)
    monkeypatch.setattr(ingest_mod, "release_models", lambda: calls.append("release"))
    monkeypatch.setattr(ingest_mod, "RELEASE_MODELS_AFTER", 3)
    stats = ingest_mod.ingest([], db=tmp_path / "big.duckdb", items=_articles("a", 3), workers=1)
    assert stats.articles_new == 3
    assert calls == ["release", "refresh"]
    calls.clear()  # below the threshold (the API's and a monitor's small runs) they are kept
    ingest_mod.ingest([], db=tmp_path / "small.duckdb", items=_articles("b", 2), workers=1)
    assert calls == ["refresh"]


def test_scale_memory_release_models_forgets_them_and_analysis_reloads_them():
    from flashpoint.claims import model
    from flashpoint.ingest import language
    from flashpoint.nlp import get_nlp

    text = "Rebels attacked the army base in Goma on Monday, officials said."
    before = pipeline.analyze(text, published="2024-03-04")
    model.load()
    assert language.detect_language(f"{text} {text}") is not None  # loads the identifier
    assert get_nlp.cache_info().currsize == 1
    pipeline.release_models()
    assert get_nlp.cache_info().currsize == 0
    assert model._load.cache_info().currsize == 0
    assert language._identifier.cache_info().currsize == 0
    after = pipeline.analyze(text, published="2024-03-04")
    assert before.events and after.events == before.events
    assert get_nlp.cache_info().currsize == 1


def test_scale_memory_an_update_out_of_memory_is_done_again_without_the_limit(tmp_path, monkeypatch):
    import duckdb

    from flashpoint.errors import StoreError

    limits: list[str] = []
    real = Store.refresh

    def refresh(self, **kw):
        limits.append(_limit(self.con))
        if len(limits) == 1:  # the first try runs out of DuckDB memory
            try:
                raise duckdb.OutOfMemoryException("Out of Memory Error: could not allocate")
            except duckdb.Error as e:
                raise StoreError("E308", path=self.path, cause=str(e)) from e
        return real(self, **kw)

    monkeypatch.setattr(Store, "refresh", refresh)
    monkeypatch.setattr(pipeline, "analyze_many", _no_nlp)
    stats = ingest_mod.ingest([], db=tmp_path / "f.duckdb", items=_articles("f", 2), workers=1)
    assert stats.done and stats.articles_new == 2 and stats.stories == 2
    default = storage.connect(tmp_path / "g.duckdb", read_only=False)
    try:
        assert limits == [_as_duckdb_prints(ingest_mod.UPDATE_MEMORY_LIMIT), _limit(default)]
    finally:
        storage.close(default)


def test_scale_memory_other_update_errors_are_not_retried(tmp_path, monkeypatch):
    import duckdb
    import pytest

    from flashpoint.errors import StoreError

    calls: list[int] = []

    def refresh(self, **kw):
        calls.append(1)
        try:
            raise duckdb.IOException("disk full")
        except duckdb.Error as e:
            raise StoreError("E308", path=self.path, cause=str(e)) from e

    monkeypatch.setattr(Store, "refresh", refresh)
    monkeypatch.setattr(pipeline, "analyze_many", _no_nlp)
    with pytest.raises(StoreError):
        ingest_mod.ingest([], db=tmp_path / "h.duckdb", items=_articles("h", 1), workers=1)
    assert calls == [1]


def test_scale_memory_a_rebuild_on_open_out_of_memory_is_done_again_without_the_limit(
        tmp_path, monkeypatch):
    """Opening a file whose derived tables must be rebuilt (another layout) under a memory
    limit too small for the rebuild (millions of events) retries it under DuckDB's default
    and keeps the limit for what follows, instead of refusing to open the store."""
    import duckdb

    from flashpoint.errors import StoreError
    from flashpoint.store import derive

    db = tmp_path / "h.duckdb"
    with Store(db) as store:
        store.con.execute("DROP TABLE event_groups")
        store.con.execute("CREATE TABLE event_groups (event_id VARCHAR)")  # another layout
    limits: list[str] = []
    real = derive.refresh

    def refresh(con, **kw):
        limits.append(_limit(con))
        if len(limits) == 1:
            try:
                raise duckdb.OutOfMemoryException("Out of Memory Error: could not allocate")
            except duckdb.Error as e:
                raise StoreError("E308", path=str(db), cause=str(e)) from e
        return real(con, **kw)

    monkeypatch.setattr(derive, "refresh", refresh)
    with Store(db, memory_limit="100MB") as store:
        assert _limit(store.con) == _as_duckdb_prints("100MB")
        cols = [r[1] for r in store.con.execute("PRAGMA table_info('event_groups')").fetchall()]
    assert len(limits) == 2 and limits[0] == _as_duckdb_prints("100MB") != limits[1]
    assert "unique_event_id" in cols  # rebuilt in the spec's layout


def test_scale_memory_out_of_memory_inside_the_incremental_update_is_retried(tmp_path, monkeypatch):
    """DuckDB aborts the transaction of a statement that ran out of memory and refuses every
    statement after it until a rollback. The incremental update restores its lookup settings
    (``storage.key_lookups``) on the way out: that must not replace the Out of Memory error
    with "transaction is aborted", which no retry answers (seen on an update of 1,500 articles
    into a store of 3.7M events: the ingest failed with E308 instead of retrying)."""
    import duckdb

    from flashpoint.store import dyad_periods

    db = tmp_path / "u.duckdb"
    with Store(db, memory_limit="256MB") as store:
        store.write([Analysis(article=a) for a in _articles("u", 2)])
        store.refresh()  # the bookkeeping: the next refresh is an incremental step
        store.write([Analysis(article=a) for a in _articles("v", 2)])
        real = dyad_periods.subtract_old
        calls: list[str] = []

        def subtract_old(con):
            calls.append(_limit(con))
            if len(calls) == 1:
                try:  # a statement fails inside the step's transaction, as one out of memory does
                    con.execute("SELECT error('Out of Memory Error: could not allocate')")
                except duckdb.Error:
                    pass
                raise duckdb.OutOfMemoryException("Out of Memory Error: could not allocate")
            return real(con)

        monkeypatch.setattr(dyad_periods, "subtract_old", subtract_old)
        stats = store.within_memory(store.refresh)
        assert stats.stories == 4
        assert calls[0] == "244.1 MiB" and calls[1] != calls[0]  # retried without the limit
        assert _limit(store.con) == "244.1 MiB"  # and the limit set again
        lookups = {k: store.con.execute("SELECT current_setting(?)", [k]).fetchall()[0][0]
                   for k in storage.LOOKUP_SETTINGS}
    default = storage.connect(tmp_path / "d.duckdb", read_only=False)
    try:
        assert lookups == {k: default.execute("SELECT current_setting(?)", [k]).fetchall()[0][0]
                           for k in storage.LOOKUP_SETTINGS}  # restored after both tries
    finally:
        storage.close(default)


def test_scale_memory_a_limit_below_what_duckdb_holds_keeps_the_default(tmp_path, monkeypatch):
    """DuckDB refuses a memory limit below what it holds and cannot evict (the ART indexes a
    write into a large store with random keys loaded): the store keeps DuckDB's default
    instead of failing the ingest whose work is done (it failed restoring the limit after its
    update, and again raising the limit before it)."""
    import duckdb

    from flashpoint.errors import StoreError

    real = storage.set_memory_limit
    refused: list[str] = []

    def set_memory_limit(con, limit, *, path=""):
        if limit == "64MB":
            refused.append(limit)
            try:
                raise duckdb.OutOfMemoryException(
                    "Out of Memory Error: Failed to change memory limit to 64000000")
            except duckdb.Error as e:
                raise StoreError("E303", path=path, cause=str(e)) from e
        return real(con, limit, path=path)

    monkeypatch.setattr(storage, "set_memory_limit", set_memory_limit)
    default = storage.connect(tmp_path / "d.duckdb", read_only=False)
    try:
        with Store(tmp_path / "l.duckdb", memory_limit="100MB") as store:
            store.set_memory_limit("64MB")
            assert refused == ["64MB"]
            assert _limit(store.con) == _limit(default)
            assert store.within_memory(lambda: 7) == 7  # nothing left to raise it from
            store.set_memory_limit("100MB")  # a limit DuckDB takes is still set
            assert _limit(store.con) == _as_duckdb_prints("100MB")
    finally:
        storage.close(default)


def test_scale_memory_other_limit_errors_are_raised(tmp_path):
    import pytest

    from flashpoint.errors import StoreError

    with Store(tmp_path / "m.duckdb") as store, pytest.raises(StoreError):
        store.set_memory_limit("lots")


"""Store writer: idempotent by content, one transaction per batch, schema version enforced."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from flashpoint.errors import StoreError, StoreUnusableError
from flashpoint.records import (
    Actor,
    Analysis,
    Article,
    Event,
    Skipped,
    Span,
    StatementCheck,
    content_id,
)
from flashpoint.store import Store, connect_readonly, queries

TEXT_A = (
    "Army units of Northland shelled a border post of Southland on Monday. "
    "Southland officials condemned the shelling and summoned the envoy."
)
TEXT_B = "Ministers of Southland and Eastland signed a trade agreement in the capital on Friday."


def _article(text: str, **kw) -> Article:
    kw.setdefault("published", dt.date(2024, 3, 6))
    return Article(id=content_id(text), text=text, **kw)


def _event(text: str, sentence: str, src: str, tgt: str, cameo: str, quad: int, gold: float,
           date: dt.date | None = None) -> Event:
    start = text.index(sentence)
    return Event(
        source=Actor(src, src, src[:3], src[3:] or None),
        target=Actor(tgt, tgt, tgt[:3], tgt[3:] or None),
        cameo=cameo, cameo_root=cameo[:2], plover=None, quad_class=quad, goldstein=gold,
        evidence=Span(sentence, start, start + len(sentence)), date=date,
        date_precision="day" if date else None,
    )


def _analysis_a(url: str = "https://one.example/a", source: str = "One") -> Analysis:
    art = _article(TEXT_A, title="Shelling", url=url, source=source)
    s1 = TEXT_A.split(". ")[0] + "."
    return Analysis(
        article=art,
        events=(
            _event(TEXT_A, s1, "NLDMIL", "SLD", "195", 4, -10.0, dt.date(2024, 3, 4)),
            _event(TEXT_A, "Southland officials condemned the shelling", "SLDGOV", "NLD", "122",
                   3, -2.0),
        ),
        statements=(StatementCheck("Northland shelled Southland.", "supported", 0.91,
                                   Span(s1, 0, len(s1)), "same actors and action"),),
    )


def _analysis_b() -> Analysis:
    art = _article(TEXT_B, title="Trade deal", source="Two")
    return Analysis(article=art, events=(
        _event(TEXT_B, TEXT_B, "SLDGOV", "ELDGOV", "057", 1, 8.0),))


def _skip(origin: str = "bad.bin", reason: str = "binary") -> Analysis:
    return Analysis(article=None, skipped=Skipped(reason, "NUL bytes at offset 3", origin))


@pytest.mark.parametrize("batch", [1, 64])
def test_store_rewrite_adds_nothing(tmp_path, batch):
    db = tmp_path / "t.duckdb"
    with Store(db, batch_articles=batch) as store:
        first = store.write([_analysis_a(), _analysis_b(), _skip()])
        store.refresh()
        counts = store.counts()
        again = store.write([_analysis_a(), _analysis_b(), _skip()])
        store.refresh()
        assert store.counts() == counts
    assert (first.articles_new, first.events, first.statements, first.skips_new) == (2, 3, 1, 1)
    assert (again.articles_new, again.articles_known, again.events, again.skips_new) == (0, 2, 0, 0)
    assert again.skips_known == 1
    assert counts["articles"] == 2 and counts["events"] == 3 and counts["skips"] == 1


def test_store_same_skip_other_origin_is_new(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        stats = store.write([_skip("a.bin"), _skip("b.bin"), _skip("a.bin"), _skip("a.bin", "empty")])
        assert stats.skips_new == 3
        assert stats.skips_by_reason == {"binary": 3, "empty": 1}


def test_store_exact_copy_elsewhere_is_a_sighting(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        store.write([_analysis_a()])
        stats = store.write([_analysis_a(url="https://two.example/x", source="Two")])
        store.refresh()
        assert stats.articles_new == 0 and stats.sightings_new == 1
        con = store.con
        row = con.execute("SELECT num_articles, num_sources, num_members FROM stories").fetchall()
        assert row == [(2, 2, 1)]
        # Both events are reported by two copies (sightings) of one article.
        ue = con.execute("SELECT num_mentions, num_articles, num_sources FROM unique_events "
                         "ORDER BY cameo").fetchall()
        assert ue == [(1, 2, 2), (1, 2, 2)]


def test_store_event_ids_are_deterministic(tmp_path):
    ids = []
    for name in ("one", "two"):
        with Store(tmp_path / f"{name}.duckdb") as store:
            store.write([_analysis_b(), _analysis_a()])
            ids.append(store.con.execute("SELECT id FROM events ORDER BY id").fetchall())
    assert ids[0] == ids[1] and len(ids[0]) == 3


def test_store_failed_batch_rolls_back(tmp_path):
    def items():
        yield _analysis_b()
        yield _analysis_a()
        yield _skip()
        raise RuntimeError("analysis crashed")

    db = tmp_path / "t.duckdb"
    with Store(db, batch_articles=2) as store:
        with pytest.raises(RuntimeError):
            store.write(items())
        # The committed batch is there, whole; the unfinished one is not.
        counts = store.counts()
        assert (counts["articles"], counts["events"], counts["skips"]) == (2, 3, 0)


def test_store_refuses_other_schema_version(tmp_path):
    db = tmp_path / "t.duckdb"
    with Store(db) as store:
        store.con.execute("UPDATE schema_version SET version = 999")
    with pytest.raises(StoreError, match="schema version"):
        Store(db)
    with pytest.raises(StoreError):
        connect_readonly(db)


def test_store_readonly_missing_file_is_clear(tmp_path):
    with pytest.raises(StoreError, match="not found"):
        connect_readonly(tmp_path / "nope.duckdb")


def test_store_queries_filter_events(tmp_path):
    db = tmp_path / "t.duckdb"
    with Store(db) as store:
        store.write([_analysis_a(), _analysis_b()])
        store.refresh()
    con = connect_readonly(db)
    try:
        both = queries.events(con, dyad="SLD-NLD")
        assert {e["cameo"] for e in both} == {"195", "122"}
        ordered = queries.events(con, dyad="NLD-SLD", ordered=True)
        assert [e["cameo"] for e in ordered] == ["195"]
        assert [e["cameo"] for e in queries.events(con, cameo_root="5")] == ["057"]
        assert [e["cameo"] for e in queries.events(con, since="2024-03-05")] != []
        assert all(e["day"] >= "2024-03-05" for e in queries.events(con, since="2024-03-05"))
        assert [e["cameo"] for e in queries.events(con, text="SHELLED")] == ["195"]
        assert queries.events(con, actor="ELDGOV")[0]["source_code"] == "SLDGOV"
        assert queries.count_events(con, country="SLD") == 3
        art = queries.article(con, content_id(TEXT_A))
        assert [e["cameo"] for e in art["events"]] == ["195", "122"]
        assert art["statements"][0]["verdict"] == "supported"
        ev = art["events"][0]
        assert TEXT_A[ev["evidence_start"]:ev["evidence_end"]] == ev["evidence_text"]
        assert queries.article(con, "0" * 16) is None
        assert queries.dyads(con)[0]["dyad"] == "NLD-SLD"
    finally:
        con.close()


@pytest.mark.parametrize("bad", ["PRK", "PRK-KOR-USA", "P'; DROP TABLE events;--KOR"])
def test_store_bad_dyad_is_input_error(bad):
    from flashpoint.errors import InputError

    with pytest.raises(InputError):
        queries.parse_dyad(bad)


def test_store_derived_table_with_old_layout_is_rebuilt(tmp_path):
    db = tmp_path / "t.duckdb"
    with Store(db) as store:
        store.write([_analysis_a()])
        store.refresh()
        store.con.execute("DROP TABLE event_groups")
        store.con.execute("CREATE TABLE event_groups (event_id VARCHAR, unique_event_id VARCHAR)")
    with Store(db) as store:
        cols = [r[1] for r in store.con.execute("PRAGMA table_info('event_groups')").fetchall()]
        assert cols[:8] == ["event_id", "unique_event_id", "day", "story_id", "article_id",
                            "article_seq", "published", "day_precision"]
        assert "source_country" in cols and "quad_class" in cols  # the events page's columns
        assert store.counts()["articles"] == 1  # primary data untouched
        store.refresh()
        assert store.counts()["event_groups"] == 2
        # the article's date, copied for the alerts' ranking of articles
        assert store.con.execute(
            "SELECT count(*) FROM event_groups g JOIN articles a ON a.id = g.article_id "
            "WHERE g.published IS NOT DISTINCT FROM a.published").fetchall() == [(2,)]


def test_store_sector_only_actors_are_no_dyad_party(tmp_path):
    """An actor with a sector but no country ("the military") must not become a dyad party."""
    import datetime as dt

    from flashpoint.records import Actor, Analysis, Article, Event, Span
    from flashpoint.store import Store, connect_readonly, queries

    text = "The military shelled the UN compound. Russia shelled Kyiv."
    first, second = Span(text[:37], 0, 37), Span(text[38:], 38, len(text))
    events = (
        Event(Actor("The military", "MIL", None, "MIL"), Actor("the UN", "IGOUNO", None, None),
              "190", "19", "ASSAULT", 4, -10.0, first, date=dt.date(2024, 1, 2)),
        Event(Actor("Russia", "RUS", "RUS", None), Actor("Kyiv", "UKRGOV", "UKR", "GOV"),
              "190", "19", "ASSAULT", 4, -10.0, second, date=dt.date(2024, 1, 2)),
    )
    article = Article(id="a1", text=text, published=dt.date(2024, 1, 2), source="s")
    db = tmp_path / "x.duckdb"
    with Store(db) as store:
        store.write([Analysis(article, events=events)])
        store.refresh()
    con = connect_readonly(db)
    try:
        assert [d["dyad"] for d in queries.dyads(con)] == ["RUS-UKR"]
    finally:
        con.close()


def test_store_tables_that_grow_have_no_key_or_index_over_article_ids(tmp_path):
    """DuckDB holds an index over random ids in memory whole once lookups touch it (~44
    bytes a row), so the tables that grow with every article have no key and no index over
    article ids (``columns.KEYLESS``); their rows carry the article's ingest order instead."""
    with Store(tmp_path / "t.duckdb") as store:
        store.write([_analysis_a(), _analysis_b()])
        store.refresh()
        keys = dict(store.con.execute(
            "SELECT table_name, constraint_column_names FROM duckdb_constraints() "
            "WHERE constraint_type = 'PRIMARY KEY'").fetchall())
        indexed = {r[0] for r in store.con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()}
        seqs = store.con.execute("SELECT id, seq FROM articles ORDER BY seq").fetchall()
        rows = {t: store.con.execute(
            f"SELECT DISTINCT x.article_seq = a.seq FROM {t} x JOIN articles a ON a.id = x.article_id"
        ).fetchall() for t in ("events", "sightings", "event_groups")}
    for table in ("articles", "sightings", "events", "statements", "event_groups", "unique_events"):
        assert table not in keys
    # the ones left grow with the signed articles only (docs/CAPACITY.md: what is left)
    assert indexed == {"members_story", "bands_key"}
    assert [s for _, s in seqs] == [1, 2]  # numbered in the order written
    assert rows == {t: [(True,)] for t in rows}


def test_store_keyless_events_are_never_written_twice(tmp_path):
    """Without a key, an article's events are written only with the new article, and an event
    told twice in one article (same evidence, code and actors) once."""
    db = tmp_path / "t.duckdb"
    a = _analysis_a()
    twice = Analysis(article=a.article, events=(*a.events, a.events[0]), statements=a.statements)
    with Store(db) as store:
        assert store.write([twice, twice]).events == 2
        assert store.write([a]).events == 0  # a re-run: the article is known
        store.refresh()
        assert store.counts()["events"] == 2 and store.counts()["event_groups"] == 2
        store.refresh(full=True)
        assert store.counts()["event_groups"] == 2


def _as_version_3(con) -> None:
    """Rewrite a store opened on ``con`` into the layout schema version 3 wrote: articles
    keyed by id without ``seq``, sightings and statements keyed, no ``article_seq``, the
    indexes by article id (rows kept; articles in reverse order of writing)."""
    from flashpoint.store.schema import TABLES

    def strip(ddl: str, column: str) -> str:
        return "\n".join(line for line in ddl.split("\n") if not line.strip().startswith(column))

    v3 = {
        "articles": strip(TABLES["articles"], "seq ").replace(
            "id VARCHAR NOT NULL,", "id VARCHAR PRIMARY KEY,"),
        "sightings": strip(TABLES["sightings"], "article_seq ").replace(
            "seen_at TIMESTAMP NOT NULL", "seen_at TIMESTAMP NOT NULL,\n PRIMARY KEY (article_id, key)"),
        "events": strip(TABLES["events"], "article_seq "),
        "statements": TABLES["statements"].replace(
            "reason VARCHAR", "reason VARCHAR,\n PRIMARY KEY (article_id, idx)"),
    }
    for (index,) in con.execute("SELECT index_name FROM duckdb_indexes()").fetchall():
        con.execute(f"DROP INDEX {index}")
    for table, ddl in v3.items():
        con.execute(f"ALTER TABLE {table} RENAME TO {table}_new")
        con.execute(ddl)
        order = "ORDER BY seq DESC" if table == "articles" else ""
        con.execute(f"INSERT INTO {table} BY NAME SELECT * EXCLUDE "
                    f"({'seq' if table == 'articles' else 'article_seq'}) FROM {table}_new {order}"
                    if table != "statements" else
                    f"INSERT INTO {table} BY NAME SELECT * FROM {table}_new")
        con.execute(f"DROP TABLE {table}_new")
    for ddl in ("CREATE INDEX events_article ON events(article_id)",
                "CREATE INDEX sightings_article ON sightings(article_id)"):
        con.execute(ddl)
    con.execute("UPDATE schema_version SET version = 3")


def test_store_a_version_3_file_is_migrated_to_the_seq_layout(tmp_path):
    """Opening a version-3 file for writing numbers its articles in the order they were
    written (rowid), gives every event and sighting its article's number, drops the keys and
    the indexes by article id, and rebuilds the derived tables; a re-run writes nothing new,
    a new article is numbered on, and the incremental update equals the full rebuild."""
    from flashpoint.store.schema import SCHEMA_VERSION

    db = tmp_path / "t.duckdb"
    with Store(db) as store:
        store.write([_analysis_a(), _analysis_b()])
        store.refresh()
        before = {t: store.con.execute(f"SELECT * EXCLUDE (article_seq) FROM {t} ORDER BY ALL")
                  .fetchall() for t in ("events", "sightings")}
        _as_version_3(store.con)
        written = [r[0] for r in store.con.execute("SELECT id FROM articles ORDER BY rowid").fetchall()]
    with pytest.raises(StoreUnusableError, match="E304"):
        connect_readonly(db)
    with Store(db) as store:
        con = store.con
        assert con.execute("SELECT DISTINCT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
        assert con.execute("SELECT id FROM articles ORDER BY seq").fetchall() == [(i,) for i in written]
        assert con.execute("SELECT seq FROM articles ORDER BY seq").fetchall() == [(1,), (2,)]
        for table, rows in before.items():
            assert con.execute(f"SELECT * EXCLUDE (article_seq) FROM {table} ORDER BY ALL").fetchall() == rows
            assert con.execute(f"SELECT DISTINCT x.article_seq = a.seq FROM {table} x "
                               "JOIN articles a ON a.id = x.article_id").fetchall() == [(True,)]
        keys = {r[0] for r in con.execute("SELECT table_name FROM duckdb_constraints() "
                                          "WHERE constraint_type = 'PRIMARY KEY'").fetchall()}
        assert not keys & {"articles", "sightings", "statements", "events", "unique_events"}
        assert not con.execute("SELECT index_name FROM duckdb_indexes() "
                               "WHERE index_name IN ('events_article', 'sightings_article')").fetchall()
        assert store.write([_analysis_a(), _analysis_b()]).articles_new == 0
        c = _analysis_a()
        other = Analysis(article=dataclasses.replace(c.article, id="c" * 16, url="https://x.example/c"),
                         events=c.events, statements=c.statements)
        assert store.write([other]).articles_new == 1
        assert con.execute("SELECT seq FROM articles WHERE id = ?", ["c" * 16]).fetchall() == [(3,)]
        store.refresh()
        incremental = {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
                       for t in ("stories", "story_members", "event_groups", "unique_events",
                                 "dyad_periods")}
        store.refresh(full=True)
        for table, rows in incremental.items():
            assert con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall() == rows, table
    connect_readonly(db).close()


def test_store_keyed_events_of_an_older_file_are_rebuilt_keyless(tmp_path):
    """A version-2 file keyed its events by id: opening it for writing moves the rows to the
    keyless layout (no index by article: found by ``article_seq``) and rebuilds the derived
    tables."""
    from flashpoint.store.schema import SCHEMA_VERSION, TABLES

    db = tmp_path / "t.duckdb"
    with Store(db) as store:
        store.write([_analysis_a(), _analysis_b()])
        store.refresh()
        con = store.con
        con.execute("CREATE TABLE old_events AS SELECT * FROM events")
        con.execute("DROP TABLE events")
        con.execute(TABLES["events"].replace("evidence_end INTEGER NOT NULL",
                                             "evidence_end INTEGER NOT NULL, PRIMARY KEY (id)"))
        con.execute("INSERT INTO events SELECT * FROM old_events")
        con.execute("DROP TABLE old_events")
        con.execute("DROP TABLE event_groups")
        con.execute(TABLES["event_groups"].replace("(\n    event_id VARCHAR,",
                                                       "(\n    event_id VARCHAR PRIMARY KEY,"))
        con.execute("UPDATE schema_version SET version = 2")
        keyed = dict(con.execute("SELECT table_name, constraint_column_names FROM duckdb_constraints() "
                                 "WHERE constraint_type = 'PRIMARY KEY'").fetchall())
        assert keyed["events"] == ["id"] and keyed["event_groups"] == ["event_id"]
        before = con.execute("SELECT * FROM events ORDER BY id").fetchall()
    with Store(db) as store:
        con = store.con
        keys = dict(con.execute("SELECT table_name, constraint_column_names FROM duckdb_constraints() "
                                "WHERE constraint_type = 'PRIMARY KEY'").fetchall())
        assert "events" not in keys and "event_groups" not in keys
        assert con.execute("SELECT * FROM events ORDER BY id").fetchall() == before
        assert not con.execute(
            "SELECT index_name FROM duckdb_indexes() WHERE table_name = 'events'").fetchall()
        assert con.execute("SELECT DISTINCT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
        store.refresh()
        assert store.counts()["event_groups"] == len(before)
    con = connect_readonly(db)  # a reader accepts the migrated file
    con.close()

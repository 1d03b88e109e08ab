"""Derived tables: stories (near-duplicate clusters), their members, and unique events.

Everything here is computed from the primary tables (articles, sightings, signatures, events)
that ``Store.write`` fills; nothing here writes a primary row except ``articles.story_id``.
Kept apart from the writer so that the row-writing half (``store.writer``) and the derived
half change independently.

Two ways to the same tables, each one transaction:

* ``refresh(con, full=True)`` rebuilds everything from the primary tables (and the LSH band
  index ``signature_bands``). Its cost grows with the store: 30 s at 10M events.
* ``refresh(con)`` (the default, run after every ingest and API write) updates only what the
  sightings written since the last step (``derive_state.watermark``) can change, so adding k
  articles costs time in proportion to k and to the near-duplicate candidates they touch:

  1. new articles' band keys go into ``signature_bands``; their candidates are found by key
     lookups there (``store.dedup``'s LSH banding, same ``MAX_LINKS`` window per band);
  2. leader clustering is order-dependent (publication date, then id), so an article that
     arrives late but is dated early can change the best earlier match of later articles
     that share a band with it: those articles, and every member of their stories, are
     re-clustered in order with ``dedup.best_match``, the rule of the full clustering;
  3. the stories of everything re-clustered or seen again are recomputed, then the event
     groups of their articles (an event's day depends on its story's first publication) and
     every unique event those groups belonged to or now belong to;
  4. the alerts' counts per dyad and period (``dyad_periods``) are corrected by the
     difference those rows make (``store.dyad_periods``).

  The result equals the full rebuild's (``tests/test_store_derive.py`` checks it on random
  interleavings of ingests). A store without bookkeeping, or whose derived layout or dedup
  parameters changed (``derive_state.layout``), gets a full rebuild instead.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..columns import (
    ARTICLES,
    EVENT_GROUPS,
    EVENTS,
    STORY_MEMBERS,
    UNIQUE_EVENTS,
    member_rows,
    select_list,
)
from . import dedup, dyad_periods, storage
from .schema import (
    BOOKKEEPING_TABLES,
    DERIVED_TABLES,
    INDEXES,
    TABLES,
    event_day_precision_sql,
    event_day_sql,
    mentions_of,
)


@dataclass(frozen=True)
class RefreshStats:
    """Result of rebuilding the derived tables."""

    stories: int
    articles_merged: int  # articles that joined an earlier article's story
    unique_events: int
    events: int


# The grouping of events into unique events (same source code, target code, CAMEO code, day,
# negation). Events whose actors are both unknown are never merged with one another.
# ``{events}`` and the other table names are the tables themselves for the full rebuild, which
# runs on tables dropped and re-created empty (DELETE of a million rows under a primary-key
# index takes DuckDB ~30 s, DROP + CREATE takes nothing), and temporary copies of the touched
# rows for the incremental step, which deletes and re-inserts the few rows it touches.
# Both tables are written in day order: DuckDB keeps each row group's min and max day, so a
# query bounded by days (a page newest first, the alerts' periods) reads only the row groups
# of those days. The incremental step appends its rows at the end (mostly recent days);
# ``refresh --full`` puts everything back in order.
_GROUP_COPIED = [c for c in EVENT_GROUPS.columns if c.name in EVENTS.names("duckdb")]
EVENT_GROUPS_SQL = f"""
    INSERT INTO event_groups BY NAME
    SELECT id AS event_id, md5(concat_ws('|',
               coalesce(source_code, '-'), coalesce(target_code, '-'), cameo,
               coalesce(CAST(day AS VARCHAR), '-'), CAST(negated AS VARCHAR),
               CASE WHEN source_code IS NULL AND target_code IS NULL THEN id ELSE '' END
           ))[1:16] AS unique_event_id,
           * EXCLUDE (id, cameo)
    FROM (
        SELECT ev.id, ev.cameo, {select_list(_GROUP_COPIED, "ev")}, a.published,
               coalesce(m.story_id, ev.article_id) AS story_id,
               {event_day_sql("ev", "a", "st")} AS day,
               {event_day_precision_sql("ev", "a", "st")} AS day_precision
        FROM {{events}} ev
        JOIN {{articles}} a ON a.seq = ev.article_seq
        LEFT JOIN {{story_members}} m ON m.article_id = ev.article_id
        LEFT JOIN {{stories}} st ON st.story_id = m.story_id
    )
    ORDER BY day
"""

# The mention columns a unique event is made of: the keys and the event columns it keeps
# (not the dates or locations). Of the evidence texts it keeps the earliest mention's:
# events has no key, so a page or an alert looking that mention up by id would read every
# event, or fetch every event of its article through the index (docs/CAPACITY.md).
_GROUPED = [*EVENTS.keys(),
            *(c for c in EVENTS.fields() if c.name in UNIQUE_EVENTS.names("duckdb"))]
UNIQUE_EVENTS_SQL = f"""
    INSERT INTO unique_events BY NAME
    WITH k AS (
        -- only the columns the groups need (of the texts, only the evidence kept for the
        -- earliest mention); the publication date is the one event_groups copied from the
        -- article. Read once, so DuckDB streams it into the aggregate: read twice (the counts
        -- below took their articles from it), it was held whole, and the rebuild of 100,000
        -- articles needed 384 MB, not 256.
        SELECT {select_list(_GROUPED, "ev")},
               g.published, g.story_id, g.day, g.day_precision, g.unique_event_id AS gid,
               -- a party is a country or an organisation (IGOUNO); a bare sector code
               -- ("GOV", "MIL": an actor whose country is unknown) is no dyad party
               coalesce(ev.source_country,
                        CASE WHEN length(ev.source_code) > 3 THEN ev.source_code END)
                   AS source_party,
               coalesce(ev.target_country,
                        CASE WHEN length(ev.target_code) > 3 THEN ev.target_code END)
                   AS target_party
        FROM {{event_groups}} g
        JOIN {{events}} ev ON ev.id = g.event_id
        WHERE {{days_filter}}
    ), arts AS (
        SELECT DISTINCT g.unique_event_id AS gid, g.article_seq FROM {{event_groups}} g
        WHERE {{days_filter}}
    ), counts AS (
        -- per unique event: the sightings of its articles (an article never sighted counts
        -- once) and their distinct sources (1 when none was sighted), in one aggregate
        SELECT arts.gid, count(*) AS num_articles,
               CASE WHEN count(si.article_seq) = 0 THEN 1 ELSE count(DISTINCT si.source) END
                   AS num_sources
        FROM arts LEFT JOIN {{sightings}} si ON si.article_seq = arts.article_seq
        GROUP BY arts.gid
    ), g AS (
        SELECT gid,
               any_value(day) AS day,
               any_value(source_code) AS source_code,
               any_value(source_country) AS source_country,
               arg_min(source_text, (coalesce(published, DATE '9999-12-31'), article_id, idx))
                   AS source_text,
               any_value(target_code) AS target_code,
               any_value(target_country) AS target_country,
               arg_min(target_text, (coalesce(published, DATE '9999-12-31'), article_id, idx))
                   AS target_text,
               any_value(source_party) AS source_party,
               any_value(target_party) AS target_party,
               any_value(cameo) AS cameo,
               any_value(cameo_root) AS cameo_root,
               any_value(plover) AS plover,
               any_value(quad_class) AS quad_class,
               min(goldstein) AS goldstein,
               any_value(negated) AS negated,
               arg_min(modality, (coalesce(published, DATE '9999-12-31'), article_id, idx))
                   AS modality,
               count(*) AS num_mentions,
               count(DISTINCT story_id) AS num_stories,
               arg_min(id, (coalesce(published, DATE '9999-12-31'), article_id, idx))
                   AS first_event_id,
               arg_min(article_id, (coalesce(published, DATE '9999-12-31'), article_id, idx))
                   AS first_article_id,
               arg_min(article_seq, (coalesce(published, DATE '9999-12-31'), article_id, idx))
                   AS first_article_seq,
               arg_min(day_precision, (coalesce(published, DATE '9999-12-31'), article_id, idx))
                   AS day_precision,
               arg_min(evidence_text, (coalesce(published, DATE '9999-12-31'), article_id, idx))
                   AS evidence_text
        FROM k GROUP BY gid
    )
    SELECT g.* EXCLUDE (gid), gid AS id, c.* EXCLUDE (gid)
    FROM g JOIN counts c USING (gid)
    ORDER BY g.day
"""


# ``{story_articles}``: id, seq, title and publication of the stories' members (the incremental
# step's copy, found by one scan of the articles' ids); ``{story_sightings}`` joined by seq.
STORIES_SQL = """
    INSERT INTO stories BY NAME
    WITH mm AS (
        SELECT m.*, a.seq, a.published FROM story_members m
        JOIN {story_articles} a ON a.id = m.article_id
        WHERE {stories_filter}
    ), sight AS (
        SELECT mm.story_id, count(*) AS n, count(DISTINCT si.source) AS ns
        FROM mm JOIN {story_sightings} si ON si.article_seq = mm.seq
        GROUP BY mm.story_id
    )
    SELECT mm.story_id, any_value(r.title) AS title,
           coalesce(any_value(sight.n), count(*)) AS num_articles,
           coalesce(any_value(sight.ns), 1) AS num_sources, count(*) AS num_members,
           min(mm.published) AS first_published, max(mm.published) AS last_published
    FROM mm
    JOIN {story_articles} r ON r.id = mm.story_id
    LEFT JOIN sight ON sight.story_id = mm.story_id
    GROUP BY mm.story_id
"""

# articles.story_id mirrors story_members (the one primary column this module writes).
STORY_IDS_SQL = """
    UPDATE articles SET story_id = m.story_id FROM story_members m
    WHERE m.article_id = articles.id AND articles.story_id IS DISTINCT FROM m.story_id
      AND {members_filter}
"""

# The full rebuild reads the tables themselves; the incremental step reads small temporary
# copies of the rows it touches (``_touched``), fetched by lookups (an article's rows by its
# ``seq``, a unique event's mentions by its day, a story's members through the members' index),
# so no join of these statements ever scans a whole table (a hash join's build side must be
# the small one).
_TABLES = {name: name for name in ("events", "articles", "story_members", "stories",
                                    "event_groups", "sightings")}
_ALL = {"stories_filter": "TRUE", "members_filter": "TRUE", "days_filter": "TRUE",
        "story_articles": "articles", "story_sightings": "sightings", **_TABLES}
_SOME = {
    "stories_filter": "m.story_id IN (SELECT v FROM _d_stories)",
    "members_filter": "m.article_id IN (SELECT v FROM _d_members)",
    "days_filter": "TRUE",
    **{name: f"_t_{name}" for name in _TABLES},
    # the stories' members and their sightings (``_rederive``)
    "story_articles": "_t_story_articles", "story_sightings": "_t_story_sightings",
}
def layout_fingerprint() -> str:
    """What the derived tables were built with: their DDL and the dedup parameters. When it
    changes, the incremental step cannot build on them and a full rebuild runs instead."""
    parts = [TABLES[t] for t in (*DERIVED_TABLES, *BOOKKEEPING_TABLES)]
    parts += [EVENT_GROUPS_SQL, UNIQUE_EVENTS_SQL, STORIES_SQL, dyad_periods.SUMS_SQL,
              dyad_periods.HITS_SQL]
    parts.append(repr((dedup.SHINGLE_SIZE, dedup.NUM_PERM, dedup.THRESHOLD, dedup.BANDS,
                       dedup.ROWS, dedup.MAX_LINKS, dedup._SEED)))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def refresh(con: Any, *, full: bool = False, path: str | Path = "") -> RefreshStats:
    """Bring the derived tables of the database open on ``con`` up to date, in one
    transaction: incrementally (the sightings written since the last step), or rebuilt
    whole when ``full`` or when the store has no usable bookkeeping. ``path`` only names
    the file in errors."""
    with storage.translated("E308", path=path):
        if not full and _state(con) is None:
            full = True
        try:
            return _refresh_full(con) if full else _refresh_incremental(con)
        except BaseException:
            storage.rollback(con)
            raise


def invalidate(con: Any) -> None:
    """Forget the bookkeeping (a derived table was dropped or re-created empty): the next
    ``refresh`` rebuilds everything instead of updating."""
    con.execute("DELETE FROM derive_state")


def _state(con: Any) -> dt.datetime | None:
    """The watermark when the bookkeeping is usable for an incremental step, else None."""
    rows = con.execute("SELECT watermark, layout FROM derive_state").fetchall()
    if len(rows) != 1 or rows[0][1] != layout_fingerprint():
        return None
    return rows[0][0] or dt.datetime.min


def _stats(con: Any) -> RefreshStats:
    def one(sql: str) -> int:
        return int(con.execute(sql).fetchall()[0][0])

    return RefreshStats(
        stories=one("SELECT count(*) FROM stories"),
        # every story has one representative, every other member matched an earlier one:
        # two row counts, no scan of the members' column
        articles_merged=one("SELECT (SELECT count(*) FROM story_members) - "
                            "(SELECT count(*) FROM stories)"),
        unique_events=one("SELECT count(*) FROM unique_events"),
        events=one("SELECT count(*) FROM events"),
    )


def _clock() -> dt.datetime:
    """Now, as the writer stamps sightings (UTC, to the second)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _set_watermark(con: Any, started: dt.datetime) -> None:
    """Record where the next step starts: the second this one started. Sightings are
    stamped to the second, so one written later in that second must still be picked up;
    the few of that second already derived are derived again (giving the same rows)."""
    con.execute("DELETE FROM derive_state")
    con.execute("INSERT INTO derive_state VALUES (?, ?)", [started, layout_fingerprint()])


# -- full rebuild --------------------------------------------------------------------------------

_BAND_ROWS_CHUNK = 65_536  # articles per insert into signature_bands (bounded memory)


# Mentions grouped per unique-events statement of the full rebuild. Its aggregate (arg_min
# over the mentions, distinct stories) is held in memory and does not spill: at 1M mentions
# it ran out of an ingest's 256 MB (docs/CAPACITY.md). A unique event lies within one day
# (the day is part of its key), so slices of whole days group exactly what one statement
# would, and slices written in day order keep the table in day order.
UNIQUE_SLICE_MENTIONS = 200_000


def _day_slices(con: Any, mentions: int) -> list[str]:
    """SQL filters over ``g.day`` that cut the event groups into runs of whole days of about
    ``mentions`` rows each (a day with more is one slice), in day order, undated last."""
    days = con.execute(
        "SELECT day, count(*) FROM event_groups WHERE day IS NOT NULL GROUP BY day ORDER BY day"
    ).fetchall()
    slices, first, size = [], None, 0
    for day, n in days:
        if first is None:
            first = day
        size += n
        if size >= mentions:
            slices.append(f"g.day BETWEEN DATE '{first}' AND DATE '{day}'")
            first, size = None, 0
    if first is not None:
        slices.append(f"g.day >= DATE '{first}'")
    return [*slices, "g.day IS NULL"]


def _refresh_full(con: Any) -> RefreshStats:
    import pyarrow as pa

    started = _clock()
    con.begin()  # the signatures read and the tables written are of one snapshot
    ids, stack = _signature_stack(con)
    keys = dedup.band_keys(stack)
    stories = dedup.cluster_stack(ids, stack, keys=keys)
    del stack
    tbl = pa.Table.from_pylist(member_rows(stories), schema=STORY_MEMBERS.arrow_schema("duckdb"))
    for name in (*DERIVED_TABLES, *BOOKKEEPING_TABLES):  # rebuilt whole: drop and re-create
        con.execute(f"DROP TABLE IF EXISTS {name}")
        con.execute(TABLES[name])
    for lo in range(0, len(ids), _BAND_ROWS_CHUNK):
        _insert_bands(con, ids[lo : lo + _BAND_ROWS_CHUNK], keys[lo : lo + _BAND_ROWS_CHUNK])
    con.register("_members", tbl)
    con.execute("INSERT INTO story_members BY NAME SELECT * FROM _members")
    con.unregister("_members")
    # The clustering's arrays and rows are stored: free them before DuckDB's joins need
    # their memory (at 100,000 articles ~270 MB would stay held until the commit).
    del ids, keys, stories, tbl
    con.execute(STORIES_SQL.format(**_ALL))
    con.execute(STORY_IDS_SQL.format(**_ALL))
    con.execute(EVENT_GROUPS_SQL.format(**_ALL))
    for days in _day_slices(con, UNIQUE_SLICE_MENTIONS):
        con.execute(UNIQUE_EVENTS_SQL.format(**{**_ALL, "days_filter": days}))
    dyad_periods.rebuild(con)
    for ddl in INDEXES:  # built once over the filled tables, faster than row by row
        con.execute(ddl)
    _set_watermark(con, started)
    stats = _stats(con)
    con.commit()
    return stats


def _insert_bands(con: Any, ids: list[str], keys: np.ndarray) -> None:
    import pyarrow as pa

    if not ids:
        return
    tbl = pa.table({
        "band_key": pa.array(keys.reshape(-1), type=pa.uint64()),
        "article_id": pa.array(np.repeat(np.array(ids, dtype=object), keys.shape[1])),
    })
    con.register("_bands", tbl)
    con.execute("INSERT INTO signature_bands BY NAME SELECT * FROM _bands")
    con.unregister("_bands")


# -- incremental step ----------------------------------------------------------------------------

OrderKey = tuple[bool, dt.date, str]


def _order(published: dt.date | None, article_id: str) -> OrderKey:
    """The clustering order of the full rebuild: publication date (NULLS LAST), then id."""
    return (published is None, published or dt.date.min, article_id)


def _temp_ids(con: Any, name: str, values: Iterable[str]) -> None:
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT unnest(?::VARCHAR[]) AS v",
                [sorted(set(values))])


def _temp_seqs(con: Any, name: str, seqs: dict[str, int]) -> None:
    """Temporary table ``name`` of articles: ``v`` their ids, ``s`` their seqs (the filter of
    every lookup of their rows: no index over random ids, docs/CAPACITY.md)."""
    ids = sorted(seqs)
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS "
                "SELECT unnest(?::VARCHAR[]) AS v, unnest(?::BIGINT[]) AS s",
                [ids, [seqs[i] for i in ids]])


def _seqs(con: Any, ids: str) -> dict[str, int]:
    """``{id: seq}`` of the articles whose ids the SQL ``ids`` selects: one scan of the
    articles' id column (it has no index), for articles known only by id (a story's
    members, near-duplicate candidates)."""
    return dict(con.execute(f"SELECT id, seq FROM articles WHERE id IN ({ids})").fetchall())


def _column(con: Any, sql: str, params: list[Any] | None = None) -> set[str]:
    return {r[0] for r in con.execute(sql, params or []).fetchall() if r[0] is not None}


def _refresh_incremental(con: Any) -> RefreshStats:
    with storage.key_lookups(con):  # every read of the step is a lookup by key
        return _update(con)


def _update(con: Any) -> RefreshStats:
    con.begin()
    since = _state(con) or dt.datetime.min  # refresh() checked it is usable
    started = max(_clock(), since)
    # sightings are appended in the order they were seen: min/max of seen_at prunes the rest
    changed = dict(con.execute("SELECT DISTINCT article_id, article_seq FROM sightings "
                               "WHERE seen_at >= ?", [since]).fetchall())
    if changed:
        _temp_seqs(con, "_d_changed", changed)
        stories = _restory(con)
        stories |= _column(con, "SELECT story_id FROM story_members "
                                "WHERE article_id IN (SELECT v FROM _d_changed)")
        _rederive(con, stories, changed)
        # Nothing seen since the last step: the watermark stays, nothing is written (a
        # refresh with nothing to do leaves the file, and its replica, as they were).
        _set_watermark(con, started)
    stats = _stats(con)
    con.commit()
    return stats


RESTORY_CHUNK = 4_096  # new articles clustered per pass: bounds the Python side of an update


def _restory(con: Any) -> set[str]:
    """Cluster the new signed articles into stories, re-clustering the old articles whose
    best earlier match they can change; returns every story id touched (old and new).

    The new articles go in passes of ``RESTORY_CHUNK``, in clustering order, each pass an
    incremental step over the articles banded before it (so the result is the one a single
    pass gives: incremental == full holds after every step). One pass held the signatures,
    band keys and band groups of every new article at once: +250 MB for the 100,000 of a
    large ingest, for which the final update was its peak."""
    con.execute("CREATE OR REPLACE TEMP TABLE _d_new AS SELECT * FROM _d_changed WHERE v NOT IN "
                "(SELECT article_id FROM story_members "
                "WHERE article_id IN (SELECT v FROM _d_changed))")
    ordered = [aid for _, aid in sorted(
        (_order(pub, aid), aid) for aid, pub in con.execute(
            "SELECT s.article_id, a.published "
            "FROM (SELECT article_id FROM signatures WHERE article_id IN (SELECT v FROM _d_new)) s "
            "JOIN (SELECT id, published FROM articles WHERE seq IN (SELECT s FROM _d_new)) a "
            "ON a.id = s.article_id").fetchall()
    )]
    touched: set[str] = set()
    for lo in range(0, len(ordered), RESTORY_CHUNK):
        _temp_ids(con, "_d_chunk", ordered[lo : lo + RESTORY_CHUNK])
        touched |= _restory_pass(con, "_d_chunk")
    return touched


def _restory_pass(con: Any, chunk: str) -> set[str]:
    """One pass of ``_restory``: the new articles listed in the temporary table ``chunk``."""
    import pyarrow as pa

    new = _signatures(con, chunk)
    if not new:
        return set()
    new_ids = list(new)
    new_keys = dedup.band_keys(np.stack([new[a][1] for a in new_ids]))
    _insert_bands(con, new_ids, new_keys)
    groups = _groups(con, new_keys.reshape(-1))
    # An old article is disturbed when a new one enters its window of earlier candidates.
    disturbed = set()
    for members in groups.values():
        for pos, (_, aid) in enumerate(members):
            if aid in new:
                disturbed.update(a for _, a in members[pos + 1 : pos + 1 + dedup.MAX_LINKS])
    disturbed -= set(new)
    old_stories: set[str] = set()
    redo = dict(new)
    if disturbed:
        _temp_ids(con, "_d_disturbed", disturbed)
        old_stories = _column(con, "SELECT story_id FROM story_members "
                                   "WHERE article_id IN (SELECT v FROM _d_disturbed)")
        _temp_ids(con, "_d_stories", old_stories)
        again = _column(con, "SELECT article_id FROM story_members "
                             "WHERE story_id IN (SELECT v FROM _d_stories)")
        _temp_ids(con, "_d_again", again)
        redo |= _signatures(con, "_d_again")
    keys = {a: k for a, k in zip(new_ids, new_keys, strict=True)}
    rest = [a for a in redo if a not in keys]
    if rest:
        rest_keys = dedup.band_keys(np.stack([redo[a][1] for a in rest]))
        keys |= dict(zip(rest, rest_keys, strict=True))
        known = np.fromiter(groups, dtype=np.uint64, count=len(groups))
        groups |= _groups(con, np.setdiff1d(rest_keys.reshape(-1), known))
    members = _recluster(con, redo, keys, groups)
    _temp_ids(con, "_d_members", redo)
    con.execute("DELETE FROM story_members WHERE article_id IN (SELECT v FROM _d_members)")
    con.register("_members", pa.Table.from_pylist(members, schema=STORY_MEMBERS.arrow_schema("duckdb")))
    con.execute("INSERT INTO story_members BY NAME SELECT * FROM _members")
    con.unregister("_members")
    con.execute(STORY_IDS_SQL.format(**_SOME))
    return old_stories | {m["story_id"] for m in members}


def _signatures(con: Any, ids: str) -> dict[str, tuple[OrderKey, np.ndarray]]:
    """Signature and clustering order of the articles listed in the temporary table ``ids``
    (each side looked up by key, so neither table is scanned)."""
    rows = con.execute(
        "SELECT s.article_id, s.minhash, a.published "
        f"FROM (SELECT * FROM signatures WHERE article_id IN (SELECT v FROM {ids})) s "
        f"JOIN (SELECT id, published FROM articles WHERE id IN (SELECT v FROM {ids})) a "
        "ON a.id = s.article_id"
    ).fetchall()
    return {aid: (_order(pub, aid), dedup.from_bytes(blob)) for aid, blob, pub in rows}


def _groups(con: Any, keys: np.ndarray) -> dict[int, list[tuple[OrderKey, str]]]:
    """Band key -> the signed articles sharing it, in clustering order."""
    import pyarrow as pa

    keys = np.unique(keys)
    if not len(keys):
        return {}
    con.register("_keys", pa.table({"k": pa.array(keys, type=pa.uint64())}))
    con.execute("CREATE OR REPLACE TEMP TABLE _t_bands AS SELECT band_key, article_id "
                "FROM signature_bands WHERE band_key IN (SELECT k FROM _keys)")
    rows = con.execute(
        "SELECT b.band_key, b.article_id, a.published FROM _t_bands b JOIN "
        "(SELECT id, published FROM articles WHERE id IN (SELECT article_id FROM _t_bands)) a "
        "ON a.id = b.article_id"
    ).fetchall()
    con.unregister("_keys")
    groups: dict[int, list[tuple[OrderKey, str]]] = {int(k): [] for k in keys}
    for key, aid, pub in rows:
        groups[int(key)].append((_order(pub, aid), aid))
    for members in groups.values():
        members.sort()
    return groups


def _recluster(
    con: Any,
    redo: dict[str, tuple[OrderKey, np.ndarray]],
    keys: dict[str, np.ndarray],
    groups: dict[int, list[tuple[OrderKey, str]]],
) -> list[dict[str, Any]]:
    """Story membership of the ``redo`` articles, in clustering order (dedup's rule)."""
    windows: dict[str, set[str]] = {}
    for aid in redo:
        cands: set[str] = set()
        for key in keys[aid]:
            members = groups[int(key)]
            pos = members.index((redo[aid][0], aid))
            cands.update(a for _, a in members[max(0, pos - dedup.MAX_LINKS) : pos])
        windows[aid] = cands
    outside = set().union(*windows.values()) - set(redo)
    sigs = {a: sig for a, (_, sig) in redo.items()}
    story_of: dict[str, str] = {}
    if outside:
        _temp_ids(con, "_d_outside", outside)
        sigs |= {a: s for a, (_, s) in _signatures(con, "_d_outside").items()}
        story_of |= dict(con.execute(
            "SELECT article_id, story_id FROM story_members "
            "WHERE article_id IN (SELECT v FROM _d_outside)").fetchall())
    rows = []
    for aid in sorted(redo, key=lambda a: redo[a][0]):
        cand_ids = sorted(windows[aid])
        sig = sigs[aid]
        pick = dedup.best_match(
            sig, np.stack([sigs[c] for c in cand_ids]) if cand_ids else np.empty((0, 0)),
            cand_ids,
        )
        if pick < 0:
            story_of[aid] = aid
            member = dedup.Member(aid, 1.0, None, "representative")
            rows.append(STORY_MEMBERS.row("duckdb", member, story_id=aid))
        else:
            best = cand_ids[pick]
            story_of[aid] = story_of[best]
            sim = round(dedup.similarity(sigs[best], sig), 4)
            member = dedup.Member(aid, sim, best, "near_duplicate")
            rows.append(STORY_MEMBERS.row("duckdb", member, story_id=story_of[best]))
    return rows


def _rederive(con: Any, stories: set[str], changed: dict[str, int]) -> None:
    """Recompute the given stories, then the event groups of their articles and of the
    ``changed`` ones (id -> seq), then every unique event those groups touch (before and
    after). Every per-article row is found by its article's seq (``columns.KEYLESS``)."""
    _temp_ids(con, "_d_stories", stories)
    con.execute("DELETE FROM stories WHERE story_id IN (SELECT v FROM _d_stories)")
    con.execute("CREATE OR REPLACE TEMP TABLE _t_story_members AS SELECT article_id, story_id "
                "FROM story_members WHERE story_id IN (SELECT v FROM _d_stories)")
    members = _seqs(con, "SELECT article_id FROM _t_story_members UNION "
                         "SELECT story_id FROM _t_story_members") if stories else {}
    _temp_seqs(con, "_d_story_articles", members)
    _touched(con, {
        "story_articles": ("articles", "seq IN (SELECT s FROM _d_story_articles)"),
        "story_sightings": ("sightings", "article_seq IN (SELECT s FROM _d_story_articles)"),
    })
    con.execute(STORIES_SQL.format(**_SOME))
    articles = {**changed, **members}
    _temp_seqs(con, "_d_articles", articles)
    # the unique events touched, with their day (their mentions are found by it: mentions_of)
    touched = ("SELECT DISTINCT unique_event_id, day FROM event_groups "
               "WHERE article_seq IN (SELECT s FROM _d_articles)")
    groups = set(con.execute(touched).fetchall())
    dyad_periods.keep_old_groups(con)
    con.execute("DELETE FROM event_groups WHERE article_seq IN (SELECT s FROM _d_articles)")
    _touched(con, {
        "events": "article_seq IN (SELECT s FROM _d_articles)",
        "articles": "seq IN (SELECT s FROM _d_articles)",
        "story_members": "article_id IN (SELECT v FROM _d_articles)",
        "stories": "story_id IN (SELECT story_id FROM _t_story_members)",
    })
    con.execute(EVENT_GROUPS_SQL.format(**_SOME))
    groups |= set(con.execute(touched).fetchall())
    ids = sorted(groups, key=lambda g: (g[0], g[1] or dt.date.min))
    con.execute("CREATE OR REPLACE TEMP TABLE _d_groups AS "
                "SELECT unnest(?::VARCHAR[]) AS v, unnest(?::DATE[]) AS day",
                [[g[0] for g in ids], [g[1] for g in ids]])
    dyad_periods.subtract_old(con)
    for on_day in ("day IN (SELECT day FROM _d_groups)", "day IS NULL"):  # as schema.by_day
        con.execute(f"DELETE FROM unique_events WHERE {on_day} AND id IN (SELECT v FROM _d_groups)")
    con.execute(f"CREATE OR REPLACE TEMP TABLE _t_event_groups AS {mentions_of('_d_groups')}")
    _touched(con, {
        # events has no key: found through their articles' seqs, then kept by id
        "events": ("article_seq IN (SELECT article_seq FROM _t_event_groups)",
                   "id IN (SELECT event_id FROM _t_event_groups)"),
        "sightings": "article_seq IN (SELECT article_seq FROM _t_event_groups)",
    })
    con.execute(UNIQUE_EVENTS_SQL.format(**_SOME))
    dyad_periods.add_new(con)


def _touched(con: Any, filters: dict[str, str | tuple[str, ...]]) -> None:
    """Copy the rows of each table that its filter (a lookup) selects into ``_t_<name>``, in
    order, for the derived-table SQL to join instead of the whole tables. A filter may be a
    pair: the lookup, then a condition the rows it found must meet (``storage.lookup_then``);
    or it names its table: ``(table, lookup)``."""
    for name, where in filters.items():
        table = name
        if isinstance(where, tuple) and where[0] in _TABLES:
            table, where = where[0], where[1]
        cols = _ARTICLE_COLS if table == "articles" else "*"  # not the texts
        if isinstance(where, tuple):
            con.execute(f"CREATE OR REPLACE TEMP TABLE _t_{name} AS "
                        + storage.lookup_then(f"SELECT {cols} FROM {table}", *where))
        else:
            con.execute(f"CREATE OR REPLACE TEMP TABLE _t_{name} AS "
                        f"SELECT {cols} FROM {table} WHERE {where}")


_ARTICLE_COLS = select_list(ARTICLES.pick("id", "seq", "title", "published"))
_SIGNED = "FROM signatures s JOIN articles a ON a.id = s.article_id"
_STACK_BATCH = 4_096  # signatures per record batch read into the stack


def _signature_stack(con: Any) -> tuple[list[str], np.ndarray]:
    """Ids and signatures of every signed article, in clustering order (publication date,
    NULLS LAST, then id), the signatures as one ``(n, NUM_PERM)`` array filled in place from
    Arrow record batches. Row by row (a tuple and an array per article) and then stacked, the
    read held the signatures three times over: at 93,000 articles it was the largest part of
    the final rebuild's Python memory. Each signed article appears once (``signatures`` is
    keyed by article); call it inside the rebuild's transaction, so the count and the rows
    agree."""
    n = int(con.execute(f"SELECT count(*) {_SIGNED}").fetchall()[0][0])
    stack = np.empty((n, dedup.NUM_PERM), dtype=np.uint32)
    ids: list[str] = []
    reader = con.sql(
        f"SELECT s.article_id, s.minhash {_SIGNED} ORDER BY a.published NULLS LAST, a.id"
    ).to_arrow_reader(_STACK_BATCH)
    for batch in reader:
        rows = batch.num_rows
        blobs = b"".join(batch.column(1).to_pylist())
        stack[len(ids) : len(ids) + rows] = np.frombuffer(blobs, dtype="<u4").reshape(
            rows, dedup.NUM_PERM)
        ids.extend(batch.column(0).to_pylist())
    if len(ids) != n:
        raise RuntimeError(f"read {len(ids)} signatures of the {n} counted")
    return ids, stack


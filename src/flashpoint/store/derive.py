"""Derived tables: stories (near-duplicate clusters), their members, and unique events.

Everything here is computed from the primary tables (articles, sightings, signatures, events)
that ``Store.write`` fills; nothing here writes a primary row except ``articles.story_id``.
Kept apart from the writer so that the row-writing half (``store.writer``) and the derived
half change independently. ``refresh`` rebuilds every derived table as a whole, in one
transaction, so the result is deterministic whatever the history of interrupted runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import dedup, storage
from .schema import DERIVED_TABLES, INDEXES, TABLES, event_day_precision_sql, event_day_sql


@dataclass(frozen=True)
class RefreshStats:
    """Result of rebuilding the derived tables."""

    stories: int
    articles_merged: int  # articles that joined an earlier article's story
    unique_events: int
    events: int


def _members_schema() -> Any:
    import pyarrow as pa

    s = pa.string()
    return pa.schema([
        ("article_id", s), ("story_id", s), ("similarity", pa.float64()), ("matched_id", s),
        ("method", s),
    ])


# The grouping of events into unique events (same source code, target code, CAMEO code, day,
# negation). Events whose actors are both unknown are never merged with one another.
# Run after the derived tables were dropped and re-created empty (refresh): DELETE of a
# million rows under a primary-key index takes DuckDB ~30 s, DROP + CREATE takes nothing.
REFRESH_UNIQUE_EVENTS = f"""
    INSERT INTO event_groups
    SELECT id, md5(concat_ws('|',
               coalesce(source_code, '-'), coalesce(target_code, '-'), cameo,
               coalesce(CAST(day AS VARCHAR), '-'), CAST(negated AS VARCHAR),
               CASE WHEN source_code IS NULL AND target_code IS NULL THEN id ELSE '' END
           ))[1:16],
           day, story_id, article_id, day_precision
    FROM (
        SELECT ev.id, ev.article_id, ev.source_code, ev.target_code, ev.cameo, ev.negated,
               coalesce(m.story_id, ev.article_id) AS story_id,
               {event_day_sql("ev", "a", "st")} AS day,
               {event_day_precision_sql("ev", "a", "st")} AS day_precision
        FROM events ev
        JOIN articles a ON a.id = ev.article_id
        LEFT JOIN story_members m ON m.article_id = ev.article_id
        LEFT JOIN stories st ON st.story_id = m.story_id
    );
    INSERT INTO unique_events
    WITH k AS (
        SELECT ev.*, a.published, g.story_id, g.day, g.day_precision, g.unique_event_id AS gid,
               -- a party is a country or an organisation (IGOUNO); a bare sector code
               -- ("GOV", "MIL": an actor whose country is unknown) is no dyad party
               coalesce(ev.source_country,
                        CASE WHEN length(ev.source_code) > 3 THEN ev.source_code END)
                   AS source_party,
               coalesce(ev.target_country,
                        CASE WHEN length(ev.target_code) > 3 THEN ev.target_code END)
                   AS target_party
        FROM event_groups g
        JOIN events ev ON ev.id = g.event_id
        JOIN articles a ON a.id = ev.article_id
    ), s AS (
        SELECT article_id, count(*) AS n_sightings FROM sightings GROUP BY article_id
    ), src AS (
        SELECT DISTINCT k.gid, si.source FROM k JOIN sightings si ON si.article_id = k.article_id
    ), nsrc AS (
        SELECT gid, count(DISTINCT source) AS num_sources FROM src GROUP BY gid
    ), arts AS (
        SELECT DISTINCT gid, article_id FROM k
    ), narts AS (
        SELECT arts.gid, sum(coalesce(s.n_sightings, 1)) AS num_articles
        FROM arts LEFT JOIN s ON s.article_id = arts.article_id GROUP BY arts.gid
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
               arg_min(day_precision, (coalesce(published, DATE '9999-12-31'), article_id, idx))
                   AS day_precision
        FROM k GROUP BY gid
    )
    SELECT g.gid, g.day, g.source_code, g.source_country, g.source_text,
           g.target_code, g.target_country, g.target_text, g.source_party, g.target_party,
           g.cameo, g.cameo_root, g.plover, g.quad_class, g.goldstein, g.negated, g.modality,
           g.num_mentions, g.num_stories, coalesce(narts.num_articles, g.num_mentions),
           coalesce(nsrc.num_sources, 1), g.first_event_id, g.first_article_id, g.day_precision
    FROM g LEFT JOIN narts USING (gid) LEFT JOIN nsrc USING (gid);
"""


def refresh(con: Any, *, path: str | Path = "") -> RefreshStats:
    """Rebuild stories (near-duplicate clusters) and unique events of the database open on
    ``con``, in one transaction; ``path`` only names the file in errors."""
    import pyarrow as pa

    with storage.translated("E308", path=path):
        cur = con.cursor()
        cur.execute(
            "SELECT s.article_id, s.minhash FROM signatures s JOIN articles a "
            "ON a.id = s.article_id ORDER BY a.published NULLS LAST, a.id"
        )
        stories = dedup.cluster_signatures(_signature_rows(cur))
        cur.close()
        member_rows = [
            {"article_id": m.article_id, "story_id": s.story_id, "similarity": m.similarity,
             "matched_id": m.matched_id, "method": m.method}
            for s in stories for m in s.members
        ]
        merged = sum(len(s.members) - 1 for s in stories)
        tbl = pa.Table.from_pylist(member_rows, schema=_members_schema())
    with storage.transaction(con, "E308", path=path):
        for name in DERIVED_TABLES:  # rebuilt whole: drop and re-create (see schema)
            con.execute(f"DROP TABLE IF EXISTS {name}")
            con.execute(TABLES[name])
        for ddl in INDEXES:
            con.execute(ddl)
        con.register("_members", tbl)
        con.execute("INSERT INTO story_members SELECT * FROM _members")
        con.unregister("_members")
        con.execute("""
            INSERT INTO stories
            WITH sight AS (
                SELECT m.story_id, count(*) AS n, count(DISTINCT si.source) AS ns
                FROM story_members m JOIN sightings si ON si.article_id = m.article_id
                GROUP BY m.story_id
            )
            SELECT m.story_id, any_value(r.title), coalesce(any_value(sight.n), count(*)),
                   coalesce(any_value(sight.ns), 1), count(*), min(a.published),
                   max(a.published)
            FROM story_members m
            JOIN articles a ON a.id = m.article_id
            JOIN articles r ON r.id = m.story_id
            LEFT JOIN sight ON sight.story_id = m.story_id
            GROUP BY m.story_id
        """)
        con.execute("""
            UPDATE articles SET story_id = m.story_id FROM story_members m
            WHERE m.article_id = articles.id AND articles.story_id IS DISTINCT FROM m.story_id
        """)
        con.execute(REFRESH_UNIQUE_EVENTS)
        n_unique = con.execute("SELECT count(*) FROM unique_events").fetchall()[0][0]
        n_events = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    return RefreshStats(
        stories=len(stories), articles_merged=merged, unique_events=n_unique, events=n_events
    )


def _signature_rows(cur: Any) -> Iterator[tuple[str, Any]]:
    while True:
        rows = cur.fetchmany(4096)
        if not rows:
            return
        for aid, blob in rows:
            yield aid, dedup.from_bytes(blob)

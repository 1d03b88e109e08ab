"""The DuckDB schema: what Flashpoint keeps about every article, event, statement and skip.

Every row is keyed by something derived from content (the article's content hash, an event
id hashed from its article, evidence offsets, code and actors, a skip id hashed from its
origin and reason), so writing the same thing twice is a no-op (``ON CONFLICT DO NOTHING``)
and a re-run after a crash converges on exactly the data of an uninterrupted run. The tables
with a row per event have no key (``columns.KEYLESS``: DuckDB would hold its index in memory,
whole): their rows are written only with their new article, in the same transaction.

Some tables are *derived* from the primary ones and kept up to date after each write by
``Store.refresh`` (``store.derive``: incrementally, or rebuilt whole with ``full=True``):
``stories`` / ``story_members`` (syndicated copies clustered into one story) and
``unique_events`` (the same event reported by several stories on one day, with
``num_mentions`` / ``num_articles`` / ``num_sources`` as in GDELT). Rebuilding them from the
primary tables keeps them deterministic whatever the history of interrupted runs.

Every table's columns, primary and derived, are described once, in ``flashpoint.columns``; the
DDL here is derived from it. The version is recorded in ``schema_version``: ``Store`` migrates an
older file when it opens it for writing (a primary table with another primary key is rebuilt
with its rows, ``MIGRATIONS`` run, then any column the specs have and the file lacks is added,
and derived tables of another layout are rebuilt); a reader runs ``verify``
and refuses a file of another version or layout instead of failing in the middle of a query.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..columns import ARTICLE_SEQ, BOOKKEEPING, DERIVED, SCHEMA_VERSIONS, SEQ, SPECS
from ..errors import StoreUnusableError
from . import storage

# 2: articles.statements (the appended statements as read); layouts derived from flashpoint.columns.
# 3: no primary key on the tables with a row per event (``columns.KEYLESS``: events,
#    event_groups); ``Store`` rebuilds such a table of an older file with its rows.
# 4: no key or index over random ids on the tables that grow with the store (articles,
#    sightings, statements, unique_events; the events_article, sightings_article and
#    groups_article indexes): articles get their ingest order (``seq``) and the rows about an
#    article carry it (``article_seq``), the per-article lookups' filter. ``Store`` rebuilds
#    each such table of an older file with its rows (``REBUILT_FROM``).
SCHEMA_VERSION = 4

# Primary tables are written by Store.write, never updated except articles.story_id; derived
# tables by refresh.
TABLES: dict[str, str] = {
    # Every table's layout is derived from the column specs (flashpoint.columns): the file's
    # version, the primary tables, the derived ones (Store.refresh: stories, their members,
    # event groups, unique events) and the bookkeeping of the incremental step (store.derive).
    SCHEMA_VERSIONS.table: SCHEMA_VERSIONS.ddl(),
    **{name: spec.ddl() for name, spec in SPECS.items()},
    **{name: spec.ddl() for name, spec in DERIVED.items()},
    **{name: spec.ddl() for name, spec in BOOKKEEPING.items()},
}

# No index over the random article ids of a table that grows with every article: those rows
# are found by ``article_seq`` (schema version 4).
INDEXES = (
    "CREATE INDEX IF NOT EXISTS members_story ON story_members(story_id)",
    # The lookups of the incremental refresh (store.derive): a new article's LSH candidates
    # by band key, and the event groups of the articles and unique events it touches. Without
    # them each lookup scans the whole table (64M band rows at 2M articles).
    "CREATE INDEX IF NOT EXISTS bands_key ON signature_bands(band_key)",
)
# Indexes of older versions, dropped when a file is opened for writing: over random ids, held
# in memory whole once touched (at 3.7M events ~100 MB each; docs/CAPACITY.md).
RETIRED_INDEXES = ("events_article", "sightings_article", "groups_article", "groups_unique")


def by_day(table: str, id_column: str, listed: str, columns: str = "*") -> str:
    """SQL selecting ``columns`` of the rows of ``table`` (``event_groups``, ``unique_events``)
    whose ``id_column`` is a unique event listed in the temporary table ``listed`` (``v``: id,
    ``day``: its day). A unique event lies within one day and both tables are stored in day
    order (``refresh --full``; an update appends), so DuckDB reads only the row groups of those
    days: at 3.7M mentions, the mentions of the 485 unique events of 100 articles on 97 days
    took 75 ms CPU this way, 159 ms through an index over the ids, which then held 96 MB
    (docs/CAPACITY.md). Undated rows are read apart (stored last: min/max and NULL counts skip
    the other row groups)."""
    ids = f"{id_column} IN (SELECT v FROM {listed})"
    return (f"SELECT {columns} FROM {table} WHERE day IN (SELECT day FROM {listed}) AND {ids} "
            f"UNION ALL SELECT {columns} FROM {table} WHERE day IS NULL AND {ids}")


def mentions_of(unique_events: str, columns: str = "*") -> str:
    """SQL selecting ``columns`` of the event groups (mentions) of the unique events listed in
    the temporary table ``unique_events`` (``by_day``)."""
    return by_day("event_groups", "unique_event_id", unique_events, columns)

PRIMARY_TABLES = tuple(SPECS)

# How a primary table of an older file is rebuilt into its spec's layout (``Store``): the
# column the file lacks, and the SELECT over the old rows (``{old}``) giving it, in the old order
# (rowid: the order the writer appended them). ``articles`` comes first in ``PRIMARY_TABLES``,
# so the others find the articles' ``seq`` already numbered (schema version 4).
REBUILT_FROM: dict[str, tuple[str, str]] = {
    "articles": (SEQ, f"SELECT o.*, row_number() OVER (ORDER BY o.rowid) AS {SEQ} FROM {{old}} o"),
    **{name: (ARTICLE_SEQ, (f"SELECT o.*, a.{SEQ} AS {ARTICLE_SEQ} FROM {{old}} o "
                            "JOIN articles a ON a.id = o.article_id ORDER BY o.rowid"))
       for name in ("sightings", "events")},
}

# SQL run, in one transaction with the rest of the migration, on a file of version ``v`` to
# bring it to ``v + 1`` (after the columns the specs add were added).
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        """UPDATE articles SET statements = s.texts FROM (
               SELECT article_id, list(text ORDER BY idx) AS texts FROM statements
               GROUP BY article_id
           ) s WHERE s.article_id = articles.id""",
        "UPDATE articles SET statements = [] WHERE statements IS NULL",
    ),
}
DERIVED_TABLES = tuple(DERIVED)
BOOKKEEPING_TABLES = tuple(BOOKKEEPING)


def verify(con: Any, path: str | Path) -> None:
    """Refuse, before any query, a file this Flashpoint cannot read: of another schema version
    (E304), lacking a table (E305), or lacking columns the specs give a table (E316: a layout
    written before the spec changed, such as an ``event_groups`` without its page columns,
    would otherwise fail in the middle of a query, an HTTP 500). Opening such a file for
    writing (``Store``) migrates it; a reader cannot, so it names the command that does."""
    with storage.translated("E303", path=path):
        versions = [r[0] for r in con.execute("SELECT DISTINCT version FROM schema_version")
                    .fetchall()]
        have: dict[str, set[str]] = {}
        for table, column in con.execute(
            "SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal"
        ).fetchall():
            have.setdefault(table, set()).add(column)
    if versions != [SCHEMA_VERSION]:
        found = ", ".join(str(v) for v in versions) or "none"
        raise StoreUnusableError("E304", path=path, found=found, expected=SCHEMA_VERSION)
    specs = {**SPECS, **DERIVED}
    missing = [t for t in specs if t not in have]
    if missing:
        raise StoreUnusableError("E305", path=path, tables=", ".join(missing))
    for table, spec in specs.items():
        lacking = [n for n in spec.names("duckdb") if n not in have[table]]
        if lacking:
            raise StoreUnusableError("E316", path=path, table=table, columns=", ".join(lacking))



def _reported_sql(a: str, st: str) -> str:
    """The day a story was first reported: the earliest publication among syndicated copies,
    else the article's own."""
    return f"coalesce({st}.first_published, {a}.published)"


def _historical_sql(e: str, a: str, st: str) -> str:
    """True when an event dated only to a week, month or year is dated to an earlier one than its
    report ("In 2010 ... shelled" in a 2024 article, "last week" in Monday's paper)."""
    reported = _reported_sql(a, st)
    return (
        f"({e}.date IS NOT NULL AND {e}.date_precision IN ('week', 'month', 'year') AND "
        f"({reported} IS NULL OR CASE {e}.date_precision "
        f"WHEN 'week' THEN date_trunc('week', {e}.date) < date_trunc('week', {reported}) "
        f"WHEN 'month' THEN date_trunc('month', {e}.date) < date_trunc('month', {reported}) "
        f"ELSE year({e}.date) < year({reported}) END))"
    )


def event_day_sql(e: str = "e", a: str = "a", st: str = "st") -> str:
    """SQL for the day an event counts on (events ``e`` joined to articles ``a``, stories ``st``).

    The time the text gives wins over the time of the report:
    * an event dated to the day is placed on that day;
    * a historical reference, dated only to an earlier week, month or year than its report ("In
      2010 North Korean artillery shelled Yeonpyeong", "police fired tear gas last week"), is
      placed on the first day of that week (its Monday), month or year, and
      ``event_day_precision_sql`` says it is known only to the week, month or year (series and
      alerts finer than that leave it out: it is no part of the current period);
    * everything else (no date, or "in April" / "this year" reported in that month or year) is
      reported as current and placed on the day its story was first reported (the earliest
      publication date among syndicated copies, else the article's own), so vague dates do not
      pile up on the 1st of a month and copies published a day later report the same event.
    """
    return (
        f"CASE WHEN {e}.date IS NOT NULL AND coalesce({e}.date_precision, 'day') = 'day' "
        f"THEN {e}.date "
        f"WHEN {_historical_sql(e, a, st)} THEN CASE {e}.date_precision "
        f"WHEN 'week' THEN CAST(date_trunc('week', {e}.date) AS DATE) "
        f"WHEN 'month' THEN CAST(date_trunc('month', {e}.date) AS DATE) "
        f"ELSE CAST(date_trunc('year', {e}.date) AS DATE) END "
        f"ELSE coalesce({_reported_sql(a, st)}, {e}.date) END"
    )


def event_day_precision_sql(e: str = "e", a: str = "a", st: str = "st") -> str:
    """SQL for how precisely the day of ``event_day_sql`` is known: ``'day'`` (the text gives
    the day), ``'week'`` / ``'month'`` / ``'year'`` (a historical reference known only to that
    week, month or year, placed on its first day), ``'published'`` (reported as current: the report's day)."""
    return (
        f"CASE WHEN {e}.date IS NOT NULL AND coalesce({e}.date_precision, 'day') = 'day' "
        f"THEN 'day' WHEN {_historical_sql(e, a, st)} THEN {e}.date_precision "
        "ELSE 'published' END"
    )

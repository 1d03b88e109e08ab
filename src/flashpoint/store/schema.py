"""The DuckDB schema: what Flashpoint keeps about every article, event, statement and skip.

Every row is keyed by something derived from content (the article's content hash, an event
id hashed from its article, evidence offsets, code and actors, a skip id hashed from its
origin and reason), so writing the same thing twice is a no-op (``ON CONFLICT DO NOTHING``)
and a re-run after a crash converges on exactly the data of an uninterrupted run.

Some tables are *derived* from the primary ones and kept up to date after each write by
``Store.refresh`` (``store.derive``: incrementally, or rebuilt whole with ``full=True``):
``stories`` / ``story_members`` (syndicated copies clustered into one story) and
``unique_events`` (the same event reported by several stories on one day, with
``num_mentions`` / ``num_articles`` / ``num_sources`` as in GDELT). Rebuilding them from the
primary tables keeps them deterministic whatever the history of interrupted runs.

The primary tables' columns are described once, in ``flashpoint.columns``; the DDL here is derived
from it. The version is recorded in ``schema_version``: ``Store`` migrates an older file when it
opens it for writing (``MIGRATIONS``, then any column the specs have and the file lacks is
added); a reader refuses a file of another version instead of silently mixing layouts.
"""

from __future__ import annotations

from ..columns import SPECS, STORY_MEMBERS

# 2: articles.statements (the appended statements as read); layouts derived from flashpoint.columns.
SCHEMA_VERSION = 2

# Written by Store.write, never updated except articles.story_id; derived tables by refresh.
TABLES: dict[str, str] = {
    "schema_version": """
        CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER NOT NULL,
            created_at TIMESTAMP NOT NULL
        )""",
    # Primary tables: their layout is derived from the column specs (flashpoint.columns).
    **{name: spec.ddl() for name, spec in SPECS.items()},
    # Derived (Store.refresh): syndicated copies clustered into stories.
    "stories": """
        CREATE TABLE IF NOT EXISTS stories (
            story_id VARCHAR PRIMARY KEY,    -- = id of the representative (first) article
            title VARCHAR,
            num_articles INTEGER NOT NULL,   -- sightings of all member articles (NumArticles)
            num_sources INTEGER NOT NULL,    -- distinct sources among them (NumSources)
            num_members INTEGER NOT NULL,    -- distinct article texts merged
            first_published DATE,
            last_published DATE
        )""",
    "story_members": STORY_MEMBERS.ddl(),
    # Derived (Store.refresh): one row per distinct event (GDELT-style).
    # Derived (Store.refresh): which unique event each coded event (mention) belongs to.
    "event_groups": """
        CREATE TABLE IF NOT EXISTS event_groups (
            event_id VARCHAR PRIMARY KEY,
            unique_event_id VARCHAR NOT NULL,
            day DATE,                        -- the day the event counts on (event_day_sql)
            story_id VARCHAR NOT NULL,
            article_id VARCHAR NOT NULL,
            day_precision VARCHAR,           -- how the text dates it (event_day_precision_sql)
            -- The mention's narrow columns, copied from events: the events page filters and
            -- sorts this table alone (a page of one dyad at 10M mentions without a join).
            idx INTEGER NOT NULL,
            source_code VARCHAR, source_country VARCHAR,
            target_code VARCHAR, target_country VARCHAR,
            cameo_root VARCHAR NOT NULL,
            plover VARCHAR,
            quad_class INTEGER NOT NULL,
            negated BOOLEAN NOT NULL,
            modality VARCHAR NOT NULL
        )""",
    "unique_events": """
        CREATE TABLE IF NOT EXISTS unique_events (
            id VARCHAR PRIMARY KEY,          -- hash of the grouping key
            day DATE,                        -- event day used by series (see analytics.tension)
            source_code VARCHAR, source_country VARCHAR, source_text VARCHAR,
            target_code VARCHAR, target_country VARCHAR, target_text VARCHAR,
            source_party VARCHAR,            -- country, else org code (IGOUNO); never a bare sector
            target_party VARCHAR,
            cameo VARCHAR NOT NULL,
            cameo_root VARCHAR NOT NULL,
            plover VARCHAR,
            quad_class INTEGER NOT NULL,
            goldstein DOUBLE NOT NULL,
            negated BOOLEAN NOT NULL,
            modality VARCHAR NOT NULL,
            num_mentions INTEGER NOT NULL,   -- coded events merged (NumMentions)
            num_stories INTEGER NOT NULL,
            num_articles INTEGER NOT NULL,   -- sightings of the articles reporting it
            num_sources INTEGER NOT NULL,
            first_event_id VARCHAR NOT NULL, -- the earliest mention: evidence, URL, location
            first_article_id VARCHAR NOT NULL,
            day_precision VARCHAR            -- 'day' | 'month' | 'year' | 'published'
        )""",
    # Bookkeeping of the incremental step (store.derive): the LSH band index of every
    # signature, so a new article finds its near-duplicate candidates by key lookups instead
    # of re-banding the whole store, and the point up to which sightings were processed.
    "signature_bands": """
        CREATE TABLE IF NOT EXISTS signature_bands (
            band_key UBIGINT NOT NULL,       -- dedup.band_keys (band number mixed in)
            article_id VARCHAR NOT NULL
        )""",
    "derive_state": """
        CREATE TABLE IF NOT EXISTS derive_state (
            watermark TIMESTAMP,             -- sightings seen at or after it are not yet derived
            layout VARCHAR NOT NULL          -- fingerprint of the derived tables' DDL
        )""",
}

INDEXES = (
    "CREATE INDEX IF NOT EXISTS events_article ON events(article_id)",
    "CREATE INDEX IF NOT EXISTS sightings_article ON sightings(article_id)",
    "CREATE INDEX IF NOT EXISTS members_story ON story_members(story_id)",
)

PRIMARY_TABLES = tuple(SPECS)

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
DERIVED_TABLES = ("stories", "story_members", "event_groups", "unique_events")
BOOKKEEPING_TABLES = ("signature_bands", "derive_state")



def _reported_sql(a: str, st: str) -> str:
    """The day a story was first reported: the earliest publication among syndicated copies,
    else the article's own."""
    return f"coalesce({st}.first_published, {a}.published)"


def _historical_sql(e: str, a: str, st: str) -> str:
    """True when an event dated only to a month or a year is dated to an earlier month or year
    than its report ("In 2010 ... shelled" in a 2024 article)."""
    reported = _reported_sql(a, st)
    return (
        f"({e}.date IS NOT NULL AND {e}.date_precision IN ('month', 'year') AND "
        f"({reported} IS NULL OR CASE {e}.date_precision "
        f"WHEN 'month' THEN date_trunc('month', {e}.date) < date_trunc('month', {reported}) "
        f"ELSE year({e}.date) < year({reported}) END))"
    )


def event_day_sql(e: str = "e", a: str = "a", st: str = "st") -> str:
    """SQL for the day an event counts on (events ``e`` joined to articles ``a``, stories ``st``).

    The time the text gives wins over the time of the report:
    * an event dated to the day is placed on that day;
    * a historical reference, dated only to an earlier month or year than its report ("In 2010
      North Korean artillery shelled Yeonpyeong"), is placed on the first day of that month or
      year, and ``event_day_precision_sql`` says it is known only to the month or year (series
      and alerts finer than that leave it out: it is no part of the current period);
    * everything else (no date, or "in April" / "this year" reported in that month or year) is
      reported as current and placed on the day its story was first reported (the earliest
      publication date among syndicated copies, else the article's own), so vague dates do not
      pile up on the 1st of a month and copies published a day later report the same event.
    """
    return (
        f"CASE WHEN {e}.date IS NOT NULL AND coalesce({e}.date_precision, 'day') = 'day' "
        f"THEN {e}.date "
        f"WHEN {_historical_sql(e, a, st)} THEN CASE {e}.date_precision "
        f"WHEN 'month' THEN CAST(date_trunc('month', {e}.date) AS DATE) "
        f"ELSE CAST(date_trunc('year', {e}.date) AS DATE) END "
        f"ELSE coalesce({_reported_sql(a, st)}, {e}.date) END"
    )


def event_day_precision_sql(e: str = "e", a: str = "a", st: str = "st") -> str:
    """SQL for how precisely the day of ``event_day_sql`` is known: ``'day'`` (the text gives
    the day), ``'month'`` / ``'year'`` (a historical reference known only to that month or
    year, placed on its first day), ``'published'`` (reported as current: the report's day)."""
    return (
        f"CASE WHEN {e}.date IS NOT NULL AND coalesce({e}.date_precision, 'day') = 'day' "
        f"THEN 'day' WHEN {_historical_sql(e, a, st)} THEN {e}.date_precision "
        "ELSE 'published' END"
    )

"""The alerts' summary table ``dyad_periods``: counts per dyad, period and counting mode.

The escalation alerts (``analytics.alerts``) need, for every dyad and period, the counted
unique events, their conflict and material-conflict shares, Goldstein sums and the number of
*independent reports* of conflict (distinct stories). Computed from the store, the last one
joins the conflict unique events with every row of ``event_groups``: 1.9 s of 2.4 s at 10M
events. This module keeps them in a table instead, one row per cell: (counting mode, dyad,
period), a counting mode being a period length of ``counting.PRECISIONS`` with or without
uncertain events (``counting.counted_sql`` decides which events count, as everywhere).

* ``rebuild`` fills it from the whole store (``refresh --full``).
* The incremental step of ``store.derive`` maintains it by difference, touching only the
  rows it re-derives: the sums are additive over unique events, so the old rows of the
  unique events it replaces are subtracted and the new rows added; the report count is a sum
  over stories of "the story reports a counted conflict event in the cell", so for every
  story whose event groups or unique events change, its cells before the change are
  subtracted and its cells after added. Sums are exact decimals (``columns.DYAD_PERIODS``),
  so the result equals the full rebuild's to the last digit (``tests/test_store_derive.py``).

The three steps of an update run inside ``derive._rederive``, each at the point where the
state it reads exists: ``keep_old_groups`` before the touched articles' event groups are
replaced, ``subtract_old`` before the touched unique events are replaced, ``add_new`` after.
They communicate through temporary tables ``_s_*``; the touched ids are ``derive``'s
``_d_articles`` (articles re-grouped) and ``_d_groups`` (unique events re-derived).
"""

from __future__ import annotations

from typing import Any

from ..columns import DYAD_PERIODS, column_names
from .counting import PRECISIONS, counted_sql
from .schema import by_day, mentions_of
from .storage import lookup_then

# Every counting mode kept: each period length, without and with uncertain events.
MODES: tuple[tuple[str, bool], ...] = tuple(
    (freq, uncertain) for freq in PRECISIONS for uncertain in (False, True)
)
_MODES_SQL = "(VALUES " + ", ".join(
    f"({k}, '{freq}', {str(uncertain).lower()})" for k, (freq, uncertain) in enumerate(MODES)
) + ") m(k, freq, include_uncertain)"
# Whether unique event ``u`` counts in mode ``m``: the counting module's condition per mode.
_COUNTED = "CASE m.k " + " ".join(
    f"WHEN {k} THEN ({counted_sql(alias='u', freq=freq, include_uncertain=uncertain)})"
    for k, (freq, uncertain) in enumerate(MODES)
) + " END"
_KEY = DYAD_PERIODS.primary_key  # a cell
_VALUES = column_names(DYAD_PERIODS.columns, skip=_KEY)  # its counts
_SUM_TYPE = DYAD_PERIODS.pick("goldstein_sum")[0].type
# A dyad: two different parties (a country or an organisation); an event without a day is in
# no period.
_CELL = """
    m.freq, m.include_uncertain,
    least(u.source_party, u.target_party) AS lo_party,
    greatest(u.source_party, u.target_party) AS hi_party,
    CAST(date_trunc(m.freq, u.day) AS DATE) AS period"""
_IN_A_CELL = ("u.day IS NOT NULL AND u.source_party IS NOT NULL AND u.target_party IS NOT NULL "
              "AND u.source_party <> u.target_party")

# The additive counts of the unique events ``{unique_events}``, times ``{sign}``.
SUMS_SQL = f"""
    SELECT {_CELL},
           {{sign}} * count(*) AS events,
           {{sign}} * count(*) FILTER (WHERE u.quad_class IN (3, 4)) AS conflict_events,
           {{sign}} * count(*) FILTER (WHERE u.quad_class = 4) AS material_conflict,
           {{sign}} * coalesce(sum(CAST(u.goldstein AS {_SUM_TYPE})), 0) AS goldstein_sum,
           {{sign}} * coalesce(sum(CASE WHEN u.goldstein < 0
                                     THEN -CAST(u.goldstein AS {_SUM_TYPE}) ELSE 0 END), 0)
               AS conflict_intensity,
           0 AS conflict_stories
    FROM {{unique_events}} u JOIN {_MODES_SQL} ON {_COUNTED}
    WHERE {_IN_A_CELL}
    GROUP BY ALL
"""

# The stories of the event groups ``{event_groups}`` that report a counted conflict event
# in each cell (unique events looked up in ``{unique_events}``), times ``{sign}``.
HITS_SQL = f"""
    SELECT {_CELL},
           0 AS events, 0 AS conflict_events, 0 AS material_conflict,
           CAST(0 AS {_SUM_TYPE}) AS goldstein_sum, CAST(0 AS {_SUM_TYPE}) AS conflict_intensity,
           {{sign}} * count(DISTINCT g.story_id) AS conflict_stories
    FROM {{event_groups}} g
    JOIN {{unique_events}} u ON u.id = g.unique_event_id
    JOIN {_MODES_SQL} ON {_COUNTED}
    WHERE {_IN_A_CELL} AND u.quad_class IN (3, 4)
    GROUP BY ALL
"""

_TOTALS = ", ".join(f"sum({v}) AS {v}" for v in _VALUES)
_COLUMNS = ", ".join((*_KEY, *_VALUES))


# Unique events per statement of ``rebuild``: its aggregates (the distinct stories of every
# cell of every mode) are held in memory and do not spill; at 1M mentions one statement ran
# out of an ingest's 256 MB (docs/CAPACITY.md).
SLICE_UNIQUE_EVENTS = 200_000


def rebuild(con: Any) -> None:
    """Fill the (empty, just re-created) table from the whole store, in slices of dyads: a
    cell belongs to one dyad, so each slice counts its cells whole (distinct stories
    included)."""
    total = con.execute("SELECT count(*) FROM unique_events").fetchall()[0][0]
    slices = max(1, -(-total // SLICE_UNIQUE_EVENTS))
    for i in range(slices):
        mine = ("(SELECT * FROM unique_events "
                f"WHERE hash(least(source_party, target_party)) % {slices} = {i})")
        con.execute(f"""
            INSERT INTO dyad_periods ({_COLUMNS})
            SELECT {', '.join(_KEY)}, {_TOTALS} FROM (
                {SUMS_SQL.format(sign=1, unique_events=mine)}
                UNION ALL
                {HITS_SQL.format(sign=1, event_groups='event_groups', unique_events=mine)}
            ) GROUP BY ALL
        """)


def keep_old_groups(con: Any) -> None:
    """Before the event groups of ``_d_articles`` are replaced: keep them (their stories'
    cells before the change are computed from them)."""
    con.execute("CREATE OR REPLACE TEMP TABLE _s_replaced AS "
                "SELECT story_id, unique_event_id, article_id, day FROM event_groups "
                "WHERE article_seq IN (SELECT s FROM _d_articles)")


def subtract_old(con: Any) -> None:
    """After the event groups were replaced, before the unique events of ``_d_groups`` are:
    the share of those unique events and the cells of every story they or the re-grouped
    articles touch, as they stand now (to be subtracted by ``add_new``)."""
    # The stories whose cells can change: those of the replaced event groups, and those
    # reporting a re-derived unique event (its day precision or modality can change).
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _s_stories AS
        SELECT story_id FROM _s_replaced
        UNION SELECT story_id FROM ({mentions_of('_d_groups', 'story_id')})
    """)
    # Their event groups after the change (event_groups is final from here on), found by
    # article: a story's members, or the article itself when it has no signature; by the
    # articles' seqs (one scan of the articles' ids gives them: no index over random ids).
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _s_articles AS
        SELECT id AS v, seq AS s FROM articles WHERE id IN (
            SELECT article_id FROM story_members
            WHERE story_id IN (SELECT story_id FROM _s_stories)
            UNION SELECT story_id FROM _s_stories)
    """)
    con.execute("CREATE OR REPLACE TEMP TABLE _s_new_groups AS " + lookup_then(
        "SELECT story_id, unique_event_id, article_id, day FROM event_groups",
        "article_seq IN (SELECT s FROM _s_articles)",
        "story_id IN (SELECT story_id FROM _s_stories)",
    ))
    # ... and before it: the same, with the re-grouped articles' rows as they were.
    con.execute("""
        CREATE OR REPLACE TEMP TABLE _s_old_groups AS
        SELECT * FROM _s_new_groups WHERE article_id NOT IN (SELECT v FROM _d_articles)
        UNION ALL SELECT * FROM _s_replaced
    """)
    _unique_events(con, "_s_old_ue", "_s_old_groups")
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _s_delta AS
        {SUMS_SQL.format(sign=-1, unique_events=_REDERIVED.format(table='_s_old_ue'))}
        UNION ALL
        {HITS_SQL.format(sign=-1, event_groups='_s_old_groups', unique_events='_s_old_ue')}
    """)


def add_new(con: Any) -> None:
    """After the unique events of ``_d_groups`` were re-derived: add their share and the
    stories' cells now, and apply the difference to the table."""
    _unique_events(con, "_s_new_ue", "_s_new_groups")
    con.execute(f"""
        INSERT INTO _s_delta
        {SUMS_SQL.format(sign=1, unique_events=_REDERIVED.format(table='_s_new_ue'))}
        UNION ALL
        {HITS_SQL.format(sign=1, event_groups='_s_new_groups', unique_events='_s_new_ue')}
    """)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _s_cells AS
        SELECT {', '.join(_KEY)}, {_TOTALS} FROM _s_delta GROUP BY ALL
    """)
    updates = ", ".join(f"{v} = {v} + excluded.{v}" for v in _VALUES)
    con.execute(f"""
        INSERT INTO dyad_periods ({_COLUMNS}) SELECT {_COLUMNS} FROM _s_cells
        ON CONFLICT DO UPDATE SET {updates}
    """)
    # A cell left without counted events is no row (as in the full rebuild).
    match = " AND ".join(f"d.{k} = c.{k}" for k in _KEY)
    con.execute(f"DELETE FROM dyad_periods d USING _s_cells c WHERE {match} AND d.events = 0")


# The rows of a copy of unique events that ``derive`` re-derives in this step.
_REDERIVED = "(SELECT * FROM {table} WHERE id IN (SELECT v FROM _d_groups))"


def _unique_events(con: Any, name: str, groups: str) -> None:
    """Copy into ``name`` the unique events of ``_d_groups`` and those the event groups in
    ``groups`` belong to, looked up by their days (``schema.by_day``: no index over ids)."""
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _s_listed AS
        SELECT v, day FROM _d_groups UNION SELECT unique_event_id, day FROM {groups}
    """)
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS "
                + by_day("unique_events", "id", "_s_listed"))


__all__ = ["HITS_SQL", "MODES", "SUMS_SQL", "add_new", "keep_old_groups", "rebuild",
           "subtract_old"]

"""Read-only queries over a Flashpoint database (the CLI, the API and the dashboard use them).

Every function takes a DuckDB connection (``connect_readonly(path)``), builds parameterised SQL
only (user values never enter the SQL text) and returns plain dicts ready for JSON.

Dyads are written ``"PRK-KOR"``: each side is matched against an actor's *party*, its country
(``PRK`` for ``PRKGOV``) or, for actors without a country such as ``IGOUNO``, its full code.
An unordered dyad matches both directions; ``ordered=True`` matches source→target only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..columns import (
    ARTICLE_LINK,
    ARTICLES,
    DAY,
    DAY_PRECISION,
    EVENT_GROUPS,
    EVENTS,
    MENTION,
    MENTION_KEYS,
    SIGHTINGS,
    STORY_MEMBERS,
    UNIQUE_EVENTS,
    column_names,
    select_list,
)
from ..errors import InputError
from . import storage
from .schema import (
    DERIVED_TABLES,
    PRIMARY_TABLES,
    event_day_precision_sql,
    event_day_sql,
    verify,
)

MAX_LIMIT = 10_000


def connect_readonly(path: str | Path) -> Any:
    """Open ``path`` read-only; raises ``StoreError`` when missing, locked or of another
    layout (``schema.verify``)."""
    p = Path(path)
    con = storage.connect(p, read_only=True)
    try:
        verify(con, p)
    except BaseException:
        storage.close(con)
        raise
    return con


def parse_dyad(dyad: str) -> tuple[str, str]:
    """``"PRK-KOR"`` -> ``("PRK", "KOR")``; raises ``InputError`` on anything else."""
    parts = [p.strip().upper() for p in dyad.replace("_", "-").split("-")]
    if len(parts) != 2 or not all(p.isalnum() and 3 <= len(p) <= 12 for p in parts):
        raise InputError("E101", dyad=dyad)
    return parts[0], parts[1]


def _date(value: str | dt.date | None, name: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise InputError("E102", name=name, value=value) from e


def contains(text: str) -> str:
    """The ``ILIKE ? ESCAPE '\\'`` pattern matching ``text`` anywhere, as written: ``%``, ``_``
    and ``\\`` in a user's search are characters, not wildcards (``q=%`` matched everything)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


LIKE_ESCAPE = "ESCAPE '\\'"


def placeholders(n: int) -> str:
    """``(?, ?, ...)`` for an IN list. DuckDB answers ``id IN (?, ?)`` from the primary-key
    index but scans the table for ``id = ANY(?)``: 12 ms against 120 ms for 100 ids in 1M."""
    return "(" + ", ".join("?" * max(1, n)) + ")"


def _rows(con: Any, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [_jsonable(dict(zip(cols, r, strict=True))) for r in cur.fetchall()]


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    for k, v in row.items():
        if isinstance(v, dt.datetime):
            row[k] = v.isoformat(sep=" ")
        elif isinstance(v, dt.date):
            row[k] = v.isoformat()
    return row


# A coded mention's row (``columns.MENTION``): its keys, the day it counts on, its fields, its
# article and story.
EVENT_COLUMNS = column_names(MENTION)



def _event_select(events: str = "events", articles: str = "articles",
                  stories: str = "stories") -> str:
    """The mention rows (``MENTION``) of the given tables, or of subqueries selecting a few of
    their rows (a page's, by key: a join with the whole articles table builds a hash table of
    all of them, 1.3 s at 2M articles, for a page of 100)."""
    return f"""
    SELECT {select_list(MENTION_KEYS, "e")},
           {event_day_sql("e", "a", "st")} AS {DAY.name},
           {event_day_precision_sql("e", "a", "st")} AS {DAY_PRECISION.name},
           {select_list(EVENTS.fields(), "e")},
           {select_list((*ARTICLE_LINK, *ARTICLES.pick("story_id")), "a")}
    FROM {events} e JOIN {articles} a ON a.id = e.article_id
    LEFT JOIN {stories} st ON st.story_id = a.story_id
"""


_EVENT_SELECT = _event_select()
# What the events page finds on event_groups: a mention, its article and its story.
_PAGE_KEYS = EVENT_GROUPS.pick("event_id", "article_seq", "story_id")
# Public name of the rows every mention query selects from (store.frames reads it whole).
EVENT_SELECT = _EVENT_SELECT


def event_filters(
    *,
    dyad: str | None = None,
    ordered: bool = False,
    actor: str | None = None,
    country: str | None = None,
    cameo_root: str | None = None,
    plover: str | None = None,
    quad_class: int | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    text: str | None = None,
    article_id: str | None = None,
    modality: str | None = None,
    negated: bool | None = None,
    alias: str = "e",
    day_expr: str | None = None,
) -> tuple[str, list[Any]]:
    """WHERE clause (without the keyword; ``TRUE`` when empty) and its parameters."""
    e = alias
    src_party = f"coalesce({e}.source_country, {e}.source_code)"
    tgt_party = f"coalesce({e}.target_country, {e}.target_code)"
    day = day_expr or f"{e}.day"
    where: list[str] = []
    params: list[Any] = []
    if dyad:
        a, b = parse_dyad(dyad)
        if ordered:
            where.append(f"({src_party} = ? AND {tgt_party} = ?)")
            params += [a, b]
        else:
            where.append(
                f"(({src_party} = ? AND {tgt_party} = ?) OR ({src_party} = ? AND {tgt_party} = ?))"
            )
            params += [a, b, b, a]
    if actor:
        where.append(f"({e}.source_code = ? OR {e}.target_code = ?)")
        params += [actor.upper(), actor.upper()]
    if country:
        where.append(f"({src_party} = ? OR {tgt_party} = ?)")
        params += [country.upper(), country.upper()]
    if cameo_root:
        where.append(f"{e}.cameo_root = ?")
        params.append(cameo_root.zfill(2))
    if plover:
        where.append(f"{e}.plover = ?")
        params.append(plover.upper())
    if quad_class is not None:
        where.append(f"{e}.quad_class = ?")
        params.append(int(quad_class))
    if (s := _date(since, "since")) is not None:
        where.append(f"{day} >= ?")
        params.append(s)
    if (u := _date(until, "until")) is not None:
        where.append(f"{day} <= ?")
        params.append(u)
    if text:
        where.append(f"{e}.evidence_text ILIKE ? {LIKE_ESCAPE}")
        params.append(contains(text))
    if article_id:
        where.append(f"{e}.article_id = ?")
        params.append(article_id)
    if modality:
        where.append(f"{e}.modality = ?")
        params.append(modality.lower())
    if negated is not None:
        where.append(f"{e}.negated = ?")
        params.append(bool(negated))
    return (" AND ".join(where) or "TRUE"), params


def events(
    con: Any,
    *,
    dyad: str | None = None,
    ordered: bool = False,
    actor: str | None = None,
    country: str | None = None,
    cameo_root: str | None = None,
    plover: str | None = None,
    quad_class: int | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    text: str | None = None,
    modality: str | None = None,
    negated: bool | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Coded events (one row per mention) with their article, newest first.

    ``since``/``until`` bound the event day (the event date when known to the day, else the
    publication date); ``text`` is a case-insensitive substring of the evidence sentence.
    """
    where, params = _mention_filters(
        dyad=dyad, ordered=ordered, actor=actor, country=country, cameo_root=cameo_root,
        plover=plover, quad_class=quad_class, since=since, until=until, text=text,
        modality=modality, negated=negated,
    )
    limit = max(0, min(int(limit), MAX_LIMIT))
    # Two steps: find the page's ids on event_groups alone (the mentions' narrow columns and
    # their day, kept by store.derive: no join of 10M mentions with their articles), then
    # fetch the page's full rows: its events, articles and stories each looked up by key
    # (an article's story is the one event_groups names, or none).
    ids_sql = (
        f"SELECT {select_list(_PAGE_KEYS, 'g')} FROM event_groups g WHERE {where} "
        "ORDER BY g.day DESC NULLS LAST, g.article_id, g.idx LIMIT ? OFFSET ?"
    )
    page = con.execute(ids_sql, [*params, limit, max(0, int(offset))]).fetchall()
    if not page:
        return []
    found = {c.name: sorted({r[i] for r in page}) for i, c in enumerate(_PAGE_KEYS)}
    events_, seqs, stories_ = found["event_id"], found["article_seq"], found["story_id"]
    page_sql = (
        "SELECT * FROM ("
        + _event_select(
            _events_by_id(len(events_)),
            f"(SELECT * FROM articles WHERE seq IN {BY_SEQ})",
            f"(SELECT * FROM stories WHERE story_id IN {placeholders(len(stories_))})",
        )
        + ") e ORDER BY day DESC NULLS LAST, article_id, idx"
    )
    return _rows(con, page_sql, [seqs, *events_, seqs, *stories_])


# The articles' seqs (``articles.seq``, ``article_seq``: ingest order) given as one list
# parameter. The tables keyed by article have no index (``columns.KEYLESS``): DuckDB answers
# this semi-join by scanning the one integer column, reading the other columns only where it
# matched, and skipping row groups whose min/max hold none (new articles: the last ones).
# 712 articles of 2M: ~12 ms CPU, against ~95 ms for an IN list of constants and ~36 ms
# through an ART index of ``seq`` (docs/CAPACITY.md).
BY_SEQ = "(SELECT unnest(?::BIGINT[]))"


def articles_by_seq(con: Any, seqs: Iterable[int], columns: str) -> dict[int, tuple[Any, ...]]:
    """``{seq: (columns...)}`` of the articles with the given ``seqs`` (``BY_SEQ``)."""
    wanted = sorted({s for s in seqs if s is not None})
    if not wanted:
        return {}
    rows = con.execute(f"SELECT seq, {columns} FROM articles WHERE seq IN {BY_SEQ}",
                       [wanted]).fetchall()
    return {r[0]: tuple(r[1:]) for r in rows}


def _events_by_id(n_events: int) -> str:
    """SQL for the events with ``n_events`` given ids, found through their articles' seqs
    (parameters: the list of seqs, then the event ids). ``events`` has no key or index
    (``columns.KEYLESS``): by id alone DuckDB reads the whole table (random ids leave its
    per-row-group min/max nothing to prune), by ``article_seq`` only that integer column
    (``BY_SEQ``); the rows found are then kept by id (``storage.lookup_then``)."""
    return "(" + storage.lookup_then("SELECT * FROM events", f"article_seq IN {BY_SEQ}",
                                     f"id IN {placeholders(n_events)}") + ")"


# A page of unique events: their listed columns (``columns.UNIQUE_EVENTS.view("list")``), the
# evidence and article of their earliest mention.
_UNIQUE_LISTED = UNIQUE_EVENTS.view("list")
UNIQUE_EVENT_COLUMNS = (
    *column_names(_UNIQUE_LISTED), "evidence_text", "article_id", *column_names(ARTICLE_LINK),
)


def unique_events(
    con: Any,
    *,
    dyad: str | None = None,
    ordered: bool = False,
    actor: str | None = None,
    country: str | None = None,
    cameo_root: str | None = None,
    plover: str | None = None,
    quad_class: int | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Distinct events (mentions of the same event merged; ``num_mentions`` etc. as GDELT),
    newest first, with the evidence and article of their earliest mention."""
    where, params = event_filters(
        dyad=dyad, ordered=ordered, actor=actor, country=country, cameo_root=cameo_root,
        plover=plover, quad_class=quad_class, since=since, until=until, alias="u",
        day_expr="u.day",
    )
    limit = max(0, min(int(limit), MAX_LIMIT))
    sql = f"""
        SELECT {select_list(_UNIQUE_LISTED, "u")}, u.evidence_text, u.first_article_id AS article_id,
               u.first_article_seq
        FROM unique_events u WHERE {where}
        ORDER BY u.day DESC NULLS LAST, u.id LIMIT ? OFFSET ?
    """
    rows = _rows(con, sql, [*params, limit, max(0, int(offset))])
    if not rows:
        return []
    # The evidence is the unique event's copy of its earliest mention's (no lookup in
    # events, which has no key); the articles are looked up by seq, not joined.
    names = column_names(ARTICLE_LINK)
    arts = articles_by_seq(con, (r["first_article_seq"] for r in rows), select_list(ARTICLE_LINK))
    empty = (None,) * len(names)
    return [{c: r.get(c) for c in UNIQUE_EVENT_COLUMNS if c in r}
            | _jsonable(dict(zip(names, arts.get(r["first_article_seq"], empty), strict=True)))
            for r in rows]


def count_unique_events(con: Any, **filters: Any) -> int:
    """Number of distinct events matching the same filters as ``unique_events``."""
    where, params = event_filters(**filters, alias="u", day_expr="u.day")
    return con.execute(f"SELECT count(*) FROM unique_events u WHERE {where}", params).fetchall()[0][0]


def count_events(con: Any, **filters: Any) -> int:
    """Number of events matching the same filters as ``events``."""
    where, params = _mention_filters(**filters)
    return con.execute(f"SELECT count(*) FROM event_groups g WHERE {where}", params).fetchall()[0][0]


def _mention_filters(*, text: str | None = None, **filters: Any) -> tuple[str, list[Any]]:
    """``event_filters`` over ``event_groups g`` (the mentions' narrow columns); the evidence
    text, which only ``events`` holds, is matched there."""
    where, params = event_filters(alias="g", day_expr="g.day", **filters)
    if text:
        where += f" AND g.event_id IN (SELECT id FROM events WHERE evidence_text ILIKE ? {LIKE_ESCAPE})"
        params.append(contains(text))
    return where, params


def article(con: Any, article_id: str) -> dict[str, Any] | None:
    """One article with its events, statements, sightings and story; None when unknown."""
    rows = _rows(con, "SELECT * FROM articles WHERE id = ?", [article_id])
    if not rows:
        return None
    art = rows[0]
    art["events"] = _rows(
        con,
        f"SELECT * FROM ({_EVENT_SELECT}) e WHERE article_id = ? ORDER BY idx",
        [article_id],
    )
    art["statements"] = _rows(
        con, "SELECT * FROM statements WHERE article_id = ? ORDER BY idx", [article_id]
    )
    art["sightings"] = _rows(
        con,
        f"SELECT {select_list(SIGHTINGS.columns, skip=['article_id'])} FROM sightings "
        "WHERE article_id = ? ORDER BY key",
        [article_id],
    )
    art["story"] = story(con, art["story_id"]) if art.get("story_id") else None
    return art


def articles(
    con: Any,
    *,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    source: str | None = None,
    text: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Articles (without their text) with event counts, newest first."""
    where: list[str] = []
    params: list[Any] = []
    if (s := _date(since, "since")) is not None:
        where.append("a.published >= ?")
        params.append(s)
    if (u := _date(until, "until")) is not None:
        where.append("a.published <= ?")
        params.append(u)
    if source:
        where.append("a.source = ?")
        params.append(source)
    if text:
        where.append(f"(a.title ILIKE ? {LIKE_ESCAPE} OR a.text ILIKE ? {LIKE_ESCAPE})")
        params += [contains(text), contains(text)]
    sql = (
        f"SELECT {select_list(ARTICLES.view('list'), 'a')}, "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS num_events, "
        "(SELECT count(*) FROM statements s WHERE s.article_id = a.id) AS num_statements "
        f"FROM articles a WHERE {' AND '.join(where) or 'TRUE'} "
        "ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?"
    )
    limit = max(0, min(int(limit), MAX_LIMIT))
    return _rows(con, sql, [*params, limit, max(0, int(offset))])


def story(con: Any, story_id: str) -> dict[str, Any] | None:
    """A story with its members and why they were merged (similarity, matched article)."""
    rows = _rows(con, "SELECT * FROM stories WHERE story_id = ?", [story_id])
    if not rows:
        return None
    st = rows[0]
    st["members"] = _rows(
        con,
        f"SELECT {select_list(STORY_MEMBERS.columns, 'm', skip=['story_id'])}, "
        f"{select_list(ARTICLE_LINK, 'a')} FROM story_members m JOIN articles a ON a.id = m.article_id "
        "WHERE m.story_id = ? ORDER BY m.method DESC, a.published NULLS LAST, m.article_id",
        [story_id],
    )
    # Exact copies share one article row: each place it was seen is a sighting.
    sightings = _rows(
        con,
        f"SELECT {select_list(SIGHTINGS.columns, 'si')} "
        "FROM sightings si JOIN story_members m ON m.article_id = si.article_id "
        "WHERE m.story_id = ? ORDER BY si.article_id, si.seen_at, si.key",
        [story_id],
    )
    for member in st["members"]:
        member["sightings"] = [
            {k: v for k, v in x.items() if k != "article_id"}
            for x in sightings if x["article_id"] == member["article_id"]
        ]
    return st


def stories(
    con: Any, *, min_articles: int = 2, limit: int = 100, offset: int = 0
) -> list[dict[str, Any]]:
    """Stories with at least ``min_articles`` copies, largest first."""
    limit = max(0, min(int(limit), MAX_LIMIT))
    return _rows(
        con,
        "SELECT * FROM stories WHERE num_articles >= ? "
        "ORDER BY num_articles DESC, first_published DESC NULLS LAST, story_id LIMIT ? OFFSET ?",
        [int(min_articles), limit, max(0, int(offset))],
    )


def statements(
    con: Any, *, verdict: str | None = None, limit: int = 100, offset: int = 0
) -> list[dict[str, Any]]:
    """Checked statements with their article title, optionally of one verdict."""
    where, params = ("s.verdict = ?", [verdict]) if verdict else ("TRUE", [])
    limit = max(0, min(int(limit), MAX_LIMIT))
    return _rows(
        con,
        "SELECT s.*, a.title, a.url FROM statements s JOIN articles a ON a.id = s.article_id "
        f"WHERE {where} ORDER BY a.published DESC NULLS LAST, s.article_id, s.idx "
        "LIMIT ? OFFSET ?",
        [*params, limit, max(0, int(offset))],
    )


def skips(
    con: Any, *, reason: str | None = None, limit: int = 100, offset: int = 0
) -> list[dict[str, Any]]:
    """Stored skips (inputs that gave no article) and why."""
    where, params = ("reason = ?", [reason]) if reason else ("TRUE", [])
    limit = max(0, min(int(limit), MAX_LIMIT))
    return _rows(
        con,
        f"SELECT * FROM skips WHERE {where} ORDER BY \"at\" DESC, id LIMIT ? OFFSET ?",
        [*params, limit, max(0, int(offset))],
    )


def skip_reasons(con: Any) -> dict[str, int]:
    """Number of stored skips per reason."""
    return dict(con.execute("SELECT reason, count(*) FROM skips GROUP BY reason ORDER BY 1").fetchall())


def counts(con: Any) -> dict[str, int]:
    """Row count of every table."""
    return {
        t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
        for t in (*PRIMARY_TABLES, *DERIVED_TABLES)
    }


def dyads(con: Any, *, limit: int = 20, since: str | dt.date | None = None) -> list[dict[str, Any]]:
    """Most active unordered country dyads (distinct events), with conflict share and Goldstein."""
    params: list[Any] = []
    where = "source_party IS NOT NULL AND target_party IS NOT NULL AND source_party <> target_party"
    if (s := _date(since, "since")) is not None:
        where += " AND day >= ?"
        params.append(s)
    sql = f"""
        SELECT least(source_party, target_party) || '-' || greatest(source_party, target_party)
                   AS dyad,
               count(*) AS events,
               sum(num_mentions) AS mentions,
               round(avg(goldstein), 3) AS goldstein_mean,
               round(avg(CASE WHEN quad_class = 4 THEN 1.0 ELSE 0.0 END), 3)
                   AS material_conflict_share,
               min(day) AS first_day, max(day) AS last_day
        FROM unique_events WHERE {where} AND NOT negated
        GROUP BY 1 ORDER BY events DESC, dyad LIMIT ?
    """
    return _rows(con, sql, [*params, max(0, min(int(limit), MAX_LIMIT))])


def actors(con: Any, *, limit: int = 1000) -> list[dict[str, Any]]:
    """Actor codes seen on either side of a distinct event, busiest first, each with the
    mention it is most often written as (for the dashboard's actor search)."""
    sql = """
        WITH sides AS (
            SELECT source_code AS code, source_text AS text FROM unique_events
            UNION ALL SELECT target_code, target_text FROM unique_events
        )
        SELECT code, mode(text) AS name, count(*) AS events
        FROM sides WHERE code IS NOT NULL
        GROUP BY code ORDER BY events DESC, code LIMIT ?
    """
    return _rows(con, sql, [max(0, min(int(limit), MAX_LIMIT))])

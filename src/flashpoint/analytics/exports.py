"""Exports other tools load as they are: Parquet, CSV, JSONL, GDELT 2.0 TSV, ACLED-style CSV.

* ``parquet`` / ``csv`` / ``jsonl``: one file per table (``TABLE_COLUMNS``): articles, events
  (one row per coded mention, with its article's title/url/source, ``negated``,
  ``modality``, ``day`` and ``day_precision``), unique_events, statements, skips, stories,
  story_members. JSONL is one JSON object per line.
* ``gdelt``: ``events.gdelt.tsv``, GDELT 2.0's 61 event columns, no header unless asked
  (``analytics.gdelt``; what each column holds: ``analytics/data/gdelt_columns.tsv``).
* ``acled``: ``events.acled.csv``, ACLED's columns for the events ACLED would record
  (``analytics.acled``).

Certainty (``store.counting``): events and unique events that did not happen as far as
the text says (negated; intended, demanded, hypothetical) are left out of every export unless
``include_uncertain``; the tables and the ACLED export then show them (``negated``,
``modality``, ACLED ``tags``), GDELT cannot (it has no such column).

Exports run on a read-only connection, stream rather than load tables in memory, and take the
same ``dyad``/``since``/``until`` filters as the queries for events.
"""

from __future__ import annotations

import datetime as dt
import inspect
from pathlib import Path
from typing import Any

from ..columns import (
    ARTICLES,
    MENTION,
    SKIPS,
    STATEMENTS,
    STORIES,
    STORY_MEMBERS,
    UNIQUE_EVENTS,
    Column,
    column_names,
    select_list,
)
from ..errors import InputError
from ..store.counting import certainty_sql
from ..store.queries import _EVENT_SELECT, LIKE_ESCAPE, contains, event_filters
from . import acled, gdelt

FORMATS = ("parquet", "csv", "jsonl", "gdelt", "acled")

# The exported tables and their columns, from the column specs (``flashpoint.columns``): each
# table's "export" view; events are the mention rows the queries show (``columns.MENTION``).
_EXPORTED: dict[str, tuple[Column, ...]] = {
    "articles": ARTICLES.view("export"),
    "events": MENTION,
    "unique_events": UNIQUE_EVENTS.view("export"),
    "statements": STATEMENTS.view("export"),
    "skips": SKIPS.view("export"),
    "stories": STORIES.view("export"),
    "story_members": STORY_MEMBERS.view("export"),
}
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {t: column_names(c) for t, c in _EXPORTED.items()}

FILES = {
    "parquet": {t: f"{t}.parquet" for t in TABLE_COLUMNS},
    "csv": {t: f"{t}.csv" for t in TABLE_COLUMNS},
    "jsonl": {t: f"{t}.jsonl" for t in TABLE_COLUMNS},
    "gdelt": {"events": "events.gdelt.tsv"},
    "acled": {"events": "events.acled.csv"},
}


def export(
    con: Any,
    out_dir: str | Path,
    fmt: str,
    *,
    dyad: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    include_uncertain: bool = False,
    header: bool = False,
    **filters: Any,
) -> list[Path]:
    """Write the export ``fmt`` into ``out_dir`` (created); returns the files written.

    ``include_uncertain`` also exports negated, intended, demanded and hypothetical events;
    ``header`` adds a header line to the GDELT file (the other formats always have one).
    The event tables also take the other filters of ``store.queries.events`` (``ordered``,
    ``actor``, ``country``, ``cameo_root``, ``plover``, ``quad_class``, ``text``, ``modality``,
    ``negated``); ``text``
    keeps the unique events one of whose mentions has it.
    """
    if fmt not in FORMATS:
        raise InputError("E104", fmt=fmt, choices=", ".join(FORMATS))
    unknown = set(filters) - EXTRA_FILTERS
    if unknown:
        raise TypeError(f"export() got unknown filter(s): {', '.join(sorted(unknown))}")
    f = {"dyad": dyad, "since": since, "until": until, **filters}
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InputError("E105", path=out, reason=e.strerror or e) from e
    written: list[Path] = []
    if fmt in ("parquet", "csv", "jsonl"):
        for table, name in FILES[fmt].items():
            sql, params = _table_query(table, f, include_uncertain=include_uncertain)
            written.append(_copy(con, sql, params, out / name, fmt))
        return written
    where, params = _unique_filters(f, include_uncertain)
    if fmt == "gdelt":
        written.append(gdelt.write(con, out / FILES["gdelt"]["events"], where=where,
                                   params=params, header=header))
    else:
        written.append(acled.write(con, out / FILES["acled"]["events"], where=where,
                                   params=params))
    return written


def _copy(con: Any, sql: str, params: list[Any], path: Path, fmt: str) -> Path:
    target = str(path).replace("'", "''")
    options = {
        "parquet": "FORMAT parquet, COMPRESSION zstd",
        "csv": "FORMAT csv, HEADER true",
        "jsonl": "FORMAT json",
    }[fmt]
    con.execute(f"COPY ({sql}) TO '{target}' ({options})", params)
    return path


# The other filters of ``store.queries.event_filters`` an export takes (the query decides
# which there are): all but the three named above, the query's own plumbing and one article.
EXTRA_FILTERS = set(inspect.signature(event_filters).parameters) - {
    "dyad", "since", "until", "alias", "day_expr", "article_id",
}


def _unique_filters(f: dict[str, Any], include_uncertain: bool = False) -> tuple[str, list[Any]]:
    """WHERE over ``unique_events u``: the event filters ``f``; ``text`` matches a mention."""
    text = f.get("text")
    where, params = event_filters(**{k: v for k, v in f.items() if k != "text"}, alias="u",
                                  day_expr="u.day")
    if text:
        where += (" AND u.id IN (SELECT g.unique_event_id FROM event_groups g JOIN events m "
                  f"ON m.id = g.event_id WHERE m.evidence_text ILIKE ? {LIKE_ESCAPE})")
        params = [*params, contains(text)]
    return f"{where} AND {certainty_sql(alias='u', include_uncertain=include_uncertain)}", params


def _table_query(
    table: str, f: dict[str, Any], *, include_uncertain: bool = False
) -> tuple[str, list[Any]]:
    cols = _EXPORTED[table]
    if table == "events":
        where, params = event_filters(**f)
        where = f"{where} AND {certainty_sql(alias='e', include_uncertain=include_uncertain)}"
        sql = (
            f"SELECT {select_list(cols, 'e')} FROM ({_EVENT_SELECT}) e WHERE {where} "
            "ORDER BY day, article_id, idx"
        )
        return sql, params
    if table == "unique_events":
        where, params = _unique_filters(f, include_uncertain)
        return (f"SELECT {select_list(cols, 'u')} FROM unique_events u WHERE {where} "
                "ORDER BY day, id"), params
    # A list of strings is one cell of text in every format (CSV has no lists).
    select = ", ".join(
        f"array_to_string(\"{c.name}\", '; ') AS \"{c.name}\"" if c.type.endswith("[]")
        else f'"{c.name}"' for c in cols
    )
    order = {"articles": "published, id", "statements": "article_id, idx", "skips": "id",
             "stories": "story_id", "story_members": "story_id, article_id"}[table]
    return f"SELECT {select} FROM {table} ORDER BY {order}", []

"""Stored events as pandas DataFrames, for notebooks.

``events_frame(db, **filters)`` takes the filters of ``store.queries.events`` (the CLI's
``flashpoint events`` and the API's ``/api/events``), so a notebook, the command line and the
dashboard select the same rows; it returns every matching row (no page limit), newest first,
with the day and date columns as ``datetime64`` so ``.dt``, ``resample`` and plotting work.

The database file is opened read-only for the call and closed afterwards, so a notebook never
keeps an ingest out. While an ingest writes the file (DuckDB then lets no other process open
it), the newest read replica (``store.replica``, kept by ``flashpoint ingest`` and a running
``flashpoint serve``) is read instead; ``frame.attrs["read_from"]`` names the file actually
read and ``frame.attrs["replica_as_of"]`` when that copy was published (None: the main file).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..columns import ARTICLE_LINK, MENTION, UNIQUE_EVENTS, select_list
from ..errors import InputError
from . import queries, replica, storage

# Every DATE column a frame can hold (datetime64 in the frame), from the specs.
DATE_COLUMNS = tuple(sorted({c.name for c in (*MENTION, *UNIQUE_EVENTS.columns) if c.type == "DATE"}))
# A unique event's earliest mention is shown as its article and evidence, not as its ids.
_FIRST = ("first_event_id", "first_article_id")


def events_frame(
    db: str | Path,
    *,
    unique: bool = False,
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
) -> Any:
    """Every stored event matching the filters as a pandas DataFrame, newest first.

    One row per coded mention (the ``events`` table joined to its article: ``day`` is the day
    the event counts on, ``published``/``title``/``url``/``source`` the article's), or with
    ``unique=True`` one row per distinct event (``unique_events``: ``num_mentions``,
    ``num_sources``, ...; ``text`` cannot be combined with it). Filters as in
    ``store.queries.events``; a bad value raises ``InputError``.
    """
    filters = {
        "dyad": dyad, "ordered": ordered, "actor": actor, "country": country,
        "cameo_root": cameo_root, "plover": plover, "quad_class": quad_class,
        "since": since, "until": until,
    }
    if unique:
        if text:
            raise InputError("E122")
        where, params = queries.event_filters(**filters, alias="u", day_expr="u.day")
        sql = f"""
            SELECT {select_list(UNIQUE_EVENTS.columns, "u", skip=_FIRST)},
                   u.first_article_id AS article_id, e.evidence_text,
                   {select_list(ARTICLE_LINK, "a")}
            FROM unique_events u
            LEFT JOIN events e ON e.id = u.first_event_id
            LEFT JOIN articles a ON a.id = u.first_article_id
            WHERE {where} ORDER BY u.day DESC NULLS LAST, u.id
        """
    else:
        where, params = queries.event_filters(**filters, text=text)
        sql = (f"SELECT * FROM ({queries.EVENT_SELECT}) e WHERE {where} "
               "ORDER BY day DESC NULLS LAST, article_id, idx")
    con, source = replica.connect_for_reading(db)
    path = source.path
    try:
        with storage.translated("E303", path=path):
            frame = con.execute(sql, params).df()
    finally:
        storage.close(con)
    import pandas as pd

    for name in DATE_COLUMNS:
        if name in frame.columns:
            frame[name] = pd.to_datetime(frame[name])
    frame.attrs["read_from"] = str(path)
    frame.attrs["replica_as_of"] = source.as_of
    return frame


__all__ = ["events_frame"]

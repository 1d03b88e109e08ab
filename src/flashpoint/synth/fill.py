"""Fill a store with millions of synthetic *coded* events, fast, to time queries at scale.

Running the NLP over a million events' worth of articles takes hours here; the query side
(tension series, alerts, the API) only needs rows with a realistic shape. ``fill_store``
writes them with bulk DuckDB SQL: articles (short placeholder texts, marked synthetic) and
events spread over ``days`` days between the dyads of ``synth/data/world.json`` (weighted
as in the report generator), CAMEO codes with their quad class and Goldstein value, then
rebuilds the derived tables with ``Store.refresh``. Deterministic for a given ``seed``.

Ids are 16 hex digits of a hash, like the content ids of real articles and events: DuckDB's
indexes over random keys are held in memory whole and touched all over by new rows, so a store
with sequential ids (as this one had) hides the memory a real store of that size needs.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

from ..store import Store
from . import world

# (cameo, quad class, Goldstein): a spread over the four quad classes.
CODES = (
    ("010", 1, 0.0), ("036", 1, 4.0), ("042", 1, 1.9), ("057", 1, 8.0), ("061", 2, 6.4),
    ("070", 2, 7.0), ("112", 3, -2.0), ("130", 3, -4.4), ("138", 3, -7.0), ("141", 3, -6.5),
    ("150", 4, -7.2), ("163", 4, -8.0), ("173", 4, -5.0), ("190", 4, -10.0), ("195", 4, -10.0),
)


def fill_store(
    db: str | Path,
    *,
    n_events: int = 1_000_000,
    events_per_article: int = 5,
    seed: int = 1,
    start: dt.date = dt.date(2020, 1, 1),
    days: int = 1461,
) -> dict[str, Any]:
    """Add ``n_events`` synthetic events (and their articles) to ``db``; returns timings.
    Raises ValueError when ``db`` was bulk-filled before."""
    w = world()
    pairs = [(d["a"], d["b"], d["weight"]) for d in w["dyads"]]
    n_articles = max(1, n_events // events_per_article)
    started = time.perf_counter()
    with Store(db) as store:
        con = store.con
        if con.execute("SELECT count(*) FROM articles WHERE origin = 'synth:fill'").fetchone()[0]:
            # events have no key (columns.KEYLESS): a second fill would repeat them
            raise ValueError(f"{db} already holds bulk-filled events; fill a new store")
        con.execute("SELECT setseed(?)", [((seed * 7919) % 1000) / 1000])
        con.execute("CREATE OR REPLACE TEMP TABLE _pairs (k INTEGER, a VARCHAR, b VARCHAR)")
        rows = [(a, b) for a, b, weight in pairs for _ in range(weight)]
        con.executemany("INSERT INTO _pairs VALUES (?, ?, ?)",
                        [(i, a, b) for i, (a, b) in enumerate(rows)])
        con.execute("CREATE OR REPLACE TEMP TABLE _codes (k INTEGER, cameo VARCHAR, "
                    "quad INTEGER, gold DOUBLE)")
        con.executemany("INSERT INTO _codes VALUES (?, ?, ?, ?)",
                        [(i, c, q, g) for i, (c, q, g) in enumerate(CODES)])
        n_pairs, n_codes = len(rows), len(CODES)
        con.begin()
        # articles are numbered on from the store's last (``articles.seq``, ingest order)
        base = con.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]
        con.execute(
            """
            INSERT INTO articles (id, seq, title, published, url, source, language, text,
                                  origin, notes, num_words, story_id, ingested_at)
            SELECT md5('syn' || i)[1:16], ? + i + 1, 'Synthetic report ' || i,
                   ? + CAST(i * ? / ? AS INTEGER), NULL, 'Flashpoint synthetic (bulk)', 'en',
                   'Synthetic placeholder text ' || i, 'synth:fill', [], 4, NULL,
                   CAST(now() AS TIMESTAMP)
            FROM range(?) t(i)
            """,
            [base, start, days, n_articles, n_articles],
        )
        con.execute(
            """
            INSERT INTO events (
                id, article_id, article_seq, idx, source_text, source_code, source_country, source_sector,
                target_text, target_code, target_country, target_sector, cameo, cameo_root,
                plover, quad_class, goldstein, date, date_text, date_precision, attribution,
                location_text, location_country, location_lat, location_lon, negated, modality,
                trigger, evidence_text, evidence_start, evidence_end)
            WITH r AS (
                SELECT i, CAST(i // ? AS BIGINT) AS art,
                       CAST(floor(random() * ?) AS INTEGER) AS pk,
                       CAST(floor(random() * ?) AS INTEGER) AS ck,
                       random() < 0.5 AS flip, random() < 0.6 AS dated,
                       CAST(floor(random() * 3) AS INTEGER) AS back
                FROM range(?) t(i)
            )
            SELECT md5('sev' || r.i)[1:16], md5('syn' || r.art)[1:16], ? + r.art + 1,
                   CAST(r.i % ? AS INTEGER),
                   CASE WHEN flip THEN p.b ELSE p.a END, CASE WHEN flip THEN p.b ELSE p.a END
                       || 'GOV', CASE WHEN flip THEN p.b ELSE p.a END, 'GOV',
                   CASE WHEN flip THEN p.a ELSE p.b END, CASE WHEN flip THEN p.a ELSE p.b END,
                   CASE WHEN flip THEN p.a ELSE p.b END, NULL,
                   c.cameo, substr(c.cameo, 1, 2), NULL, c.quad, c.gold,
                   CASE WHEN dated THEN ? + CAST(r.art * ? / ? AS INTEGER) - back END,
                   NULL, CASE WHEN dated THEN 'day' END, NULL, NULL, NULL, NULL, NULL,
                   false, 'asserted', NULL, 'Synthetic evidence ' || r.i, 0, 10
            FROM r JOIN _pairs p ON p.k = r.pk JOIN _codes c ON c.k = r.ck
            """,
            [events_per_article, n_pairs, n_codes, n_events, base, events_per_article,
             start, days, n_articles],
        )
        con.execute(
            "INSERT INTO sightings (article_id, article_seq, key, source, origin, url, seen_at) "
            "SELECT id, seq, id, source, origin, NULL, ingested_at "
            "FROM articles WHERE origin = 'synth:fill' ORDER BY seq"
        )
        con.commit()
        written = time.perf_counter() - started
        refresh_started = time.perf_counter()
        refreshed = store.refresh()
        counts = store.counts()
    return {
        "events": counts["events"],
        "unique_events": refreshed.unique_events,
        "articles": counts["articles"],
        "write_seconds": round(written, 2),
        "refresh_seconds": round(time.perf_counter() - refresh_started, 2),
    }

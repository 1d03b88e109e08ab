"""Exports other tools load as they are: Parquet, CSV, JSONL, GDELT-2.0-style TSV, ACLED-style CSV.

* ``parquet`` / ``csv`` / ``jsonl``: one file per table (``TABLE_COLUMNS``): articles, events
  (one row per coded mention, with its article's title/url/source), unique_events,
  statements, skips, stories, story_members. JSONL is one JSON object per line.
* ``gdelt``: ``events.gdelt.tsv``, one row per *unique* event with the 61 columns of the
  GDELT 2.0 event table in their order (``GDELT_COLUMNS``) and a header line (GDELT's own
  files have none: skip one line, or pass ``names=`` and ``header=0``). Unknown values are
  empty. Deviations, because Flashpoint knows less or other things than GDELT:
  ``GLOBALEVENTID`` is the first 60 bits of our event hash (stable across runs, not GDELT's
  sequence); ``ActionGeo_CountryCode`` is ISO-3 (GDELT uses FIPS 10-4); ``AvgTone``, the
  actor geographies, ethnic/religion codes and ADM codes are empty; ``IsRootEvent`` is 1 for
  the first (main) event of an article; ``FractionDate`` = year + (month*30 + day)/365 as
  GDELT computes it.
* ``acled``: ``events.acled.csv``, one row per unique event with ACLED's column names
  (``ACLED_COLUMNS``); ``event_type``/``sub_event_type`` mapped from CAMEO by
  ``analytics/data/acled_types.json``; ``notes`` is the evidence sentence; ``country`` the
  English name of the location's country (else the source actor's); ``actor1``/``actor2``
  the actor mentions with their codes. No fatalities column: Flashpoint does not extract them.

Exports run on a read-only connection (DuckDB ``COPY``), stream rather than load tables in
memory, and take the same ``dyad``/``since``/``until`` filters as the queries for events.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..store.queries import _EVENT_SELECT, EVENT_COLUMNS, event_filters

FORMATS = ("parquet", "csv", "jsonl", "gdelt", "acled")

TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
        "id", "title", "published", "url", "source", "language", "origin", "notes",
        "num_words", "story_id", "ingested_at", "text",
    ),
    "events": EVENT_COLUMNS,
    "unique_events": (
        "id", "day", "source_code", "source_country", "source_text", "target_code",
        "target_country", "target_text", "source_party", "target_party", "cameo", "cameo_root",
        "plover", "quad_class", "goldstein", "negated", "modality", "num_mentions",
        "num_stories", "num_articles", "num_sources", "first_event_id", "first_article_id",
    ),
    "statements": (
        "article_id", "idx", "text", "verdict", "score", "evidence_text", "evidence_start",
        "evidence_end", "reason",
    ),
    "skips": ("id", "reason", "detail", "origin", "at"),
    "stories": (
        "story_id", "title", "num_articles", "num_sources", "num_members", "first_published",
        "last_published",
    ),
    "story_members": ("article_id", "story_id", "similarity", "matched_id", "method"),
}

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "actor2", "country", "iso3", "location", "latitude",
    "longitude", "source", "source_url", "notes", "cameo", "num_mentions",
)

FILES = {
    "parquet": {t: f"{t}.parquet" for t in TABLE_COLUMNS},
    "csv": {t: f"{t}.csv" for t in TABLE_COLUMNS},
    "jsonl": {t: f"{t}.jsonl" for t in TABLE_COLUMNS},
    "gdelt": {"events": "events.gdelt.tsv"},
    "acled": {"events": "events.acled.csv"},
}


@functools.lru_cache(maxsize=1)
def acled_types() -> dict[str, tuple[str, str, str]]:
    """CAMEO prefix -> (event_type, sub_event_type, disorder_type)."""
    raw = json.loads(
        resources.files(__package__).joinpath("data/acled_types.json").read_text("utf-8")
    )
    return {k: tuple(v) for k, v in raw["prefixes"].items()}


def acled_type(cameo: str) -> tuple[str, str, str]:
    """ACLED type of a CAMEO code by longest prefix (``"1951"`` -> Air/drone strike)."""
    table = acled_types()
    for n in range(len(cameo), 1, -1):
        if cameo[:n] in table:
            return table[cameo[:n]]
    return ("Strategic developments", "Other", "Strategic developments")


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import pycountry

    names = {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    names["XKX"] = "Kosovo"
    return names


def export(
    con: Any,
    out_dir: str | Path,
    fmt: str,
    *,
    dyad: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
) -> list[Path]:
    """Write the export ``fmt`` into ``out_dir`` (created); returns the files written."""
    if fmt not in FORMATS:
        raise InputError(f"export format {fmt!r}: use one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise InputError(f"cannot create {out}: {e.strerror or e}") from e
    written: list[Path] = []
    if fmt in ("parquet", "csv", "jsonl"):
        for table, name in FILES[fmt].items():
            sql, params = _table_query(table, dyad=dyad, since=since, until=until)
            written.append(_copy(con, sql, params, out / name, fmt))
    elif fmt == "gdelt":
        sql, params = _gdelt_query(dyad=dyad, since=since, until=until)
        written.append(_copy(con, sql, params, out / FILES["gdelt"]["events"], "tsv"))
    else:
        written.append(_acled(con, out / FILES["acled"]["events"], dyad=dyad, since=since,
                              until=until))
    return written


def _copy(con: Any, sql: str, params: list[Any], path: Path, fmt: str) -> Path:
    target = str(path).replace("'", "''")
    options = {
        "parquet": "FORMAT parquet, COMPRESSION zstd",
        "csv": "FORMAT csv, HEADER true",
        "tsv": "FORMAT csv, HEADER true, DELIMITER '\t'",
        "jsonl": "FORMAT json",
    }[fmt]
    con.execute(f"COPY ({sql}) TO '{target}' ({options})", params)
    return path


def _unique_filters(dyad: Any, since: Any, until: Any) -> tuple[str, list[Any]]:
    return event_filters(dyad=dyad, since=since, until=until, alias="u", day_expr="u.day")


def _table_query(table: str, *, dyad: Any, since: Any, until: Any) -> tuple[str, list[Any]]:
    cols = TABLE_COLUMNS[table]
    if table == "events":
        where, params = event_filters(dyad=dyad, since=since, until=until)
        col_list = ", ".join(f'e."{c}"' for c in cols)
        sql = (
            f"SELECT {col_list} FROM ({_EVENT_SELECT}) e WHERE {where} "
            "ORDER BY day, article_id, idx"
        )
        return sql, params
    if table == "unique_events":
        where, params = _unique_filters(dyad, since, until)
        col_list = ", ".join(f'u."{c}"' for c in cols)
        return f"SELECT {col_list} FROM unique_events u WHERE {where} ORDER BY day, id", params
    select = ", ".join(
        "array_to_string(notes, '; ') AS notes" if c == "notes" else f'"{c}"' for c in cols
    )
    order = {"articles": "published, id", "statements": "article_id, idx", "skips": "id",
             "stories": "story_id", "story_members": "story_id, article_id"}[table]
    return f"SELECT {select} FROM {table} ORDER BY {order}", []


def _gdelt_query(*, dyad: Any, since: Any, until: Any) -> tuple[str, list[Any]]:
    where, params = _unique_filters(dyad, since, until)

    def actor(n: int, side: str) -> list[str]:
        code, country = f"u.{side}_code", f"u.{side}_country"
        igo = f"({country} IS NULL AND {code} LIKE 'IGO%')"
        return [
            f"{code} AS Actor{n}Code",
            f"upper(u.{side}_text) AS Actor{n}Name",
            f"{country} AS Actor{n}CountryCode",
            f"CASE WHEN {igo} THEN substr({code}, 4, 3) END AS Actor{n}KnownGroupCode",
            f"NULL AS Actor{n}EthnicCode", f"NULL AS Actor{n}Religion1Code",
            f"NULL AS Actor{n}Religion2Code",
            f"CASE WHEN {igo} THEN 'IGO' ELSE e.{side}_sector END AS Actor{n}Type1Code",
            f"NULL AS Actor{n}Type2Code", f"NULL AS Actor{n}Type3Code",
        ]

    def no_geo(n: str) -> list[str]:
        return [f"NULL AS {n}Geo_{c}" for c in
                ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
                 "FeatureID")]

    cols = [
        "CAST(('0x' || substr(u.id, 1, 15)) AS BIGINT) AS GLOBALEVENTID",
        "CAST(strftime(u.day, '%Y%m%d') AS INTEGER) AS SQLDATE",
        "CAST(strftime(u.day, '%Y%m') AS INTEGER) AS MonthYear",
        "year(u.day) AS Year",
        "round(year(u.day) + (month(u.day) * 30 + day(u.day)) / 365.0, 4) AS FractionDate",
        *actor(1, "source"), *actor(2, "target"),
        "CASE WHEN e.idx = 0 THEN 1 ELSE 0 END AS IsRootEvent",
        "u.cameo AS EventCode", "substr(u.cameo, 1, 3) AS EventBaseCode",
        "u.cameo_root AS EventRootCode", "u.quad_class AS QuadClass",
        "u.goldstein AS GoldsteinScale", "u.num_mentions AS NumMentions",
        "u.num_sources AS NumSources", "u.num_articles AS NumArticles", "NULL AS AvgTone",
        *no_geo("Actor1"), *no_geo("Actor2"),
        (
            "CASE WHEN e.location_lat IS NOT NULL THEN 4 WHEN e.location_country IS NOT NULL "
            "THEN 1 END AS ActionGeo_Type"
        ),
        "e.location_text AS ActionGeo_FullName", "e.location_country AS ActionGeo_CountryCode",
        "NULL AS ActionGeo_ADM1Code", "NULL AS ActionGeo_ADM2Code",
        "e.location_lat AS ActionGeo_Lat", "e.location_lon AS ActionGeo_Long",
        "NULL AS ActionGeo_FeatureID",
        "CAST(strftime(a.ingested_at, '%Y%m%d%H%M%S') AS BIGINT) AS DATEADDED",
        "coalesce(a.url, a.origin) AS SOURCEURL",
    ]
    sql = (
        f"SELECT {', '.join(cols)} FROM unique_events u "
        "JOIN events e ON e.id = u.first_event_id JOIN articles a ON a.id = u.first_article_id "
        f"WHERE u.day IS NOT NULL AND {where} ORDER BY u.day, u.id"
    )
    return sql, params


def _acled(con: Any, path: Path, *, dyad: Any, since: Any, until: Any) -> Path:
    import pyarrow as pa

    mapping = sorted(acled_types().items())
    names = _country_names()
    con.execute("CREATE OR REPLACE TEMP TABLE _acled_types (prefix VARCHAR, event_type VARCHAR, "
                "sub_event_type VARCHAR, disorder_type VARCHAR)")
    con.executemany("INSERT INTO _acled_types VALUES (?, ?, ?, ?)",
                    [(k, *v) for k, v in mapping])
    con.execute("CREATE OR REPLACE TEMP TABLE _countries (iso3 VARCHAR, name VARCHAR)")
    con.register("_country_rows", pa.table({"iso3": list(names), "name": list(names.values())}))
    con.execute("INSERT INTO _countries SELECT * FROM _country_rows")
    con.unregister("_country_rows")
    where, params = _unique_filters(dyad, since, until)
    actor = ("CASE WHEN u.{s}_text IS NULL AND u.{s}_code IS NULL THEN NULL "
             "ELSE concat_ws(' ', u.{s}_text, '(' || u.{s}_code || ')') END")
    sql = f"""
        WITH t AS (
            SELECT u.id, arg_max(m.event_type, length(m.prefix)) AS event_type,
                   arg_max(m.sub_event_type, length(m.prefix)) AS sub_event_type,
                   arg_max(m.disorder_type, length(m.prefix)) AS disorder_type
            FROM unique_events u JOIN _acled_types m ON starts_with(u.cameo, m.prefix)
            GROUP BY u.id
        )
        SELECT coalesce(e.location_country, u.source_country, u.target_country, 'XXX')
                   || '-' || substr(u.id, 1, 10) AS event_id_cnty,
               u.day AS event_date, year(u.day) AS year,
               CASE WHEN coalesce(e.date_precision, 'day') = 'day' AND e.date IS NOT NULL
                    THEN 1 WHEN e.date_precision = 'month' THEN 3 ELSE 2 END AS time_precision,
               coalesce(t.disorder_type, 'Strategic developments') AS disorder_type,
               coalesce(t.event_type, 'Strategic developments') AS event_type,
               coalesce(t.sub_event_type, 'Other') AS sub_event_type,
               {actor.format(s="source")} AS actor1,
               {actor.format(s="target")} AS actor2,
               c.name AS country,
               coalesce(e.location_country, u.source_country, u.target_country) AS iso3,
               e.location_text AS location, e.location_lat AS latitude,
               e.location_lon AS longitude,
               a.source AS source, a.url AS source_url, e.evidence_text AS notes,
               u.cameo AS cameo, u.num_mentions AS num_mentions
        FROM unique_events u
        JOIN events e ON e.id = u.first_event_id
        JOIN articles a ON a.id = u.first_article_id
        LEFT JOIN t ON t.id = u.id
        LEFT JOIN _countries c
               ON c.iso3 = coalesce(e.location_country, u.source_country, u.target_country)
        WHERE u.day IS NOT NULL AND {where}
        ORDER BY u.day, u.id
    """
    return _copy(con, sql, params, path, "csv")

"""GDELT 2.0 event export: a file a GDELT user loads with their own code unchanged.

One row per unique event, the 61 columns of GDELT 2.0's ``export.CSV`` in order, tab
separated, no header line (as GDELT's files; ``header=True`` adds one), no quoting. What goes
into each column, and which GDELT columns Flashpoint leaves empty because it does not know
them (tone, actor geography, ethnic and religion codes), is documented beside the column in
``analytics/data/gdelt_columns.tsv``. Geo fields carry FIPS 10-4 country codes and GDELT geo
types (``analytics.geo``).

GDELT has no column for negation or modality: by default only events that happened as far
as the text says are exported (``store.counting``); with ``include_uncertain`` negated
and hypothetical events are exported too, with nothing in the row to tell them apart.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

from . import geo


@functools.lru_cache(maxsize=1)
def columns() -> tuple[tuple[str, str, str], ...]:
    """``(name, GDELT type, what Flashpoint writes)`` for the 61 columns, in order."""
    text = resources.files(__package__).joinpath("data/gdelt_columns.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return tuple((r[0], r[1], r[2]) for r in rows)


def column_names() -> tuple[str, ...]:
    return tuple(c[0] for c in columns())


def _clean(expr: str) -> str:
    """A text column without the tabs and line breaks that would break a TSV row."""
    return f"regexp_replace({expr}, '[\\t\\r\\n]+', ' ', 'g')"


def _actor(n: int, side: str) -> list[str]:
    code, country = f"u.{side}_code", f"u.{side}_country"
    igo = f"({country} IS NULL AND {code} LIKE 'IGO%')"
    return [
        f"{code} AS Actor{n}Code",
        f"upper({_clean(f'u.{side}_text')}) AS Actor{n}Name",
        f"{country} AS Actor{n}CountryCode",
        f"CASE WHEN {igo} THEN substr({code}, 4, 3) END AS Actor{n}KnownGroupCode",
        f"NULL AS Actor{n}EthnicCode", f"NULL AS Actor{n}Religion1Code",
        f"NULL AS Actor{n}Religion2Code",
        f"CASE WHEN {igo} THEN 'IGO' ELSE e.{side}_sector END AS Actor{n}Type1Code",
        f"NULL AS Actor{n}Type2Code", f"NULL AS Actor{n}Type3Code",
    ]


def _no_geo(n: str) -> list[str]:
    return [f"0 AS {n}Geo_Type"] + [
        f"NULL AS {n}Geo_{c}"
        for c in ("FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
    ]


def _register_places(con: Any, where: str, params: list[Any]) -> None:
    """Type every distinct stored location of the exported events (``_gdelt_places``)."""
    import pyarrow as pa

    rows = con.execute(
        f"""SELECT DISTINCT e.location_text, e.location_country, e.location_lat, e.location_lon
            FROM unique_events u JOIN events e ON e.id = u.first_event_id
            WHERE u.day IS NOT NULL AND e.location_country IS NOT NULL AND {where}""",
        params,
    ).fetchall()
    typed = [(r, geo.place(*r)) for r in rows]
    con.register("_gdelt_places", pa.table({
        "text": [r[0] for r, _ in typed], "country": [r[1] for r, _ in typed],
        "lat": [r[2] for r, _ in typed], "lon": [r[3] for r, _ in typed],
        "geo_type": [p.geo_type for _, p in typed],
        "full_name": [p.full_name for _, p in typed],
        "fips": [geo.fips(r[1]) for r, _ in typed],
        "adm1": [p.adm1 for _, p in typed], "feature_id": [p.feature_id for _, p in typed],
    }, schema=pa.schema([
        ("text", pa.string()), ("country", pa.string()), ("lat", pa.float64()),
        ("lon", pa.float64()), ("geo_type", pa.int32()), ("full_name", pa.string()),
        ("fips", pa.string()), ("adm1", pa.string()), ("feature_id", pa.string()),
    ])))


def query(where: str) -> str:
    """The SELECT of the export over ``unique_events u`` filtered by ``where``."""
    cols = [
        "CAST(('0x' || substr(u.id, 1, 15)) AS BIGINT) AS GLOBALEVENTID",
        "CAST(strftime(u.day, '%Y%m%d') AS INTEGER) AS SQLDATE",
        "CAST(strftime(u.day, '%Y%m') AS INTEGER) AS MonthYear",
        "year(u.day) AS Year",
        ("round(year(u.day) + (dayofyear(u.day) - 1) / "
        "(CASE WHEN (year(u.day) % 4 = 0 AND year(u.day) % 100 <> 0) OR year(u.day) % 400 = 0 "
        "THEN 366.0 ELSE 365.0 END), 4) AS FractionDate"),
        *_actor(1, "source"), *_actor(2, "target"),
        ("CASE WHEN strpos(a.text, chr(10)) = 0 OR e.evidence_start < strpos(a.text, chr(10)) "
        "THEN 1 ELSE 0 END AS IsRootEvent"),
        "u.cameo AS EventCode", "substr(u.cameo, 1, 3) AS EventBaseCode",
        "u.cameo_root AS EventRootCode", "u.quad_class AS QuadClass",
        "u.goldstein AS GoldsteinScale", "u.num_mentions AS NumMentions",
        "u.num_sources AS NumSources", "u.num_articles AS NumArticles",
        "CAST(NULL AS DOUBLE) AS AvgTone",
        *_no_geo("Actor1"), *_no_geo("Actor2"),
        "coalesce(p.geo_type, 0) AS ActionGeo_Type",
        f"{_clean('p.full_name')} AS ActionGeo_FullName",
        "p.fips AS ActionGeo_CountryCode", "p.adm1 AS ActionGeo_ADM1Code",
        "NULL AS ActionGeo_ADM2Code",
        "e.location_lat AS ActionGeo_Lat", "e.location_lon AS ActionGeo_Long",
        "p.feature_id AS ActionGeo_FeatureID",
        "CAST(strftime(a.ingested_at, '%Y%m%d%H%M%S') AS BIGINT) AS DATEADDED",
        f"{_clean('coalesce(a.url, a.origin)')} AS SOURCEURL",
    ]
    return (
        f"SELECT {', '.join(cols)} FROM unique_events u "
        "JOIN events e ON e.id = u.first_event_id JOIN articles a ON a.id = u.first_article_id "
        "LEFT JOIN _gdelt_places p ON p.text IS NOT DISTINCT FROM e.location_text "
        "AND p.country = e.location_country "
        "AND p.lat IS NOT DISTINCT FROM e.location_lat AND p.lon IS NOT DISTINCT FROM e.location_lon "
        f"WHERE u.day IS NOT NULL AND {where} ORDER BY u.day, u.id"
    )


def write(con: Any, path: Path, *, where: str, params: list[Any], header: bool = False) -> Path:
    """Write the GDELT file for the unique events matching ``where`` (over alias ``u``)."""
    _register_places(con, where, params)
    try:
        target = str(path).replace("'", "''")
        con.execute(
            f"COPY ({query(where)}) TO '{target}' "
            f"(FORMAT csv, HEADER {'true' if header else 'false'}, DELIMITER '\t', QUOTE '')",
            params,
        )
    finally:
        con.unregister("_gdelt_places")
    return path

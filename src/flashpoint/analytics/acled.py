"""ACLED-style export: ACLED's columns and codes, for the events ACLED would record.

One row per unique event whose CAMEO code ACLED records (``analytics/data/acled_types.tsv``:
political violence, demonstrations and a few strategic developments; no statements, appeals
or verbal cooperation), with ACLED's 31 export columns in ACLED's order
(``analytics/data/acled.json``) followed by Flashpoint's own (``cameo`` written as text,
``CAMEO 057``, so no loader turns it into 57; PLOVER, Goldstein, mentions, certainty, URL).

* ``event_type``/``sub_event_type``/``disorder_type``: from the CAMEO code, longest prefix;
  an event with no actor on either side is not exported (ACLED records an event by its actors);
* ``actor1``/``actor2``, ``inter1``/``inter2``/``interaction``: ACLED's actor types from the
  actor sectors (``sector_inter`` in acled.json); ``interaction`` = the two codes, smaller
  first (a lone actor: its code times ten);
* ``country``/``iso``/``region``: where it happened (the location's country, else the
  target's, else the source's) with ACLED's names; ``location``/``latitude``/``longitude``/
  ``geo_precision`` from the stored place (``analytics.geo``); ``admin1-3`` empty (not
  resolved); ``source_scale`` empty (unknown);
* ``time_precision``: 1 when the text gives the day, 2 when only the report's day is known,
  3 for a month or a year;
* ``fatalities``: the largest death toll in the event's evidence sentences
  (``analytics.fatalities``), 0 with the tag ``fatalities=not reported`` when none is given;
* ``notes``: the evidence sentence; ``tags``: the flags above and, with
  ``include_uncertain``, ``negated`` / ``modality=...`` for events that did not happen.
"""

from __future__ import annotations

import csv
import functools
from importlib import resources
from pathlib import Path
from typing import Any

from . import geo
from .fatalities import toll


@functools.lru_cache(maxsize=1)
def types() -> dict[str, tuple[str, str, str] | None]:
    """CAMEO prefix -> (event_type, sub_event_type, disorder_type), None for "not recorded"."""
    text = resources.files(__package__).joinpath("data/acled_types.tsv").read_text("utf-8")
    out: dict[str, tuple[str, str, str] | None] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        prefix, event_type, sub_type, disorder = line.split("\t")
        out[prefix] = None if event_type == "-" else (event_type, sub_type, disorder)
    return out


def acled_type(cameo: str) -> tuple[str, str, str] | None:
    """ACLED (event type, sub-event type, disorder type) of a CAMEO code by longest prefix;
    None when ACLED records no such event (``"0214"``, ``"112"``)."""
    table = types()
    for n in range(len(cameo), 1, -1):
        if cameo[:n] in table:
            return table[cameo[:n]]
    return None


def columns() -> tuple[str, ...]:
    facts = geo.acled_facts()
    return tuple(facts["columns"]) + tuple(facts["extra_columns"])


def actor(
    *, code: str | None, text: str | None, country: str | None, sector: str | None,
    event_country: str | None, event_type: str, first: bool, violent: bool = True,
) -> tuple[str, int | None]:
    """ACLED name and actor type (``inter``) of one side of an event; ``("", None)`` when the
    side is unknown."""
    if not code and not text:
        return "", None
    facts = geo.acled_facts()
    name = geo.country_name(country or event_country) or "unknown country"
    if first and event_type in facts["event_type_inter"]:
        inter, template = facts["event_type_inter"][event_type]
    else:
        key = sector or ""
        if not sector and code and not country and code[:3] in facts["sector_inter"]:
            key = code[:3]  # IGOUNO, NGOAMN, IMGALQ
        inter, template = facts["sector_inter"].get(key, (7, "{text}"))
        if not key and not violent:  # a bare country in a protest or an agreement
            template = facts["sector_inter"]["GOV"][1]
        if inter == 1 and country and event_country and country != event_country:
            inter = 8  # state forces outside their own country: External/Other forces
    return template.format(country=name, text=text or code or ""), int(inter)


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: both actor types, smaller first; a lone actor's type x 10."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) == 2 else 0)


_TIME_PRECISION = {"day": 1, "published": 2, "week": 2, "month": 3, "year": 3}

_SELECT = """
    SELECT u.id, u.day, u.day_precision, u.cameo, u.plover, u.goldstein, u.num_mentions,
           u.num_sources, u.negated, u.modality,
           u.source_code, u.source_text, u.source_country, e.source_sector,
           u.target_code, u.target_text, u.target_country, e.target_sector,
           e.location_text, e.location_country, e.location_lat, e.location_lon,
           e.evidence_text, a.source, coalesce(a.url, a.origin) AS url,
           CAST(epoch(a.ingested_at) AS BIGINT) AS added,
           (SELECT list(ev.evidence_text) FROM event_groups g JOIN events ev
              ON ev.id = g.event_id WHERE g.unique_event_id = u.id) AS texts
    FROM unique_events u
    JOIN events e ON e.id = u.first_event_id
    JOIN articles a ON a.id = u.first_article_id
    WHERE u.day IS NOT NULL AND {where}
    ORDER BY u.day, u.id
"""


def row(r: dict[str, Any]) -> dict[str, Any] | None:
    """One ACLED row from a unique event (``_SELECT``'s columns); None if ACLED would not
    record it."""
    kind = acled_type(r["cameo"])
    if kind is None:
        return None
    if not (r["source_code"] or r["source_text"] or r["target_code"] or r["target_text"]):
        return None  # no actor on either side: ACLED codes an event only with an actor
    event_type, sub_type, disorder = kind
    where = r["location_country"] or r["target_country"] or r["source_country"]
    actor1, inter1 = actor(code=r["source_code"], text=r["source_text"],
                           country=r["source_country"], sector=r["source_sector"],
                           event_country=where, event_type=event_type, first=True,
                           violent="Political violence" in disorder)
    actor2, inter2 = actor(code=r["target_code"], text=r["target_text"],
                           country=r["target_country"], sector=r["target_sector"],
                           event_country=where, event_type=event_type, first=False,
                           violent="Political violence" in disorder)
    place = (geo.place(r["location_text"], r["location_country"], r["location_lat"],
                       r["location_lon"]) if r["location_country"] else geo.NO_PLACE)
    dead = toll(r["texts"] or [r["evidence_text"]])
    tags = [] if dead.reported else ["fatalities=not reported"]
    if r["negated"]:
        tags.append("negated")
    if r["modality"] not in ("asserted", "reported"):
        tags.append(f"modality={r['modality']}")
    day = r["day"]
    return {
        "event_id_cnty": f"{where or 'XXX'}{int(r['id'][:8], 16)}",
        "event_date": day.isoformat(), "year": day.year,
        "time_precision": _TIME_PRECISION.get(r["day_precision"] or "day", 1),
        "disorder_type": disorder, "event_type": event_type, "sub_event_type": sub_type,
        "actor1": actor1, "assoc_actor_1": "", "inter1": inter1 or "",
        "actor2": actor2, "assoc_actor_2": "", "inter2": inter2 or "",
        "interaction": interaction(inter1, inter2) or "",
        "civilian_targeting": ("Civilian targeting" if inter2 == 7
                               and "Political violence" in disorder else ""),
        "iso": geo.iso_numeric(where) or "", "region": geo.acled_region(where) or "",
        "country": geo.country_name(where) or "", "admin1": "", "admin2": "", "admin3": "",
        "location": (r["location_text"] if place.geo_type not in (0, 1)
                     else geo.country_name(where) or ""),
        "latitude": r["location_lat"] if r["location_lat"] is not None else "",
        "longitude": r["location_lon"] if r["location_lon"] is not None else "",
        "geo_precision": place.acled_precision,
        "source": r["source"] or "", "source_scale": "",
        "notes": " ".join((r["evidence_text"] or "").split()),
        "fatalities": dead.count, "tags": "; ".join(tags), "timestamp": r["added"] or "",
        "cameo": f"CAMEO {r['cameo']}", "plover": r["plover"] or "",
        "goldstein": r["goldstein"], "num_mentions": r["num_mentions"],
        "num_sources": r["num_sources"], "negated": str(bool(r["negated"])).lower(),
        "modality": r["modality"], "source_url": r["url"] or "",
    }


def write(con: Any, path: Path, *, where: str, params: list[Any]) -> Path:
    """Write the ACLED CSV for the unique events matching ``where`` (over alias ``u``)."""
    cur = con.execute(_SELECT.format(where=where), params)
    names = [d[0] for d in cur.description]
    cols = columns()
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=cols)
        writer.writeheader()
        while batch := cur.fetchmany(2048):
            for values in batch:
                out = row(dict(zip(names, values, strict=True)))
                if out is not None:
                    writer.writerow(out)
    return path

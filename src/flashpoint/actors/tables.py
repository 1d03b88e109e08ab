"""The actor code tables (``actors/data/*.tsv``), loaded once per process.

Every alias of every table is compiled into one gazetteer keyed by its token key
(:func:`flashpoint.actors.text.key_of`), so resolving a mention is a handful of dict look-ups
over its n-grams, never a scan of the tables. Generic role words ("troops", "minister") live in
their own dict keyed by singular forms. Files and columns are described in ``data/README.md``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from typing import Literal

from ..errors import ConfigError
from .codes import ORG_PREFIXES
from .text import is_acronym, key_of, singular

DATA = "flashpoint.actors"

# Codes used in the country slot that are not ISO 3166-1 alpha-3 (documented in data/README.md).
SPECIAL_COUNTRIES = {"XKX"}  # Kosovo (the user-assigned code used by the EU, IMF and geonames)
WORD_LISTS = frozenset(
    {
        "boundary",
        "several_countries",
        "name_preps",
        "foreign_links",
        "border_links",
        "border_nouns",
        "allegiance",
        "pair_numbers",
        "pair_heads",
        "neighbour_heads",
        "country_heads",
        "doer_nouns",
        "service_participles",
        "organ_heads",
        "collective_heads",
        "victim_predicates",
        "victim_passives",
        "reported_victims",
        "unarmed_victims",
        "agent_nouns",
        "reproach_verbs",
        "not_own_after",
        "not_own_before",
        "ethnic",
        "side_yields",
        "articles",
        "compass",
        "empty",
        "quantity",
        "place_named",
        "place_nouns",
        "mission_heads",
        "remembered_sectors",
        "group_heads",
        "pronouns_person",
        "pronouns_group",
        "pronouns_singular",
        "pronouns_relative",
        "reflexives",
        "pronouns_other",
        "body_heads",
        "home_sectors",
        "deed_determiners",
        "pronouns_feminine",
        "pronouns_masculine",
        "gender_marked",
        "titles_feminine",
        "titles_masculine",
    }
)

EntryKind = Literal[
    "name", "adjective", "capital", "region", "people", "institution", "leader", "block"
]
SectorRole = Literal["strong", "weak", "mod", "status", "family"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One alias of a table row: what the alias resolves to, and when.

    ``country`` is an ISO-3 code (or None for international bodies and blocked names),
    ``org`` the organisation code of international bodies (``IGOUNO``), ``sector`` the role.
    ``start``/``end`` bound the period the row holds (None = open).
    """

    kind: EntryKind
    alias: str
    country: str | None = None
    sector: str | None = None
    org: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    person: str | None = None  # canonical name of a leader row
    acronym: bool = False
    capitalised: bool = True

    def holds_on(self, on: dt.date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True, slots=True)
class SectorWord:
    word: str
    sector: str | None
    role: SectorRole
    country: str | None = None  # a title used by one country only ("Rep.", "Congressman")


@dataclass(frozen=True, slots=True)
class ThingClass:
    """How a class of things.tsv names an actor (thing_classes.tsv)."""

    name: str
    owned: bool  # an actor named before the thing owns it and is the mention's actor
    sector: str | None  # the owner's sector when it has none ("Russian missiles" -> MIL)


@dataclass(frozen=True, slots=True)
class Side:
    """A side word of a divided country ("the North" in Korea news), sides.tsv."""

    contexts: frozenset[str]
    word: str
    country: str


@dataclass(slots=True)
class Tables:
    """All tables, compiled: ``names`` maps a token key to the entries of that alias."""

    names: dict[tuple[str, ...], list[Entry]] = field(default_factory=lambda: defaultdict(list))
    sector_words: dict[tuple[str, ...], SectorWord] = field(default_factory=dict)
    things: dict[tuple[str, ...], ThingClass] = field(default_factory=dict)  # head noun -> class
    thing_classes: dict[str, ThingClass] = field(default_factory=dict)
    words: dict[str, frozenset[str]] = field(default_factory=dict)  # words.tsv lists
    sides: list[Side] = field(default_factory=list)
    max_thing_len: int = 1
    sectors: dict[str, str] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)  # code -> canonical name
    capitals: dict[str, list[str]] = field(default_factory=dict)  # code -> capitals
    max_name_len: int = 1
    max_sector_len: int = 1
    # the longest alias (``names``) and the longest role word of two or more tokens
    # (``sector_words``) that start with a given key: the matcher tries no longer window there
    name_len_by_first: dict[str, int] = field(default_factory=dict)
    sector_len_by_first: dict[str, int] = field(default_factory=dict)


def _rows(name: str) -> list[list[str]]:
    """Data rows of a TSV file beside this package (comments and blank lines skipped)."""
    try:
        text = resources.files(DATA).joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise ConfigError("E401", name=name) from e
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


def _date(value: str, *, table: str) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise ConfigError("E402", table=table, value=value) from e


def _dash(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", "-") else value


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _add(tables: Tables, entry: Entry) -> None:
    key = key_of(entry.alias)
    if not key:
        return
    bucket = tables.names[key]
    if entry not in bucket:
        bucket.append(entry)
    tables.max_name_len = max(tables.max_name_len, len(key))
    tables.name_len_by_first[key[0]] = max(tables.name_len_by_first.get(key[0], 0), len(key))


def _entry(kind: EntryKind, alias: str, **kw: object) -> Entry:
    return Entry(
        kind=kind,
        alias=alias,
        acronym=is_acronym(alias),
        capitalised=alias[:1].isupper(),
        **kw,  # type: ignore[arg-type]
    )


def load_sectors() -> dict[str, str]:
    return {row[0]: row[1] for row in _rows("sectors.tsv")}


def load_sector_words() -> list[SectorWord]:
    out = []
    for row in _rows("sector_words.tsv"):
        if len(row) not in (3, 4):
            raise ConfigError("E403", table="sector_words.tsv", expected="3 or 4", row=row)
        country = _dash(row[3].strip()) if len(row) == 4 and row[3].strip() else None
        out.append(SectorWord(row[0], _dash(row[1]), row[2].strip(), country))  # type: ignore[arg-type]
    return out


def load_words() -> dict[str, frozenset[str]]:
    """The closed word lists of words.tsv, by list name."""
    out: dict[str, frozenset[str]] = {}
    for row in _rows("words.tsv"):
        if len(row) != 3 or row[0] not in WORD_LISTS or row[0] in out:
            raise ConfigError("E419", table="words.tsv", row=row[:1])
        out[row[0]] = frozenset(row[1].split())
    missing = WORD_LISTS - set(out)
    if missing:
        raise ConfigError("E420", table="words.tsv", names=sorted(missing))
    return out


def load_thing_classes() -> dict[str, ThingClass]:
    out = {}
    for row in _rows("thing_classes.tsv"):
        if len(row) != 4 or row[1] not in ("yes", "no"):
            raise ConfigError("E421", table="thing_classes.tsv", row=row)
        out[row[0]] = ThingClass(row[0], row[1] == "yes", _dash(row[2]))
    return out


def load_things() -> list[tuple[str, str, str]]:
    """Rows of things.tsv: (word, class, source)."""
    rows = _rows("things.tsv")
    for row in rows:
        if len(row) != 3:
            raise ConfigError("E403", table="things.tsv", expected=3, row=row)
    return [(w, c, src) for w, c, src in rows]


def load_sides() -> list[Side]:
    out = []
    for row in _rows("sides.tsv"):
        if len(row) != 4:
            raise ConfigError("E403", table="sides.tsv", expected=4, row=row)
        out.append(Side(frozenset(_split(row[0])), row[1], row[2]))
    return out


def load_rule_order() -> list[str]:
    """Names of the resolver's rules in the order they are tried (rules.tsv)."""
    return [row[0] for row in _rows("rules.tsv")]


def _singular_key(word: str) -> tuple[str, ...]:
    key = key_of(word)
    return key[:-1] + (singular(key[-1]),)


def country_rows() -> list[list[str]]:
    """Rows of countries.tsv: code, canonical, names, adjectives, capitals, regions, peoples."""
    rows = _rows("countries.tsv")
    for row in rows:
        if len(row) != 7:
            raise ConfigError("E403", table="countries.tsv", expected=7, row=row[:2])
    return rows


def org_rows(
    name: str,
) -> list[tuple[list[str], str | None, str | None, str | None, dt.date | None, dt.date | None]]:
    """Rows of institutions.tsv / leaders.tsv: aliases, country, sector, org, start, end."""
    out = []
    for row in _rows(name):
        if len(row) != 6:
            raise ConfigError("E403", table=name, expected=6, row=row[:2])
        aliases, country, sector, org, start, end = row
        out.append(
            (
                _split(aliases),
                _dash(country),
                _dash(sector),
                _dash(org),
                _date(start, table=name),
                _date(end, table=name),
            )
        )
    return out


@functools.lru_cache(maxsize=1)
def get_tables() -> Tables:
    """Load and compile every actor table (once per process)."""
    t = Tables()
    t.sectors = load_sectors()
    for code, canonical, names, adjectives, capitals, regions, peoples in country_rows():
        t.countries[code] = canonical
        t.capitals[code] = _split(capitals)
        for alias in {canonical, *_split(names)}:
            if "," not in alias:
                _add(t, _entry("name", alias, country=code))
        for alias in _split(adjectives):
            _add(t, _entry("adjective", alias, country=code))
        for alias in _split(capitals):
            _add(t, _entry("capital", alias, country=code))
        for alias in _split(regions):
            _add(t, _entry("region", alias, country=code))
        for alias in _split(peoples):
            _add(t, _entry("people", alias, country=code))
    for aliases, country, sector, org, start, end in org_rows("institutions.tsv"):
        for alias in aliases:
            _add(
                t,
                _entry(
                    "institution",
                    alias,
                    country=country,
                    sector=sector,
                    org=org,
                    start=start,
                    end=end,
                    person=aliases[0],
                ),
            )
    for aliases, country, sector, org, start, end in org_rows("leaders.tsv"):
        for alias in aliases:
            _add(
                t,
                _entry(
                    "leader",
                    alias,
                    country=country,
                    sector=sector,
                    org=org,
                    start=start,
                    end=end,
                    person=aliases[0],
                ),
            )
    for row in _rows("blocked.tsv"):
        _add(t, _entry("block", row[0]))
    for sw in load_sector_words():
        # an abbreviated title ("rep.", "sen.") is one token before a name, never two
        key = (sw.word,) if sw.word.endswith(".") and " " not in sw.word else key_of(sw.word)
        key = key[:-1] + (singular(key[-1]),)
        t.sector_words[key] = sw
        t.max_sector_len = max(t.max_sector_len, len(key))
        if len(key) > 1:  # a one-token key is looked up singular; longer ones start as written
            t.sector_len_by_first[key[0]] = max(t.sector_len_by_first.get(key[0], 0), len(key))
    classes = t.thing_classes = load_thing_classes()
    for word, cls, _source in load_things():
        if cls not in classes:
            raise ConfigError("E422", table="things.tsv", word=word, cls=cls)
        key = _singular_key(word)
        t.things[key] = classes[cls]
        t.max_thing_len = max(t.max_thing_len, len(key))
    t.words = load_words()
    t.sides = load_sides()
    return t


__all__ = [
    "ORG_PREFIXES",
    "SPECIAL_COUNTRIES",
    "Entry",
    "SectorWord",
    "Side",
    "Tables",
    "ThingClass",
    "get_tables",
]

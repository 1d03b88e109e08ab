"""The actor tables load and are consistent (codes, sectors, dates, alias conflicts)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pycountry
import pytest

from flashpoint.actors.tables import (
    ORG_PREFIXES,
    SPECIAL_COUNTRIES,
    WORD_LISTS,
    country_rows,
    get_tables,
    load_rule_order,
    load_sector_words,
    load_sectors,
    load_sides,
    load_thing_classes,
    load_things,
    load_words,
    org_rows,
)
from flashpoint.actors.text import key_of

ISO3 = {c.alpha_3 for c in pycountry.countries}


def _valid_country(code: str) -> bool:
    return code in ISO3 or code in SPECIAL_COUNTRIES


def test_actors_tables_load():
    t = get_tables()
    assert len(t.countries) >= 240
    assert t.names and t.sector_words and t.sectors


def test_actors_country_codes_are_iso3_or_documented_special():
    bad = [row[0] for row in country_rows() if not _valid_country(row[0])]
    assert not bad, f"country codes neither ISO-3 nor in SPECIAL_COUNTRIES: {bad}"
    codes = [row[0] for row in country_rows()]
    assert len(codes) == len(set(codes)), "a country code is listed twice"
    # every ISO country is present
    assert ISO3 <= set(codes)


@pytest.mark.parametrize("name", ["institutions.tsv", "leaders.tsv"])
def test_actors_org_rows_use_known_codes_and_sane_dates(name):
    sectors = load_sectors()
    for aliases, country, sector, org, start, end in org_rows(name):
        where = f"{name}: {aliases[0]}"
        assert aliases, where
        assert country is None or _valid_country(country), where
        assert sector is None or sector in sectors, where
        assert org is None or (org[:3] in ORG_PREFIXES and len(org) == 6), where
        assert country or org or sector, f"{where}: row names no country, org nor sector"
        if start and end:
            assert start <= end, f"{where}: start after end"


def test_actors_sector_words_use_known_sectors_and_roles():
    sectors = load_sectors()
    for sw in load_sector_words():
        assert sw.sector is None or sw.sector in sectors, sw
        assert sw.role in ("strong", "weak", "mod", "status", "family"), sw


def _code(entry) -> str | None:
    if entry.kind in ("leader", "institution"):
        return entry.org or ((entry.country or "") + (entry.sector or ""))
    return entry.country


def _overlap(a, b) -> bool:
    lo = max(a.start or dt.date.min, b.start or dt.date.min)
    hi = min(a.end or dt.date.max, b.end or dt.date.max)
    return lo <= hi


def test_actors_no_alias_maps_to_two_codes_at_once():
    conflicts = []
    for key, entries in get_tables().names.items():
        real = [e for e in entries if e.kind != "block"]
        for i, a in enumerate(real):
            for b in real[i + 1 :]:
                if _code(a) != _code(b) and _overlap(a, b):
                    conflicts.append((" ".join(key), a.kind, _code(a), b.kind, _code(b)))
    assert not conflicts, f"aliases with two codes in overlapping periods: {conflicts[:20]}"


def test_actors_country_aliases_do_not_collide_across_countries():
    owners = defaultdict(set)
    for code, _canon, names, adjectives, capitals, regions, peoples in country_rows():
        for cell in (names, adjectives, capitals, regions, peoples):
            for alias in filter(None, cell.split("|")):
                owners[key_of(alias)].add(code)
    shared = {k: v for k, v in owners.items() if len(v) > 1}
    assert not shared, f"aliases listed under two countries: {shared}"


def test_actors_word_lists_load_and_are_lower_case():
    words = load_words()
    assert set(words) == WORD_LISTS
    for name, members in words.items():
        assert members, f"words.tsv: list {name} is empty"
        if name in ("side_yields", "remembered_sectors", "home_sectors", "reported_victims", "unarmed_victims"):
            assert members <= set(load_sectors()), members - set(load_sectors())
        else:
            assert all(w == w.lower() for w in members), name


def test_actors_things_use_known_classes_and_record_their_source():
    classes = load_thing_classes()
    assert "forum" in classes  # read by reading._thing_head for "the Minsk Group"
    sectors = load_sectors()
    assert all(c.sector is None or c.sector in sectors for c in classes.values())
    rows = load_things()
    words = [w for w, _, _ in rows]
    assert len(words) == len(set(words)), "a thing is listed twice"
    for word, cls, source in rows:
        assert cls in classes, (word, cls)
        assert source.startswith(("flashpoint", "petrarch2")), (word, source)


def test_actors_things_are_not_people():
    """A thing head overrides a role word; only weapons and vehicles may share a word with
    sector_words.tsv (a "drone" is a military's, not a soldier)."""
    t = get_tables()
    shared = {k: v.name for k, v in t.things.items() if k in t.sector_words}
    assert set(shared.values()) <= {"weapon", "vehicle", "talks"}, shared


def test_actors_rule_order_lists_every_rule_once():
    from flashpoint.actors.resolve import RULES, rules

    order = load_rule_order()
    assert sorted(order) == sorted(RULES) and len(order) == len(set(order))
    assert [r.__name__ for r in rules()] == order


def test_actors_sides_name_real_countries():
    for side in load_sides():
        assert _valid_country(side.country), side
        assert side.contexts and all(_valid_country(c) for c in side.contexts), side
        assert side.country in side.contexts, side
        assert side.word[:1].isupper(), side

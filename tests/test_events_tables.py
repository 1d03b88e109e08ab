"""The event code tables load and agree with each other."""

from __future__ import annotations

import pytest

from flashpoint.events import tables


def test_events_tables_every_code_has_goldstein_quad_and_plover():
    codes = tables.cameo_codes()
    assert len(codes) > 280
    for code in codes:
        meta = tables.info(code)
        assert -10.0 <= meta.goldstein <= 10.0
        assert meta.quad_class in (1, 2, 3, 4)
        assert meta.class5 in (0, 1, 2, 3, 4)
        if code.startswith("01"):
            assert meta.plover is None
        else:
            assert meta.plover, code


def test_events_tables_all_twenty_roots_and_their_general_codes():
    roots = tables.cameo_roots()
    assert sorted(roots) == [f"{i:02d}" for i in range(1, 21)]
    codes = tables.cameo_codes()
    for root in roots:
        assert root in codes
        assert root + "0" in codes, f"{root}0 missing"


def test_events_tables_every_code_has_a_known_parent():
    codes = tables.cameo_codes()
    for code in codes:
        if len(code) > 2:
            assert code[:-1] in codes or code[:3] in codes or code[:2] in codes, code
            assert code[:2] in tables.cameo_roots()


@pytest.mark.parametrize(
    ("code", "quad", "class5", "plover"),
    [
        ("010", 1, 0, None),
        ("020", 1, 0, "REQUEST"),
        ("036", 1, 1, "AGREE"),
        ("062", 2, 2, "COOPERATE"),
        ("0841", 2, 2, "RETREAT"),
        ("112", 3, 3, "ACCUSE"),
        ("163", 4, 3, "SANCTION"),
        ("141", 4, 4, "PROTEST"),
        ("154", 4, 4, "MOBILIZE"),
        ("190", 4, 4, "ASSAULT"),
    ],
)
def test_events_tables_quad_class5_and_plover_of_known_codes(code, quad, class5, plover):
    meta = tables.info(code)
    assert (meta.quad_class, meta.class5, meta.plover) == (quad, class5, plover)


def test_events_tables_patterns_use_only_known_codes():
    codes = tables.cameo_codes()
    for lemma, patterns in tables.verb_patterns().items():
        assert lemma == lemma.lower()
        for p in patterns:
            assert p.code in codes, (lemma, p.code)
    for lemma, nouns in tables.noun_patterns().items():
        for n in nouns:
            assert n.code in codes or (n.code == tables.NO_EVENT and n.modifiers), (lemma, n.code)


def test_events_tables_compose_targets_are_known_codes():
    codes = tables.cameo_codes()
    for family, rows in tables.compose_table().items():
        assert family in tables.ROLES
        for prefix, to in rows.items():
            assert to == "=" or to in codes, (family, prefix, to)


def test_events_tables_roles_are_known():
    for lemma, rows in tables.predicate_roles().items():
        for role, _prep in rows:
            assert role in tables.ROLES, (lemma, role)


@pytest.mark.parametrize(
    ("family", "embedded", "expected"),
    [
        ("intend", "062", "0312"),
        ("intend", "190", "1384"),
        ("appeal", "0841", "0253"),
        ("demand", "046", "106"),
        ("reject", "085", "1244"),
        ("threaten", "163", "1312"),
        ("appeal", "190", "020"),
    ],
)
def test_events_tables_compose_wraps_codes(family, embedded, expected):
    assert tables.compose(family, embedded) == expected


def test_events_tables_unknown_code_is_a_config_error():
    from flashpoint.errors import ConfigError

    with pytest.raises(ConfigError):
        tables.info("999")


@pytest.mark.parametrize(
    "name", ["verb_patterns.tsv", "noun_patterns.tsv", "predicate_roles.tsv", "compose.tsv"]
)
def test_events_tables_have_no_duplicate_rows(name):
    rows = tables._rows(name)
    keys = [tuple(r) for r in rows]
    assert len(keys) == len(set(keys)), f"duplicate rows in {name}"


def test_events_tables_no_event_senses_are_verbs_with_patterns():
    senses = tables.no_event_senses()
    assert senses, "no_event_senses.tsv is empty"
    patterns = tables.verb_patterns()
    for lemma, objects in senses.items():
        assert lemma in patterns, f"{lemma}: a sense of a verb the coder does not code"
        # an object lemma, or a preposition and its object ("sign": "into law")
        assert objects and all(o == o.lower() and o.count(" ") <= 1 for o in objects), lemma

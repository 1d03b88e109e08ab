"""The coder's grammar words and root groups (events/data/grammar.json) load and agree with the
CAMEO tables and the predicate roles."""

from __future__ import annotations

import json
from pathlib import Path

from flashpoint.events import grammar, tables

DATA = Path(grammar.__file__).with_name("data") / "grammar.json"


def test_events_grammar_every_list_says_why_and_is_lower_cased():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    for section in ("words", "roots"):
        for name, entry in data[section].items():
            assert entry.get("why"), f"{section}.{name} says not why it exists"
            values = entry.get("words", entry.get("roots"))
            assert values, f"{section}.{name} is empty"
            assert len(values) == len(set(values)), f"{section}.{name} repeats an entry"
            assert all(v == v.lower() for v in values), f"{section}.{name} is not lower-cased"


def test_events_grammar_root_groups_are_cameo_roots():
    known = set(tables.cameo_roots())
    for name in (
        "verbal",
        "cooperative",
        "conflict",
        "wrapper_event",
        "purpose_from",
        "state_acts",
    ):
        assert grammar.roots(name) <= known, name
    assert not grammar.COOPERATIVE_ROOTS & grammar.CONFLICT_ROOTS
    for family, roots in grammar.FAMILY_ROOTS.items():
        assert set(roots) <= known, family


def test_events_grammar_wrapper_families_are_predicate_roles():
    roles = set(tables.ROLES)
    assert set(grammar.WRAPPERS) <= roles
    assert set(grammar.MOOD_ROLES) <= roles
    assert set(grammar.FAMILY_ROOTS) <= set(grammar.WRAPPERS)
    assert set(grammar.FAMILY_MODALITY) <= set(grammar.WRAPPERS)
    assert set(grammar.FAMILY_MODALITY.values()) <= {"intended", "demanded"}


def test_events_grammar_every_role_in_the_roles_table_is_known():
    used = {role for rows in tables.predicate_roles().values() for role, _ in rows}
    assert used <= set(tables.ROLES)


def test_events_grammar_coder_root_groups_are_cameo_roots():
    known = set(tables.cameo_roots())
    groups = ("symmetric", "own_force", "crowd_violent", "crowd_spoken", "place_is_target")
    for name in groups:
        assert grammar.roots(name) <= known, name
    assert grammar.CROWD_VIOLENT_ROOTS <= grammar.CONFLICT_ROOTS
    assert not grammar.CROWD_SPOKEN_ROOTS & grammar.CONFLICT_ROOTS
    venue = grammar.VENUE
    assert venue and all(len(code) == 3 and code[:2] in known for code in venue)
    visit = grammar.VISIT
    assert visit and all(len(code) == 3 and code[:2] in grammar.SYMMETRIC_ROOTS for code in visit)
    assert not visit & venue, "a visit's place is its host, a venue's is no party"


def test_events_grammar_force_bearing_sectors_are_actor_sectors_or_a_state():
    from flashpoint.actors.tables import load_sectors

    sectors = set(load_sectors())
    assert "" in grammar.FORCE_BEARING  # a state named by itself ("Israel said ...")
    assert grammar.FORCE_BEARING - {""} <= sectors
    assert not grammar.FORCE_BEARING & {"MED", "NGO", "IGO", "JUD", "HRI"}


def test_events_grammar_subjective_of_nouns_are_lemmas():
    assert grammar.SUBJECTIVE_OF
    assert all(w.isalpha() and w == w.lower() for w in grammar.SUBJECTIVE_OF)
    assert "release" not in grammar.SUBJECTIVE_OF  # "the release of prisoners": whom


def test_events_grammar_sectors_are_actor_sectors():
    from flashpoint.actors.tables import load_sectors

    sectors = set(load_sectors())
    assert grammar.DOMESTIC_SECTORS <= sectors
    assert grammar.STATELESS_SECTORS <= sectors
    assert grammar.ARMED_SECTORS <= sectors
    assert grammar.DEPLOYED_SECTORS <= sectors
    assert not grammar.DOMESTIC_SECTORS & grammar.STATELESS_SECTORS
    assert not grammar.PRONOUNS_PERSON & grammar.PRONOUNS_GROUP


def test_events_grammar_chain_of_command_names_actor_sectors():
    from flashpoint.actors.tables import load_sectors

    sectors = set(load_sectors())
    data = json.loads(DATA.read_text(encoding="utf-8"))["chain_of_command"]
    assert data["why"]
    for orderer, commanded in grammar.CHAIN_OF_COMMAND.items():
        assert orderer == "" or orderer in sectors, orderer
        assert commanded and commanded <= sectors, orderer
        assert orderer == "" or orderer in commanded, f"{orderer} does not command its own kind"


def test_events_grammar_naming_verbs_are_appeal_verbs():
    """A naming verb is read only where its appeal role is (wrappers.names_its_object)."""
    roles = tables.predicate_roles()
    for verb in grammar.NAMING_VERBS:
        assert "appeal" in {role for role, _ in roles.get(verb, ())}, verb


def test_events_grammar_advance_verbs_have_no_plain_verb_row():
    """An advance verb is coded by events/advances.py only where no verb row codes it alone
    (a row with no preposition and no object would always win)."""
    rows = tables.verb_patterns()
    for verb in grammar.words("advance_verbs"):
        plain = [p for p in rows.get(verb, ()) if not p.prep and not p.objects]
        assert not plain, (verb, plain)


def test_events_grammar_blame_and_self_directed_lists_do_not_overlap_their_exceptions():
    """Words that blame are not words of harm, and the verbal charges a reflexive 'defend'
    answers are no reflexive pronouns."""
    assert not grammar.words("blame_predicates") & grammar.words("harm_nouns")
    assert not grammar.CHARGE_NOUNS & grammar.REFLEXIVES
    assert grammar.AVERTING_VERBS.isdisjoint(grammar.SELF_DIRECTED)

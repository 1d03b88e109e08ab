"""Who acts at home: a bare police/court/worker/civilian role takes its counterpart's country."""

from __future__ import annotations

import pytest

from flashpoint import code
from flashpoint.actors.home import at_home, victims
from flashpoint.records import Actor


def _a(code_: str | None, country: str | None, sector: str | None) -> Actor:
    return Actor(text="x", code=code_, country=country, sector=sector)


@pytest.mark.parametrize(
    ("actor", "counterpart", "expected"),
    [
        (_a("COP", None, "COP"), _a("KENCVL", "KEN", "CVL"), "KENCOP"),
        (_a("LAB", None, "LAB"), _a("SRBGOV", "SRB", "GOV"), "SRBLAB"),
        # armies and rebels cross borders: never placed by whom they fight
        (_a("MIL", None, "MIL"), _a("UKRCVL", "UKR", "CVL"), "MIL"),
        (_a("REB", None, "REB"), _a("MLIMIL", "MLI", "MIL"), "REB"),
        # a bare country or an organisation is no state organ nor people
        (_a("CVL", None, "CVL"), _a("SWE", "SWE", None), "CVL"),
        (_a("CVL", None, "CVL"), _a("IGOUNO", None, None), "CVL"),
        # an actor with a country keeps it
        (_a("FRACOP", "FRA", "COP"), _a("DEUCVL", "DEU", "CVL"), "FRACOP"),
        (_a("COP", None, "COP"), None, "COP"),
    ],
)
def test_actors_home_places_only_home_sectors(actor, counterpart, expected):
    assert at_home(actor, counterpart).code == expected


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("A prosecutor charged 14 Nigerian customs officials with fraud on Tuesday.", "NGAJUD"),
        ("Riot police detained dozens of Georgian opposition supporters overnight.", "GEOCOP"),
    ],
)
def test_actors_home_in_the_coder(sentence, source):
    events = code(sentence, published="2024-05-02")
    assert events and events[0].source is not None, events
    assert events[0].source.code == source, events[0]


_CVL = _a("CVL", None, "CVL")


@pytest.mark.parametrize(
    ("source", "reporter", "article", "expected"),
    [
        # the reporter counts its own dead unless it is the doer's side
        (None, _a("LBNGOV", "LBN", "GOV"), "ISR", "LBNCVL"),
        (_a("ISRMIL", "ISR", "MIL"), _a("PSEGOV", "PSE", "GOV"), "ISR", "PSECVL"),
        (_a("ISRMIL", "ISR", "MIL"), _a("ISRMIL", "ISR", "MIL"), None, "CVL"),
        # police act at home: their victims are their compatriots
        (_a("EGYCOP", "EGY", "COP"), None, "EGY", "EGYCVL"),
        # a doer of the article's country is the attacker: its country is not the victims'
        (_a("RUSMIL", "RUS", "MIL"), None, "RUS", "CVL"),
        # no doer named: the article's country
        (None, None, "BGD", "BGDCVL"),
    ],
)
def test_actors_home_victims_are_placed_by_reporter_and_doer(source, reporter, article, expected):
    placed = victims(_CVL, source, reporter, article)
    assert placed is not None and placed.code == expected


def test_actors_home_victims_leave_other_targets_alone():
    rebels = _a("REB", None, "REB")
    assert victims(rebels, None, _a("UKRGOV", "UKR", "GOV"), "RUS") is rebels
    # soldiers the reporter's own side hit are not the reporter's
    soldiers = _a("MIL", None, "MIL")
    ukraine = _a("UKRMIL", "UKR", "MIL")
    assert victims(soldiers, ukraine, _a("UKRGOV", "UKR", "GOV"), "RUS") is soldiers
    assert victims(None, None, None, "RUS") is None


def test_actors_home_victims_soldiers_and_police_a_reporter_claims_are_its_own():
    soldiers = _a("MIL", None, "MIL")
    placed = victims(soldiers, None, _a("UKRGOV", "UKR", "GOV"), "RUS")
    assert placed is not None and placed.code == "UKRMIL"


def test_actors_home_victims_in_the_coder():
    from flashpoint.events import code_doc
    from flashpoint.nlp import get_nlp

    doc = get_nlp()(
        "Russia said it struck military targets near Kharkiv. Ukraine's emergency service said "
        "11 people were killed."
    )
    killed = [e for e in code_doc(doc) if e.trigger == "killed"]
    assert killed and killed[0].target is not None and killed[0].target.code == "UKRCVL", killed


@pytest.mark.parametrize("sector", ["HLH", "EDU", "MED", "REF"])
def test_actors_home_victims_any_unarmed_role_is_placed_as_civilians_are(sector):
    # a hospital, a school, reporters, refugees: never the attacker's because the article is
    bare = _a(sector, None, sector)
    attacker = _a("RUSMIL", "RUS", "MIL")
    assert victims(bare, attacker, None, "RUS") is bare
    placed = victims(bare, attacker, None, "UKR")
    assert placed is not None and placed.code == "UKR" + sector


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian drones hit a maternity hospital overnight, wounding four nurses.",
        "Israeli aircraft struck a school sheltering displaced families on Thursday.",
    ],
)
def test_actors_home_an_attackers_country_is_not_its_targets(sentence):
    # the attacker is the only country named, so the article's country is the attacker's
    hits = [e for e in code(sentence, published="2024-05-02") if e.cameo[:2] in ("18", "19")]
    assert hits and hits[0].target is not None, hits
    assert hits[0].target.country is None, hits[0].target

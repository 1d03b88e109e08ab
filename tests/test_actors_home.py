"""Who acts at home: a bare police/court/worker/civilian role takes its counterpart's country."""

from __future__ import annotations

import pytest

from flashpoint import code
from flashpoint.actors.home import at_home
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

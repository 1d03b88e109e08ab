"""A warship or warplane that violates, breaches or enters a state's airspace or waters shows
force (150), and an act of its own subject in a clause of what came before a protest or a
summons is told as done, not alleged ("lodged a protest after a Chinese military aircraft
violated its airspace"). Sentences written for these tests (probe15)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


def _events(nlp, text):
    return code_doc(nlp(text), published=dt.date(2024, 8, 27))


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("A Russian military plane breached Finnish airspace off Loviisa on Friday.", "RUS"),
        (
            "Poland summoned Belarus's charge d'affaires after two Belarusian military helicopters violated its airspace.",
            "BLR",
        ),
    ],
)
def test_events_a_craft_violating_airspace_shows_force(nlp, text, doer):
    events = _events(nlp, text)
    shows = [e for e in events if e.cameo == "150"]
    assert shows, [(e.cameo, e.trigger) for e in events]
    assert shows[0].source is not None and shows[0].source.country == doer, shows[0].source
    assert shows[0].modality == "asserted"


def test_events_a_ferry_entering_waters_is_no_show_of_force(nlp):
    events = _events(
        nlp, "A passenger ferry entered Greek waters after leaving the Turkish port of Bodrum."
    )
    assert not [e for e in events if e.cameo.startswith("15")], [
        (e.cameo, e.trigger) for e in events
    ]

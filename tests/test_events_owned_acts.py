"""The owner of an act is the doer of a passive act of force done in it ("killed in Israeli
strikes"), and owned fire is shooting ("Israeli fire killed"), never a blaze."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 5, 15)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Eleven villagers were killed in Sudanese air strikes on Sunday.", "SDN"),
        ("A nurse was wounded during a Turkish drone attack near Qamishli.", "TUR"),
        ("Four farmers were killed in an ambush by gunmen in the north.", "UAF"),
        ("Azerbaijani fire killed two Armenian soldiers near the border.", "AZE"),
    ],
)
def test_events_owned_acts_the_owner_of_the_act_is_the_doer(nlp, text, source):
    events = code_doc(nlp(text), published=PUBLISHED)
    main = events[0]
    assert main.cameo_root in ("18", "19"), [(e.cameo, e.trigger) for e in events]
    assert main.source is not None and (main.source.code or "").startswith(source), main.source


@pytest.mark.parametrize(
    "text",
    [
        "Ten people were killed in the fighting near the airport.",
        "Six workers died in a fire at a textile factory.",
        "Three people were killed in a blast at a market.",
    ],
)
def test_events_owned_acts_an_act_or_a_blaze_with_no_owner_names_no_doer(nlp, text):
    events = code_doc(nlp(text), published=PUBLISHED)
    assert all(e.source is None or not e.source.code for e in events), [
        (e.cameo, e.source) for e in events
    ]

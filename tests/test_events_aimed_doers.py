"""Conjoined doers of an act of force aimed ("on", "against") at a named actor struck it together:
the second doer is no target ("Kenyan and Somali troops carried out raids on al-Shabaab
bases"), while "X and Y clashed" stays X against Y. Sentences written for these tests
(probe15)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


def _events(nlp, text):
    return code_doc(nlp(text), published=dt.date(2024, 5, 3))


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Nigerien and Chadian soldiers launched coordinated attacks on Boko Haram hideouts around Lake Chad.",
            "NGA",
        ),
        (
            "Rwandan troops and Mozambican forces mounted an offensive against Islamic State fighters in Cabo Delgado.",
            "IMGISL",
        ),
        ("Iraq and Turkey carried out joint strikes on PKK positions in the mountains.", "TUR"),
    ],
)
def test_events_conjoined_doers_of_an_aimed_act_strike_together(nlp, text, target):
    events = _events(nlp, text)
    force = [e for e in events if e.cameo[:2] in ("18", "19")]
    assert force, [(e.cameo, e.trigger) for e in events]
    got = force[0].target
    assert got is not None and (got.country == target or got.code == target), got


def test_events_conjoined_doers_of_a_clash_are_each_others_targets(nlp):
    events = _events(nlp, "Serbian and Albanian villagers clashed in the valley on Sunday.")
    force = [e for e in events if e.cameo[:2] in ("18", "19")]
    assert force and force[0].target is not None and force[0].target.country == "ALB", force

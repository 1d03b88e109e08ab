"""Harm done to property (171 damage, 1712 destroy) makes its target a victim as force does:
a hospital or school with no country of its own is never the attacker's."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 11, 18)


@pytest.mark.parametrize(
    ("text", "attacker"),
    [
        ("Russian soldiers destroyed a school during their retreat.", "RUS"),
        ("Sudanese paramilitaries burned down a hospital, residents said.", "SDN"),
        ("Azerbaijani artillery pounded the town, damaging a hospital.", "AZE"),
    ],
)
def test_events_property_harm_victim_is_never_the_attackers(nlp, text, attacker):
    events = code_doc(nlp(text), published=PUBLISHED)
    harmed = [e for e in events if e.cameo in ("171", "1712") and e.target is not None]
    assert harmed, [(e.source, e.cameo, e.target) for e in events]
    assert all(e.target.country != attacker for e in harmed), [(e.cameo, e.target) for e in harmed]

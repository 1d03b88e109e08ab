"""A count of things "of" something names what it counts: "shot down 45 of the 60 drones
launched by Russia" targets Russia, the drones' owner by the participle's agent. Sentences
written for these tests (probe15)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


def _events(nlp, text):
    return code_doc(nlp(text), published=dt.date(2025, 3, 3))


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("The Saudi military shot down 12 of the drones launched by the Houthis on Sunday.", "YEM"),
        ("The Ukrainian army downed 30 of the 48 drones launched by Russia overnight.", "RUS"),
    ],
)
def test_events_a_count_of_weapons_targets_their_owner(nlp, text, owner):
    events = _events(nlp, text)
    force = [e for e in events if e.cameo[:2] in ("18", "19")]
    assert force, [(e.cameo, e.trigger) for e in events]
    assert force[0].target is not None and force[0].target.country == owner, force[0].target

"""One who will not be coerced by another rejects that other (120): no threat by the agent."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2023, 11, 8)


@pytest.mark.parametrize(
    ("text", "defier", "defied"),
    [
        ("Moldova will not be intimidated by Russian threats, President Maia Sandu said.", "MDA", "RUS"),
        ("The Philippines refuses to be bullied by China in the South China Sea.", "PHL", "CHN"),
        ("Guyana will not be frightened by Venezuela's referendum, its foreign minister said.", "GUY", "VEN"),
    ],
)
def test_events_defiance_is_the_patients_rejection(nlp, text, defier, defied):
    events = code_doc(nlp(text), published=PUBLISHED)
    rejections = [e for e in events if e.cameo_root == "12" and e.source and e.source.country == defier]
    assert rejections, [(e.source, e.cameo, e.target) for e in events]
    assert rejections[0].target is not None and rejections[0].target.country == defied, rejections[0].target
    assert not [e for e in events if e.cameo_root == "13" and e.source and e.source.country == defied]


@pytest.mark.parametrize("text", ["Estonia will not be bullied by Moscow over its border, the foreign minister said."])
def test_events_defiance_reported_is_one_event_of_the_defier(nlp, text):
    events = code_doc(nlp(text), published=PUBLISHED)
    assert len(events) == 1 and events[0].cameo_root == "12", [(e.source, e.cameo, e.trigger) for e in events]
    assert events[0].source is not None and events[0].source.country == "EST", events[0].source

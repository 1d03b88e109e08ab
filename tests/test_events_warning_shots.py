"""Warning shots fired are a show of force (150) at whom they warn: neither an attack (190) nor
a spoken warning."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 6, 20)


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("The Japanese coast guard fired warning shots at a Chinese trawler near the Senkaku islands.", "JPN"),
        ("Indian border guards fired warning shots at smugglers crossing from Bangladesh.", "IND"),
    ],
)
def test_events_warning_shots_are_a_show_of_force(nlp, text, doer):
    events = code_doc(nlp(text), published=PUBLISHED)
    assert events and events[0].cameo == "150", [(e.source, e.cameo, e.trigger) for e in events]
    assert events[0].source is not None and events[0].source.country == doer, events[0].source
    assert not [e for e in events if e.cameo_root == "19"], [(e.cameo, e.trigger) for e in events]

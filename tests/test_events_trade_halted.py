"""Trade halted with a country is an embargo (163): "suspended arms purchases from", "halted
arms sales to", "banned imports of". Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Nicaragua suspended all trade with Taiwan on Monday.", "NIC", "TWN"),
        ("Belgium halted arms exports to Israel after the strike.", "BEL", "ISR"),
        ("Russia banned imports of Moldovan wine in 2013.", "RUS", "MDA"),
    ],
)
def test_events_trade_halted_is_an_embargo(nlp, text, source, target):
    events = code_doc(nlp(text), published=dt.date(2024, 5, 6))
    assert events and events[0].cameo == "163", [(e.cameo, e.trigger) for e in events]
    assert events[0].source is not None and events[0].source.country == source
    assert events[0].target is not None and events[0].target.country == target


def test_events_trade_that_grows_is_no_embargo(nlp):
    events = code_doc(nlp("Vietnam expanded rice exports to the Philippines."),
                      published=dt.date(2024, 5, 6))
    assert not [e for e in events if e.cameo[:2] == "16"], [(e.cameo, e.trigger) for e in events]

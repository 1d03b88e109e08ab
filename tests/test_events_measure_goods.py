"""An economic measure with no named target falls on the country named on its goods
(events/measures.py): their nationality, or where they go or come from."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2025, 3, 10)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # an amount in the doer's own currency is no target: the assets' country is
        ("Norway froze 2 billion Norwegian kroner of Iranian assets.", "NOR", "IRN"),
        ("Ottawa retaliated with punitive duties of 25% on American steel.", "CAN", "USA"),
        ("Tokyo retaliated with tariffs of 30% on South Korean chips.", "JPN", "KOR"),
    ],
)
def test_events_measure_target_is_the_goods_country(nlp, text, source, target):
    events = code_doc(nlp(text), published=PUBLISHED)
    main = events[0]
    assert main.cameo_root in ("16", "17"), [(e.cameo, e.trigger) for e in events]
    assert main.source is not None and main.source.country == source, main.source
    assert main.target is not None and main.target.country == target, main.target


def test_events_measure_on_own_goods_has_no_foreign_target(nlp):
    events = code_doc(nlp("Indonesia banned exports of Indonesian nickel ore."), published=PUBLISHED)
    main = events[0]
    assert main.cameo_root == "16", [(e.cameo, e.trigger) for e in events]
    assert main.target is None or main.target.country in (None, "IDN"), main.target

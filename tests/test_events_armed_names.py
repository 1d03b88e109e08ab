"""An unknown named armed coalition that uses force is a rebel group of the place where it acts
(events/armed_names.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2025, 3, 10)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The Popular Resistance Front ambushed an army convoy near Kidal in northern Mali.", "MLI"),
        ("The Northern Liberation Alliance shelled the town of Kalemie in eastern Congo.", "COD"),
        ("The Karen Unity Coalition seized a border post in Myanmar's Kayin state.", "MMR"),
    ],
)
def test_events_armed_names_unknown_coalition_using_force_is_rebels(nlp, text, country):
    events = code_doc(nlp(text), published=PUBLISHED)
    main = events[0]
    assert main.cameo_root in ("18", "19", "20"), [(e.cameo, e.trigger) for e in events]
    assert main.source is not None and main.source.code == country + "REB", main.source


@pytest.mark.parametrize(
    "text",
    [
        # words, not force: an unknown party stays unknown
        "The Progressive Alliance criticised the government's budget in Lusaka.",
        # a common noun is no name
        "An alliance of farmers blocked the highway near Nairobi.",
    ],
)
def test_events_armed_names_leave_words_and_common_nouns(nlp, text):
    for e in code_doc(nlp(text), published=PUBLISHED):
        assert e.source is None or not (e.source.code or "").endswith("REB"), (e.cameo, e.source)

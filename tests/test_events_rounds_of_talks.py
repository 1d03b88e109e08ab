"""A round or a series of talks is talks: "hosted a second round of talks between X and Y" names
the talks' sides as the host's counterpart, as "hosted talks between X and Y" does. Sentences
written for these tests (probe15)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


def _events(nlp, text):
    return code_doc(nlp(text), published=dt.date(2024, 9, 9))


@pytest.mark.parametrize(
    ("text", "host", "side"),
    [
        (
            "Kenya hosted a third round of talks between Sudan and South Sudan in Nairobi.",
            "KEN",
            "SDN",
        ),
        (
            "Oman hosted a new series of talks between Iran and the United States in Muscat.",
            "OMN",
            "IRN",
        ),
    ],
)
def test_events_a_round_of_talks_names_its_sides(nlp, text, host, side):
    events = _events(nlp, text)
    hosted = [e for e in events if e.cameo.startswith("04")]
    assert hosted, [(e.cameo, e.trigger) for e in events]
    assert hosted[0].source is not None and hosted[0].source.country == host, hosted[0].source
    assert hosted[0].target is not None and hosted[0].target.country == side, hosted[0].target

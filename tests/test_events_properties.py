"""Properties of the coder on generated text: evidence always indexes the text, fields agree."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flashpoint.events import code_doc, tables

SENTENCES = [
    "Rebels attacked a police post near the border on Friday.",
    "The ministry said it would not release the detained reporters.",
    "Thousands marched in the capital, demanding new elections.",
    "Japan and India agreed to expand naval cooperation.",
    "The foreign minister will visit Beijing next week.",
    "Officials said two soldiers were killed.",
    "The weather stayed mild.",
    "“We condemn this,” the spokesman told reporters.",
    "",
    "UN officials urged both sides to respect the truce.",
]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    parts=st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6),
    seps=st.sampled_from([" ", "\n\n", "  ", "\n"]),
    published=st.one_of(
        st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))
    ),
)
def test_events_properties_evidence_and_fields(nlp, parts, seps, published):
    text = seps.join(parts)
    events = code_doc(nlp(text), published=published)
    for event in events:
        ev = event.evidence
        assert text[ev.start : ev.end] == ev.text
        meta = tables.info(event.cameo)
        assert event.cameo_root == event.cameo[:2] == meta.root
        assert event.goldstein == meta.goldstein and event.quad_class == meta.quad_class
        assert event.modality in ("asserted", "reported", "intended", "demanded", "hypothetical")
        if event.date is not None:
            assert event.date_text and event.date_precision in ("day", "week", "month", "year")
    starts = [e.evidence.start for e in events]
    assert starts == sorted(starts), "events must come in sentence order"

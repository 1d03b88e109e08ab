"""A measure unveiled, adopted or introduced is taken by the subject ("Japan unveiled new
sanctions against Russia"), and a measure between states implied with no doer is never the
target's own ("new sanctions against Russia took effect"). Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


def _events(nlp, text):
    return code_doc(nlp(text), published=dt.date(2024, 2, 26))


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("New Zealand unveiled sanctions on ten Israeli settlers on Monday.", "NZL", "ISR"),
        ("Switzerland adopted new sanctions against Belarus.", "CHE", "BLR"),
        ("South Korea introduced an arms embargo on Myanmar.", "KOR", "MMR"),
    ],
)
def test_events_a_measure_unveiled_is_the_subjects(nlp, text, source, target):
    events = _events(nlp, text)
    assert events and events[0].cameo[:2] == "16", [(e.cameo, e.trigger) for e in events]
    assert events[0].source is not None and events[0].source.country == source, events[0].source
    assert events[0].target is not None and events[0].target.country == target, events[0].target


def test_events_sanctions_with_no_doer_are_not_the_targets_own(nlp):
    events = _events(nlp, "Sweeping sanctions against Iran came into force at midnight.")
    assert events and events[0].cameo[:2] == "16"
    assert events[0].source is None or events[0].source.country != "IRN", events[0].source


def test_events_a_curfew_with_no_doer_is_the_states_own(nlp):
    events = _events(nlp, "A curfew was imposed in Niamey after the protests.")
    curfew = [e for e in events if e.cameo.startswith("17")]
    assert curfew and curfew[0].target is not None and curfew[0].target.country == "NER"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Slovakia blocked the latest EU aid package for Kyiv on Friday.", "SVK"),
        ("Hungary blocked Ukraine's accession to the bloc.", "HUN"),
    ],
)
def test_events_a_package_or_accession_blocked_is_refused(nlp, text, source):
    events = _events(nlp, text)
    assert events and events[0].cameo[:2] == "12", [(e.cameo, e.trigger) for e in events]
    assert events[0].source is not None and events[0].source.country == source

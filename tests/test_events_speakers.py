"""Acts of the speaker the parser hangs inside the report ("X said Y had done Z and URGED W")
and first-person pronouns in a quotation ('"If WE allow ...," Biden asked'): both are the
speaker's, never the side reported on or the side the article named last."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 5, 15)


def _events(nlp, text):
    return code_doc(nlp(text), published=PUBLISHED)


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("Erdogan said Israel was committing genocide in Gaza and urged Muslim countries to cut ties.", "urged", "TUR"),
        ("Blinken said Hamas had rejected the proposal and called on Qatar to press the group.", "called", "USA"),
        ("Macron said Europe was facing a threat and called for higher defence spending.", "called", "FRA"),
        (
            (
                "President Zelensky said the strikes showed that Moscow wanted to terrorise civilians "
                "and again asked Western partners for more air defence systems."
            ),
            "asked",
            "UKR",
        ),
    ],
)
def test_events_speakers_an_appeal_hung_inside_the_report_is_the_speakers(nlp, text, trigger, source):
    events = [e for e in _events(nlp, text) if e.trigger == trigger]
    assert events and events[0].source is not None, [(e.cameo, e.trigger, e.source) for e in _events(nlp, text)]
    assert events[0].source.country == source, events[0].source


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        # an order is no appeal: the soldiers gave it
        ("Witnesses said soldiers surrounded the village and ordered residents to leave.", "ordered", "MIL"),
        # naming is no appeal: Kim called the launch a success, not the media
        ("State media said Kim Jong Un watched the launch and called it a success.", "called", "PRK"),
    ],
)
def test_events_speakers_other_coordinated_acts_stay_the_reported_doers(nlp, text, trigger, source):
    events = [e for e in _events(nlp, text) if e.trigger == trigger]
    if not events:
        return  # no event is no wrong doer
    assert events[0].source is not None and source in events[0].source.code, events[0].source
    assert "MED" not in events[0].source.code


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        (
            (
                "Russian jets bombed the town on Monday. Turkish President Erdogan spoke on Tuesday. "
                '"If we allow this to continue, we will face a catastrophe," Erdogan said.'
            ),
            "allow",
            "TUR",
        ),
        (
            (
                "North Korea fired missiles on Monday. Biden spoke later. "
                '"If we allow Ukraine to be carved up, is the independence of any nation secure?" Biden asked.'
            ),
            "allow",
            "USA",
        ),
    ],
)
def test_events_speakers_we_in_a_quotation_is_the_speakers_side(nlp, text, trigger, source):
    events = [e for e in _events(nlp, text) if e.trigger == trigger]
    assert events and events[0].source is not None, [(e.cameo, e.trigger, e.source) for e in _events(nlp, text)]
    assert events[0].source.country == source, events[0].source


def test_events_speakers_we_with_no_speaker_is_no_one(nlp):
    text = 'Russian jets bombed the town on Monday. "If we allow this to continue, we will face a catastrophe."'
    events = [e for e in _events(nlp, text) if e.trigger == "allow"]
    assert all(e.source is None or e.source.country != "RUS" for e in events), events

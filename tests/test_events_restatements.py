"""Restatements: one act told again in one article is one act with several mentions; the
copies agree on the date, so the store's unique events link them."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc
from flashpoint.events.restatements import act_key, date_restatements, unique_acts
from flashpoint.records import Actor, Event, Span

PUBLISHED = dt.date(2024, 3, 8)  # a Friday


def _event(src, tgt, cameo="190", date=None, modality="asserted", text="x"):
    return Event(
        source=Actor(text=src, code=src, country=src[:3]) if src else None,
        target=Actor(text=tgt, code=tgt, country=tgt[:3]) if tgt else None,
        cameo=cameo,
        cameo_root=cameo[:2],
        plover=None,
        quad_class=4,
        goldstein=-10.0,
        evidence=Span(text=text, start=0, end=len(text)),
        date=date,
        date_precision="day" if date else None,
        date_text="on Sunday" if date else None,
        modality=modality,
    )


def test_events_restatements_the_headline_copy_takes_the_date_of_the_body(nlp):
    text = (
        "Israel shells Lebanese village\n\n"
        "Israeli forces shelled the Lebanese village of Khiam on Wednesday, residents said."
    )
    events = [e for e in code_doc(nlp(text), published=PUBLISHED) if e.cameo_root == "19"]
    # "Israel" and "Israeli forces": one side
    assert len(events) == 2, [(e.cameo, e.trigger, e.date) for e in events]
    assert {e.date for e in events} == {dt.date(2024, 3, 6)}
    # the headline's date keeps the phrase it comes from, told in the other sentence
    assert [e.date_text for e in events] == ["on Wednesday", "on Wednesday"]
    assert len(unique_acts(events)) == 1


def test_events_restatements_two_dates_are_two_acts():
    events = [
        _event("MLIREB", "MLIMIL"),
        _event("MLIREB", "MLIMIL", date=dt.date(2024, 3, 3)),
        _event("MLIREB", "MLIMIL", date=dt.date(2024, 3, 6)),
    ]
    out = date_restatements(events)
    assert out[0].date is None
    assert len(unique_acts(out)) == 3


@pytest.mark.parametrize(
    "other",
    [
        _event(None, "MLIMIL", date=dt.date(2024, 3, 3)),  # an unknown doer: not known to be one
        _event("MLIREB", "MLIMIL", cameo="193", date=dt.date(2024, 3, 3)),  # another act
        _event("MLIREB", "MLIMIL", date=dt.date(2024, 3, 3), modality="intended"),  # a plan
    ],
)
def test_events_restatements_only_the_same_act_lends_its_date(other):
    undated = _event(None, "MLIMIL") if other.source is None else _event("MLIREB", "MLIMIL")
    assert date_restatements([undated, other])[0].date is None


def test_events_restatements_an_undated_act_after_the_dated_one_is_not_dated_by_it():
    """News date the act in the detail after the summary; an undated act after it may be another."""
    events = [_event("MLIREB", "MLIMIL", date=dt.date(2024, 3, 3)), _event("MLIREB", "MLIMIL")]
    assert date_restatements(events)[1].date is None
    assert date_restatements(events[::-1])[0].date == dt.date(2024, 3, 3)


def test_events_restatements_statements_are_never_one_act():
    said = [
        _event("RUSGOV", None, cameo="010", date=dt.date(2024, 3, 3)),
        _event("RUSGOV", None, cameo="010"),
    ]
    assert act_key(said[0]) is None
    assert date_restatements(said)[1].date is None

"""An order to leave given to an envoy, journalists or foreign nationals expels them, as "expel"
would (166, 174), with the one ordered out as target; an order to one's own troops to leave a
town is no expulsion. Sentences written for these tests (probe15)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


def _events(nlp, text):
    return code_doc(nlp(text), published=dt.date(2023, 10, 4))


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        (
            "Algeria ordered the Moroccan consul to leave the country within a week.",
            "166",
            "DZA",
            "MAR",
        ),
        (
            "Nicaragua told two Spanish journalists to leave its territory on Friday.",
            "174",
            "NIC",
            "ESP",
        ),
        (  # probe16: the title a compound of the name; a mission ordered out (1661)
            "Burundi ordered Belgian Ambassador Peter Huyghebaert to leave within a day.",
            "166",
            "BDI",
            "BEL",
        ),
        (
            "Tanzania told the African Union's observer mission to leave the islands.",
            "1661",
            "TZA",
            None,
        ),
    ],
)
def test_events_an_order_to_leave_expels(nlp, text, code, source, target):
    events = _events(nlp, text)
    assert events and events[0].cameo == code, [(e.cameo, e.trigger) for e in events]
    assert events[0].source is not None and events[0].source.country == source
    assert events[0].target is not None, events[0]
    assert target is None or events[0].target.country == target, events[0].target


def test_events_own_troops_ordered_out_are_not_expelled(nlp):
    events = _events(nlp, "The defence minister ordered the soldiers to leave the village.")
    assert not [e for e in events if e.cameo.startswith(("16", "17"))], [
        (e.cameo, e.trigger) for e in events
    ]


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        ("Eritrea gave the Danish envoy 48 hours to quit the country.", "166", "ERI", "DNK"),
        ("Nicaragua gave two Mexican diplomats seven days to leave Managua.", "166", "NIC", "MEX"),
    ],
)
def test_events_a_deadline_to_leave_expels(nlp, text, code, source, target):
    """probe16: "gave X 72 hours to leave" is the order to leave with its deadline."""
    events = _events(nlp, text)
    assert events and events[0].cameo == code, [(e.cameo, e.trigger) for e in events]
    assert events[0].source is not None and events[0].source.country == source
    assert events[0].target is not None and events[0].target.country == target, events[0].target


def test_events_a_deadline_to_act_is_no_expulsion(nlp):
    events = _events(nlp, "The army gave residents two hours to leave the village.")
    assert not [e for e in events if e.cameo.startswith("16")], [
        (e.cameo, e.trigger) for e in events
    ]


@pytest.mark.parametrize(
    ("text", "code", "target"),
    [
        # another state's forces told to leave are asked to withdraw, as with "to withdraw"
        ("Chad's government ordered French soldiers to leave its territory.", "1056", "FRA"),
        ("The Sudanese army ordered Ethiopian forces to leave the disputed area.", "1056", "ETH"),
        # one's own forces told to leave withdraw
        ("Azerbaijan ordered its troops to leave the two villages.", "087", None),
    ],
)
def test_events_an_order_to_leave_given_to_forces_is_one_to_withdraw(nlp, text, code, target):
    events = [e for e in _events(nlp, text) if e.cameo[:2] in ("08", "10")]
    assert events and events[0].cameo == code, events
    if target is not None:
        assert events[0].target is not None and events[0].target.country == target

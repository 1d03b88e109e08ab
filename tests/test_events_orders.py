"""An order given to one's own forces is the act; an order given to another party is a demand
made of it (CAMEO 10x), asserted: the order was given (``events/orders.py``)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 5, 15)


def _events(nlp, text):
    return code_doc(nlp(text), published=PUBLISHED)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a court orders a state: a demand of that state
        ("The tribunal ordered Colombia to halt the construction of the dam.", "COL"),
        # an armed group orders another side's soldiers: a demand, not their surrender
        ("The insurgents told Malian soldiers in the garrison to surrender their weapons.", "MLI"),
        ("The European Union ordered Poland to suspend the logging.", "POL"),
    ],
)
def test_events_orders_to_another_party_are_demands(nlp, text, target):
    events = _events(nlp, text)
    assert events, text
    main = events[0]
    assert main.cameo[:2] == "10", [(e.cameo, e.trigger) for e in events]
    assert main.modality == "asserted" and not main.negated
    assert main.target is not None and main.target.country == target


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # one's own forces: the act itself, by the orderer
        ("President Putin ordered his troops to withdraw from the city.", "08"),
        ("The president ordered the army to seize the border crossing.", "19"),
        ("The interior minister ordered police to arrest the protest leaders.", "17"),
        # a state's order to its own press is the restriction it imposes, not a request
        ("The Turkish government ordered the opposition newspaper Zaman to suspend publication.", "17"),
        ("The government ordered the trade union to end the strike.", "08"),
    ],
)
def test_events_orders_to_own_forces_are_the_act(nlp, text, root):
    events = _events(nlp, text)
    assert events and events[0].cameo[:2] == root, [(e.cameo, e.trigger) for e in events]
    assert events[0].cameo[:2] != "10"


def test_events_orders_a_statement_to_someone_is_no_order(nlp):
    # "told reporters THAT ...": a statement, not a directive
    events = _events(nlp, "The general told reporters that the army had seized the airport.")
    assert all(e.cameo[:2] != "10" for e in events), [(e.cameo, e.trigger) for e in events]
    assert any(e.cameo[:2] == "19" for e in events), [(e.cameo, e.trigger) for e in events]


@pytest.mark.parametrize(
    ("text", "cameo", "target"),
    [
        # an order to go away given to another's people is an expulsion, done by giving it
        ("Mali ordered the Swedish ambassador to leave the country within 72 hours.", "166", "SWE"),
        ("The military government told Al Jazeera correspondents to leave Niger.", "174", None),
    ],
)
def test_events_orders_an_order_to_leave_is_an_expulsion(nlp, text, cameo, target):
    events = code_doc(nlp(text))
    hit = [e for e in events if e.cameo == cameo]
    assert hit and hit[0].modality == "asserted", [(e.cameo, e.modality) for e in events]
    assert target is None or (hit[0].target is not None and hit[0].target.country == target)


def test_events_orders_ones_own_forces_ordered_away_are_not_expelled(nlp):
    events = code_doc(nlp("The general ordered the soldiers to leave the town before dawn."))
    assert not any(e.cameo[:2] == "16" for e in events), [e.cameo for e in events]

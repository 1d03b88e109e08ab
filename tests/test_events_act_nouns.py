"""Acts named by nouns on a page: an order whose object is the act ("ordered the expulsion of"),
an act carried by a bundle ("an aid package"), who goes in a noun of going ("the withdrawal of
U.S. troops"), a time after "by", and an act told before that a sentence remarks on ("The attack
was the deadliest ..."). Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 9, 16)


def _events(nlp, text):
    return code_doc(nlp(text), published=PUBLISHED)


def _brief(events):
    return [(e.cameo, e.source and e.source.code, e.target and e.target.code) for e in events]


@pytest.mark.parametrize(
    ("text", "root", "source", "target"),
    [
        # the object of the order is the act itself: the orderer's own act, no demand of anyone
        ("Lithuania ordered the expulsion of two Belarusian diplomats on Friday.", "16", "LTU", "BLR"),
        ("Kenya ordered the release of 30 Ugandan fishermen held since June.", "08", "KEN", "UGA"),
    ],
)
def test_events_an_ordered_act_noun_is_the_orderers_act(nlp, text, root, source, target):
    events = _events(nlp, text)
    assert events, text
    main = events[0]
    assert main.cameo[:2] == root, _brief(events)
    assert main.source is not None and main.source.country == source, _brief(events)
    assert main.target is not None and main.target.country == target, _brief(events)


def test_events_an_order_to_another_party_stays_a_demand(nlp):
    events = _events(nlp, "The court ordered Nigeria to release the detained activists.")
    assert events and events[0].cameo[:2] == "10", _brief(events)


@pytest.mark.parametrize(
    ("text", "root", "source", "target"),
    [
        ("Canada announced a new military aid package for Ukraine worth $500 million.", "07", "CAN", "UKR"),
        ("The EU adopted a fresh sanctions package against Belarus on Monday.", "16", None, "BLR"),
    ],
)
def test_events_a_bundle_is_the_act_it_carries(nlp, text, root, source, target):
    events = _events(nlp, text)
    assert events, text
    main = events[0]
    assert main.cameo[:2] == root, _brief(events)
    assert main.target is not None and main.target.country == target, _brief(events)
    if source is not None:
        assert main.source is not None and main.source.country == source, _brief(events)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # the troops go: their country withdraws, from the place named
        ("The withdrawal of Turkish troops from northern Iraq began on Sunday.", "TUR", "IRQ"),
        # a light verb's subject is the one who withdraws; "by the end of ..." is a time, no agent
        ("Paris announced the pullout of its soldiers from Chad by the end of the year.", "FRA", "TCD"),
    ],
)
def test_events_who_goes_in_a_noun_of_going(nlp, text, source, target):
    events = _events(nlp, text)
    assert events, text
    main = events[0]
    assert main.cameo[:2] == "08", _brief(events)
    assert main.source is not None and main.source.country == source, _brief(events)
    assert main.target is not None and main.target.country == target, _brief(events)


def test_events_withdrawing_an_envoy_keeps_the_envoy_as_the_concerned(nlp):
    # what is withdrawn is no armed man: "of" still names whom the act concerns, not the doer
    events = _events(nlp, "The withdrawal of the Chadian ambassador was announced on Friday.")
    withdrawal = [e for e in events if e.trigger == "withdrawal"]
    assert withdrawal and withdrawal[0].source is None, _brief(events)
    assert withdrawal[0].target is not None and withdrawal[0].target.country == "TCD"


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        (("Militants shelled a border post in Kunar province on Tuesday. "
         "The shelling was the heaviest in the area this year."), "shelling"),
        (("Russian drones struck a power plant near Odesa overnight. "
         "The attack caused a blackout in several districts, officials said."), "attack"),
    ],
)
def test_events_a_remark_on_an_act_told_is_no_new_act(nlp, text, noun):
    events = _events(nlp, text)
    assert events and events[0].source is not None, _brief(events)
    again = [e for e in events if e.trigger == noun and e.source is None and e.target is None]
    assert not again, _brief(events)


def test_events_a_new_act_with_no_party_after_a_told_one_stays(nlp):
    # an indefinite act is news, not the one told before
    text = ("Police clashed with protesters in Lagos on Monday. "
            "A bomb exploded outside a church in Kaduna hours later.")
    events = _events(nlp, text)
    assert any(e.evidence.text.startswith("A bomb") for e in events), _brief(events)


def test_events_a_remark_on_an_act_told_is_no_new_act_even_where_another_place_is_named(nlp):
    # the place belongs to the earlier attack the sentence compares it with, not to "the raid"
    text = ("Gunmen killed nine villagers in Zamfara state on Sunday. "
            "The raid came a week after a similar attack in Katsina.")
    events = _events(nlp, text)
    again = [e for e in events if e.trigger == "raid" and e.source is None]
    assert not again, _brief(events)


def test_events_a_bundle_approved_after_another_act_is_the_bundle(nlp):
    events = _events(nlp, "Canada approved a new sanctions package against Russia after the "
                          "missile strikes on Kyiv.")
    assert events and events[0].cameo[:2] == "16", _brief(events)
    assert events[0].source is not None and events[0].source.country == "CAN"

"""How a clause's grammar decides what was done: subjunctive demands, acts coordinated with a
wrapper, "no" objects, free relatives of naming, a future clause around an event noun, the
date of a threat made today, and verbs whose object decides their sense."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 5, 15)  # a Wednesday


def _events(nlp, text):
    return code_doc(nlp(text), published=PUBLISHED)


def _show(events):
    return [(e.cameo, e.trigger, e.modality, e.negated) for e in events]


def test_events_clauses_a_subjunctive_demand_names_who_is_to_act(nlp):
    # the small parser reads "resign" after "that the prime minister" as a noun
    events = _events(nlp, "The opposition alliance demanded that the prime minister resign.")
    demand = next((e for e in events if e.cameo[:2] == "10"), None)
    assert demand is not None and demand.cameo != "100", _show(events)
    assert demand.target is not None and demand.target.sector == "GOV", demand.target


def test_events_clauses_an_act_coordinated_with_a_wrapper_is_its_own(nlp):
    # "called for X AND demanded Y": the demand was made, it is not what was called for
    events = _events(
        nlp, "Student leaders called for a general strike and demanded that the minister resign."
    )
    demand = next((e for e in events if e.trigger == "demanded"), None)
    assert demand is not None and demand.modality == "asserted", _show(events)


@pytest.mark.parametrize(
    "text",
    [
        "No shots were fired at the protesters.",
        "The border guards took no action against the smugglers.",
    ],
)
def test_events_clauses_a_no_object_negates_the_act(nlp, text):
    events = [e for e in _events(nlp, text) if e.cameo[:2] in ("17", "18", "19")]
    assert events and all(e.negated for e in events), _show(events)


def test_events_clauses_taking_measures_against_someone_is_coercion(nlp):
    events = _events(nlp, "The navy took tough measures against the fishing boats.")
    assert events and events[0].cameo[:2] == "17", _show(events)


def test_events_clauses_a_free_relative_of_naming_is_no_act(nlp):
    # "what it called X": the label is the speaker's; the act is halting X
    events = _events(nlp, "The army halted what it called a counter-insurgency operation.")
    assert events and events[0].cameo == "087", _show(events)
    assert all(e.trigger != "called" for e in events), _show(events)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Pakistan carried out what it described as precision strikes on militant hideouts in Afghanistan.", "AFG"),
        ("The Houthis launched what they called a missile attack on an American destroyer.", "USA"),
    ],
)
def test_events_clauses_the_act_a_free_relative_names_keeps_its_target(nlp, text, target):
    # "what it called an attack ON X": the named act is aimed at X, as "an attack on X" is
    events = [e for e in _events(nlp, text) if e.cameo[:2] == "19"]
    assert events and events[0].target is not None and events[0].target.country == target, _show(events)


@pytest.mark.parametrize(
    "text",
    [
        "Turkish jets struck what local officials said were PKK shelters in northern Iraq.",
        "Ukraine struck what it said was a Russian ammunition store near Donetsk.",
        "Jordanian aircraft struck what officials described as a drug smugglers' hideout.",
    ],
)
def test_events_clauses_a_strike_on_what_someone_said_was_a_place_is_force(nlp, text):
    # the free relative stands for the thing struck: a military strike, not a labour one (143)
    events = _events(nlp, text)
    assert events and events[0].cameo[:2] == "19", _show(events)


def test_events_clauses_an_event_noun_under_would_is_hypothetical(nlp):
    events = _events(
        nlp, "Officials said the pact would cover a missile attack on allied ships in the strait."
    )
    attack = [e for e in events if e.trigger == "attack"]
    assert all(e.modality == "hypothetical" for e in attack), _show(events)


def test_events_clauses_a_vow_that_they_will_be_punished_is_a_threat_made_that_day(nlp):
    events = _events(
        nlp,
        "The president condemned the bombing on Monday and vowed that the attackers would be "
        "punished.",
    )
    threat = next((e for e in events if e.cameo[:2] == "13"), None)
    assert threat is not None and threat.modality == "asserted", _show(events)
    assert threat.date == dt.date(2024, 5, 13), threat.date  # Monday past, not next Monday


@pytest.mark.parametrize(
    ("text", "root", "negated"),
    [
        ("Warsaw did not invoke its defence pact with Washington.", "02", True),
        ("Government troops defeated the rebel forces near the border.", "19", False),
        ("Parliament defeated the budget bill.", "12", False),
    ],
)
def test_events_clauses_the_object_decides_the_sense(nlp, text, root, negated):
    events = _events(nlp, text)
    assert events and events[0].cameo[:2] == root, _show(events)
    assert events[0].negated is negated


def test_events_clauses_a_purpose_in_words_is_the_aim_not_a_second_act(nlp):
    events = _events(nlp, "The governor deployed the national guard to support the city police.")
    assert all(e.trigger != "support" for e in events), _show(events)
    events = _events(nlp, "The envoys will travel to Doha on Monday to discuss a prisoner exchange.")
    assert all(e.trigger != "discuss" or e.modality != "asserted" for e in events), _show(events)


def test_events_clauses_a_purpose_of_protest_is_how_it_was_done(nlp):
    events = _events(nlp, "Students defied a curfew to take to the streets of the capital.")
    assert any(e.cameo[:2] == "14" for e in events), _show(events)


def test_events_clauses_an_event_said_to_have_ended_is_no_new_event(nlp):
    events = _events(nlp, "Turkish engineers have rebuilt the bridge since the war ended.")
    assert all(e.trigger != "war" for e in events), _show(events)
    events = _events(nlp, "The minister said the 2015 ceasefire had collapsed.")
    assert all(e.trigger != "ceasefire" for e in events), _show(events)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Hundreds of French troops were deployed to northern Mali.", "FRA"),
        ("About 3,000 Kenyan police officers have been deployed in Haiti since the mission began.",
         "KEN"),
    ],
)
def test_events_clauses_deployed_forces_were_sent_by_their_state(nlp, text, country):
    events = _events(nlp, text)
    assert events and events[0].source is not None, _show(events)
    assert events[0].source.country == country, events[0].source


@pytest.mark.parametrize(
    ("text", "root", "negated"),
    [
        # a simple past negation reports what did not happen: no refusal was made
        ("The two ministers did not sign the trade accord on Friday.", "05", True),
        ("The envoys had not met before the summit.", "04", True),
        # a refusal is a stance: future, "never", a present or perfect negation
        ("The junta will not release the detained journalists.", "12", False),
        ("Ankara has never recognised the breakaway republic.", "12", False),
    ],
)
def test_events_clauses_not_done_is_no_refusal(nlp, text, root, negated):
    events = _events(nlp, text)
    assert events and events[0].cameo[:2] == root, _show(events)
    assert events[0].negated is negated, _show(events)

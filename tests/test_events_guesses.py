"""The model's class on a verb no table knows becomes an event only between actors
(events/guesses.py), and idioms that name their event in a noun are coded by the tables."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc
from flashpoint.events.guesses import guessed


def _root(nlp, text):
    return next(iter(nlp(text).sents)).root


@pytest.mark.parametrize(
    "text",
    [
        "The authorities closed dozens of shops in the capital.",
        "The former prime minister left Dhaka on a military aircraft.",
        "A warehouse and two factories burned overnight.",
        "At least 30 people died after drinking tainted alcohol.",
    ],
)
def test_events_guesses_no_act_between_actors_is_no_event(nlp, text):
    assert guessed(_root(nlp, text), "190") is None


@pytest.mark.parametrize(
    "text",
    [
        "The army units drove back the rebels from the village.",
        "Plainclothes police officers stopped him at the border.",
        "Government troops achieved a decisive victory in the north.",  # armed doer alone
    ],
)
def test_events_guesses_an_act_between_actors_or_by_armed_men_is_kept(nlp, text):
    found = guessed(_root(nlp, text), "190")
    assert found is not None and found.code == "190"


def test_events_guesses_an_unarmed_doer_needs_a_recipient(nlp):
    assert guessed(_root(nlp, "The ministry achieved a record budget surplus."), "190") is None


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Dozens of youths went on a looting spree across the port town.", "14"),
        ("Dock workers went on strike on Monday.", "14"),
        ("The gunman went on a shooting spree at the mall.", "19"),
        ("The supreme court opened a hearing into the detention of the activists.", "09"),
    ],
)
def test_events_guesses_idioms_are_coded_by_the_tables(nlp, text, root):
    events = code_doc(nlp(text), published=dt.date(2024, 5, 15))
    assert events and events[0].cameo_root == root, [(e.cameo, e.trigger) for e in events]

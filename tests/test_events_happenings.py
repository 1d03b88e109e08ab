"""Non-political happenings (disasters, accidents, epidemics, markets, sport) give no conflict."""

from __future__ import annotations

import pytest

from flashpoint.events.happenings import word_lists


def test_events_happenings_lists_load_lower_cased_and_apart():
    lists = word_lists()
    for name in (
        "forces",
        "accidents",
        "happenings",
        "armed",
        "sport",
        "sport_verbs",
        "victim_verbs",
    ):
        assert lists[name], name
        assert all(w == w.lower() and w.strip() == w for w in lists[name]), name
    assert not lists["forces"] & lists["accidents"], "a word is both a force and an accident"
    assert not lists["happenings"] & lists["armed"], "a word both clears and keeps an event"


def _conflict(nlp, text):
    from flashpoint.events import code_doc

    return [e.cameo for e in code_doc(nlp(text)) if e.quad_class in (3, 4)]


@pytest.mark.parametrize(
    "text",
    [
        "A strong earthquake killed eight people on Sunday.",
        "Torrential rains and heavy floods hit parts of Japan.",
        "Five people were killed after a volcano erupted off the coast.",
        "A gas explosion killed eight people at the carnival.",
        "Spain beat England 2-1 in the final.",
        "159 people have died of alcohol poisoning in five states.",
    ],
)
def test_events_happenings_give_no_conflict_event(nlp, text):
    assert _conflict(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Israeli fire killed three people in Gaza.",
        "A bomb blast killed 12 people at a market.",
        "Rebels killed 12 villagers in an attack.",
        "Protests erupted in Tripoli on Tuesday.",
    ],
)
def test_events_happenings_keep_acts_of_actors(nlp, text):
    assert _conflict(nlp, text)

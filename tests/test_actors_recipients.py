"""Who an event is aimed at, on hand-written sentences: the recipient phenomena of issue 12.

Each case is one phenomenon, not one benchmark sentence: the subject of a demanded complement,
the owner of a refused request, the source's own forces yielding to the counterpart, a count
that counts someone, the purpose of an act, "in protest of", a deed's owner, a place where an
act of force happens, and a relative clause hanging on a place.
"""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 5, 15)


def _main(nlp, text):
    events = code_doc(nlp(text), published=PUBLISHED)
    assert events, f"no event coded in {text!r}"
    return events[0]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # the subject of what is demanded or allowed is the one asked to act
        ("The Kenyan government demanded that Uganda withdraw its soldiers.", "UGA"),
        ("Peru's court allowed the Bolivian envoy to leave the country.", "BOL"),
        # refusing or accepting another's request, plan or mediation: its owner
        ("Morocco rejected an Algerian proposal for new talks.", "DZA"),
        ("Ghana turned down Togo's request for troops.", "TGO"),
        ("Serbia agreed to Hungarian mediation in the dispute.", "HUN"),
        # the source's own forces yield to the counterpart
        ("Chad offered its soldiers to the Malian government.", "MLI"),
        # a count that counts someone
        ("Sudanese troops detained thousands of Eritrean refugees.", "ERI"),
        # the purpose of an act and "in protest of": whom it is aimed at
        ("Police fired tear gas to disperse Kenyan protesters.", "KEN"),
        ("Farmers began a hunger strike to protest Poland's decision.", "POL"),
        ("Students staged a sit-in in protest of the Nepali government's policies.", "NPL"),
        # a deed names its owner
        ("Chile is investigating crimes committed by Peruvian soldiers.", "PER"),
        ("Nigeria mobilized reservists for a war against Cameroon.", "CMR"),
    ],
)
def test_actors_recipients_country(nlp, text, country):
    event = _main(nlp, text)
    assert event.target is not None, f"no target in {text!r}"
    assert event.target.country == country, (text, event.target)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The army imposed a curfew in Mali.", "MLI"),
        ("The junta declared a state of siege in Haiti.", "HTI"),
    ],
)
def test_actors_recipients_place_of_force_is_its_country_not_its_government(nlp, text, country):
    event = _main(nlp, text)
    assert event.target is not None, f"no target in {text!r}"
    assert (event.target.country, event.target.sector) == (country, None), event.target


@pytest.mark.parametrize(
    "text",
    [
        "Sri Lanka has not confirmed carrying out the raids in Jaffna, which local officials said had killed the rebel leader."
    ],
)
def test_actors_recipients_relative_clause_on_a_place_is_not_the_place(nlp, text):
    events = code_doc(nlp(text), published=PUBLISHED)
    killed = [e for e in events if e.trigger.startswith("killed")]
    assert killed, [e.trigger for e in events]
    assert (
        killed[0].source is None
        or killed[0].source.country != "LKA"
        or killed[0].source.sector != "GOV"
    )


@pytest.mark.parametrize(
    "text",
    [
        "The two foreign ministers met in Nairobi on Monday.",
        "Delegations from Armenia and Azerbaijan held talks in Almaty.",
    ],
)
def test_actors_recipients_a_venue_is_neither_side(nlp, text):
    for event in code_doc(nlp(text), published=PUBLISHED):
        for actor in (event.source, event.target):
            assert actor is None or actor.country not in ("KEN", "KAZ"), (text, event)


@pytest.mark.parametrize(
    "text", ["Talks in Istanbul ended without agreement.", "The drones over Kyiv caused panic."]
)
def test_actors_recipients_a_thing_with_a_place_is_no_source(nlp, text):
    for event in code_doc(nlp(text), published=PUBLISHED):
        assert event.source is None or not event.source.code, (text, event.source)


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        (
            (
                "Venezuela deployed troops to the border on Monday. It also threatened to annex"
                " the disputed region of Guyana."
            ),
            "threatened",
            "VEN",
        ),
        (
            (
                "North Korea fired two missiles, South Korea's military said. The North has fired"
                " a dozen missiles this year."
            ),
            "fired",
            "PRK",
        ),
    ],
)
def test_actors_recipients_the_article_remembers_who_acts(nlp, text, trigger, country):
    events = [e for e in code_doc(nlp(text), published=PUBLISHED) if e.trigger == trigger]
    assert events, trigger
    assert events[-1].source is not None and events[-1].source.country == country


@pytest.mark.parametrize(
    "text",
    [
        "Three civilians died in the attack, the health ministry said.",
        "At least 12 people were killed in shelling of the city, regional officials said.",
        "Lebanon's health ministry said 20 people were killed.",
    ],
)
def test_actors_recipients_a_reporter_is_attribution_never_the_actor(nlp, text):
    for event in code_doc(nlp(text), published=PUBLISHED):
        if event.cameo[:2] in ("18", "19", "20"):
            assert event.source is None or not event.source.code, (text, event.source)

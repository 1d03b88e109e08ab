"""Who does what to whom where the parse or the wording hides it: a subject spaCy hangs on
"after", a threat made by forecasting force, a visit's host, the asker of "at the request of"."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 5, 15)  # a Wednesday


def _events(nlp, text):
    return code_doc(nlp(text), published=PUBLISHED)


def _country(actor):
    return actor.country if actor is not None else None


@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        (
            "Rebel fighters in the north agreed on Friday to hand over their weapons, "
            "a day after Nigeria launched a military offensive against their camps.",
            "launched",
            "NGA",
        ),
        (
            "Opposition lawmakers walked out of parliament on Monday, hours after Serbia "
            "attacked positions near the border.",
            "attacked",
            "SRB",
        ),
    ],
)
def test_events_roles_a_subject_hung_on_after_is_its_own_clause_subject(nlp, text, trigger, doer):
    event = next(e for e in _events(nlp, text) if e.trigger == trigger)
    assert _country(event.source) == doer, event.source


@pytest.mark.parametrize(
    "text",
    [
        "Russia's defence minister said the bombardment would resume with full force.",
        "Iran's army chief said the strikes would resume after the holiday.",
    ],
)
def test_events_roles_force_forecast_by_a_side_is_its_threat(nlp, text):
    threats = [e for e in _events(nlp, text) if e.cameo[:2] == "13"]
    assert threats, [(e.cameo, e.trigger) for e in _events(nlp, text)]
    assert threats[0].source is not None and threats[0].source.country in {"RUS", "IRN"}
    # "with full force" is how, not armed forces: no target of the speaker's own country
    assert threats[0].target is None or threats[0].target.country != threats[0].source.country


def test_events_roles_force_forecast_by_an_observer_threatens_no_one(nlp):
    events = _events(nlp, "The UN envoy said the fighting would resume after the pause.")
    assert all(e.source is None for e in events if e.cameo[:2] == "13"), events


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("Putin and his delegation arrived in Beijing on Tuesday.", "CHN"),
        ("The Iranian foreign minister and his deputy arrived in Cairo for a visit.", "EGY"),
    ],
)
def test_events_roles_a_visit_is_hosted_by_its_place_not_by_a_fellow_traveller(nlp, text, host):
    visit = next(e for e in _events(nlp, text) if e.cameo == "042")
    assert _country(visit.target) == host, visit.target


@pytest.mark.parametrize(
    ("text", "asker"),
    [
        ("The fighting stopped at the request of Egypt and Jordan.", "EGY"),
        ("The hostages were handed over at the invitation of Qatar.", "QAT"),
    ],
)
def test_events_roles_at_the_request_of_names_who_asked(nlp, text, asker):
    events = _events(nlp, text)
    asked = [e for e in events if e.trigger in ("request", "invitation")]
    assert all(_country(e.source) == asker for e in asked), [(e.trigger, e.source) for e in asked]
    assert all(_country(e.target) != asker for e in asked), [(e.trigger, e.target) for e in asked]


@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        (
            "Sudanese rebels captured the airport on Monday. Egypt's foreign ministry condemned "
            "the attack. Rebels met little resistance as they moved south. They said they had "
            "released hundreds of prisoners.",
            "released",
            "SDN",
        ),
        (
            "Syrian rebels entered Homs on Sunday. Russia said its jets struck a convoy. "
            "Rebels later attacked the airport.",
            "attacked",
            "SYR",
        ),
    ],
)
def test_events_roles_a_group_named_again_is_the_antecedent_of_they(nlp, text, trigger, doer):
    # a subject is remembered where it stands, even in a sentence that codes no event, and a
    # bare plural of a remembered kind ("Rebels") is the group the article named
    event = next(e for e in _events(nlp, text) if e.trigger == trigger)
    assert _country(event.source) == doer, event.source


@pytest.mark.parametrize(
    ("text", "trigger", "doer", "sector"),
    [
        ("Protests erupted in Lagos on Monday over fuel prices.", "Protests", "NGA", "CVL"),
        (
            "Iranian police arrested dozens of students in Tehran on Monday. The students were "
            "released after a violent crackdown drew criticism.",
            "crackdown",
            "IRN",
            "GOV",
        ),
    ],
)
def test_events_roles_an_event_noun_with_no_doer_implies_one(nlp, text, trigger, doer, sector):
    # protests are civilians' and a crackdown is a state's, in the country where they happened
    event = next(e for e in _events(nlp, text) if e.trigger == trigger)
    assert event.source is not None, event
    assert (event.source.country, event.source.sector) == (doer, sector), event.source


def test_events_roles_other_event_nouns_imply_no_doer(nlp):
    events = _events(nlp, "The offensive began on Monday near Kharkiv.")
    force = [e for e in events if e.cameo[:2] in {"18", "19"}]
    assert all(e.source is None for e in force), [(e.cameo, e.source) for e in force]

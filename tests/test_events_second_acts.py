"""Second acts inside one sentence, found judging unseen wire-style news (events9, issue 12):
an adverbial clause with a doer of its own is a second act by that doer ("hours after
warplanes bombed", "after supporters attacked"), conjoined doers acting on someone are not two
sides, a subject "no group"/"nobody" negates the act, and a month is no march."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 5, 15)


def _events(nlp, text):
    return code_doc(nlp(text), published=PUBLISHED)


def _show(events):
    return [
        (e.source and e.source.code, e.cameo, e.target and e.target.code, e.trigger, e.negated)
        for e in events
    ]


@pytest.mark.parametrize(
    ("text", "second_doer"),
    [
        ("The army shelled the town a day before Islamist fighters shelled a checkpoint.", "REB"),
        ("Police detained dozens of students after soldiers had detained their teachers.", "MIL"),
    ],
)
def test_events_second_acts_a_clause_with_its_own_doer_is_a_second_act(nlp, text, second_doer):
    # the same code as the main act, so it was taken for the main act's manner ("fired tear gas
    # to disperse them"); its own subject makes it another act by another doer
    events = _events(nlp, text)
    assert len(events) >= 2, _show(events)
    assert {e.source.sector for e in events[:2] if e.source} >= {second_doer}, _show(events)


@pytest.mark.parametrize(
    ("text", "trigger", "sector"),
    [
        (
            (
                "Police detained 300 people after supporters of the jailed cleric attacked "
                "government offices in the capital."
            ),
            "attacked",
            "OPP",
        ),
        (
            "The governor imposed a curfew after rioters had attacked several police stations.",
            "attacked",
            "CVL",
        ),
    ],
)
def test_events_second_acts_a_subject_hung_on_after_is_its_clauses_doer(nlp, text, trigger, sector):
    # spaCy reads "after" as a preposition of the main verb with the clause's subject as its object
    events = _events(nlp, text)
    act = next((e for e in events if e.trigger == trigger), None)
    assert act is not None, _show(events)
    assert act.source is not None and act.source.sector == sector, _show(events)


@pytest.mark.parametrize(
    "text",
    [
        "The bridge reopened after three years to allow the delivery of food aid to the region.",
        "Police arrested the suspect after a long chase to end the standoff.",
    ],
)
def test_events_second_acts_a_time_after_a_preposition_is_no_doer(nlp, text):
    events = _events(nlp, text)
    assert not any(e.source is not None and e.source.text in ("three years", "a long chase") for e in events), _show(events)


@pytest.mark.parametrize(
    ("text", "doer", "ally"),
    [
        ("Police and allied militiamen killed two suspected gang leaders.", "COP", "allied militiamen"),
        ("Army troops and allied militias killed him near the border.", "MIL", "allied militias"),
    ],
)
def test_events_second_acts_conjoined_doers_acting_on_someone_are_not_two_sides(nlp, text, doer, ally):
    # fighting is symmetric ("X and Y clashed"), but with a patient the conjuncts did it together
    act = _events(nlp, text)[0]
    assert act.source is not None and act.source.sector == doer, _show([act])
    assert act.target is None or act.target.text != ally, _show([act])


@pytest.mark.parametrize(
    "text",
    ["Government troops and the rebels clashed near the airport.", "Both the army and the militia broke the truce."],
)
def test_events_second_acts_conjoined_sides_of_a_symmetric_act_stay_two_sides(nlp, text):
    events = _events(nlp, text)
    act = events[0]
    assert act.source is not None and act.target is not None, _show(events)
    assert act.source.sector != act.target.sector, _show(events)


@pytest.mark.parametrize(
    "text",
    [
        "No group has claimed responsibility for the bombing.",
        "No one claimed responsibility for the ambush.",
        "Nobody claimed responsibility for the blast.",
    ],
)
def test_events_second_acts_a_subject_of_no_one_negates_the_act(nlp, text):
    events = _events(nlp, text)
    claims = [e for e in events if e.cameo[:3] == "015"]
    assert claims and all(e.negated for e in claims), _show(events)


@pytest.mark.parametrize(
    "text",
    [
        "The journalist was detained in Minsk in March and charged with treason.",
        "Border guards arrested the smugglers in early March.",
    ],
)
def test_events_second_acts_a_month_is_no_march(nlp, text):
    events = _events(nlp, text)
    assert not any(e.cameo == "141" for e in events), _show(events)


def _partyless_force(events):
    return [e for e in events if e.cameo[:2] in ("18", "19", "20") and not e.source and not e.target]


@pytest.mark.parametrize(
    "text",
    [
        (
            "Gunmen raided a village on Sunday. The attack came two days after soldiers "
            "arrested a local commander."
        ),
        "Rebels stormed a prison on Monday. Troops arrested 30 escapees after the assault.",
    ],
)
def test_events_second_acts_a_definite_act_with_no_party_points_back(nlp, text):
    # "the attack" names the raid told before, not a second act with no doer and no target
    events = _events(nlp, text)
    assert not _partyless_force(events[1:]), _show(events)


@pytest.mark.parametrize(
    "text",
    [
        "Fighting between the army and the rebels has killed hundreds of people since May.",
        "Fighting in the north has displaced 20,000 people, aid agencies said.",
    ],
)
def test_events_second_acts_an_act_that_is_the_doer_of_a_coded_act_is_that_act(nlp, text):
    events = _events(nlp, text)
    assert not [e for e in events if e.trigger == "Fighting" and not e.source and not e.target], _show(events)


@pytest.mark.parametrize(
    "text",
    [
        "A grenade attack was carried out near the market.",
        "The traders' union noted that the attacks on its members' shops had hurt the economy.",
    ],
)
def test_events_second_acts_an_act_with_nothing_told_before_stays(nlp, text):
    # indefinite, or definite with no act of force told before: this is the report
    assert any(e.cameo[:2] == "19" for e in _events(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Qatar and Turkey offered to mediate between the warring factions.",
        "Norway and Cuba mediated between the government and the guerrillas.",
    ],
)
def test_events_second_acts_conjoined_mediators_are_not_each_others_counterpart(nlp, text):
    events = [e for e in _events(nlp, text) if e.cameo[:3] in ("039", "045")]
    assert events, _show(_events(nlp, text))
    for e in events:
        assert e.target is None or e.target.code not in ("TUR", "CUB"), _show(events)


@pytest.mark.parametrize(
    "text",
    [
        "No group has claimed responsibility for the bombing.",
        "Nobody claimed responsibility for the blast.",
        "The ministry said the putschists had no authority to make the request.",
        "Japan said the missile fell outside its zone and no damage was reported.",
    ],
)
def test_events_second_acts_a_mention_of_no_one_is_no_party(nlp, text):
    """ "no group", "nobody", "no damage", "no authority" name no actor: never a source or a
    target, with or without a code."""
    events = _events(nlp, text)
    for e in events:
        for actor in (e.source, e.target):
            assert actor is None or not actor.text.lower().startswith("no"), _show(events)


@pytest.mark.parametrize(
    "text",
    [
        "Shelling killed at least 19 people at a market in El Fasher on Sunday, medical sources said.",
        "Heavy shelling of residential districts killed 11 civilians in Kharkiv on Monday.",
        "An air strike killed seven members of one family in Khan Younis, medics said.",
    ],
)
def test_events_second_acts_a_doerless_act_of_force_killing_is_one_act(nlp, text):
    """The act of force named as the subject of a coded killing, with no doer of its own, is
    that killing told once, whatever place or victims it names."""
    events = _events(nlp, text)
    assert len([e for e in events if e.cameo[:2] in ("18", "19", "20")]) == 1, _show(events)


def test_events_second_acts_fighting_between_two_sides_that_kills_stays_an_act(nlp):
    events = _events(nlp, "Fighting between the army and the rebels has killed hundreds since May.")
    fight = [e for e in events if e.trigger == "Fighting"]
    assert fight and fight[0].source is not None and fight[0].target is not None, _show(events)

"""Wordings that name an act which is not one: an act kept from being ("prevented a rally"),
a crime committed (no commitment, 030), an act done to oneself ("barricaded themselves",
"defending itself against" an armed foe)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 5, 15)
DONE = ("asserted", "reported")


def _events(nlp, text):
    return code_doc(nlp(text), published=PUBLISHED)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Riot police prevented a rally outside the electoral commission on Monday.", "14"),
        ("Security services foiled a bomb attack on a synagogue in Berlin.", "19"),
        ("The authorities banned demonstrations in the capital ahead of the vote.", "14"),
        ("Last-minute talks averted a strike by railway workers.", "14"),
        # delaying, halting or cancelling an act: it is not reported as done
        ("The militia delayed the release of the captured soldiers by a week.", "08"),
        ("Kyiv postponed the evacuation of the frontline villages.", "07"),
        ("The ministry halted the deployment of riot police to the border.", "15"),
        ("The junta cancelled the withdrawal of its troops from the capital.", "08"),
    ],
)
def test_events_no_act_an_averted_act_is_not_reported_as_done(nlp, text, root):
    events = _events(nlp, text)
    done = [e for e in events if e.cameo[:2] == root and e.modality in DONE]
    assert not done, [(e.cameo, e.trigger, e.modality) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "Police blocked a march on the presidential palace.",
        "Troops repelled an attack on the base.",
    ],
)
def test_events_no_act_a_blocked_or_repelled_act_still_happened(nlp, text):
    events = _events(nlp, text)
    assert any(e.cameo[:2] in {"14", "19"} and e.modality in DONE for e in events), [
        (e.cameo, e.trigger, e.modality) for e in events
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Government soldiers committed war crimes in the eastern province, investigators said.",
        "Both armies committed grave abuses against civilians.",
    ],
)
def test_events_no_act_committing_crimes_is_no_commitment(nlp, text):
    events = _events(nlp, text)
    assert not [e for e in events if e.cameo[:2] == "03"], [(e.cameo, e.trigger) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "The Congolese government committed $50 million to the peace fund.",
        "Both parties committed to a ceasefire on Sunday.",
    ],
)
def test_events_no_act_a_commitment_of_money_or_to_peace_stays(nlp, text):
    events = _events(nlp, text)
    assert events and events[0].cameo[:2] == "03", [(e.cameo, e.trigger) for e in events]


def test_events_no_act_a_massacre_committed_is_the_massacre(nlp):
    events = _events(nlp, "Militiamen committed a massacre in a village near Bunia.")
    assert events and events[0].cameo[:2] == "20" and events[0].modality in DONE, [
        (e.cameo, e.trigger, e.modality) for e in events
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine says it is defending itself against the invading Russian army.",
        "The gunmen barricaded themselves inside a school after the raid.",
    ],
)
def test_events_no_act_an_act_done_to_oneself_is_no_event(nlp, text):
    events = _events(nlp, text)
    own = [e for e in events if e.trigger.split()[0] in {"defending", "barricaded"}]
    assert not own, [(e.cameo, e.trigger) for e in events]


def test_events_no_act_defending_oneself_against_words_is_verbal_defence(nlp):
    events = _events(nlp, "The ministry defended itself against accusations of corruption.")
    assert events and events[0].cameo == "052", [(e.cameo, e.trigger) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "Macron calls attack on Kyiv 'a war crime'",
        "Lula calls coup attempt 'an attack on democracy'",
    ],
)
def test_events_no_act_a_headline_naming_its_object_is_no_appeal(nlp, text):
    events = _events(nlp, text)
    assert not [e for e in events if e.cameo[:2] == "02"], [(e.cameo, e.trigger) for e in events]


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Turkey halted its air strikes on Kurdish positions after the truce.", "08"),
        ("Washington suspended military aid to Cairo.", "16"),
    ],
)
def test_events_no_act_a_coded_halt_is_itself_the_event(nlp, text, root):
    """Where a verb row codes the halting itself (de-escalation 087, reduced aid 162), the halt
    is the event and is reported as done."""
    events = _events(nlp, text)
    assert any(e.cameo[:2] == root and e.modality in DONE for e in events), [
        (e.cameo, e.trigger, e.modality) for e in events
    ]


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # an act noun compounded into an actor or its kit names what kind they are
        ("Riot police entered the university campus in Tbilisi on Tuesday.", "14"),
        ("Officers in riot gear lined the avenue outside the parliament.", "14"),
        ("Anti-riot units cleared the square before dawn.", "14"),
        ("The war crimes court opened a new case on Thursday.", "19"),
        ("Strike committee members gathered at the depot.", "14"),
    ],
)
def test_events_no_act_a_kind_of_actor_is_no_act(nlp, text, root):
    events = _events(nlp, text)
    assert not [e for e in events if e.cameo[:2] == root], [(e.cameo, e.trigger) for e in events]


@pytest.mark.parametrize(
    ("text", "code", "source"),
    [
        # the kind of actor still acts; a participle still tells the act
        ("Riot police fired tear gas at the crowd outside parliament.", "17", "COP"),
        ("Thousands of protesting farmers blocked roads around Paris.", "14", None),
    ],
)
def test_events_no_act_the_kind_of_actor_still_acts(nlp, text, code, source):
    events = _events(nlp, text)
    hits = [e for e in events if e.cameo.startswith(code)]
    assert hits, [(e.cameo, e.trigger) for e in events]
    if source is not None:
        assert hits[0].source is not None and hits[0].source.code.endswith(source), hits[0].source


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # a participle or adjective before its noun says what state the thing is in, not
        # that this sentence's subject did the act to it
        ("Thousands of residents fled the occupied town on foot.", "19"),
        ("Aid workers reached the besieged city for the first time in months.", "19"),
        ("Activists parked a burned-out armoured vehicle outside the embassy.", "19"),
        ("Volunteers carried the wounded soldiers to a field hospital.", "19"),
        ("Families of the detained journalists gathered outside the court.", "17"),
    ],
)
def test_events_no_act_a_modifying_participle_is_no_act_of_the_subject(nlp, text, root):
    events = _events(nlp, text)
    assert not [e for e in events if e.cameo[:2] == root], [(e.cameo, e.trigger) for e in events]


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Russian forces occupied the town on Tuesday.", "19"),
        ("Government troops besieged the city for three months.", "19"),
    ],
)
def test_events_no_act_the_same_participle_as_a_verb_is_the_act(nlp, text, root):
    events = _events(nlp, text)
    assert [e for e in events if e.cameo[:2] == root], [(e.cameo, e.trigger) for e in events]

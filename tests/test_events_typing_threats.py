"""Threats made by an alternative or a frame of necessity (issue 12, ``events/threats.py``).

A demand joined by "or" to what befalls the one asked is a threat by the one who demands
against the one asked ("told the villagers to join or be killed"); so is a conflict act one
says one would be driven to on a condition ("would have no choice but to attack if talks
fail"). The threatened act has not happened. Sentences written for these tests."""

from __future__ import annotations

import pytest

from flashpoint.events import code_doc, tables
from flashpoint.events.threats import _data


def _events(nlp, text: str):
    return code_doc(nlp(text))


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("The militants told villagers to join the group or be killed.", "REB", "CVL"),
        ("The rebels ordered residents to leave the town or face the consequences.", "REB", "CVL"),
        ("Iran warned the United States to stay out of the Gulf or face a crushing response.",
         "IRN", "USA"),
        ("The minister urged both sides to return to talks or face sanctions.", "GOV", None),
        ("The rebels told residents to leave the area or they would be killed.", "REB", "CVL"),
        ("Pay the ransom or the hostages will die, the kidnappers said.", "CRM", None),
        ("Either the government resigns or we will take up arms.", None, "GOV"),
    ],
)  # fmt: skip
def test_events_typing_threats_by_an_alternative(nlp, text, source, target):
    main = _events(nlp, text)[0]
    assert main.cameo.startswith("13") and main.plover == "THREATEN", (text, main.cameo)
    assert main.modality == "asserted"
    assert (main.source.code if main.source else None) == source, text
    if target is not None:
        assert main.target is not None and main.target.code.endswith(target), text


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The militants told villagers to join the group or be killed.", "1384"),
        ("The junta must release the prisoners or face sanctions, the bloc said.", "1312"),
        ("The rebels ordered residents to leave the town or face the consequences.", "130"),
    ],
)
def test_events_typing_threats_code_what_is_threatened(nlp, text, cameo):
    assert _events(nlp, text)[0].cameo == cameo


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested or detained 20 people.",
        "Protesters were killed or injured in the clashes.",
        "Either we win or we die.",
        "The government must act or the country will collapse, he said.",
        "The UN told the parties to agree or lose funding.",
        "Officials must decide whether to attack or withdraw.",
    ],
)
def test_events_typing_threats_an_alternative_without_a_demand_and_a_harm_is_none(nlp, text):
    events = _events(nlp, text)
    assert not any(e.cameo.startswith("13") and e.modality == "asserted" for e in events), (
        text,
        [e.cameo for e in events],
    )


def test_events_typing_threats_the_threatened_act_is_not_reported_done(nlp):
    events = _events(nlp, "The militants told villagers to join the group or be killed.")
    assert not any(e.cameo[:2] in ("18", "19", "20") for e in events), [e.cameo for e in events]


@pytest.mark.parametrize(
    ("text", "cameo", "source"),
    [
        (("Israel would have no choice but to attack Iran's nuclear sites if talks fail, the "
          "minister said."), "1384", "ISR"),
        ("The government said it would have to impose a curfew if the violence continued.",
         "1323", "GOV"),
        (("The union said its members could be forced to go on strike if the government fails "
          "to raise wages."), "133", None),
    ],
)  # fmt: skip
def test_events_typing_threats_driven_to_an_act_on_a_condition(nlp, text, cameo, source):
    main = _events(nlp, text)[0]
    assert main.cameo == cameo, (text, main.cameo)
    if source is not None:
        assert main.source is not None and main.source.code.startswith(source)
    done = [e.cameo for e in _events(nlp, text) if e.modality == "asserted"]
    assert not any(c[:2] in ("17", "19") for c in done), (text, done)


@pytest.mark.parametrize(
    "text",
    [
        "Civilians could be forced to flee if the fighting continues.",
        "The central bank may have to raise interest rates if inflation persists.",
        "The army was forced to retreat after heavy losses.",
    ],
)
def test_events_typing_threats_necessity_without_a_conflict_act_on_a_condition_is_none(nlp, text):
    events = _events(nlp, text)
    assert not any(e.cameo.startswith("13") for e in events), (text, [e.cameo for e in events])


def test_events_typing_threats_data_is_consistent():
    data = _data()
    assert data["or"] and data["roles"] and data["harm"] and data["facing"]
    for code in [data["harm_code"], *data["consequences"].values()]:
        assert tables.info(code).plover == "THREATEN", code
    assert all(len(r) == 2 and r.isdigit() for r in data["hostile"])
    assert not data["harm"] & data["facing"]
    assert {"must", "should"} <= data["modals"] and not {"must", "should"} & data["frame_modals"]


@pytest.mark.parametrize(
    ("text", "source", "warned", "act_root", "doer"),
    [
        ("China warned Taiwan against declaring independence.", "CHN", "TWN", None, None),
        ("The United States warned Israel against a unilateral strike on Iran.",
         "USA", "ISR", "19", "ISR"),
        ("Russia warned NATO against deploying troops in Ukraine.", "RUS", "IGONAT", "15", "IGONAT"),
    ],
)  # fmt: skip
def test_events_typing_threats_a_warning_against_an_act_of_the_warned(
    nlp, text, source, warned, act_root, doer
):
    """PETRARCH2's WARN '* + AGAINST ...' [130]: the warner threatens, unspecified; the act is
    the warned one's and has not happened (never the warner's own 13x threat of it)."""
    events = _events(nlp, text)
    assert events[0].cameo == "130", (text, events[0].cameo)
    assert events[0].source.code.startswith(source) and events[0].target.code == warned
    if act_root is not None:
        act = next(e for e in events if e.cameo[:2] == act_root)
        assert act.modality == "hypothetical" and act.source.code == doer, text

"""What an act is for is not the act (issue 12, ``events/purposes.py``): forces sent to help a
party named as another's are military protection of it (074), not the aid verb's 070; forces
deployed with no party to serve, or to back their own state's police, stay a deployment (15x); a purpose that is a deed of its own still names the act
("sent experts to investigate"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from flashpoint.events import code_doc, tables
from flashpoint.events.purposes import _data


def _first(nlp, text: str):
    events = code_doc(nlp(text))
    assert events, text
    return events[0]


@pytest.mark.parametrize(
    ("text", "target_country"),
    [
        ("Chad sent troops to help the government of Mali.", "MLI"),
        ("Kenya deployed soldiers to support the Somali army.", "SOM"),
        (
            "Rwanda dispatched troops to protect the government of the Central African Republic.",
            "CAF",
        ),
    ],
)
def test_events_typing_purposes_forces_sent_to_help_are_protection(nlp, text, target_country):
    event = _first(nlp, text)
    assert event.cameo == "074", (text, event.cameo)
    assert event.target is not None and event.target.country == target_country


@pytest.mark.parametrize(
    "text",
    [
        "The United States deployed 200 Marines to Tripoli to provide security at the embassy.",
        "Russia sent bombers to Venezuela.",
        "The interior ministry sent soldiers to support the local police.",
    ],
)
def test_events_typing_purposes_a_deployment_serving_nobody_stays_one(nlp, text):
    assert _first(nlp, text).cameo[:2] == "15", text


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The United Nations sent experts to investigate the explosion.", "09"),
        ("Ghana sent troops to distribute food in the camps.", "07"),
        ("The party mobilized its supporters to help the candidate.", "07"),
    ],
)
def test_events_typing_purposes_a_deed_still_names_the_act(nlp, text, cameo):
    assert _first(nlp, text).cameo.startswith(cameo), text


def test_events_typing_purposes_data_is_consistent():
    data = _data()
    assert data["verbs"] and data["objects"] and data["light"]
    assert not data["verbs"] & data["light"]
    assert tables.info(data["code"]).plover == "AID"
    assert all(len(r) == 2 and r.isdigit() for r in data["roots"])


@pytest.mark.parametrize(
    ("text", "done", "aim"),
    [
        ("The protests were aimed at forcing the prime minister to resign.", "141", "170"),
        ("The air strikes were intended to pressure the rebels into talks.", "19", "10"),
        ("The sanctions are designed to force Moscow to end the war.", "163", "170"),
        ("The blockade is aimed at forcing Qatar to cut ties with Iran.", "191", "170"),
    ],
)
def test_events_typing_purposes_an_act_named_with_its_aim_is_the_act(nlp, text, done, aim):
    events = code_doc(nlp(text))
    assert events[0].cameo.startswith(done) and events[0].modality == "asserted", text
    aims = [e for e in events[1:] if e.cameo.startswith(aim)]
    assert aims and all(e.modality == "intended" for e in aims), text
    assert all(e.modality != "asserted" for e in events[1:]), [
        (e.cameo, e.modality) for e in events
    ]


@pytest.mark.parametrize(
    ("text", "done", "meant"),
    [
        ("The militants launched an offensive in an effort to capture the city.", "190", "192"),
        ("The rebels attacked the base in a bid to seize weapons.", "190", "171"),
        ("Supporters marched on parliament in a bid to force the government to resign.",
         "141", "170"),
        ("The army shelled the villages with the aim of driving out the rebels.", "194", None),
    ],
)  # fmt: skip
def test_events_typing_purposes_an_act_in_a_purpose_adjunct_was_meant(nlp, text, done, meant):
    events = code_doc(nlp(text))
    assert events[0].cameo == done and events[0].modality == "asserted", text
    assert all(e.modality != "asserted" for e in events[1:]), [
        (e.cameo, e.modality) for e in events
    ]
    if meant is not None:
        assert any(e.cameo == meant and e.modality == "intended" for e in events[1:]), text


@pytest.mark.parametrize(
    "text",
    [
        "Troops captured the city after an effort by the air force.",
        "Rebels seized the airport in a surprise attack.",
    ],
)
def test_events_typing_purposes_an_act_beside_a_frame_noun_is_done(nlp, text):
    assert code_doc(nlp(text))[0].modality == "asserted", text


@pytest.mark.parametrize(
    "text",
    [
        "The government sent troops to help flood victims.",
        "The army deployed soldiers to help residents affected by the earthquake.",
    ],
)
def test_events_typing_purposes_forces_sent_to_help_people_bring_aid(nlp, text):
    """People who are no party (victims, residents) are helped with aid the troops bring
    (07x), never a show of force: a disaster report must not gain a conflict event."""
    events = code_doc(nlp(text))
    assert events[0].cameo.startswith("07"), (text, events[0].cameo)
    assert not any(e.quad_class == 4 for e in events), [e.cameo for e in events]


def test_events_typing_purposes_the_doer_helped_is_served(nlp):
    event = _first(nlp, "Rwanda sent troops to help the Mozambican army retake the port.")
    assert event.cameo == "074" and event.target.country == "MOZ"

"""PLOVER typing by phenomenon (issue 12, VOA evidence quotes): an intention takes the type of
what is intended, the head noun of a launched thing decides, suspended money is cut aid,
terrorist designations are sanctions, speaking with a counterpart is consulting.

The sentences are written for these tests, not taken from the VOA development file."""

from __future__ import annotations

import pytest


def _main_plover(nlp, text: str) -> str | None:
    from flashpoint.events import code_doc

    typed = [e.plover for e in code_doc(nlp(text)) if e.plover]
    return typed[0] if typed else None


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        # an intention to harm is a threat, never an agreement
        ("The rebels vowed to disrupt the referendum.", "THREATEN"),
        ("Armed groups vowed to disrupt shipping in the Red Sea.", "THREATEN"),
        # the disruption itself is coercion (obstructing movement or services)
        ("Militants disrupted aid convoys on the northern highway.", "COERCE"),
        # an intention to meet stays an agreement-to-act (036)
        ("The two ministers vowed to meet again next month.", "AGREE"),
        # launching a missile ATTACK is the attack; launching a missile is a show of force
        ("North Korea launched a rocket attack on the island.", "ASSAULT"),
        ("Pakistan launched a drone strike against the camp.", "ASSAULT"),
        ("North Korea launched a missile.", "MOBILIZE"),
        # suspending money given to another is cutting aid
        ("The European Union suspended loans to the government in Bamako.", "SANCTION"),
        ("The region has suspended subsidies to three city theatres.", "SANCTION"),
        # terrorist designations are sanctions
        ("Washington designated the militia as a terrorist organization.", "SANCTION"),
        ("Canada listed the group as a terrorist entity on Monday.", "SANCTION"),
        # speaking WITH a counterpart is consulting; speaking alone is not
        ("The Indian prime minister spoke on Sunday with the president of Kenya.", "CONSULT"),
    ],
)
def test_events_intent_plover_type(nlp, text, plover):
    assert _main_plover(nlp, text) == plover


def test_events_intent_speaking_alone_is_no_consultation(nlp):
    assert _main_plover(nlp, "The minister spoke to reporters in Nairobi.") != "CONSULT"


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        # an attempted act of force is that act, done (CAMEO codes failed attacks as attacks)
        ("About fifty fighters tried to overrun the police post near the border.", "ASSAULT"),
        ("The army attempted to storm the rebel-held town on Friday.", "ASSAULT"),
        # an attempt at anything else stays an intention
        ("Officials tried to meet the opposition leaders.", "AGREE"),
        # continuing an act is doing it, not promising it
        ("Japan will continue to support the peace process in Sudan.", "SUPPORT"),
        ("The rebels said they would keep fighting government troops.", "ASSAULT"),
        # a plain future act is still an intention or a threat
        ("Japan will support the peace process in Sudan.", "AGREE"),
        ("The rebels will attack the capital.", "THREATEN"),
        # turning in or handing in weapons is disarming
        ("Thousands of former fighters turned in their weapons last year.", "RETREAT"),
        ("The militia handed in its guns to the peacekeepers.", "RETREAT"),
    ],
)
def test_events_intent_attempts_and_continuations(nlp, text, plover):
    assert _main_plover(nlp, text) == plover


def test_events_intent_continuing_is_asserted_not_intended(nlp):
    from flashpoint.events import code_doc

    events = code_doc(nlp("Japan will continue to support the peace process in Sudan."))
    assert events and events[0].modality == "asserted"


def _main(nlp, text: str):
    from flashpoint.events import code_doc

    typed = [e for e in code_doc(nlp(text)) if e.plover]
    return typed[0] if typed else None


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # a conflict act someone announces on a condition is a threat of that act (CAMEO 13x)
        (
            (
                "Washington may impose sanctions on Iran if Tehran continues enrichment, the State "
                "Department said."
            ),
            "1312",
        ),
        ("The spokesman said the rebels would attack the city unless the prisoners are freed.", "1384"),
        ("We could expel the Dutch ambassador if the report is adopted, the minister said.", "136"),
    ],
)
def test_events_intent_announced_conditional_conflict_act_is_a_threat(nlp, text, cameo):
    event = _main(nlp, text)
    assert event is not None and event.cameo == cameo and event.plover == "THREATEN"
    assert event.modality != "hypothetical"  # the threat was made; only the act is conditional


@pytest.mark.parametrize(
    "text",
    [
        # a past that did not happen is no threat
        "The army would have attacked the town if the rebels had not surrendered, he said.",
        # what is owed on a condition is no announcement of the act
        "The police must arrest the suspects if they return, the mayor said.",
        # with no condition a possible act stays only possible
        "The State Department said Washington may impose sanctions on Iran.",
        # the narrator's own speculation is no one's threat
        "Turkey might expel the Dutch ambassador if the report is adopted.",
    ],
)
def test_events_intent_unannounced_or_unconditioned_act_is_no_threat(nlp, text):
    event = _main(nlp, text)
    assert event is None or event.plover != "THREATEN"

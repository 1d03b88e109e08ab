"""Typing by what a verb does with its object (issue 12): approving an act is doing it, as
PETRARCH2 files APPROVE under ALLOW with the approved act's own code ("approve sending a
battalion to patrol" 074, "approve a joint defence treaty" 0312), not an order to someone else;
denying what is granted (bail, asylum, a permit) is a refusal (120), denying a charge stays a
denial (016); keeping others from protesting (preventing, blocking, banning a rally) is a
restriction of political freedoms (1721, COERCE), and the protest kept from happening is not the
main event.

The sentences are written for these tests, not taken from any benchmark file."""

from __future__ import annotations

import pytest


def _first(nlp, text: str):
    from flashpoint.events import code_doc

    events = code_doc(nlp(text))
    return events[0] if events else None


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # approving an act is the act, done by the approver's side (PETRARCH2's ALLOW block)
        ("A federal judge approved the extradition of the former minister.", "063"),
        ("The African Union approved the deployment of an AU mission to monitor the ceasefire.", "074"),
        ("The cabinet approved sanctions against Iran.", "163"),
        # approving a plan is agreeing to it (its own verb row)
        ("The government approved the plan.", "030"),
    ],
)
def test_events_typing_approving_an_act_is_the_act(nlp, text, cameo):
    event = _first(nlp, text)
    assert event is not None and event.cameo == cameo
    assert event.modality != "demanded"  # no one else is asked to do it


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The authorities denied bail to the journalist.", "120"),
        ("Hungary denied asylum to the refugees.", "120"),
        ("The city denied a permit for the march.", "120"),
        ("The ministry denied the allegations.", "016"),
    ],
)
def test_events_typing_denying_what_is_granted_is_a_refusal(nlp, text, cameo):
    event = _first(nlp, text)
    assert event is not None and event.cameo == cameo


@pytest.mark.parametrize(
    "text",
    [
        "Police prevented a demonstration by students.",
        "Police blocked a march by opposition supporters.",
        "The government banned all rallies in the capital.",
    ],
)
def test_events_typing_keeping_others_from_protesting_is_coercion(nlp, text):
    event = _first(nlp, text)
    assert event is not None and event.cameo == "1721" and event.plover == "COERCE"


def test_events_typing_blocking_a_road_stays_a_protest(nlp):
    event = _first(nlp, "Farmers blocked the road to the airport.")
    assert event is not None and event.plover == "PROTEST"


@pytest.mark.parametrize(
    "text",
    [
        "Germany took over the rotating presidency of the Council on Friday.",
        "Brazil takes over the chairmanship of the group next month.",
    ],
)
def test_events_typing_taking_over_an_office_seizes_nothing(nlp, text):
    event = _first(nlp, text)
    assert event is None or event.cameo[:2] != "19"


def test_events_typing_taking_over_a_town_is_still_seizing_it(nlp):
    event = _first(nlp, "Rebels took over the town on Sunday.")
    assert event is not None and event.cameo == "192"


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # suspending a person from office is an administrative sanction (172, SANCTION)
        ("The party suspended two lawmakers over the scandal.", "172"),
        ("The ministry suspended the police officers involved.", "172"),
        # suspending a state is cutting relations with it, a strike is easing dissent
        ("The African Union suspended Mali after the coup.", "161"),
        ("The union suspended its strike.", "082"),
    ],
)
def test_events_typing_suspending_someone_from_office_is_a_sanction(nlp, text, cameo):
    event = _first(nlp, text)
    assert event is not None and event.cameo == cameo

"""Typing by the frame a verb sits in (issue 12, general phenomena of unseen news):

- helping to do an act is taking part in it ("helped plan the attack" is the attack), while a
  party helped stays aid to that party (``assisting_verbs``);
- "try"/"attempt" with an infinitive is an attempt, never a court trial, and an attempted act of
  coercion is that act, like an attempted attack (``attempt_verbs``, ``attempted_acts``);
- "alleged that X did Y" is an accusation of X (112), not a report of Y (``alleging_verbs``);
- cancelling, scrapping or ending a restriction or curfew eases it (081/0813), and reducing the
  supplies one provides is reducing aid (162) (``verb_patterns.tsv``);
- a one-word disaster spaCy took for a name at the start of a sentence ("Wildfires killed ...")
  is still a disaster (``happenings``);
- a noun that says who a speaker is ("relief officials said") names no act.

The sentences are written for these tests, not taken from any benchmark file."""

from __future__ import annotations

import pytest


def _events(nlp, text: str):
    from flashpoint.events import code_doc

    return code_doc(nlp(text))


def _first(nlp, text: str):
    events = _events(nlp, text)
    return events[0] if events else None


@pytest.mark.parametrize(
    ("text", "cameo", "source"),
    [
        ("The rebels helped carry out the attack on the convoy.", "190", "REB"),
        ("Egypt helped broker a ceasefire between Israel and Hamas.", "045", "EGY"),
        ("The ministry helped organise protests against the new law.", "141", "GOV"),
        ("Qatar helped to negotiate the release of the hostages.", "046", "QAT"),
    ],
)
def test_events_typing_helping_to_do_an_act_is_the_act(nlp, text, cameo, source):
    event = _first(nlp, text)
    assert event is not None and event.cameo == cameo
    assert event.source is not None and event.source.code.startswith(source)
    assert all(e.cameo != "070" for e in _events(nlp, text))  # no aid


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The United States helped Ukraine defend itself.", "UKR"),
        ("Japan helped the flood victims.", None),
    ],
)
def test_events_typing_helping_a_party_is_aid(nlp, text, target):
    event = _first(nlp, text)
    assert event is not None and event.cameo[:2] == "07"
    if target is not None:
        assert event.target is not None and event.target.code.startswith(target)


@pytest.mark.parametrize(
    ("text", "root", "helper"),
    [
        ("Mercenaries from Turkey helped the Libyan army carry out air raids.", "19", "TUR"),
        ("Iran helped the Syrian army retake the town.", "19", "IRN"),
        # the parser often makes the party and its verb modifiers of the act: still the act
        ("Moscow helped the Wagner group stage drone attacks on the airbase.", "19", "RUS"),
        ("Pakistan helped the Taliban mount raids on Afghan army posts.", "19", "PAK"),
    ],
)
def test_events_typing_helping_a_party_fight_is_taking_part(nlp, text, root, helper):
    event = _first(nlp, text)
    assert event is not None and event.cameo[:2] == root
    assert event.source is not None and event.source.code.startswith(helper)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The governor says her rivals are using the water dispute to launch verbal attacks.", "111"),
        ("The minister exploited the dispute to denounce the opposition.", "111"),
    ],
)
def test_events_typing_what_a_means_is_used_for_is_the_act(nlp, text, cameo):
    events = _events(nlp, text)
    assert events and events[0].cameo == cameo
    assert all(e.cameo != "175" for e in events)  # no gas used


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Police used tear gas to disperse the crowd.", "175"),
        ("The army used chemical weapons against civilians.", "2041"),
    ],
)
def test_events_typing_a_weapon_used_is_still_the_act(nlp, text, cameo):
    event = _first(nlp, text)
    assert event is not None and event.cameo == cameo


@pytest.mark.parametrize(
    "text",
    [
        "The president signed the pension bill into law.",
        "The governor signed the new budget into law on Friday.",
    ],
)
def test_events_typing_signing_a_law_is_no_agreement(nlp, text):
    assert all(e.cameo != "057" for e in _events(nlp, text))


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The government tried to arrest the opposition leader.", "173"),
        ("The group attempted to hack into the ministry's computer network.", "176"),
        ("The militia tried to seize the airport.", "192"),
    ],
)
def test_events_typing_an_attempted_act_of_coercion_is_the_act(nlp, text, cameo):
    event = _first(nlp, text)
    assert event is not None and event.cameo == cameo
    assert event.modality == "asserted"


@pytest.mark.parametrize(
    "text",
    [
        "The Caracas government tried to win foreign sympathy.",
        "The mayor attempted to calm the residents of the town.",
    ],
)
def test_events_typing_try_with_an_infinitive_is_no_trial(nlp, text):
    assert all(e.cameo != "173" for e in _events(nlp, text))


def test_events_typing_a_court_still_tries_the_accused(nlp):
    event = _first(nlp, "The court tried the former president for corruption.")
    assert event is not None and event.cameo == "173"


@pytest.mark.parametrize(
    ("text", "accuser", "accused"),
    [
        ("Rights groups alleged that the police tortured detainees.", "NGO", "COP"),
        ("A UN report alleged that the army killed civilians in the village.", "IGOUNO", "MIL"),
        ("The rebels alleged that government troops shelled their positions.", "REB", "MIL"),
    ],
)
def test_events_typing_an_allegation_is_an_accusation(nlp, text, accuser, accused):
    events = _events(nlp, text)
    assert events and events[0].cameo == "112"
    assert events[0].source is not None and events[0].source.code.startswith(accuser)
    assert events[0].target is not None and events[0].target.code.startswith(accused)
    # what is alleged is not reported done (as for "accused X of torturing")
    assert all(e.cameo[:2] not in ("18", "19") for e in events)


def test_events_typing_a_statement_still_reports_the_act(nlp):
    event = _first(nlp, "Police said the gunmen killed two guards.")
    assert event is not None and event.cameo == "190" and event.modality == "reported"


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The government cancelled the curfew.", "0813"),
        ("The army ended the curfew in the capital.", "0813"),
        ("The court scrapped restrictions on the press.", "081"),
        ("The junta abolished the ban on political parties.", "081"),
        ("The United Nations reduced food supplies to the refugee camp.", "162"),
    ],
)
def test_events_typing_ending_a_restriction_eases_it(nlp, text, cameo):
    event = _first(nlp, text)
    assert event is not None and event.cameo == cameo


def test_events_typing_cancelling_a_treaty_still_reduces_relations(nlp):
    event = _first(nlp, "Russia cancelled the arms control treaty with the United States.")
    assert event is not None and event.cameo == "161"


@pytest.mark.parametrize(
    "text",
    [
        "Wildfires killed 20 people in Greece.",
        "Landslides killed ten villagers in Nepal.",
        "Bushfires destroyed 300 homes in Victoria.",
    ],
)
def test_events_typing_a_capitalised_disaster_is_no_attack(nlp, text):
    assert all(e.quad_class not in (3, 4) for e in _events(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Hamas fighters killed 20 people near the border.",
        "Rebels killed 20 people in the north.",
    ],
)
def test_events_typing_an_armed_group_opening_a_sentence_still_acts(nlp, text):
    event = _first(nlp, text)
    assert event is not None and event.cameo == "190"


@pytest.mark.parametrize(
    "text",
    [
        "Relief officials said the situation in the camp was calm.",
        "Aid workers said the roads to the north were open again.",
    ],
)
def test_events_typing_a_speakers_description_names_no_act(nlp, text):
    assert all(e.cameo[:2] not in ("07",) for e in _events(nlp, text))


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The army vowed to respond.", "138"),
        ("The militants swore to avenge the death of their leader.", "138"),
        ("Hamas vowed revenge for the killing of its commander.", "138"),
        ("The militia promised to hit back at the army.", "138"),
        # a response the intention composes itself keeps its finer code
        ("Iran vowed to retaliate against Israel.", "1384"),
        ("Ethnic militias have sworn to fight until they control the valley.", "1384"),
    ],
)
def test_events_typing_a_vowed_response_is_a_threat(nlp, text, cameo):
    event = _first(nlp, text)
    assert event is not None and event.cameo == cameo and event.plover == "THREATEN"
    assert event.modality == "asserted"
    # the response itself has not happened
    assert all(e.modality != "asserted" for e in _events(nlp, text) if e.cameo[:2] == "19")


@pytest.mark.parametrize(
    "text",
    [
        "The government vowed to respond to the demands of the protesters.",
        "The minister promised to respond to the letter.",
    ],
)
def test_events_typing_a_response_to_no_harm_is_no_threat(nlp, text):
    assert all(e.cameo[:2] != "13" for e in _events(nlp, text))


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Surrender or face annihilation, the commander told the rebels.", "MIL", "REB"),
        ("The army told the rebels to surrender or face annihilation.", "MIL", "REB"),
        ("Leave the city or face the consequences, the militia warned residents.", "REB", None),
    ],
)
def test_events_typing_an_order_or_a_fate_is_a_threat(nlp, text, source, target):
    events = _events(nlp, text)
    assert events and events[0].cameo[:2] == "13"
    assert events[0].source is not None and events[0].source.code.startswith(source)
    if target is not None:
        assert events[0].target is not None and events[0].target.code.startswith(target)
    assert all(e.cameo[:3] != "087" for e in events)  # no surrender reported


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        (
            (
                "Ghana said it will withdraw its peacekeeping troops from Liberia unless the "
                "factions agree to a ceasefire."
            ),
            "136",
        ),
        ("Bangladesh withdrew its peacekeeping troops from the mission.", "1661"),
        ("The army withdrew its troops from the border.", "087"),
    ],
)
def test_events_typing_withdrawing_peacekeepers(nlp, text, cameo):
    event = _first(nlp, text)
    assert event is not None and event.cameo == cameo


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The district council denied building permits to the religious community.", "120"),
        ("The government denied passports to the opposition leaders.", "120"),
        ("The ministry denied the reports to journalists.", "016"),
        ("Iran denied involvement in the attack.", "016"),
    ],
)
def test_events_typing_denying_something_to_someone_is_a_refusal(nlp, text, cameo):
    event = _first(nlp, text)
    assert event is not None and event.cameo == cameo


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of refugees returned home after the floods.",
        "The president returned to the capital on Sunday.",
    ],
)
def test_events_typing_going_back_is_no_return_of_anything(nlp, text):
    assert all(e.cameo[:3] != "084" for e in _events(nlp, text))


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Armenia returned two soldiers to Azerbaijan.", "084"),
        ("The bodies were returned to Israel.", "0842"),
    ],
)
def test_events_typing_returning_someone_or_something_is_084(nlp, text, cameo):
    event = _first(nlp, text)
    assert event is not None and event.cameo == cameo


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The Syrian envoy returned to Cairo for talks with Egyptian officials.", "SYR"),
        ("Iranian negotiators went back to Vienna for talks on the nuclear deal.", "IRN"),
    ],
)
def test_events_typing_who_came_for_talks_holds_them(nlp, text, source):
    event = _first(nlp, text)
    assert event is not None and event.cameo[:2] == "04"
    assert event.source is not None and event.source.code.startswith(source)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The activists issued a statement condemning the attack.", "111"),
        ("The union published a declaration demanding higher wages.", "100"),
    ],
)
def test_events_typing_what_a_statement_does_comes_first(nlp, text, cameo):
    events = _events(nlp, text)
    assert events and events[0].cameo == cameo
    assert any(e.cameo == "010" for e in events[1:])  # the bare statement after it


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The French minister cancelled a planned visit to Haiti.", "161"),
        ("Seoul cancelled the talks with Pyongyang.", "164"),
        ("The ministry cancelled the summit with its neighbours.", "164"),
        ("The company cancelled the contract.", "120"),
    ],
)
def test_events_typing_cancelling_a_visit_or_talks_reduces_relations(nlp, text, cameo):
    event = _first(nlp, text)
    assert event is not None and event.cameo == cameo


@pytest.mark.parametrize(
    ("text", "cameo", "source"),
    [
        ("France speeded up the withdrawal of its troops from Niger.", "087", "FRA"),
        ("The government accelerated the release of political prisoners.", "0841", "GOV"),
    ],
)
def test_events_typing_speeding_up_an_act_is_the_act(nlp, text, cameo, source):
    event = _first(nlp, text)
    assert event is not None and event.cameo == cameo
    assert event.source is not None and event.source.code.startswith(source)


def test_events_typing_refusing_to_sign_a_bill_is_still_a_refusal(nlp):
    events = _events(nlp, "The president said he would not sign the finance bill.")
    assert events and events[0].cameo[:2] == "12"


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        (
            "Britain responded to the poisoning with expulsions of Russian diplomats.",
            "166",
        ),
        ("Israel retaliated with airstrikes on Gaza.", "195"),
        ("The army responded to the ambush with heavy shelling of rebel positions.", "194"),
    ],
)
def test_events_typing_a_response_made_with_an_act_is_the_act(nlp, text, cameo):
    events = _events(nlp, text)
    assert events and events[0].cameo == cameo
    assert len([e for e in events if e.cameo[:2] == "19" and e.trigger == "responded"]) == 0


def test_events_typing_a_response_with_no_act_is_none(nlp):
    assert not _events(nlp, "The government responded with anger.")


@pytest.mark.parametrize(
    "text",
    [
        "Hamas said it would respond to the killing.",
        "The army said it would respond to the bombing.",
    ],
)
def test_events_typing_a_response_to_a_harm_said_for_the_future_is_a_threat(nlp, text):
    event = _first(nlp, text)
    assert event is not None and event.cameo[:2] == "13" and event.modality == "asserted"


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Government forces freed several villages from the militants.", "192"),
        ("The army liberated the city after a week of fighting.", "192"),
        ("The army freed the hostages.", "0841"),
        ("Insurgents charged an army base outside the town.", "190"),
        ("Prosecutors charged the former minister with corruption.", "115"),
    ],
)
def test_events_typing_freeing_a_place_and_charging_a_base(nlp, text, cameo):
    event = _first(nlp, text)
    assert event is not None and event.cameo == cameo


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Washington suspended part of its military aid program for the region.", "162"),
        ("The EU lifted some of the sanctions on Belarus.", "085"),
        ("The government scrapped most of the restrictions on the press.", "081"),
    ],
)
def test_events_typing_a_part_of_something_is_that_thing(nlp, text, cameo):
    event = _first(nlp, text)
    assert event is not None and event.cameo == cameo


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("A court in Lagos issued arrest warrants for two former ministers.", "173"),
        ("The tribunal has issued an arrest warrant for the rebel leader.", "173"),
        ("The navy tightened its blockade of the port.", "191"),
        ("The coalition warned it would tighten its sea blockade of the rebel port.", "1381"),
    ],
)
def test_events_typing_warrants_and_blockades(nlp, text, cameo):
    event = _first(nlp, text)
    assert event is not None and event.cameo == cameo


@pytest.mark.parametrize(
    "text",
    [
        "The two ministers agreed there was a pressing need for a political solution.",
        "Both presidents agreed the problems on the border would be resolved soon.",
    ],
)
def test_events_typing_agreeing_that_something_is_so_is_accord(nlp, text):
    event = _first(nlp, text)
    assert event is not None and event.cameo == "019" and event.plover is None


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The two sides agreed to hold talks next week.", "036"),
        ("The two sides agreed that talks would resume next week.", "036"),
        ("The ministers agreed that sanctions should be lifted.", "0354"),
    ],
)
def test_events_typing_agreeing_to_act_keeps_its_intent(nlp, text, cameo):
    event = _first(nlp, text)
    assert event is not None and event.cameo == cameo


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Russia and Ukraine swapped prisoners on Friday.", "RUS", "UKR"),
        ("Armenia and Azerbaijan exchanged prisoners of war on Wednesday.", "ARM", "AZE"),
    ],
)
def test_events_typing_an_exchange_is_between_its_two_doers(nlp, text, source, target):
    event = _first(nlp, text)
    assert event is not None and event.cameo.startswith("084")
    assert event.source is not None and event.source.code.startswith(source)
    assert event.target is not None and event.target.code.startswith(target)


@pytest.mark.parametrize(
    "text",
    [
        "Germany provided 6 million euros to support projects for refugees.",
        "The EU is mobilising additional funds to support the peace process.",
    ],
)
def test_events_typing_aid_given_to_support_stays_aid(nlp, text):
    event = _first(nlp, text)
    assert event is not None and event.cameo == "071" and event.plover == "AID"


@pytest.mark.parametrize(
    "text",
    [
        "Rebels freed prisoners from a jail in a border town.",
        "Sweden spent millions on helping to house migrants and fighting the causes of poverty abroad.",
        "The government vowed to fight corruption and poverty.",
    ],
)
def test_events_typing_no_force_where_a_place_or_problem_is_only_named(nlp, text):
    assert all(e.cameo[:2] not in ("18", "19") for e in _events(nlp, text))


@pytest.mark.parametrize(
    "text",
    ["The army returned fire.", "Police officers returned fire after they came under attack."],
)
def test_events_typing_returning_fire_is_shooting(nlp, text):
    event = _first(nlp, text)
    assert event is not None and event.cameo == "193"


@pytest.mark.parametrize(
    ("text", "root", "source", "target"),
    [
        ("Britain responded by expelling three Russian diplomats.", "16", "GBR", "RUS"),
        ("Seoul responded by suspending the military agreement with Pyongyang.", "16", "KOR", "PRK"),
        ("The army retaliated by shelling the airport.", "19", "MIL", None),
    ],
)
def test_events_typing_frames_a_response_by_doing_an_act_is_that_act(nlp, text, root, source, target):
    """A response made BY doing an act is that act, by the one who responds (as one made WITH
    an act): no bare "retaliated" (190) beside it, and the act's doer is the responder (the
    gerund after "by" is controlled by the verb's subject, ``gerund_adjunct_preps``)."""
    events = _events(nlp, text)
    assert [e.cameo[:2] for e in events] == [root]
    event = events[0]
    assert event.source is not None and event.source.code.startswith(source)
    if target is not None:
        assert event.target is not None and event.target.code.startswith(target)


def test_events_typing_frames_a_gerund_while_acting_has_the_subject_as_doer(nlp):
    events = _events(nlp, "The rebels killed four soldiers while attacking a checkpoint.")
    assert events and all(e.source is not None and e.source.code.startswith("REB") for e in events)



@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        # a gerund after "after"/"before" is the main subject's act too
        ("The militants fled into the hills after ambushing a police convoy.", "ambushing", "REB"),
        ("Troops sealed off the district before raiding the opposition headquarters.", "raiding", "MIL"),
    ],
)
def test_events_typing_frames_a_gerund_after_or_before_has_the_subject_as_doer(nlp, text, trigger, source):
    event = next((e for e in _events(nlp, text) if e.trigger == trigger), None)
    assert event is not None and event.source is not None, _events(nlp, text)
    assert (event.source.code or "").startswith(source), event.source


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a gerund after "without" did not happen; no one refused it
        ("The delegates left Vienna without signing the nuclear accord.", "signing"),
        ("The army entered the province without declaring war.", "war"),
    ],
)
def test_events_typing_frames_a_gerund_after_without_did_not_happen(nlp, text, trigger):
    event = next((e for e in _events(nlp, text) if e.trigger == trigger), None)
    assert event is None or event.negated, event
    assert event is None or event.cameo[:2] != "12", event


def test_events_typing_frames_an_act_held_up_was_not_done(nlp):
    events = _events(nlp, "The militia freed two aid workers after holding up the handover for a week.")
    assert not [e for e in events if e.trigger == "handover" and e.modality == "asserted" and not e.negated]


def test_events_typing_frames_an_object_pronoun_of_a_controlled_gerund_is_not_its_doer(nlp):
    events = _events(nlp, "Police detained the two reporters before interrogating them.")
    assert all(e.target is None or e.target.sector != "COP" for e in events), events


@pytest.mark.parametrize(
    ("text", "trigger", "patient"),
    [
        # the subject of "is (due/yet) to be <done>" is what is done to, never its doer
        ("The detained sailors are due to be freed on Friday.", "freed", "sailors"),
        ("The ceasefire text, which is yet to be signed by the parties, was leaked.", "signed", "text"),
    ],
)
def test_events_typing_frames_the_subject_of_a_passive_infinitive_is_its_patient(
    nlp, text, trigger, patient
):
    for e in _events(nlp, text):
        if e.trigger == trigger:
            assert e.source is None or patient not in e.source.text, e


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # "is yet to be <done>", "has yet to <do>": not done
        ("The agreement, which is yet to be ratified by the senate, was signed in March.", "ratified"),
        ("The junta has yet to release the detained ministers.", "release"),
    ],
)
def test_events_typing_frames_an_act_yet_to_happen_is_not_reported_done(nlp, text, trigger):
    for e in _events(nlp, text):
        if e.trigger == trigger:
            assert e.modality not in ("asserted", "reported") or e.negated, e


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The Commonwealth lifted Fiji's suspension after the 2014 election.", "FJI"),
        ("ECOWAS lifted the suspension of Guinea on Sunday.", "GIN"),
    ],
)
def test_events_typing_lifting_a_suspension_eases_a_sanction(nlp, text, target):
    # the suspended member is the one eased toward (081), not given aid
    event = _first(nlp, text)
    assert event is not None and event.cameo == "081" and event.target is not None
    assert event.target.country == target

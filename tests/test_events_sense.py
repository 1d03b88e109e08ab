"""Word sense, attribution and negation: the phenomena that mislead a coder on unseen news."""

from __future__ import annotations

import pytest


def _events(nlp, text):
    from flashpoint.events import code_doc

    return code_doc(nlp(text))


@pytest.mark.parametrize(
    "text",
    [
        "At least 12 people were killed, regional officials said.",
        "Lebanon's health ministry said 20 were killed in the strikes.",
    ],
)
def test_events_sense_the_reporter_is_never_the_doer(nlp, text):
    killings = [e for e in _events(nlp, text) if e.cameo_root in ("18", "19", "20")]
    assert killings
    assert all(e.source is None for e in killings)
    assert all(e.attribution for e in killings)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("India struck nine sites in Pakistan on Wednesday.", "19"),
        ("Workers struck for higher pay.", "14"),
        ("Army officers seized power in Niger on Wednesday.", "18"),
        ("The African Union suspended Niger.", "16"),
        ("Niger quit the ECOWAS bloc.", "16"),
        ("There was a pause in the bombing on Friday.", "08"),
    ],
)
def test_events_sense_main_event_root(nlp, text, root):
    events = _events(nlp, text)
    assert events and events[0].cameo_root == root


def test_events_sense_a_word_inside_a_name_is_no_event(nlp):
    events = _events(nlp, "The Rapid Support Forces attacked the city.")
    assert [e.cameo_root for e in events] == ["19"]


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("The talks produced no agreement.", "03"),
        ("Israel has not confirmed it carried out that strike.", "19"),
    ],
)
def test_events_sense_what_did_not_happen_is_negated(nlp, text, root):
    hits = [e for e in _events(nlp, text) if e.cameo_root == root]
    assert hits and all(e.negated for e in hits)


def test_events_sense_crowd_lists_load():
    from flashpoint.events.crowds import word_lists

    lists = word_lists()
    assert lists["crowds"] and lists["gathering_verbs"]
    assert all(w == w.lower() for words in lists.values() for w in words)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Rioters fought with police in the capital.", "145"),
        ("Hundreds of strikers gathered in front of the port office.", "141"),
        ("Protesters poured into the streets, denouncing the election result.", "141"),
        ("Police fired tear gas at hundreds of demonstrators.", "141"),
    ],
)
def test_events_sense_what_crowds_do_is_protest(nlp, text, code):
    assert code in [e.cameo for e in _events(nlp, text)]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # an unidentified armed group takes no country from the speaker or the article
        ("Armed men attacked a Nigerian army convoy, Nigeria's defence minister said.", "UAF", "NGA"),
        # "X and Y called on both sides": no counterpart; "the leaders of X and Y met": one
        ("Saudi Arabia and Qatar urged both sides to exercise restraint.", "SAU", None),
        ("The leaders of Armenia and Azerbaijan met in Washington.", "ARM", "AZE"),
        # a show of force: its own forces are no target
        ("Peru reinforced its military presence along the northern frontier.", "PER", None),
    ],
)
def test_events_sense_roles_of_the_main_event(nlp, text, source, target):
    event = _events(nlp, text)[0]
    assert (event.source.code or "")[:3] == source[:3] if source else event.source is None
    assert event.source.country is None if source == "UAF" else True
    got = (event.target.country or event.target.code) if event.target else None
    assert got == target


@pytest.mark.parametrize(
    ("text", "cameo", "date"),
    [
        # a past year inside a relative clause tells that clause's time, not the main event's;
        # a day of the same scene still dates it
        (
            (
                "The president also lifted restrictions on arms sales to Vietnam "
                "that Congress imposed in 1984."
            ),
            "081",
            None,
        ),
        (
            "Soldiers opened fire on crowds that stormed the state television building on Tuesday.",
            "193",
            "2024-04-30",
        ),
    ],
)
def test_events_sense_a_relative_clause_keeps_its_own_date(nlp, text, cameo, date):
    import datetime as dt

    from flashpoint.events import code_doc

    events = code_doc(nlp(text), published=dt.date(2024, 5, 1))
    hit = next(e for e in events if e.cameo == cameo)
    assert (hit.date.isoformat() if hit.date else None) == date


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Nurses staged a strike outside the ministry on Monday.", "14"),
        ("The transport union held a strike last week.", "14"),
        ("The air force launched an air strike on the depot.", "19"),
        ("A strike on the depot killed four soldiers.", "19"),
    ],
)
def test_events_sense_what_is_done_with_a_strike_tells_its_sense(nlp, text, root):
    roots = [e.cameo_root for e in _events(nlp, text)]
    assert root in roots
    assert ({"14", "19"} - {root}).isdisjoint(roots)


def test_events_sense_a_judgment_targets_what_is_judged_not_the_judge(nlp):
    events = _events(nlp, "The government's decision is unacceptable, the opposition leader said.")
    judged = [e for e in events if e.cameo == "111"]
    assert judged and judged[0].target is not None
    assert judged[0].source is None or judged[0].source.code != judged[0].target.code


def test_events_sense_a_bill_defeated_in_a_vote_is_rejected(nlp):
    assert [
        e.cameo_root for e in _events(nlp, "Parliament defeated the government's budget bill.")
    ][:1] == ["12"]


def test_events_sense_a_predicate_coordinated_with_a_denial_is_reported(nlp):
    codes = [
        e.cameo
        for e in _events(nlp, "The senator denied the accusations and rebuffed calls to resign.")
    ]
    assert "016" in codes and any(c.startswith("12") for c in codes)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # drones are launched at someone, with or without missiles beside them
        ("Moscow launched 140 drones at Kyiv's suburbs before dawn.", "195"),
        ("Russia launched 57 drones and three cruise missiles overnight.", "195"),
        ("The rebels fired a dozen drones on Wednesday.", "195"),
        ("Tehran launched missiles and drones towards Tel Aviv.", "195"),
        # a missile launch with no target is a test or a show of force, whatever day it was
        ("North Korea launched three short-range missiles on Sunday.", "150"),
        ("Pyongyang test-fired a cruise missile on Friday morning.", "150"),
    ],
)
def test_events_sense_what_is_launched_and_at_whom(nlp, text, code):
    assert code in [e.cameo for e in _events(nlp, text)], [(e.cameo, e.source) for e in _events(nlp, text)]


def test_events_sense_an_aim_hung_on_the_object_is_the_verbs():
    """spaCy often hangs the aim on the object ("launched [rockets AGAINST the town]")."""
    from flashpoint.nlp import get_nlp

    doc = get_nlp()("Militants launched rockets against the border town on Friday.")
    from flashpoint.events.patterns import verb_code

    verb = next(t for t in doc if t.lemma_ == "launch")
    assert verb_code(verb)[0] == "195"


@pytest.mark.parametrize(
    "text",
    [
        "Under the accord, the militia was to hand over its heavy weapons by March.",
        "Under the agreement, Armenia is to withdraw its border guards from four villages.",
        "Baku was supposed to release the detainees by the end of the year.",
    ],
)
def test_events_sense_what_a_deal_says_is_to_be_done_is_not_done(nlp, text):
    # "be to" and "be supposed to": what was agreed or expected, not an act that took place
    events = _events(nlp, text)
    assert events and all(e.modality != "asserted" or e.cameo_root == "03" for e in events), [
        (e.cameo, e.modality) for e in events
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The army did not provide evidence for the claim.",
        "The ministry gave few details about the casualties.",
    ],
)
def test_events_sense_giving_evidence_or_details_is_no_aid(nlp, text):
    assert not [e for e in _events(nlp, text) if e.cameo_root == "07"]


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("The battalion withdrew from the village after the deal.", "08"),
        ("Troops withdrew from the hills following the accord.", "08"),
        ("Mali withdrew from the regional bloc after the coup.", "16"),
    ],
)
def test_events_sense_what_came_after_is_not_what_was_done(nlp, text, root):
    # the object of "after"/"before" says when: "withdrew from the village before the truce"
    # is no withdrawal from an agreement
    roots = [e.cameo_root for e in _events(nlp, text)]
    assert roots and roots[0] == root, roots


@pytest.mark.parametrize(
    "text",
    [
        "The Kremlin said the sanctions would not change its position.",
        "Caracas said the embargo would only hurt ordinary families.",
    ],
)
def test_events_sense_a_speaker_is_not_the_doer_of_the_act_it_talks_about(nlp, text):
    # the model's guess of a verbal-conflict class may promote the noun (16x), but the speaker
    # only speaks: sanctions and embargoes are someone else's
    speaker = text.split()[0] if text.split()[0] != "The" else text.split()[1]
    for e in _events(nlp, text):
        if e.cameo_root == "16":
            assert e.source is None or speaker not in e.source.text, (e.cameo, e.source)


def test_events_sense_a_show_of_force_around_a_country_is_aimed_at_it(nlp):
    events = _events(nlp, "Beijing's navy launched live-fire exercises around the Philippines on Tuesday.")
    shows = [e for e in events if e.cameo_root == "15"]
    assert shows and shows[0].target is not None and shows[0].target.country == "PHL", [
        (e.cameo, e.source, e.target) for e in events
    ]


def test_events_sense_a_second_clause_joined_to_a_time_has_its_own_subject(nlp):
    # spaCy joins "on Sunday and Ankara" and leaves "freed" to the first clause's subject
    events = _events(nlp, "Damascus released four detainees on Sunday and Ankara freed 30 prisoners.")
    freed = [e for e in events if e.cameo_root == "08" and e.target is not None and "30" in e.target.text]
    assert freed and freed[0].source is not None and freed[0].source.country == "TUR", [
        (e.cameo, e.source, e.target) for e in events
    ]


def test_events_sense_providing_names_is_no_aid(nlp):
    assert not [e for e in _events(nlp, "The militia provided the names of the detainees.") if e.cameo_root == "07"]


def test_events_sense_an_act_held_off_did_not_take_place(nlp):
    events = _events(nlp, "The president held off the offensive until the talks in Doha ended.")
    attacks = [e for e in events if e.cameo_root in ("18", "19")]
    assert attacks and all(e.modality != "asserted" for e in attacks), [(e.cameo, e.modality) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "Kim Jong Un oversaw the test of a new hypersonic missile on Thursday.",
        "North Korean leader Kim Jong Un guided a night-time artillery drill.",
    ],
)
def test_events_sense_a_leader_who_oversees_a_test_shows_the_force(nlp, text):
    shows = [e for e in _events(nlp, text) if e.cameo_root == "15"]
    assert shows and shows[0].source is not None and shows[0].source.country == "PRK", [
        (e.cameo, e.source) for e in _events(nlp, text)
    ]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # a state's forces, or a state named by itself, bomb from the air: aerial weapons
        ("Syrian government warplanes bombed a hospital in Idlib province.", "195"),
        ("Turkey bombed a Kurdish village in northern Iraq overnight.", "195"),
        # rebels, gunmen and unknown bombers: CAMEO's non-military bombing stays
        ("Insurgents bombed a police station in the capital.", "183"),
        ("Unknown attackers bombed a crowded bus station.", "183"),
    ],
)
def test_events_sense_a_bombing_is_aerial_when_a_state_does_it(nlp, text, cameo):
    codes = [e.cameo for e in _events(nlp, text)]
    assert cameo in codes, (text, codes)


@pytest.mark.parametrize(
    ("text", "hijacked"),
    [
        ("Armed men hijacked a fuel tanker on the highway near Kaduna.", True),
        ("Pirates hijacked a fishing vessel off the coast of Puntland.", True),
        # a figure of speech: no abduction
        ("The minister said the rally had been hijacked by extremists.", False),
        ("Critics accused the party of hijacking the debate on pensions.", False),
    ],
)
def test_events_sense_hijacking_needs_a_craft_or_vehicle(nlp, text, hijacked):
    codes = [e.cameo for e in _events(nlp, text)]
    assert ("181" in codes) is hijacked, (text, codes)


@pytest.mark.parametrize(
    "text",
    [
        "Doctors caring for the injured were detained by soldiers.",
        "Volunteers spent the night burying the dead.",
    ],
)
def test_events_sense_a_participle_with_a_determiner_names_people_not_an_act(nlp, text):
    codes = [e.cameo for e in _events(nlp, text)]
    assert not any(c[:3] in ("182", "190") for c in codes), (text, codes)


@pytest.mark.parametrize(
    "text",
    [
        "Morocco beat Portugal 1-0 on Saturday.",
        "Japan crushed Germany 4\u20131 in Wolfsburg.",
    ],
)
def test_events_sense_a_match_score_makes_a_sport_verb_no_force(nlp, text):
    codes = [e.cameo for e in _events(nlp, text)]
    assert not any(c[:2] in ("18", "19") for c in codes), (text, codes)


def test_events_sense_a_range_of_targets_is_no_score(nlp):
    codes = [e.cameo for e in _events(nlp, "Israeli jets hit 2-3 targets in the south.")]
    assert any(c[:2] == "19" for c in codes), codes


@pytest.mark.parametrize(
    "text",
    [
        "Typhoon Yagi killed at least 59 people in northern Vietnam.",
        "Hurricane Otis killed 27 people in Acapulco, officials said.",
    ],
)
def test_events_sense_a_named_storm_is_a_force_of_nature(nlp, text):
    codes = [e.cameo for e in _events(nlp, text)]
    assert not any(c[:2] in ("18", "19", "20") for c in codes), (text, codes)


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        # a named news outlet suspended is a press restriction, a state suspended its membership
        ("Niger's junta suspended Radio France Internationale on Friday.", "1721"),
        ("The Economic Community of West African States suspended Guinea after the coup.", "161"),
    ],
)
def test_events_sense_suspending_an_outlet_is_no_suspended_membership(nlp, text, cameo):
    codes = [e.cameo for e in _events(nlp, text)]
    assert cameo in codes, (text, codes)

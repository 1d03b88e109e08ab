"""Who the parties of an event are, decided in the coder: an act with no party at all, the place
a crowd acted in, the venue of intended talks."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2024, 5, 15)  # a Wednesday


def _events(nlp, text):
    return code_doc(nlp(text), published=PUBLISHED)


@pytest.mark.parametrize(
    "text",
    [
        "The envoys did not sign the pact itself, which is yet to be signed and ratified by parliament.",
        # "which is yet to be signed": the relative is the thing to be signed, no signer
        "The envoys did not sign the treaty text, which is yet to be signed and ratified.",
    ],
)
def test_events_parties_a_secondary_act_with_no_party_is_not_emitted(nlp, text):
    # "the pact ... is yet to be signed and ratified": the signing is mentioned in passing, by
    # nobody; the ratifying "by parliament" has a party but is yet to be: never reported done
    events = _events(nlp, text)
    assert "signed" not in [e.trigger for e in events], [e.trigger for e in events]
    done = [e.trigger for e in events if e.modality in ("asserted", "reported") and not e.negated]
    assert "ratified" not in done, done
    assert all(e.source is not None or e.target is not None for e in events[1:])


def test_events_parties_force_with_no_party_is_kept(nlp):
    # violence happened even when no one is named (ACLED: unidentified armed group)
    events = _events(nlp, "A bomb attack was carried out near a checkpoint outside Kidal.")
    assert any(e.cameo[:2] in {"18", "19"} for e in events), [e.cameo for e in events]


def test_events_parties_the_main_act_stays_when_it_names_no_party(nlp):
    events = _events(nlp, "Talks were held behind closed doors.")
    assert events and events[0].cameo[:2] == "04"


def test_events_parties_a_crowd_takes_the_country_it_acted_in(nlp):
    text = (
        "Pakistan said its forces killed dozens of militants near the Afghan border. "
        "Thousands of protesters rallied in central Kabul on Tuesday, accusing the government "
        "of failing to protect civilians."
    )
    rally = next(e for e in _events(nlp, text) if e.cameo[:2] == "14")
    assert rally.source is not None and rally.source.country == "AFG", rally.source


def test_events_parties_intended_talks_have_no_host_country(nlp):
    events = _events(nlp, "Iran and Oman said they would meet again in Doha next week.")
    meet = next(e for e in events if e.cameo[:2] == "03")
    assert meet.target is None or meet.target.country != "QAT", meet.target
    assert meet.source is None or meet.source.country != "QAT", meet.source


def test_events_parties_the_purpose_of_an_act_of_the_same_code_is_one_act(nlp):
    events = _events(nlp, "Riot police fired tear gas to disperse the students.")
    assert [e.cameo[:2] for e in events].count("17") == 1, [(e.cameo, e.trigger) for e in events]


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        # an adjective said of the subject: the act in its complement is the subject's
        (
            "Both the Colombian army and the ELN are guilty of violating the truce.",
            "violating",
            "COL",
        ),
        (
            # stated by the report itself; said by someone it is their accusation (test_events_blame)
            "The Burmese army was responsible for killing 40 villagers, according to the UN.",
            "killing",
            "MMR",
        ),
    ],
)
def test_events_parties_guilty_of_an_act_is_its_doer(nlp, text, trigger, source):
    events = [e for e in _events(nlp, text) if e.trigger == trigger]
    assert events and events[0].source is not None, events
    assert events[0].source.country == source, events[0].source


def test_events_parties_a_noun_capable_of_an_act_is_its_doer_not_the_clause_subject(nlp):
    events = _events(nlp, "Iran trained hundreds of hackers capable of launching attacks on banks.")
    attack = [e for e in events if e.trigger in ("launching", "attacks")]
    assert attack and (attack[0].source is None or attack[0].source.country != "IRN"), attack


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        # a participle of stance: its subject holds the stance, it is no passive target
        ("Turkey is opposed to Swedish membership of the alliance.", "opposed", "TUR"),
        (
            "The Colombian government is committed to reopening talks with the ELN.",
            "committed",
            "COL",
        ),
    ],
)
def test_events_parties_a_stance_is_its_subjects(nlp, text, trigger, source):
    events = [e for e in _events(nlp, text) if e.trigger == trigger]
    assert events and events[0].source is not None, events
    assert events[0].source.country == source, events[0].source


def test_events_parties_a_participle_with_an_agent_stays_passive(nlp):
    events = [e for e in _events(nlp, "The plan was opposed by the United States.") if e.source]
    assert events and events[0].source.country == "USA", events


def test_events_parties_the_two_sides_are_the_pair_that_acted_together(nlp):
    events = _events(
        nlp,
        "Ethiopia and Eritrea agreed on Monday to reopen their border. "
        "Officials said the two sides would meet once more in Asmara in June.",
    )
    meet = [e for e in events if e.trigger == "meet"]
    assert meet and meet[0].source is not None and meet[0].target is not None, meet
    assert {meet[0].source.country, meet[0].target.country} == {"ETH", "ERI"}, meet[0]


def test_events_parties_titled_leaders_joined_by_and_are_the_two_sides(nlp):
    """"US President Joe Biden and South Korean President Yoon Suk Yeol met": spaCy hangs the
    second leader on the first one's name (an apposition of "President"), so the doer's phrase
    must stop at that name and the second leader is the counterpart of the meeting."""
    events = _events(nlp, "US President Joe Biden and South Korean President Yoon Suk Yeol met in Washington on Tuesday.")
    meeting = [e for e in events if e.cameo.startswith("04")]
    assert meeting, events
    assert meeting[0].source.code == "USAGOV" and meeting[0].source.text == "US President Joe Biden", meeting[0]
    assert meeting[0].target is not None and meeting[0].target.code == "KORGOV", meeting[0]


@pytest.mark.parametrize(
    ("text", "counterpart"),
    [
        ("The Iranian foreign minister met his Saudi counterpart at the Foreign Ministry in Beijing on Monday.", "SAU"),
        ("Kenyan and Somali officials held talks at the African Union headquarters in Addis Ababa.", None),
    ],
)
def test_events_parties_the_building_a_meeting_is_held_at_is_no_counterpart(nlp, text, counterpart):
    """ "met ... at the Foreign Ministry": the building is where, not with whom (grammar
    ``venue_preps``, for the venue roots); "fired at the ministry" keeps "at" as its target."""
    events = [e for e in _events(nlp, text) if e.cameo[:2] == "04"]
    assert events, text
    for e in events:
        assert e.target is None or e.target.text.lower().find("ministry") < 0, e
        assert e.target is None or "headquarters" not in e.target.text.lower(), e
    if counterpart is not None:
        assert any(e.target is not None and e.target.country == counterpart for e in events), events
    fired = _events(nlp, "Rebels fired rockets at the defence ministry in Kabul on Monday.")
    assert any(e.target is not None for e in fired), fired


@pytest.mark.parametrize(
    ("text", "noun", "doer"),
    [
        # another act, before or after the clause's: not the subject's
        ("The prisoner exchange took place in May, after a summit between the two presidents.", "summit", None),
        # a partner named: the subject took part
        ("The French president spoke to reporters after talks with the Chinese premier.", "talks", "FRA"),
    ],
)
def test_events_parties_an_act_placed_before_or_after_the_clause_is_not_its_subjects(nlp, text, noun, doer):
    """An event noun after "after"/"following"/"before" (grammar ``sequence_preps``) is another
    act: the clause's subject is not its doer unless the noun names that subject's partner."""
    events = [e for e in _events(nlp, text) if e.trigger == noun]
    assert events, text
    if doer is None:
        assert all(e.source is None for e in events), events
    else:
        assert events and events[0].source is not None and events[0].source.country == doer, events


@pytest.mark.parametrize(
    ("text", "trigger", "source", "target"),
    [
        # an event noun: the first of "between X and Y" is the source, the second the target
        (("The swap followed talks between Prime Minister Nikol Pashinyan's office and the "
         "administration of President Ilham Aliyev."), "talks", "ARM", "AZE"),
        ("Talks between Sudan's army and the RSF collapsed in Jeddah last year.", "Talks", "SDN",
         "SDN"),
        # a gerund spaCy makes its own clause's subject
        (("Fighting between Sudan's army and the paramilitary Rapid Support Forces entered its "
         "second month."), "Fighting", "SDN", "SDN"),
        # a passive with no agent
        ("A ceasefire was agreed between Armenia and Azerbaijan on Tuesday.", "agreed", "ARM", "AZE"),
    ],
)
def test_events_parties_between_x_and_y_are_the_two_sides(nlp, text, trigger, source, target):
    event = next(e for e in _events(nlp, text) if e.trigger == trigger)
    assert event.source is not None and (event.source.code or "").startswith(source), event
    assert event.target is not None and (event.target.code or "").startswith(target), event
    assert event.source.text != event.target.text


@pytest.mark.parametrize(
    "text",
    [
        "Qatar's mediation between Israel and Hamas stalled in March.",
        "Egypt has mediated between Israel and Hamas for months.",
    ],
)
def test_events_parties_a_mediator_between_two_sides_stays_the_source(nlp, text):
    event = next(e for e in _events(nlp, text) if e.cameo[:3] == "045")
    assert event.source is not None and event.source.code in ("QAT", "EGY"), event


@pytest.mark.parametrize(
    ("text", "trigger", "source", "target"),
    [
        # spaCy reads "two Azerbaijani soldiers and Azerbaijan" as the subject of "freed"
        (("Armenia released two Azerbaijani soldiers and Azerbaijan freed 32 Armenian "
         "servicemen on Wednesday."), "freed", "AZE", "ARM"),
        ("Russia attacked Kharkiv and Ukraine hit a refinery in Belgorod.", "hit", "UKR", "RUS"),
        ("Israel bombed Gaza and Hamas later fired rockets at Tel Aviv.", "fired", "PSEREB", "ISR"),
        # spaCy makes "the rebels" a second object of "shelled" and "attacked" the army's
        ("The Sudanese army shelled the town and the rebels attacked a police station.",
         "attacked", "SDNREB", None),
    ],
)
def test_events_parties_the_second_of_two_clauses_has_its_own_doer(
    nlp, text, trigger, source, target
):
    event = next(e for e in _events(nlp, text) if e.trigger == trigger)
    assert event.source is not None and event.source.code == source, event
    if target is not None:
        assert event.target is not None and (event.target.code or "").startswith(target), event


@pytest.mark.parametrize(
    "text",
    [
        "Armenia and Azerbaijan signed a peace deal on Friday.",
        "Police arrested the leader and his deputy on Monday.",
    ],
)
def test_events_parties_conjoined_phrases_without_a_second_verb_stay_whole(nlp, text):
    first = _events(nlp, text)[0]
    assert first.source is not None and first.source.code in ("ARM", "COP"), first


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Protests forced the closure of schools in Nairobi.", "forced"),
        ("The footage shows buildings irreparably damaged by bombing.", "damaged"),
        ("Clashes between police and protesters in Tbilisi left dozens injured.", "injured"),
    ],
)
def test_events_parties_an_act_named_as_the_doer_is_no_actor(nlp, text, trigger):
    """An event noun owned by no one the text names is no source, with or without a code."""
    event = next(e for e in _events(nlp, text) if e.trigger == trigger)
    assert event.source is None or event.source.code, event


def test_events_parties_an_owned_act_as_the_doer_is_its_owner(nlp):
    event = _events(nlp, "US drone attacks killed 12 militants in Somalia.")[0]
    assert event.source is not None and event.source.code == "USAMIL", event


@pytest.mark.parametrize(
    ("text", "trigger", "source", "target"),
    [
        # the two sides of a civil war: one country, two sectors
        (
            ("Fighting between Sudan's army and the paramilitary Rapid Support Forces entered its "
            "second month. Talks between the two sides in Jeddah collapsed last year."),
            "Talks", "SDNMIL", "SDNREB",
        ),
        (
            ("Pakistan and Afghanistan agreed to a ceasefire. Fighting between the two sides "
            "resumed in Chaman on Monday."),
            "Fighting", "PAK", "AFG",
        ),
    ],
)
def test_events_parties_the_two_sides_are_the_pair_told_before(nlp, text, trigger, source, target):
    """ "between the two sides" are the last two sides told acting together: one the source,
    the other the target; never the country of the place the talks were held in."""
    event = next(e for e in _events(nlp, text) if e.trigger == trigger)
    assert event.source is not None and event.source.code == source, event
    assert event.target is not None and event.target.code == target, event


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        (
            ("Armed gangs stormed Haiti's largest prison over the weekend, freeing most of its "
            "inmates. The government declared a 72-hour state of emergency on Sunday night."),
            "declared", "HTIGOV",
        ),
        (
            ("Gunmen attacked a village in Nigeria's Plateau state on Tuesday. Police said they "
            "had arrested 17 suspects."),
            "arrested", "NGACOP",
        ),
    ],
)
def test_events_parties_a_bare_role_takes_the_country_the_article_named(nlp, text, trigger, code):
    """With no doer of a known country, the article's country is the one its parties named."""
    event = next(e for e in _events(nlp, text) if e.trigger == trigger)
    assert event.source is not None and event.source.code == code, event

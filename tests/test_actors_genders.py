"""A person's gender only as the article shows it (an honorific, a pronoun the sentence gives
that person alone), and pronouns that never name a person of the other gender."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.actors.genders import FEMININE, MASCULINE, pronoun_gender, shown_gender
from flashpoint.actors.tables import get_tables
from flashpoint.events import code_doc

PUBLISHED = dt.date(2022, 9, 15)


def _span(nlp, text, name):
    doc = nlp(text)
    start = text.index(name)
    return doc.char_span(start, start + len(name))


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        ("Mr Sunak met the Irish prime minister on Monday.", "Mr Sunak", MASCULINE),
        ("Queen Rania visited a refugee camp in Jordan.", "Queen Rania", FEMININE),
        (
            "Angela Merkel left office in December after 16 years at the helm of her party.",
            "Angela Merkel",
            FEMININE,
        ),
        (
            "Olaf Scholz flew to Kyiv on Monday and met his Ukrainian counterpart.",
            "Olaf Scholz",
            MASCULINE,
        ),
    ],
)
def test_actors_genders_shown_by_the_article(nlp, text, name, gender):
    assert shown_gender(_span(nlp, text, name)) == gender


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the pronoun is inside what the person said: it says nothing of the person
        (
            "Hakan Fidan told reporters that she had requested a ceasefire.",
            "Hakan Fidan",
        ),
        # two people named: whose "her" is not shown
        ("Olaf Scholz met Giorgia Meloni in Rome to discuss her budget plans.", "Olaf Scholz"),
        # nothing said at all: no first-name guessing
        ("Kim Jong Un inspected a missile factory.", "Kim Jong Un"),
    ],
)
def test_actors_genders_not_shown_is_unknown(nlp, text, name):
    assert shown_gender(_span(nlp, text, name)) is None


def test_actors_genders_word_lists_are_consistent():
    words = get_tables().words
    assert words["pronouns_feminine"] | words["pronouns_masculine"] <= words["pronouns_person"]
    assert not words["pronouns_feminine"] & words["pronouns_masculine"]
    assert not words["titles_feminine"] & words["titles_masculine"]
    assert words["gender_marked"] <= words["pronouns_feminine"] | words["pronouns_masculine"]
    assert pronoun_gender("She") == FEMININE and pronoun_gender("his") == MASCULINE
    assert pronoun_gender("they") is None


def _sources(nlp, text, trigger):
    events = code_doc(nlp(text), published=PUBLISHED)
    return [e.source.country if e.source else None for e in events if e.trigger == trigger]


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        # "she" in what a man of unknown gender told: the woman the article named, not him
        (
            (
                "Liz Truss resigned on Thursday after weeks of turmoil that ended her government. "
                "German Chancellor Olaf Scholz told reporters that she had asked for a meeting."
            ),
            "asked",
            "GBR",
        ),
        # a woman speaking of herself stays the speaker
        (
            (
                "Giorgia Meloni met Olaf Scholz in Berlin on Monday. Ms Meloni said she would "
                "sign the energy agreement."
            ),
            "sign",
            "ITA",
        ),
    ],
)
def test_actors_genders_she_names_the_woman_the_article_named(nlp, text, trigger, country):
    assert _sources(nlp, text, trigger) == [country]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # every person named is a man: "she" is someone the article does not name
        ("Mr Putin met Mr Xi in Moscow on Monday. She ordered new sanctions on Russia.", None),
        ("Ms Meloni met Mr Scholz in Rome on Monday. She ordered new sanctions on Russia.", "ITA"),
        ("Mr Putin met Mr Xi in Moscow on Monday. He ordered new sanctions on Ukraine.", "RUS"),
    ],
)
def test_actors_genders_a_pronoun_no_person_fits_stays_unresolved(nlp, text, country):
    assert _sources(nlp, text, "sanctions") == [country]

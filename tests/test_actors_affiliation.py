"""A role followed by a participle of affiliation is of the side it is linked to ("fighters
aligned with Iran" are Iran's: words.tsv service_participles and allegiance)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2025, 3, 10)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Fighters aligned with Iran fired rockets at a U.S. base in Syria.", "IRN"),
        ("Militiamen affiliated with Rwanda attacked a Congolese army post.", "RWA"),
        ("Hackers affiliated with China attacked the networks of Taiwanese ministries.", "CHN"),
    ],
)
def test_actors_affiliation_participle_gives_the_side(nlp, text, source):
    events = code_doc(nlp(text), published=PUBLISHED)
    main = events[0]
    assert main.source is not None and main.source.country == source, (main.source, main.target)

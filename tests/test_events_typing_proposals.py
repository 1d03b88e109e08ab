"""A proposal is an appeal (02x), as PETRARCH2 files PROPOSE in its SUGGEST block [020]
("* JOINT &FIGHT GAMES WITH +" 0212, "* + OPEN UP BORDER FOR PRODUCTS" 0211): proposing
that something be done asks for it; it is not a promise to do it (03x). The role row is in
``events/data/predicate_roles.tsv``. Sentences written for these tests."""

from __future__ import annotations

import pytest

from flashpoint.events import code_doc, tables


@pytest.mark.parametrize(
    "text",
    [
        "Moscow proposed joint military exercises with Minsk.",
        "The Kenyan delegation proposed a new round of talks on the border.",
    ],
)
def test_events_typing_a_proposal_is_an_appeal(nlp, text):
    events = code_doc(nlp(text))
    assert events, text
    assert events[0].cameo.startswith("02"), (text, [e.cameo for e in events])
    assert tables.info(events[0].cameo).plover == "REQUEST"


def test_events_typing_propose_is_an_appeal_in_the_table():
    rows = tables.predicate_roles().get("propose")
    assert rows and {role for role, _ in rows} == {"appeal"}

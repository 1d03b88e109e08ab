"""A hyphenated word is one word for the noun table (``patterns.hyphenated``): the tokenizer
splits "sit-in" into "sit", "-", "in", and neither part names a protest; the whole word, with
or without its hyphens ("walk-out" is the table's "walkout"), does. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from flashpoint.events import code_doc
from flashpoint.events.patterns import hyphenated


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Nurses held a sit-in at the health ministry.", "141"),
        ("Opposition supporters staged sit-ins across the capital.", "141"),
        ("Dock workers began a walk-out over unpaid wages.", "143"),
        ("The two armies agreed on a cease-fire.", "0871"),
    ],
)
def test_events_typing_hyphenated_compounds_are_one_word(nlp, text, cameo):
    codes = [e.cameo for e in code_doc(nlp(text))]
    assert cameo in codes, (text, codes)


def test_events_typing_hyphenated_reads_the_whole_word(nlp):
    doc = nlp("They staged sit-ins in the square during the cease-fire.")
    by_text = {t.text: t for t in doc}
    assert hyphenated(by_text["ins"]) == "sit-in"
    assert hyphenated(by_text["fire"]) == "cease-fire"
    assert hyphenated(by_text["square"]) is None
    assert hyphenated(by_text["in"]) is None  # the preposition after "sit-ins" stands apart


def test_events_typing_parts_of_a_compound_are_no_event_alone(nlp):
    assert not [e for e in code_doc(nlp("The delegates sat in the hall.")) if e.cameo == "141"]

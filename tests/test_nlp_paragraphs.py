"""A blank line ends a sentence: a standfirst without a full stop is not read as one sentence
with the paragraph after it (``nlp.paragraph_starts``)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Rebels seize the airport as talks stall\n\nThe rebels took the airport on Friday.",
            2,
        ),
        ("Troops withdraw from the border\n  \nThe army pulled back two brigades.", 2),
        # a single line break inside a paragraph is no boundary
        ("The army pulled back two brigades\nfrom the border on Friday.", 1),
    ],
)
def test_nlp_paragraphs_a_blank_line_ends_a_sentence(nlp, text, sentences):
    doc = nlp(text)
    assert len(list(doc.sents)) == sentences, [s.text for s in doc.sents]
    assert "".join(s.text_with_ws for s in doc.sents) == text  # offsets untouched


def test_nlp_paragraphs_a_headline_date_does_not_date_the_paragraph(nlp):
    # the headline's events and the paragraph's events are dated each by its own words
    text = (
        "Militants storm a border post on Monday\n\n"
        "The government said it had closed the crossing."
    )
    events = code_doc(nlp(text), published=dt.date(2024, 5, 15))
    closed = [e for e in events if e.trigger and "closed" in e.trigger]
    assert closed and closed[0].date is None, [(e.trigger, e.date) for e in events]
    assert all("\n" not in e.evidence.text for e in events)

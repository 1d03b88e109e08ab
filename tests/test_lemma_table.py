"""spaCy's rule lemmatizer and the "hop"/"hope" correction after it answered from a table
(``lemma_table``): the same lemma for every token as the two components give when spaCy runs
them, also for lemmas the attribute ruler set before, and once the table has forgotten what it
saw. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.attrs import LEMMA, ORTH, POS, TAG

from flashpoint import lemma_table
from flashpoint.lemma_table import LEMMA_TABLE, replace_lemmatizer
from flashpoint.nlp import E_STEM

_ATTRS = [ORTH, POS, TAG, LEMMA]

TEXTS = [
    "Farmers staged a protest and hoped the ministers would listen; the rabbit hopped away.",
    "The army retook the town, overran two outposts and is ridding the roads of mines.",
    "Y'all gonna see it: we ain't done, and I gotta tell ya there's nothin' left.",
    "She was better than the others, the best of the candidates, though her hopes were fewer.",
    "SANCTIONS IMPOSED: The EU's 27 members agreed a 14th package against Moscow.",
    "Protesters hated the curfew.\n\n  Police fired tear gas; nobody was hurt  \t\n",
    "Wildfires burned 3,000 hectares; the Smiths' houses, mice and geese were saved.",
]


@pytest.fixture(scope="module")
def spacy_lemmas(nlp):
    """A second copy of the pipeline, with spaCy's lemmatizer and the correction component run
    as spaCy runs them in place of the table."""
    from flashpoint.nlp import get_nlp

    other = get_nlp.__wrapped__()
    other.disable_pipe(LEMMA_TABLE)
    other.enable_pipe("lemmatizer")
    other.enable_pipe(E_STEM)
    return other


@pytest.mark.parametrize("text", TEXTS)
def test_lemma_table_lemmatizes_as_spacys_components(nlp, spacy_lemmas, text):
    assert LEMMA_TABLE in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    assert E_STEM not in nlp.pipe_names
    got, want = nlp(text), spacy_lemmas(text)
    assert (got.to_array(_ATTRS) == want.to_array(_ATTRS)).all(), [
        (a.text, a.lemma_, b.lemma_) for a, b in zip(got, want) if a.lemma_ != b.lemma_
    ]


def test_lemma_table_answers_alike_after_forgetting(nlp, spacy_lemmas, monkeypatch):
    """Past ``KEYS`` answers the table starts afresh; what it then finds again is the same."""
    monkeypatch.setattr(lemma_table, "KEYS", 3)
    table = nlp.get_pipe(LEMMA_TABLE)
    monkeypatch.setattr(table, "_answers", {})
    for text in TEXTS[:3]:
        got, want = nlp(text), spacy_lemmas(text)
        assert [t.lemma_ for t in got] == [t.lemma_ for t in want]
        assert len(table._answers) <= 3


@pytest.mark.parametrize("text", ["The rebels are waging a war.", "Rebels staged attacks."])
def test_lemma_table_repeats_its_first_answer(nlp, text):
    first = [t.lemma_ for t in nlp(text)]
    assert first == [t.lemma_ for t in nlp(text)]
    assert "wage" in first or "stage" in first


def test_lemma_table_is_not_installed_without_the_correction():
    from flashpoint.nlp import plain_pipeline

    nlp = plain_pipeline()
    assert not replace_lemmatizer(nlp, lambda token: None, after=E_STEM)
    assert "lemmatizer" in nlp.pipe_names and LEMMA_TABLE not in nlp.pipe_names

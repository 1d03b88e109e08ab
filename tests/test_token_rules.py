"""spaCy's attribute ruler answered from a table (``token_rules``): the same part of speech,
tag, dependency, morphology and lemma for every token as the ruler gives, including its patterns
of two tokens ("gonna", "y'all", "let's"), also once the table has forgotten the words it saw.
Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG

from flashpoint import token_rules
from flashpoint.token_rules import ATTRIBUTE_TABLE, AttributeTable, replace_attribute_ruler

_ATTRS = [ORTH, POS, TAG, DEP, HEAD, MORPH, LEMMA]

TEXTS = [
    "Rebels stormed the town on Tuesday, and the army said it had retaken the bridge.",
    "Y'all gonna see it: we ain't done, and I gotta tell ya there's nothin' left.",
    "Let's go. C'mon, there are people who'd have stayed if they could.",
    "The minister, who does not hope for much, did what she had to do.",
    "Protesters hated the curfew.\n\n  Police fired tear gas; nobody was hurt  \t\n",
    "It is what it is, isn't it? I was told that you were there and it wasn't me.",
    "SANCTIONS IMPOSED: The EU's 27 members agreed a 14th package against Moscow.",
]


@pytest.fixture(scope="module")
def spacy_rules(nlp):
    """A second copy of the pipeline, with spaCy's own attribute ruler back in place of the
    table."""
    from flashpoint.nlp import get_nlp

    other = get_nlp.__wrapped__()
    other.disable_pipe(ATTRIBUTE_TABLE)
    other.enable_pipe("attribute_ruler")
    return other


@pytest.mark.parametrize("text", TEXTS)
def test_token_rules_tables_annotate_as_spacys_components(nlp, spacy_rules, text):
    assert ATTRIBUTE_TABLE in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    got, want = nlp(text), spacy_rules(text)
    assert [t.text for t in got] == [t.text for t in want]
    assert (got.to_array(_ATTRS) == want.to_array(_ATTRS)).all(), [
        (a.text, a.pos_, a.lemma_, str(a.morph), b.pos_, b.lemma_, str(b.morph))
        for a, b in zip(got, want) if (a.pos_, a.lemma_, str(a.morph)) != (b.pos_, b.lemma_, str(b.morph))
    ]


@pytest.mark.parametrize("text", ["Y'all gonna see.", "We gotta go, let's move."])
def test_token_rules_two_token_patterns_set_their_lemmas(nlp, text):
    lemmas = {t.lower_: t.lemma_ for t in nlp(text)}
    assert lemmas.get("gon", "go") == "go" and lemmas.get("na", "to") == "to"
    assert lemmas.get("ta", "to") == "to" and lemmas.get("'s", "us") == "us"


def test_token_rules_replace_the_ruler_of_the_shipped_model():
    from flashpoint.nlp import plain_pipeline

    assert replace_attribute_ruler(plain_pipeline())


@pytest.mark.parametrize("words", [2])
def test_token_rules_forgetting_words_changes_no_annotation(nlp, spacy_rules, monkeypatch, words):
    """With room for two lowercase forms the table forgets them all the time: the annotations
    stay the ruler's, and the table holds no more than that many forms."""
    monkeypatch.setattr(token_rules, "WORDS", words)
    table = nlp.get_pipe(ATTRIBUTE_TABLE)
    text = " ".join(TEXTS)
    assert (nlp(text).to_array(_ATTRS) == spacy_rules(text).to_array(_ATTRS)).all()
    assert len(table._word_class) <= words


@pytest.mark.parametrize("pattern", [[{"LOWER": "gon", "OP": "+"}], [{"SHAPE": "Xxxx"}], [{"LOWER": {"FUZZY": "gon"}}]])
def test_token_rules_an_unreadable_pattern_keeps_the_ruler(nlp, pattern):
    import spacy

    ruler = spacy.blank("en").add_pipe("attribute_ruler")
    ruler.add([pattern], {"LEMMA": "go"})
    with pytest.raises(ValueError, match="not readable"):
        AttributeTable(ruler, ruler.vocab)

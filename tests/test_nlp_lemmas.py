"""Verb lemmas of the "hop"/"hope" kind (``nlp._e_stem_lemmas``): spaCy's rule lemmatizer
reads "staged" as "stag" and "hoped" as "hop" wherever both are verbs of its index, so every
table keyed by lemma misses the verb. A short verb of that shape doubles its consonant
("hopped"), so the single-consonant forms belong to the verb in -e. Sentences written for
these tests."""

from __future__ import annotations

import pytest


def _verb_lemmas(nlp, text: str) -> dict[str, str]:
    return {t.lower_: t.lemma_ for t in nlp(text) if t.tag_.startswith("VB")}


@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [
        ("Farmers staged a protest outside the ministry.", "staged", "stage"),
        ("The union is staging a rally on Friday.", "staging", "stage"),
        ("The minister hoped for a quick agreement.", "hoped", "hope"),
        ("She hopes the talks will resume.", "hopes", "hope"),
        ("Residents hated the new curfew.", "hated", "hate"),
        ("Gunmen riding motorcycles opened fire.", "riding", "ride"),
        ("The rebels are waging a war in the north.", "waging", "wage"),
    ],
)
def test_nlp_lemmas_single_consonant_forms_take_the_e_verb(nlp, text, word, lemma):
    assert _verb_lemmas(nlp, text).get(word) == lemma


@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [
        ("The rabbit hopped across the road.", "hopped", "hop"),
        ("Gunmen robbed the bank.", "robbed", "rob"),
        ("The court barred the candidate.", "barred", "bar"),
        ("The army is ridding the town of mines.", "ridding", "rid"),
    ],
)
def test_nlp_lemmas_doubled_consonant_forms_keep_the_short_verb(nlp, text, word, lemma):
    assert _verb_lemmas(nlp, text).get(word) == lemma


def test_nlp_lemmas_nouns_and_adjectives_are_left_to_the_lemmatizer(nlp):
    doc = nlp("The stages of the plan were staged carefully.")
    assert doc[1].lemma_ == "stage"


@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [
        ("The army retook the town on Monday.", "retook", "retake"),
        ("Rebels overtook the convoy near the pass.", "overtook", "overtake"),
        ("The militia overran two outposts.", "overran", "overrun"),
    ],
)
def test_nlp_lemmas_an_irregular_past_tagged_as_a_base_form_takes_its_verb(nlp, text, word, lemma):
    """The tagger reads rare irregular pasts ("retook") as base forms (VB), so the lemmatizer
    keeps the word; its own exception table knows the verb, and a form that is no verb's base
    form can only be inflected."""
    assert {t.lower_: t.lemma_ for t in nlp(text)}.get(word) == lemma


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Soldiers found the weapons.", "found"),  # also the base form of "to found"
        ("They will take the town.", "take"),
    ],
)
def test_nlp_lemmas_base_forms_keep_their_lemma(nlp, text, word):
    doc = nlp(text)
    tok = next(t for t in doc if t.lower_ == word)
    assert tok.lemma_ in (word, "find")

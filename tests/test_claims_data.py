"""The claims stage's data files load and agree with the code that reads them."""

from __future__ import annotations

import pytest

from flashpoint.claims.lexicon import lexicon, weights


def test_claims_lexicon_loads_with_every_list():
    lex = lexicon()
    assert "not" in lex.negation
    assert "indicate" in lex.commentary_verbs
    assert lex.number_words["twelve"] == 12
    assert lex.demonyms["american"] == "united states"
    assert lex.capitals["seoul"] == "south korea"


def test_claims_lexicon_antonyms_are_symmetric_and_never_synonyms():
    lex = lexicon()
    for word, opposites in lex.antonyms.items():
        for other in opposites:
            assert word in lex.antonyms[other]
            assert other not in lex.synonyms.get(word, frozenset()), (word, other)


def test_claims_weights_name_only_features_the_comparison_makes(nlp):
    from flashpoint.claims.compare import compare
    from flashpoint.claims.index import build_index

    index = build_index(nlp("Rebels attacked the town on Monday. Three soldiers were killed."))
    made = compare(index, nlp("Rebels attacked the town.")).features
    w = weights()
    assert set(w.coef) <= set(made), set(w.coef) - set(made)
    assert 0.0 < w.supported_threshold < 1.0
    assert w.window_top_k >= 1
    assert 0.0 <= w.min_evidence_score <= 1.0
    from flashpoint.claims.compare import KINDS

    assert set(w.kind_weights) == set(KINDS)
    assert all(v > 0 for v in w.kind_weights.values())
    assert 0.0 < w.synonym_match <= 1.0
    assert w.decisive_score < w.supported_threshold


@pytest.mark.parametrize("name", ["lexicon", "weights"])
def test_claims_data_is_loaded_once(name):
    loader = {"lexicon": lexicon, "weights": weights}[name]
    assert loader() is loader()


def test_claims_symmetric_verbs_are_plain_lemmas():
    lex = lexicon()
    assert "meet" in lex.symmetric_verbs
    assert "accuse" not in lex.symmetric_verbs
    assert all(v.isalpha() and v.islower() for v in lex.symmetric_verbs)

"""The shipped class model: loads, predicts a class, and only acts where the rules are unsure."""

from __future__ import annotations

import pytest

from flashpoint.events import classifier
from flashpoint.events.predicates import Found


def test_events_classifier_model_file_is_consistent():
    model = classifier.load_model()
    if model is None:
        pytest.skip("no classifier.json shipped (run python -m flashpoint.events.train)")
    assert model["classes"] == [0, 1, 2, 3, 4]
    assert len(model["intercepts"]) == 5
    for gram, (idf, weights) in list(model["weights"].items())[:500]:
        assert idf > 0 and len(weights) == 5, gram


def test_events_classifier_features_are_deterministic(nlp):
    sent = next(nlp("Police arrested two men in the capital.").sents)
    first = classifier.features(sent)
    assert first == classifier.features(sent)
    assert "V_arrest" in first.split()
    assert "arrest_dobj_man" in first.split()


def test_events_classifier_predicts_a_class_with_a_probability(nlp):
    if classifier.load_model() is None:
        pytest.skip("no classifier.json shipped")
    sent = next(nlp("Rebels attacked a police station with rockets and grenades.").sents)
    klass, probability = classifier.predict(sent)
    assert klass in range(5)
    assert 0.2 <= probability <= 1.0


def test_events_classifier_leaves_confident_rules_alone(nlp):
    sent = next(nlp("Rebels attacked a police station.").sents)
    found = Found("190", sent.root, score=1)
    assert classifier.adjust(sent, [found], analyze=None, weak_trigger=None) == [found]


@pytest.mark.parametrize("code", ["010"])
def test_events_classifier_bare_statement_counts_as_unsure(nlp, code):
    sent = next(nlp("The spokesman said something.").sents)
    assert classifier.unsure([Found(code, sent.root, score=1)])
    assert classifier.unsure([])

"""The class model is never trained on a sentence its figures are reported on (events/train.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.events import classifier, train


@pytest.mark.parametrize(
    ("a", "b"),
    [("Yemen’s army attacked.", "yemen 's army attacked"), ("Kiev—talks", "kiev talks")],
)
def test_events_typing_training_normalise_makes_one_sentence_compare_equal(a, b):
    assert train.normalise(a) == train.normalise(b)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the reported quote is a clause of the training sentence
        ("Officials said the army shelled the border villages overnight, killing four.", True),
        # the training sentence is the reported sentence, written differently
        ("THE ARMY SHELLED THE BORDER VILLAGES OVERNIGHT", True),
        ("The army shelled the capital.", False),
    ],
)
def test_events_typing_training_overlap_is_containment_either_way(text, expected):
    reported = [train.normalise("the army shelled the border villages overnight")]
    assert train.overlapping(text, reported) is expected


def test_events_typing_training_short_texts_are_no_evidence_of_overlap():
    # "he said" inside every sentence must not drop every sentence
    assert train.reported_sentences(Path("/nonexistent")) == ([], [])
    assert not train.overlapping("He said it would attack.", [])
    assert len(train.normalise("he said")) < train.MIN_SHARED_CHARS


@pytest.mark.shared
def test_events_typing_training_shipped_model_checked_every_reported_set(shared_dir):
    """The shipped model says which reported sets it was kept apart from, and a recount over
    the train split agrees with what it says was dropped."""
    model = classifier.load_model()
    if model is None:
        pytest.skip("no classifier.json shipped (run python -m flashpoint.events.train)")
    path = shared_dir / "benchmarks" / "events"
    reported, checked = train.reported_sentences(path)
    assert model["held_out"]["checked"] == checked == list(train.REPORTED)
    rows = train.read_sentences(path / "conflibert_cameo_class_train.tsv", "tsv")
    dropped = sum(train.overlapping(t, reported) for t in rows)
    assert model["held_out"]["dropped_train_sentences"] == dropped

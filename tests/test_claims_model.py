"""The statement model's runtime: files shipped, loaded once, no torch, loud when missing;
the evidence selection and the claims a statement is cut into."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from flashpoint.claims.evidence import premise, select_evidence
from flashpoint.claims.model import MODEL_DIR, load, probabilities
from flashpoint.errors import ModelError

SENTENCES = [
    "Heavy rain fell across the region on Monday.",
    "Rebels attacked an army base near Kessa, killing 12 soldiers.",
    "The defence ministry accused Varnia of arming the rebels.",
    "Varnia denied the accusation.",
    "Heavy rain fell across the region on Monday.",
]


def test_claims_model_files_are_shipped_with_a_card():
    for name in ("model.onnx", "tokenizer.json", "MODEL_CARD.md"):
        assert (MODEL_DIR / name).is_file(), name
    assert (MODEL_DIR / "model.onnx").stat().st_size < 40_000_000, "int8 export expected"


def test_claims_model_is_loaded_once_and_gives_probabilities():
    assert load() is load()
    probs = probabilities([("Rebels attacked a base.", "Rebels attacked a base."), ("A cat sleeps.", "Troops crossed the river.")])
    assert probs.shape == (2, 3)
    assert np.allclose(probs.sum(axis=1), 1.0, atol=1e-4)
    assert probabilities([]).shape == (0, 3)


def test_claims_model_scores_a_pair_the_same_alone_in_a_batch_or_remembered():
    """One pair's probabilities do not depend on the pairs beside it, and a pair seen before is
    taken from the memo with the very same values."""
    pair = ("Rebels attacked an army base near Kessa.", "Rebels attacked a base.")
    load().memo.clear()
    alone = probabilities([pair])[0]
    assert pair in load().memo
    load().memo.clear()
    beside = probabilities([("A cat sleeps.", "Troops crossed the river."), pair, pair])
    assert np.array_equal(beside[1], alone) and np.array_equal(beside[2], alone)
    assert np.array_equal(probabilities([pair])[0], alone)


def test_claims_model_counts_its_runs_not_its_memo_hits():
    """``usage`` (what `bench speed` prints as the model's share) counts the pairs it scored."""
    pair = ("Varnia denied the accusation.", "Varnia denied it.")
    load().memo.clear()
    runs = load().usage.runs
    probabilities([pair, pair])
    assert load().usage.runs == runs + 1


def test_claims_model_reads_pairs_longer_than_its_window():
    long_claim = "Rebels attacked the base and " * 80 + "fled."
    probs = probabilities([("Rebels attacked the base.", long_claim), ("Rebels attacked. " * 200, "Rebels attacked.")])
    assert probs.shape == (2, 3) and np.isfinite(probs).all()


def test_claims_model_missing_fails_loudly(tmp_path):
    with pytest.raises(ModelError) as info:
        load(tmp_path)
    assert "E502" in str(info.value) and "make train-claims" in str(info.value)


def test_claims_runtime_works_without_torch():
    """torch is a training-only extra: with it made unimportable the checker still runs.

    (spaCy's thinc imports torch whenever it is installed, so "not in sys.modules" would test
    the environment; blocking the import tests the code.)
    """
    code = (
        "import sys; sys.modules['torch'] = None; "
        "from flashpoint.claims import check_text; "
        "print(check_text('Rebels attacked a base on Monday.', 'Rebels attacked a base.').verdict)"
    )
    out = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() in ("supported", "contradicted", "not_in_source")


def test_claims_evidence_prefers_rare_shared_words():
    assert {2, 3} <= set(select_evidence(SENTENCES, "Varnia denied arming the rebels."))
    chosen = select_evidence(SENTENCES, "Rebels killed 12 soldiers near Kessa.")
    assert 1 in chosen and chosen == sorted(chosen)


def test_claims_evidence_respects_its_budget_and_repeats():
    chosen = select_evidence(SENTENCES, "Heavy rain fell on Monday.", max_sentences=3, max_words=200)
    assert not {0, 4} <= set(chosen), "a sentence repeated word for word is taken once"
    assert len(select_evidence(SENTENCES, "rebels rain Varnia", max_sentences=2)) <= 2
    assert select_evidence(SENTENCES, "zebra quantum") == [0]
    assert select_evidence([], "anything") == []
    assert premise(SENTENCES, "Varnia denied the accusation.").count("Varnia denied the accusation.") == 1


@pytest.mark.parametrize(
    ("statement", "claims"),
    [
        ("Rebels took the city on Monday and the army fled to Kigali.",
         ["Rebels took the city on Monday.", "The army fled to Kigali."]),
        ("Kim ordered more missile tests, indicating a threat to the region.", ["Kim ordered more missile tests."]),
        ("M23 said it had captured Goma. Congo cut ties with Rwanda.",
         ["M23 said it had captured Goma.", "Congo cut ties with Rwanda."]),
    ],
)
def test_claims_statements_are_cut_into_claims(nlp, statement, claims):
    from flashpoint.claims.judge import units

    assert units(nlp(statement)) == claims

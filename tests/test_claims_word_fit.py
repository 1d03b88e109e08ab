"""The word-level combiner is refitted without the SummEdits news split and kept inside the
verdict file; its explicit findings can only count against support; the stack sees its
out-of-fold scores."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest

from flashpoint.bench.claims_cases import Case
from flashpoint.bench.claims_fit import (
    AGAINST,
    FOR,
    VERDICT_PATH,
    WORD_SETS,
    _fit_signed,
    fit,
    oof_word_scores,
    select_words,
    settings_json,
    with_word,
)
from flashpoint.bench.claims_run import Row
from flashpoint.claims.lexicon import WordCombiner, parse_verdict, verdict_settings
from flashpoint.claims.verdict import word_logit


def _row(label: int, group: str, values: dict[str, float]) -> Row:
    return Row(Case("article", "statement", label, group=group, dataset="d"), "", 0.0, "", values)


def _rows(n: int = 60, seed: int = 3) -> list[Row]:
    """Supported rows copy more of the article; a number mismatch is (misleadingly) as common
    among supported rows as among the others."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        label = i % 2
        out.append(_row(label, f"a{i // 2}", {
            "word_copy_min": float(rng.normal(1.0 if label else -1.0, 1.0)),
            "number_mismatch": float(rng.random() < (0.6 if label else 0.4)),
        }))
    return out


def test_claims_signed_fit_is_sklearns_objective_when_unbounded():
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(0)
    z = rng.normal(size=(200, 3))
    y = (z @ [1.0, -2.0, 0.5] + rng.normal(size=200) > 0.3).astype(int)
    ref = LogisticRegression(C=0.5, class_weight="balanced", max_iter=1000).fit(z, y)
    w, b = _fit_signed(z, y, [0, 0, 0], 0.5)
    assert w == pytest.approx(ref.coef_[0], abs=1e-3)
    assert b == pytest.approx(float(ref.intercept_[0]), abs=1e-3)
    bounded, _ = _fit_signed(z, y, [-1, 1, 0], 0.5)
    assert bounded[0] == pytest.approx(0.0, abs=1e-9)  # would be ~+1 unbounded
    assert bounded[1] == pytest.approx(0.0, abs=1e-9)  # would be ~-2 unbounded


def test_claims_findings_never_count_for_support():
    names = ("word_copy_min", "number_mismatch")
    assert "number_mismatch" in AGAINST and "word_copy_min" not in AGAINST
    settings = fit(_rows(), names, c=10.0)
    assert settings.coef["word_copy_min"] > 0
    assert settings.coef["number_mismatch"] <= 0  # unbounded it would be > 0 on these rows


def test_claims_word_scores_out_of_fold_differ_from_the_in_sample_fit():
    rows = _rows()
    chosen, oof = select_words(rows)
    assert chosen.feature_set in WORD_SETS
    assert len(oof) == len(rows) and all(isinstance(v, float) for v in oof)
    full = WordCombiner(chosen.settings.intercept, dict(chosen.settings.coef))
    in_sample = [word_logit(r.values, full) for r in rows]
    assert oof != pytest.approx(in_sample)
    again = oof_word_scores(rows, WORD_SETS[chosen.feature_set], chosen.c)
    assert again == pytest.approx(oof)


def test_claims_word_combiner_travels_in_the_verdict_file():
    word = WordCombiner(0.25, {"word_copy_min": 1.5, "number_mismatch": -2.0})
    data = settings_json(replace(verdict_settings(), word=word), fitted_on="test", word_fitted_on="test words")
    back = parse_verdict(json.loads(json.dumps(data)))
    assert back.word == word
    assert data["word_combiner"]["fitted_on"] == "test words"
    rows = with_word([_row(1, "g", {"word_copy_min": 1.0, "number_mismatch": 1.0})], word)
    assert rows[0].values["word_score"] == pytest.approx(0.25 + 1.5 - 2.0)


def test_claims_shipped_word_combiner_was_not_fitted_on_the_summedits_news_split():
    word = verdict_settings().word
    assert word.coef, "verdict.json carries the word-level combiner"
    fitted_on = json.loads(VERDICT_PATH.read_text(encoding="utf-8"))["word_combiner"]["fitted_on"]
    assert "summedits" not in fitted_on.lower()
    assert all(word.coef.get(f, 0.0) <= 0 for f in AGAINST)
    assert all(word.coef.get(f, 0.0) >= 0 for f in FOR)

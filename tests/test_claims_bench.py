"""The claims benchmark's machinery: case loaders keep reported data apart, metrics, the fit."""

from __future__ import annotations

import json

import pytest

from flashpoint.bench.claims import metrics
from flashpoint.bench.claims_cases import (
    Case,
    load_breaking_nli,
    load_cliff_test,
    load_summedits_domains,
)
from flashpoint.bench.claims_fit import balanced_accuracy, cross_validate, fit
from flashpoint.bench.claims_run import Row
from flashpoint.claims.verdict import is_supported


def _row(label: int, logit: float, group: str, verdict: str | None = None, edits: tuple[str, ...] = ()) -> Row:
    case = Case("article", "statement", label, group=group, dataset="d", edit_types=edits)
    supported = verdict or ("supported" if logit > 0 else "not_in_source")
    return Row(case, supported, 0.0, "", {"model_logit": logit, "model_contradiction_logit": -logit})


def test_claims_bench_balanced_accuracy_weighs_classes_equally():
    rows = [_row(1, 1.0, "a")] * 9 + [_row(0, -1.0, "b")]
    assert balanced_accuracy(rows, [True] * 10) == pytest.approx(0.5)
    assert balanced_accuracy(rows, [True] * 9 + [False]) == pytest.approx(1.0)


def test_claims_bench_metrics_count_verdicts_and_edit_types():
    rows = [_row(1, 2.0, "a"), _row(0, -2.0, "a", "contradicted", ("entity",)), _row(0, 2.0, "b", edits=("number",))]
    m = metrics(rows)
    assert m["n"] == 3
    assert m["recall_supported"] == 1.0 and m["recall_unsupported"] == 0.5
    assert m["recall_per_edit_type"] == {"entity": 1.0, "number": 0.0}
    assert m["verdicts"] == {"contradicted": 1, "supported": 2}


def test_claims_bench_fit_learns_the_model_probability_and_cv_scores_unseen_groups():
    rows = [_row(1, 1.0 + i % 3, f"g{i}") for i in range(20)] + [_row(0, -1.0 - i % 3, f"h{i}") for i in range(20)]
    settings = fit(rows)
    assert settings.coef["model_logit"] > 0
    assert all(is_supported(r.values, settings) == (r.case.label == 1) for r in rows)
    assert cross_validate(rows) == pytest.approx(1.0)


def test_claims_bench_fit_refuses_one_class():
    from flashpoint.errors import InputError

    with pytest.raises(InputError):
        fit([_row(1, 1.0, "a"), _row(1, 2.0, "b")])


@pytest.fixture
def fake_claims(tmp_path):
    """A benchmarks/claims folder with a few rows of each kept-back and trained-on kind."""
    train = tmp_path / "train"
    train.mkdir()
    rows = {
        "summedits_other_domains": [
            {"doc": "d1", "summary": "s", "label": "1", "domain": "podcast", "split": "test"},
            {"doc": "d2", "summary": "s", "label": "0", "domain": "scitldr", "split": "test", "edit_types": "['entity']"},
        ],
        "cliff": [{"doc": "d", "summary": "s", "label": "0", "split": "val"},
                  {"doc": "d", "summary": "t", "label": "1", "split": "test"}],
        "breaking_nli": [{"premise": "p", "hypothesis": "h", "label": "contradiction", "category": "countries"},
                         {"premise": "p", "hypothesis": "h", "label": "contradiction", "category": "colors"}],
    }
    for name, items in rows.items():
        (train / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in items), encoding="utf-8")
    return tmp_path


def test_claims_bench_loads_only_rows_kept_back_from_training(fake_claims):
    domains = load_summedits_domains(fake_claims)
    assert [c.statement for c in domains["scitldr"]] == ["s"] and domains["scitldr"][0].edit_types == ("entity",)
    assert "podcast" not in domains
    assert [c.label for c in load_cliff_test(fake_claims)] == [1]
    breaking = load_breaking_nli(fake_claims)
    assert [c.split for c in breaking] == ["countries"] and breaking[0].label == 0

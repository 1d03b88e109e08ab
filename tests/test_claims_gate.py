"""Accuracy gate of the statement checker: figures may not drop below their pinned floors.

Floors live in tests/gates/claims_floors.json, pinned from the quick report (a seeded sample of
each held-out set, so the suite stays within minutes). Raise them with
`python -m flashpoint.bench.claims --quick --update-floors`; lowering one needs --allow-lower
(or FLASHPOINT_LOWER_FLOORS=1).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FLOORS = Path(__file__).parent / "gates" / "claims_floors.json"
FIGURES = (
    "summedits_news_balanced_accuracy", "frank_test_balanced_accuracy", "cliff_test_balanced_accuracy",
    "summedits_sales_email_balanced_accuracy", "summedits_scitldr_balanced_accuracy",
    "summedits_ectsum_balanced_accuracy", "breaking_nli_not_supported", "pages_statements_found",
    "pages_three_way", "pages_supported_vs_not",
)


@pytest.fixture(scope="module")
def report(shared_dir):
    from flashpoint.bench.claims import report as run_report

    path = shared_dir / "benchmarks" / "claims"
    if not (path / "summedits_news_tune.json").is_file() or not (path / "frank_cnndm.json").is_file():
        pytest.skip(f"claims benchmarks not found in {path}")
    return run_report(path, quick=True, pages_path=shared_dir / "benchmarks" / "pages")


def test_claims_gate_floors_file_is_complete():
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["floors"]
    for name in FIGURES:
        assert name in floors
        assert 0.0 <= floors[name] <= 1.0


@pytest.mark.shared
@pytest.mark.slow
def test_claims_gate_no_figure_below_its_floor(report):
    from flashpoint.bench.claims import below_floors, read_floors

    assert not report.skipped, report.skipped
    failing = below_floors(report.figures(), read_floors(FLOORS))
    assert not failing, "statement-checker accuracy dropped below the pinned floors: " + "; ".join(failing)


def test_claims_gate_floors_only_rise_without_the_flag(tmp_path):
    from flashpoint.bench.claims import read_floors, update_floors

    path = tmp_path / "floors.json"
    update_floors({"frank_test_balanced_accuracy": 0.70}, path)
    update_floors({"frank_test_balanced_accuracy": 0.60}, path)
    assert read_floors(path)["frank_test_balanced_accuracy"] == pytest.approx(0.69)
    update_floors({"frank_test_balanced_accuracy": 0.60}, path, allow_lower=True)
    assert read_floors(path)["frank_test_balanced_accuracy"] == pytest.approx(0.59)
    update_floors({"frank_test_balanced_accuracy": 0.80}, path)
    assert read_floors(path)["frank_test_balanced_accuracy"] == pytest.approx(0.79)


def test_claims_gate_below_floors_names_the_figure():
    from flashpoint.bench.claims import below_floors

    assert below_floors({"a": 0.5, "b": 0.9}, {"a": 0.6, "b": 0.8}) == ["a: 0.5000 < floor 0.6000"]
    assert below_floors({"a": 0.6}, {"a": 0.6}) == []

"""The claims benchmark's own machinery: built cases, metrics, the constrained fit."""

from __future__ import annotations

import pytest

from flashpoint.bench.claims import Case, Row, build_cases, evaluate, feature_sign, fit

SAMPLE = """Sample page for the claims bench

Harbour town reports

Officials in Lindia said on Tuesday that the government of Lindia had signed a trade agreement with Morvia after two years of talks. The agreement cuts tariffs on 40 products, the trade ministry said.

Morvia's president Elena Vask welcomed the deal and thanked Lindia for its patience. Opposition leaders in Morvia criticised the agreement in March and called for a vote in parliament.
"""

OTHER = """Second sample page

Storm news

Heavy rain flooded 300 homes in the coastal city of Port Amber on Friday, the fire service said. Rescue teams evacuated families from the old harbour district during the night.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("examples")
    (folder / "2024-01-02_sample_trade.txt").write_text(SAMPLE, encoding="utf-8")
    (folder / "2024-01-03_sample_storm.txt").write_text(OTHER, encoding="utf-8")
    try:
        return build_cases(folder)
    except ImportError as e:  # pragma: no cover - only while ingest is missing
        pytest.skip(f"flashpoint.ingest not importable: {e}")


def test_claims_bench_built_cases_cover_the_corruptions(built):
    kinds = {c.edit_types[0] for c in built}
    assert {"original", "entity_swap", "negation"} <= kinds
    assert "number_swap" in kinds or "date_swap" in kinds
    for c in built:
        assert c.label == (1 if c.edit_types[0] in ("original", "paraphrase") else 0)
        assert c.dataset == "built"
        if c.edit_types[0] == "original":
            assert c.statement in c.article


def test_claims_bench_built_corruptions_change_the_sentence(built):
    originals = {(c.article, c.statement) for c in built if c.edit_types[0] == "original"}
    for c in built:
        if c.label == 0:
            assert (c.article, c.statement) not in originals
            assert c.statement not in c.article


def _row(label: int, value: float, dataset: str = "d", edit: tuple[str, ...] = ()) -> Row:
    case = Case("article", "statement", label, group="g", dataset=dataset, edit_types=edit)
    return Row(case, {"coverage_min": value, "entity_novel": 1.0 - value}, "", 0.0, "")


def test_claims_bench_balanced_accuracy_weighs_both_classes():
    rows = [_row(1, 1.0), _row(1, 1.0), _row(1, 1.0), _row(0, 0.0, edit=("negation",))]
    m = evaluate(rows, [True, True, False, True])
    assert m.recall_supported == pytest.approx(2 / 3)
    assert m.recall_unsupported == 0.0
    assert m.balanced_accuracy == pytest.approx(1 / 3)
    assert m.per_edit_type["negation"] == 0.0


@pytest.mark.parametrize(
    ("name", "sign"),
    [("coverage_min", 1), ("entity_novel", -1), ("negation_mismatch", -1), ("n_content", 0)],
)
def test_claims_bench_feature_signs(name, sign):
    assert feature_sign(name) == sign


def test_claims_bench_fit_respects_signs_and_separates():
    rows = [_row(1, v) for v in (0.8, 0.9, 1.0, 0.95)] + [_row(0, v) for v in (0.1, 0.3, 0.2, 0.4)]
    # A misleading extra row cannot push a penalty feature positive.
    model = fit(rows, c=1.0)
    assert model["coef"]["coverage_min"] >= 0.0
    assert model["coef"]["entity_novel"] <= 0.0
    from flashpoint.bench.claims import predict

    assert predict(rows, model) == [r.case.label == 1 for r in rows]

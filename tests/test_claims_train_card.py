"""The model card written after training keeps the record of earlier models and says what the
recipe mixed in (written for this project)."""

from __future__ import annotations

from flashpoint.claims.train.card import _earlier_figures, _summary_paragraph
from flashpoint.claims.train.sets import config


def test_claims_card_keeps_the_figures_of_earlier_models(tmp_path):
    card = tmp_path / "MODEL_CARD.md"
    card.write_text("# old\n\n## Figures\n\n### Tried last week: not installed\n\nFRANK test 0.66\n", encoding="utf-8")
    kept = "\n".join(_earlier_figures(card))
    assert "Tried last week: not installed" in kept and "FRANK test 0.66" in kept
    assert _earlier_figures(tmp_path / "none.md") == []


def test_claims_card_names_summary_pairs_only_when_the_recipe_has_them():
    cfg = dict(config())
    assert _summary_paragraph(cfg) == []  # the shipped recipe mixes none in
    cfg["caps"] = {**cfg["caps"], "summary_news": 100}
    cfg.update(summary_sentences_per_doc=12, drop_reported_articles=True)
    text = " ".join(_summary_paragraph(cfg))
    assert "Summary-style news pairs" in text and "were dropped" in text

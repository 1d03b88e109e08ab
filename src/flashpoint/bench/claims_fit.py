"""Choose the verdict combiner (``claims/data/verdict.json``) on data that is never reported.

The model's probability is the main signal; the explicit findings of the word-level comparison
(another actor, another number, a negation, an antonym, reversed roles) may add to it. The
combiner is a class-balanced logistic regression (scikit-learn, L2) over ``verdict.features``,
fitted on FRANK CNN/DM *valid* only -- its labels are used nowhere else, and FRANK *test*, the
SummEdits news split, CLIFF test and the kept-back SummEdits domains are only ever reported.
Its expected accuracy is estimated by grouped cross-validation (folds never split an article).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from ..claims.lexicon import VERDICT_FILE, VerdictSettings, verdict_settings
from ..claims.verdict import WORD_FEATURES, is_supported

# Every feature ``claims.compare`` makes (the word-level checker's own inputs).
ALL_WORD_FEATURES = (
    "actor_mismatch", "actor_mismatch_lowercased", "adj_doc", "adj_novel", "adj_window", "adv_doc", "adv_novel",
    "adv_window", "alignment_mean", "alignment_min", "bigram_novel", "commentary_novel", "copy_min",
    "core_coverage_mean", "core_coverage_min", "coverage_min", "entity_doc", "entity_doc_lowercased",
    "entity_window", "entity_window_lowercased", "hard_evidence", "hedge", "light_doc", "light_novel",
    "light_window", "lowercased", "n_content", "noun_doc", "noun_novel", "noun_window", "number_doc",
    "number_mismatch", "number_window", "role_match", "role_mismatch", "role_swap", "role_unknown", "synonym",
    "verb_coverage_min", "verb_doc", "verb_novel", "verb_window",
)
from ..errors import InputError
from .claims_run import Row

MODEL = ("model_logit", "model_contradiction_logit")
FINDINGS = ("number_mismatch", "actor_mismatch", "role_mismatch", "negation_mismatch", "antonym")
# Candidate inputs of the combiner, simplest first; ``choose`` keeps the one with the best
# cross-validated balanced accuracy on the fitting set (a tie keeps the simpler).
FEATURE_SETS: dict[str, tuple[str, ...]] = {
    "model": MODEL,
    "model+findings": MODEL + FINDINGS,
    "model+findings+words": MODEL + FINDINGS + tuple("word_" + f for f in WORD_FEATURES),
    "model+all_words": MODEL + tuple("word_" + f for f in ALL_WORD_FEATURES),
}
C = 1.0
FOLDS = 5
VERDICT_PATH = Path(__file__).resolve().parents[1] / "claims" / "data" / VERDICT_FILE


def balanced_accuracy(rows: Sequence[Row], predicted: Sequence[bool]) -> float:
    """Mean of the recalls of supported and not-supported statements."""
    pos = [p for r, p in zip(rows, predicted) if r.case.label == 1]
    neg = [not p for r, p in zip(rows, predicted) if r.case.label == 0]
    recalls = [sum(x) / len(x) for x in (pos, neg) if x]
    return sum(recalls) / len(recalls) if recalls else float("nan")


def fit(rows: Sequence[Row], names: Sequence[str] = MODEL) -> VerdictSettings:
    """A combiner over features ``names`` fitted on ``rows`` (labels and features)."""
    from sklearn.linear_model import LogisticRegression

    if not rows or len({r.case.label for r in rows}) < 2:
        raise InputError("E116")
    x = np.array([[r.values.get(f, 0.0) for f in names] for r in rows])
    y = np.array([r.case.label for r in rows])
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=1000).fit(x, y)
    return replace(
        verdict_settings(),
        intercept=float(model.intercept_[0]),
        coef={f: round(float(c), 6) for f, c in zip(names, model.coef_[0])},
        supported_threshold=0.5,
    )


def cross_validate(rows: Sequence[Row], names: Sequence[str] = MODEL) -> float:
    """Balanced accuracy of the combiner fitted without each article's fold (grouped K-fold)."""
    from sklearn.model_selection import GroupKFold

    groups = [r.case.group for r in rows]
    predicted = [False] * len(rows)
    for train, test in GroupKFold(n_splits=FOLDS).split(rows, groups=groups):
        settings = fit([rows[i] for i in train], names)
        for i in test:
            predicted[i] = is_supported(rows[i].values, settings)
    return balanced_accuracy(rows, predicted)


def choose(rows: Sequence[Row]) -> tuple[str, dict[str, float]]:
    """The feature set with the best grouped-CV balanced accuracy on ``rows``, and every score."""
    scores = {name: round(cross_validate(rows, names), 4) for name, names in FEATURE_SETS.items()}
    best = max(FEATURE_SETS, key=lambda name: (scores[name], -len(FEATURE_SETS[name])))
    return best, scores


def write(settings: VerdictSettings, *, fitted_on: str, path: Path = VERDICT_PATH) -> Path:
    """Store the combiner in verdict.json (its _doc and hand-set thresholds kept)."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    data.update(
        fitted_on=fitted_on,
        intercept=round(settings.intercept, 6),
        coef=settings.coef,
        supported_threshold=settings.supported_threshold,
    )
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    verdict_settings.cache_clear()
    return path


__all__ = ["FEATURE_SETS", "balanced_accuracy", "choose", "cross_validate", "fit", "write"]

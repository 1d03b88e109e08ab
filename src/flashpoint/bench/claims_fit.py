"""Choose the verdict combiner (``claims/data/verdict.json``) on data that is never reported.

The model's probability is the main signal; the explicit findings of the word-level comparison
(another actor, another number, a negation, an antonym, reversed roles) may add to it. The
combiner is a class-balanced logistic regression (scikit-learn, L2) over ``verdict.features``,
fitted on FRANK CNN/DM *valid* (optionally also QAGS CNN/DM and CLIFF *val*,
``claims_cases.load_fit_extra``, and cases built from the bundled sample articles) only -- their labels are used nowhere
else, and FRANK *test*, the SummEdits news split, CLIFF test and the kept-back SummEdits domains
are only ever reported. Its expected
accuracy is estimated by grouped cross-validation (folds never split an article).

``select`` chooses everything the fit decides -- the feature set, the regularisation ``C`` and
the supported threshold -- by grouped CV, and estimates how well that whole choice does on
unseen articles by nested grouped CV (the choice re-made inside each outer training fold).
Rows whose ``values`` are ``None`` (an article without sentences) are never supported and are
left out of fitting.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits

from ..claims.lexicon import VERDICT_FILE, VerdictSettings, WordCombiner, verdict_settings
from ..claims.verdict import WORD_FEATURES, decisive, is_supported, with_word_score, word_logit

# Every feature ``claims.compare`` makes (the word-level checker's own inputs).
ALL_WORD_FEATURES = (
    "actor_mismatch", "actor_mismatch_lowercased", "adj_doc", "adj_novel", "adj_window", "adv_doc", "adv_novel",
    "adv_window", "alignment_mean", "alignment_min", "bigram_novel", "commentary_novel", "copy_min",
    "core_coverage_mean", "core_coverage_min", "coverage_min", "date_mismatch", "entity_doc", "entity_doc_lowercased",
    "entity_window", "entity_window_lowercased", "hard_evidence", "hedge", "light_doc", "light_novel",
    "light_window", "lowercased", "n_content", "noun_doc", "noun_novel", "noun_window", "number_doc",
    "number_mismatch", "number_window", "role_match", "role_mismatch", "role_swap", "role_unknown", "synonym",
    "verb_coverage_min", "verb_doc", "verb_novel", "verb_window",
)
from ..errors import InputError
from .claims_run import Row

MODEL = ("model_logit", "model_contradiction_logit")
FINDINGS = ("number_mismatch", "actor_mismatch", "role_mismatch", "negation_mismatch", "antonym", "date_mismatch")
# Candidate inputs of the combiner, simplest first; ``choose`` keeps the one with the best
# cross-validated balanced accuracy on the fitting set (a tie keeps the simpler).
FEATURE_SETS: dict[str, tuple[str, ...]] = {
    "model": MODEL,
    "model+findings": MODEL + FINDINGS,
    "model+findings+words": MODEL + FINDINGS + tuple("word_" + f for f in WORD_FEATURES),
    "model+all_words": MODEL + tuple("word_" + f for f in ALL_WORD_FEATURES),
}
# ``--stack``: the model's logit beside the word-level combiner's (``verdict.with_word_score``),
# so the fit on FRANK valid decides only how far to trust the model against what the word level
# knows, instead of re-learning forty word weights from 375 statements.
STACKED: dict[str, tuple[str, ...]] = {"model+word_score": ("model_logit", "word_score")}
# Features that say the statement disagrees with the article: their weights may only count against
# support. Unbounded, a fit on system summaries (QAGS, CLIFF), where these checks also fire on
# statements the annotators accepted, gave "another number" and "another date" positive weights,
# and a statement with a swapped actor came out supported.
AGAINST = frozenset(FINDINGS + (
    "word_actor_mismatch", "word_actor_mismatch_lowercased", "word_number_mismatch", "word_role_mismatch",
    "word_role_swap", "word_date_mismatch",
))
# Features that say how much of the statement the article holds: their weights may only count
# for support. Unbounded, the many overlapping shares (alignment, coverage, core coverage) took
# weights of opposite signs, and a verbatim copy of an article sentence scored below a statement
# with another number and a word the article lacks.
FOR = frozenset({
    "word_alignment_mean", "word_alignment_min", "word_coverage_min", "word_core_coverage_mean",
    "word_core_coverage_min", "word_verb_coverage_min", "word_copy_min", "word_synonym", "word_role_match",
})
# The word-level combiner (verdict.json ``word_combiner``, read by the stack as ``word_score``)
# is model-free, so it may be fitted on every labelled news set the verdict may be fitted on --
# also QAGS CNN/DM and CLIFF val, which the model was trained on -- (``select_words``): the
# explicit findings with the short alignment list, or with every feature of ``compare``.
WORD_SETS: dict[str, tuple[str, ...]] = {
    "findings+words": FINDINGS + tuple("word_" + f for f in WORD_FEATURES),
    "findings+all_words": FINDINGS + tuple("word_" + f for f in ALL_WORD_FEATURES),
}
C = 1.0
FOLDS = 5
# What ``select`` tries beside the feature sets: regularisation strengths and supported
# thresholds (a class-balanced fit puts the balance point near 0.5; a model that is over- or
# under-confident on news moves it).
CS = (0.1, 1.0, 10.0)
THRESHOLDS = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65)
VERDICT_PATH = Path(__file__).resolve().parents[1] / "claims" / "data" / VERDICT_FILE


def balanced_accuracy(rows: Sequence[Row], predicted: Sequence[bool]) -> float:
    """Mean of the recalls of supported and not-supported statements."""
    pos = [p for r, p in zip(rows, predicted) if r.case.label == 1]
    neg = [not p for r, p in zip(rows, predicted) if r.case.label == 0]
    recalls = [sum(x) / len(x) for x in (pos, neg) if x]
    return sum(recalls) / len(recalls) if recalls else float("nan")


def fit(rows: Sequence[Row], names: Sequence[str] = MODEL, *, c: float = C, threshold: float = 0.5) -> VerdictSettings:
    """A combiner over features ``names`` fitted on ``rows`` (labels and features); the
    weights of ``AGAINST`` features are kept <= 0, those of ``FOR`` >= 0 (``_fit_signed``)."""
    from sklearn.linear_model import LogisticRegression

    rows = [r for r in rows if r.values is not None]
    if not rows or len({r.case.label for r in rows}) < 2:
        raise InputError("E116")
    x = np.array([[r.values.get(f, 0.0) for f in names] for r in rows])
    y = np.array([r.case.label for r in rows])
    # Standardised inputs: the solver converges in a few steps, and C weighs every feature alike
    # (counts, shares and logits have very different ranges); the weights are mapped back to the
    # raw features, which is what verdict.json stores and ``score`` reads.
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    if any(f in AGAINST or f in FOR for f in names):
        w, b = _fit_signed(z, y, [-1 if f in AGAINST else 1 if f in FOR else 0 for f in names], c)
    else:
        model = LogisticRegression(C=c, class_weight="balanced", max_iter=1000).fit(z, y)
        w, b = model.coef_[0], float(model.intercept_[0])
    coef = w / scale
    return replace(
        verdict_settings(),
        intercept=float(b - float(np.dot(coef, mean))),
        coef={f: round(float(v), 6) for f, v in zip(names, coef)},
        supported_threshold=threshold,
    )


def _fit_signed(z: np.ndarray, y: np.ndarray, signs: Sequence[int], c: float) -> tuple[np.ndarray, float]:
    """scikit-learn's class-balanced L2 logistic regression (the same objective:
    ``0.5 |w|^2 + C * sum(weight_i * logloss_i)``, intercept not penalised) with each weight
    bounded to its sign (-1: <= 0, 1: >= 0, 0: free), solved by scipy's L-BFGS-B."""
    from scipy.optimize import minimize
    from scipy.special import expit

    sign = np.where(y == 1, 1.0, -1.0)
    n_pos = float((y == 1).sum())
    sample = np.where(y == 1, len(y) / (2 * n_pos), len(y) / (2 * (len(y) - n_pos)))

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:-1], theta[-1]
        m = sign * (z @ w + b)
        value = 0.5 * float(w @ w) + c * float(sample @ np.logaddexp(0.0, -m))
        g = -c * sample * sign * expit(-m)
        return value, np.append(w + z.T @ g, g.sum())

    bounds = [{-1: (None, 0.0), 1: (0.0, None)}.get(sign, (None, None)) for sign in signs] + [(None, None)]
    result = minimize(loss, np.zeros(z.shape[1] + 1), jac=True, method="L-BFGS-B", bounds=bounds,
                      options={"maxiter": 2000})
    return result.x[:-1], float(result.x[-1])


def predict(rows: Sequence[Row], settings: VerdictSettings) -> list[bool]:
    """The checker's supported/not decision for each row under ``settings``."""
    return [r.values is not None and is_supported(r.values, settings) for r in rows]


def _folds(rows: Sequence[Row], n: int = FOLDS) -> list[tuple[list[int], list[int]]]:
    from sklearn.model_selection import GroupKFold

    groups = [r.case.group for r in rows]
    n = min(n, len(set(groups)))
    if n < 2:
        raise InputError("E116")  # cross-validation needs two articles at least
    return [(list(a), list(b)) for a, b in GroupKFold(n_splits=n).split(rows, groups=groups)]


def _oof_scores(rows: Sequence[Row], names: Sequence[str], c: float) -> list[float]:
    """Out-of-fold P(supported) of every row (grouped folds); -1 for rows without features."""
    from ..claims.verdict import score

    out = [-1.0] * len(rows)
    for train, test in _folds(rows):
        settings = fit([rows[i] for i in train], names, c=c)
        for i in test:
            if rows[i].values is not None:
                out[i] = score(rows[i].values, settings)
    return out


def cross_validate(rows: Sequence[Row], names: Sequence[str] = MODEL, *, c: float = C, threshold: float = 0.5) -> float:
    """Balanced accuracy of the combiner fitted without each article's fold (grouped K-fold)."""
    with threadpool_limits(limits=1):
        scores = _oof_scores(rows, names, c)
    swapped = [r.values is not None and decisive(r.values) for r in rows]
    return balanced_accuracy(rows, [s >= threshold and not w for s, w in zip(scores, swapped)])


FeatureSets = dict[str, tuple[str, ...]]


def grid(rows: Sequence[Row], feature_sets: FeatureSets | None = None) -> dict[tuple[str, float, float], float]:
    """Grouped-CV balanced accuracy of every (feature set, C, threshold) on ``rows``
    (``feature_sets``: default ``FEATURE_SETS``)."""
    with threadpool_limits(limits=1):  # many tiny fits: BLAS threads only fight (20 s -> 0.1 s a fit when loaded)
        return _grid(rows, feature_sets or FEATURE_SETS)


def _grid(rows: Sequence[Row], feature_sets: FeatureSets) -> dict[tuple[str, float, float], float]:
    out: dict[tuple[str, float, float], float] = {}
    swapped = [r.values is not None and decisive(r.values) for r in rows]
    for name, names in feature_sets.items():
        for c in CS:
            scores = _oof_scores(rows, names, c)
            for t in THRESHOLDS:
                out[(name, c, t)] = balanced_accuracy(rows, [s >= t and not w for s, w in zip(scores, swapped)])
    return out


def _best(scores: dict[tuple[str, float, float], float], feature_sets: FeatureSets | None = None) -> tuple[str, float, float]:
    """The best cell; ties keep the smaller feature set, the stronger regularisation and the
    threshold nearest 0.5."""
    order = list(feature_sets or FEATURE_SETS)
    return max(scores, key=lambda k: (round(scores[k], 4), -order.index(k[0]), -k[1], -abs(k[2] - 0.5)))


@dataclass(frozen=True)
class Selection:
    """What ``select`` chose, the settings fitted with it on all rows, and its CV figures."""

    feature_set: str
    c: float
    threshold: float
    settings: VerdictSettings
    cv_balanced_accuracy: float  # of the chosen cell (optimistic: the choice saw these folds)
    nested_cv_balanced_accuracy: float  # the whole choice re-made inside each outer fold
    per_feature_set: dict[str, float]  # best CV balanced accuracy of each feature set


def select(rows: Sequence[Row], feature_sets: FeatureSets | None = None) -> Selection:
    """Choose feature set, C and threshold by grouped CV on ``rows``; fit on all of them
    (``feature_sets``: the sets to choose from, default ``FEATURE_SETS``)."""
    sets = feature_sets or FEATURE_SETS
    scores = grid(rows, sets)
    name, c, t = _best(scores, sets)
    predicted = [False] * len(rows)
    for train, test in _folds(rows):
        inner = [rows[i] for i in train]
        try:
            n_i, c_i, t_i = _best(grid(inner, sets), sets)
        except InputError:  # too few articles left to choose inside this fold: keep the outer choice
            n_i, c_i, t_i = name, c, t
        chosen = fit(inner, sets[n_i], c=c_i, threshold=t_i)
        for i, p in zip(test, predict([rows[i] for i in test], chosen)):
            predicted[i] = p
    per_set = {fs: round(max(v for k, v in scores.items() if k[0] == fs), 4) for fs in sets}
    return Selection(
        name, c, t, fit(rows, sets[name], c=c, threshold=t), round(scores[(name, c, t)], 4),
        round(balanced_accuracy(rows, predicted), 4), per_set,
    )


def word_combiner_of(selection: Selection) -> WordCombiner:
    """The word-level combiner a ``select(rows, WORD_SETS)`` fitted on all its rows."""
    return WordCombiner(selection.settings.intercept, dict(selection.settings.coef))


def oof_word_scores(rows: Sequence[Row], names: Sequence[str], c: float) -> list[float | None]:
    """Out-of-fold ``word_score`` of every row (grouped folds; None for rows without features):
    what a stack fitted on these rows must see, since an in-sample word score would look surer
    than it is on unseen articles and be over-weighted against the model."""
    out: list[float | None] = [None] * len(rows)
    with threadpool_limits(limits=1):
        for train, test in _folds(rows):
            s = fit([rows[i] for i in train], names, c=c)
            word = WordCombiner(s.intercept, s.coef)
            for i in test:
                if rows[i].values is not None:
                    out[i] = word_logit(rows[i].values, word)
    return out


def select_words(rows: Sequence[Row]) -> tuple[Selection, list[float | None]]:
    """The word-level combiner chosen by grouped CV on ``rows`` (feature set, C; ``WORD_SETS``)
    and every row's out-of-fold ``word_score`` under that choice."""
    selection = select(rows, WORD_SETS)
    return selection, oof_word_scores(rows, WORD_SETS[selection.feature_set], selection.c)


def with_word(rows: Sequence[Row], word: WordCombiner) -> list[Row]:
    """``rows`` with ``word_score`` recomputed by the word-level combiner ``word``."""
    return [r if r.values is None else replace(r, values=with_word_score(r.values, word)) for r in rows]


def choose(rows: Sequence[Row]) -> tuple[str, dict[str, float]]:
    """The feature set with the best grouped-CV balanced accuracy on ``rows``, and every score."""
    scores = {name: round(cross_validate(rows, names), 4) for name, names in FEATURE_SETS.items()}
    best = max(FEATURE_SETS, key=lambda name: (scores[name], -len(FEATURE_SETS[name])))
    return best, scores


def settings_json(
    settings: VerdictSettings, *, fitted_on: str, base: Path = VERDICT_PATH, word_fitted_on: str = ""
) -> dict[str, Any]:
    """``settings`` in verdict.json's form (the shipped file's _doc and hand-set keys kept; the
    word-level combiner's ``fitted_on`` is ``word_fitted_on`` when given)."""
    data: dict[str, Any] = json.loads(base.read_text(encoding="utf-8"))
    data.update(
        fitted_on=fitted_on,
        intercept=round(settings.intercept, 6),
        coef=settings.coef,
        supported_threshold=settings.supported_threshold,
        contradiction_threshold=settings.contradiction_threshold,
        finding_contradiction_min=settings.finding_contradiction_min,
    )
    if settings.word.coef:
        fitted = data.get("word_combiner", {}).get("fitted_on", "")
        data["word_combiner"] = {"fitted_on": word_fitted_on or fitted, "intercept": round(settings.word.intercept, 6),
                                 "coef": {k: round(v, 6) for k, v in settings.word.coef.items()}}
    return data


def write(settings: VerdictSettings, *, fitted_on: str, path: Path = VERDICT_PATH) -> Path:
    """Store the combiner in ``path`` (default the shipped verdict.json; its _doc kept)."""
    data = settings_json(settings, fitted_on=fitted_on)
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    verdict_settings.cache_clear()
    return path


__all__ = [
    "AGAINST", "CS", "FEATURE_SETS", "FOR", "THRESHOLDS", "WORD_SETS", "Selection", "balanced_accuracy", "choose", "cross_validate", "fit",
    "grid", "oof_word_scores", "predict", "select", "select_words", "settings_json", "with_word", "word_combiner_of",
    "write",
]

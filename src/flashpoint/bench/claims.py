"""Accuracy and speed of the statement checker on public benchmarks and on built cases.

Three sources of labelled (article, statement) pairs:

- SummEdits news tune (``summedits_news_tune.json``): edited one-sentence summaries of scraped
  news pages, label 1 = consistent. Reported by leave-one-article-out cross-validation (the
  model is re-fitted without the article it is scored on, with FRANK valid), and per edit type.
- FRANK CNN/DM (``frank_cnndm.json``): system summaries, consistent when ``factuality == 1.0``;
  the model is fitted on ``split == "valid"`` (plus SummEdits tune) and reported on ``"test"``.
- FactCC-style cases built here from the bundled sample articles (``examples/``): sentences
  kept or lightly paraphrased (supported) and the same sentences with a swapped name, number,
  date or role, or an added negation (must not be supported).

``fit`` re-fits the logistic weights in ``claims/data/weights.json`` on the tuning splits only.
Raw scraped pages are cleaned with ``flashpoint.ingest`` first, as the pipeline would.
"""

from __future__ import annotations

import json
import math
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..claims.compare import compare
from ..claims.index import build_index
from ..claims.lexicon import WEIGHTS_FILE, lexicon, weights
from ..claims.verdict import decide
from ..errors import InputError
from ..nlp import parse_many

SUMMEDITS_FILE = "summedits_news_tune.json"
FRANK_FILE = "frank_cnndm.json"


@dataclass(frozen=True)
class Case:
    """One labelled pair: ``label`` is 1 when the article supports the statement."""

    article: str
    statement: str
    label: int
    group: str
    split: str = ""
    edit_types: tuple[str, ...] = ()


@dataclass
class Row:
    """A case with the checker's features and its verdict under the current weights."""

    case: Case
    features: dict[str, float]
    verdict: str
    score: float
    reason: str


@dataclass
class RunStats:
    rows: list[Row]
    seconds: float
    articles: int

    @property
    def statements_per_s(self) -> float:
        return len(self.rows) / self.seconds if self.seconds > 0 else float("inf")


@dataclass
class Metrics:
    n: int
    balanced_accuracy: float
    recall_supported: float
    recall_unsupported: float
    per_edit_type: dict[str, float] = field(default_factory=dict)


def load_summedits(path: Path) -> list[Case]:
    rows = _load_json(path)
    return [
        Case(
            r["doc"],
            r["summary"],
            int(r["label"]),
            group=str(hash(r["doc"]) & 0xFFFFFFFF),
            split=str(r.get("split", "")),
            edit_types=tuple(r.get("edit_types") or ()),
        )
        for r in rows
    ]


def load_frank(path: Path) -> list[Case]:
    rows = _load_json(path)
    return [
        Case(
            r["article"],
            r["summary"],
            1 if float(r["factuality"]) == 1.0 else 0,
            group=str(r.get("hash", "")),
            split=str(r["split"]),
        )
        for r in rows
    ]


def _load_json(path: Path) -> list[dict[str, Any]]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(f"benchmark file {path} cannot be read: {e}") from e


def clean_article(text: str) -> str:
    """The article body the pipeline would check against (boilerplate removed)."""
    try:
        from ..ingest import read_text
        from ..records import Article
    except ImportError:  # ingest not available: use the page as it is
        return text
    item = read_text(text)
    return item.text if isinstance(item, Article) and item.text.strip() else text


def run(cases: Sequence[Case], *, clean: bool = True, batch_size: int = 32) -> RunStats:
    """Check every case (each distinct article parsed and indexed once); time the whole run."""
    start = time.perf_counter()
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, case in enumerate(cases):
        by_article[case.article].append(i)
    texts = list(by_article)
    bodies = [clean_article(t) if clean else t for t in texts]
    statements = [cases[i].statement for t in texts for i in by_article[t]]
    docs = parse_many([*bodies, *statements], batch_size=batch_size)
    body_docs = [next(docs) for _ in bodies]
    rows: list[Row | None] = [None] * len(cases)
    for text, body, body_doc in zip(texts, bodies, body_docs):
        index = build_index(body_doc)
        for i in by_article[text]:
            statement_doc = next(docs)
            comparison = compare(index, statement_doc)
            check = decide(body, cases[i].statement, comparison)
            rows[i] = Row(cases[i], comparison.features, check.verdict, check.score, check.reason)
    seconds = time.perf_counter() - start
    return RunStats([r for r in rows if r is not None], seconds, len(texts))


# --- scoring ----------------------------------------------------------------------------------


def probability(features: dict[str, float], model: dict[str, Any]) -> float:
    z = model["intercept"] + sum(model["coef"].get(k, 0.0) * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def current_model() -> dict[str, Any]:
    w = weights()
    return {"intercept": w.intercept, "coef": dict(w.coef), "threshold": w.supported_threshold}


def evaluate(rows: Iterable[Row], predictions: Iterable[bool]) -> Metrics:
    """Balanced accuracy of 'supported' vs 'not supported', and recall per edit type."""
    tp = fn = tn = fp = 0
    by_type: dict[str, list[bool]] = defaultdict(list)
    n = 0
    for row, supported in zip(rows, predictions):
        n += 1
        if row.case.label == 1:
            tp += supported
            fn += not supported
            by_type["consistent"].append(supported)
        else:
            tn += not supported
            fp += supported
            for t in row.case.edit_types or ("unlabelled_edit",):
                by_type[t].append(not supported)
    r_pos = tp / (tp + fn) if tp + fn else float("nan")
    r_neg = tn / (tn + fp) if tn + fp else float("nan")
    per_type = {t: sum(v) / len(v) for t, v in sorted(by_type.items())}
    return Metrics(n, (r_pos + r_neg) / 2, r_pos, r_neg, per_type)


def predict(rows: Sequence[Row], model: dict[str, Any]) -> list[bool]:
    return [probability(r.features, model) >= model["threshold"] for r in rows]


def fit(rows: Sequence[Row], *, c: float = 0.5) -> dict[str, Any]:
    """Fit the logistic weights (class-balanced, L2) on ``rows``; raw-feature coefficients."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    names = sorted(rows[0].features)
    x = np.array([[r.features[k] for k in names] for r in rows], dtype=float)
    y = np.array([r.case.label for r in rows])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
    model.fit((x - mean) / scale, y)
    coef = model.coef_[0] / scale
    intercept = float(model.intercept_[0] - (model.coef_[0] * mean / scale).sum())
    return {
        "intercept": intercept,
        "coef": {k: float(v) for k, v in zip(names, coef)},
        "threshold": 0.5,
    }


def cross_validate(rows: Sequence[Row], extra: Sequence[Row], *, c: float = 0.5) -> list[bool]:
    """Leave-one-group-out predictions: each group scored by a model fitted without it."""
    groups = sorted({r.case.group for r in rows})
    out: dict[int, bool] = {}
    for g in groups:
        train = [r for r in rows if r.case.group != g] + list(extra)
        model = fit(train, c=c)
        for i, r in enumerate(rows):
            if r.case.group == g:
                out[i] = probability(r.features, model) >= model["threshold"]
    return [out[i] for i in range(len(rows))]


def write_weights(model: dict[str, Any], *, fitted_on: str, path: Path | None = None) -> Path:
    """Store a fitted model in ``claims/data/weights.json`` (thresholds kept)."""
    target = path or Path(__file__).resolve().parents[1] / "claims" / "data" / WEIGHTS_FILE
    data = json.loads(target.read_text(encoding="utf-8"))
    data["intercept"] = round(model["intercept"], 6)
    data["coef"] = {k: round(v, 6) for k, v in sorted(model["coef"].items())}
    data["supported_threshold"] = model["threshold"]
    data["fitted_on"] = fitted_on
    target.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    weights.cache_clear()
    lexicon.cache_clear()
    return target


__all__ = [
    "Case",
    "Metrics",
    "Row",
    "RunStats",
    "cross_validate",
    "evaluate",
    "fit",
    "load_frank",
    "load_summedits",
    "predict",
    "run",
    "write_weights",
]

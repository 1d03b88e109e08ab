"""Train the five-way class model on the ConfliBERT TRAIN split: ``python -m flashpoint.events.train``.

Reproducible (fixed solver, no randomness) and offline: it reads
``conflibert_cameo_class_train.tsv`` from ``--path`` (default ``../shared/benchmarks/events``),
parses it with the project's spaCy pipeline, fits a TF-IDF + logistic-regression model over
``classifier.features`` and writes the weights as JSON to ``events/data/classifier.json``.
Only the train split is read; the test split and the PLOVER records stay for measuring.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .. import checkout
from .classifier import MODEL_FILE, analyzer, features

OUT = Path(__file__).resolve().parent / "data" / MODEL_FILE
C = 10.0  # chosen by 5-fold cross-validation on the train split (1, 3, 10)
MIN_WEIGHT = 0.05  # features whose largest |weight x idf| is below this are dropped (file size)


def train(path: Path, out: Path = OUT) -> dict[str, int]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from ..nlp import get_nlp

    file = path / "conflibert_cameo_class_train.tsv"
    rows = []
    for line in file.read_text(encoding="utf-8").splitlines():
        text, _, label = line.rpartition("\t")
        if label.strip().isdigit() and text.strip():
            rows.append((text.strip(), int(label)))
    docs = get_nlp().pipe([t for t, _ in rows], batch_size=64)
    texts = [features(doc) for doc in docs]
    labels = [c for _, c in rows]
    vectorizer = TfidfVectorizer(analyzer=analyzer, min_df=2, sublinear_tf=True)
    matrix = vectorizer.fit_transform(texts)
    model = LogisticRegression(C=C, max_iter=5000).fit(matrix, labels)
    weights = {}
    for gram, index in sorted(vectorizer.vocabulary_.items()):
        idf = float(vectorizer.idf_[index])
        column = [float(model.coef_[c][index]) for c in range(len(model.classes_))]
        if max(abs(w) for w in column) * idf < MIN_WEIGHT:
            continue
        weights[gram] = [round(idf, 4), *(round(w, 4) for w in column)]
    payload = {
        "about": "Five-way ConfliBERT class model (TF-IDF sublinear tf, l2 norm; logistic regression "
        f"C={C}) trained on conflibert_cameo_class_train.tsv only by python -m flashpoint.events.train.",
        "classes": [int(c) for c in model.classes_],
        "intercepts": [round(float(b), 4) for b in model.intercept_],
        "weights": weights,
    }
    out.write_text(json.dumps(payload, separators=(",", ":")) + "\n", encoding="utf-8")
    return {"sentences": len(rows), "features": len(weights)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m flashpoint.events.train")
    parser.add_argument("--path", type=Path, default=checkout.benchmarks_dir("events"))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not (args.path / "conflibert_cameo_class_train.tsv").is_file():
        sys.stderr.write(f"train split not found in {args.path}; pass --path\n")
        return 2
    stats = train(args.path, args.out)
    sys.stdout.write(
        f"trained on {stats['sentences']} sentences, {stats['features']} features -> {args.out}\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

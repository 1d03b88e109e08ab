"""Train the five-way class model on the ConfliBERT TRAIN split: ``python -m flashpoint.events.train``.

Reproducible (fixed solver, no randomness) and offline: it reads
``conflibert_cameo_class_train.tsv`` from ``--path`` (default ``../shared/benchmarks/events``),
parses it with the project's spaCy pipeline, fits a TF-IDF + logistic-regression model over
``classifier.features`` and writes the weights as JSON to ``events/data/classifier.json``. The
features include, for each verb and noun, the CAMEO roots PETRARCH2's verb dictionary gives its
lemma (``events/petrarch.py``, read from ``--lexicon``, default ``../shared/lexicons/petrarch2``);
the lemma -> roots table is written into the model file, which predicts with it.
Only the train split is fitted on; the test split, the PLOVER records and the VOA quotes stay
for measuring. Because the ConfliBERT sentences, the PLOVER records and news quotes can repeat one
another, a training sentence that is, or contains, or is contained in a sentence of a reported
set (``REPORTED``, compared after ``normalise``) is dropped before fitting, and the file records
which sets were checked and how many sentences went (``held_out`` in the model file).

It also chooses, by 5-fold cross-validation on the same split, how sure the model must be before
an event rests on it alone (the ``invent`` threshold of ``classifier.adjust``): the lowest
probability at which the model's out-of-fold classes are as precise as the rules' own first
events on the sentences where the rules are sure. An event with no word to show for it should be
no likelier wrong than one the rules found. The choice and its evidence go into the file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from .. import checkout
from . import tables
from .classifier import MODEL_FILE, analyzer, features, unsure
from .petrarch import VERB_FILE, read_verb_roots
from .salience import found_events

OUT = Path(__file__).resolve().parent / "data" / MODEL_FILE
LEXICON = Path("lexicons") / "petrarch2"  # under ../shared: PETRARCH2's dictionaries
C = 10.0  # chosen by 5-fold cross-validation on the train split (1, 3, 10)
MIN_WEIGHT = 0.05  # features whose largest |weight x idf| is below this are dropped (file size)
FOLDS = 5
SEED = 0  # the fold shuffle; fixed so that a retrain gives the same thresholds
INVENT_GRID = tuple(round(0.5 + 0.05 * i, 2) for i in range(10))  # 0.50 ... 0.95
FILL = 0.5  # a model class looked for among the sentence's own words (not fitted)
# the sets the figures are reported on (bench/events.py): file -> how its sentences are read
REPORTED = {
    "conflibert_cameo_class_test.tsv": "tsv",
    "plover_gsr_cameo.json": "plover",
    "ngec_voa_quotes_dev.jsonl": "voa",
}
MIN_SHARED_CHARS = 30  # a shorter normalised text is no evidence of a shared sentence


def normalise(text: str) -> str:
    """Lower case, one apostrophe, words only: the same sentence in two files compares equal
    ("Yemen’s" in one, "Yemen 's" in another)."""
    text = text.lower().replace("\u2019", "'").replace("\u02bc", "'")
    return " ".join(re.findall(r"\w+", text))


def read_sentences(file: Path, kind: str) -> list[str]:
    """The sentences of one reported set (``REPORTED``)."""
    raw = file.read_text(encoding="utf-8")
    if kind == "tsv":
        return [t.strip() for t, _, c in (ln.rpartition("\t") for ln in raw.splitlines()) if t]
    if kind == "plover":
        return [r["text"] for r in json.loads(raw) if isinstance(r, dict) and r.get("text")]
    return [json.loads(ln)["quote"] for ln in raw.splitlines() if ln.strip()]


def reported_sentences(path: Path) -> tuple[list[str], list[str]]:
    """Normalised sentences of the reported sets found in ``path``, and the files read."""
    found = [name for name in REPORTED if (path / name).is_file()]
    texts = {normalise(t) for name in found for t in read_sentences(path / name, REPORTED[name])}
    return sorted(t for t in texts if len(t) >= MIN_SHARED_CHARS), found


def overlapping(text: str, reported: list[str]) -> bool:
    """Is the sentence one of the reported ones, or does one contain the other (a quote is
    often a clause of a longer sentence)?"""
    mine = normalise(text)
    return any(r in mine or (len(mine) >= MIN_SHARED_CHARS and mine in r) for r in reported)


def rules_precision(docs: list[Any], labels: list[int]) -> tuple[float, int]:
    """Share of the sentences where the rules are sure whose first event has the gold class."""
    right = n = 0
    for doc, label in zip(docs, labels, strict=True):
        founds = next((f for s in doc.sents if (f := list(found_events(s)))), [])
        if founds and not unsure(founds):
            n += 1
            right += tables.info(founds[0].code).class5 == label
    return (right / n if n else 1.0), n


def choose_invent(
    probabilities: Any, labels: list[int], target: float
) -> tuple[float, dict[str, list[float]]]:
    """The lowest grid threshold at which out-of-fold non-statement classes reach ``target``
    precision (1.0 = never invent), with the precision and count at every grid point."""
    best = None
    curve: dict[str, list[float]] = {}
    for t in INVENT_GRID:
        kept = [
            (int(p.argmax()), y)
            for p, y in zip(probabilities, labels, strict=True)
            if p.max() >= t and int(p.argmax()) != 0
        ]
        precision = sum(k == y for k, y in kept) / len(kept) if kept else 0.0
        curve[f"{t:.2f}"] = [round(precision, 4), len(kept)]
        if best is None and kept and precision >= target:
            best = t
    return (best if best is not None else 1.0), curve


def _fit(texts: list[str], labels: list[int]) -> tuple[Any, Any]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(analyzer=analyzer, min_df=2, sublinear_tf=True)
    matrix = vectorizer.fit_transform(texts)
    return vectorizer, LogisticRegression(C=C, max_iter=5000).fit(matrix, labels)


def out_of_fold(texts: list[str], labels: list[int]) -> Any:
    """Class probabilities of every sentence from a model that did not see it (stratified folds)."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    probabilities = np.zeros((len(texts), len(set(labels))))
    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=SEED)
    for fit_rows, held in folds.split(np.zeros(len(texts)), labels):
        vectorizer, model = _fit([texts[i] for i in fit_rows], [labels[i] for i in fit_rows])
        probabilities[held] = model.predict_proba(vectorizer.transform([texts[i] for i in held]))
    return probabilities


def train(path: Path, lexicon: Path, out: Path = OUT) -> dict[str, Any]:
    """Fit the model on the train split in ``path`` with PETRARCH2's verb roots from ``lexicon``
    as features, choose its policy by CV and write it to ``out`` (module docstring)."""
    from ..nlp import get_nlp

    file = path / "conflibert_cameo_class_train.tsv"
    rows = []
    for line in file.read_text(encoding="utf-8").splitlines():
        text, _, label = line.rpartition("\t")
        if label.strip().isdigit() and text.strip():
            rows.append((text.strip(), int(label)))
    reported, checked = reported_sentences(path)
    kept = [(t, c) for t, c in rows if not overlapping(t, reported)]
    dropped, rows = len(rows) - len(kept), kept
    docs = list(get_nlp().pipe([t for t, _ in rows], batch_size=64))
    verb_roots, roots_source = read_verb_roots(lexicon)
    texts = [features(doc, verb_roots) for doc in docs]
    labels = [c for _, c in rows]
    target, sure = rules_precision(docs, labels)
    invent, curve = choose_invent(out_of_fold(texts, labels), labels, target)
    vectorizer, model = _fit(texts, labels)
    weights = {}
    for gram, index in sorted(vectorizer.vocabulary_.items()):
        idf = float(vectorizer.idf_[index])
        column = [float(model.coef_[c][index]) for c in range(len(model.classes_))]
        if max(abs(w) for w in column) * idf < MIN_WEIGHT:
            continue
        weights[gram] = [round(idf, 4), *(round(w, 4) for w in column)]
    payload = {
        "about": "Five-way ConfliBERT class model (TF-IDF sublinear tf, l2 norm; logistic regression "
        f"C={C}) trained on conflibert_cameo_class_train.tsv only by python -m flashpoint.events.train, "
        "with the CAMEO roots of PETRARCH2's verbs as features (verb_roots, verb_roots_source); "
        "policy thresholds chosen by cross-validation on the same split (policy_evidence).",
        "held_out": {"checked": checked, "dropped_train_sentences": dropped},
        "verb_roots_source": roots_source,
        "policy": {"fill": FILL, "invent": invent},
        "policy_evidence": {
            "invent": f"lowest of {INVENT_GRID[0]}..{INVENT_GRID[-1]} where the {FOLDS}-fold "
            f"out-of-fold precision of the model's classes 1-4 (seed {SEED}) reaches the rules' "
            "own precision on the train sentences where they are sure",
            "rules_precision": round(target, 4),
            "rules_sure_sentences": sure,
            "out_of_fold_precision_and_count": curve,
        },
        "classes": [int(c) for c in model.classes_],
        "intercepts": [round(float(b), 4) for b in model.intercept_],
        "weights": weights,
        "verb_roots": verb_roots,
    }
    out.write_text(json.dumps(payload, separators=(",", ":")) + "\n", encoding="utf-8")
    return {
        "sentences": len(rows),
        "dropped": dropped,
        "features": len(weights),
        "invent": invent,
        "target": target,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m flashpoint.events.train")
    parser.add_argument("--path", type=Path, default=checkout.benchmarks_dir("events"))
    parser.add_argument("--lexicon", type=Path, default=checkout.shared_dir() / LEXICON)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not (args.path / "conflibert_cameo_class_train.tsv").is_file():
        sys.stderr.write(f"train split not found in {args.path}; pass --path\n")
        return 2
    if not (args.lexicon / VERB_FILE).is_file():
        sys.stderr.write(f"PETRARCH2 verb dictionary not found in {args.lexicon}; pass --lexicon\n")
        return 2
    stats = train(args.path, args.lexicon, args.out)
    sys.stdout.write(
        f"trained on {stats['sentences']} sentences ({stats['dropped']} dropped as in a reported "
        f"set), {stats['features']} features, invent "
        f"threshold {stats['invent']} (rules' precision {stats['target']:.4f}) -> {args.out}\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

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
from ..records import content_id

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
    dataset: str = ""


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
            group=content_id(r["doc"]),
            split=str(r.get("split", "")),
            edit_types=tuple(r.get("edit_types") or ()),
            dataset="summedits",
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
            dataset="frank",
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
    """Fit the logistic weights (L2) on ``rows``; raw-feature coefficients.

    Each dataset weighs the same in total, and within it both classes weigh the same, so the
    hundreds of FRANK summaries do not drown the edited SummEdits statements.
    """
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    names = sorted(rows[0].features)
    x = np.array([[r.features[k] for k in names] for r in rows], dtype=float)
    y = np.array([r.case.label for r in rows])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    counts: dict[tuple[str, int], int] = defaultdict(int)
    for r in rows:
        counts[(r.case.dataset, r.case.label)] += 1
    sample_weight = np.array([1.0 / counts[(r.case.dataset, r.case.label)] for r in rows])
    sample_weight *= len(rows) / sample_weight.sum()
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit((x - mean) / scale, y, sample_weight=sample_weight)
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


# --- FactCC-style cases from the bundled sample articles ---------------------------------------

_MONTH_NAMES = (
    "January February March April May June July August September October November December".split()
)
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_SPARE_PLACES = ("Brazil", "Canada", "Norway", "Kenya", "Peru")
_SPARE_PEOPLE = ("Maria Lopez", "John Carter", "Anna Berg")


@dataclass(frozen=True)
class BuiltCase:
    """A FactCC-style case: ``kind`` is original, paraphrase or the corruption applied."""

    article: str
    statement: str
    label: int
    kind: str


def build_cases(examples: Path, *, per_article: int = 4) -> list[BuiltCase]:
    """Supported and corrupted statements made from sentences of the sample articles.

    Kept: the sentence itself, and a light paraphrase (attribution dropped, a reporting verb
    swapped). Corrupted (must not be supported): a name swapped for another of the same type,
    a number changed, a month or weekday changed, subject and object swapped, a negation added.
    """
    from ..ingest import read_path
    from ..records import Article

    articles = [a for a in read_path(examples) if isinstance(a, Article) and a.language == "en"]
    docs = parse_many([a.text for a in articles])
    cases: list[BuiltCase] = []
    for article, doc in zip(articles, docs):
        taken = 0
        names_by_label: dict[str, list[str]] = defaultdict(list)
        for ent in doc.ents:
            if ent.text not in names_by_label[ent.label_]:
                names_by_label[ent.label_].append(ent.text)
        for sent in doc.sents:
            words = [t for t in sent if not t.is_punct]
            if len(words) < 8 or len(words) > 45 or '"' in sent.text or "\n" in sent.text.strip():
                continue
            made = _corrupt(sent, names_by_label)
            if not made:
                continue
            text = sent.text.strip()
            cases.append(BuiltCase(article.text, text, 1, "original"))
            para = _paraphrase(sent)
            if para and para != text:
                cases.append(BuiltCase(article.text, para, 1, "paraphrase"))
            cases.extend(BuiltCase(article.text, s, 0, kind) for kind, s in made)
            taken += 1
            if taken >= per_article:
                break
    return cases


def _replace(sent: Any, start: int, end: int, new: str) -> str:
    """The sentence with characters [start, end) (doc offsets) replaced."""
    base = sent.start_char
    text = sent.text
    return (text[: start - base] + new + text[end - base :]).strip()


def _paraphrase(sent: Any) -> str | None:
    for tok in sent:  # drop a trailing attribution: ", officials said."
        if tok.lemma_ == "say" and tok.i > sent.start and sent.doc[tok.i - 1].dep_ in ("nsubj",):
            comma = [t for t in sent if t.text == "," and t.i < tok.i]
            if comma and tok.dep_ in ("parataxis", "ROOT") and tok.i >= sent.end - 3:
                return _replace(sent, comma[-1].idx, sent.end_char, ".").replace(" .", ".")
    swaps = {"said": "stated", "agreed": "consented", "told": "informed", "warned": "cautioned"}
    for tok in sent:
        if tok.lower_ in swaps and tok.pos_ == "VERB":
            return _replace(sent, tok.idx, tok.idx + len(tok.text), swaps[tok.lower_])
    return None


def _corrupt(sent: Any, names_by_label: dict[str, list[str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    # Entity swap: another name of the same type from the same article (or a spare one).
    for ent in sent.ents:
        if ent.label_ in ("GPE", "PERSON", "ORG", "NORP"):
            others = [
                n for n in names_by_label[ent.label_] if n not in sent.text and n.lower() not in ent.text.lower()
            ]
            spare = _SPARE_PEOPLE if ent.label_ == "PERSON" else _SPARE_PLACES
            if ent.label_ in ("GPE", "PERSON"):
                others = others or [s for s in spare if s not in sent.text]
            if others:
                out.append(("entity_swap", _replace(sent, ent.start_char, ent.end_char, others[0])))
                break
    # Number swap.
    for tok in sent:
        if tok.like_num and tok.text.isdigit() and tok.ent_type_ != "DATE":
            new = str(int(tok.text) * 2 + 3)
            out.append(("number_swap", _replace(sent, tok.idx, tok.idx + len(tok.text), new)))
            break
    # Date swap: a month or weekday.
    for tok in sent:
        for names in (_MONTH_NAMES, _WEEKDAYS):
            if tok.text in names:
                new = names[(names.index(tok.text) + 3) % len(names)]
                out.append(("date_swap", _replace(sent, tok.idx, tok.idx + len(tok.text), new)))
                break
        else:
            continue
        break
    # Role swap: subject and object names exchanged.
    for tok in sent:
        if tok.dep_ == "ROOT" and tok.pos_ == "VERB":
            subj = [c for c in tok.children if c.dep_ == "nsubj" and c.ent_type_ in ("GPE", "PERSON", "ORG", "NORP")]
            obj = [c for c in tok.children if c.dep_ == "dobj" and c.ent_type_ in ("GPE", "PERSON", "ORG", "NORP")]
            if subj and obj:
                s_ent = _ent_of(subj[0])
                o_ent = _ent_of(obj[0])
                if s_ent is not None and o_ent is not None and s_ent.text != o_ent.text:
                    text = sent.text
                    base = sent.start_char
                    swapped = (
                        text[: s_ent.start_char - base]
                        + o_ent.text
                        + text[s_ent.end_char - base : o_ent.start_char - base]
                        + s_ent.text
                        + text[o_ent.end_char - base :]
                    )
                    out.append(("role_swap", swapped.strip()))
            break
    # Negation: "has agreed" -> "has not agreed"; "agreed" -> "did not agree".
    root = next((t for t in sent if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")), None)
    if root is not None and not any(c.dep_ == "neg" for c in root.children):
        aux = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i]
        if aux:
            a = aux[0]
            out.append(("negation", _replace(sent, a.idx, a.idx + len(a.text), a.text + " not")))
        elif root.tag_ == "VBD" and root.pos_ == "VERB":
            out.append(("negation", _replace(sent, root.idx, root.idx + len(root.text), "did not " + root.lemma_)))
        elif root.tag_ == "VBD" and root.lemma_ == "be":
            out.append(("negation", _replace(sent, root.idx, root.idx + len(root.text), root.text + " not")))
    return out


def _ent_of(token: Any) -> Any | None:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def run_built(cases: Sequence[BuiltCase]) -> tuple[dict[str, float], float, list[tuple[BuiltCase, Any]]]:
    """Accuracy per case kind, overall balanced accuracy, and the wrong cases."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(cases):
        by_article[c.article].append(i)
    verdicts: dict[int, Any] = {}
    texts = list(by_article)
    statement_order = [i for t in texts for i in by_article[t]]
    docs = parse_many([*texts, *(cases[i].statement for i in statement_order)])
    bodies = [next(docs) for _ in texts]
    from ..claims.check import check_parsed

    for text, body in zip(texts, bodies):
        index = build_index(body)
        for i in by_article[text]:
            verdicts[i] = check_parsed(text, index, cases[i].statement, next(docs))
    per_kind: dict[str, list[bool]] = defaultdict(list)
    wrong = []
    for i, c in enumerate(cases):
        ok = (verdicts[i].verdict == "supported") == bool(c.label)
        per_kind[c.kind].append(ok)
        if not ok:
            wrong.append((c, verdicts[i]))
    pos = [ok for i, c in enumerate(cases) if c.label == 1 for ok in [per_kind_ok(verdicts[i], c)]]
    neg = [ok for i, c in enumerate(cases) if c.label == 0 for ok in [per_kind_ok(verdicts[i], c)]]
    bal = (sum(pos) / len(pos) + sum(neg) / len(neg)) / 2 if pos and neg else float("nan")
    return {k: sum(v) / len(v) for k, v in sorted(per_kind.items())}, bal, wrong


def per_kind_ok(check: Any, case: BuiltCase) -> bool:
    return (check.verdict == "supported") == bool(case.label)

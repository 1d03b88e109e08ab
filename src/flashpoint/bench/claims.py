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

import functools
import json
import math
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import checkout
from ..claims.compare import LOWERCASED, compare
from ..claims.index import build_index
from ..claims.lexicon import WEIGHTS_FILE, lexicon, weights
from ..claims.verdict import DECISIVE_FEATURES, decide
from ..errors import InputError
from ..nlp import parse_many
from ..records import content_id
from . import floors
from .floors import below_floors

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
    check_seconds: float = 0.0
    statement_parse_seconds: float = 0.0

    @property
    def statements_per_s(self) -> float:
        return len(self.rows) / self.seconds if self.seconds > 0 else float("inf")

    @property
    def check_statements_per_s(self) -> float:
        return len(self.rows) / self.check_seconds if self.check_seconds > 0 else float("inf")

    @property
    def marginal_statements_per_s(self) -> float:
        """Statements/s once the article is parsed: statement parse + check."""
        spent = self.check_seconds + self.statement_parse_seconds
        return len(self.rows) / spent if spent > 0 else float("inf")


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
        raise InputError("E115", path=path, reason=e) from e


def clean_article(text: str) -> str:
    """The article body the pipeline would check against (boilerplate removed)."""
    try:
        from ..ingest import read_text
        from ..records import Article
    except ImportError:  # ingest not available: use the page as it is
        return text
    item = read_text(text)
    return item.text if isinstance(item, Article) and item.text.strip() else text


def run(cases: Sequence[Case], *, clean: bool = True, batch_size: int = 32, n_process: int = 1) -> RunStats:
    """Check every case (each distinct article parsed and indexed once); time the whole run.

    ``seconds`` covers everything (cleaning, parsing articles and statements, checking);
    ``check_seconds`` only the claims stage itself (index, align, decide);
    ``statement_parse_seconds`` the parse of the statements. In the pipeline the article's parse
    is shared with the event coder, so what checking adds is statement parse + check.

    With ``n_process > 1`` the articles are split between that many worker processes, each
    with its model loaded before the clock starts (as the pipeline's long-lived workers are);
    the per-stage seconds are then summed over workers and divided by ``n_process``.
    """
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, case in enumerate(cases):
        by_article[case.article].append(i)
    groups = [[(i, cases[i]) for i in idx] for idx in by_article.values()]
    if n_process <= 1:
        start = time.perf_counter()
        part = _run_groups(groups, clean, batch_size)
        seconds = time.perf_counter() - start
        parts = [part]
    else:
        from concurrent.futures import ProcessPoolExecutor

        chunks = [groups[k::n_process] for k in range(n_process)]
        with ProcessPoolExecutor(max_workers=n_process, initializer=_warm) as pool:
            list(pool.map(_ready, range(n_process)))  # models loaded before timing
            start = time.perf_counter()
            parts = list(pool.map(_run_groups, chunks, [clean] * n_process, [batch_size] * n_process))
            seconds = time.perf_counter() - start
    rows: list[Row | None] = [None] * len(cases)
    for part in parts:
        for i, row in part[0]:
            rows[i] = row
    check = sum(p[1] for p in parts) / len(parts)
    statement_parse = sum(p[2] for p in parts) / len(parts)
    return RunStats([r for r in rows if r is not None], seconds, len(groups), check, statement_parse)


def _warm() -> None:
    from ..nlp import get_nlp

    get_nlp()


def _ready(_: int) -> bool:
    return True


def _run_groups(
    groups: Sequence[Sequence[tuple[int, Case]]], clean: bool, batch_size: int
) -> tuple[list[tuple[int, Row]], float, float]:
    """Parse and check groups of cases that share an article; (rows, check s, statement parse s)."""
    from ..nlp import get_nlp

    nlp = get_nlp()
    bodies = [clean_article(g[0][1].article) if clean else g[0][1].article for g in groups]
    body_docs = list(nlp.pipe(bodies, batch_size=batch_size))
    t0 = time.perf_counter()
    statement_docs = iter(list(nlp.pipe([c.statement for g in groups for _, c in g], batch_size=batch_size)))
    statement_parse_seconds = time.perf_counter() - t0
    out: list[tuple[int, Row]] = []
    check_seconds = 0.0
    for group, body, body_doc in zip(groups, bodies, body_docs):
        t0 = time.perf_counter()
        index = build_index(body_doc)
        check_seconds += time.perf_counter() - t0
        for i, case in group:
            statement_doc = next(statement_docs)
            t0 = time.perf_counter()
            comparison = compare(index, statement_doc)
            verdict = decide(body, case.statement, comparison)
            check_seconds += time.perf_counter() - t0
            out.append((i, Row(case, comparison.features, verdict.verdict, verdict.score, verdict.reason)))
    return out, check_seconds, statement_parse_seconds


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
        built = row.case.dataset == "built"
        if row.case.label == 1:
            tp += supported
            fn += not supported
            by_type[row.case.edit_types[0] if built else "consistent"].append(supported)
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
    """Supported or not under ``model``, with the checker's decisive findings applied as it does."""
    return [
        probability(r.features, model) >= model["threshold"]
        and not any(r.features.get(k, 0.0) > 0 for k in DECISIVE_FEATURES)
        for r in rows
    ]


_SUPPORT_FEATURES = frozenset(
    {"coverage_min", "core_coverage_min", "verb_coverage_min", "alignment_min", "copy_min", "role_match", "synonym",
     "alignment_mean", "core_coverage_mean"}
)


def feature_sign(name: str) -> int:
    """-1 when a feature can only count against support, +1 only for it, 0 either way.

    Fitting under these signs keeps the model honest outside the tuning data: a word the
    article lacks must never raise the score just because, in one benchmark, paraphrased
    verbs happened to be more frequent among consistent statements.
    """
    name = name.removesuffix(LOWERCASED)
    if name in _SUPPORT_FEATURES:
        return 1
    if name.endswith(("_novel", "_doc", "_window", "_mismatch")) or name in ("hedge", "commentary_novel", "role_swap", "hard_evidence"):
        return -1
    return 0


def fit(rows: Sequence[Row], *, c: float = 0.5) -> dict[str, Any]:
    """Fit the logistic weights (L2, sign-constrained) on ``rows``; raw-feature coefficients.

    Each dataset weighs the same in total, and within it both classes weigh the same, so the
    hundreds of FRANK summaries do not drown the edited SummEdits statements.
    """
    import numpy as np
    from scipy.optimize import minimize

    names = sorted(rows[0].features)
    x = np.array([[r.features[k] for k in names] for r in rows], dtype=float)
    y = np.array([r.case.label for r in rows], dtype=float)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    counts: dict[tuple[str, int], int] = defaultdict(int)
    for r in rows:
        counts[(r.case.dataset, r.case.label)] += 1
    sw = np.array([1.0 / counts[(r.case.dataset, r.case.label)] for r in rows])
    sw *= len(rows) / sw.sum()

    def loss(theta: Any) -> tuple[float, Any]:
        b, w = theta[0], theta[1:]
        logits = b + z @ w
        p = 1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30)))
        eps = 1e-12
        value = -(sw * (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))).sum() + (w @ w) / (2 * c)
        g = sw * (p - y)
        return float(value), np.concatenate([[g.sum()], z.T @ g + w / c])

    bounds = [(None, None)] + [
        {1: (0.0, None), -1: (None, 0.0), 0: (None, None)}[feature_sign(n)] for n in names
    ]
    result = minimize(loss, np.zeros(len(names) + 1), jac=True, method="L-BFGS-B", bounds=bounds)
    b, w = result.x[0], result.x[1:]
    coef = w / scale
    intercept = float(b - (w * mean / scale).sum())
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
                out[i] = predict([r], model)[0]
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




# --- FactCC-style cases from the bundled sample articles ---------------------------------------

_MONTH_NAMES = (
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
)
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_SPARE_PLACES = ("Brazil", "Canada", "Norway", "Kenya", "Peru")
_SPARE_PEOPLE = ("Maria Lopez", "John Carter", "Anna Berg")


def build_cases(examples: Path, *, per_article: int = 4) -> list[Case]:
    """Supported and corrupted statements made from sentences of the sample articles.

    Kept: the sentence itself, and a light paraphrase (attribution dropped, a reporting verb
    swapped). Corrupted (must not be supported): a name swapped for another of the same type,
    a number changed, a month or weekday changed, subject and object swapped, a negation added.
    The kind is the case's ``edit_types``; articles alternate between ``split`` "fit" and
    "report", so that weights fitted on some articles are reported on the others.
    """
    from ..ingest import read_path
    from ..records import Article

    articles = [a for a in read_path(examples) if isinstance(a, Article) and a.language == "en"]
    docs = parse_many([a.text for a in articles])
    cases: list[Case] = []
    chosen: dict[int, list[str]] = defaultdict(list)
    for n, (article, doc) in enumerate(zip(articles, docs)):
        split = "fit" if n % 2 == 0 else "report"
        case = functools.partial(_built_case, article.text, split)

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
            chosen[n].append(text)
            cases.append(case(text, 1, "original"))
            para = _paraphrase(sent)
            if para and para != text:
                cases.append(case(para, 1, "paraphrase"))
            cases.extend(case(s, 0, kind) for kind, s in made)
            taken += 1
            if taken >= per_article:
                break
    # Statements the article does not make at all: a sentence of another sample article, alone
    # or appended to one of this article's sentences (an inserted, unsupported fact).
    for n, article in enumerate(articles):
        other = chosen.get((n + 1) % len(articles), [])
        own = chosen.get(n, [])
        if not other or other[0] in article.text:
            continue
        split = "fit" if n % 2 == 0 else "report"
        cid = content_id(article.text)
        cases.append(Case(article.text, other[0], 0, cid, split, ("other_article",), "built"))
        if own:
            cases.append(Case(article.text, f"{own[0]} {other[-1]}", 0, cid, split, ("inserted_fact",), "built"))
    return cases


def _built_case(article: str, split: str, text: str, label: int, kind: str) -> Case:
    return Case(article, text, label, content_id(article), split, (kind,), "built")


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
            same = _same_actor(ent.text)
            others = [
                n
                for n in names_by_label[ent.label_]
                if n not in sent.text and n.lower() not in ent.text.lower() and _same_actor(n) != same
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
        if tok.pos_ == "VERB":
            subj = [c for c in tok.children if c.dep_ == "nsubj" and c.ent_type_ in ("GPE", "PERSON", "ORG", "NORP")]
            obj = [c for c in tok.children if c.dep_ == "dobj" and c.ent_type_ in ("GPE", "PERSON", "ORG", "NORP")]
            if subj and obj:
                s_ent = _ent_of(subj[0])
                o_ent = _ent_of(obj[0])
                if s_ent is not None and o_ent is not None and s_ent.end <= o_ent.start and s_ent.text != o_ent.text:
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


def _same_actor(name: str) -> str:
    """Names that stand for the same actor ("Seoul", "South Korea") share this key."""
    from ..claims.units import canonical_entity, capital_country

    return capital_country(name) or canonical_entity(name)


def _ent_of(token: Any) -> Any | None:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


# --- the report, the floors, and re-fitting ----------------------------------------------------

FIT_C = 2.0  # chosen by SummEdits CV and grouped CV on FRANK valid (C = 0.3, 0.5, 1, 2)


@dataclass
class Report:
    """Every figure of one ``bench claims`` run (``to_dict`` is the JSON of ``--format json``)."""

    summedits: dict[str, Any] | None = None
    frank: dict[str, Any] | None = None
    built: dict[str, Any] | None = None
    skipped: list[str] = field(default_factory=list)
    fitted_on: str = ""

    def figures(self) -> dict[str, float]:
        """The flat figures the gate pins floors on."""
        out: dict[str, float] = {}
        if self.summedits:
            out["summedits_balanced_accuracy_cv"] = self.summedits["balanced_accuracy_cv"]
        if self.frank:
            out["frank_test_balanced_accuracy"] = self.frank["balanced_accuracy"]
        if self.built:
            out["built_balanced_accuracy"] = self.built["balanced_accuracy"]
        return {k: round(v, 4) for k, v in out.items()}

    def to_dict(self) -> dict[str, Any]:
        return {
            "summedits": self.summedits,
            "frank": self.frank,
            "built": self.built,
            "skipped": self.skipped,
            "fitted_on": self.fitted_on,
            "figures": self.figures(),
        }


def _metrics_dict(m: Metrics) -> dict[str, Any]:
    return {
        "n": m.n,
        "balanced_accuracy": round(m.balanced_accuracy, 4),
        "recall_supported": round(m.recall_supported, 4),
        "recall_unsupported": round(m.recall_unsupported, 4),
        "recall_per_type": {k: round(v, 4) for k, v in m.per_edit_type.items()},
    }


def report(
    path: Path,
    *,
    examples: Path | None = None,
    n_process: int = 1,
    refit: bool = False,
) -> Report:
    """Run every benchmark that is present; see the module docstring for what is measured.

    With ``refit`` the shipped weights are re-fitted first (on FRANK valid, SummEdits tune and
    the "fit" half of the built cases) and written to ``claims/data/weights.json``.
    """
    rep = Report()
    se_rows: list[Row] = []
    frank_rows: list[Row] = []
    built_rows: list[Row] = []
    se_stats = frank_stats = None
    if (path / SUMMEDITS_FILE).is_file():
        se_stats = run(load_summedits(path / SUMMEDITS_FILE), n_process=n_process)
        se_rows = se_stats.rows
    else:
        rep.skipped.append(f"SummEdits not found at {path / SUMMEDITS_FILE}")
    if (path / FRANK_FILE).is_file():
        frank_stats = run(load_frank(path / FRANK_FILE), n_process=n_process)
        frank_rows = frank_stats.rows
    else:
        rep.skipped.append(f"FRANK not found at {path / FRANK_FILE}")
    if examples is not None and examples.is_dir():
        try:
            built_rows = run(build_cases(examples), clean=False, n_process=n_process).rows
        except ImportError as e:  # ingest not importable
            rep.skipped.append(f"built cases skipped: {e}")
    else:
        rep.skipped.append(f"sample articles not found at {examples}")
    frank_valid = [r for r in frank_rows if r.case.split == "valid"]
    frank_test = [r for r in frank_rows if r.case.split == "test"]
    built_fit = [r for r in built_rows if r.case.split == "fit"]
    built_report = [r for r in built_rows if r.case.split == "report"]
    if refit:
        train = frank_valid + se_rows + built_fit
        if not train:
            raise InputError("E116")
        names = [n for n, rows in (("FRANK valid", frank_valid), ("SummEdits tune", se_rows),
                                   ("built cases (fit half)", built_fit)) if rows]
        write_weights(fit(train, c=FIT_C), fitted_on=" + ".join(names) + f", C={FIT_C}")
        # The verdicts in the rows were made with the old weights; scores are recomputed below.
    model = current_model()
    rep.fitted_on = weights().fitted_on
    if se_rows and se_stats is not None:
        cv = cross_validate(se_rows, frank_valid + built_fit, c=FIT_C)
        m_cv = evaluate(se_rows, cv)
        m_shipped = evaluate(se_rows, predict(se_rows, model))
        rep.summedits = {
            **_metrics_dict(m_cv),
            "balanced_accuracy_cv": round(m_cv.balanced_accuracy, 4),
            "balanced_accuracy_shipped_in_sample": round(m_shipped.balanced_accuracy, 4),
            "statements_per_s": round(se_stats.statements_per_s, 1),
            "check_statements_per_s": round(se_stats.check_statements_per_s, 1),
            "statements_per_s_article_parsed": round(se_stats.marginal_statements_per_s, 1),
            "articles": se_stats.articles,
        }
    if frank_test and frank_stats is not None:
        m = evaluate(frank_test, predict(frank_test, model))
        rep.frank = {
            **_metrics_dict(m),
            "statements_per_s": round(frank_stats.statements_per_s, 1),
            "check_statements_per_s": round(frank_stats.check_statements_per_s, 1),
            "statements_per_s_article_parsed": round(frank_stats.marginal_statements_per_s, 1),
            "articles": frank_stats.articles,
            "n_process": n_process,
        }
    if built_report:
        rep.built = _metrics_dict(evaluate(built_report, predict(built_report, model)))
    return rep


def read_floors(path: Path) -> dict[str, float]:
    return floors.read_floors(path)


def update_floors(
    figures: dict[str, float], path: Path, *, allow_lower: bool = False
) -> dict[str, float]:
    """Set each floor to the current figure minus a margin; never lower one unless allowed."""
    return floors.update_floors(
        figures,
        path,
        margin=0.01,
        allow_lower=allow_lower,
        about="Floors of the statement-checker gate (tests/test_claims_gate.py). Raised by "
        "`python -m flashpoint.bench.claims --update-floors`; lowering one needs "
        "--allow-lower (or FLASHPOINT_LOWER_FLOORS=1).",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m flashpoint.bench.claims [--fit] [--update-floors [--allow-lower]]``."""
    import argparse
    import os
    import sys

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--path", type=Path, default=checkout.benchmarks_dir("claims"))
    parser.add_argument("--examples", type=Path, default=checkout.examples_dir())
    parser.add_argument("--fit", action="store_true", help="re-fit claims/data/weights.json first")
    parser.add_argument("--update-floors", action="store_true")
    parser.add_argument("--allow-lower", action="store_true")
    parser.add_argument("--floors", type=Path, default=checkout.gate_file("claims"))
    args = parser.parse_args(argv)
    if not args.path.is_dir():
        sys.stderr.write(f"skipped: claims benchmarks not found at {args.path}\n")
        return 0
    rep = report(args.path, examples=args.examples, refit=args.fit)
    sys.stdout.write(json.dumps(rep.to_dict(), indent=2) + "\n")
    if args.update_floors:
        allow = args.allow_lower or os.environ.get("FLASHPOINT_LOWER_FLOORS") == "1"
        update_floors(rep.figures(), args.floors, allow_lower=allow)
    return 0


__all__ = [
    "Case",
    "Metrics",
    "Report",
    "Row",
    "RunStats",
    "below_floors",
    "build_cases",
    "cross_validate",
    "evaluate",
    "fit",
    "load_frank",
    "load_summedits",
    "predict",
    "read_floors",
    "report",
    "run",
    "update_floors",
    "write_weights",
]


if __name__ == "__main__":
    raise SystemExit(main())

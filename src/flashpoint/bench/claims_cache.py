"""The checker's features for labelled cases, computed once and kept on disk.

Fitting the verdict combiner for a new model, and comparing it with the shipped one on every
reported set, needs the same features many times. Two parts are cached apart, in one SQLite file:

- the model-free part of each (article, statement): the claims the statement is cut into, each
  with the candidate premises it is read against (``judge.plan_many``), and the explicit findings
  and word features (``verdict.comparison_features``). Its key is the texts plus ``code_version``
  (a hash of the source and data the parse and the comparison depend on), so a change to the
  checker never serves stale features. This is the slow part (the spaCy parse).
- the model's P(entailment, neutral, contradiction) per (model files' hash, evidence, claim):
  a new model re-scores only the pairs, which takes seconds per hundred statements.

``features`` then returns, per case, the same values ``claims.assess_parsed`` would give the
combiner (a case whose article has no sentences gets ``None``: the checker calls it
``not_in_source`` whatever the combiner).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .claims_cases import Case

CACHE_ENV = "FLASHPOINT_CACHE"
# What the model-free features depend on (package-relative): the parse, the cleaner, the actor
# tables, the events coder (a statement's and its article's own events are compared) and the claims
# stage itself (not its training code, its model or its combiner).
_CODE_PARTS = ("nlp.py", "records.py", "ingest", "actors", "events", "claims")
_CODE_SKIP = ("claims/train", "claims/data/model", "claims/data/verdict.json")


def default_path() -> Path:
    """``$FLASHPOINT_CACHE/claims_features.sqlite`` (default ``~/.cache/flashpoint``): outside
    the checkout, so every worktree of one machine shares it (keys carry the code's hash)."""
    root = os.environ.get(CACHE_ENV) or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "flashpoint"
    return Path(root) / "claims_features.sqlite"


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of every source and data file the model-free features depend on, and the spaCy
    model's name and version."""
    import spacy

    from .. import nlp

    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(f"{nlp.MODEL_NAME} {spacy.__version__}".encode())
    for part in _CODE_PARTS:
        root = package / part
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for file in files:
            rel = file.relative_to(package).as_posix()
            if rel.startswith(_CODE_SKIP) or "__pycache__" in rel:
                continue
            digest.update(rel.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:16]


def _key(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


@dataclass(frozen=True)
class Prepared:
    """The model-free part of one case: per claim, its (premise, claim) pairs (one per candidate
    premise, in the order the checker reads them), and the comparison's features."""

    claims: tuple[tuple[tuple[str, str], ...], ...]
    values: dict[str, float]

    @property
    def pairs(self) -> list[tuple[str, str]]:
        """Every (premise, claim) pair the model reads for this case."""
        return [p for claim in self.claims for p in claim]


class FeatureCache:
    """Prepared cases and model probabilities in one SQLite file (``path=None``: in memory)."""

    def __init__(self, path: Path | None = None) -> None:
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(":memory:" if path is None else str(path))
        self.db.execute("CREATE TABLE IF NOT EXISTS prepared (key TEXT PRIMARY KEY, value TEXT)")
        self.db.execute("CREATE TABLE IF NOT EXISTS probs (key TEXT PRIMARY KEY, e REAL, n REAL, c REAL)")
        self.db.execute("CREATE TABLE IF NOT EXISTS blobs (key TEXT PRIMARY KEY, value TEXT)")

    def close(self) -> None:
        self.db.close()

    def get_prepared(self, keys: Sequence[str]) -> dict[str, Prepared | None]:
        out: dict[str, Prepared | None] = {}
        for key in keys:
            row = self.db.execute("SELECT value FROM prepared WHERE key = ?", (key,)).fetchone()
            if row is not None:
                data = json.loads(row[0])
                out[key] = None if data is None else Prepared(
                    tuple(tuple((p, c) for p, c in claim) for claim in data["claims"]), data["values"]
                )
        return out

    def put_prepared(self, items: dict[str, Prepared | None]) -> None:
        rows = [(k, json.dumps(None if p is None else {"claims": p.claims, "values": p.values})) for k, p in items.items()]
        self.db.executemany("INSERT OR REPLACE INTO prepared VALUES (?, ?)", rows)
        self.db.commit()

    def get_probs(self, keys: Sequence[str]) -> dict[str, tuple[float, float, float]]:
        out = {}
        for key in keys:
            row = self.db.execute("SELECT e, n, c FROM probs WHERE key = ?", (key,)).fetchone()
            if row is not None:
                out[key] = (float(row[0]), float(row[1]), float(row[2]))
        return out

    def put_probs(self, items: dict[str, tuple[float, float, float]]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO probs VALUES (?, ?, ?, ?)", [(k, *v) for k, v in items.items()])
        self.db.commit()

    def get_blob(self, key: str) -> Any:
        row = self.db.execute("SELECT value FROM blobs WHERE key = ?", (key,)).fetchone()
        return None if row is None else json.loads(row[0])

    def put_blob(self, key: str, value: Any) -> None:
        self.db.execute("INSERT OR REPLACE INTO blobs VALUES (?, ?)", (key, json.dumps(value)))
        self.db.commit()


def case_key(case: Case) -> str:
    """The cache key of a case's model-free part (texts, cleaning and ``code_version``)."""
    return _key(code_version(), str(case.clean), case.article, case.statement)


def prepare(cases: Sequence[Case], cache: FeatureCache) -> list[Prepared | None]:
    """The model-free part of each case, parsing only the articles with uncached statements."""
    from ..claims.aliases import article_names
    from ..claims.compare import compare
    from ..claims.index import build_index
    from ..claims.judge import claim_pairs, plan_many
    from ..claims.verdict import comparison_features
    from ..nlp import get_nlp
    from .claims_run import BATCH_SIZE, clean_article

    keys = [case_key(c) for c in cases]
    found = cache.get_prepared(keys)
    by_article: dict[tuple[str, bool], list[int]] = defaultdict(list)
    for i, case in enumerate(cases):
        if keys[i] not in found:
            by_article[(case.article, case.clean)].append(i)
    if by_article:
        nlp = get_nlp()
    for (article, clean), idx in by_article.items():
        body = clean_article(article) if clean else article
        statements = [cases[i].statement for i in idx]
        docs = list(nlp.pipe([body, *statements], batch_size=BATCH_SIZE))
        index = build_index(docs[0])
        sentences = [s.text for s in index.sentences]
        fresh: dict[str, Prepared | None] = {}
        plans = plan_many(sentences, docs[1:], article_names(index)) if sentences else [[] for _ in idx]
        for i, doc, plan in zip(idx, docs[1:], plans):
            if not sentences or not cases[i].statement.strip():
                fresh[keys[i]] = None
                continue
            claims = tuple(tuple(pairs) for pairs in claim_pairs(plan))
            fresh[keys[i]] = Prepared(claims, comparison_features(compare(index, doc)))
        cache.put_prepared(fresh)
        found.update(fresh)
    return [found[k] for k in keys]


def model_probs(
    pairs: Sequence[tuple[str, str]], cache: FeatureCache, model_folder: Path
) -> dict[tuple[str, str], tuple[float, float, float]]:
    """P(entailment, neutral, contradiction) of each (premise, claim) under the model in
    ``model_folder``, scoring only the pairs not cached for these model files."""
    from ..claims.model import load, model_hash, probabilities

    mhash = model_hash(model_folder)
    unique = list(dict.fromkeys(pairs))
    keys = {p: _key(mhash, *p) for p in unique}
    found = cache.get_probs(list(keys.values()))
    todo = [p for p in unique if keys[p] not in found]
    if todo:
        probs = probabilities(todo, scorer=load(model_folder))
        fresh = {keys[p]: (float(r[0]), float(r[1]), float(r[2])) for p, r in zip(todo, np.asarray(probs))}
        cache.put_probs(fresh)
        found.update(fresh)
    return {p: found[keys[p]] for p in unique}


def features(
    cases: Sequence[Case], cache: FeatureCache, model_folder: Path
) -> list[dict[str, float] | None]:
    """Each case's combiner inputs (``verdict.features``) under the model in ``model_folder``."""
    from ..claims.judge import aggregate
    from ..claims.verdict import model_features, with_word_score

    prepared = prepare(cases, cache)
    probs = model_probs([p for item in prepared if item is not None for p in item.pairs], cache, model_folder)
    out: list[dict[str, float] | None] = []
    for item in prepared:
        if item is None:
            out.append(None)
            continue
        # As ``judge.Judgement``: the weakest claim's best entailment, the strongest contradiction.
        entail, contra = aggregate([[probs[p] for p in claim] for claim in item.claims])
        out.append(with_word_score({**model_features(entail, contra), **item.values}))
    return out


__all__ = ["CACHE_ENV", "FeatureCache", "Prepared", "case_key", "code_version", "default_path", "features", "prepare"]

"""The named numeric features of one compared statement, which ``verdict`` weighs (see
``claims/data/weights.json`` and ``verdict.json``): word statuses by kind, findings by kind,
role outcomes, coverage, alignment, order kept, novel bigrams and hedges."""

from __future__ import annotations

import itertools
from typing import Any

from .index import ArticleIndex
from .lexicon import lexicon, weights
from .results import ClauseResult
from .units import Kind

KINDS: tuple[Kind, ...] = ("entity", "number", "noun", "adj", "verb", "adv", "light")


def _lcs(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """Length of the longest common subsequence of two word sequences."""
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def _copied(clause: ClauseResult) -> float:
    """Share of the clause's words that appear, in order, in one window sentence.

    Summaries that splice two sentences keep most words but lose their order; an extract or a
    close paraphrase keeps it.
    """
    words = tuple(t.lower_ for t in clause.clause.tokens if not (t.is_punct or t.is_space))
    if not words:
        return 1.0
    return max((_lcs(words, s.words[:80]) for s in clause.window[:2]), default=0) / len(words)


_CORE = ("entity", "number", "noun", "adj")


def _share(clause: ClauseResult, kinds: tuple[str, ...]) -> float:
    """Share of a clause's words of the given kinds that its window contains."""
    words = [w for w in clause.words if w.kind in kinds]
    if not words:
        return 1.0
    found = {"best": 1.0, "window": 1.0, "synonym": weights().synonym_match}
    return sum(found.get(w.status, 0.0) for w in words) / len(words)


def features(index: ArticleIndex, statement_doc: Any, clauses: list[ClauseResult]) -> dict[str, float]:
    """The named numeric features the logistic model weighs (see ``claims/data/weights.json``)."""
    f: dict[str, float] = {}
    for kind in KINDS:
        for status in ("window", "doc", "novel"):
            f[f"{kind}_{status}"] = 0.0
    f["synonym"] = 0.0
    f["commentary_novel"] = 0.0
    for c in clauses:
        for w in c.words:
            if w.commentary:
                if w.status == "novel":
                    f["commentary_novel"] += 1
                continue
            if w.status == "synonym":
                f["synonym"] += 1
            elif w.status in ("window", "doc", "novel"):
                f[f"{w.kind}_{w.status}"] += 1
    for kind in ("negation", "antonym", "number", "actor", "date"):
        f[f"{kind}_mismatch"] = float(sum(1 for c in clauses for x in c.findings if x.kind == kind))
    # The four signals that are nearly always right on every benchmark (a name or number the
    # article never gives, a negation or an antonym against the aligned sentence) count as one
    # feature: pooled, the fit can see how reliable they are instead of shrinking each alone.
    f["hard_evidence"] = (
        f.pop("entity_novel") + f.pop("number_novel") + f.pop("negation_mismatch") + f.pop("antonym_mismatch")
    )
    for outcome in ("match", "mismatch", "unknown", "swap"):
        f[f"role_{outcome}"] = float(sum(c.roles[outcome] for c in clauses))
    factual = [c for c in clauses if not c.clause.commentary and c.words] or [c for c in clauses if c.words]
    f["coverage_min"] = min((c.coverage for c in factual), default=0.0)
    f["copy_min"] = min((_copied(c) for c in factual), default=0.0)
    f["core_coverage_min"] = min((_share(c, _CORE) for c in factual), default=0.0)
    f["verb_coverage_min"] = min((_share(c, ("verb",)) for c in factual), default=1.0)
    f["alignment_min"] = min((c.alignment for c in factual), default=0.0)
    f["alignment_mean"] = sum(c.alignment for c in factual) / len(factual) if factual else 0.0
    f["core_coverage_mean"] = sum(_share(c, _CORE) for c in factual) / len(factual) if factual else 0.0
    words = [t.lower_ for t in statement_doc if not (t.is_punct or t.is_space)]
    pairs = list(itertools.pairwise(words))
    f["bigram_novel"] = (sum(1 for p in pairs if p not in index.bigrams) / len(pairs)) if pairs else 0.0
    hedges = lexicon().hedges
    f["hedge"] = float(sum(1 for t in statement_doc if t.lemma_.lower() in hedges or t.lower_ in hedges))
    n = sum(len(c.words) for c in factual)
    f["n_content"] = float(n)
    return f

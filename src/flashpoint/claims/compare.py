"""Compare a parsed statement with an indexed article: the one entry the checker calls.

Each clause is aligned with the article (``align``: its window of sentences and where each
content word was found), then checked for the explicit mismatches a person would name
(``findings``: a negation the article does not have, an antonym of the article's word, a
different number or date, a different actor, roles reversed, the same actor taking the other
side). The statuses and mismatches become the numeric features (``features``) that ``verdict``
weighs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .align import align_clause
from .casing import CASE_FEATURES, LOWERCASED, is_lowercased
from .clauses import Clause, split_clauses
from .features import KINDS, features
from .findings import check_roles, clause_findings
from .index import ArticleIndex, Sentence
from .lexicon import weights
from .results import ClauseResult, Finding, WordStatus


@dataclass
class Comparison:
    """Everything the scorer and the reason writer need about one statement."""

    clauses: list[ClauseResult]
    features: dict[str, float]
    words: list[WordStatus]
    findings: list[Finding]

    @property
    def best_sentence(self) -> Sentence | None:
        factual = [c for c in self.clauses if not c.clause.commentary and c.window] or [
            c for c in self.clauses if c.window
        ]
        if not factual:
            return None
        best = max(factual, key=lambda c: c.alignment)
        return best.window[0]

    @property
    def best_alignment(self) -> float:
        factual = [c.alignment for c in self.clauses if not c.clause.commentary]
        return max(factual or [c.alignment for c in self.clauses] or [0.0])


def compare_clause(index: ArticleIndex, clause: Clause, *, top_k: int) -> ClauseResult:
    """Align one clause, then record its explicit mismatches with its window (a factual clause
    only) and count its roles; see module docstring."""
    result = align_clause(index, clause, top_k=top_k)
    if result.window and not clause.commentary:
        result.findings.extend(clause_findings(index, result, result.window))
        check_roles(index, result)
    return result


def compare(index: ArticleIndex, statement_doc: Any) -> Comparison:
    """Compare one parsed statement with an indexed article."""
    top_k = weights().window_top_k
    clauses = [compare_clause(index, c, top_k=top_k) for c in split_clauses(statement_doc)]
    words = [w for c in clauses for w in c.words]
    findings = [f for c in clauses for f in c.findings]
    f = features(index, statement_doc, clauses)
    lowered = is_lowercased(statement_doc.text)
    for name in CASE_FEATURES:
        value = f.pop(name)
        f[name] = 0.0 if lowered else value
        f[name + LOWERCASED] = value if lowered else 0.0
    f["lowercased"] = 1.0 if lowered else 0.0
    return Comparison(clauses, f, words, findings)


__all__ = ["CASE_FEATURES", "KINDS", "LOWERCASED", "ClauseResult", "Comparison", "Finding", "WordStatus", "compare", "compare_clause", "features", "is_lowercased"]

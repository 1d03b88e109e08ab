"""From a comparison to a verdict, a score and a reason a person can read.

The score is a logistic model over the comparison's features (weights fitted on the tuning
splits, stored in ``claims/data/weights.json``): the probability that the article supports the
statement. Below the threshold the verdict is ``contradicted`` when there is an explicit
mismatch with a well-aligned sentence (a negation, an antonym, another number, another actor),
and ``not_in_source`` otherwise: the article simply does not say it.
"""

from __future__ import annotations

import math

from ..records import Span, StatementCheck
from .compare import Comparison, Finding, WordStatus
from .index import Sentence
from .lexicon import weights
from .units import hyphen_prefix

_EVIDENCE_CHARS = 90
_FINDING_ORDER = {"negation": 0, "actor": 1, "role": 2, "number": 3, "antonym": 4}
# The order in which unsupported words are named in a reason: names and numbers first.
_KIND_ORDER = {"entity": 0, "number": 1, "noun": 2, "verb": 3, "adj": 4, "adv": 5, "light": 6}


def score(features: dict[str, float]) -> float:
    """P(supported) under the fitted logistic model."""
    w = weights()
    z = w.intercept + sum(w.coef.get(name, 0.0) * value for name, value in features.items())
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EVIDENCE_CHARS else text[: _EVIDENCE_CHARS - 1].rstrip() + "…"


def _span(article_text: str, sentence: Sentence | None) -> Span | None:
    if sentence is None:
        return None
    return Span(article_text[sentence.start : sentence.end], sentence.start, sentence.end)


def _finding_reason(f: Finding) -> str:
    label = {
        "negation": "negation mismatch",
        "antonym": "opposite meaning",
        "number": "number mismatch",
        "actor": "actor mismatch",
        "role": "role mismatch",
    }[f.kind]
    return f"{label}: article says {f.article_says}, statement says {f.statement_says}"


def _missing_words(words: list[WordStatus]) -> list[WordStatus]:
    factual = [w for w in words if not w.commentary and w.kind != "light"]
    novel = [w for w in factual if w.status == "novel"]
    elsewhere = [w for w in factual if w.status == "doc"]
    pool = novel or elsewhere
    pool.sort(key=lambda w: (_KIND_ORDER[w.kind], w.token.i))
    return pool


def _phrase(ws: WordStatus) -> str:
    """The word with its compound/possessive modifiers, e.g. "public demonstrations"."""
    tok = ws.token
    prefix = hyphen_prefix(tok)
    if prefix:
        return f"{prefix}-{tok.text}"
    if ws.kind in ("noun", "entity"):
        if tok.ent_type_:
            for ent in tok.doc.ents:
                if ent.start <= tok.i < ent.end:
                    return ent.text
        left = [c for c in tok.lefts if c.dep_ in ("compound", "amod") and not c.is_stop]
        start = min([tok.i, *(c.i for c in left)])
        return tok.doc[start : tok.i + 1].text
    return tok.text


def decide(article_text: str, statement: str, comparison: Comparison) -> StatementCheck:
    """Turn a comparison into the ``StatementCheck`` record."""
    w = weights()
    p = score(comparison.features)
    best = comparison.best_sentence
    relevant = best if comparison.best_alignment >= w.min_evidence_score else None
    if p >= w.supported_threshold and best is not None:
        return StatementCheck(
            statement, "supported", p, _span(article_text, best), f"supported by: {_short(best.text)}"
        )
    findings = sorted(comparison.findings, key=lambda f: _FINDING_ORDER[f.kind])
    if findings:
        f = findings[0]
        return StatementCheck(
            statement, "contradicted", p, _span(article_text, f.sentence), _finding_reason(f)
        )
    missing = _missing_words(comparison.words)
    if not missing:
        reason = "the article's closest sentence does not state this"
    else:
        first = missing[0]
        if first.status == "novel" and first.kind in ("entity", "number"):
            reason = f"not in the article: {_phrase(first)}"
        else:
            names = []
            for ws in missing:
                phrase = _phrase(ws)
                if phrase not in names and not any(phrase in n for n in names):
                    names.append(phrase)
                if len(names) == 3:
                    break
            where = "no sentence reports" if first.status == "novel" else "no aligned sentence reports"
            reason = f"{where} {', '.join(names)}"
    return StatementCheck(statement, "not_in_source", p, _span(article_text, relevant), reason)


__all__ = ["decide", "score"]

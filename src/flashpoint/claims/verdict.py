"""From a comparison to a verdict, a score and a reason a person can read.

The score is a logistic model over the comparison's features (weights fitted on the tuning
splits, stored in ``claims/data/weights.json``): the probability that the article supports the
statement. Below the threshold the verdict is ``contradicted`` when there is an explicit
mismatch with a well-aligned sentence (a negation, an antonym, another number, another actor,
another role), and ``not_in_source`` otherwise: the article simply does not say it. A reversal
of who did what to whom ("Y accused X" against "X accused Y") is contradicted whatever the
score, since every word of it matches.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..records import Event, Span, StatementCheck
from .compare import Comparison, Finding, WordStatus
from .index import Sentence
from .lexicon import weights
from .units import hyphen_prefix

_EVIDENCE_CHARS = 90
_FINDING_ORDER = {"swap": 0, "negation": 1, "actor": 2, "role": 3, "number": 4, "antonym": 5}
# An explicit reversal of who did what to whom decides on its own: the words all match, so the
# word-level score cannot see it, and no benchmark has enough such cases to weigh it.
_DECISIVE = frozenset({"swap"})
DECISIVE_FEATURES = ("role_swap",)  # the same findings, as counted in the features
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
        "swap": "roles reversed",
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


def _absent_events(statement_events: Sequence[Event], article_events: Sequence[Event] | None) -> list[str]:
    """Statement events of a type (PLOVER) the article never reports, as "demonstrations (protest)"."""
    if article_events is None:
        return []
    reported = {e.plover for e in article_events if e.plover} | {e.cameo_root for e in article_events}
    out: list[str] = []
    for e in statement_events:
        if e.negated or (e.plover in reported) or (not e.plover and e.cameo_root in reported):
            continue
        label = (e.plover or f"CAMEO {e.cameo_root}").lower()
        text = f"{e.trigger} ({label})" if e.trigger else label
        if text not in out:
            out.append(text)
    return out


def _not_in_source_reason(words: list[WordStatus], absent: list[str]) -> str:
    parts: list[str] = []
    if absent:
        parts.append("no sentence reports " + ", ".join(absent[:2]))
    missing = _missing_words(words)
    names = []
    for ws in missing:
        if ws.status == "novel" and ws.kind in ("entity", "number"):
            phrase = _phrase(ws)
            if phrase not in names:
                names.append(phrase)
    if names:
        parts.append("not in the article: " + ", ".join(names[:3]))
    if not parts:
        others = []
        for ws in missing:
            phrase = _phrase(ws)
            if len(phrase) > 2 and phrase not in others and not any(phrase in n for n in others):
                others.append(phrase)
            if len(others) == 3:
                break
        if not others:
            return "the article's closest sentence does not state this"
        where = "no sentence reports" if missing[0].status == "novel" else "no aligned sentence reports"
        parts.append(f"{where} {', '.join(others)}")
    return "; ".join(parts)


def decide(
    article_text: str,
    statement: str,
    comparison: Comparison,
    *,
    statement_events: Sequence[Event] = (),
    article_events: Sequence[Event] | None = None,
) -> StatementCheck:
    """Turn a comparison into the ``StatementCheck`` record.

    Events (when given) only shape the reason: a statement whose event type the article never
    reports is explained by that event ("no sentence reports demonstrations (protest)").
    """
    w = weights()
    p = score(comparison.features)
    best = comparison.best_sentence
    relevant = best if comparison.best_alignment >= w.min_evidence_score else None
    decisive = [f for f in comparison.findings if f.kind in _DECISIVE]
    if decisive:
        f = decisive[0]
        return StatementCheck(
            statement, "contradicted", min(p, w.decisive_score), _span(article_text, f.sentence), _finding_reason(f)
        )
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
    reason = _not_in_source_reason(comparison.words, _absent_events(statement_events, article_events))
    return StatementCheck(statement, "not_in_source", p, _span(article_text, relevant), reason)


__all__ = ["DECISIVE_FEATURES", "decide", "score"]

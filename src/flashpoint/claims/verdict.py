"""From the model's judgement and the word-level comparison to a verdict and a readable reason.

The model (``judge``) gives, for the statement's weakest claim, P(entailment), P(neutral) and
P(contradiction) against the article sentences it was read with. ``score`` turns these and the
explicit findings of ``compare`` (another actor, reversed roles, another number or date, a negation,
an antonym) into P(supported) with the combiner in ``claims/data/verdict.json`` -- the one scoring
function, used by the checker and by ``flashpoint bench claims`` alike. Below the threshold the
verdict is ``contradicted`` when the model finds a contradiction (or an explicit check names a
mismatch and the model leans that way), with what the article says instead; otherwise
``not_in_source``, naming what the article lacks. A reversal of who did what to whom ("Y accused
X" against "X accused Y") and a date the sentence reporting the same event gives otherwise are
contradicted whatever the score.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from ..records import Event, Span, StatementCheck
from .compare import Comparison, Finding, WordStatus
from .index import Sentence
from .judge import Judgement
from .lexicon import VerdictSettings, WordCombiner, verdict_settings, weights, word_combiner
from .units import hyphen_prefix

_EVIDENCE_CHARS = 90
_FINDING_ORDER = {
    "swap": 0, "substitute": 1, "negation": 2, "actor": 3, "role": 4, "date": 5, "number": 6, "antonym": 7, "act": 8, "stance": 9,
    "unrealised": 10, "mediator": 11,
}
# An explicit reversal of who did what to whom, another named actor in the role every report of
# the act in the article gives to one name ("accused Congo" where it says "accused Rwanda"), the
# opposite act said of the same thing ("reopened its border crossings" where the article "closed"
# them; ``findings.polarity._same_act``), and a date the sentence reporting the same event gives otherwise
# ("on Monday" against "on Sunday") decide on their own: every other word matches, so neither the
# word-level score nor the model sees them, and no benchmark has enough such cases to weigh them
# (on FRANK valid + QAGS + CLIFF val, 1,389 statements, 2026-12-05: an opposite act on 0
# supported statements and 3 others, another named actor on 1 and 1).
_DECISIVE = frozenset({"swap", "substitute", "antonym", "date"})
# An act the article only attempts or puts ahead ("tried to broker a ceasefire") and the statement
# asserts ("brokered a ceasefire") is never supported: every word matches, so the model and the
# word-level score read it as the same fact. Whether it is contradicted (the article says it
# failed) or not in the source is left to the model, as for other findings.
# A mediator the statement makes a party to the act it mediated blocks alike (``findings.mediators``).
_BLOCKING = frozenset({"unrealised", "mediator"})
FINDING_FEATURES = {
    "swap": "role_swap", "number": "number_mismatch", "actor": "actor_mismatch",
    "role": "role_mismatch", "negation": "negation_mismatch", "antonym": "antonym", "date": "date_mismatch",
    "substitute": "actor_substituted", "act": "act_mismatch", "stance": "stance_mismatch",
    "unrealised": "unrealised_act", "mediator": "mediator_as_party",
}
# Word-level alignment features of ``compare`` the combiner may weigh beside the model (how much
# of the statement the best sentences cover, copied word order, names/numbers found only
# elsewhere in the article, hedges): a short list, and every feature of ``compare`` (``word_*``).
WORD_FEATURES = (
    "coverage_min", "copy_min", "bigram_novel", "hard_evidence", "noun_novel", "verb_novel",
    "entity_doc", "entity_window", "number_doc", "hedge", "lowercased",
)
_EPS = 1e-4
# The order in which unsupported words are named in a reason: names and numbers first.
_KIND_ORDER = {"entity": 0, "number": 1, "noun": 2, "verb": 3, "adj": 4, "adv": 5, "light": 6}


def _logit(p: float) -> float:
    p = min(max(p, _EPS), 1.0 - _EPS)
    return math.log(p / (1.0 - p))


def features(judgement: Judgement, comparison: Comparison) -> dict[str, float]:
    """The combiner's inputs: the model's logits, a 0/1 flag per kind of explicit finding, the
    word-level alignment features (``word_*``) and the word-level combiner's logit over them
    (``word_score``)."""
    return with_word_score({**model_features(judgement.entailment, judgement.contradiction), **comparison_features(comparison)})


def with_word_score(values: dict[str, float], word: WordCombiner | None = None) -> dict[str, float]:
    """``values`` with ``word_score``: the logit of the word-level combiner (verdict.json's
    ``word_combiner``, or ``word``) over its findings and ``word_*`` features -- one input that
    carries everything the word level knows (names and numbers the article lacks, copied wording,
    findings), so a combiner can weigh the model against it without re-learning it from a small
    fitting set."""
    return {**values, "word_score": word_logit(values, word or word_combiner())}


def word_logit(values: dict[str, float], word: WordCombiner) -> float:
    """The word-level combiner ``word``'s logit over ``values``."""
    return word.intercept + sum(c * values.get(name, 0.0) for name, c in word.coef.items())


def model_features(entailment: float, contradiction: float) -> dict[str, float]:
    """The model's part of the features: logits of the weakest claim's P(entailment) and of the
    strongest P(contradiction) (``Judgement``)."""
    return {"model_logit": _logit(entailment), "model_contradiction_logit": _logit(contradiction)}


def comparison_features(comparison: Comparison) -> dict[str, float]:
    """The model-free part: explicit findings (0/1 per kind) and ``word_*`` alignment features.
    It depends only on the texts, so the benchmark caches it apart from the model's scores."""
    out = {name: 0.0 for name in FINDING_FEATURES.values()}
    for f in comparison.findings:
        out[FINDING_FEATURES[f.kind]] = 1.0
    for name, value in comparison.features.items():
        out["word_" + name] = float(value)
    return out


def score(values: dict[str, float], settings: VerdictSettings | None = None) -> float:
    """P(supported) under the combiner in verdict.json (the one scoring function)."""
    v = settings or verdict_settings()
    z = v.intercept + sum(v.coef.get(name, 0.0) * value for name, value in values.items())
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def is_supported(values: dict[str, float], settings: VerdictSettings | None = None) -> bool:
    """The supported/not decision ``decide`` makes, from the features alone (the bench re-uses
    it to score candidate settings without re-running the model)."""
    v = settings or verdict_settings()
    return (
        score(values, v) >= v.supported_threshold
        and not decisive(values)
        and not any(values.get(FINDING_FEATURES[kind]) for kind in _BLOCKING)
    )


def decisive(values: dict[str, float]) -> bool:
    """True when an explicit finding that decides on its own (``_DECISIVE``) is present."""
    return any(values.get(FINDING_FEATURES[kind]) for kind in _DECISIVE)


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
        "date": "date mismatch",
        "substitute": "another actor",
        "act": "another act",
        "stance": "opposite stance",
        "unrealised": "not said to have happened",
        "mediator": "a mediator, not a party",
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


def _evidence_span(article_text: str, sentences: Sequence[Sentence], indices: Sequence[int]) -> Span | None:
    """The selected sentences as one span while they are adjacent in one paragraph, else the
    first of them."""
    if not indices:
        return None
    first = sentences[indices[0]]
    last = first
    for a, b in itertools.pairwise(indices):
        if b != a + 1 or "\n" in article_text[last.end : sentences[b].start]:
            break
        last = sentences[b]
    return Span(article_text[first.start : last.end], first.start, last.end)


def decide(
    article_text: str,
    statement: str,
    comparison: Comparison,
    judgement: Judgement,
    sentences: Sequence[Sentence],
    *,
    statement_events: Sequence[Event] = (),
    article_events: Sequence[Event] | None = None,
) -> StatementCheck:
    """Turn the judgement and the comparison into the ``StatementCheck`` record.

    ``sentences`` are the article's indexed sentences (the judgement's evidence indexes them).
    Events (when given) only shape the reason: a statement whose event type the article never
    reports is explained by that event ("no sentence reports demonstrations (protest)").
    """
    w = weights()
    v = verdict_settings()
    values = features(judgement, comparison)
    p = score(values, v)
    weakest = judgement.weakest
    span = _evidence_span(article_text, sentences, weakest.evidence)
    decisive = [f for f in comparison.findings if f.kind in _DECISIVE]
    if decisive:
        f = decisive[0]
        return StatementCheck(
            statement, "contradicted", min(p, w.decisive_score), _span(article_text, f.sentence), _finding_reason(f)
        )
    if is_supported(values, v) and span is not None:
        return StatementCheck(statement, "supported", p, span, f"supported by: {_short(span.text)}")
    findings = sorted(comparison.findings, key=lambda f: _FINDING_ORDER[f.kind])
    p_con = judgement.contradiction
    if p_con >= v.contradiction_threshold or (findings and p_con >= v.finding_contradiction_min):
        if findings:
            f = findings[0]
            return StatementCheck(statement, "contradicted", p, _span(article_text, f.sentence), _finding_reason(f))
        con = max(judgement.units, key=lambda u: u.contradiction)
        con_span = _evidence_span(article_text, sentences, con.evidence) or span
        said = _short(con_span.text) if con_span else "otherwise"
        return StatementCheck(statement, "contradicted", p, con_span, f"the article says instead: {said}")
    reason = _not_in_source_reason(comparison.words, _absent_events(statement_events, article_events))
    return StatementCheck(statement, "not_in_source", p, span, reason)


__all__ = [
    "FINDING_FEATURES", "WORD_FEATURES", "comparison_features", "decide", "decisive", "features", "is_supported",
    "model_features", "score", "with_word_score", "word_logit",
]

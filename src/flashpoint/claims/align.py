"""Align a statement's clause with the article: rank the sentences, find each content word.

For every clause the article sentences are ranked by how much of the clause's (rarity-weighted)
content they contain; the top few form the clause's *window*. Each content word of the clause
is then found in the window, found only elsewhere in the article, found only as a listed
synonym, or not found at all (``results.WordStatus``). The checks of ``findings`` read these
statuses and the window; ``event_sentence`` is the window sentence reporting what the clause
reports, which the date and antonym checks compare against.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .amounts import stands_for
from .clauses import Clause
from .dates import calendar, date_mentions
from .index import ArticleIndex, Sentence, token_keys
from .lexicon import weights
from .results import ClauseResult, Status, WordStatus
from .units import (
    NAME_LABELS,
    Kind,
    actor_key,
    canonical_entity,
    duration_unit,
    number_form,
    person_query_keys,
    token_kind,
)


@dataclass
class _Word:
    token: Any
    keys: list[str]
    kind: Kind
    weight: float
    plain: str | None = None  # a one-word name's plain-word key ("defense" for "Defense")


def _match(index: ArticleIndex, word: _Word, keys: frozenset[str], names: frozenset[str]) -> float:
    """1 when the word (or a variant of it) is in the sentence, ``synonym_match`` for a listed
    synonym (weights.json), else 0.

    Names match whole names only; numbers exactly; other words also by a shared stem.
    """
    if word.kind == "entity":
        if any(k in names for k in word.keys):
            return 1.0
        # A one-word name that is also a plain word ("the Defense industry" / "defense").
        return 1.0 if word.plain is not None and word.plain in keys else 0.0
    exact = word.kind == "number"
    for key in word.keys:
        if key in keys or any(v in keys for v in index.variants(key, exact=exact)):
            return 1.0
    for key in word.keys:
        if any(s in keys for s in index.synonyms_in(key)):
            return weights().synonym_match
    return 0.0


def _content_words(index: ArticleIndex, clause: Clause) -> list[_Word]:
    words: list[_Word] = []
    for tok in clause.tokens:
        if tok.ent_iob_ == "I" and tok.ent_type_ in NAME_LABELS and tok.pos_ == "PROPN":
            continue  # one word per name: "Kim Jong Un" counts once, under its first token
        kind = token_kind(tok)
        if kind is None:
            continue
        keys = token_keys(tok)
        if kind == "entity":
            ent_key = entity_key(tok)
            if ent_key:
                keys = [ent_key] if tok.ent_type_ in NAME_LABELS else [ent_key, *keys]
                keys.extend(sorted(person_keys(tok)))
                code = actor_key(entity_text(tok))
                if code and len(code) > 3:  # "the UN" is "the United Nations" (IGOUNO)
                    keys.append(code)
        elif kind == "number" and keys:  # "more than 200" is the article's 224 (``amounts``)
            keys = [*keys, *sorted(stands_for(index, tok, keys[0]))]
        if not keys:
            continue
        idf = max(index.idf_of(k) for k in keys) if any(index.has(k) for k in keys) else index.idf_of("")
        plain = None
        if kind == "entity" and tok.is_alpha and not tok.is_upper and len(tok) > 3 and not _in_long_name(tok):
            plain = tok.lemma_.lower()
            if not any(index.has_name(k) for k in keys) and index.has(plain):
                # A capitalised common word ("the Defense industry") the article writes plainly
                # ("civilian defense sectors"): a noun, not a name.
                kind, keys, plain = "noun", [plain], None
                idf = index.idf_of(keys[0])
        words.append(_Word(tok, keys, kind, weights().kind_weights[kind] * idf, plain))
    return words


def entity_key(token: Any) -> str | None:
    """The canonical name of the entity a token belongs to ("Kim Jong-un's" -> "kimjongun")."""
    if token.ent_type_ in NAME_LABELS:
        doc = token.doc
        for ent in doc.ents:
            if ent.start <= token.i < ent.end:
                return canonical_entity(ent.text)
    return canonical_entity(token.text) or None


def _in_long_name(token: Any) -> bool:
    return any(ent.start <= token.i < ent.end and len(ent) > 1 for ent in token.doc.ents)


def entity_text(token: Any) -> str:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent.text
    return token.text


def person_keys(token: Any) -> set[str]:
    """Partial-name keys of the person a token names (see ``units.person_name_keys``)."""
    if token.ent_type_ != "PERSON":
        return set()
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return person_query_keys(ent)
    return set()


def _rank(index: ArticleIndex, words: list[_Word], top_k: int) -> list[tuple[float, Sentence]]:
    total = sum(w.weight for w in words) or 1.0
    candidates: set[int] = set()
    for w in words:
        for k in w.keys:
            if w.kind == "entity":
                candidates |= index.name_postings.get(k, set())
                continue
            candidates |= index.sentences_with(index.variants(k, exact=w.kind == "number"))
            candidates |= index.sentences_with(index.synonyms_in(k))
    scored = []
    for i in candidates:
        sent = index.sentences[i]
        score = sum(w.weight * _match(index, w, sent.keys, sent.names) for w in words) / total
        scored.append((score, sent))
    scored.sort(key=lambda p: (-p[0], p[1].index))
    return scored[:top_k]


def align_clause(index: ArticleIndex, clause: Clause, *, top_k: int) -> ClauseResult:
    """Rank the article sentences for one clause, keep the top ``top_k`` as its window, and
    say where each of its content words was found (see module docstring)."""
    words = _content_words(index, clause)
    ranked = _rank(index, words, top_k) if words else []
    window = [s for _, s in ranked]
    window_keys = frozenset().union(*(s.keys for s in window))
    window_names = frozenset().union(*(s.names for s in window))
    alignment = ranked[0][0] if ranked else 0.0
    dated = _same_days(index, clause, window) if words else set()

    def found(w: _Word, keys: frozenset[str], names: frozenset[str]) -> float:
        return 1.0 if w.token.i in dated else _match(index, w, keys, names)

    total = sum(w.weight for w in words) or 1.0
    coverage = sum(w.weight * found(w, window_keys, window_names) for w in words) / total
    result = ClauseResult(clause, window, alignment, coverage if words else 0.0)
    for w in words:
        m = found(w, window_keys, window_names)
        if w.kind == "number" and m == 1.0 and not _same_number(index, w, window):
            # "three months" is not backed by the 3 of "March 3": found only as another kind
            status: Status = "doc" if _same_number(index, w, index.sentences) else "novel"
        elif m == 1.0:
            best = found(w, window[0].keys, window[0].names) == 1.0
            status = "best" if best else "window"
        elif m > 0 or _match(index, w, index.title_keys, index.title_names) > 0:
            status = "synonym"  # a listed synonym, or a word only the headline gives
        elif w.kind == "entity":
            status = "doc" if any(index.has_name(k) for k in w.keys) else "novel"
        elif any(index.variants(k, exact=w.kind == "number") for k in w.keys) or any(
            index.synonyms_in(k) for k in w.keys
        ):
            status = "doc"
        else:
            status = "novel"
        result.words.append(WordStatus(w.token, w.keys[0], w.kind, status, clause.commentary))
    return result


def _same_days(index: ArticleIndex, clause: Clause, window: list[Sentence]) -> set[int]:
    """Token positions of the clause's dates that a window sentence gives as the same calendar day,
    written otherwise ("reopened on Sept. 2" where the article of Tuesday 3 September says
    "reopened on Monday"; ``dates``): found, though no word is shared. Found only: whether a
    date contradicts is the date check's (``findings.quantities``), which asks for one happening."""
    out: set[int] = set()
    for said in date_mentions(clause.tokens, index.published):
        if said.day_of is None:
            continue
        if any(o.day_of == said.day_of for s in window for o in s.dates):
            words = set(said.text.split())
            out.update(t.i for t in clause.tokens if t.text in words)
    return out


# Kinds of number (``units.number_form``) that may write the same quantity: a count and a length
# of time are often told apart wrongly ("a 4-day truce" / "the truce's 4 days"); a day of the
# month, a year or an ordinal never stands for either.
_COMPATIBLE_FORMS = frozenset({"count", "duration"})


def _same_number(index: ArticleIndex, word: _Word, sentences: list[Sentence]) -> bool:
    """Whether the sentences may give the statement's number (or a variant of it) as the same
    kind: False only when every mention of it there is another kind ("64million" matched as
    written, with no mention of its own, stays found)."""
    form = number_form(word.token, word.keys[0])
    keys = set(word.keys).union(*(index.variants(k, exact=True) for k in word.keys))
    found = [(m.form, sent) for sent in sentences for m in sent.numbers if m.key in keys]
    # A length of time is a count only beside its unit: "the three largest towns" backs "three
    # days" no more than it backs "three months" (the unit's words differ: "a 4-day truce" / "the
    # truce's four days" share "day").
    unit = duration_unit(word.token) if form == "duration" else None
    return not found or any(
        f == form or ({f, form} <= _COMPATIBLE_FORMS and (unit is None or unit in sent.keys)) for f, sent in found
    )


def event_sentence(result: ClauseResult, window: list[Sentence]) -> Sentence | None:
    """The window sentence that reports what the clause reports, its dates left aside: the one
    holding most of the clause's other content words (at least ``contradiction_min_alignment``
    of them). "Netanyahu said on Monday that Israel was at war" is about the sentence with
    Netanyahu, said and war, not the one that shares "Israel" and "Monday"."""
    calendar_words = set(calendar().weekdays) | set(calendar().months) | set(calendar().relative_days)
    content = [w for w in result.words if w.kind != "light" and not w.commentary and w.token.ent_type_ != "DATE"
               and w.token.lower_.rstrip(".") not in calendar_words]
    if not content or not window:
        return None
    shares = [sum(1 for w in content if w.key in s.keys or w.key in s.names) / len(content) for s in window]
    best = max(range(len(window)), key=lambda i: (shares[i], -i))
    return window[best] if shares[best] >= weights().contradiction_min_alignment else None

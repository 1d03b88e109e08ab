"""Actors in parsed text: resolve a spaCy span, find every actor of a sentence, remember names.

``resolve_span`` reads the span's own text with :mod:`flashpoint.actors.resolve`, after
trimming what spaCy attaches to a subject or object that is not part of the actor (a relative
clause, a trailing appositive clause). ``find_actors`` proposes noun chunks and named entities
and keeps those that resolve. ``DocActors`` is a small per-document memory: once "South Korean
Defence Minister Shin Won-sik" has been read, a later "Shin" or "the minister" is KORGOV too.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..records import Actor
from .codes import in_country, is_international, renamed
from .resolve import Resolution, _as_date, resolve_tokens
from .tables import get_tables
from .text import fold, singular, tokenize

ACTOR_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
# Clause-like children of a noun that are not part of the actor's name or role.
_CUT_DEPS = frozenset({"relcl", "acl", "advcl", "punct"})
_PRONOUNS = frozenset(
    {
        "he",
        "she",
        "it",
        "they",
        "him",
        "her",
        "them",
        "we",
        "us",
        "i",
        "you",
        "who",
        "which",
        "that",
        "whom",
    }
)
# A place entity after these prepositions is where something happened, not who did it.
_LOCATIVE = frozenset(
    {"in", "near", "outside", "inside", "around", "across", "throughout", "within"}
)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _is_place_adjunct(span: Any) -> bool:
    """True for "in Seoul"-like spans: a place entity governed by a locative preposition."""
    root = span.root
    if root.ent_type_ not in _PLACE_LABELS:
        return False
    return root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.lower_ in _LOCATIVE


def _actor_like(span: Any) -> bool:
    """Whether a span's head can be an actor: a name, or a role noun ("troops", "minister").

    "Ukrainian flags" or "Russia's invasion" resolve to a country (the coder wants that for a
    subject) but are not actor mentions of their own in a list of who did what.
    """
    root = span.root
    if root.pos_ in ("PROPN", "PRON") or root.ent_type_:
        return True
    tables = get_tables()
    word = singular(fold(root.text))
    if (word,) in tables.sector_words or (fold(root.text),) in tables.names:
        return True
    # the head noun may close a multi-word role ("security forces", "state media")
    if root.i > span.start:
        pair = (fold(span.doc[root.i - 1].text), word)
        return pair in tables.sector_words
    return False


def _trimmed_text(span: Any) -> tuple[str, int]:
    """The span's text without relative clauses hanging off its root; (text, char offset)."""
    root = span.root
    cut = span.end
    for child in root.rights:
        if child.dep_ in ("relcl", "acl", "advcl") and span.start <= child.i < cut:
            cut = min(cut, child.left_edge.i)
    # drop a trailing comma/dash left by the cut
    while cut > span.start + 1 and span.doc[cut - 1].is_punct:
        cut -= 1
    piece = span.doc[span.start : cut]
    return piece.text, piece.start_char


def _resolve_span(
    span: Any, *, on: dt.date | None, context_country: str | None, side: str | None = None
) -> Resolution:
    if len(span) == 1 and span[0].lower_ in _PRONOUNS and not _capitals(span[0].text):
        return Resolution(None)  # "US" written in capitals is the country, not "us"
    text, _ = _trimmed_text(span)
    return resolve_tokens(
        span.text, tokenize(text), on=on, context_country=context_country, side_context=side
    )


def _capitals(text: str) -> bool:
    return len(text) > 1 and text.isupper()


def resolve_span(
    span: Any,
    *,
    on: dt.date | dt.datetime | None = None,
    context_country: str | None = None,
) -> Actor | None:
    """Resolve a spaCy ``Span`` (a noun phrase, or the subtree of a subject/object).

    ``Actor.text`` is the span's text as written. Same rules and arguments as ``resolve``.
    """
    return _resolve_span(span, on=_as_date(on), context_country=context_country).actor


def _candidates(doc_or_span: Any) -> list[Any]:
    """Noun chunks and actor-like entities of a doc/span, longest first, without overlaps."""
    if hasattr(doc_or_span, "root"):  # a Span (a Doc has no root)
        doc, lo, hi = doc_or_span.doc, doc_or_span.start, doc_or_span.end
    else:
        doc, lo, hi = doc_or_span, 0, len(doc_or_span)
    spans: list[Any] = []
    try:
        spans.extend(_with_of(nc) for nc in doc.noun_chunks if nc.start >= lo and nc.end <= hi)
    except (ValueError, AttributeError):  # no parser in the pipeline
        pass
    spans = [s for s in spans if s.end <= hi]
    spans.extend(e for e in doc.ents if e.label_ in ACTOR_LABELS and e.start >= lo and e.end <= hi)
    # an entity that sticks out of a noun chunk extends it ("North Korea's ruler Kim Jong Un")
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    chosen: list[Any] = []
    for s in spans:
        if chosen and s.start < chosen[-1].end:
            last = chosen[-1]
            if s.end > last.end:
                chosen[-1] = doc[last.start : s.end]
            continue
        chosen.append(s)
    return chosen


def _with_of(chunk: Any) -> Any:
    """Extend a noun chunk over its "of" phrase ("the wife" + "of the Russian ambassador") and
    over an appositive name right after it ("Kim Jong Un's sister" + "Kim Yo Jong")."""
    root = chunk.root
    doc = chunk.doc
    end = chunk.end
    for child in root.rights:
        if child.i < end:
            continue
        gap = doc[end : child.left_edge.i]
        if (
            child.dep_ == "prep"
            and child.lower_ == "of"
            and child.i == end
            or child.dep_ == "appos"
            and all(t.is_punct for t in gap)
            and len(gap) <= 1
        ):
            end = child.right_edge.i + 1
        else:
            break
    return doc[chunk.start : end] if end != chunk.end else chunk


def find_actors(
    doc_or_span: Any,
    *,
    on: dt.date | dt.datetime | None = None,
    context_country: str | None = None,
) -> list[tuple[Any, Actor]]:
    """Every actor mention in a parsed doc or span, in text order, as (span, actor) pairs."""
    return DocActors(on=on, context_country=context_country).find_actors(doc_or_span)


class DocActors:
    """Per-document actor memory: names and titles seen earlier resolve later short mentions.

    Use one instance per article, in reading order: ``resolve_span`` / ``resolve`` /
    ``find_actors`` learn from every mention that names a person ("Defence Minister Shin
    Won-sik" teaches "Shin" and "minister") and answer a later bare "Shin", "Kim" or "the
    president" with the remembered actor before falling back to ``context_country``.
    """

    def __init__(
        self, *, on: dt.date | dt.datetime | None = None, context_country: str | None = None
    ) -> None:
        self.on = _as_date(on)
        self.context_country = context_country
        self._names: dict[str, Actor] = {}
        self._titles: dict[str, Actor] = {}

    # -- memory ---------------------------------------------------------------------------
    def _learn(self, res: Resolution) -> None:
        actor = res.actor
        if actor is None or not (actor.country or is_international(actor)):
            return
        if not res.person:
            return  # only a named person teaches names and titles ("officials" teaches nothing)
        parts = [p for p in fold(res.person).split() if p.isalpha() or "-" in p]
        if parts:
            self._names[" ".join(parts)] = actor
            self._names[parts[-1]] = actor
            self._names[parts[0]] = actor
        for title in res.titles:
            self._titles[title] = actor

    def _recall(self, res: Resolution, text: str) -> Actor | None:
        """A remembered actor for a mention that resolved to no country (or nothing)."""
        if res.actor is not None and res.has_country:
            return None
        if res.person:
            key = " ".join(fold(res.person).split())
            hit = (
                self._names.get(key)
                or self._names.get(key.split()[-1])
                or self._names.get(key.split()[0])
            )
            if hit is not None:
                return renamed(hit, text)
        # "the president", "the minister": a definite, singular title names one person
        words = fold(text).split()
        if len(words) >= 2 and words[0] == "the":
            for title in reversed(res.titles):
                if words[-1] != title.split()[-1]:
                    continue  # written in the plural ("the ministers" is a group)
                hit = self._titles.get(title)
                if hit is not None:
                    return renamed(hit, text)
        return None

    def _finish(self, res: Resolution, text: str) -> Actor | None:
        recalled = self._recall(res, text)
        if recalled is not None:
            return recalled
        self._learn(res)
        actor = res.actor
        if actor is not None and not res.has_country and self.context_country:
            return in_country(actor, self.context_country, text=text)
        return actor

    # -- API ------------------------------------------------------------------------------
    def resolve(self, text: str) -> Actor | None:
        res = resolve_tokens(
            text,
            tokenize(text),
            on=self.on,
            context_country=None,
            side_context=self.context_country,
        )
        return self._finish(res, text)

    def resolve_span(self, span: Any) -> Actor | None:
        res = _resolve_span(span, on=self.on, context_country=None, side=self.context_country)
        return self._finish(res, span.text)

    def find_actors(self, doc_or_span: Any) -> list[tuple[Any, Actor]]:
        out = []
        for span in _candidates(doc_or_span):
            if _is_place_adjunct(span) or not _actor_like(span):
                continue
            actor = self.resolve_span(span)
            if actor is not None:
                out.append((span, actor))
        return out


__all__ = ["DocActors", "find_actors", "resolve_span"]

"""Actors in parsed text: resolve a spaCy span, find every actor of a sentence, remember names.

``resolve_span`` reads the span's own text with :mod:`flashpoint.actors.resolve`, after
trimming what spaCy attaches to a subject or object that is not part of the actor (a relative
clause, a trailing appositive clause). ``find_actors`` proposes noun chunks and named entities
and keeps those that resolve. ``DocActors`` is a small per-document memory: once "South Korean
Defence Minister Shin Won-sik" has been read, a later "Shin" or "the minister" is KORGOV too.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from ..nlp import children_of, ents_within, noun_chunks_within
from ..records import Actor
from .resolve import Resolution, _as_date, resolve_tokens
from .tables import get_tables
from .text import fold, singular, tokenize

ACTOR_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
# Clause-like children of a noun that are not part of the actor's name or role.
_CUT_DEPS = frozenset({"relcl", "acl", "advcl", "punct"})
# A place entity after these prepositions is where something happened, not who did it.
_LOCATIVE = frozenset(
    {"in", "near", "outside", "inside", "around", "across", "throughout", "within"}
)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def is_place_adjunct(span: Any) -> bool:
    """True for "in Seoul"-like spans: a place entity governed by a locative preposition."""
    root = span.root
    if root.ent_type_ not in _PLACE_LABELS:
        return False
    return root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.lower_ in _LOCATIVE


def actor_like(span: Any) -> bool:
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


def is_pronoun(token: Any) -> bool:
    """A pronoun of words.tsv ("it", "they", "who", "themselves"); "US" in capitals is none."""
    return token.lower_ in _pronouns() and not capitals(token.text)


@functools.lru_cache(maxsize=1)
def _pronouns() -> frozenset[str]:
    """Every pronoun list of words.tsv in one set, built once (not per mention read)."""
    words = get_tables().words
    lists = ("pronouns_person", "pronouns_group", "pronouns_relative", "pronouns_other")
    return frozenset().union(*(words[n] for n in lists))


def read_span(
    span: Any, *, on: dt.date | None, context_country: str | None, side: str | None = None
) -> Resolution:
    if len(span) == 1 and is_pronoun(span[0]):
        return Resolution(None)  # "US" written in capitals is the country, not "us"
    text, _ = _trimmed_text(span)
    return resolve_tokens(
        span.text, tokenize(text), on=on, context_country=context_country, side_context=side
    )


def capitals(text: str) -> bool:
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
    return read_span(span, on=_as_date(on), context_country=context_country).actor


def not_an_actor(span: Any) -> str | None:
    """Why a span names no actor ("talks: not an actor" for "Talks in Istanbul", a weapon, a
    storm), None when it may name one. A caller that would otherwise read the span's tail
    ("in Istanbul") as the actor asks this first: a thing's place is not its doer."""
    return read_span(span, on=None, context_country=None).reason


def of_several_countries(span: Any) -> bool:
    """Does a plural role say it belongs to several states ("Western governments", "foreign
    ministers", "world leaders"; ``words.tsv`` several_countries)? Then it names no country on
    purpose: a caller must not give it the country of a place or of the article."""
    root = span.root
    if root.tag_ not in ("NNS", "NNPS"):
        return False
    several = get_tables().words["several_countries"]
    return any(c.dep_ in ("amod", "compound") and fold(c.text) in several for c in children_of(root))


def candidates(doc_or_span: Any) -> list[Any]:
    """Noun chunks and actor-like entities of a doc/span, longest first, without overlaps."""
    if hasattr(doc_or_span, "root"):  # a Span (a Doc has no root)
        doc, lo, hi = doc_or_span.doc, doc_or_span.start, doc_or_span.end
    else:
        doc, lo, hi = doc_or_span, 0, len(doc_or_span)
    spans: list[Any] = []
    spans.extend(_with_of(nc) for nc in noun_chunks_within(doc, lo, hi))
    spans = [s for s in spans if s.end <= hi]
    spans.extend(e for e in ents_within(doc, lo, hi) if e.label_ in ACTOR_LABELS)
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


def pronoun_owner(span: Any) -> Any:
    """The possessive pronoun of a span's head noun ("their" in "their effort"), if any."""
    for child in children_of(span.root):
        if child.dep_ == "poss" and is_pronoun(child) and span.start <= child.i < span.end:
            return child
    return None


def doer_of_verb(span: Any) -> Any:
    """A verb is nobody: when spaCy makes a participle the subject ("The Red Cross WORKING in
    Yemen said", "Troops STATIONED in Chad said"), the actor is the participle's own subject,
    returned as its span; None for any other span."""
    root = span.root
    if root.pos_ != "VERB" or root.tag_ not in ("VBG", "VBN"):
        return None
    for child in root.lefts:
        if child.dep_ in SUBJECT_DEPS and child.pos_ in ("NOUN", "PROPN"):
            return span.doc[child.left_edge.i : child.i + 1]
    return None


def whole_name(span: Any) -> Any:
    """A proper name that spaCy's noun phrase cut before its prepositional phrases ("the
    Organization" of "the Organization for Security and Co-operation in Europe", "the Office
    for the Coordination of Humanitarian Affairs"): the span over them (``words.tsv``
    name_preps, each followed by a proper noun), None when the name goes no further."""
    root = span.root
    if root.pos_ != "PROPN" or root.i != span.end - 1:
        return None
    preps = get_tables().words["name_preps"]
    end = span.end
    for child in root.rights:
        if child.i != end or child.dep_ != "prep" or child.lower_ not in preps:
            break
        if not any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in children_of(child)):
            break
        end = child.right_edge.i + 1
    return span.doc[span.start : end] if end > span.end else None


def with_service(span: Any) -> Any:
    """The span of a role with the participle that says whom it serves or where it is based
    ("soldiers SERVING with the UN mission", "troops STATIONED in Mali": ``words.tsv``
    service_participles), right after it, without that clause's own clauses; else None."""
    root = span.root
    participles = get_tables().words["service_participles"]
    for child in root.rights:
        if child.i != span.end or child.dep_ != "acl" or child.lower_ not in participles:
            continue
        end = child.i + 1
        for part in child.rights:
            if part.dep_ in _CUT_DEPS or part.dep_ == "appos":
                break
            end = part.right_edge.i + 1
        return span.doc[span.start : end]
    return None


def with_title(span: Any) -> Any:
    """The span of a name with the title set off after it by a comma ("Karim Benhaddou,
    Morocco's best-known press freedom campaigner", "Jaishankar, India's foreign minister"), so the
    resolver reads both (``resolve.name_then_title``); the title's own clauses are left out
    ("..., who said"). None when the name has no appositive title."""
    doc = span.doc
    for child in span.root.rights:
        if child.i < span.end or child.dep_ != "appos" or child.pos_ != "NOUN":
            continue
        gap = doc[span.end : child.left_edge.i]
        if len(gap) != 1 or gap[0].text != ",":
            return None
        end = child.i + 1
        for part in child.rights:  # "head of the agency": the title goes on through "of"
            if part.dep_ in _CUT_DEPS or part.dep_ == "appos":
                break
            end = part.right_edge.i + 1
        return doc[span.start : end]
    return None


__all__ = ["not_an_actor", "of_several_countries", "resolve_span"]

"""Statements cut into clauses, each checked on its own.

A statement such as "X did A, indicating B" makes two claims; the article may back the first and
not the second, and the second should not drag the first's alignment towards other sentences.
Clauses are the verb heads of a sentence (root, coordinated verbs, adverbial and paratactic
clauses) with the tokens they govern. Commentary -- the writer's reading of the facts, not a
fact the article must state literally -- is kept but marked, and counts far less. Three kinds,
each recognised by its grammar and a word list in ``data/lexicon.json``:

- a participial clause that interprets ("indicating a threat", "highlighting concerns") or
  names a reaction rather than an event ("sparking fears", "adding to tensions");
- a reading of an act "as" something ("in a move widely seen as a warning to Kyiv");
- the attribution to unnamed commentators ("..., analysts say"): the attribution is
  commentary, the content they are said to report is still a claim to check.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .lexicon import lexicon

_CLAUSE_DEPS = frozenset({"ROOT", "conj", "advcl", "parataxis"})
_MIN_TOKENS = 3


@dataclass
class Clause:
    """One clause of a statement: its tokens (in order) and whether it is commentary."""

    tokens: list[Any]
    commentary: bool

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.tokens)


def _is_interpretation(token: Any) -> bool:
    """A past participle reading something "as" something ("seen as a warning")."""
    return (
        token.tag_ == "VBN"
        and token.lemma_.lower() in lexicon().interpretation_verbs
        and any(c.lower_ == "as" for c in token.children)
    )


def _is_attribution(token: Any) -> bool:
    """A sentence root that attributes its reported content to unnamed commentators."""
    lex = lexicon()
    return (
        token.dep_ == "ROOT"
        and token.lemma_.lower() in lex.attribution_verbs
        and any(c.dep_ == "nsubj" and c.lemma_.lower() in lex.commentators for c in token.children)
        and any(c.dep_ == "ccomp" for c in token.children)
    )


def _is_head(token: Any) -> bool:
    if token.dep_ == "acl" and _is_interpretation(token):
        return True
    if token.dep_ == "ccomp" and _is_attribution(token.head):
        return True
    if token.dep_ not in _CLAUSE_DEPS:
        return False
    if token.dep_ == "ROOT":
        return True
    if token.pos_ not in ("VERB", "AUX"):
        return False
    return not (token.dep_ == "conj" and token.head.pos_ not in ("VERB", "AUX"))


def _is_commentary(head: Any) -> bool:
    if head.dep_ == "ROOT":
        return _is_attribution(head)
    if head.dep_ == "acl":
        return _is_interpretation(head)
    if head.dep_ == "ccomp" or head.tag_ not in ("VBG", "VBN"):
        return False
    lex = lexicon()
    if head.lemma_.lower() in lex.commentary_verbs:
        return True
    objects = [c for c in head.children if c.dep_ == "dobj"]
    objects += [g for c in head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(o.lemma_.lower() in lex.commentary_objects for o in objects)


def split_clauses(doc: Any) -> Iterator[Clause]:
    """Yield the clauses of every sentence of a parsed statement."""
    for sent in doc.sents:
        heads = [t for t in sent if _is_head(t)]
        groups: dict[int, list[Any]] = {h.i: [] for h in heads}
        for tok in sent:
            node = tok
            while node.i not in groups and node.head.i != node.i:
                node = node.head
            groups.setdefault(node.i, []).append(tok)
        # Merge clauses too small to align on their own into the clause that governs them.
        for head in sorted(heads, key=lambda h: -len(list(h.ancestors))):
            if head.dep_ == "ROOT" or head.i not in groups:
                continue
            words = [t for t in groups[head.i] if not (t.is_punct or t.is_stop)]
            if len(words) < _MIN_TOKENS and not _is_commentary(head):
                parent = head.head
                while parent.i not in groups and parent.head.i != parent.i:
                    parent = parent.head
                if parent.i in groups and parent.i != head.i:
                    groups[parent.i].extend(groups.pop(head.i))
        for head_i, toks in sorted(groups.items()):
            if not toks:
                continue
            head = doc[head_i]
            yield Clause(tokens=sorted(toks, key=lambda t: t.i), commentary=_is_commentary(head))


__all__ = ["Clause", "split_clauses"]

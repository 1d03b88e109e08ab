"""Reciprocal objects: "each other", "one another", "the other" name the doer's other side.

"Thailand and Cambodia accused each other of breaking the truce" is two accusations, each
side's of the other: the coder codes the first conjunct as the source, and the reciprocal
object must then be the second conjunct, never nobody. "Each side accused the other" says the
same of the two sides the article paired before (the doer "each side" is the first of them,
``DocActors.pair_mention``; "the other" the second, ``other_side``). Words in
``data/grammar.json`` (reciprocal_words, distributive_words).
"""

from __future__ import annotations

from typing import Any

from ..nlp import children_of
from .grammar import words

Token = Any

RECIPROCAL = words("reciprocal_words")
DISTRIBUTIVE = words("distributive_words")


def _is_reciprocal(tok: Token, doer: Token) -> bool:
    """ "each other" / "one another" (spaCy hangs "each" or "another" on the other word), or
    "the other" after a distributive doer ("each side ... the other")."""
    kids = {c.lower_ for c in children_of(tok)}
    if tok.lower_ == "other" and "each" in kids:
        return True
    if tok.lower_ == "one" and "another" in kids:
        return True
    if tok.lower_ in RECIPROCAL and "the" in kids:
        return any(c.lower_ in DISTRIBUTIVE for c in children_of(doer))
    return False


def reciprocal_object(trigger: Token, doer: Token | None) -> Token | None:
    """The reciprocal object of the trigger (a direct object, or the object of one of its
    prepositions: "clashed WITH each other", "fired AT one another"), None when it has none."""
    if doer is None:
        return None
    for c in children_of(trigger):
        if c.dep_ in ("dobj", "obj", "dative") and _is_reciprocal(c, doer):
            return c
        if c.dep_ == "prep":
            for g in children_of(c):
                if g.dep_ == "pobj" and _is_reciprocal(g, doer):
                    return g
    return None


__all__ = ["reciprocal_object"]

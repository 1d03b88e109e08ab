"""A named armed coalition the actor tables do not know is an armed non-state group.

Wire news names the rebels of Myanmar, Congo, the Sahel or the Central African Republic by the
coalitions they form: "the Three Brotherhood Alliance captured Lashio", "the March 23 Movement
seized Bunagana", "the Coalition of Patriots for Change attacked Bambari". The tables cannot
list every such name, and an unknown name leaves the act without a doer. When the doer of an
act of force is a proper name (an ORG entity or capitalised words) headed by a word of
coalition (``grammar.json`` armed_name_heads) and the tables know nothing of it, it is a rebel
group (REB); the coder then places it in the country where it acted, as any bare sector. Words
and acts in words keep no such doer: "the Democratic Alliance criticised the budget" names a
party the tables do not know, not an armed group.
"""

from __future__ import annotations

from typing import Any

from ..actors.codes import make
from ..nlp import entity_at
from ..records import Actor
from .grammar import words

Token = Any

HEADS = words("armed_name_heads")
REBELS = "REB"
_NAME_LABELS = ("ORG", "NORP", "FAC", "")


def _named(tok: Token) -> bool:
    """Is the token the head of a proper name ("Alliance" of "the Three Brotherhood Alliance",
    "Coalition" of "the Coalition of Patriots for Change"), not a common noun ("an alliance of
    rebel groups")? A capital opening the sentence says nothing, so there only the tagger's
    proper noun counts."""
    if tok.i == tok.sent.start:
        return tok.pos_ == "PROPN"
    return tok.pos_ == "PROPN" or tok.text[:1].isupper()


def armed_name(tok: Token | None) -> Actor | None:
    """A rebel group for a doer named as an unknown armed coalition, else None."""
    if tok is None or tok.lemma_.lower() not in HEADS and tok.lower_ not in HEADS:
        return None
    if not _named(tok):
        return None
    ent = entity_at(tok.doc, tok.i)
    if ent is not None and ent.label_ not in _NAME_LABELS:
        return None  # a place or a person named "Union ..." is no coalition
    span = tok.doc[tok.left_edge.i : tok.right_edge.i + 1]
    return make(span.text, None, REBELS)


__all__ = ["armed_name"]

"""Armed men entering a place take it: "rebels entered Damascus", "tanks rolled into the city".

No verb table can code "enter" by itself: "the delegation entered Damascus" and "the parties
entered talks" are no events. The same verbs made by a doer that bears arms (``armed_sectors``)
into a place are the taking of it, CAMEO 192 (occupy territory), as ACLED codes a
non-state group's taking of a town. The verbs, prepositions and place nouns are data
(``advance_verbs``, ``advance_preps``, ``advance_places`` in ``data/grammar.json``).
"""

from __future__ import annotations

from typing import Any

from ..actors import resolve
from ..actors.places import resolve_place
from ..nlp import children_of
from ..records import Actor
from .grammar import ARMED_SECTORS, PLACE_HEADS, words
from .mentions import np_span
from .patterns import lemma
from .syntax import subject_of

Token = Any

OCCUPY = "192"
ADVANCE_VERBS = words("advance_verbs")
ADVANCE_PREPS = words("advance_preps")
PLACES = words("advance_places") | PLACE_HEADS
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
SCORE = 3  # as sure as a verb row with its object


def advance_code(tok: Token) -> tuple[str, int] | None:
    """(192, score) when ``tok`` is an advance verb made by armed men into a place; else None."""
    if tok.pos_ != "VERB" or lemma(tok) not in ADVANCE_VERBS:
        return None
    if not any(_place(g) for g in _goals(tok)):
        return None
    subj, passive = subject_of(tok)
    if subj is None or passive:
        return None
    # the phrase ("Syrian rebels") or its head ("Taliban FIGHTERS", though the Taliban govern)
    armed = any(_armed(resolve(text)) for text in (np_span(subj).text, subj.text))
    return (OCCUPY, SCORE) if armed else None


def _armed(actor: Actor | None) -> bool:
    if actor is None:
        return False
    code = actor.code or ""
    return bool({actor.sector, code[:3], code[3:6]} & ARMED_SECTORS)


def _goals(tok: Token) -> list[Token]:
    """Where the movement goes: the object of "enter", the object after "into"/"through"."""
    out = [c for c in children_of(tok) if c.dep_ in ("dobj", "obj")] if lemma(tok) == "enter" else []
    for c in children_of(tok):
        if c.dep_ == "prep" and c.lower_ in ADVANCE_PREPS:
            out.extend(g for g in children_of(c) if g.dep_ == "pobj")
    return out


def _place(tok: Token) -> bool:
    return (
        tok.ent_type_ in _PLACE_ENTITIES
        or tok.lemma_.lower() in PLACES
        or tok.lower_ in PLACES
        or _gazetteer_place(tok)
    )


def _gazetteer_place(tok: Token) -> bool:
    """A proper name the offline gazetteer knows as a place, whatever label spaCy gave it
    ("pushed into Rafah": no entity; "into El Fasher", "into Laukkai": ORG). A person's name
    is none."""
    if tok.pos_ != "PROPN" or tok.ent_type_ in ("PERSON", "NORP"):
        return False
    start = tok.i
    while start > 0 and tok.doc[start - 1].pos_ == "PROPN" and tok.doc[start - 1].head.i == tok.i:
        start -= 1  # "El Fasher", "Khan Younis"
    return resolve_place(tok.doc[start : tok.i + 1].text) is not None


__all__ = ["OCCUPY", "advance_code"]

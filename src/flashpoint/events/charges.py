"""Charges: the act a court or the police hold someone to have done is no new event.

"A court sentenced a man to 18 years FOR MURDERING his neighbour", "convicted a man OF SHOOTING
two officers", "arrested for ATTACKING a policeman": the gerund after "for"/"of" of a judicial
verb (``charge_verbs`` in ``data/grammar.json``) is the charge, judged or alleged, of a time
the sentence does not give; the event the sentence reports is the judgement or the arrest.
"""

from __future__ import annotations

from typing import Any

from .grammar import words
from .patterns import lemma

Token = Any
_PREPS = ("for", "of")


def is_charge(tok: Token) -> bool:
    """Is ``tok`` the gerund of a charge ("sentenced him FOR KILLING", "guilty OF SHOOTING")?"""
    if tok.pos_ != "VERB" or tok.dep_ != "pcomp" or tok.head.lower_ not in _PREPS:
        return False
    holder = tok.head.head
    if holder.pos_ in ("NOUN", "PROPN") and holder.dep_ in ("dobj", "obj", "pobj", "nsubjpass"):
        holder = holder.head  # "sentenced a protester to death FOR attacking": on the object
        if holder.pos_ == "ADP":
            holder = holder.head
    return lemma(holder) in words("charge_verbs")


__all__ = ["is_charge"]

"""Two sides named by one noun: "Russian and Ukrainian delegations met", "Indian and Chinese
troops clashed", "the Armenian and Azerbaijani foreign ministers held talks".

Wire news names the two parties of a meeting, a clash or an agreement by two coordinated
nationality adjectives on one head noun. The parser gives the head a single noun (no noun
conjunct), so the whole phrase would resolve to the first adjective's country alone and the act
would lose its counterpart. The second adjective with the words after it up to the head ("Ukrainian
delegations", "Azerbaijani foreign ministers") is the second side, a mention of its own: the
coder resolves it like any other and keeps it only when it names another country.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from ..nlp import children_of, conjuncts_of

# how the parser hangs a nationality word on its head: "Russian" amod, "Thai" nmod, "US" compound
_MODIFIERS = ("amod", "nmod", "compound")


def adjective_side(head: Token) -> Any | None:
    """The span naming the second side of a head modified by two coordinated adjectives
    ("UKRAINIAN DELEGATIONS" of "Russian and Ukrainian delegations"), or None. Only an
    adjective before the head whose conjunct also stands before it counts, so "Chinese troops
    and police" (a noun conjunct, read elsewhere) and "Russian troops, tired and hungry" (no
    second side) give nothing."""
    for adj in children_of(head):
        if adj.dep_ not in _MODIFIERS or adj.i > head.i:
            continue
        second = next((c for c in conjuncts_of(adj) if adj.i < c.i < head.i), None)
        if second is not None:
            return head.doc[second.i : head.i + 1]
    return None


__all__ = ["adjective_side"]

"""An act two sides do together is cooperation: joint military exercises are 062, not 150.

CAMEO codes military exercises as a show of force (150, PLOVER MOBILIZE) unless they are joint
(062, cooperate militarily, PLOVER COOPERATE). Sentences rarely say "joint": "Beijing and Moscow
held military exercises", "French and Egyptian warships launched war games", "the drill was
conducted by British paratroopers and Kenyan soldiers", "held drills with the Indian navy". This
module reads the two sides from the parse (conjoined doers, conjoined adjectives of the doer,
a partner after "with", or a word of the noun table's joint rows on the noun: "combined
maneuvers") and re-codes the act; which codes, which nouns and which prepositions
are data (``data/joint.json``, with the evidence for the rule).
"""

from __future__ import annotations

import functools
from typing import Any

from ..nlp import children_of
from .found import Found
from .grammar import SUBJ
from .patterns import noun_code
from .tables import data_json

Token = Any

_NOUNS_OF = ("dobj", "nsubjpass", "nsubj", "attr")  # where the event noun sits on a light verb


@functools.lru_cache(maxsize=1)
def _data() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    data = data_json("joint.json")
    return (
        dict(data["codes"]["map"]),
        frozenset(data["nouns"]["words"]),
        frozenset(data["partner_preps"]["words"]),
    )


def together(found: Found) -> None:
    """Re-code ``found`` as its joint act when two sides do it (module docstring)."""
    codes, nouns, preps = _data()
    joint = codes.get(found.code)
    if joint is None:
        return
    trigger = found.trigger
    noun = _event_noun(trigger, nouns)
    if noun is None:
        return
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    doers = [found.source] if found.source is not None else []
    doers += [c for c in children_of(verb) if c.dep_ in SUBJ]
    doers += [p for c in children_of(verb) if c.dep_ == "agent" for p in children_of(c) if p.dep_ == "pobj"]
    if (
        any(_two_sides(d) for d in doers)
        or _partner(verb, preps)
        or _partner(noun, preps)
        or noun_code(noun) == joint  # "staged COMBINED maneuvers": the noun table's own word
    ):
        found.code = joint


def _event_noun(trigger: Token, nouns: frozenset[str]) -> Token | None:
    if trigger.lemma_.lower() in nouns or trigger.lower_ in nouns:
        return trigger
    for c in children_of(trigger):
        if c.dep_ in _NOUNS_OF and (c.lemma_.lower() in nouns or c.lower_ in nouns):
            return c
    return None


def _two_sides(doer: Token) -> bool:
    """"X and Y", "French and Egyptian warships": the doer is two sides."""
    if any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in children_of(doer)):
        return True
    return any(
        c.dep_ in ("amod", "compound") and any(g.dep_ == "conj" for g in children_of(c))
        for c in children_of(doer)
    )


def _partner(tok: Token, preps: frozenset[str]) -> bool:
    """A partner named after "with"/"alongside" on the verb or the event noun."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in preps
        and any(g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") for g in children_of(c))
        for c in children_of(tok)
    )


__all__ = ["together"]

"""A hidden explosive set off by its victim: "their patrol hit a roadside bomb", "a farmer stepped
on a landmine", "the convoy ran over a mine".

The verb that codes an attack ("hit", "strike") has the vehicle or person as its subject, but
that subject is who was struck: the attacker who laid the bomb is not named. Read as the verb's
own roles, the patrol would be the attacker, and the soldiers "wounded when their patrol hit a
roadside bomb" would have been wounded by their own patrol. The verbs and the explosives are
data (``tripping_verbs``, ``tripped_weapons`` in ``data/grammar.json``).
"""

from __future__ import annotations

from typing import Any

from ..nlp import children_of
from .found import Found
from .grammar import words
from .patterns import lemma

Token = Any

TRIPPING_VERBS = words("tripping_verbs")
TRIPPED_WEAPONS = words("tripped_weapons")
_OVER = ("on", "over", "onto", "into")  # "stepped ON a mine", "ran OVER a mine"


def tripped(verb: Token) -> bool:
    """Did the subject of ``verb`` set off a hidden explosive ("hit a roadside BOMB", "stepped
    on a LANDMINE")? A bomb dropped or fired is no tripped one: only these verbs count."""
    if verb.pos_ != "VERB" or lemma(verb) not in TRIPPING_VERBS:
        return False
    objects = [c for c in children_of(verb) if c.dep_ in ("dobj", "obj")]
    for c in children_of(verb):
        if c.dep_ == "prep" and c.lower_ in _OVER:
            objects.extend(g for g in children_of(c) if g.dep_ == "pobj")
    return any(o.lemma_.lower() in TRIPPED_WEAPONS for o in objects)


def victim_roles(verb: Token, found: Found) -> Found:
    """The act of a tripped explosive with its subject as the target and no source."""
    if found.source is None or not tripped(verb):
        return found
    found.targets = [found.source] + [t for t in found.targets if t.i != found.source.i]
    found.source = None
    return found


__all__ = ["TRIPPED_WEAPONS", "TRIPPING_VERBS", "tripped", "victim_roles"]

"""What an act answers when it names no one it is aimed at: the doer of its own reason clause.

A response to a harm ("launched reprisal raids after rebels ambushed a convoy") is aimed
at whoever the article said last used force on the responder's country (the memory), else at
the doer of the hostile act its "after" clause tells; a protest or complaint with no object
("The Philippines protested after China's coast guard used water cannon") at the doer of
whatever act its "after" clause tells. Subordinators and roots in ``data/reasons.json``.
"""

from __future__ import annotations

import functools
from typing import Any

from ..nlp import children_of
from ..records import Actor
from .found import Found
from .mentions import DocState, actor_of
from .patterns import verb_code
from .tables import data_json
from .threats import answers_harm, is_hostile

Token = Any


@functools.cache
def _data() -> dict[str, frozenset[str]]:
    data = data_json("reasons.json")
    return {
        "after": frozenset(data["subordinators"]["words"]),
        "reproach": frozenset(data["reproach_roots"]["roots"]),
    }


def answered_target(f: Found, source: Actor, state: DocState) -> Actor | None:
    """The target of ``f`` read from what it answers, or None (module docstring)."""
    if answers_harm(f.trigger):
        known = state.memory.attacker_of(source)  # "Iran vowed to retaliate": whoever struck Iran
        return known or actor_of(_reason_doer(f.trigger, hostile=True), state, role="target")
    if f.code[:2] not in _data()["reproach"]:
        return None
    doer = actor_of(_reason_doer(f.trigger, hostile=False), state, role="target")
    if doer is None or (doer.country is not None and doer.country == source.country):
        return None  # "Japan protested after its own coast guard ...": no one else answered
    return doer


def _reason_doer(act: Token, *, hostile: bool) -> Token | None:
    """The active subject of the act's "after" clause, of a hostile act when ``hostile``
    ("ambushed a convoy", "used water cannon"; a conjunct counts: "crossed the border and SHELLED")."""
    for c in children_of(act):
        marks = {m.lower_ for m in children_of(c) if m.dep_ == "mark"}
        if c.dep_ != "advcl" or not marks & _data()["after"]:
            continue
        acts = [c, *(x for x in children_of(c) if x.dep_ == "conj" and x.pos_ == "VERB")]
        if hostile and not any(is_hostile(code[0]) for a in acts if (code := verb_code(a)) is not None):
            continue
        return next((g for g in children_of(c) if g.dep_ == "nsubj"), None)
    return None


__all__ = ["answered_target"]

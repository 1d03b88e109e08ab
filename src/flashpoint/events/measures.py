"""The target of an economic measure named on what it falls on.

A tariff, an export ban or an asset freeze is aimed at a country, but wire news often names
that country only on the goods or assets: "froze 7.4 billion francs of RUSSIAN assets",
"retaliated with tariffs of 34% on AMERICAN goods", "banned exports of gallium and germanium
TO THE UNITED STATES". When such a measure (``grammar.json`` roots "measure") has no target,
the first country named on one of its goods (``trade_goods``: their nationality, or where they
go or come from) other than the doer's own is the target. A measure on the doer's own goods
("banned exports of Chinese rare earths") has none.
"""

from __future__ import annotations

from typing import Any

from ..nlp import children_of
from ..records import Actor
from .grammar import roots, words
from .mentions import DocState, actor_of, span_actor

Token = Any

MEASURE_ROOTS = roots("measure")
GOODS = words("trade_goods")
_ORIGIN_PREPS = ("to", "from", "of")
_MODIFIERS = ("amod", "compound", "nmod")


def _goods_countries(goods: Token, state: DocState) -> list[Actor]:
    """The countries named on goods: their nationality words, then the objects of "to",
    "from", "of" anywhere in their phrase ("exports of gallium and germanium TO the US")."""
    found: list[Actor] = []
    for c in children_of(goods):
        if c.dep_ in _MODIFIERS and c.i < goods.i and c.pos_ in ("ADJ", "PROPN"):
            actor = span_actor(goods.doc[c.i : c.i + 1], state)
            if actor is not None:
                found.append(actor)
    for tok in goods.subtree:
        if tok.dep_ == "pobj" and tok.head.lower_ in _ORIGIN_PREPS and tok.head.i > goods.i:
            actor = actor_of(tok, state, role="target")
            if actor is not None:
                found.append(actor)
    return found


def measure_target(code: str, trigger: Token, source: Actor | None, state: DocState) -> Actor | None:
    """The country a measure with no named target falls on, from the goods after its trigger;
    None when the code is no measure, no goods are named or they are the doer's own."""
    if code[:2] not in MEASURE_ROOTS:
        return None
    own = source.country if source is not None else None
    for tok in trigger.subtree:
        if tok.i <= trigger.i or tok.lemma_.lower() not in GOODS:
            continue
        for actor in _goods_countries(tok, state):
            if actor.country and actor.country != own:
                return Actor(text=actor.text, code=actor.country, country=actor.country)
    return None


__all__ = ["measure_target"]

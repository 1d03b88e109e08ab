"""The parties an article's references imply: "the two sides" and "the launch".

``ImpliedParties`` remembers the last two sides of different countries (or of one country and
different sectors, a civil war's) the coder saw act together ("Pakistan and Afghanistan agreed
to a ceasefire"), so that a later "the two sides" /
"both countries" stands for them (``pair_mention``, with the other one kept for
``other_side``) and either side's counterpart is the other (``counterpart``); and who did each
act, under the lemma of its word and of the act it names ("launched an attack"), so that a
later definite "the launch", "the attack" refers back to its doer (``doer_of``).
"""

from __future__ import annotations

from typing import Any

from ..nlp import children_of
from ..records import Actor
from .codes import is_international, make, renamed
from .resolve import resolve_tokens
from .tables import get_tables
from .text import fold, tokenize


class ImpliedParties:
    """The last pair of sides that acted together, and the doer of each act, per article."""

    def __init__(self) -> None:
        self._deeds: dict[str, Actor] = {}  # lemma of an act -> who did it last
        self._pair: tuple[Actor, Actor] | None = None  # the last two sides that acted together
        self._pair_mentions: dict[int, Actor] = {}  # "the two sides" (its head) -> the other
        self._attackers: dict[str, Actor] = {}  # a country -> who last used force on it

    # -- pairs: "the two sides" are the two the article had act together -----------------
    def learn_pair(self, one: Actor | None, other: Actor | None) -> None:
        """Remember two sides that acted together: of different countries ("Pakistan and
        Afghanistan agreed to a ceasefire"), or the two sides of a civil war, of one country
        and different sectors ("fighting between Sudan's army and the RSF"): a later "the two
        sides" are they."""
        if one is None or other is None or not (one.country and other.country):
            return
        if one.country != other.country or (one.sector and other.sector and one.sector != other.sector):
            self._pair = (one, other)

    def counterpart(self, actor: Actor | None) -> Actor | None:
        """The other side of the last pair the article had act together, for one of its sides
        ("Armenia and Azerbaijan committed to peace ... Baku says it will sign": Armenia); the
        sides of a civil war are told apart by their codes."""
        if actor is None or self._pair is None or not actor.country:
            return None
        one, other = self._pair
        key = (lambda a: a.code) if one.country == other.country else (lambda a: a.country)
        if key(actor) == key(one):
            return other
        if key(actor) == key(other):
            return one
        return None

    def other_side(self, head: int) -> Actor | None:
        """The second side of a pair mention whose head is token ``head`` ("the two sides would
        meet again": the one the mention did not stand for), None for any other mention."""
        return self._pair_mentions.get(head)

    def pair_mention(self, span: Any) -> Actor | None:
        """ "the two sides", "both countries": the first side of the last pair, remembered with
        the second (``other_side``); None when the mention is no pair or no pair is known."""
        words = get_tables().words
        keys = [t.lower_ for t in span if t.lower_ not in words["articles"]]
        if self._pair is None or len(keys) != 2 or keys[0] not in words["pair_numbers"]:
            return None
        if keys[1] not in words["pair_heads"]:
            return None
        sector = resolve_tokens(keys[1], tokenize(keys[1])).actor
        civil = self._pair[0].country == self._pair[1].country  # two sides of one country
        first, second = (
            make(span.text, side.country, side.sector if civil else sector.sector if sector else None)
            for side in self._pair
        )
        self._pair_mentions[span.root.i] = second
        return first

    # -- deeds: "condemned the launch" targets who launched -----------------------------
    def learn_deed(self, trigger: Any, doer: Actor | None) -> None:
        """Remember who did an act, under the lemma of its word ("launched" -> "launch") and of
        the act or the weapons it names as its object ("carried out strikes", "launched an
        attack", "fired a barrage of missiles": a later "the missiles" are its doer's)."""
        if doer is None or not (doer.country or is_international(doer)):
            return
        self._deeds[fold(trigger.lemma_)] = doer
        for c in children_of(trigger):
            if c.dep_ == "dobj" and c.pos_ == "NOUN":
                self._deeds[fold(c.lemma_)] = doer
                for g in _of_objects(c):  # "fired a barrage OF MISSILES": the missiles too
                    self._deeds[fold(g.lemma_)] = doer

    # -- attacks: "Iran vowed to retaliate" answers who struck Iran ----------------------
    def learn_attack(self, doer: Actor | None, victim: Actor | None) -> None:
        """Remember who used force on a country ("Israel struck the Iranian consulate"), so
        that a response the victim vows is aimed at that doer (``attacker_of``)."""
        if doer is None or victim is None or not doer.country or not victim.country:
            return
        if doer.country != victim.country:
            self._attackers[victim.country] = doer

    def attacker_of(self, actor: Actor | None) -> Actor | None:
        """Who last used force on the actor's country, as the article told it, or None."""
        if actor is None or not actor.country:
            return None
        return self._attackers.get(actor.country)

    def doer_of(self, noun: Any) -> Actor | None:
        """Who did the act a definite noun with no owner refers back to: "the launch" after
        "North Korea launched a satellite" is North Korea's; "a launch" or "its launch" is not
        a reference back (``words.tsv`` deed_determiners). A doer noun names the doer of its
        deed: "the attackers" after "jihadists attacked a camp" are the jihadists (doer_nouns)."""
        dets = [c for c in children_of(noun) if c.dep_ == "det"]
        if any(c.dep_ == "poss" for c in children_of(noun)) or not dets:
            return None
        if dets[0].lower_ not in get_tables().words["deed_determiners"]:
            return None
        deed = _doer_nouns().get(fold(noun.lemma_), fold(noun.lemma_))  # "the ATTACKERS": attack
        doer = self._deeds.get(deed)
        return renamed(doer, noun.text) if doer is not None else None


def _doer_nouns() -> dict[str, str]:
    """The doer nouns and the deed each names (``words.tsv`` doer_nouns, "attacker=attack")."""
    return dict(w.split("=", 1) for w in get_tables().words["doer_nouns"])


def _of_objects(noun: Any) -> list[Any]:
    """The nouns a quantity or a group noun is "of": "a barrage of MISSILES", "dozens of DRONES"."""
    return [
        g
        for p in children_of(noun)
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in children_of(p)
        if g.dep_ == "pobj" and g.pos_ == "NOUN"
    ]


__all__ = ["ImpliedParties"]

"""Warships and warplanes passing a place show force (``data/patrols.json``).

"A British frigate sailed near a reef held by China", "two Dutch warships
steamed through the Strait of Hormuz", "Russian bombers flew over the Sea of Japan": CAMEO 150
(demonstrate military power, PLOVER MOBILIZE), as the verb "patrol" is. No verb row can code
it, since the craft is the subject: "the ferry sailed to the island" and "the president flew to
Paris" are no events. A craft is a warship or warplane word, or a ship or plane named military
by its modifier ("a navy ship"); its passage is a motion verb with a place after a preposition of
passage ("near", "through", "over") or "conducted a patrol near". A craft the other side reports
seeing, "Taiwan detected 45 Chinese military aircraft around the island", shows force the same
way: its owner is the doer and the state that saw it the target (``sighted_craft``).
"""

from __future__ import annotations

import functools
from typing import Any

from ..nlp import children_of
from .found import Found
from .patterns import lemma
from .syntax import subject_of
from .tables import data_json

Token = Any
SCORE = 3  # as sure as a verb row with its object


@functools.lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    data = data_json("patrols.json")
    return {
        "verbs": frozenset(data["motion_verbs"]["words"]),
        "passages": frozenset(data["passages"]["words"]),
        "preps": frozenset(data["places_preps"]["words"]),
        "craft": frozenset(data["craft"]["words"]),
        "armed": frozenset(data["armed_modifiers"]["words"]),
        "heads": frozenset(data["armed_modifiers"]["heads"]),
        "code": str(data["code"]["code"]),
        "sightings": frozenset(data["sighting_verbs"]["words"]),
        "arrivals": frozenset(data["arrivals"]["verbs"]),
        "incursion_verbs": frozenset(data["incursions"]["verbs"]),
        "incursion_objects": frozenset(data["incursions"]["objects"]),
        "goers": dict(data["arrivals"]["goers"]),
    }


def patrol_code(tok: Token) -> tuple[str, int] | None:
    """(150, score) when ``tok`` is a warship's or warplane's passage by a place; else None."""
    data = _data()
    if tok.pos_ == "VERB" and lemma(tok) in data["incursion_verbs"] and _sovereign_object(tok):
        subj, passive = subject_of(tok)  # "a Chinese military aircraft VIOLATED its AIRSPACE"
        craft = subj is not None and not passive and is_craft(subj)
        return (data["code"], SCORE) if craft else None
    if tok.pos_ != "VERB" or lemma(tok) not in data["verbs"]:
        return None
    subj, passive = subject_of(tok)
    if subj is None or passive or not is_craft(subj):
        return None
    passage = [tok] + [
        c for c in children_of(tok) if c.dep_ in ("dobj", "obj") and lemma(c) in data["passages"]
    ]
    if lemma(tok) in ("conduct", "make") and len(passage) == 1:
        return None  # "conducted a PATROL": only with its passage noun
    for p in passage:
        if any(c.dep_ == "prep" and c.lower_ in data["preps"] for c in children_of(p)):
            return data["code"], SCORE
    return None


def craft_verbs() -> frozenset[str]:
    """The verbs this module codes: a sentence's secondary predicates are read when one of them
    ("after a Chinese military aircraft VIOLATED its airspace") is among them."""
    data = _data()
    return data["verbs"] | data["incursion_verbs"] | data["sightings"]


def _sovereign_object(tok: Token) -> bool:
    """Is the verb's direct object a state's airspace or waters (``incursions``)?"""
    objects = _data()["incursion_objects"]
    return any(c.dep_ in ("dobj", "obj") and lemma(c) in objects for c in children_of(tok))


def sighted_craft(tok: Token) -> Found | None:
    """150 by the craft's owner against the seer when ``tok`` reports seeing warships or
    warplanes ("Japan SPOTTED three Chinese warships", "said it had DETECTED two Russian
    bombers"); None otherwise. The seer is only the witness: no verb row may make it the doer."""
    data = _data()
    if tok.pos_ != "VERB" or lemma(tok) not in data["sightings"]:
        return None
    subj, passive = subject_of(tok)
    if passive:
        return None
    # "detected three Chinese WARSHIPS sailing near": spaCy may make the craft a clause's subject
    clauses = [c for c in children_of(tok) if c.dep_ == "ccomp"]
    seen = [c for c in children_of(tok) if c.dep_ in ("dobj", "obj")]
    seen += [s for c in clauses for s in children_of(c) if s.dep_ == "nsubj"]
    craft = next((c for c in seen if is_craft(c)), None)
    if craft is None:
        return None
    targets = [subj] if subj is not None else []
    used = {tok.i, craft.i}
    return Found(data["code"], tok, source=craft, targets=targets, score=SCORE, used=used)


def armed_arrival(tok: Token, found: Found) -> Found:
    """Armed men arriving are deployed, not visiting: "Russian troops arrived in Mali" is the
    154 "deploy" codes for them (153 for police: ``arrivals``), not the 042 of a leader's
    arrival; any other arrival unchanged."""
    data = _data()
    if found.code != "042" or lemma(tok) not in data["arrivals"] or found.source is None:
        return found
    heads = [found.source] + [
        g for c in children_of(found.source) if c.lower_ == "of" for g in children_of(c)
    ]  # "hundreds OF SOLDIERS"
    code = next((data["goers"][lemma(h)] for h in heads if lemma(h) in data["goers"]), None)
    if code is not None:
        found.code = code
    return found


def is_craft(noun: Token) -> bool:
    """A warship or warplane: "destroyer", "bombers", a ship named military ("navy ship"), or a
    name set beside one ("the HMS Kent, a Royal Navy FRIGATE")."""
    if any(c.dep_ == "appos" and _craft_word(c) for c in children_of(noun)):
        return True
    return _craft_word(noun)


def _craft_word(noun: Token) -> bool:
    data = _data()
    word = lemma(noun)
    if word in data["craft"] or noun.lower_ in data["craft"]:
        return True
    mods = {lemma(c) for c in children_of(noun) if c.dep_ in ("compound", "amod")}
    return word in data["heads"] and bool(mods & data["armed"])


__all__ = ["armed_arrival", "craft_verbs", "is_craft", "patrol_code", "sighted_craft"]

"""An attack in words: "Opposition leaders attacked the government over rising prices".

The verb row of "attack" codes force (190), right for an army, a rebel group or a state named
by itself. The same verb said of a doer that bears no arms — the opposition, a party,
lawmakers, the media, a rights group, a judge — is criticism (111, CAMEO's 'criticize or
denounce'), as the noun rows already read "a political attack". The sense is decided by the
doer, so it is asked once the source is resolved; the verbs and the sectors are data
(``verbal_attack_verbs``, ``words_only_sectors`` in ``data/grammar.json``).

The doer decides one more sense of force: a bombing. CAMEO's 183 is "suicide, car, or other
NON-MILITARY bombing", right for rebels, gunmen and unknown bombers; a state's armed forces,
or a state named by itself, bomb from the air ("Israeli jets bombed a school", "Russia bombed
Aleppo"): 195, aerial weapons (``state_bombers``). ``by_doer`` is the one place both are asked.
"""

from __future__ import annotations

from typing import Any

from ..actors import resolve
from ..nlp import children_of
from ..records import Actor
from .grammar import (
    ARMED_SECTORS,
    FORCE_ROOTS,
    STATE_BOMBERS,
    VERBAL_ATTACK_VERBS,
    WORDS_ONLY_SECTORS,
)
from .patterns import lemma

Token = Any

CRITICIZE = "111"
NON_MILITARY_BOMBING = "183"
AERIAL_WEAPONS = "195"


def by_doer(code: str, trigger: Token, source: Actor | None, source_tok: Token | None) -> str:
    """The code of the act as its doer makes it: an attack in words (``in_words``), a state's
    bombing from the air (``NON_MILITARY_BOMBING`` -> ``AERIAL_WEAPONS``), else ``code``."""
    code = in_words(code, trigger, source, source_tok)
    state_force = source is not None and bool(source.country) and (source.sector or "") in STATE_BOMBERS
    return AERIAL_WEAPONS if code == NON_MILITARY_BOMBING and state_force else code


def in_words(code: str, trigger: Token, source: Actor | None, source_tok: Token | None) -> str:
    """The code of the act: 111 when a doer of ``words_only_sectors`` "attacks", else ``code``.
    A head noun that bears arms keeps the force whatever its modifier says ("opposition
    FIGHTERS attacked an army base", "armed opposition groups")."""
    if code[:2] not in FORCE_ROOTS or trigger.pos_ != "VERB" or lemma(trigger) not in VERBAL_ATTACK_VERBS:
        return code
    if source is None or (source.sector or "") not in WORDS_ONLY_SECTORS:
        return code
    if source_tok is not None and _armed(source_tok):
        return code
    return CRITICIZE


def _armed(tok: Token) -> bool:
    """Does the head noun alone name an armed force, or is it called armed ("fighters",
    "gunmen", "armed groups")?"""
    head = resolve(tok.text)
    if head is not None and (head.sector or "") in ARMED_SECTORS:
        return True
    return any(c.dep_ == "amod" and c.lower_ == "armed" for c in children_of(tok))



__all__ = ["AERIAL_WEAPONS", "CRITICIZE", "NON_MILITARY_BOMBING", "by_doer", "in_words"]

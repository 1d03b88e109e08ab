"""The speaker's own next act, which the parser hangs inside the report.

"Erdogan said Israel was committing genocide in Gaza and URGED Muslim countries to cut ties":
spaCy makes "urged" a conjunct of "committing", inside what Erdogan said, so the subject
reached through the coordination is Israel, and Israel would be the one appealing. A verb of
appeal (``speaker_appeals`` in ``data/grammar.json``) with no subject of its own, coordinated
with a verb of the report, is the speaker's: the one reported on is what the speaker speaks
about, not who appeals in the speaker's words. Orders are not appeals ("witnesses said
soldiers surrounded the village and ORDERED residents to leave": the soldiers did).
"""

from __future__ import annotations

from typing import Any

from ..nlp import children_of
from .grammar import PASS_SUBJ, SPEAKER_APPEALS, SUBJ
from .patterns import lemma, roles_of

Token = Any

# how a reported verb hangs below the verb of saying: its complement, a complement's own
# complement ("said the attacks SHOWED that Moscow WANTED to ..."), a coordinated verb or an
# adverbial clause of the report
_REPORT_DEPS = ("ccomp", "xcomp", "conj", "advcl")
_MAX_DEPTH = 6


def appealing_speaker(conj: Token) -> Token | None:
    """The verb of saying whose report holds the verb ``conj`` is coordinated with, when
    ``conj`` is an appeal with no subject of its own hung inside that report; else None (and
    None when the appeal is coordinated with the verb of saying itself: its subject is found
    the ordinary way)."""
    if conj.dep_ != "conj" or not _appeal(conj):
        return None
    if any(c.dep_ in SUBJ or c.dep_ in PASS_SUBJ for c in children_of(conj)):
        return None
    node = conj.head
    for _ in range(_MAX_DEPTH):
        if node.head.i == node.i or node.dep_ not in _REPORT_DEPS:
            return None
        if node.dep_ == "ccomp" and "say" in roles_of(node.head):
            return node.head
        node = node.head
    return None


def _appeal(verb: Token) -> bool:
    """Is ``verb`` one of ``speaker_appeals``, with its preposition where the entry names one
    ("CALLED ON Qatar", "CALLED FOR restraint"; not "called the launch a success")?"""
    word = lemma(verb)
    if word in SPEAKER_APPEALS:
        return True
    return any(c.dep_ in ("prep", "prt") and f"{word} {c.lower_}" in SPEAKER_APPEALS for c in children_of(verb))


__all__ = ["appealing_speaker"]

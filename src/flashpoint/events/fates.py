"""Fates foretold: "Iran's foreign minister said Israel WILL PAY a heavy PRICE for this crime".

A speaker who says another WILL pay a price, face consequences or regret what it did, with no
condition said, threatens it (CAMEO 13x, the speaker against the one whose fate it is): the
fate is the speaker's to bring. Read over a statement's complement in the future, or a future
clause with an inserted "X said" (parataxis); the verbs and
the objects they need are data (``foretold_fates``, ``facing_verbs`` and ``consequence_nouns`` in
``data/threats.json``). "We will pay a heavy price" foretells the speaker's own loss and threatens
no one; a warning verb ("warned that Seoul would regret") is a threat already (wrappers).
"""

from __future__ import annotations

import functools
from typing import Any

from ..actors import resolve_span
from ..nlp import children_of
from .found import Found
from .grammar import SUBJ
from .mood import is_future
from .patterns import lemma, roles_of
from .syntax import complement_of, subject_of
from .tables import data_json

Token = Any
_OWN = frozenset({"i", "we", "us"})
_UNNAMED = "130"  # threaten, not specified
_NO_PARTY = frozenset({"BUS", "CVL", "AGR", "LAB", "EDU", "HLH", "MED"})  # a cost, no threat


@functools.cache
def _data() -> tuple[dict[str, frozenset[str]], frozenset[str], dict[str, str]]:
    data = data_json("threats.json")
    fates = {verb: frozenset(objs) for verb, objs in data["foretold_fates"]["map"].items()}
    return fates, frozenset(data["facing_verbs"]["words"]), dict(data["consequence_nouns"]["map"])


def foretold_fate(tok: Token) -> Found | None:
    """The speaker's threat when ``tok`` is a statement whose complement foretells another's
    fate; None otherwise."""
    if tok.pos_ != "VERB":
        return None
    saying = tok if "say" in roles_of(tok) else _inserted_saying(tok)
    if saying is None:
        return None
    fate = tok if saying is not tok else complement_of(tok)
    if fate is None or fate.pos_ != "VERB" or not is_future(fate):
        return None
    doomed = next((c for c in children_of(fate) if c.dep_ in SUBJ), None)
    if doomed is None or doomed.lower_ in _OWN or not _a_party(doomed):
        return None
    code = _fate_code(fate)
    if code is None:
        return None
    subj, passive = subject_of(saying)
    return Found(
        code,
        saying,
        source=None if passive else subj,
        targets=[doomed],
        family="threaten",
        used={saying.i} | {t.i for t in fate.subtree},
    )


def _a_party(doomed: Token) -> bool:
    """Is the one whose fate is told a party that can be threatened: a state, its organs, a
    group (or a pronoun for one)? "Consumers will pay heavily", "the company will pay a price"
    foretell a cost, no threat."""
    if doomed.pos_ == "PRON":
        return True
    actor = resolve_span(doomed.doc[doomed.left_edge.i : doomed.i + 1])
    return actor is not None and (actor.sector or "") not in _NO_PARTY


def _inserted_saying(fate: Token) -> Token | None:
    """The verb of saying inserted in the foretelling sentence ("Israel, the group SAID, would
    pay a heavy price"), which the parser hangs on the fate as a parataxis."""
    return next(
        (c for c in children_of(fate) if c.dep_ == "parataxis" and "say" in roles_of(c)), None
    )


def _fate_code(fate: Token) -> str | None:
    """The code of the fate a verb names: "pay a PRICE", "pay DEARLY", "face CONSEQUENCES",
    "regret"."""
    fates, facing, consequences = _data()
    objects = [lemma(c) for c in children_of(fate) if c.dep_ in ("dobj", "obj", "advmod")]
    word = lemma(fate)
    if word in fates:
        needed = fates[word]
        return _UNNAMED if not needed or any(o in needed for o in objects) else None
    if word in facing:
        return next((consequences[o] for o in objects if o in consequences), None)
    return None


__all__ = ["foretold_fate"]

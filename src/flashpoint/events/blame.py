"""Blame: an act laid at someone's door is an accusation of them, not their act.

"Washington said Iran was to blame for the attack", "Kyiv said Moscow was responsible for the
strike", "officials said Russia was behind the bombing": the one blamed is the *target* of an
accusation (CAMEO 112), and whoever says it is the accuser. Read as a plain predicate, the
subject of "be" would become the doer of the blame (Iran 112), the error ACLED's rule on
reporters warns of the other way round. "blame" needs no act named ("Iran is to blame"); the
other words blame only when an act of conflict or harm follows ("responsible for security"
blames no one) and someone is said to say it (stated by the report itself, "X is responsible
for the killings" reports X's act). The words are data (``blame_predicates``, ``harm_nouns`` in
``data/grammar.json``).
"""

from __future__ import annotations

from typing import Any

from ..nlp import children_of
from .found import Found
from .grammar import CONFLICT_ROOTS, words
from .mood import is_negated
from .patterns import lemma, noun_code, roles_of, verb_code

Token = Any

ACCUSE = "112"
BLAME_WORDS = words("blame_predicates")
HARM_NOUNS = words("harm_nouns")
_NEEDS_NO_ACT = frozenset({"blame"})


def blame_of(be: Token, subject: Token | None) -> Found | None:
    """The accusation a copula carries ("X was to blame / responsible for / behind <act>"),
    with the one blamed as its target and no doer yet (the speaker, see ``speaker_blames``);
    ``None`` when ``be`` carries no blame."""
    for c in children_of(be):
        word = lemma(c)
        if word not in BLAME_WORDS:
            continue
        if word == "blame":
            blames = c.dep_ == "xcomp" and any(a.lower_ == "to" for a in children_of(c))
        elif not _said(be):
            blames = (
                False  # "X is responsible for the killings, according to a UN report": X did it
            )
        elif word == "behind":
            blames = c.dep_ == "prep" and _harmful(c)
        else:
            blames = c.dep_ in ("acomp", "attr") and any(
                p.dep_ == "prep" and p.lower_ == "for" and _harmful(p) for p in children_of(c)
            )
        if not blames:
            continue
        return Found(
            ACCUSE,
            c,
            source=None,
            targets=[subject] if subject is not None else [],
            family="blame",
            negated=is_negated(c),  # "was not to blame": the negation hangs on "blame"
            used={be.i, c.i},
        )
    return None


def owned_act(be: Token) -> Token | None:
    """The act a copula lays at its subject's door when no one is said to say it ("Myanmar's
    army is responsible for the killings, according to a report"): the coded event noun after
    "responsible for"/"behind", whose doer is the subject; ``None`` otherwise."""
    if _said(be):
        return None
    for c in children_of(be):
        word = lemma(c)
        if word not in BLAME_WORDS or word == "blame":
            continue
        preps = [c] if word == "behind" else [p for p in children_of(c) if p.lower_ == "for"]
        for p in preps:
            for g in children_of(p):
                if g.dep_ == "pobj" and g.pos_ == "NOUN":
                    code = noun_code(g)
                    if code and code[:2] in CONFLICT_ROOTS:
                        return g
    return None


def _said(be: Token) -> bool:
    """Is the copula what someone says ("Kyiv said Moscow was responsible", "Moscow was behind
    it, Kyiv said")? Only then is "responsible"/"behind" an accusation; stated by the report
    itself ("Myanmar's army is responsible for the killings of villagers, according to a
    rights group") it reports the act, with the one named as its doer."""
    if be.dep_ == "ccomp" and "say" in roles_of(be.head):
        return True
    return any(c.dep_ in ("parataxis", "ccomp") and "say" in roles_of(c) for c in children_of(be))


def _harmful(prep: Token) -> bool:
    """Does the preposition name an act of conflict or harm ("for the bombing", "for killing
    civilians", "behind the attack", "for the deaths of 20 civilians")?"""
    for g in children_of(prep):
        if g.dep_ not in ("pobj", "pcomp"):
            continue
        if lemma(g) in HARM_NOUNS or g.lower_ in HARM_NOUNS:
            return True
        if g.pos_ in ("NOUN", "PROPN"):
            code = noun_code(g)
            if code and code[:2] in CONFLICT_ROOTS:
                return True
        if g.pos_ == "VERB":
            hit = verb_code(g)
            if hit and hit[0][:2] in CONFLICT_ROOTS:
                return True
    return False


def speaker_blames(found: Found, speaker: Token | None) -> None:
    """An accusation with no doer of its own, reported by a speaker, is the speaker's: "Iran was
    to blame, Washington said" and "Iran was blamed for the attack, Britain said" are
    Washington's and Britain's accusations (asserted: saying it is making it)."""
    if speaker is None or found.source is not None or found.code != ACCUSE:
        return
    if found.family == "blame" or _agentless_passive(found.trigger):
        found.source = speaker


def _agentless_passive(tok: Token) -> bool:
    return any(c.dep_ == "nsubjpass" for c in children_of(tok)) and not any(
        c.dep_ == "agent" for c in children_of(tok)
    )


__all__ = ["ACCUSE", "blame_of", "owned_act", "speaker_blames"]

"""Frames that lend their act to the verb they govern: helping, attempting, using, answering.

"The rebels helped plan the attack" is the attack, by the rebels; "tried to win sympathy" is
an attempt, never the court's "try"; "The opposition is using the dispute to launch verbal
attacks" is the attacks; "responded to the attack with sanctions" is the sanctions. In each,
the governing verb does not name the act, its complement does, with the governing verb's
subject as its doer. The verbs are data (``assisting_verbs``, ``attempt_verbs``,
``means_verbs``, ``answering_verbs`` in ``data/grammar.json``); ``predicates.analyze`` asks
these before a verb's own rows.
"""

from __future__ import annotations

from typing import Any

from ..nlp import children_of
from . import predicates
from .found import Found
from .grammar import (
    ANSWERING_VERBS,
    ASSISTING_VERBS,
    ATTEMPT_VERBS,
    FORCE_ROOTS,
    MANNER_ROOTS,
    MEANS_VERBS,
    SUFFERER_VERBS,
)
from .patterns import lemma, noun_code, verb_code
from .syntax import complement_of, doer_of

Token = Any


def attempts(tok: Token) -> bool:
    """ "tried to win sympathy": "try" with an infinitive is an attempt (``attempt_verbs``),
    never the court's "try" (173) of its own verb row."""
    comp = complement_of(tok)
    return (
        lemma(tok) in ATTEMPT_VERBS
        and comp is not None
        and comp.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(comp))
    )


def assisted_act(tok: Token, depth: int) -> Found | None:
    """ "helped plan the attack", "helped broker a truce", "contributed to planning the
    massacres": helping to do an act is taking part in it, so the act is coded with the helper as
    its doer (``assisting_verbs``). A party helped, as object, dative or the act's own subject
    ("helped Ukraine", "helped Ukraine defend itself"), makes it aid to that party (None: the
    verb's own 07 row), unless the act helped is force: "helped the Libyan army carry out air
    raids" is the helper's raids too (FORCE_ROOTS), as ACLED codes every armed side taking
    part."""
    if lemma(tok) not in ASSISTING_VERBS or tok.pos_ != "VERB":
        return None
    act = _assisted(tok)
    if act is None:
        return None
    party = any(c.dep_ in ("dobj", "obj", "dative") for c in children_of(tok)) or any(
        c.dep_ in ("nsubj", "nsubjpass") for c in children_of(act)
    )  # "helped the army retake the town", whichever way spaCy hangs the army
    found = (
        predicates.analyze_noun(act, depth + 1)
        if act.pos_ == "NOUN"
        else predicates.analyze(act, depth + 1)
    )
    if found is None or (party and found.code[:2] not in FORCE_ROOTS):
        return None
    if found.trigger.i != act.i and not (
        found.trigger.head.i == act.i and found.trigger.dep_ in ("dobj", "obj")
    ):
        return None  # "helping to integrate refugees and FIGHTING ...": not the act helped
    if party or found.source is None or found.source.i == act.i:
        found.source = doer_of(tok)
    found.used.add(tok.i)
    return found


def _assisted(tok: Token) -> Token | None:
    """The act helped: an infinitive ("helped (to) plan"), or after "to" a gerund or an event
    noun ("contributed to planning", "contributed to the attack"), or an act of force as the
    object ("helped the rebels' attacks", "helped the Houthis launch missile attacks" as the
    parser often reads it)."""
    for c in children_of(tok):
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB":
            return c
    for c in children_of(tok):
        if c.dep_ == "prep" and c.lower_ == "to":
            for g in children_of(c):
                if g.dep_ == "pcomp" and g.pos_ == "VERB":
                    return g
                if g.dep_ == "pobj" and g.pos_ == "NOUN" and noun_code(g):
                    return g
    for c in children_of(tok):
        # "helped [the Houthis launch missile] ATTACKS": the small parser often makes the
        # helped party and its verb modifiers of the act; an act of force helped is the act
        if c.dep_ in ("dobj", "obj") and c.pos_ == "NOUN" and (noun_code(c) or "")[:2] in FORCE_ROOTS:
            return c
    return None


def means_act(tok: Token, depth: int) -> Found | None:
    """ "The opposition is using the water dispute TO LAUNCH verbal attacks", "exploited the
    crisis to attack the government": what a means is used for is the act, by the user
    (``means_verbs``). Only when the verb's own rows code nothing ("used tear gas to disperse
    the crowd" stays 175): None then, and when the purpose codes nothing."""
    if lemma(tok) not in MEANS_VERBS or tok.pos_ != "VERB" or verb_code(tok) is not None:
        return None
    purpose = next(
        (
            c
            for c in children_of(tok)
            if c.dep_ in ("advcl", "xcomp")
            and c.pos_ == "VERB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in children_of(c))
        ),
        None,
    )
    if purpose is None:
        return None
    found = predicates.analyze(purpose, depth + 1)
    if found is None:
        return None
    if found.source is None or found.source.i == purpose.i:
        found.source = doer_of(tok)
    found.used |= {tok.i} | {t.i for t in tok.subtree if t.i < purpose.i}
    return found


def answered_with(tok: Token, depth: int) -> Found | None:
    """ "answered the cyberattack WITH the expulsion of five diplomats",
    "retaliated WITH airstrikes", "responded BY EXPELLING ten diplomats": a response made with
    an act, or by doing one, is that act, by the one who responds (``answering_verbs``); None
    when "with" names no act ("responded with anger")."""
    if lemma(tok) not in ANSWERING_VERBS or tok.pos_ != "VERB":
        return None
    answered = [g for c in children_of(tok) if c.lower_ == "to" for g in children_of(c)]
    # spaCy may hang "with" on what is answered: "responded to [the attack with sanctions]"
    for c in (*children_of(tok), *(k for g in answered for k in children_of(g))):
        if c.dep_ != "prep" or c.lower_ not in ("with", "by"):
            continue
        for g in children_of(c):
            if c.lower_ == "by" and g.dep_ == "pcomp" and g.tag_ == "VBG":
                found = predicates.analyze(g, depth + 1)  # "retaliated BY EXPELLING diplomats"
            elif c.lower_ == "with" and g.dep_ == "pobj" and g.pos_ == "NOUN" and noun_code(g):
                found = predicates.analyze_noun(g, depth + 1)
            else:
                continue
            if found is None:
                continue
            if found.source is None or found.source.pos_ == "PRON":
                found.source = doer_of(tok)
            found.used |= {tok.i, c.i} | {a.i for a in answered}  # what is answered is known
            return found
    return None


__all__ = ["answered_with", "assisted_act", "attempts", "means_act"]


def manner_doer(f: Found) -> None:
    """ "Hackers knocked bank websites offline IN A WAVE OF CYBER ATTACKS", "police detained
    dozens in a crackdown": an act of coercion or force named, with no doer of its own, in an
    indefinite "in" phrase of a verb (also after "a wave of", "a series of") is how the verb's
    active subject acted: its doer. Not one the subject suffered or fled ("died in an attack",
    "fled in fighting": ``sufferer_verbs``), nor a known one ("in the war")."""
    noun = f.trigger
    if f.source is not None or noun.pos_ != "NOUN" or f.code[:2] not in MANNER_ROOTS:
        return
    if any(c.dep_ in ("poss", "det") and c.lower_ not in ("a", "an") for c in children_of(noun)):
        return
    prep = noun.head
    if prep.lower_ == "of" and prep.head.dep_ == "pobj" and not noun_code(prep.head):
        prep = prep.head.head  # "in a wave OF cyber attacks"
    verb = prep.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or verb.pos_ != "VERB":
        return
    if lemma(verb) in SUFFERER_VERBS:
        return
    subj = next((c for c in children_of(verb) if c.dep_ == "nsubj"), None)
    if subj is not None:
        f.source = subj
        if not f.targets:  # "knocked BANK WEBSITES offline in cyber attacks": what it hit
            f.targets = [c for c in children_of(verb) if c.dep_ in ("dobj", "obj")]

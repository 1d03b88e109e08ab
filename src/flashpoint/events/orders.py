"""Orders: whose act an ordered act is.

"The president ordered the army to withdraw" reports the state's withdrawal (the orderer's own
forces act on its command: the act, coded as demanded of them), and "the government ordered the
newspaper to suspend publication" the restriction it imposes; "the court ordered Venezuela to
refrain" and "the rebels told the soldiers to lay down their weapons" report a demand made of
another party (CAMEO 10x, asserted: the order was given), whatever the act would have been.
Which sectors an orderer commands is data (``chain_of_command`` in ``data/grammar.json``); the
coder asks ``commands`` once the actors are resolved.
"""

from __future__ import annotations

from typing import Any

from ..nlp import children_of
from ..records import Actor
from . import tables
from .grammar import (
    CHAIN_OF_COMMAND,
    DEADLINE_VERBS,
    ENVOYS,
    LEAVING_VERBS,
    PRONOUNS_GROUP,
    PRONOUNS_PERSON,
    WITHDRAWING_FORCES,
)
from .patterns import is_time, noun_code

Token = Any
WITHDRAW = "087"  # de-escalate militarily: what armed forces ordered out are asked to do


def addressee(order: Token) -> Token | None:
    """Who is ordered: the order verb's object ("ordered TROOPS to seize"). An object that is
    the act itself addresses nobody: "ordered THE EXPULSION of a diplomat", "ordered the
    closure of the border" is the orderer's own act (its own organs carry it out), never a
    demand made of the diplomat or the border."""
    for c in children_of(order):
        if c.dep_ in ("dobj", "obj", "dative"):
            return None if c.dep_ != "dative" and noun_code(c) else c
    return None


def expulsion(order: Token, comp: Token | None) -> tuple[str, Token] | None:
    """An order to leave given to someone ("ordered the French ambassador TO LEAVE the
    country", "told the UN envoy to leave"): the orderer expels them, the code "expel" has for
    whom it is given to (``tables.verb_patterns``: 166 a diplomat, ``envoys``; 174 journalists
    or nationals), with the one ordered out as target; None for any other order: "ordered the
    troops to leave the town" withdraws one's own, and residents told to leave are no expulsion
    of persons (a population's, 201, is left to a verb that says it)."""
    if comp is None or comp.lemma_.lower() not in LEAVING_VERBS:
        return None
    return _expelled(addressee(order))


def withdrawal(order: Token, comp: Token | None) -> Token | None:
    """The armed forces an order to leave is given to ("ordered French TROOPS to leave the
    country", ``withdrawing_forces``): the ordered act is a withdrawal (``WITHDRAW``), as
    "ordered French troops to withdraw" codes it, so one's own forces withdraw and another's
    are asked to (``commands``, 1056). None for any other order."""
    if comp is None or comp.lemma_.lower() not in LEAVING_VERBS:
        return None
    out = addressee(order)
    if out is None or not {out.lower_, out.lemma_.lower()} & WITHDRAWING_FORCES:
        return None
    return out


def ultimatum(give: Token) -> tuple[str, Token] | None:
    """A time given someone to leave ("gave the Swedish ambassador 72 HOURS TO LEAVE", "gave
    the envoy 48 hours to quit the country", ``deadline_verbs``): an order to leave with its
    deadline, so the same expulsion as ``expulsion`` reads. spaCy hangs the infinitive on the
    time or on the verb; the one given the time is the other object."""
    if give.lemma_.lower() not in DEADLINE_VERBS:
        return None
    kids = children_of(give)
    times = [c for c in kids if c.dep_ in ("dobj", "obj", "npadvmod") and is_time(c)]
    if not times:
        return None
    heads = [*children_of(times[0]), *kids]
    if not any(
        c.dep_ in ("relcl", "acl", "advcl", "xcomp")
        and c.lemma_.lower() in LEAVING_VERBS
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in children_of(c))
        for c in heads
    ):
        return None
    given = [c for c in kids if c.dep_ in ("dative", "dobj", "obj") and not is_time(c)]
    return _expelled(given[0]) if given else None


def _expelled(out: Token | None) -> tuple[str, Token] | None:
    """The code of expelling ``out`` (the "expel" rows of ``verb_patterns.tsv`` for whom it
    names, 166 for an envoy), with ``out`` as its target; None for anyone else."""
    if out is None or out.pos_ not in ("NOUN", "PROPN"):
        return None
    # "Swedish Ambassador Kristina Kuhnel": the title is a compound of the name
    words = {out.lemma_.lower(), out.lower_} | {
        c.lower_ for c in children_of(out) if c.dep_ == "compound"
    }
    rows = [r for r in tables.verb_patterns().get("expel") or [] if not r.code.startswith("20")]
    fits = [r for r in rows if any(words & alt for alt in r.objects)]
    if not fits and words & ENVOYS:
        fits = [r for r in rows if not r.objects]  # "expel" itself: a diplomat
    return (fits[0].code, out) if fits else None


def commands(orderer: Actor | None, ordered: Actor | None, ordered_tok: Token | None) -> bool:
    """Is the ordered party under the orderer's command? Its own forces ("his troops", "its
    army"), or a party of a sector the orderer's sector commands in the same country: a state
    its forces, press, parties and firms, not the armed groups fighting it (a bare "troops" has
    no country and is taken as the orderer's). An unknown orderer or party gives no
    demand: the act stays the act."""
    if ordered_tok is not None and any(
        c.dep_ == "poss" and c.lower_ in PRONOUNS_PERSON | PRONOUNS_GROUP | {"his", "her"}
        for c in children_of(ordered_tok)
    ):
        return True  # "ordered his troops"
    if orderer is None or ordered is None or not ordered.code:
        return True
    if ordered.country and orderer.country and ordered.country != orderer.country:
        return False
    if not ordered.sector:
        return False  # a state, an organisation or a person: another party
    # a state named by itself ("Israel ordered troops") commands as its government does
    key = orderer.sector or ("" if orderer.code == orderer.country else None)
    commanded = CHAIN_OF_COMMAND.get(key.upper()) if key is not None else None
    return commanded is not None and ordered.sector.upper() in commanded

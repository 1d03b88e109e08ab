"""Defiance: one who says it will not be coerced by another rejects that other.

"Taiwan will not be intimidated by China's drills", "the Philippines refuses to be bullied by
China": the negated (or refused) passive of a verb of coercion (``defied_coercion_verbs`` in
``data/grammar.json``) with its agent named is no threat by the agent: it is the patient's
rejection (CAMEO 120) of the agent, said now (asserted, not the future of "will"). The verbs
need no code of their own: "bullied", "blackmailed" are found here whatever the tables say.
"""

from __future__ import annotations

from typing import Any

from ..nlp import children_of
from .found import Found
from .grammar import words
from .mood import is_negated
from .patterns import lemma, roles_of

Token = Any
REJECT = "120"


def with_defiance(sent: Any, founds: list[Found]) -> list[Found]:
    """The sentence's coded predicates with each defiance read as one, in place of what was
    coded on its verb and of a bare refusal that wraps it ("REFUSED to be intimidated")."""
    defiances = [d for tok in sent if (d := _defiance(tok)) is not None]
    if not defiances:
        return founds
    # the refusal that wraps it, and the statement that reports it ("..., the minister SAID")
    gone = {d.trigger.i for d in defiances}
    gone |= {d.trigger.head.i for d in defiances if d.trigger.dep_ in ("xcomp", "ccomp")}
    kept = [f for f in founds if f.trigger.i not in gone]
    return kept + defiances if founds and founds[0] in kept else defiances + kept


def _defiance(verb: Token) -> Found | None:
    if verb.tag_ != "VBN" or lemma(verb) not in words("defied_coercion_verbs"):
        return None
    refused = verb.dep_ == "xcomp" and "reject" in roles_of(verb.head)
    if not (is_negated(verb) or refused):
        return None
    agent = next(
        (g for c in children_of(verb) if c.dep_ == "agent" for g in children_of(c) if g.dep_ == "pobj"), None
    )
    if agent is None:
        return None
    owner = verb.head if refused else verb
    patient = next((c for c in children_of(owner) if c.dep_ in ("nsubjpass", "nsubj")), None)
    said = owner.head if owner.dep_ == "ccomp" and "say" in roles_of(owner.head) else None
    speaker = None if said is None else next((c for c in children_of(said) if c.dep_ == "nsubj"), None)
    return Found(
        REJECT, verb, source=patient, targets=[agent], speaker=speaker, used={verb.i, owner.i}
    )


__all__ = ["with_defiance"]

"""What an act is for is not the act: the aim of a deployment (``data/purposes.json``).

``predicates._purpose`` lets an infinitive of purpose name the act when it is a deed of its own
("sent experts TO INVESTIGATE": the investigation; "sent troops TO DISTRIBUTE supplies": the
aid). A purpose that only says whom forces serve ("sent troops TO HELP the government") is no
deed: what is done is the deployment, and the purpose tells for whom. CAMEO codes forces sent in
support of a party named as another's (a country, people or organisation: "the Somali army",
"the government of Mali") as military protection (074); forces deployed with no party to
support ("sent 30 soldiers to Niamey to provide extra security") or to back their own
state's ("sent soldiers to support the local police") stay a deployment (15x). Which verbs
only say whom a deployment serves, and which roots are deployments, are data.

An aim is never the act done either: "the PROTESTS were aimed at forcing the prime minister to
resign" is a protest whose aim, the forcing, is only intended (``act_with_aim``); an act in a
purpose adjunct, "in a BID to seize", "in an EFFORT to capture", was meant, not done
(``frame_of``, ``frame_aim``).
"""

from __future__ import annotations

import functools
from typing import Any

from ..nlp import children_of
from .found import Found
from .patterns import lemma, noun_code
from .tables import data_json

Token = Any


@functools.lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    data = data_json("purposes.json")
    return {
        "verbs": frozenset(data["support_verbs"]["words"]),
        "light": frozenset(data["support_objects"]["verbs"]),
        "objects": frozenset(data["support_objects"]["words"]),
        "roots": frozenset(data["deployment_roots"]["roots"]),
        "code": str(data["support_code"]["code"]),
        "named": frozenset(data["named_parties"]["labels"]),
        "people": frozenset(data["people_served"]["words"]),
        "aim_verbs": frozenset(data["aim_verbs"]["words"]),
        "aim_preps": frozenset(data["aim_preps"]["words"]),
        "frame_nouns": frozenset(data["frame_nouns"]["words"]),
        "frame_preps": frozenset(data["frame_preps"]["words"]),
    }


def only_support(verb: Token) -> bool:
    """Does the purpose ``verb`` say only whom it serves: a support verb ("to HELP the
    government") or a light verb giving support ("to PROVIDE additional SECURITY")?"""
    data = _data()
    if lemma(verb) in data["verbs"]:
        return True
    return lemma(verb) in data["light"] and any(
        c.dep_ in ("dobj", "obj") and lemma(c) in data["objects"] for c in children_of(verb)
    )


def deployment_aim(deployed: Found, aim: Token) -> Found | None:
    """The act coded for forces ``deployed`` with the purpose verb ``aim`` when the aim is only
    support: military protection (074) of the aim's party, or the deployment itself when the
    aim names no party. None when the aim is a deed of its own, serves people who are no party
    ("to help flood victims": the aid is what troops bring, ``people_served``), or ``deployed`` is no
    deployment of forces (its verb row matched no forces deployed, score 1: "mobilized
    pressure groups"): the caller decides as before."""
    data = _data()
    if deployed.code[:2] not in data["roots"] or not only_support(aim):
        return None
    if deployed.score <= 1:
        return None  # "mobilized pressure groups": its verb row named no forces deployed
    if any(lemma(t) in data["people"] for t in _served(aim)):
        return None  # "to help flood VICTIMS": aid brought by troops, the purpose names it
    served = [t for t in _served(aim) if _named(t)]
    if not served:
        # "to provide additional security", "to support the police": a deployment, its aim
        # context; forces sent to back a force of their own state show force (15x)
        return deployed
    deployed.code = data["code"]
    deployed.targets = served + [t for t in deployed.targets if t not in served]
    deployed.used |= {aim.i} | {t.i for t in served}
    return deployed


def _named(party: Token) -> bool:
    """Does the served party name a country, people or organisation ("the SOMALI army", "the
    government of MALI", "the UNITED NATIONS mission")? Only a party so named is another's to
    protect; "the police", "the government" unnamed are the deploying state's own."""
    return any(t.ent_type_ in _data()["named"] for t in party.subtree)


def _served(verb: Token) -> list[Token]:
    """Whom the purpose serves: a support verb's object ("to help THE GOVERNMENT") or the doer
    it helps ("to help THE ARMY retake the town"), a light verb's receiver ("to provide security
    TO/FOR the mission", "to give THEM protection"); never the place it is done at ("security AT
    THE EMBASSY")."""
    if lemma(verb) in _data()["verbs"]:
        served = [c for c in children_of(verb) if c.dep_ in ("dobj", "obj")]
        for c in children_of(verb):  # "to help MALI fight jihadists": whom the help lets act
            if c.dep_ in ("ccomp", "xcomp"):
                served.extend(g for g in children_of(c) if g.dep_ == "nsubj")
        return served
    served = [c for c in children_of(verb) if c.dep_ in ("dative", "iobj")]
    for c in children_of(verb):
        if c.dep_ == "prep" and c.lower_ in ("to", "for"):
            served.extend(g for g in children_of(c) if g.dep_ == "pobj")
    return served


def act_with_aim(tok: Token) -> tuple[Token, Token] | None:
    """(the act, its aim) when ``tok`` says what an act named as its subject is for: "the
    PROTESTS were AIMED AT forcing the prime minister to resign", "the STRIKES were INTENDED TO
    pressure Hamas", "the SANCTIONS are DESIGNED TO force Moscow": the act named is what was done,
    the aim only intended. None when the subject names no act ("the campaign aims to"): the
    intention wrapper decides as before."""
    if tok.pos_ != "VERB" or lemma(tok) not in _data()["aim_verbs"]:
        return None
    subject = next((c for c in children_of(tok) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "NOUN" or not noun_code(subject):
        return None
    for c in children_of(tok):
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB":
            return subject, c
        if c.dep_ == "prep" and c.lower_ in _data()["aim_preps"]:
            for g in children_of(c):
                if g.dep_ in ("pcomp", "pobj") and g.pos_ in ("VERB", "NOUN"):
                    return subject, g
    return None


def frame_of(tok: Token) -> Token | None:
    """The noun of a purpose adjunct whose act ``tok`` is: "in a BID to seize", "in an EFFORT
    to capture", "in an ATTEMPT to disperse", "with the AIM of forcing" (``frame_nouns``). Such
    an act is what the doer meant to do, not what it did."""
    head = tok.head
    if tok.dep_ in ("acl", "xcomp", "pcomp") and tok.pos_ == "VERB":
        noun = head if head.pos_ == "NOUN" else None
        if noun is None and head.dep_ == "prep" and head.head.pos_ == "NOUN":
            noun = head.head  # "with the aim OF forcing"
        if noun is not None and is_frame(noun):
            return noun
    return None


def under_aim(tok: Token) -> bool:
    """Is the act ``tok`` part of an aim: the act of a purpose adjunct ("in a bid TO SEIZE"), an
    act named as an aim ("aimed at FORCING"), or an act under either ("in a bid to force the
    government TO RESIGN", "aimed at forcing Qatar TO CUT ties")? It was meant, not done."""
    node = tok
    for _ in range(4):
        if frame_of(node) is not None:
            return True
        head = node.head
        if head.i == node.i or node.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "conj"):
            return False
        if act_with_aim(head) is not None and node.dep_ != "conj":
            return True
        node = head
    return False


def is_frame(noun: Token) -> bool:
    """Is ``noun`` a purpose adjunct's noun set off by its preposition: "IN a bid to", "WITH
    the aim of" (not "the bid to host the Games was rejected")?"""
    return (
        lemma(noun) in _data()["frame_nouns"]
        and noun.dep_ == "pobj"
        and noun.head.lower_ in _data()["frame_preps"]
    )


def frame_aim(noun: Token) -> Token | None:
    """The act a purpose adjunct's noun names: "in a bid TO SEIZE", "with the aim OF FORCING"."""
    for c in children_of(noun):
        if c.dep_ in ("acl", "xcomp") and c.pos_ == "VERB":
            return c
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in children_of(c):
                if g.dep_ in ("pcomp", "pobj") and g.pos_ == "VERB":
                    return g
    return None


__all__ = [
    "act_with_aim",
    "deployment_aim",
    "frame_aim",
    "frame_of",
    "is_frame",
    "only_support",
    "under_aim",
]

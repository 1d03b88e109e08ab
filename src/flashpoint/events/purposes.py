"""What an act is for is not the act: the aim of a deployment (``data/purposes.json``).

``predicates._purpose`` lets an infinitive of purpose name the act when it is a deed of its own
("sent experts TO INVESTIGATE": the investigation; "sent troops TO DISTRIBUTE supplies": the
aid). A purpose that only says whom forces serve ("sent troops TO HELP the government") is no
deed: what is done is the deployment, and the purpose tells for whom. CAMEO codes forces sent in
support of a party named as another's (a country, people or organisation: "the Somali army",
"the government of Mali") as military protection (074); forces deployed with no party to
support ("deployed Marines to Juba to provide additional security") or to back their own
state's ("deployed the army to support the police") stay a deployment (15x). Which verbs
only say whom a deployment serves, and which roots are deployments, are data.
"""

from __future__ import annotations

import functools
from typing import Any

from .found import Found
from .patterns import lemma
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
    }


def only_support(verb: Token) -> bool:
    """Does the purpose ``verb`` say only whom it serves: a support verb ("to HELP the
    government") or a light verb giving support ("to PROVIDE additional SECURITY")?"""
    data = _data()
    if lemma(verb) in data["verbs"]:
        return True
    return lemma(verb) in data["light"] and any(
        c.dep_ in ("dobj", "obj") and lemma(c) in data["objects"] for c in verb.children
    )


def deployment_aim(deployed: Found, aim: Token) -> Found | None:
    """The act coded for forces ``deployed`` with the purpose verb ``aim`` when the aim is only
    support: military protection (074) of the aim's party, or the deployment itself when the
    aim names no party. None when the aim is a deed of its own or ``deployed`` is no
    deployment of forces (its verb row matched no forces deployed, score 1: "mobilized
    pressure groups"): the caller decides as before."""
    data = _data()
    if deployed.code[:2] not in data["roots"] or not only_support(aim):
        return None
    if deployed.score <= 1:
        return None  # "mobilized pressure groups": its verb row named no forces deployed
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
    """Whom the purpose serves: a support verb's object ("to help THE GOVERNMENT"), a light
    verb's receiver ("to provide security TO/FOR the mission", "to give THEM protection");
    never the place it is done at ("security AT THE EMBASSY")."""
    if lemma(verb) in _data()["verbs"]:
        return [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    served = [c for c in verb.children if c.dep_ in ("dative", "iobj")]
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "for"):
            served.extend(g for g in c.children if g.dep_ == "pobj")
    return served


__all__ = ["deployment_aim", "only_support"]

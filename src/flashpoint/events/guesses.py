"""When the five-class model's guess on a verb no table knows becomes an event.

Where the rules find no coded predicate, ``classifier.adjust`` may still pick a class for the
sentence and, with no word of that class to show for it, code the root verb with the class's
default code (``classifier.CLASS_DEFAULT``: 030, 070, 110, 190). On real news that turns
anything into an event: "the authorities close shops", "a factory burned", "Hasina left
Dhaka", "dozens died after drinking tainted liquor" became 190 ASSAULT. ``classifier.adjust``
decides when the model is confident enough (its CV-chosen ``invent`` probability); this module
is the one place that decides whether the guessed act is an event: it is kept only as an act
between actors — a doer that is an
actor and a recipient that is one too (a person, a group, a people, a state's organ), as in
"government troops drove back the al-Shabaab fighters" or "undercover forces stopped him" — or, for
force, an armed doer alone ("joint units of the Syrian army achieved a major military
victory": ``armed_sectors`` in ``data/grammar.json``). A place as
the object is where, not whom ("left Dhaka"), only a direct object is a recipient ("on a
military aircraft" is how), and a thing is none ("closed shops",
"achieved a victory").
"""

from __future__ import annotations

from typing import Any

from ..actors import resolve_span
from ..actors.places import resolve_place
from ..nlp import children_of
from ..records import Actor
from .found import Found
from .grammar import (
    ARMED_SECTORS,
    CONFLICT_ROOTS,
    OBJ,
    PRONOUNS_GROUP,
    PRONOUNS_PERSON,
    SUBJ,
)
from .mentions import np_span
from .predicates import own_event

Token = Any

_PLACES = frozenset({"GPE", "LOC", "FAC"})
_NUMBERS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME"})


def guessed(root: Token, code: str) -> Found | None:
    """The model's default ``code`` on the root verb as an event, or None when the verb joins
    no two actors (module docstring)."""
    found = own_event(root, (code, 0))
    if found.source is None:
        return None
    # a dateline parsed as a second subject ("Damascus, 26 Jun (Agency) Joint units of the
    # Syrian army ... achieved") is no doer: any subject of the verb may be the actor
    subjects = [found.source] + [c for c in children_of(root) if c.dep_ in SUBJ]
    doers = [a for a in map(_actor, subjects) if a is not None]
    if not doers:
        return None
    if code[:2] in CONFLICT_ROOTS and any(_armed(a) for a in doers):
        return found  # armed men's unknown act that the model reads as force
    recipients = [t for t in found.targets if t.dep_ in OBJ and t.i != found.source.i]
    if not any(_actor(t) is not None and not _place(t) for t in recipients):  # "on a military aircraft": how
        return None
    return found


def _armed(actor: Actor | None) -> bool:
    return actor is not None and bool({actor.sector, (actor.code or "")[:3]} & ARMED_SECTORS)


def _place(tok: Token) -> bool:
    """A name of a place as an object is where the act went ("left Dhaka"), even where the
    parser calls the city an organisation."""
    return tok.pos_ == "PROPN" and resolve_place(np_span(tok).text) is not None


def _actor(tok: Token) -> Actor | None:
    """The political actor a token names (not a place, a thing or a count), if any."""
    if tok.pos_ == "PRON":
        words = (PRONOUNS_PERSON | PRONOUNS_GROUP) - {"it", "its"}
        return Actor(text=tok.text, code=None) if tok.lower_ in words else None
    if tok.ent_type_ in _PLACES or tok.ent_type_ in _NUMBERS:
        return None
    actor = resolve_span(np_span(tok))
    return actor if actor is not None and actor.code else None


__all__ = ["guessed"]

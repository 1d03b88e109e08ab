"""Restrictions a state imposes on its own people are aimed at that people.

"South Korean President Yoon Suk Yeol declared martial law", "the junta imposed martial law in
37 townships", "Ethiopia declared a state of emergency in the Amhara region": a curfew, a state
of emergency, martial law, a ban on parties or a limit on political freedoms (``grammar.json``
own_people_codes) has a target even when the sentence names none: the doer's own people
(``KORCVL``: a bare country would be the doer itself, which the coder drops as no target), as a
curfew "in Dhaka" already has the country of its place. A restriction named on another country, or held in
a place abroad, keeps that target (the coder asks only when no target was found).
"""

from __future__ import annotations

from ..actors.codes import make
from ..records import Actor
from .grammar import words
from .parties import CIVILIANS

OWN_PEOPLE_CODES = words("own_people_codes")


def own_people(code: str, source: Actor | None, text: str) -> Actor | None:
    """The doer's own people as the target of a restriction on its people, else None. No words
    name them: ``text`` is the act's trigger, as for an implied doer (``parties.implied_doer``)."""
    if code not in OWN_PEOPLE_CODES or source is None or not source.country:
        return None
    return make(text, source.country, CIVILIANS)


__all__ = ["own_people"]

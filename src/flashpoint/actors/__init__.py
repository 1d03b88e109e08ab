"""The actors stage: mentions to CAMEO-style actor codes, and places to coordinates, offline.

Public API (other stages code against these names):

- ``resolve(text, *, on=None, context_country=None) -> Actor | None``
- ``resolve_span(span, *, on=None, context_country=None) -> Actor | None``
- ``find_actors(doc_or_span, *, on=None, context_country=None) -> list[(Span, Actor)]``
- ``not_an_actor(span) -> str | None`` — why a span names no actor (a thing, talks, a storm)
- ``of_several_countries(span) -> bool`` — a role of several states ("Western governments"):
  no country on purpose, so no caller gives it the country of a place or of the article
- ``DocActors`` — per-article memory so a later "Kim", "the president", "he"/"it"/"they",
  "the militia" or "the North" resolves to the actor the article named
- ``home.at_home(actor, counterpart)`` — a bare police/court/worker/civilian role placed in
  the country of the state organ or people it acts upon
- ``places.resolve_place(text)`` / ``places.find_location(sent_span)``

Codes: ``KORMIL`` (country + sector), ``USA`` (country), ``MIL`` (sector, country unknown),
``IGOUNO`` (an international body; its role, if any, in ``Actor.sector``). Tables and their
conventions: ``actors/data/README.md``.
"""

from .memory import DocActors, find_actors
from .resolve import explain, resolve  # explain: the Resolution, with a reason for "no actor"
from .spans import not_an_actor, of_several_countries, resolve_span

__all__ = [
    "DocActors",
    "explain",
    "find_actors",
    "not_an_actor",
    "of_several_countries",
    "resolve",
    "resolve_span",
]

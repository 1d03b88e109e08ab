"""Actor codes: how a country, a sector and an organisation make one code, in one place.

A code is country + sector (``KORMIL``), a country alone (``USA``), a sector alone when the
country is unknown (``MIL``; ``NGO``/``NGOHRI`` for a non-governmental body of unknown country),
or the code of an international body (``IGOUNO``, ``NGOAMN``, ``IMGALQ``) whose role is carried
in ``Actor.sector``. Every stage asks this module whether an actor is an organisation and how to
place a sector-only actor in a country, so the answer is the same everywhere.
"""

from __future__ import annotations

from ..records import Actor

ORG_PREFIXES = ("IGO", "NGO", "IMG")
# Bodies without a country that CAMEO codes as transnational non-governmental ones.
_NON_GOVERNMENTAL = {"NGO": "NGO", "HRI": "NGOHRI"}


def make(text: str, country: str | None, sector: str | None, org: str | None = None) -> Actor:
    """The actor of a mention from its parts (an organisation code wins over a country)."""
    if org:
        return Actor(text=text, code=org, country=None, sector=sector)
    if country and sector:
        return Actor(text=text, code=country + sector, country=country, sector=sector)
    if country:
        return Actor(text=text, code=country, country=country, sector=None)
    if sector in _NON_GOVERNMENTAL:
        return Actor(text=text, code=_NON_GOVERNMENTAL[sector], country=None, sector=sector)
    return Actor(text=text, code=sector, country=None, sector=sector)


def is_org_code(code: str | None) -> bool:
    """True for the code of a named international body (``IGOUNO``), not a bare ``IGO``/``NGO``."""
    return bool(code) and code[:3] in ORG_PREFIXES and len(code) > 3  # type: ignore[index]


def is_org(actor: Actor | None) -> bool:
    """Is this actor an international organisation (its code is the body's, it has no country)?"""
    return actor is not None and actor.country is None and is_org_code(actor.code)


def is_international(actor: Actor | None) -> bool:
    """Does the actor stand outside any one country (an IGO/NGO/IMG code, bare or named)?"""
    return actor is not None and (actor.code or "").startswith(ORG_PREFIXES)


def is_bare_sector(actor: Actor | None) -> bool:
    """A role with no country and no organisation ("the police", "troops"): context may place it."""
    return (
        actor is not None
        and actor.country is None
        and actor.sector is not None
        and not is_international(actor)
    )


def in_country(actor: Actor, country: str, *, text: str | None = None) -> Actor:
    """A bare-sector actor placed in ``country``; any other actor is returned as it is."""
    if not is_bare_sector(actor):
        return actor
    return make(text if text is not None else actor.text, country, actor.sector)


def renamed(actor: Actor, text: str) -> Actor:
    """The same actor under another mention text (a pronoun or a surname that recalls it)."""
    return Actor(text=text, code=actor.code, country=actor.country, sector=actor.sector)


__all__ = [
    "ORG_PREFIXES",
    "in_country",
    "is_bare_sector",
    "is_international",
    "is_org",
    "is_org_code",
    "make",
    "renamed",
]

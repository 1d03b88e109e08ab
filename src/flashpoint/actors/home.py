"""Who acts at home, and whose people the victims are: roles with no country of their own.

Police arrest, judges investigate, workers strike and protesters rally inside their own
country, against their own state and people: "a prosecutor opened bribery inquiries into a dozen
Peruvian port officials" is a Peruvian prosecutor; "workers stopped work over a bill signed by
the Serbian Labour Minister" are Serbian workers. Armies, rebels, governments and gunmen act
across borders as often, so they are never placed this way. The sectors are data
(``words.tsv`` home_sectors). The caller applies this only when nothing better (the place of the
event, the speaker, the article) gave the actor a country.

Victims of force with no country of their own ("20 people were killed, Lebanon's health
ministry said", "troops shelled the hospital": any role of no armed side, ``words.tsv``
unarmed_victims) are never given the article's main country, which is most often the
attacker's; they are the reporter's people when the reporter is not the attacker's side (a
health ministry or a governor counts its own dead), the police's own people, and the article's
country only when no doer of that country is named (``victims``).
"""

from __future__ import annotations

from ..records import Actor
from .codes import in_country, is_bare_sector
from .tables import get_tables


def at_home(actor: Actor, counterpart: Actor | None) -> Actor:
    """``actor`` placed in the country of ``counterpart`` when ``actor`` is a bare role of a
    home sector and ``counterpart`` is a role of a country (a government, its officials, its
    police, its people: not a bare country or a thing it owns); otherwise ``actor`` unchanged."""
    if not is_bare_sector(actor) or counterpart is None:
        return actor
    if not counterpart.country or not counterpart.sector:
        return actor
    if actor.sector not in get_tables().words["home_sectors"]:
        return actor
    return in_country(actor, counterpart.country)


def placed_as_victim(actor: Actor) -> bool:
    """Is ``actor`` a bare role of no armed side (``words.tsv`` unarmed_victims), which, as the
    target of force, ``victims`` places rather than the article's main country?"""
    return is_bare_sector(actor) and actor.sector in get_tables().words["unarmed_victims"]


def victims(
    target: Actor | None, source: Actor | None, reporter: Actor | None, article: str | None
) -> Actor | None:
    """Victims of force with no country of their own (``target``, a bare role of no armed side,
    ``placed_as_victim``: civilians, a hospital, a school), placed by who
    reports and who acts: the reporter's country when the reporter is not of the doer's country
    ("20 were killed, Lebanon's health ministry said"; bare soldiers and police too,
    ``reported_victims``: "two soldiers were wounded, the Malian army said"); the doer's when the doer acts at home
    (police firing on protesters); no country when the doer is of the article's main country
    (the attacker's, not the victims'); else the article's main country ("was killed in a
    military coup in 1975" in a Bangladesh story). Any other target is returned unchanged."""
    if target is None or not is_bare_sector(target):
        return target
    reporter_country = reporter.country if reporter is not None else None
    claimed = target.sector in get_tables().words["reported_victims"]
    if claimed and reporter_country and (source is None or source.country != reporter_country):
        return in_country(target, reporter_country)  # "two soldiers were wounded, the army said"
    if not placed_as_victim(target):
        return target
    if source is not None and source.country:
        if source.sector in get_tables().words["home_sectors"]:
            return in_country(target, source.country)
        if source.country == article:
            return target
    return in_country(target, article) if article else target


__all__ = ["at_home", "placed_as_victim", "victims"]

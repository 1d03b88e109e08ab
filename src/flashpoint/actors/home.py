"""Who acts at home: a role with no country of its own placed by whom it acts upon.

Police arrest, judges investigate, workers strike and protesters rally inside their own
country, against their own state and people: "a judge opened fraud investigations against 28
Chilean government officials" is a Chilean judge; "workers stopped work over a bill signed by
the Serbian Labour Minister" are Serbian workers. Armies, rebels, governments and gunmen act
across borders as often, so they are never placed this way. The sectors are data
(``words.tsv`` home_sectors). The caller applies this only when nothing better (the place of the
event, the speaker, the article) gave the actor a country.
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


__all__ = ["at_home"]

"""What the monitor counts: one decision, used by series, alerts and exports.

It lives in the store because the store keeps a summary by it: ``dyad_periods`` (counts per
dyad, period and counting mode, read by the alerts) is maintained by ``store.derive`` with
these conditions, so changing them changes the derived layout and rebuilds the summary.

*Certainty.* Only what the article says happened counts by default: events that are not
negated and whose modality is in ``COUNTED_MODALITIES`` (asserted, or reported by someone).
Intended, demanded and hypothetical acts ("would retaliate if the drills continued") and
negated ones ("did not attack") are left out unless a caller asks for them
(``include_uncertain=True``; CLI ``--include-uncertain``).

*Time.* Each unique event carries ``day`` and ``day_precision`` (``store.schema.
event_day_sql``): ``'day'`` when the text gives the day, ``'published'`` when it is reported as
current (counted on the report's day), ``'week'``/``'month'``/``'year'`` for a historical
reference known only to that week, month or year (placed on its first day; a week on its
Monday, so a monthly series counts it in the month of its Monday). A period counts an event only when
the event is known at least as precisely as the period: a weekly series leaves out "in 2010"
(it belongs to no week), a monthly one counts "in March 2023" in March 2023.
"""

from __future__ import annotations

COUNTED_MODALITIES = ("asserted", "reported")
MODALITIES = ("asserted", "reported", "intended", "demanded", "hypothetical")
# Day precisions a period of each length can place: coarser ones belong to no single period.
PRECISIONS = {
    "day": ("day", "published"),
    "week": ("day", "published", "week"),
    "month": ("day", "published", "week", "month"),
    "year": ("day", "published", "week", "month", "year"),
}


def _quoted(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


def certainty_sql(*, alias: str = "u", include_uncertain: bool = False) -> str:
    """The condition selecting events that happened as far as the text says (``TRUE`` when
    ``include_uncertain``)."""
    if include_uncertain:
        return "TRUE"
    return f"NOT {alias}.negated AND {alias}.modality IN ({_quoted(COUNTED_MODALITIES)})"


def precision_sql(freq: str, *, alias: str = "u") -> str:
    """The condition selecting events whose day is known well enough for periods of ``freq``."""
    return f"coalesce({alias}.day_precision, 'day') IN ({_quoted(PRECISIONS[freq])})"


def counted_sql(
    *, alias: str = "u", freq: str | None = None, include_uncertain: bool = False
) -> str:
    """Certainty and (when ``freq`` is given) time precision together."""
    parts = [certainty_sql(alias=alias, include_uncertain=include_uncertain)]
    if freq is not None:
        parts.append(precision_sql(freq, alias=alias))
    return " AND ".join(p for p in parts if p != "TRUE") or "TRUE"

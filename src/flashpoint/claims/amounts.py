"""A statement's number written otherwise than the article's: a bound, an estimate, another unit.

"More than 200 people were detained" is what an article that counts 224 detainees says, and "a
three-day truce" is its "72-hour truce"; matched only as written, both numbers are "not in the
article" (a number the article lacks is among the strongest signs of an unsupported statement).
``stands_for`` gives the keys of the article's numbers a statement number may stand for: those
that meet its bound ("more than", "at least", "about", "nearly": ``data/amounts.json``), of the
same form (a count, a length of time) and counting the same kind of thing (``units``), and a
length of time in another unit with the same hours. A number with no bound stands for itself
only: "200 people" is not "224 people".
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from ..errors import ConfigError
from .datafiles import read_data
from .index import ArticleIndex
from .units import counted_noun, duration_unit, number_form, same_kind_of_count

AMOUNTS_FILE = "amounts.json"
_SKIPPED = frozenset({"a", "an", "the"})  # "more than a thousand": the article does not bound


@dataclass(frozen=True)
class AmountSettings:
    """``amounts.json``: the bound words, the approximation and the duration units."""

    bounds: dict[tuple[str, ...], str]
    approximation: float
    duration_hours: dict[str, float]


@functools.lru_cache(maxsize=1)
def amount_settings() -> AmountSettings:
    """The settings in ``claims/data/amounts.json`` (E406 unreadable, E407 malformed)."""
    data = read_data(AMOUNTS_FILE)
    try:
        bounds = {tuple(str(k).lower().split()): str(v) for k, v in data["bounds"].items()}
        if not set(bounds.values()) <= {">", ">=", "<", "<=", "~", "~<"}:
            raise ValueError(f"unknown bound in {sorted(set(bounds.values()))}")
        return AmountSettings(
            bounds=bounds,
            approximation=float(data["approximation"]),
            duration_hours={str(k).lower(): float(v) for k, v in data["duration_hours"].items()},
        )
    except (AttributeError, KeyError, TypeError, ValueError) as e:
        raise ConfigError("E407", name=AMOUNTS_FILE, cause=e) from e


def bound_of(token: Any) -> str | None:
    """The bound the words before a number put on it ("MORE THAN 200" -> ">"), or None."""
    settings = amount_settings()
    doc = token.doc
    i = token.i - 1
    while i >= 0 and doc[i].lower_ in _SKIPPED:
        i -= 1
    longest = max(len(k) for k in settings.bounds)
    for n in range(longest, 0, -1):
        if i - n + 1 < 0:
            continue
        words = tuple(t.lower_ for t in doc[i - n + 1 : i + 1])
        if words in settings.bounds:
            return settings.bounds[words]
    after = tuple(t.lower_ for t in doc[token.i + 2 : token.i + 4])  # "200 people or so"
    return settings.bounds.get(after) if after == ("or", "so") else None


def meets(bound: str, value: float, stated: float) -> bool:
    """Whether the article's ``value`` is what a statement's bounded ``stated`` may stand for."""
    slack = amount_settings().approximation * stated
    return {
        ">": value > stated,
        ">=": value >= stated,
        "<": value < stated,
        "<=": value <= stated,
        "~": abs(value - stated) <= slack,
        "~<": stated - slack <= value < stated,
    }[bound]


def _value(key: str) -> float | None:
    try:
        return float(key[1:]) if key.startswith("#") else None
    except ValueError:
        return None


def stands_for(index: ArticleIndex, token: Any, key: str) -> set[str]:
    """Keys of the article's numbers that a statement's number ``token`` (keyed ``key``) stands
    for besides itself: those meeting its bound, and the same length of time in another unit."""
    stated = _value(key)
    if stated is None:
        return set()
    form = number_form(token, key)
    bound = bound_of(token) if form == "count" else None
    hours = amount_settings().duration_hours
    unit = duration_unit(token) if form == "duration" else None
    if bound is None and unit not in hours:
        return set()
    counts = counted_noun(token)
    out: set[str] = set()
    for sent in index.sentences:
        for m in sent.numbers:
            value = _value(m.key)
            if value is None or m.key == key or m.form != form:
                continue
            if bound is not None and same_kind_of_count(m.counts, counts) and meets(bound, value, stated) or unit in hours and any(
                u in sent.keys and value * h == stated * hours[unit] for u, h in hours.items() if u != unit
            ):
                out.add(m.key)
    return out


__all__ = ["AmountSettings", "amount_settings", "bound_of", "meets", "stands_for"]

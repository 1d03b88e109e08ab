"""Death tolls from evidence sentences, for the ACLED-style export's ``fatalities``.

ACLED records the number of reported fatalities of each event and 0 when none is reported;
Flashpoint reads the number from the event's evidence sentences with the patterns of
``analytics/data/fatalities.json`` ("killing 12", "three soldiers were killed", "a death toll
of 40") and says when the text gives none (``reported=False``), so a 0 that means "not
reported" is never mistaken for a reported zero.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Toll:
    """A death toll: ``count`` and whether the text reports it (``False``: 0 by default)."""

    count: int
    reported: bool


@functools.lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """The patterns of ``analytics/data/fatalities.json``."""
    return json.loads(
        resources.files(__package__).joinpath("data/fatalities.json").read_text("utf-8")
    )


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    r = rules()
    words = _alternation(r["numbers"])
    number = rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d{{1,5}}|(?:{words})(?:-(?:{words}))?)"
    qualifier = rf"(?:(?:{_alternation(r['qualifiers'])})\s+)?"
    before = re.compile(
        rf"\b(?:{_alternation(r['before'])})\s+{qualifier}{number}\b", re.IGNORECASE
    )
    after = re.compile(
        rf"\b{number}\s+(?:[A-Za-z-]+\s+){{0,{int(r['gap'])}}}?(?:{_alternation(r['after'])})\b",
        re.IGNORECASE,
    )
    none = re.compile(rf"\b(?:{_alternation(r['none'])})\b", re.IGNORECASE)
    return before, after, none


def _value(token: str) -> int | None:
    words = rules()["numbers"]
    key = " ".join(token.lower().split())
    if key in words:
        return int(words[key])
    if all(part in words for part in key.split("-")):  # "twenty-three"
        return sum(int(words[part]) for part in key.split("-"))
    digits = token.replace(",", "")
    if not digits.isdigit():
        return None
    n = int(digits)
    if "," not in token and len(digits) == 4 and 1900 <= n <= 2100:
        return None  # a year ("killed 2023" does not occur; "in 2023 ... killed" must not count)
    return n


def toll(texts: Iterable[str | None]) -> Toll:
    """The largest death toll any of ``texts`` reports; ``Toll(0, False)`` when none does."""
    before, after, none = _patterns()
    best: int | None = None
    for text in texts:
        if not text:
            continue
        if none.search(text):  # "no one was killed": a reported zero, not "one ... killed"
            best = 0 if best is None else best
            continue
        for pattern in (before, after):
            for m in pattern.finditer(text):
                n = _value(m.group("n"))
                if n is not None and (best is None or n > best):
                    best = n
    return Toll(best, True) if best is not None else Toll(0, False)

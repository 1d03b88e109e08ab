"""``Found``: a coded predicate before its actors are resolved (what the walk returns)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Token = Any


@dataclass
class Found:
    """A coded predicate before actor resolution."""

    code: str
    trigger: Token
    source: Token | None = None
    targets: list[Token] = field(default_factory=list)
    modality: str = "asserted"
    negated: bool = False
    speaker: Token | None = None  # attribution: who said it
    attribution_text: str | None = None
    future: bool = False
    score: int = 1
    embedded: Found | None = None  # the wrapped event, kept as a secondary event
    family: str | None = None
    order: Token | None = None  # the verb that ordered this act ("ordered X to ..."): orders.py
    used: set[int] = field(default_factory=set)

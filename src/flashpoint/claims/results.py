"""What the comparison of one statement records: where each content word was found
(``WordStatus``), the explicit mismatches with the article (``Finding``), and, per clause, its
window of article sentences with both (``ClauseResult``). Plain records, shared by the alignment
(``align``), the checks (``findings``) and the verdict."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from .clauses import Clause
from .index import Sentence
from .units import Kind

Status = Literal["best", "window", "synonym", "doc", "novel"]


FindingKind = Literal[
    "negation", "antonym", "number", "actor", "role", "swap", "date", "substitute", "act", "stance", "unrealised", "mediator"
]


@dataclass
class WordStatus:
    """Where one content word of a statement was found."""

    token: Any
    key: str
    kind: Kind
    status: Status
    commentary: bool


@dataclass
class Finding:
    """An explicit mismatch between a statement and an aligned article sentence."""

    kind: FindingKind
    article_says: str
    statement_says: str
    sentence: Sentence


@dataclass
class ClauseResult:
    clause: Clause
    window: list[Sentence]
    alignment: float  # share of the clause's weighted content found in its best sentence
    coverage: float  # share found anywhere in the window
    words: list[WordStatus] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    roles: dict[str, int] = field(default_factory=lambda: {"match": 0, "mismatch": 0, "unknown": 0, "swap": 0})

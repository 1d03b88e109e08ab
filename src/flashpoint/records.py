"""Record types that travel between the stages.

Every stage speaks in these types and nothing else: ingest produces an ``Article`` or a
``Skipped``; the event coder produces ``Event`` records; the statement checker produces
``StatementCheck`` records; ``Analysis`` bundles one article's results. They are plain frozen
dataclasses so they pickle (Dask), compare (tests) and serialise (``to_dict``) without a
framework. Provenance travels with every record: the article id and, for every event and
verdict, the evidence ``Span`` whose offsets index into ``Article.text``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import Any, Literal

Modality = Literal["asserted", "reported", "intended", "demanded", "hypothetical"]
Verdict = Literal["supported", "contradicted", "not_in_source"]
DatePrecision = Literal["day", "week", "month", "year"]

# Why an input produced no article. Stable strings: they are stored and queried.
SkipReason = Literal[
    "missing",  # path does not exist
    "unreadable",  # a directory or a file we may not read
    "empty",  # no bytes, or nothing left after cleaning
    "binary",  # not text (NUL bytes, image, archive ...)
    "too_large",  # above --max-bytes
    "no_article",  # HTML with no extractable article body
    "not_english",  # language detected is not English
    "invalid_json",  # a JSON/JSONL record that does not parse or lacks text
    "duplicate",  # the same content is already stored
    "fetch_failed",  # a feed or URL that could not be fetched after retries
    "internal_error",  # a bug met while reading, analysing or storing this one input
]

# Skips that mean an input *failed* (as opposed to an honest verdict on readable content such
# as "not_english" or "duplicate"): a run with any of them does not exit 0 (``cli.exits``).
FAILED_REASONS: frozenset[str] = frozenset({
    "missing", "unreadable", "binary", "too_large", "invalid_json", "fetch_failed", "internal_error",
})

# The stages an ``internal_error`` skip names, in the order an input meets them.
Stage = Literal["read", "analyse", "store"]
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_MAX_ERROR_CHARS = 500


def content_id(text: str) -> str:
    """Stable id of a text: first 16 hex digits of SHA-256 over whitespace-normalised text.

    Whitespace is normalised so that the same article scraped twice with different line
    wrapping gets the same id, which is what makes re-runs idempotent.
    """
    normal = " ".join(text.split())
    # surrogatepass: a lone surrogate (from JSON "\\ud800" or a file name) must not stop the
    # hash; readers replace them in the text itself (``without_surrogates``).
    return hashlib.sha256(normal.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def without_surrogates(text: str) -> str:
    """``text`` with each lone UTF-16 surrogate replaced by U+FFFD.

    Python strings can hold them (JSON ``"\\ud800"``, undecodable file names under
    ``surrogateescape``) but UTF-8 cannot, so every encoder downstream (hashing, Arrow, DuckDB,
    JSON output) would raise on them.
    """
    return _LONE_SURROGATE.sub("\ufffd", text)


def internal_error(stage: Stage, error: BaseException, origin: str | None) -> Skipped:
    """The stored skip of one input that met a bug at ``stage``: the batch goes on without it.

    The detail names the stage, the error class and its message (first line, bounded), so the
    skip is auditable and a re-run after the fix can find it (``reason = 'internal_error'``).
    """
    message = without_surrogates(str(error).splitlines()[0] if str(error) else "")
    if len(message) > _MAX_ERROR_CHARS:
        message = message[:_MAX_ERROR_CHARS] + "..."
    return Skipped(
        "internal_error",
        f"{stage} stage: {type(error).__name__}: {message}".rstrip(": "),
        None if origin is None else without_surrogates(origin),
    )


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of ``Article.text``: ``article.text[start:end] == text`` always holds."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned news article, ready for NLP.

    ``text`` is the cleaned body (boilerplate removed, appended statements split off) and is
    the string every offset refers to. ``statements`` are the appended machine-written
    sentences ("Read also", "Related") that are checked against ``text``, never coded.
    ``notes`` records lossy repairs made on the way in (e.g. invalid UTF-8 replaced).
    """

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    language: str = "en"
    statements: tuple[str, ...] = ()
    origin: str | None = None
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
            "source": self.source,
            "language": self.language,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that produced no article, and why. Stored, never silently dropped."""

    reason: SkipReason
    detail: str
    origin: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"reason": self.reason, "detail": self.detail}


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor: the mention as written and its CAMEO-style code.

    ``code`` is ISO-3 country + sector (``PRKGOV``), a bare country (``USA``) or an
    international organisation (``IGOUNO``); ``country`` is the ISO-3 part or None for IGOs
    and unresolved actors; ``sector`` is the 3-letter role (GOV, MIL, MED, ...) or None.
    """

    text: str
    code: str | None
    country: str | None = None
    sector: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "code": self.code, "country": self.country, "sector": self.sector}


@dataclass(frozen=True, slots=True)
class Location:
    text: str
    country: str | None
    lat: float | None
    lon: float | None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: who did what to whom, when and where, with its evidence.

    ``cameo`` is the most specific CAMEO code found (2-4 digits, as a string: "0311");
    ``cameo_root`` its first two digits. ``goldstein`` and ``quad_class`` come from the CAMEO
    tables (quad: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict).
    ``date`` is the resolved event date (None when the phrase cannot be resolved; the phrase is
    kept in ``date_text``); ``date_precision`` says how much of ``date`` is known: "in April"
    gives 2023-04-01 with precision "month", "last week" the Monday of that week with
    precision "week". ``trigger`` is the predicate word(s) matched.
    """

    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_root: str
    plover: str | None
    quad_class: int
    goldstein: float
    evidence: Span
    date: dt.date | None = None
    date_text: str | None = None
    date_precision: DatePrecision | None = None
    attribution: str | None = None
    location: Location | None = None
    negated: bool = False
    modality: Modality = "asserted"
    trigger: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "plover": self.plover,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "date": self.date.isoformat() if self.date else None,
            "date_text": self.date_text,
            "date_precision": self.date_precision,
            "attribution": self.attribution,
            "location": self.location.to_dict() if self.location else None,
            "negated": self.negated,
            "modality": self.modality,
            "trigger": self.trigger,
            "evidence": dataclasses.asdict(self.evidence),
        }

    def to_row(self) -> dict[str, Any]:
        """The event as one flat row: the columns of the store's ``events`` table (nested
        actors, location and evidence become ``source_code``, ``location_lat``,
        ``evidence_start``, ...), as the column spec (``flashpoint.columns.EVENTS``) describes
        them for every layout; ``Analysis.to_frame`` shows them, so a notebook sees the same
        columns in memory as in the database."""
        from .columns import EVENTS

        return EVENTS.record_row(self)


@dataclass(frozen=True, slots=True)
class StatementCheck:
    """The verdict on one statement about an article, with evidence and a readable reason."""

    text: str
    verdict: Verdict
    score: float
    evidence: Span | None
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "verdict": self.verdict,
            "score": round(self.score, 4),
            "evidence": dataclasses.asdict(self.evidence) if self.evidence else None,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything Flashpoint learned from one input: the output contract of ``analyze``."""

    article: Article | None
    events: tuple[Event, ...] = ()
    statements: tuple[StatementCheck, ...] = ()
    skipped: Skipped | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict() if self.article else None,
            "events": [e.to_dict() for e in self.events],
            "statements": [s.to_dict() for s in self.statements],
            "skipped": self.skipped.to_dict() if self.skipped else None,
        }

    def to_frame(self) -> Any:
        """The events as a pandas DataFrame, one row per event (for notebooks).

        Columns are the article's (``article_id``, ``title``, ``published``, ``url``,
        ``source``) followed by ``Event.to_row()``'s, the names of the store's ``events``
        table; ``date`` and ``published`` are ``datetime64`` (missing: ``NaT``). A skipped
        input or an article without events gives an empty frame with the same columns.
        Needs pandas (a dependency of Flashpoint, imported here only when called).
        """
        import pandas as pd

        art = self.article
        head = {
            "article_id": art.id if art else None, "title": art.title if art else None,
            "published": art.published if art else None, "url": art.url if art else None,
            "source": art.source if art else None,
        }
        from .columns import EVENTS

        columns = [*head, *EVENTS.record_names()]
        frame = pd.DataFrame([{**head, **e.to_row()} for e in self.events], columns=columns)
        for name in ("published", "date"):
            frame[name] = pd.to_datetime(frame[name])
        return frame


__all__ = [
    "FAILED_REASONS",
    "Actor",
    "Analysis",
    "Article",
    "DatePrecision",
    "Event",
    "Location",
    "Modality",
    "SkipReason",
    "Skipped",
    "Span",
    "Stage",
    "StatementCheck",
    "Verdict",
    "content_id",
    "internal_error",
    "without_surrogates",
]

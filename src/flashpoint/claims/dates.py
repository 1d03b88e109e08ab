"""Weekdays, month-days and years named in a text, and when two of them cannot be one day.

"Netanyahu said on Monday ..." against an article whose sentence about the same statement says
"on Sunday" is a factual error the model and the word overlap both miss (every other word
matches). A date mention keeps the fields its words give (weekday, month, day, year); with the
article's publication date a weekday, "yesterday" or a month-day without a year also becomes a
calendar day (the most recent such day on or before publication: news reports what happened),
so "on Sunday" in an article of Wednesday 27 December 2023 and "on December 24" are one day.

Two mentions are comparable when they share a field (or both are calendar days) and are attached
to the same word ("said on Monday" / "said on Sunday"; "returned in 2012" says nothing against
"leaving in 2009"); they conflict when a shared field differs. ``compare`` turns a statement mention that conflicts with every
comparable mention of its aligned evidence sentence into a ``date`` finding. Calendar words are
data (``claims/data/dates.json``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import ConfigError
from ..nlp import ents_starting_within
from .datafiles import read_data

DATES_FILE = "dates.json"


@dataclass(frozen=True)
class Calendar:
    """The calendar words of dates.json as lookup tables."""

    weekdays: dict[str, int]
    months: dict[str, int]
    ambiguous: frozenset[str]
    relative_days: dict[str, int]
    min_year: int
    max_year: int


@functools.lru_cache(maxsize=1)
def calendar() -> Calendar:
    """The calendar words (loaded once; E406 unreadable, E407 malformed)."""
    data = read_data(DATES_FILE)
    try:
        return Calendar(
            weekdays={str(k): int(v) for k, v in data["weekdays"].items()},
            months={str(k): int(v) for k, v in data["months"].items()},
            ambiguous=frozenset(data["ambiguous"]),
            relative_days={str(k): int(v) for k, v in data["relative_days"].items()},
            min_year=int(data["min_year"]),
            max_year=int(data["max_year"]),
        )
    except (AttributeError, KeyError, TypeError, ValueError) as e:
        raise ConfigError("E407", name=DATES_FILE, cause=e) from e


@dataclass(frozen=True)
class DateMention:
    """A date named in a text: the fields its words give and, when the publication date fixes
    it, the calendar day (``day_of``)."""

    text: str
    weekday: int | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    day_of: dt.date | None = None
    head: str | None = None  # lemma of the word the date is attached to ("said on Sunday": "say")

    def fields(self) -> dict[str, int]:
        """The fields its words state (not those derived from the calendar day)."""
        return {k: v for k, v in (("weekday", self.weekday), ("month", self.month), ("day", self.day),
                                  ("year", self.year)) if v is not None}


def _word(token: Any) -> str:
    return token.lower_.rstrip(".")


def _day_number(token: Any) -> int | None:
    text = token.lower_
    for suffix in ("st", "nd", "rd", "th"):
        text = text.removesuffix(suffix)
    return int(text) if text.isdigit() and 1 <= int(text) <= 31 else None


def _year(token: Any) -> int | None:
    cal = calendar()
    text = token.text.rstrip("s")  # "the 1990s" is no year, but "2023" is
    if len(text) == 4 and text.isdigit() and text == token.text and cal.min_year <= int(text) <= cal.max_year:
        return int(text)
    return None


def _resolve(weekday: int | None, month: int | None, day: int | None, year: int | None, offset: int | None,
             published: dt.date | None) -> dt.date | None:
    """The calendar day the fields name, read from the publication date when one is needed."""
    if month is not None and day is not None and year is not None:
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    if published is None:
        return None
    if offset is not None:
        return published + dt.timedelta(days=offset)
    if month is not None and day is not None:
        for y in (published.year, published.year - 1):
            try:
                candidate = dt.date(y, month, day)
            except ValueError:
                return None
            if candidate <= published:
                return candidate
        return None
    if weekday is not None:
        return published - dt.timedelta(days=(published.weekday() - weekday) % 7)
    return None


def _mention(tokens: Sequence[Any], published: dt.date | None, *, in_entity: bool) -> DateMention | None:
    cal = calendar()
    weekday = month = day = year = offset = None
    for i, tok in enumerate(tokens):
        w = _word(tok)
        near_number = any(_day_number(t) is not None for t in tokens[max(i - 1, 0) : i + 2] if t.i != tok.i)
        if w in cal.ambiguous and not (in_entity or near_number) and tok.text[:1].islower():
            continue
        if w in cal.weekdays and weekday is None and (tok.text[:1].isupper() or in_entity):
            weekday = cal.weekdays[w]
        elif w in cal.months and month is None and (tok.text[:1].isupper() or in_entity):
            month = cal.months[w]
            for t in (tokens[i + 1] if i + 1 < len(tokens) else None, tokens[i - 1] if i > 0 else None):
                if t is not None and _day_number(t) is not None and day is None and _year(t) is None:
                    day = _day_number(t)
        elif w in cal.relative_days and offset is None:
            offset = cal.relative_days[w]
        elif _year(tok) is not None and year is None and (in_entity or tok.ent_type_ == "DATE"):
            year = _year(tok)
    if all(v is None for v in (weekday, month, year, offset)):
        return None
    text = "".join(t.text_with_ws for t in tokens).strip()
    day_of = _resolve(weekday, month, day, year, offset, published)
    return DateMention(text, weekday, month, day, year, day_of, _head(tokens))


def _head(tokens: Sequence[Any]) -> str | None:
    """The lemma of what the date is attached to, through a preposition ("on Sunday" -> "said")."""
    ids = {t.i for t in tokens}
    root = next((t for t in tokens if t.head.i not in ids or t.head.i == t.i), None)
    if root is None or root.head.i == root.i:
        return None
    head = root.head
    if head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    return head.lemma_.lower() or None


def date_mentions(tokens: Sequence[Any], published: dt.date | None = None) -> list[DateMention]:
    """The dates named by ``tokens`` (a sentence or a clause of one parsed doc): each spaCy DATE
    entity, and calendar words outside any entity, read as one mention each."""
    if not tokens:
        return []
    doc = tokens[0].doc
    ids = {t.i for t in tokens}
    out: list[DateMention] = []
    covered: set[int] = set()
    # the entities read once per document (``Doc.ents`` rebuilds all of them on every call, and
    # the article index reads every sentence's dates)
    for ent in ents_starting_within(doc, min(ids), max(ids) + 1):
        if ent.label_ != "DATE" or ent.start not in ids:
            continue
        covered.update(range(ent.start, ent.end))
        found = _mention(list(ent), published, in_entity=True)
        if found is not None:
            out.append(found)
    cal = calendar()
    for tok in tokens:
        if tok.i in covered:
            continue
        w = _word(tok)
        if w in cal.weekdays or w in cal.months:
            window = [t for t in doc[max(tok.i - 1, 0) : tok.i + 3] if t.i in ids and t.i not in covered]
            found = _mention(window, published, in_entity=False)
            if found is not None and (found.weekday is not None or found.day is not None):
                covered.update(t.i for t in window)
                out.append(found)
    return out


def conflict(statement: DateMention, article: DateMention) -> bool | None:
    """True when the two cannot be one day, False when they agree, None when they cannot be
    compared. Dates attached to different words are not compared. Two calendar days compare as days ("Sunday" in an article of 27 December 2023 is
    24 December); otherwise only the fields both state are compared (a weekday with a weekday,
    a year with a year: "Monday" says nothing against "in March")."""
    if statement.head and article.head and statement.head != article.head:
        return None  # dates of two different happenings
    if statement.day_of is not None and article.day_of is not None:
        return statement.day_of != article.day_of
    a, b = statement.fields(), article.fields()
    shared = set(a) & set(b)
    # A bare day number ("the 5th") without its month says too little to compare alone.
    if not shared or shared == {"day"}:
        return None
    return any(a[k] != b[k] for k in shared)


__all__ = ["Calendar", "DateMention", "calendar", "conflict", "date_mentions"]

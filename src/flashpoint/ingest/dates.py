"""Publication dates from the many shapes news sources write them in.

The publication date anchors every relative date in an article ("on Tuesday", "last year"), so
a wrong guess here shifts every event. The parser is therefore strict: it accepts the formats
feeds, JSON exports and datelines actually use, tries the unambiguous ones first, and returns
``None`` rather than guessing on text that merely contains a number.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import time
from typing import Any

# "December 27, 2023", "Dec. 27, 2023", "27 December 2023", "Wednesday, 27 Dec 2023"
_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_RE = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY_RE = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"

_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d])")
_ISO_SLASH = re.compile(r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d])")
_DOTTED = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?![\d])")
_MDY = re.compile(
    _WEEKDAY_RE + _MONTH_RE + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?!\d)",
    re.IGNORECASE,
)
_DMY = re.compile(
    _WEEKDAY_RE + r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\.?\s+" + _MONTH_RE + r",?\s+(?P<y>\d{4})(?!\d)",
    re.IGNORECASE,
)
_PATTERNS = (_ISO, _ISO_SLASH, _MDY, _DMY, _DOTTED)

# Plausible publication years: outside this window a match is a number, not a date.
_MIN_YEAR, _MAX_YEAR = 1900, 2100


def parse_published(value: Any) -> dt.date | None:
    """Return the date ``value`` denotes, or ``None`` when it is not a date.

    Accepts ``date``/``datetime`` objects, ``time.struct_time`` (feedparser), ISO dates and
    datetimes ("2023-12-27", "2023-12-27T08:30:00+09:00"), RFC 822 ("Wed, 27 Dec 2023 08:30:00
    +0900"), "December 27, 2023", "27 December 2023" and "27.12.2023". A datetime keeps the
    calendar date it was written with (no time-zone conversion): that is the date the outlet
    printed, which is what readers of "on Tuesday" assumed.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, time.struct_time):
        return _make(value.tm_year, value.tm_mon, value.tm_mday)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 200:
        return None
    try:
        return _plausible(dt.datetime.fromisoformat(text).date())
    except ValueError:
        pass
    if re.match(r"^[A-Za-z]{3},?\s+\d", text) or re.match(
        r"^\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d", text
    ):
        try:
            parsed = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            parsed = None
        if parsed is not None:
            return _plausible(parsed.date())
    return find_date(text)


def find_date(text: str) -> dt.date | None:
    """Return the first explicit calendar date written inside ``text`` (e.g. a dateline)."""
    best: tuple[int, dt.date] | None = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            found = _from_match(match)
            if found is not None:
                if best is None or match.start() < best[0]:
                    best = (match.start(), found)
                break
    return best[1] if best else None


def _from_match(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    month = groups.get("month")
    if month is not None:
        m = _MONTHS.get(month.lower().rstrip("."))
    else:
        m = int(groups["m"])
    if m is None:
        return None
    return _make(int(groups["y"]), m, int(groups["d"]))


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return _plausible(dt.date(year, month, day))
    except ValueError:
        return None


def _plausible(day: dt.date) -> dt.date | None:
    return day if _MIN_YEAR <= day.year <= _MAX_YEAR else None


__all__ = ["find_date", "parse_published"]

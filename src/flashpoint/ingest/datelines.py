"""Datelines: the page's byline and date stamps, and the wire dateline that opens a lead.

A page states its publication date on a line of its own ("Published 3 March 2024 | 10:42"),
beside a byline, or in a wire dateline before the first sentence ("SEOUL, Dec 27 (Wire) -").
Each is furniture, not prose: the stamp lines are dropped from the body and their best date
becomes the article's; the lead dateline is cut off (``strip_lead_dateline``), since left in the
text its place becomes the first sentence's subject (an actor) and its year the event's date.
An article taken as given keeps its offsets, so there the dateline is blanked instead
(``blank_lead_dateline``, used by ``claims.check``).
"""

from __future__ import annotations

import datetime as dt
import re

from .dates import find_date
from .lines import Line, is_terminal, words

_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?\b", re.IGNORECASE)
_DATELINE_WORDS = re.compile(
    r"^(?:published|posted|updated|last updated|date|first published|created|modified|by)\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^by\s+[A-Z][\w.'’-]*(?:\s+[\w.'’&,-]+){0,10}$")
_YEAR = re.compile(r"\d{4}")


def _dateline_date(text: str) -> tuple[dt.date, int] | None:
    """The date on a byline/dateline line and how much to trust it as the publication date.

    Rank 0: a marked stamp ("Published ...", "By ... | date", a date with a time of day);
    1: a bare date line; 2: a date with a few words around it (a short caption, say);
    3: an "Updated ..." stamp. Lower is better.
    """
    if words(text) > 16 or not _YEAR.search(text):
        return None
    found = find_date(text)
    if found is None:
        return None
    rest = _TIME.sub(" ", text)
    rest = re.sub(
        r"\b(?:published|posted|updated|last|first|on|at|date|gmt|utc|kst|est|cet|am|pm)\b",
        " ",
        rest,
        flags=re.IGNORECASE,
    )
    leftover = [w for w in re.findall(r"[^\W\d_]+", rest) if len(w) > 2]
    month_words = re.findall(
        r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", rest, re.IGNORECASE
    )
    weekdays = re.findall(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", rest, re.IGNORECASE)
    prose_words = len(leftover) - len(month_words) - len(weekdays)
    # A stamp: "Published ...", "Posted on ... | 3 min", or a date with hardly any words around
    # it. A short sentence that mentions a date ("The vote is set for March 3, 2024.") is not.
    looks_stamp = (
        bool(_DATELINE_WORDS.match(text))
        or "|" in text
        or prose_words <= (2 if is_terminal(text) else 4)
    )
    if not looks_stamp:
        return None
    if re.search(r"\bupdated\b|\bmodified\b", text, re.IGNORECASE):
        return found, 3
    if _DATELINE_WORDS.match(text) or "|" in text or _TIME.search(text):
        return found, 0
    return found, 1 if prose_words <= 0 else 2


def drop_datelines(lines: list[Line]) -> dt.date | None:
    """Remove byline/dateline lines; return the publication date they show, if any."""
    best: tuple[int, dt.date] | None = None
    for line in lines:
        stamp = _dateline_date(line.text)
        if stamp is not None:
            line.keep = False
            day, rank = stamp
            if best is None or rank < best[0]:
                best = (rank, day)
        elif _BYLINE.match(line.text) and not is_terminal(line.text.rstrip(")")):
            line.keep = False
    return best[1] if best else None


# A wire dateline opening the lead: "SEOUL, Dec 27 (Wire) -", "KYIV, Ukraine (AP) —",
# "SEOUL —", "LONDON/KYIV, May 10, 2023 (Outlet) --". The place is one to four upper-case
# words; an optional comma part (region and/or date) is capitalised words and numbers only; an
# optional parenthesised outlet; then a dash. The text after it must start a sentence.
_DATELINE_PLACE = r"[A-Z][A-Z.'’]*[A-Z.](?:[-\s/][A-Z][A-Z.'’]*[A-Z.]){0,3}"
_DATELINE_TOKEN = r"(?:[A-Z][\w.'’]*|\d{1,4}(?:st|nd|rd|th)?)"
_LEAD_DATELINE = re.compile(
    r"^(?P<place>" + _DATELINE_PLACE + r")"
    r"(?P<detail>,\s*" + _DATELINE_TOKEN + r"(?:[ ,]+" + _DATELINE_TOKEN + r"){0,5})?"
    r"(?P<outlet>,?\s*\([^()\n]{1,40}\))?"
    r"(?P<dash>\s+(?:--|[-–—])\s+|\s*[–—]\s*)"
    r"(?=[\"“‘'(]?[A-Z0-9])"
)
# The same in title case ("Seoul, March 3, 2024 - ", "Hamburg, Jun 3 (Wire) -"), as scrapers and
# press-release wires print it: a title-case place is also the start of ordinary prose ("Moscow,
# Beijing and Delhi - ..."), so it counts as a dateline only with a month-name date in the comma
# part. Left in the lead, the place becomes the first sentence's subject (an actor) and the
# dateline's year its date.
_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
)
_TITLE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][a-z][\w.'’]*(?:[-\s/][A-Z][\w.'’]*){0,2})"
    r"(?P<detail>,\s*(?:[A-Z][\w.'’]*,\s*)?"
    r"(?:" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}\s+" + _MONTH + r")(?:,?\s+\d{4})?)"
    r"(?P<outlet>,?\s*\([^()\n]{1,40}\))?"
    r"(?P<dash>\s+(?:--|[-–—])\s+|\s*[–—]\s*)"
    r"(?=[\"“‘'(]?[A-Z0-9])"
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def strip_lead_dateline(paragraph: str) -> tuple[str, dt.date | None]:
    """Remove a wire dateline from the start of the lead; return the rest and its full date.

    "PYONGYANG, Dec 27 (Wire) - North Korea said ..." (or "Pyongyang, Dec 27 (Wire) - ...", with
    its month-name date) keeps "North Korea said ...": the place
    and outlet are page furniture, and left in the text they become part of the first
    sentence's evidence (or a spurious actor). The date is returned only when it is a full
    calendar date (with a year); "Dec 27" alone cannot anchor anything.

    Guards against stripping prose: a bare upper-case word with no comma part or outlet must
    have three or more letters ("US — China talks" stays) and must not open a dash pair within
    its sentence ("NATO — the alliance of 31 states — said" is an apposition, not a dateline);
    "NATO said ..." has no dash and never matches.
    """
    match = _LEAD_DATELINE.match(paragraph) or _TITLE_DATELINE.match(paragraph)
    if match is None:
        return paragraph, _lead_dateline_date(paragraph)
    rest = paragraph[match.end() :]
    if not (match.group("detail") or match.group("outlet")):
        letters = re.sub(r"[^A-Z]", "", match.group("place"))
        dash = match.group("dash").strip()
        sentence = _SENTENCE_END.split(rest, maxsplit=1)[0]
        if len(letters) < 3 or (dash in sentence and dash != "-") or f" {dash} " in sentence:
            return paragraph, _lead_dateline_date(paragraph)
    if not rest.strip():
        return paragraph, _lead_dateline_date(paragraph)
    return rest, find_date(match.group(0))


def blank_lead_dateline(text: str) -> str:
    """``text`` with a wire dateline at its start turned into spaces of the same length: for an
    article given as it is (``flashpoint check --article``), where "KHARTOUM (Reuters) - Sudan's
    army accused ..." would make the place the accuser, but every offset into the text the user
    gave must still hold (evidence quotes point into it)."""
    stripped = text.lstrip()
    rest, _ = strip_lead_dateline(stripped)
    if rest == stripped or not stripped.endswith(rest):
        return text
    cut = len(text) - len(rest)
    return " " * cut + text[cut:]


def _lead_dateline_date(paragraph: str) -> dt.date | None:
    """A date in a dash-ended lead prefix the dateline pattern does not take ("Seoul, ... -")."""
    head = re.split(r"\s[-–—]\s", paragraph[:120], maxsplit=1)
    if len(head) < 2:
        return None
    return find_date(head[0])

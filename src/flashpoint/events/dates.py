"""Event dates from the phrases news uses ("on Tuesday", "in April", "last year").

News rarely prints the date of an event; it prints a phrase relative to the publication date.
The phrase is resolved against ``published`` and the result says how much is known
(``precision`` day, week, month or year; a week is dated by its Monday). A phrase that cannot be resolved (no publication date,
"recently", "the 13th") keeps its text with a ``None`` date, so an analyst can still read it.
Past is the default reading ("on Tuesday" = the Tuesday on or before publication); for an
intended event ("will meet on Tuesday") the next such day is taken instead.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from typing import Any, NamedTuple

from ..nlp import ents_within
from ..records import DatePrecision
from .grammar import VERBAL_ROOTS
from .patterns import noun_code, roles_of, verb_code
from .tables import data_json

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_PREPS = {"in", "on", "at", "since", "during", "by", "from", "until", "till", "before", "after"}

_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_RE_MDY = re.compile(
    r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?\b",
    re.IGNORECASE,
)
_RE_DMY = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?\b",
    re.IGNORECASE,
)
_RE_MY = re.compile(r"\b" + _MONTH + r"(?:\s+(?:of\s+)?(?P<year>\d{4}))?\b", re.IGNORECASE)
_RE_YEAR = re.compile(r"\b(?P<year>(?:19|20)\d{2})\b")
_RE_WEEKDAY = re.compile(r"\b(?P<wd>" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)
_RE_REL_YEAR = re.compile(r"\b(?P<which>last|this|next|previous|past)\s+year\b", re.IGNORECASE)
_RE_REL_MONTH = re.compile(r"\b(?P<which>last|this|next|previous|past)\s+month\b", re.IGNORECASE)
# "the past week" is the last seven days, not a calendar week: no week is named
_RE_REL_WEEK = re.compile(r"\b(?P<which>last|this|next|previous)\s+week\b", re.IGNORECASE)
_WEEK_SHIFT = {"last": -1, "previous": -1, "this": 0, "next": 1}
# "three weeks ago", "two days ago", "a year ago": counted back from the publication date
_RE_AGO = re.compile(
    r"\b(?P<count>\d{1,3}|[a-z]+)\s+(?P<unit>hour|minute|day|week|fortnight|month|year|decade)s?\s+ago\b",
    re.IGNORECASE,
)
# "over the weekend", "at the weekend", "last weekend": the Saturday and Sunday on or before
# the publication, dated as the week they end
_RE_WEEKEND = re.compile(r"\b(?:the|last)\s+weekend\b", re.IGNORECASE)


class EventDate(NamedTuple):
    date: dt.date | None
    precision: DatePrecision | None
    text: str | None


NO_DATE = EventDate(None, None, None)


def resolve_phrase(phrase: str, published: dt.date | None, *, future: bool = False) -> EventDate:
    """Resolve a date phrase against the publication date (see module docstring).

    A phrase whose arithmetic leaves the calendar (a publication date near year 1 or 9999)
    keeps its text with an unknown date instead of raising.
    """
    try:
        return _resolve_phrase(phrase, published, future=future)
    except (OverflowError, ValueError):
        return EventDate(None, None, phrase.strip() or None)


def _resolve_phrase(phrase: str, published: dt.date | None, *, future: bool) -> EventDate:
    text = phrase.strip()
    low = text.lower()
    if published is not None:
        if re.search(r"\btoday\b|\btonight\b|\bthis morning\b|\bthis evening\b", low):
            return EventDate(published, "day", text)
        if re.search(r"\byesterday\b|\blast night\b", low):
            return EventDate(published - dt.timedelta(days=1), "day", text)
        ago = _ago(text, published)
        if ago is not None:
            return ago
        if re.search(r"\b(?:hours|minutes)\s+ago\b", low):
            return EventDate(published, "day", text)
        if _RE_WEEKEND.search(text):
            saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
            if "last" in low and published.weekday() >= 5:
                saturday -= dt.timedelta(days=7)  # said on a weekend: the one before
            return EventDate(saturday - dt.timedelta(days=5), "week", text)
        if re.search(r"\btomorrow\b", low):
            return EventDate(published + dt.timedelta(days=1), "day", text)
    m = _RE_MDY.search(text) or _RE_DMY.search(text)
    if m:
        month, day = _MONTHS[m.group("month").lower()], int(m.group("day"))
        year = int(m.group("year")) if m.group("year") else _told_year(text, published)
        return _day(year, month, day, published, future, text)
    m = _RE_MY.search(text)
    if m:
        month = _MONTHS[m.group("month").lower()]
        year_told = int(m.group("year")) if m.group("year") else _told_year(text, published)
        if year_told is not None:  # "in March 2023", "in March last year"
            return EventDate(dt.date(year_told, month, 1), "month", text)
        if published is None:
            return EventDate(None, None, text)
        year = published.year
        if not future and month > published.month:
            year -= 1
        if future and month < published.month:
            year += 1
        return EventDate(dt.date(year, month, 1), "month", text)
    m = _RE_REL_YEAR.search(text)
    if m:
        if published is None:
            return EventDate(None, None, text)
        shift = _WHICH_SHIFT[m.group("which").lower()]
        return EventDate(dt.date(published.year + shift, 1, 1), "year", text)
    m = _RE_REL_MONTH.search(text)
    if m:
        if published is None:
            return EventDate(None, None, text)
        shift = _WHICH_SHIFT[m.group("which").lower()]
        index = published.year * 12 + published.month - 1 + shift
        return EventDate(dt.date(index // 12, index % 12 + 1, 1), "month", text)
    m = _RE_REL_WEEK.search(text)
    if m:
        if published is None:
            return EventDate(None, None, text)
        # a calendar week, Monday to Sunday (ISO 8601), dated by its Monday
        monday = published - dt.timedelta(days=published.weekday())
        start = monday + dt.timedelta(weeks=_WEEK_SHIFT[m.group("which").lower()])
        day = _RE_WEEKDAY.search(text)  # "on Monday last week": that day of that week
        if day:
            return EventDate(start + dt.timedelta(days=_WEEKDAYS[day.group("wd").lower()]), "day", text)
        return EventDate(start, "week", text)
    m = _RE_WEEKDAY.search(text)
    if m:
        if published is None:
            return EventDate(None, None, text)
        wd = _WEEKDAYS[m.group("wd").lower()]
        if future:
            delta = (wd - published.weekday()) % 7
            return EventDate(published + dt.timedelta(days=delta), "day", text)
        delta = (published.weekday() - wd) % 7
        return EventDate(published - dt.timedelta(days=delta), "day", text)
    m = _RE_YEAR.search(text)
    if m:
        return EventDate(dt.date(int(m.group("year")), 1, 1), "year", text)
    return EventDate(None, None, text)


def _told_year(text: str, published: dt.date | None) -> int | None:
    """The year a month or day is put in by words ("in March LAST YEAR", "on May 3 NEXT YEAR"):
    the publication year moved by ``_RE_REL_YEAR``'s word; ``None`` when none is said."""
    m = _RE_REL_YEAR.search(text)
    if m is None or published is None:
        return None
    return published.year + _WHICH_SHIFT[m.group("which").lower()]


_WHICH_SHIFT = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1}  # "last year": -1


def _day(
    year: int | None, month: int, day: int, published: dt.date | None, future: bool, text: str
) -> EventDate:
    if year is None:
        if published is None:
            return EventDate(None, None, text)
        year = published.year
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            return EventDate(None, None, text)
        if not future and candidate > published:
            year -= 1
        if future and candidate < published:
            year += 1
    try:
        return EventDate(dt.date(year, month, day), "day", text)
    except ValueError:
        return EventDate(None, None, text)


@functools.lru_cache(maxsize=1)
def _count_words() -> dict[str, int]:
    """The number words that count an offset's units ("THREE weeks ago"): the table the
    relative dates of ``anchored`` read (``relative_dates.json`` numbers)."""
    return {str(k): int(v) for k, v in data_json("relative_dates.json")["numbers"]["map"].items()}


def _ago(text: str, published: dt.date) -> EventDate | None:
    """ "three weeks ago" (the week that far back, dated by its Monday), "two days ago", "a year
    ago" (that month: a year back is told to the month, no finer), "two decades ago" (that year),
    "hours ago" (the day of the report)."""
    m = _RE_AGO.search(text)
    if m is None:
        return None
    word = m.group("count").lower()
    count = int(word) if word.isdigit() else _count_words().get(word)
    if count is None:
        return None
    unit = m.group("unit").lower()
    if unit in ("hour", "minute"):
        return EventDate(published, "day", text)  # "hours ago": the day of the report
    if unit == "day":
        return EventDate(published - dt.timedelta(days=count), "day", text)
    if unit in ("week", "fortnight"):
        day = published - dt.timedelta(weeks=count * (2 if unit == "fortnight" else 1))
        return EventDate(day - dt.timedelta(days=day.weekday()), "week", text)
    if unit == "decade":
        return EventDate(dt.date(published.year - 10 * count, 1, 1), "year", text)
    months = count * (12 if unit == "year" else 1)
    index = published.year * 12 + published.month - 1 - months
    return EventDate(dt.date(index // 12, index % 12 + 1, 1), "month", text)


def date_phrases(sent: Any) -> list[tuple[Any, str]]:
    """DATE entities of a sentence with their leading preposition: [(root token, phrase)]; a
    TIME entity that names a day ("on Sunday night", "early on Tuesday morning", "on March 3 at
    dawn": spaCy labels the whole phrase TIME) is a date too."""
    out: list[tuple[Any, str]] = []
    for ent in ents_within(sent.doc, sent.start, sent.end):
        if ent.label_ != "DATE" and not (ent.label_ == "TIME" and _names_a_day(ent.text)):
            continue
        start = ent.start
        if start > sent.start and ent.doc[start - 1].lower_ in _PREPS:
            start -= 1
        out.append((ent.root, ent.doc[start : ent.end].text))
    return out


def _names_a_day(text: str) -> bool:
    """Does a time phrase name its day ("Sunday night", "March 3 at dawn", "last night")?"""
    return bool(
        _RE_WEEKDAY.search(text)
        or _RE_MDY.search(text)
        or _RE_DMY.search(text)
        or re.search(r"\blast night\b", text, re.IGNORECASE)
    )


def event_date(
    sent: Any,
    trigger: Any,
    published: dt.date | None,
    *,
    future: bool = False,
    phrases: list[tuple[Any, str]] | None = None,
) -> EventDate:
    """The date of the event triggered by ``trigger``: the DATE phrase closest to it in the parse.

    ``phrases`` are the sentence's ``date_phrases`` when the caller has them already.
    """
    if phrases is None:
        phrases = date_phrases(sent)
    if not phrases:
        return NO_DATE
    best: tuple[int, bool, int, int] | None = None
    chosen = NO_DATE
    for i, (root, phrase) in enumerate(phrases):
        # A phrase right after a preposition ("In 2010 North Korean artillery shelled ...") is an
        # adjunct even where the small parser hangs the year on the next noun as a modifier.
        noun = None if _after_preposition(phrase) else noun_modified(root)
        if noun is not None and _is_the_act(noun, trigger):
            noun = None  # "killed 1,200 in the October 7 attack": the act it was done in
        if _bound_of_a_noun(root, trigger):
            continue  # "approved a ban on imports FROM 2027 on Thursday": when the ban starts
        if noun is not None and (noun.i != trigger.i or noun.dep_ in _ARGUMENT_DEPS):
            # "scrapped the 2018 agreement", "extended its 2021 tariffs": the year dates the
            # agreement or the tariffs, not the act; "Tuesday's attack killed" dates the attack
            continue
        # the future reading is for a phrase of the future act itself ("will meet on Thursday");
        # "called the mutiny treason on Saturday and vowed they would be punished" is past
        ahead = future and _distance(root, trigger) < _UNRELATED
        resolved = resolve_phrase(phrase, published, future=ahead)
        if _in_other_clause(root, trigger) and (
            _historical(resolved.date, published) or _calendar(phrase, resolved.date, published)
        ):
            # "waived restrictions that Congress imposed in 1992", "the junta, which seized power
            # on July 26, accused France": a past year or calendar day inside a relative clause
            # dates that clause; "fired on crowds that broke in on Tuesday" is the scene's day
            continue
        # a bound ("from 2027", "until March") dates the act only when no point in time does:
        # "approved a ban on imports from 2027 on Thursday" was done on Thursday
        bound = root.dep_ == "pobj" and root.head.lower_ in _BOUNDS
        key = (0 if resolved.date is not None else 1, bound, _distance(root, trigger), i)
        if best is None or key < best:
            best, chosen = key, resolved
    return chosen


_CLAUSE_DEPS = {"relcl", "acl"}
# Prepositions of a start or an end ("a ban from 2027", "a deadline until March"): on a noun,
# they tell when that thing begins or ends, not when the act was done.
_BOUNDS = frozenset({"from", "until", "till", "through", "starting", "beginning", "by"})


def _bound_of_a_noun(root: Any, trigger: Any) -> bool:
    """Is the date phrase the start or end of a thing the act is about ("imposed a ban on gas
    imports FROM 2027", "set a deadline UNTIL March"): a bound preposition hanging on a noun,
    not on the trigger?"""
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ in _BOUNDS
        and prep.head.pos_ in ("NOUN", "PROPN")
        and prep.head.i != trigger.i
    )


def _in_other_clause(root: Any, trigger: Any) -> bool:
    """Is the date phrase inside a clause that modifies a noun (a relative or participle clause)
    that does not hold the trigger? A past year there tells that clause's own time."""
    node = root
    for _ in range(40):
        if node.dep_ in _CLAUSE_DEPS and node.i != trigger.i:
            return not _descends(trigger, node)
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _calendar(phrase: str, date: dt.date | None, published: dt.date | None) -> bool:
    """Does the phrase name a month ("on July 26", "in March") more than a week before
    publication? Told in a relative clause, it is background, not the day of the scene, which
    news names by weekday ("on Tuesday") or as today."""
    return (
        date is not None
        and published is not None
        and (published - date).days > 7
        and _RE_MY.search(phrase) is not None
    )


def _historical(date: dt.date | None, published: dt.date | None) -> bool:
    return date is not None and (published is None or date.year != published.year)


def _descends(tok: Any, ancestor: Any) -> bool:
    return ancestor.left_edge.i <= tok.i <= ancestor.right_edge.i and any(
        a.i == ancestor.i for a in tok.ancestors
    )


_ARGUMENT_DEPS = {"dobj", "obj", "pobj", "dative", "attr", "oprd"}
_MODIFIER_DEPS = {"nummod", "compound", "amod", "nmod", "poss", "quantmod", "det"}
_NOMINAL_DEPS = _ARGUMENT_DEPS | {"nsubj", "nsubjpass"}
_WITHIN_ACT = {"in", "during"}  # "killed IN the October 7 attack": done within that act


def noun_modified(root: Any) -> Any | None:
    """The noun a date phrase modifies ("the 2018 agreement", "its 2022 sanctions", "Tuesday's
    attack"), or None when the phrase is a temporal adjunct of a predicate ("in 2018", "on
    Tuesday", "last year"). Only an adjunct dates the predicate; a modifier dates its noun."""
    node = root
    for _ in range(3):  # "the October 7 attack": the entity's root may hang on its own parts
        head = node.head
        if head.i == node.i or node.dep_ not in _MODIFIER_DEPS:
            return None
        nominal = head.pos_ in ("NOUN", "PROPN") or (head.tag_ == "VBG" and head.dep_ in _NOMINAL_DEPS)
        if nominal and head.ent_type_ != "DATE" and head.i > node.i:
            return head  # also a gerund tagged as a verb: "condemned the November 6 SHELLING"
        if head.ent_type_ != "DATE":
            return None
        node = head
    return None


def _is_the_act(noun: Any, trigger: Any) -> bool:
    """Is the dated noun the act the trigger was done in ("killed 1,200 people IN THE OCTOBER 7
    ATTACK", "wounded DURING the May 9 raid") or the act a light verb names ("carried out THE
    APRIL 1 STRIKE")? Then its date is the trigger's; an act only referred to keeps its own
    ("retaliated FOR the April 1 strike", "condemned the July 13 strike")."""
    if noun_code(noun) is None:
        return False
    head = noun.head
    within = noun.dep_ == "pobj" and head.lower_ in _WITHIN_ACT
    if within and noun.i == trigger.i:
        return True
    if within and head.head.i == trigger.i and not _said(trigger):
        return True  # "died in the November 30 AMBUSH": the ambush itself is the event
    return noun.dep_ in ("dobj", "obj") and head.i == trigger.i and "light" in roles_of(trigger)


def _said(trigger: Any) -> bool:
    """Is the trigger a verbal act ("DENIED any role in the April 22 attack", "condemned ...")?
    Said about an act, not done in it: the act's date is not its own."""
    found = verb_code(trigger) if trigger.pos_ in ("VERB", "AUX") else None
    return found is not None and (found[0][:2] in VERBAL_ROOTS or found[0][:2] == STATEMENT_ROOT)


STATEMENT_ROOT = "01"  # a statement (deny, comment), beside the verbal roots of grammar.json


def _after_preposition(phrase: str) -> bool:
    first = phrase.split(maxsplit=1)[0].lower() if phrase.strip() else ""
    return first in _PREPS


def _distance(token: Any, trigger: Any) -> int:
    """Steps from ``token`` up to ``trigger``; a large number when the trigger is no ancestor."""
    steps = 0
    node = token
    while node is not None and steps < 12:
        if node.i == trigger.i:
            return steps
        if node.head.i == node.i:
            break
        node = node.head
        steps += 1
    return _UNRELATED + abs(token.i - trigger.i)


_UNRELATED = 50  # ``_distance`` of a phrase that does not hang under the trigger


__all__ = ["NO_DATE", "EventDate", "date_phrases", "event_date", "noun_modified", "resolve_phrase"]

"""Dates told relative to another date of the text, not to the publication.

"A day later", "two years earlier", "the next day", "on the same day" and "a day after
protesters stormed parliament" say how far an event lies from a date the text gave before: an
earlier date phrase of the sentence, else the last date the article gave (its *anchor*). They
are never read against the publication date: "Ruto said on Wednesday ..., a day after protesters
stormed parliament" puts the storming on Tuesday, and "a day later" with no date before it
keeps its text with an unknown date rather than a wrong one. The words are data
(``data/relative_dates.json``).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any, NamedTuple

from ..nlp import children_of, sentence_of
from .dates import EventDate, noun_modified, resolve_phrase
from .tables import data_json

Token = Any


class Offset(NamedTuple):
    """How far a phrase lies from its anchor: ``amount`` units, later (+) or earlier (-);
    ``clause`` when the direction comes from the clause it heads ("a day *after* X")."""

    amount: int
    unit: str
    clause: bool = False


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    data: dict[str, Any] = data_json("relative_dates.json")
    return data


@functools.lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    w = _words()
    numbers = "|".join(sorted(w["numbers"]["map"], key=len, reverse=True))
    units = "|".join(w["units"]["map"])
    directions = "|".join(w["directions"]["map"])
    return re.compile(
        rf"^(?:(?P<n>\d+|{numbers})\s+)?(?P<unit>{units})s?(?:\s+(?P<dir>{directions}))?$",
        re.IGNORECASE,
    )


def _strip(phrase: str) -> str:
    text = re.sub(r"\s+", " ", phrase.strip().lower())
    first, _, rest = text.partition(" ")
    return rest if first in _words()["leading_preps"]["words"] and rest else text


def offset_of(phrase: str) -> Offset | None:
    """The offset a phrase names, or None when it names none ("on Tuesday", "in 2010")."""
    w = _words()
    text = _strip(phrase)
    fixed = w["fixed"]["map"].get(text)
    if fixed is not None:
        return Offset(int(fixed[0]), str(fixed[1]))
    m = _pattern().match(text)
    if m is None:
        return None
    n = m.group("n")
    amount = int(n) if n and n.isdigit() else int(w["numbers"]["map"].get((n or "a").lower(), 1))
    unit = w["units"]["map"][m.group("unit").lower()]
    if m.group("dir") is None:
        return Offset(amount, unit, clause=True)
    return Offset(amount * int(w["directions"]["map"][m.group("dir").lower()]), unit)


def shift(anchor: EventDate | None, offset: Offset, text: str) -> EventDate:
    """``anchor`` moved by ``offset``, as precise as both allow; unknown without an anchor or
    when the offset is finer than the anchor ("a day after" a month gives no day)."""
    if anchor is None or anchor.date is None or anchor.precision is None:
        return EventDate(None, None, text)
    amount, unit = offset.amount, offset.unit
    if unit == "decade":
        amount, unit = amount * 10, "year"
    try:
        if unit == "year":
            date = dt.date(anchor.date.year + amount, anchor.date.month, 1)
            if anchor.precision == "day":
                date = anchor.date.replace(year=anchor.date.year + amount)
            if anchor.precision == "year":
                date = date.replace(month=1)
            return EventDate(date, anchor.precision, text)
        if unit == "month":
            index = anchor.date.year * 12 + anchor.date.month - 1 + amount
            if anchor.precision == "year":
                return EventDate(None, None, text)
            return EventDate(dt.date(index // 12, index % 12 + 1, 1), "month", text)
        if anchor.precision != "day":
            return EventDate(None, None, text)
        days = 0 if unit == "hour" else amount * (7 if unit == "week" else 1)
        return EventDate(anchor.date + dt.timedelta(days=days), "day", text)
    except (OverflowError, ValueError):
        return EventDate(None, None, text)


def clause_of(root: Token) -> tuple[Token, int] | None:
    """For "a day after X" / "hours before X": the head of X and the sign it gives an event
    inside X seen from the governing clause (after: X lies earlier, -1; before: later, +1)."""
    head = root.head
    signs = _words()["clause_words"]["map"]
    for c in children_of(root):  # "A week AFTER the March 3 election": the unit's own "after"
        if c.dep_ == "prep" and c.lower_ in signs:
            objects = [g for g in children_of(c) if g.dep_ in ("pobj", "pcomp")]
            return (objects[0], int(signs[c.lower_])) if objects else None
    if head.lower_ in signs:  # "a day after the vote": the preposition itself
        objects = [c for c in children_of(head) if c.dep_ in ("pobj", "pcomp")]
        return (objects[0], int(signs[head.lower_])) if objects else None
    for c in children_of(head):
        if c.dep_ in ("mark", "prep") and c.lower_ in signs and c.i > root.i:
            return head, int(signs[c.lower_])
        marks = [m for m in children_of(c) if m.dep_ == "mark" and m.lower_ in signs] if c.dep_ == "advcl" else []
        if marks and marks[0].i == root.i + 1:  # "arrested 40 people a day AFTER protesters stormed"
            return c, int(signs[marks[0].lower_])
    return None


def inside(tok: Token, head: Token) -> bool:
    """Is ``tok`` the clause head or a word of its clause?"""
    return tok.i == head.i or any(a.i == head.i for a in tok.ancestors)


def relative_date(
    trigger: Token,
    phrases: list[tuple[Token, str]],
    published: dt.date | None,
    anchor: EventDate | None,
) -> EventDate | None:
    """The date of ``trigger``'s event when a relative phrase decides it, else None (the
    phrase dates another clause, or the sentence has none): inside "a day after X" it is the
    date of the governing clause moved back; under "a day later" / "the same day" the date
    before it in the sentence, else the article's ``anchor``, moved on."""
    phrases = phrases + _untagged(sentence_of(trigger), phrases)
    plain = [
        (root, resolve_phrase(text, published))
        for root, text in phrases
        if offset_of(text) is None and noun_modified(root) is None
    ]
    for root, text in phrases:
        offset = offset_of(text)
        if offset is None:
            continue
        if offset.clause:
            found = clause_of(root)
            if found is not None and not inside(trigger, found[0]):
                told = _told_in(found[0], root, trigger, phrases, published)
                if told is not None:  # "two days after the April 1 strike, Iran vowed": April 3
                    return shift(told, Offset(-found[1] * offset.amount, offset.unit), text)
            if found is None or not inside(trigger, found[0]):
                continue
            head, sign = found
            own = next((d for r, d in plain if d.date is not None and inside(r, head)), None)
            if own is not None:
                return own  # "a day after protesters stormed parliament ON MONDAY": X's own date
            base = next((d for r, d in plain if d.date is not None and not inside(r, head)), None)
            return shift(base, Offset(sign * offset.amount, offset.unit), text)
        verb = _clause_verb(root)
        own = _clause_verb(trigger)
        if verb is None or own is None or verb.i != own.i:
            continue
        before = [d for r, d in plain if d.date is not None and r.i < root.i]
        return shift(before[-1] if before else anchor, offset, text)
    return None


def sentence_anchor(
    phrases: list[tuple[Token, str]], published: dt.date | None, anchor: EventDate | None
) -> EventDate | None:
    """The date the next sentences' "the same day" / "a day later" count from: the last date
    this sentence gives as a time of its clauses (not "the 2018 agreement"), else ``anchor``."""
    for root, text in phrases:
        if noun_modified(root) is not None:
            continue
        offset = offset_of(text)
        if offset is None:
            got = resolve_phrase(text, published)
        elif offset.clause:
            continue
        else:
            got = shift(anchor, offset, text)
        if got.date is not None:
            anchor = got
    return anchor


def continued(trigger: Token, told: EventDate | None) -> EventDate | None:
    """The date of an act the sentence leaves undated, told in the simple past right after a
    sentence of the same paragraph that gave a date (``told``): the narrative goes on that day
    ("Crowds stormed the consulate on Friday. Riot police fired rubber bullets to scatter them.").
    A passive in the past counts ("three were killed"); the caller asks only for deeds (words
    are mostly reported as current). ``None`` for anything else: a perfect
    ("have fired", "had fired": another time), a present or future, an event noun, and without a date just before (a date further back is no longer the
    scene's). The date keeps the phrase it was told with ("on Tuesday", in the sentence before:
    its ``date_text`` says where the date comes from). The caller passes ``told`` only when the sentence gives no date phrase of its own
    and no blank line lies between the two sentences."""
    if told is None or told.date is None or trigger.dep_ in ("relcl", "acl"):
        return None  # "people who marched on the capital": a relative clause is background
    if any(c.dep_ == "aux" for c in children_of(trigger)):
        return None  # "had fired", "will fire", "did not fire": no plain past
    passive = [c for c in children_of(trigger) if c.dep_ == "auxpass"]
    if trigger.tag_ == "VBD" and not passive:
        return EventDate(told.date, told.precision, told.text)
    if trigger.tag_ == "VBN" and passive and all(c.tag_ == "VBD" for c in passive):
        return EventDate(told.date, told.precision, told.text)  # "three were killed"
    return None


def _untagged(sent: Any, phrases: list[tuple[Token, str]]) -> list[tuple[Token, str]]:
    """ "a day after X" that the entity recogniser missed: a unit noun modifying a clause
    introduced by after/before, with its count ("a", "two")."""
    have = {root.i for root, _ in phrases}
    units = _words()["units"]["map"]
    out = []
    for tok in sent:
        if tok.dep_ != "npadvmod" or tok.lemma_.lower() not in units or tok.i in have:
            continue
        if clause_of(tok) is None:
            continue
        count = [c for c in children_of(tok) if c.dep_ in ("det", "nummod") and c.i < tok.i]
        start = count[0].i if count else tok.i
        out.append((tok, tok.doc[start : tok.i + 1].text))
    return out


def _told_in(
    head: Token, root: Token, trigger: Token, phrases: list[tuple[Token, str]], published: dt.date | None
) -> EventDate | None:
    """The date X gives in "two days after X" when ``trigger`` is the act of the clause the
    phrase modifies ("Two days after THE APRIL 1 STRIKE, Iran vowed revenge"), else None."""
    verb = _clause_verb(root)
    if verb is not None and verb.i == head.i:  # "A day after protesters STORMED ...": X's governor
        verb = _clause_verb(head.head) if head.head.i != head.i else None
    if verb is None or verb.i != trigger.i:
        return None
    for r, text in phrases:
        if offset_of(text) is None and inside(r, head):
            told = resolve_phrase(text, published)
            if told.date is not None:
                return told
    return None


def _clause_verb(tok: Token) -> Token | None:
    """The predicate whose clause ``tok`` belongs to (itself when it is one)."""
    node = tok
    for _ in range(12):
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


__all__ = [
    "Offset",
    "clause_of",
    "continued",
    "inside",
    "offset_of",
    "relative_date",
    "sentence_anchor",
    "shift",
]

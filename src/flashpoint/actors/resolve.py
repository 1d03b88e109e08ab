"""Resolve an actor mention ("North Korea's ruler Kim Jong Un") to a CAMEO-style actor code.

A mention is first *read* (:mod:`flashpoint.actors.reading`: table matches, head phrase, tail,
head noun). Then an ordered list of small rules decides, the first that applies winning; the
order is data (``data/rules.tsv``, which says why each rule is there), each rule a function
below of the same name: an unknown named body ("the Ceasefire Violations Committee" -> NGO),
a thing and its owner ("Russian missiles" -> RUSMIL, "18 drones" -> none), a named person
(date-aware), a named institution, a country in the head ("South Korean troops" -> KORMIL),
a role that takes the side it leads, the tail's country or the context, a quantity read from
its tail, and a large city as a last resort.

Codes are made by :mod:`flashpoint.actors.codes` (the only place that knows their shape).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from ..errors import ConfigError
from ..records import Actor
from .codes import is_org, make
from .reading import (
    PLACE_KINDS,
    Match,
    Reading,
    city_country,
    country_of,
    first_country,
    has_head,
    head_sector,
    name_words,
    only_quantity,
    person_name,
    person_run,
    read,
    timed,
    title_country,
    without_glosses,
)
from .tables import Tables, get_tables, load_rule_order
from .text import Token, singular, tokenize


@dataclass(slots=True)
class Resolution:
    """The actor plus what the document memory (``DocActors``) needs to learn from a mention.

    ``actor`` None with a ``reason`` is a decision that the mention names no actor (a weapon,
    a storm); None without one means nothing in it was recognised.
    """

    actor: Actor | None
    person: str | None = None  # the person named in the head phrase, if any
    titles: list[str] = field(default_factory=list)  # role words of the head ("president")
    has_country: bool = False
    reason: str | None = None


Rule = Callable[[Reading], Resolution | None]


def _as_date(on: dt.date | dt.datetime | None) -> dt.date | None:
    return on.date() if isinstance(on, dt.datetime) else on


def _found(r: Reading, actor: Actor, *, person: str | None = None) -> Resolution:
    """A resolution whose actor has a country or an organisation of its own."""
    return Resolution(actor, person=person, titles=r.titles, has_country=True)


def _again(r: Reading, tokens: list[Token], *, context: str | None = None) -> Resolution:
    """Resolve a part of the mention (the tail, the owner of a thing) on its own."""
    return resolve_tokens(
        r.text, tokens, on=r.on, context_country=context, tables=r.tables, depth=r.depth + 1
    )


# -- the rules, in the order of data/rules.tsv ------------------------------------------------


def named_body(r: Reading) -> Resolution | None:
    """ "The Ceasefire Violations Committee", "the Association of African Jurists", "the Third
    World Water Forum": a proper name headed by a word of ``words.tsv`` body_heads, that no
    table knows and that holds no country, leader, body or role, is a non-governmental body
    (of the country its tail names, if any); a lower-case "the forum" stays talks."""
    if any(m.entry is not None or (m.sector and m.sector.sector) for m in r.head):
        return None
    words = name_words(r)
    if not words or singular(words[-1].key) not in r.words("body_heads"):
        return None
    if len(words) < 2 and not (r.b < len(r.tokens) and r.tokens[r.b].key == "of"):
        return None  # "Committee" alone, not "Committee of ..." or "Water Forum"
    tc = first_country(r.tail)
    country = tc.entry.country if tc is not None and tc.entry is not None else None
    # a body's role within it is unknown: NGO is its code, not its sector (as for NGOICG)
    return _found(r, make(r.text, country, "NGO") if country else make(r.text, None, None, "NGO"))


def thing_head(r: Reading) -> Resolution | None:
    """ "18 drones", "the Istanbul talks", "a strong earthquake": no actor; "Russian missiles"
    -> RUSMIL and "a US proposal" -> USA: the owner named before the thing is the actor."""
    if r.thing is None:
        return None
    reason = f"{r.thing.name}: not an actor"
    if not r.thing.owned or r.thing_start == 0 or r.depth > 3:
        return Resolution(None, reason=reason)
    owner_tokens = r.tokens[: r.thing_start]
    possessive = any(t.key in ("'s", "'") for t in owner_tokens)  # "Moscow's proposal"
    names = [m.entry for m in r.head if m.end <= r.thing_start and m.entry is not None]
    if names and all(e.kind in PLACE_KINDS for e in names) and not possessive:
        return Resolution(None, reason=reason)  # a place owns nothing: "the Minsk talks"
    owner = _again(r, owner_tokens)
    if owner.actor is None or not (owner.has_country or possessive):
        return Resolution(None, reason=reason)  # "military sites": whose, we do not know
    a = owner.actor
    sector = a.sector or r.thing.sector
    if is_org(a):
        return _found(r, make(r.text, None, sector, a.code))
    return _found(r, make(r.text, a.country, sector))


def named_person(r: Reading) -> Resolution | None:
    """A named person, not a possessive modifier ("Kim Jong Un's sister" is the sister)."""
    people = [m for m in r.head if m.kind == "leader" and not m.possessive]
    kin = [m.start for m in r.head if m.role == "family"]
    if not people or (kin and people[-1].start < max(kin)):
        return None
    m = people[-1]
    row, in_office = timed(m.entry, r.on, r.tables, role=r.sector)  # type: ignore[arg-type]
    if in_office and not r.status:
        actor = make(r.text, row.country, row.sector, row.org)
    elif r.on is not None and row.start is not None and r.on < row.start:
        actor = make(r.text, row.country, None, row.org)  # before their first office
    else:  # out of office: an elite of the country, or the role named ("opposition leader X")
        role = r.sector if r.sector and not r.status else "ELI"
        actor = make(r.text, row.country, role if row.country else row.sector, row.org)
    return _found(r, actor, person=m.surface)


def named_institution(r: Reading) -> Resolution | None:
    """A named body; its sector yields to a stronger role noun after it ("UN peacekeepers")."""
    insts = [m for m in r.head if m.kind == "institution" and not m.not_own and not m.possessive]
    insts = insts or [m for m in r.head if m.kind == "institution" and not m.not_own]
    if not insts or r.family:
        return None
    m = insts[0]
    row, _ = timed(m.entry, r.on, r.tables)  # type: ignore[arg-type]
    after = [x for x in r.head if x.start >= m.end]
    role = _sector_of(r, after)
    sector = row.sector
    strong_after = any(x.role == "strong" for x in after)
    # "Hamas gunmen" are Hamas (UAF would say "unidentified")
    if role is not None and (strong_after or sector is None) and not (role == "UAF" and sector):
        sector = role
    if r.status and sector == "GOV":
        sector = "ELI"
    if row.org:
        return _found(r, make(r.text, None, sector, row.org))
    country = row.country
    mod = first_country([x for x in r.head if x is not m])
    if mod is not None and mod.entry is not None and mod.entry.country != country:
        country = mod.entry.country
    if country is None:
        tc = first_country(r.tail)
        country = tc.entry.country if tc and tc.entry else r.context_country
    return Resolution(make(r.text, country, sector), titles=r.titles, has_country=bool(country))


def _sector_of(r: Reading, words: list[Match]) -> str | None:
    return head_sector(words, r.words("side_yields"))[0]


def country_in_head(r: Reading) -> Resolution | None:
    """A country (or a leader/body as a possessive modifier) in the head phrase."""
    c = first_country(r.head)
    country, org = (c.entry.country, None) if c is not None and c.entry else (None, None)
    if c is None:
        country = _side(r)
    if c is None and country is None:
        for m in r.head:
            if m.kind in ("leader", "institution") and not m.not_own:
                country, org = country_of(m, r.on, r.tables)
                if country or org:
                    break
    if not (country or org):
        return None
    person = person_name(r)
    sector = r.sector
    if sector is None and r.family:
        sector = "CVL"
    elif sector is None and c is not None and c.kind == "capital" and _alone(r, c):
        sector = "GOV"  # a capital standing alone is its government ("Seoul said ...")
    if r.status and sector in ("GOV", None) and (person or r.titles):
        sector = "ELI"
    return _found(r, make(r.text, country, sector, org), person=person)


def _side(r: Reading) -> str | None:
    """ "the North" / "the South" of a divided country, read only with its context (sides.tsv)."""
    context = r.side_context or r.context_country
    sides = [s for s in r.tables.sides if context in s.contexts]
    for t in r.tokens[: r.b] if sides else ():
        for side in sides:
            if t.text == side.word:
                return side.country
    return None


def _alone(r: Reading, c: Match) -> bool:
    empty = r.words("empty")
    rest = [t for i, t in enumerate(r.tokens[: r.b]) if not c.start <= i < c.end]
    return not [t for t in rest if t.is_word and t.key not in empty]


def _role(r: Reading) -> tuple[str, bool] | None:
    """The head's role (sector, or CVL for a relative) when it has one; (sector, weak only)."""
    if not ((r.sector is not None and has_head(r.head)) or r.family):
        return None  # a modifier alone ("security talks", "food aid") names no actor
    sector = r.sector or "CVL"
    if r.status and sector == "GOV":
        sector = "ELI"
    return sector, not any(m.role == "strong" for m in r.head)


def role_leads_side(r: Reading) -> Resolution | None:
    """ "the leader of the opposition", "a commander of the rebels": their side."""
    role = _role(r)
    if role is None or not role[1] or not r.tail or r.tokens[r.b].key != "of":
        return None
    side = _again(r, r.tokens[r.b + 1 :]).actor
    if side is None or side.sector not in ("OPP", "REB") or is_org(side):
        return None
    country = side.country or (None if r.blocked else r.context_country)
    return Resolution(
        make(r.text, country, side.sector),
        person=person_name(r),
        titles=r.titles,
        has_country=country is not None,
    )


def role_takes_tail_country(r: Reading) -> Resolution | None:
    """A role with no country borrows the tail's ("refugees fleeing the war in Liberia")."""
    role = _role(r)
    if role is None:
        return None
    sector, person = role[0], person_name(r)
    tc = first_country(r.tail)
    if tc is not None and tc.entry is not None:
        return _found(r, make(r.text, tc.entry.country, sector), person=person)
    if not r.tail:
        return None
    a = _again(r, r.tokens[r.b + 1 : r.tail_end]).actor
    if a is None or not (a.country or is_org(a)):
        return None
    return _found(r, make(r.text, a.country, sector, _org(a)), person=person)


def role_alone(r: Reading) -> Resolution | None:
    """A role with no country anywhere in the mention: a city, a one-country title, context."""
    role = _role(r)
    if role is None:
        return None
    person = person_name(r)
    # a person's name is no place ("Congresswoman Mary Roe" is not from Mary, Turkmenistan),
    # but a city before the role is ("Calgary police")
    run = person_run(r) if person else []
    roles_before = run and any(m.sector is not None and m.end <= run[0] for m in r.head)
    city = city_country(r, skip=set(run) if roles_before else set()) if r.depth == 0 else None
    # a named region that is no country ("Latin American leaders") must not take the context
    own = None if r.blocked else title_country(r.head)  # "Rep. Adam Schiff"
    country = city or (None if r.blocked else r.context_country) or own
    has = city is not None or r.blocked or own is not None
    return Resolution(make(r.text, country, role[0]), person, r.titles, has_country=has)


def name_then_title(r: Reading) -> Resolution | None:
    """ "Kenzo Oshima, the UN relief coordinator": a bare name whose title follows a comma."""
    run = person_run(r)
    if r.head or not run or r.b >= len(r.tokens) - 1 or r.tokens[r.b].text != ",":
        return None
    title = _again(r, r.tokens[r.b + 1 :])
    if title.actor is None or not title.has_country or title.person:
        return None
    name = " ".join(r.tokens[i].text for i in run)
    actor = make(r.text, title.actor.country, title.actor.sector, _org(title.actor))
    return Resolution(actor, person=name, titles=title.titles, has_country=True)


def _org(actor: Actor) -> str | None:
    return actor.code if is_org(actor) else None


def quantity_reads_tail(r: Reading) -> Resolution | None:
    """A head of mere quantity or membership reads the tail ("members of the opposition"); a
    head with words of its own ("diplomatic sources in Pakistan") is nobody we can code."""
    if r.b >= len(r.tokens) or r.depth >= 4 or not only_quantity(r):
        return None
    res = _again(r, r.tokens[r.b + 1 :], context=r.context_country)
    return res if res.actor is not None or res.reason else None  # "dozens of rockets"


def city_last_resort(r: Reading) -> Resolution | None:
    if (city := city_country(r) if r.depth == 0 else None) is None:
        return None
    return Resolution(make(r.text, city, None), person=person_name(r), has_country=True)


@functools.lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """The rules in the order of ``data/rules.tsv``."""
    names = load_rule_order()
    unknown = [n for n in names if n not in RULES]
    if unknown or sorted(names) != sorted(RULES):
        raise ConfigError("E418", table="rules.tsv", module="resolve.py", names=names)
    return tuple(RULES[n] for n in names)


RULES: dict[str, Rule] = {
    f.__name__: f
    for f in (
        named_body,
        thing_head,
        named_person,
        named_institution,
        country_in_head,
        role_leads_side,
        role_takes_tail_country,
        role_alone,
        name_then_title,
        quantity_reads_tail,
        city_last_resort,
    )
}


def resolve_tokens(
    text: str,
    tokens: list[Token],
    *,
    on: dt.date | None = None,
    context_country: str | None = None,
    tables: Tables | None = None,
    depth: int = 0,
    side_context: str | None = None,
) -> Resolution:
    """Resolve pre-tokenised text: read it, then try the rules in order.

    ``side_context`` is a country used only to read "the North"/"the South" of a divided
    country, for callers (``DocActors``) that apply ``context_country`` themselves afterwards.
    """
    tokens = without_glosses(tokens)
    if not tokens:
        return Resolution(None)
    r = read(
        text,
        tokens,
        tables or get_tables(),
        on=on,
        context_country=context_country,
        side_context=side_context,
        depth=depth,
    )
    for rule in rules():
        res = rule(r)
        if res is not None:
            return res
    return Resolution(None, person=person_name(r))


def resolve(
    text: str,
    *,
    on: dt.date | dt.datetime | None = None,
    context_country: str | None = None,
) -> Actor | None:
    """Resolve a mention string to an ``Actor`` (None when nothing in it names an actor).

    ``on`` is the date the text speaks of (leaders are coded by who held office then; None =
    the latest office of the person). ``context_country`` (ISO-3) completes bare roles:
    "the military" with "PRK" gives PRKMIL; without it, ``Actor(code="MIL")``.
    """
    return explain(text, on=on, context_country=context_country).actor


def explain(
    text: str,
    *,
    on: dt.date | dt.datetime | None = None,
    context_country: str | None = None,
) -> Resolution:
    """Like :func:`resolve` but returns the full ``Resolution`` (person, titles, reason)."""
    return resolve_tokens(text, tokenize(text), on=_as_date(on), context_country=context_country)


__all__ = ["RULES", "Resolution", "explain", "resolve", "resolve_tokens", "rules"]

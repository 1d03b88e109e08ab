"""How a mention is read before any rule decides on it: table matches, head phrase and tail.

1. Its tokens are matched against the gazetteer (countries, capitals, regions, institutions,
   leaders, blocked names) and the role words of sector_words.tsv, longest match first.
2. The mention is cut at the first word of the ``boundary`` list (words.tsv), comma or
   parenthesis that no match spans: the part before it is the *head phrase* ("the wife",
   "Rebels"), the rest the *tail* ("of the Russian ambassador", "in the Ivory Coast").
3. The head phrase gives a sector (its role nouns), titles ("president"), a status (former)
   and its *head noun*, the last word, which may name a thing (things.tsv) instead of an actor.

``Reading`` holds all of it, so each rule of :mod:`flashpoint.actors.resolve` is a few lines.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .tables import Entry, SectorWord, Tables, ThingClass
from .text import Token, key_of, singular, tokenize

BOUNDARY_PUNCT = frozenset(',;:()[]{}"')
COUNTRY_KINDS = frozenset({"name", "adjective", "capital", "region", "people", "city"})
PLACE_KINDS = frozenset({"capital", "region", "city"})  # places: they own no weapon nor talks


@dataclass(slots=True)
class Match:
    """A table entry found in a mention, spanning tokens ``[start, end)``."""

    start: int
    end: int
    entry: Entry | None = None
    sector: SectorWord | None = None
    surface: str = ""
    not_own: bool = False  # a country that modifies but is not the actor ("pro-Iranian")
    possessive: bool = False  # followed by 's and more content ("Kim Jong Un's sister")

    @property
    def kind(self) -> str:
        return self.entry.kind if self.entry else "sector"

    @property
    def role(self) -> str | None:
        return self.sector.role if self.sector else None


@dataclass(slots=True)
class Reading:
    """One mention, matched and cut into head phrase and tail, with what its head says."""

    text: str
    tokens: list[Token]
    tables: Tables
    on: dt.date | None
    context_country: str | None
    side_context: str | None
    depth: int
    found: list[Match]  # every match, blocked names included
    matches: list[Match]  # without blocked names
    b: int  # index of the first tail token (len(tokens) when there is no tail)
    blocked: bool  # a blocked name ("Latin America") sits in the head phrase
    head: list[Match] = field(default_factory=list)
    tail: list[Match] = field(default_factory=list)  # the tail's own part, up to tail_end
    tail_end: int = 0  # the first token of a link to someone else ("against", "to"), else the end
    sector: str | None = None
    titles: list[str] = field(default_factory=list)
    status: bool = False  # "former": out of office
    family: bool = False  # "the wife of ..."
    thing: ThingClass | None = None  # the head noun names a thing
    thing_start: int = 0  # first token of that head noun

    def words(self, name: str) -> frozenset[str]:
        return self.tables.words[name]


def read(
    text: str,
    tokens: list[Token],
    tables: Tables,
    *,
    on: dt.date | None,
    context_country: str | None,
    side_context: str | None,
    depth: int,
) -> Reading:
    """Match ``tokens`` against the tables and cut them into head phrase and tail."""
    found = _match_tokens(tokens, tables)
    matches = [m for m in found if m.kind != "block"]
    b = _boundary(tokens, matches, tables.words["boundary"])
    own_end = _own_tail_end(tokens, b, tables)
    r = Reading(
        text=text,
        tokens=tokens,
        tables=tables,
        on=on,
        context_country=context_country,
        side_context=side_context,
        depth=depth,
        found=found,
        matches=matches,
        b=b,
        blocked=any(m.kind == "block" and m.start < b for m in found),
        head=[m for m in matches if m.start < b],
        tail=[m for m in matches if b <= m.start < own_end],
        tail_end=own_end,
    )
    r.sector, r.titles = head_sector(r.head, tables.words["side_yields"])
    if r.sector is not None and _only_a_means(r.head, b, tables):
        r.sector = None  # "a drone attack": how it was done, not who did it
    r.status = any(m.role == "status" for m in r.head)
    r.family = any(m.role == "family" for m in r.head)
    r.thing, r.thing_start = _thing_head(tokens[:b], matches, tables)
    return r


def _own_tail_end(tokens: list[Token], b: int, tables: Tables) -> int:
    """Where the tail stops naming the mention's own side: at a link to someone else
    (``words.tsv`` foreign_links: "hackers capable of launching attacks AGAINST the United
    States" are not American), unless an allegiance word comes before it ("fighters loyal to
    Libya's eastern commander": ``allegiance``); the end of the mention when there is none."""
    links, allegiance = tables.words["foreign_links"], tables.words["allegiance"]
    for i in range(b, len(tokens)):
        if tokens[i].key in links and not (i > 0 and tokens[i - 1].key in allegiance):
            return i
        if _by_a_border(tokens, i, tables):
            return i
    return len(tokens)


def _by_a_border(tokens: list[Token], i: int, tables: Tables) -> bool:
    """ "a town NEAR THE CHINESE BORDER": a place by another's border (``border_links`` then
    "the" and, within three words, a ``border_nouns`` word), named by its neighbour."""
    if tokens[i].key not in tables.words["border_links"] or i + 1 >= len(tokens) or tokens[i + 1].key != "the":
        return False
    return any(t.key in tables.words["border_nouns"] for t in tokens[i + 2 : i + 5])


def without_glosses(tokens: list[Token]) -> list[Token]:
    """The mention without its parenthesised glosses ("the Umma (Nation) party", "the
    Revolutionary United Front (RUF)"): an acronym or a translation names nobody new."""
    if not any(t.text == "(" for t in tokens[1:]):
        return tokens
    out: list[Token] = []
    depth = 0
    for i, t in enumerate(tokens):
        if t.text == "(" and i > 0 and any(x.text == ")" for x in tokens[i + 1 :]):
            depth += 1
        elif t.text == ")" and depth:
            depth -= 1
        elif not depth:
            out.append(t)
    return out


# -- matching -------------------------------------------------------------------------------


def _case_ok(entry: Entry, tokens: list[Token]) -> bool:
    if entry.acronym:
        return " ".join(t.text for t in tokens).replace("\u2019", "'") == _acronym_form(entry.alias)
    if entry.capitalised:
        return tokens[0].is_capitalised
    return True


def _acronym_form(alias: str) -> str:
    return " ".join(t.text for t in tokenize(alias)).replace("\u2019", "'")


def _match_tokens(tokens: list[Token], tables: Tables) -> list[Match]:
    """Greedy longest-first matching of table aliases and role words over the tokens."""
    matches: list[Match] = []
    i, n = 0, len(tokens)
    keys = [t.key for t in tokens]
    while i < n:
        best: Match | None = None
        # no alias or role word starting with this key is longer than its ``*_len_by_first``
        for size in range(min(tables.name_len_by_first.get(keys[i], 0), n - i), 0, -1):
            entries = tables.names.get(tuple(keys[i : i + size]))
            if not entries:
                continue
            window = tokens[i : i + size]
            ok = [e for e in entries if _case_ok(e, window)]
            if ok:
                best = Match(i, i + size, entry=_pick_entry(ok), surface=_surface(window))
                break
        for size in range(min(tables.sector_len_by_first.get(keys[i], 1), n - i), 0, -1):
            if best is not None and size <= best.end - best.start:
                break
            key = (*keys[i : i + size - 1], singular(keys[i + size - 1]))
            sw = tables.sector_words.get(key)
            if sw is not None:
                best = Match(i, i + size, sector=sw, surface=_surface(tokens[i : i + size]))
                break
        if best is None:
            i += 1
            continue
        matches.append(best)
        i = best.end
    matches = _drop_surnames(tokens, matches)
    _mark_not_own(tokens, matches, tables)
    _mark_ethnic(tokens, matches, tables)
    _mark_possessive(tokens, matches)
    return matches


def _pick_entry(entries: list[Entry]) -> Entry:
    """One alias, several rows: a blocked name wins (it exists to stop a wrong match); else the
    first row. Leader/institution rows with dates are chosen later, per date."""
    for e in entries:
        if e.kind == "block":
            return e
    return entries[0]


def _surface(window: list[Token]) -> str:
    return " ".join(t.text for t in window)


def covered(matches: list[Match]) -> set[int]:
    """Token indices spanned by ``matches``."""
    out: set[int] = set()
    for m in matches:
        out.update(range(m.start, m.end))
    return out


def _drop_surnames(tokens: list[Token], matches: list[Match]) -> list[Match]:
    """A capitalised role word after a title and a given name is a surname: in "Foreign
    Minister Julie Bishop" the title says who she is, "Bishop" does not. ("the Interior
    Ministry", "Constitutional Court": no title before the capitalised word, so no name.)"""
    titles = {m.end for m in matches if m.sector is not None and m.role != "mod"}
    spanned = covered(matches)
    out = []
    for m in matches:
        if m.sector is not None and m.end - m.start == 1 and m.start > 1:
            tok, prev = tokens[m.start], tokens[m.start - 1]
            name_after_title = (
                tok.is_capitalised
                and prev.is_capitalised
                and prev.is_word
                and m.start - 1 not in spanned
                and (m.start - 1) in titles
            )
            if name_after_title:
                continue
        out.append(m)
    return out


def _mark_not_own(tokens: list[Token], matches: list[Match], tables: Tables) -> None:
    """A country hyphen-joined to "backed", "made" ... or after "pro-" is not the actor's own."""
    before, after = tables.words["not_own_before"], tables.words["not_own_after"]
    for m in matches:
        if m.entry is None or m.entry.kind not in COUNTRY_KINDS | {"institution"}:
            continue
        first, last = tokens[m.start], tokens[m.end - 1]
        if first.hyphen_before and m.start > 0 and tokens[m.start - 1].key in before:
            m.not_own = True
        if last.hyphen_after and m.end < len(tokens) and tokens[m.end].key in after:
            m.not_own = True


def _mark_ethnic(tokens: list[Token], matches: list[Match], tables: Tables) -> None:
    """ "ethnic Albanians": a community (CVL) of wherever they live, not Albania's actor."""
    markers = tables.words["ethnic"]
    for i, m in enumerate(matches):
        if m.entry is None or m.entry.kind not in ("adjective", "people", "name"):
            continue
        if m.start > 0 and tokens[m.start - 1].key in markers:
            matches[i] = Match(
                m.start, m.end, sector=SectorWord(m.surface, "CVL", "strong"), surface=m.surface
            )


def _mark_possessive(tokens: list[Token], matches: list[Match]) -> None:
    for m in matches:
        followed = m.end < len(tokens) and tokens[m.end].key in ("'s", "'")
        if followed and any(x.start > m.end for x in matches):
            m.possessive = True


def _boundary(tokens: list[Token], matches: list[Match], words: frozenset[str]) -> int:
    spanned = covered(matches)
    for i, t in enumerate(tokens):
        if i == 0 or i in spanned:
            continue
        # "Vietnamese-led": a hyphen-joined word is a modifier, not a preposition
        if (t.key in words or t.text in BOUNDARY_PUNCT) and not t.hyphen_before:
            return i
    return len(tokens)


def _only_a_means(head: list[Match], b: int, tables: Tables) -> bool:
    """Is the head phrase's sector read only from weapons that modify another noun ("a DRONE
    attack", "ARTILLERY fire") with no owner named ("RUSSIAN drone attacks" has one)? A weapon
    is no actor (``things.tsv``), and used by armies and armed groups alike it does not say
    whose forces acted; left as MIL, the place of the attack then gave them its country: "a
    drone attack on a market in Kharkiv" coded UKRMIL as the attacker."""
    if any(m.entry is not None for m in head):
        return False
    weapon = tables.thing_classes["weapon"]
    roles = [m for m in head if m.sector is not None and m.role in ("strong", "weak", "mod")]
    return bool(roles) and all(
        m.end < b and tables.things.get((singular(m.surface.lower()),)) is weapon for m in roles
    )


def _thing_head(
    head_tokens: list[Token], matches: list[Match], tables: Tables
) -> tuple[ThingClass | None, int]:
    """The class of the head noun when it names a thing (things.tsv), and where it starts.

    The head noun is the last word of the head phrase; a word that a name spans ("Mexico City",
    "the United States") is never a thing.
    """
    words = [i for i, t in enumerate(head_tokens) if t.is_word and t.key not in ("'s", "'")]
    if not words:
        return None, 0
    last = words[-1]
    names = covered([m for m in matches if m.entry is not None])
    places = {m.end for m in matches if m.entry is not None and m.entry.kind in PLACE_KINDS}
    tok = head_tokens[last]
    if tok.is_capitalised and tok.key in tables.words["place_named"] and last in places:
        return tables.thing_classes["forum"], last
    for i in words[:-1]:  # "Typhoon Haiyan", "Hurricane Katrina": a storm's name
        cls = tables.things.get((singular(head_tokens[i].key),))
        nxt = head_tokens[i + 1]
        named = nxt.is_capitalised and nxt.is_word and i + 1 not in names
        if cls is tables.thing_classes["nature"] and head_tokens[i].is_capitalised and named:
            return cls, i
    for size in range(min(tables.max_thing_len, last + 1), 0, -1):
        start = last - size + 1
        window = head_tokens[start : last + 1]
        if any(i in names for i in range(start, last + 1)):
            continue
        key = tuple(t.key for t in window[:-1]) + (singular(window[-1].key),)
        cls = tables.things.get(key)
        if cls is not None:
            return cls, start
    return None, 0


# -- what the head phrase says ----------------------------------------------------------------


def has_head(words: list[Match]) -> bool:
    """True when a role *noun* is present ("troops"), not only a modifier ("security talks")."""
    return any(m.role in ("strong", "weak") for m in words)


def head_sector(words: list[Match], yields: frozenset[str]) -> tuple[str | None, list[str]]:
    """Sector of a head phrase from its role words, and the role words used as titles."""
    roles = [m for m in words if m.role in ("strong", "weak", "mod")]
    titles = []
    for m in roles:
        if m.role in ("strong", "weak"):
            parts = m.surface.lower().split()
            titles.append(" ".join(parts[:-1] + [singular(parts[-1])]))
            if len(parts) > 1:
                titles.append(singular(parts[-1]))  # "defence minister" also teaches "minister"
    if not roles:
        return None, titles
    heads = [i for i, m in enumerate(roles) if m.role in ("strong", "weak")]
    if not heads:
        return roles[-1].sector.sector, titles  # type: ignore[union-attr]
    h = heads[-1]
    head = roles[h].sector
    mods = [m.sector for m in reversed(roles[:h])]
    assert head is not None
    if head.role == "strong":
        # "opposition lawmakers", "rebel soldiers": the political side says more than the noun
        side = next((s for s in mods if s and s.sector in ("OPP", "REB")), None)
        if head.sector in yields and side is not None:
            return side.sector, titles
        return head.sector, titles
    for mod in mods:
        if mod is not None and mod.sector not in (None, "GOV"):
            return mod.sector, titles
    if head.sector is None:
        for mod in mods:
            if mod is not None and mod.sector is not None:
                return mod.sector, titles
    return head.sector, titles


def title_country(words: list[Match]) -> str | None:
    """The country of a title that exists in one country only ("Rep.", "Congresswoman")."""
    return next((m.sector.country for m in words if m.sector and m.sector.country), None)


def rows_for(entry: Entry, tables: Tables) -> list[Entry]:
    """All rows sharing ``entry``'s alias (a leader or body with several periods)."""
    return [e for e in tables.names[key_of(entry.alias)] if e.kind == entry.kind]


def timed(
    entry: Entry, on: dt.date | None, tables: Tables, *, role: str | None = None
) -> tuple[Entry, bool]:
    """The row of a leader/institution alias that holds on ``on``; (row, in_office).

    Undated, the latest row wins, unless the mention's role picks one ("Prime Minister
    Ismail Haniyeh" is his government row, not his later Hamas one).
    """
    rows = rows_for(entry, tables) or [entry]
    if on is None:
        fitting = [e for e in rows if role is not None and e.sector == role] or rows
        return max(fitting, key=lambda e: e.start or dt.date.min), True
    current = [e for e in rows if e.holds_on(on)]
    if current:
        return current[0], True
    before = [e for e in rows if e.end is not None and e.end < on]
    if before:
        return max(before, key=lambda e: e.end or dt.date.min), False
    return min(rows, key=lambda e: e.start or dt.date.min), False


def first_country(matches: list[Match]) -> Match | None:
    """The first country named in ``matches``; an ethnic group ("Tamil") only if nothing else."""
    found = [
        m
        for m in matches
        if m.entry is not None and m.entry.kind in COUNTRY_KINDS and not m.not_own
    ]
    states = [m for m in found if m.entry is not None and m.entry.kind != "people"]
    return (states or found or [None])[0]


def country_of(m: Match, on: dt.date | None, tables: Tables) -> tuple[str | None, str | None]:
    """(country, org) that a match contributes as a modifier of someone else."""
    e = m.entry
    if e is None:
        return None, None
    if e.kind in ("leader", "institution"):
        row, _ = timed(e, on, tables)
        return row.country, row.org
    if e.kind in COUNTRY_KINDS:
        return e.country, None
    return None, None


def person_run(r: Reading) -> list[int]:
    """Token indices of a run of capitalised, unmatched words ending the head phrase: a name
    ("Tran Xuan Gia"). Not after an article ("the North", "the Kremlin-run ...": a name takes
    none) and not a lone compass word. Empty when there is none."""
    spanned = covered(r.matches)
    articles = r.words("articles")
    runs: list[list[int]] = []
    run: list[int] = []
    for i, t in enumerate(r.tokens[: r.b]):
        if i not in spanned and t.is_word and t.is_capitalised and t.key not in articles:
            run.append(i)
            continue
        if run:
            runs.append(run)
        run = []
    if run:
        runs.append(run)
    for run in reversed(runs):
        first = run[0]
        if first > 0 and r.tokens[first - 1].key in articles:
            continue
        if len(run) == 1 and r.tokens[first].key in r.words("compass"):
            continue
        return run
    return []


def name_words(r: Reading) -> list[Token]:
    """The words of the head phrase when every one is capitalised (a proper name), else none."""
    words = [t for t in r.tokens[: r.b] if t.is_word and t.key not in r.words("articles")]
    return words if all(t.is_capitalised for t in words) else []


def person_name(r: Reading) -> str | None:
    run = person_run(r)
    return " ".join(r.tokens[i].text for i in run) if run else None


def only_quantity(r: Reading) -> bool:
    """True when the head phrase holds nothing but numbers, quantities and empty role words."""
    empty_roles = covered([m for m in r.head if m.sector is not None and m.sector.sector is None])
    quantity = r.words("quantity")
    for i, t in enumerate(r.tokens[: r.b]):
        if i in empty_roles or not t.is_word or t.key in ("the", "a", "an", "of"):
            continue
        if t.key in quantity or t.text.replace(",", "").replace(".", "").isdigit():
            continue
        return False
    return True


def city_country(r: Reading, *, skip: set[int] | frozenset[int] = frozenset()) -> str | None:
    """Country of the first large city named by unmatched capitalised words (last resort)."""
    from .places import city_country_by_key

    spanned = covered(r.found) | set(skip)
    tokens = r.tokens
    for i in range(len(tokens)):
        if i in spanned or not tokens[i].is_capitalised or not tokens[i].is_word:
            continue
        for size in (3, 2, 1):
            window = tokens[i : i + size]
            if len(window) < size or any(j in spanned for j in range(i, i + size)):
                continue
            if not all(t.is_capitalised and t.is_word for t in window):
                continue
            country = city_country_by_key(tuple(t.key for t in window))
            if country:
                return country
    return None


__all__ = ["COUNTRY_KINDS", "Match", "Reading", "read"]

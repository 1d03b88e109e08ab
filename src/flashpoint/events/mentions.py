"""Who a source or target token names, remembered per article.

A token's noun phrase is resolved through ``flashpoint.actors`` once per document, role and
date (``DocState``); pronouns fall back on the last person or group that acted; a domestic
actor with no country ("police", "the government") takes the country of the place of the
event, else of the article; a prepositional tail or an apposition can name the country
("protesters in Gjilan", "the then president, Goodluck Jonathan").
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..actors import DocActors, not_an_actor, of_several_countries
from ..actors.codes import in_country, is_international, is_org
from ..actors.home import placed_as_victim
from ..actors.tables import get_tables
from ..nlp import children_of, conjuncts_of
from ..records import Actor
from .dates import EventDate
from .grammar import (
    DOMESTIC_SECTORS,
    ELLIPTICAL,
    PLACE_HEADS,
    PRONOUNS_GROUP,
    PRONOUNS_PERSON,
    STATELESS_SECTORS,
)
from .patterns import is_time, lemma, names_nobody
from .quoted import first_person, quoted_speaker

Token = Any


@dataclass
class DocState:
    """What a document remembers between sentences: last actors for pronouns, main country."""

    published: dt.date | None
    context_country: str | None
    on: dt.date | None = None  # the date actors are resolved on: the event's, else published
    memory: DocActors = field(default_factory=DocActors)  # the per-article actor memory
    actors: dict[tuple[int, str, Any], Actor | None] = field(
        default_factory=dict
    )  # token, role, on
    spans: dict[tuple[int, int, Any], Actor | None] = field(default_factory=dict)  # span, on
    place_country: str | None = None  # country of the current sentence's location, if any
    victims: bool = False  # the event being coded is an act of force (its targets are victims)
    anchor: EventDate | None = (
        None  # the last date the article gave ("the same day" counts from it)
    )
    told: EventDate | None = None  # the date the previous sentence gave, if it gave one
    told_end: int = -1  # where that sentence ended (a blank line after it ends its scene)
    force_told: bool = False  # an act of force was coded before (a definite one may point to it)
    last_doer: Actor | None = None  # the doer of the last act coded: whom "the move" answers
    last_person: Actor | None = None
    last_group: Actor | None = None
    countries: Counter[str] = field(default_factory=Counter)  # of the sources that acted
    # of the places its acts happened in, for an article whose doers name no country: "Armed
    # gangs stormed Haiti's largest prison ... The government declared" is Haiti's government
    # (a victim's nationality is not it: IS fighters who behead Ethiopians are no Ethiopians)
    places: Counter[str] = field(default_factory=Counter)

    def country(self) -> str | None:
        if self.context_country:
            return self.context_country
        if self.countries:
            return self.countries.most_common(1)[0][0]
        if self.places:
            return self.places.most_common(1)[0][0]
        return None


@functools.lru_cache(maxsize=1)
def _missions() -> frozenset[str]:
    """A country's missions abroad (``mission_heads`` of the actor tables): the place after "in"
    is their host, never their owner."""
    return frozenset(get_tables().words["mission_heads"])


def place_in_country(actor: Actor, country: str) -> Actor:
    """A sector-only actor placed in a country by context (speaker, place, article); IGOs,
    NGOs and unidentified armed groups stay as they are. The one place this is decided."""
    if actor.sector in STATELESS_SECTORS:
        return actor
    return in_country(actor, country)


def _place_actor(actor: Actor | None, country: str) -> Actor | None:
    """A domestic actor with no country ("police", "the government") acting where the event is."""
    if actor is None or actor.sector not in DOMESTIC_SECTORS:
        return actor
    return place_in_country(actor, country)


def np_span(tok: Token) -> Any:
    """The noun phrase of a head token without its clauses and prepositional tails."""
    doc = tok.doc
    left = tok.i
    for c in tok.lefts:
        if c.dep_ in (
            "det",
            "amod",
            "compound",
            "poss",
            "nmod",
            "nummod",
            "quantmod",
            "case",
            "punct",
            "advmod",
            "npadvmod",
        ):
            left = min(left, c.left_edge.i)
    right = tok.i
    for c in tok.rights:
        if c.dep_ == "compound":
            right = max(right, c.right_edge.i)
        elif c.dep_ == "appos" and c.pos_ == "PROPN":
            # the name's own phrase, not the persons conjoined to it: in "US President Joe Biden
            # and South Korean President Yoon" spaCy hangs the second on the first's name
            right = max(right, np_span(c)[-1].i)
        elif (
            c.dep_ == "prep"
            and c.lower_ == "of"
            and (tok.text[:1].isupper() or tok.lemma_ in PLACE_HEADS)
            and right == c.i - 1
        ):
            # a name that continues with "of": "Federal Bureau of Investigation"
            objs = [g for g in children_of(c) if g.dep_ == "pobj" and g.pos_ == "PROPN"]
            if not objs:
                break
            right = max(right, objs[0].right_edge.i)
        elif c.is_punct:
            continue
        else:
            break
    while left < tok.i and doc[left].is_punct:
        left += 1
    return doc[left : right + 1]


def np_text(tok: Token) -> str:
    return np_span(tok).text


def actor_of(tok: Token | None, state: DocState, *, role: str) -> Actor | None:
    """The actor of a source/target token, resolved once per token and role in a document."""
    if tok is None:
        return None
    key = (tok.i, role, state.on)
    if key not in state.actors:
        state.actors[key] = _actor_uncached(tok, state, role=role)
    return state.actors[key]


def _actor_uncached(tok: Token, state: DocState, *, role: str) -> Actor | None:
    low = tok.lower_
    if is_time(tok):
        return None  # "last month's attack", "by the end of the year": a time is nobody
    if names_nobody(tok):
        return None  # "no damage was reported", "had no authority", "no group claimed"
    if low in ELLIPTICAL and tok.pos_ in ("PRON", "DET", "ADJ", "NOUN"):
        # "killing one officer and wounding another": another officer, not an earlier actor
        parallel = _parallel_argument(tok)
        return actor_of(parallel, state, role=role) if parallel is not None else None
    if first_person(tok):  # '"If we allow ...," Biden asked': the speaker's side, else no one
        speaker = quoted_speaker(tok)
        found = actor_of(speaker, state, role=role) if speaker is not None else None
        if found is None:
            return None
        return Actor(text=tok.text, code=found.code, country=found.country, sector=found.sector)
    # "US" tagged as the pronoun "us" is a name: an all-capitals word is no pronoun
    pronoun = tok.pos_ == "PRON" and not (tok.text.isupper() and len(tok.text) > 1)
    if pronoun or low in PRONOUNS_PERSON | PRONOUNS_GROUP:
        # the article's memory: a clause subject named earlier, the grammar of the pronoun
        if tok.dep_ in ("dobj", "pobj", "obj") and state.memory.refers_to_thing(tok):
            return None  # "the wording was settled, but Quito says it will review it"
        found = state.memory.pronoun(tok.text, before=tok.i, token=tok)
        if found is None and state.memory.ruled_out(tok.text, before=tok.i):
            return None  # "Mr Putin met Mr Xi ... She ordered": unresolved, not the last man
        if found is None and low in PRONOUNS_PERSON:
            # the last person, else the last group's (a member of it) -- but never the body
            # whose words the pronoun is in: "Police said he had assaulted an officer"
            found = state.last_person or (None if _in_words_of_a_body(tok, state) else state.last_group)
        elif found is None:
            found = state.last_group or state.last_person
        if found is None:
            return None
        return Actor(text=tok.text, code=found.code, country=found.country, sector=found.sector)
    span = np_span(tok)
    actor = span_actor(span, state)
    if actor is None and role == "source" and not_an_actor(span):
        return None  # "Talks in Istanbul ended": a thing does nothing, whatever its place
    if (actor is None or not actor.code) and tok.i != span.root.i:
        actor = span_actor(tok.doc[tok.i : tok.i + 1], state)
    if (actor is None or not actor.code) and tok.pos_ == "PROPN":
        # "the MSC Aries, a Portuguese-flagged container ship": a name the tables do not know is
        # what its appositive says it is
        described = next((a for a in children_of(tok) if a.dep_ == "appos" and a.pos_ == "NOUN"), None)
        told = span_actor(np_span(described), state) if described is not None else None
        if told is not None and told.country:
            actor = Actor(text=span.text, code=told.code, country=told.country, sector=told.sector)
    if actor is None or not (actor.country or is_org(actor)):  # "the ICJ in The Hague" is the ICJ
        for c in children_of(tok):
            if c.dep_ == "appos" and c.pos_ == "PROPN":  # "the then president, Goodluck Jonathan"
                named = span_actor(np_span(c), state)
                if named is not None and named.country:
                    return Actor(
                        text=span.text, code=named.code, country=named.country, sector=named.sector
                    )
        # "protesters in Gjilan", "the government of Iraq": the prepositional tail names the country
        # (but "its embassy IN Tehran" is in its host, not of it: ``mission_heads``)
        mission = lemma(tok) in _missions()
        tails = ("of", "from") if mission else ("in", "of", "from")
        for c in children_of(tok):
            if c.dep_ == "prep" and c.lower_ in tails:
                for g in children_of(c):
                    if g.dep_ == "pobj":
                        tail = span_actor(np_span(g), state)
                        if tail is not None and tail.country:
                            sector = (actor.sector if actor is not None else None) or tail.sector
                            code = tail.country + (sector or "") if tail.country else tail.code
                            return Actor(
                                text=span.text, code=code, country=tail.country, sector=sector
                            )
                        if is_international(tail) and tail.code[:3] != "IMG":  # type: ignore[union-attr]
                            return Actor(
                                text=span.text, code=tail.code, country=None, sector=tail.sector
                            )
                        if actor is None and tail is not None and tail.sector and c.lower_ == "of":
                            # "hundreds of protesters": the counted group is the actor
                            actor = Actor(
                                text=span.text, code=tail.code, country=None, sector=tail.sector
                            )
        if (tok.left_edge.i < span.start or tok.right_edge.i >= span.end) and not mission:
            whole = span_actor(tok.doc[tok.left_edge.i : tok.right_edge.i + 1], state)
            if whole is not None and whole.country:  # "thousands of textile workers in Haiti"
                return Actor(
                    text=span.text, code=whole.code, country=whole.country, sector=whole.sector
                )
    if actor is None or (not actor.code and role == "source"):
        if role == "source" and tok.pos_ in ("NOUN", "PROPN"):
            return Actor(text=span.text, code=None)
        if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or tok.pos_ == "PROPN":
            return Actor(text=span.text, code=None)
        return None
    if of_several_countries(span):
        return actor  # "Western governments": no one country, on purpose
    if not actor.country and actor.sector and not is_international(actor) and lemma(tok) not in _missions():
        # (a mission abroad is never of the place it stands in: "stormed its embassy in Tehran")
        # a domestic actor with no country ("police", "the government"): where the event happens,
        # else the article's main country
        if state.place_country and actor.sector in DOMESTIC_SECTORS:
            actor = _place_actor(actor, state.place_country) or actor
        elif state.country() and role != "source" and not (state.victims and placed_as_victim(actor)):
            # sources: the speaker's side first (the coder); victims of force: never the article's
            # country, most often the attacker's (actors.home.victims)
            actor = place_in_country(actor, state.country())
    if actor.code and role == "source":  # pronouns refer back to those who act
        if actor.country:
            state.countries[actor.country] += 1
        if tok.ent_type_ == "PERSON" or any(t.ent_type_ == "PERSON" for t in span):
            state.last_person = actor
        else:
            state.last_group = actor
    return actor


def countryless(tok: Token | None) -> bool:
    """Does the mention name roles of several states ("Western governments"), so that no
    context may give it a country?"""
    return tok is not None and tok.pos_ in ("NOUN", "PROPN") and of_several_countries(np_span(tok))


def named_actor(tok: Token, state: DocState) -> Actor | None:
    """The actor a mention names by itself, before any place or article context gives a bare
    role a country ("ordered troops to seize ...": troops of no country named, the orderer's)."""
    if tok.pos_ == "PRON":
        return actor_of(tok, state, role="target")
    return span_actor(np_span(tok), state)


def _in_words_of_a_body(tok: Token, state: DocState) -> bool:
    """Is the person pronoun inside what a body of people or a plural said ("POLICE said he
    ...", "the ministers said she ...": ``DocActors.may_name`` refuses them)?"""
    node = tok
    while node.head.i != node.i:
        node = node.head
        for subj in children_of(node):
            if subj.dep_ in ("nsubj", "nsubjpass") and subj.i < tok.i and subj.pos_ != "PRON":
                return not state.memory.may_name(tok, np_span(subj))
    return False


def _parallel_argument(tok: Token) -> Token | None:
    """The same argument of the coordinated verb ("killing ONE OFFICER and wounding another"),
    for an elliptical word standing in its place; None when there is no parallel clause."""
    verb = tok.head
    others = list(conjuncts_of(verb))
    for other in others:
        for c in children_of(other):
            if c.dep_ == tok.dep_ and c.i != tok.i and c.lower_ not in ELLIPTICAL:
                return c
    return None


def remember_subjects(sent: Any, state: DocState, *, persons_only: bool = False) -> None:
    """Let the article memory read the subjects of a sentence's main verb even where the sentence
    codes no event ("Insurgents faced no fire as they rolled into the port city. They said they had
    taken ...": "They" are the insurgents, not the last actor an event named). Names only: a
    pronoun refers back and teaches nothing; already-read spans are not read twice.
    ``persons_only``: for a sentence that coded events, only the names a named person teaches
    ("President Irfaan Ali said that ...": a later "Ali" is that speaker), never an antecedent
    of a later pronoun: the sentence's other subjects are the events' own parties, read already
    or on purpose not (a reporter is no party)."""
    root = sent.root
    for tok in children_of(root):
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("NOUN", "PROPN"):
            if not persons_only:
                span_actor(np_span(tok), state)
            elif tok.ent_type_ == "PERSON":
                state.memory.learn_speaker_names(np_span(tok))


def new_memory(published: dt.date | None) -> DocActors:
    return DocActors(on=published)


def span_actor(span: Any, state: DocState) -> Actor | None:
    """Resolve a span once per document (sources, targets and tails share spans)."""
    key = (span.start, span.end, state.on)
    if key not in state.spans:
        state.spans[key] = _resolve_uncached(span, state)
    return state.spans[key]


def _resolve_uncached(span: Any, state: DocState) -> Actor | None:
    """The article's actor memory resolves (short names, titles, pronoun-free); the coder
    applies place and article context itself, so the memory's own context is cleared."""
    memory = state.memory
    memory.context_country = None
    memory.on = state.on
    actor = memory.resolve_span(span)
    if actor is None and span.text.isupper():
        actor = memory.resolve(span.text)  # "US" is no pronoun
    return actor


__all__ = [
    "PRONOUNS_GROUP",
    "PRONOUNS_PERSON",
    "DocState",
    "actor_of",
    "countryless",
    "named_actor",
    "new_memory",
    "np_span",
    "np_text",
    "place_in_country",
    "remember_subjects",
    "span_actor",
]

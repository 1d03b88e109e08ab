"""The CAMEO event coder: parsed sentences in, ``Event`` records out.

``code_doc`` walks every sentence of a parsed article once. Per sentence the main event comes
from the root predicate (through statement and intention wrappers, see ``predicates``); other
coded predicates follow in order of their distance from the root, which is how the output is
ordered by salience. Actors are resolved through ``flashpoint.actors`` (pronouns fall back on
the last actor of the article), the date from the sentence's date phrase, the location from
``flashpoint.actors.places``. When the optional classifier (``events/data/classifier.json``) is
shipped, it decides the five-way class of the main event where the rules are unsure; the rules
keep the trigger, roles, actors and evidence.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..actors import DocActors, not_an_actor
from ..actors.codes import in_country, is_international, is_org
from ..actors.places import find_location
from ..errors import ConfigError
from ..records import Actor, Event, Location, Span
from . import classifier, tables
from .crowds import as_protest
from .dates import date_phrases, event_date
from .found import Found
from .grammar import FAMILY_MODALITY, PLACE_IS_TARGET, VENUE, WRAPPERS
from .happenings import non_political, victim_subject
from .patterns import noun_code, roles_of, verb_code
from .predicates import analyze, noun_event, own_event
from .syntax import agent_of
from .wrappers import judged_subject

Token = Any

PRONOUNS_PERSON = {"he", "she", "him", "her"}
# Acts two sides do together: a second conjunct of the doer is the counterpart.
SYMMETRIC_ROOTS = frozenset({"03", "04", "05", "06", "08", "19"})
# Shows of force: the doer's own forces are what is shown, never the target.
OWN_FORCE_ROOTS = frozenset({"15"})
PRONOUNS_GROUP = {"they", "it", "them", "we", "its", "their"}
_MAX_SECONDARY = 3


@dataclass
class _DocState:
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
    last_person: Actor | None = None
    last_group: Actor | None = None
    countries: Counter[str] = field(default_factory=Counter)

    def country(self) -> str | None:
        if self.context_country:
            return self.context_country
        if self.countries:
            return self.countries.most_common(1)[0][0]
        return None


def code_doc(
    doc: Any, *, published: dt.date | None = None, context_country: str | None = None
) -> list[Event]:
    """Events of every sentence of a parsed ``Doc``, sentence order, main event first per sentence."""
    state = _DocState(
        published=published, context_country=context_country, memory=_memory(published)
    )
    events: list[Event] = []
    for sent in doc.sents:
        events.extend(_code_sentence(sent, state))
    return events


def code_sentence(
    sent: Any, *, published: dt.date | None = None, context_country: str | None = None
) -> list[Event]:
    """Events of one parsed sentence (a spaCy ``Span``), main event first."""
    state = _DocState(
        published=published, context_country=context_country, memory=_memory(published)
    )
    return _code_sentence(sent, state)


def _code_sentence(sent: Any, state: _DocState) -> list[Event]:
    founds = classifier.adjust(
        sent, list(_found_events(sent)), analyze=_made, weak_trigger=_weak_trigger
    )
    for f in founds:
        victim_subject(f)
        judged_subject(f)
    founds = as_protest(founds, sent)
    if not founds:
        return []
    evidence = _evidence(sent)
    text = evidence.text
    location = _location(sent)
    place_country = location.country if location is not None else None
    according = _according_to(sent) if "ccording to" in text else None
    phrases = date_phrases(sent)
    events: list[Event] = []
    seen: set[tuple[str, int]] = set()
    for i, f in enumerate(founds):
        key = (f.code, f.trigger.i)
        if key in seen:
            continue
        seen.add(key)
        # "the two leaders met in Washington" are not American: a venue gives no actor a country
        state.place_country = None if f.code[:3] in VENUE else place_country
        event = _to_event(f, sent, state, evidence, location, according, phrases)
        if event is not None:
            events.append(event)
    return events


def _doc_text(doc: Any) -> str:
    """The document's text, built once: ``Doc.text`` joins every token on each call, so reading
    it per sentence made coding quadratic in the length of the document."""
    text = doc.user_data.get("flashpoint_text")
    if text is None:
        text = doc.text
        doc.user_data["flashpoint_text"] = text
    return text


def _evidence(sent: Any) -> Span:
    """The sentence as evidence: spaCy sentences carry the whitespace (blank lines) after them,
    which is no part of what was said; the offsets are moved with the stripped text so that
    ``text[start:end] == evidence.text`` still holds."""
    raw = _doc_text(sent.doc)[sent.start_char : sent.end_char]
    stripped = raw.strip()
    if not stripped:
        return Span(text=raw, start=sent.start_char, end=sent.end_char)
    start = sent.start_char + (len(raw) - len(raw.lstrip()))
    return Span(text=stripped, start=start, end=start + len(stripped))


def _found_events(sent: Any) -> Iterator[Found]:
    """Coded predicates of a sentence: the root's event first, then by distance from the root."""
    used: set[int] = set()
    order = _bfs(sent)
    root_i = order[0].i
    main = None
    # background clauses ("after security forces fired on protesters") come second
    for wanted in (False, True):
        for tok in order:
            if not (tok.pos_ in ("VERB", "AUX", "ADJ") or tok.i == root_i):
                continue
            if _in_background(tok, root_i) is not wanted:
                continue
            holder = _wrapper_noun(tok)
            main = analyze(holder if holder is not None else tok)
            if main is not None:
                break
        if main is not None:
            break
    if main is None:
        for tok in order:
            if tok.pos_ in ("NOUN", "PROPN") and noun_code(tok):
                main = analyze(tok)
                if main is not None:
                    break
    if main is None:
        return
    if main.code == "010":
        # "X said the country was at war and warned that ...": the statement's coordinated
        # predicate carries the event; the bare statement comes after it
        for conj in main.trigger.children:
            if conj.dep_ != "conj" or conj.pos_ != "VERB":
                continue
            other = analyze(conj)
            if other is not None and not other.code.startswith("01"):
                if other.source is None:
                    other.source = main.source
                used |= main.used
                main.used |= other.used
                main, first = other, main
                used |= main.used
                yield main
                main = first
                break
    used |= main.used
    yield main
    if main.code[:2] == "11" or main.code in ("015", "016"):
        # what someone is accused of (or denies) is alleged, not reported: no events from it;
        # a coordinated predicate is an act of its own ("denied the accusations and rebuffed
        # calls to resign"); its arguments are read through it
        own = {c.i for c in main.trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"}
        used.update(t.i for t in main.trigger.subtree if t.i > main.trigger.i and t.i not in own)
    count = 0
    if main.embedded is not None and main.embedded.code != main.code:
        used |= main.embedded.used
        emb = main.embedded
        if emb.modality == "asserted" and main.family in _WRAPPER_MODALITY:
            emb.modality = _WRAPPER_MODALITY[main.family]  # type: ignore[assignment]
        elif main.family == "reject":
            emb.negated = True
        yield emb
        count += 1
    for tok in order:
        if count >= _MAX_SECONDARY:
            break
        if tok.i in used or tok.pos_ not in ("VERB", "NOUN", "PROPN"):
            continue
        if tok.pos_ != "VERB" and not _free_noun(tok):
            continue
        if tok.dep_ == "amod":
            continue  # "a proposed tax increase" reports no proposing
        if tok.pos_ == "VERB" and not _known(tok):
            continue  # its conjuncts and complements are visited on their own
        f = analyze(tok)
        if f is None or f.trigger.i in used or f.code.startswith("01"):
            continue
        used |= f.used
        _inherit(f, f.trigger)
        yield f
        count += 1


_WRAPPER_MODALITY = FAMILY_MODALITY  # what the wrapped act is: intended, demanded


def _wrapper_noun(tok: Token) -> Token | None:
    """The noun wrapping a verb ("North Korea's THREAT to attack Guam", "a PLAN to impose"): the
    wrapper, not the wrapped act, is the event (the act is only threatened or planned)."""
    head = tok.head
    if (
        tok.dep_ in ("acl", "ccomp")
        and head.i != tok.i
        and head.pos_ in ("NOUN", "PROPN")
        and any(r in WRAPPERS for r in roles_of(head))
    ):
        return head
    return None


def _known(tok: Token) -> bool:
    lem = tok.lemma_.lower()
    return lem in tables.verb_patterns() or lem in tables.predicate_roles() or lem == "be"


def _in_background(tok: Token, root_i: int) -> bool:
    """Is the token inside an adverbial clause or prepositional phrase of the sentence root?"""
    node = tok
    for _ in range(40):
        head = node.head
        if head.i == node.i or node.i == root_i:
            return False
        if head.i == root_i:
            return node.dep_ in ("advcl", "prep")
        node = head
    return False


def _inherit(f: Found, start: Token) -> None:
    """An event inside "agreed to ...", "called on X to ...", "refused to ..." is not asserted."""
    if f.modality != "asserted":
        return
    prev = start if start.i != f.trigger.i else f.trigger
    node = prev.head
    for _ in range(8):
        if node.i == prev.i:
            return
        through = prev.dep_ in ("xcomp", "ccomp", "dobj", "acl", "conj") or (
            prev.dep_ == "prep" and prev.lower_ in ("for", "to")
        )
        if through:
            for role in roles_of(node):
                if role in _WRAPPER_MODALITY:
                    f.modality = _WRAPPER_MODALITY[role]  # type: ignore[assignment]
                    return
                if role == "reject":
                    f.negated = True
                    return
        prev, node = node, node.head


def _made(root: Token, code: str) -> Found:
    """An event the model decided on the root predicate, with the rules' roles."""
    return own_event(root, (code, 0))


def _weak_trigger(sent: Any, klass: int) -> Found | None:
    """The first predicate of the class the model chose, wherever it sits in the parse."""
    for tok in _bfs(sent):
        code = None
        if tok.pos_ in ("VERB", "ADJ"):
            hit = verb_code(tok)
            code = hit[0] if hit else None
        elif tok.pos_ == "NOUN":
            code = noun_code(tok)
        if code and tables.info(code).class5 == klass:
            return own_event(tok, (code, 0)) if tok.pos_ != "NOUN" else noun_event(tok, code)
    return None


def _free_noun(tok: Token) -> bool:
    """A noun event worth reporting beside the main one: a clause argument, not a modifier."""
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "ROOT", "appos"):
        return True
    return tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ == "VERB"


def _bfs(sent: Any) -> list[Token]:
    out = [sent.root]
    i = 0
    while i < len(out):
        out.extend(out[i].children)  # spaCy yields children in text order
        i += 1
    return out


def _trigger_text(f: Found) -> str:
    return _phrase(f.trigger)


def _phrase(tok: Token) -> str:
    """Trigger words: the predicate with its particle ("step up", "call off")."""
    parts = [tok]
    for c in tok.children:
        if c.dep_ == "prt":
            parts.append(c)
    parts.sort(key=lambda t: t.i)
    return " ".join(t.text for t in parts)


def _to_event(
    f: Found,
    sent: Any,
    state: _DocState,
    evidence: Span,
    location: Location | None,
    according: str | None,
    phrases: list[tuple[Any, str]],
) -> Event | None:
    try:
        meta = tables.info(f.code)
    except ConfigError:  # an unknown code from a bad table row must not lose a whole article
        return None
    when = event_date(sent, f.trigger, state.published, future=f.future, phrases=phrases)
    adjunct = when.date is not None and any(
        text == when.text and _adjunct_of(root, f.trigger) for root, text in phrases
    )  # a date of another clause ("since X split with Y in 1961") dates no actor
    state.on = _actor_date(when.date if adjunct else None, state.published)
    source_tok = f.source
    if (
        source_tok is not None
        and f.speaker is not None
        and source_tok.lower_ in PRONOUNS_PERSON | PRONOUNS_GROUP
    ):
        source_tok = f.speaker  # "Farc said it will release ...": the pronoun is the speaker
    source = _actor(source_tok, state, role="source")
    if (
        source is not None
        and not source.country
        and source.sector
        and f.speaker is not None
        and f.speaker is not source_tok
    ):
        speaker = _actor(f.speaker, state, role="source")
        if speaker is not None and speaker.country:
            # "officials in Kabul said fighters will ...": the speaker's side. Who reports an act
            # is never its doer (ACLED's rule): "20 were killed, the health ministry said" keeps
            # no source.
            source = _in_country(source, speaker.country)
    if source is not None and not source.country and source.sector and state.country():
        source = _in_country(source, state.country())  # the article's main country
    target, target_tok = _target(f, source, state, location)
    if non_political(
        f.code,
        f.trigger,
        source_tok,
        actor=source is not None and bool(source.code),
        sent=sent,
        target=target_tok,
        target_actor=_political(target, target_tok),
    ):
        return None
    if f.source is not None and f.code[:2] in SYMMETRIC_ROOTS:
        # "X and Y agreed", "the leaders of X and Y met (in Washington)": the second conjunct is
        # the counterpart, before any place (of an act two sides do together; "X and Y called on
        # both sides" has none)
        heads = [f.source] + [
            g
            for c in f.source.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        conj = next((c for h in heads for c in h.conjuncts if c.i > h.i), None)
        if conj is not None:
            target = _actor(conj, state, role="target") or target
    if (
        target is not None
        and source is not None
        and f.code[:2] in OWN_FORCE_ROOTS
        and target.country
        and target.country == source.country
    ):
        target = None  # "reinforced its military presence": its own forces are no target
    if source is not None and target is not None and source.country and source.code == target.code:
        target = None
    attribution = f.attribution_text or (_np_text(f.speaker) if f.speaker is not None else None)
    if attribution is None:
        attribution = according
    code = f.code
    return Event(
        source=source,
        target=target,
        cameo=code,
        cameo_root=meta.root,
        plover=meta.plover,
        quad_class=meta.quad_class,
        goldstein=meta.goldstein,
        evidence=evidence,
        date=when.date,
        date_text=when.text,
        date_precision=when.precision,
        attribution=attribution,
        location=location,
        negated=f.negated,
        modality=f.modality,  # type: ignore[arg-type]
        trigger=_trigger_text(f),
    )


_NUMBERS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
_LOCATIVE = frozenset({"in", "inside", "near", "across", "throughout"})


def _target(
    f: Found, source: Actor | None, state: _DocState, location: Location | None
) -> tuple[Actor | None, Token | None]:
    """The first candidate that names an actor, with its token (else the first candidate: "battled
    the blaze" has a force as target). A count names none unless it counts someone ("thousands
    of refugees"); an event noun names its owner ("rejected a U.S. request": the US), else whom
    it concerns ("demanded the removal of the president"); a thing names its owner ("denounced
    Serbia's suppression of ...", "crimes committed by Croat forces"); a place where the act
    happened is its country ("a curfew in Algiers" is Algeria, not its government), except
    where a meeting was held (``venue``: "met in Washington"). The source
    itself, its own ("offered its troops to Lebanon's president") and its compatriots yield to
    a candidate from elsewhere. With none, an act done to the people of a place
    (``place_is_target``) targets the country where it happened."""
    fallback = None
    fallback_tok = None
    for cand in f.targets:
        if cand.ent_type_ in _NUMBERS and not any(c.lower_ == "of" for c in cand.children):
            continue
        if cand.pos_ == "NOUN" and noun_code(cand):
            deed = noun_event(cand, noun_code(cand) or "")
            cand = deed.source or next(iter(deed.targets), None)  # "the removal of X": X
            if cand is None:
                continue
        if f.source is not None and cand.i == f.source.i:
            continue
        place = _is_place(cand)
        if place and f.code[:3] in VENUE:
            continue  # "met in Washington": where, not with whom
        target = _actor(cand, state, role="target")
        if (target is None or not target.code) and cand.pos_ == "NOUN":
            owner = _owner(cand)
            if owner is not None and (f.source is None or owner.i != f.source.i):
                target = _actor(owner, state, role="target")
        if target is not None and target.country and place:
            target = Actor(text=target.text, code=target.country, country=target.country)
        own = source is not None and (
            any(c.dep_ == "poss" and c.pos_ == "PRON" for c in cand.children)
            or (target is not None and target.code == source.code)
            or (target is not None and bool(source.country) and target.country == source.country)
        )
        if target is not None and target.code and not own:
            return target, cand
        weaker = fallback is None or (source is not None and fallback.code == source.code)
        if fallback_tok is None or (target is not None and weaker):
            fallback, fallback_tok = target, cand  # a compatriot before the source itself
    if (fallback is None or not fallback.code) and location is not None and location.country:
        if f.code[:2] in PLACE_IS_TARGET:
            c = location.country
            return Actor(text=location.text, code=c, country=c), None
    return fallback, fallback_tok


def _political(actor: Actor | None, tok: Token | None) -> bool:
    """Is a target a political actor (a sector, an organisation, a named country, people or
    person), not a thing or a place that only lies in a country ("refineries in Iran", "the
    Houston Ship Channel": a name that gives no more than a country)?"""
    if actor is None or not actor.code or tok is None:
        return False
    return bool(actor.sector) or is_org(actor) or tok.ent_type_ in ("GPE", "NORP", "PERSON")


def _owner(noun: Token) -> Token | None:
    """Who a thing or a deed belongs to: "Serbia's suppression", "crimes committed by X"."""
    owner = noun_event(noun, "").source
    for a in noun.children if owner is None else ():
        if a.dep_ == "acl" and a.tag_ == "VBN":
            owner = agent_of(a)
    return owner


def _is_place(tok: Token) -> bool:
    """ "in Algiers": a place where something happens, not the government of it."""
    return (
        (tok.ent_type_ in ("GPE", "LOC") or tok.pos_ == "PROPN")
        and tok.dep_ == "pobj"
        and tok.head.lower_ in _LOCATIVE
    )


def _adjunct_of(root: Token, trigger: Token) -> bool:
    """Is the date phrase headed by ``root`` a temporal adjunct of ``trigger`` itself (no other
    predicate between them)?"""
    node = root
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            return False
        if head.i == trigger.i:
            return True
        if head.pos_ in ("VERB", "AUX"):
            return False
        node = head
    return False


def _actor_date(event: dt.date | None, published: dt.date | None) -> dt.date | None:
    """Who held an office or governed is read on the event's date when it falls in another
    year than the publication ("in 2010 the Taliban attacked ..." is the insurgency)."""
    if event is not None and (published is None or event.year != published.year):
        return event
    return published


# Unidentified armed men have no side the context can tell: "armed men ambushed a Kosovo police
# patrol, Kosovo's prime minister said" is no Kosovar attack.
STATELESS_SECTORS = frozenset({"UAF"})


def _in_country(actor: Actor, country: str) -> Actor:
    """A sector-only actor placed in a country by context (speaker, place, article); IGOs,
    NGOs and unidentified armed groups stay as they are. The one place this is decided."""
    if actor.sector in STATELESS_SECTORS:
        return actor
    return in_country(actor, country)


DOMESTIC_SECTORS = {
    "GOV",
    "MIL",
    "COP",
    "JUD",
    "LEG",
    "OPP",
    "REB",
    "CVL",
    "LAB",
    "EDU",
    "MED",
    "BUS",
    "PTY",
    "ELI",
    "CRM",
    "REF",
    "SPY",
    "JRN",
    "HLH",
    "AGR",
    "REL",
}


def _place_actor(actor: Actor | None, country: str) -> Actor | None:
    """A domestic actor with no country ("police", "the government") acting where the event is."""
    if actor is None or actor.sector not in DOMESTIC_SECTORS:
        return actor
    return _in_country(actor, country)


def _according_to(sent: Any) -> str | None:
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
            for c in tok.nbor().children:
                if c.dep_ == "pobj":
                    return _np_text(c)
    return None


PLACE_HEADS = {
    "village",
    "town",
    "city",
    "region",
    "province",
    "district",
    "island",
    "port",
    "state",
}


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
        if c.dep_ == "compound" or c.dep_ == "appos" and c.pos_ == "PROPN":
            right = max(right, c.right_edge.i)
        elif (
            c.dep_ == "prep"
            and c.lower_ == "of"
            and (tok.text[:1].isupper() or tok.lemma_ in PLACE_HEADS)
            and right == c.i - 1
        ):
            # a name that continues with "of": "Federal Bureau of Investigation"
            objs = [g for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
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


def _np_text(tok: Token) -> str:
    return np_span(tok).text


def _actor(tok: Token | None, state: _DocState, *, role: str) -> Actor | None:
    """The actor of a source/target token, resolved once per token and role in a document."""
    if tok is None:
        return None
    key = (tok.i, role, state.on)
    if key not in state.actors:
        state.actors[key] = _actor_uncached(tok, state, role=role)
    return state.actors[key]


def _actor_uncached(tok: Token, state: _DocState, *, role: str) -> Actor | None:
    low = tok.lower_
    # "US" tagged as the pronoun "us" is a name: an all-capitals word is no pronoun
    pronoun = tok.pos_ == "PRON" and not (tok.text.isupper() and len(tok.text) > 1)
    if pronoun or low in PRONOUNS_PERSON | PRONOUNS_GROUP:
        # the article's memory: a clause subject named earlier, the grammar of the pronoun
        found = state.memory.pronoun(tok.text, before=tok.i, token=tok)
        if found is None and low in PRONOUNS_PERSON:
            found = state.last_person or state.last_group
        elif found is None:
            found = state.last_group or state.last_person
        if found is None:
            return None
        return Actor(text=tok.text, code=found.code, country=found.country, sector=found.sector)
    span = np_span(tok)
    actor = _resolve(span, state)
    if actor is None and role == "source" and not_an_actor(span):
        return None  # "Talks in Istanbul ended": a thing does nothing, whatever its place
    if (actor is None or not actor.code) and tok.i != span.root.i:
        actor = _resolve(tok.doc[tok.i : tok.i + 1], state)
    if actor is None or not (actor.country or is_org(actor)):  # "the ICJ in The Hague" is the ICJ
        for c in tok.children:
            if c.dep_ == "appos" and c.pos_ == "PROPN":  # "the then president, Goodluck Jonathan"
                named = _resolve(np_span(c), state)
                if named is not None and named.country:
                    return Actor(
                        text=span.text, code=named.code, country=named.country, sector=named.sector
                    )
        # "protesters in Gjilan", "the government of Iraq": the prepositional tail names the country
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "of", "from"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        tail = _resolve(np_span(g), state)
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
        if tok.left_edge.i < span.start or tok.right_edge.i >= span.end:
            whole = _resolve(tok.doc[tok.left_edge.i : tok.right_edge.i + 1], state)
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
    if not actor.country and actor.sector and not is_international(actor):
        # a domestic actor with no country ("police", "the government"): where the event happens,
        # else the article's main country
        if state.place_country and actor.sector in DOMESTIC_SECTORS:
            actor = _place_actor(actor, state.place_country) or actor
        elif state.country() and role != "source":  # sources: the speaker's side first (_to_event)
            actor = _in_country(actor, state.country())
    if actor.code and role == "source":  # pronouns refer back to those who act
        if actor.country:
            state.countries[actor.country] += 1
        if tok.ent_type_ == "PERSON" or any(t.ent_type_ == "PERSON" for t in span):
            state.last_person = actor
        else:
            state.last_group = actor
    return actor


def _memory(published: dt.date | None) -> DocActors:
    return DocActors(on=published)


def _resolve(span: Any, state: _DocState) -> Actor | None:
    """Resolve a span once per document (sources, targets and tails share spans)."""
    key = (span.start, span.end, state.on)
    if key not in state.spans:
        state.spans[key] = _resolve_uncached(span, state)
    return state.spans[key]


def _resolve_uncached(span: Any, state: _DocState) -> Actor | None:
    """The article's actor memory resolves (short names, titles, pronoun-free); the coder
    applies place and article context itself, so the memory's own context is cleared."""
    memory = state.memory
    memory.context_country = None
    memory.on = state.on
    actor = memory.resolve_span(span)
    if actor is None and span.text.isupper():
        actor = memory.resolve(span.text)  # "US" is no pronoun
    return actor


def _location(sent: Any) -> Location | None:
    return find_location(sent)


__all__ = ["code_doc", "code_sentence", "np_span"]

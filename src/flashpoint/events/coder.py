"""The CAMEO event coder: parsed sentences in, ``Event`` records out.

``code_doc`` walks every sentence of a parsed article once. ``salience`` finds the coded
predicates of a sentence, main event first; this module gives each its source and target
(through ``mentions``, which resolves and remembers actors per article), its date from the
sentence's date phrase, its location from ``flashpoint.actors.places``, its evidence and
attribution, and drops non-political happenings (``happenings``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from ..actors import not_an_actor, resolve_span
from ..actors.codes import is_org
from ..actors.home import at_home, victims
from ..actors.places import find_location, whole_place
from ..errors import ConfigError
from ..nlp import children_of, conjuncts_of, entity_at, ents_within, forget_token_caches
from ..records import Actor, Event, Location, Span
from . import tables
from .anchored import continued, relative_date, sentence_anchor
from .armed_names import armed_name
from .dates import EventDate, date_phrases, event_date
from .domestic import own_people
from .found import Found
from .grammar import (
    CONFLICT_ROOTS,
    DEPLOYED_SECTORS,
    EXCHANGE_VERBS,
    FAMILY_ROOTS,
    FORCE_ROOTS,
    LOCATIVE_PREPS,
    OWN_FORCE_ROOTS,
    PARTITIVE_HEADS,
    PLACE_IS_TARGET,
    PRONOUNS_GROUP,
    PRONOUNS_PERSON,
    REFERENCE_DETERMINERS,
    REMARK_VERBS,
    SYMMETRIC_ROOTS,
    TAKEN_FROM,
    THIRD_PARTY,
    VENUE,
    VENUE_PREPS,
    VISIT,
    coerced_at_home,
    unarmed_doer,
    victimizes,
)
from .happenings import non_political
from .measures import measure_target
from .mentions import (
    DocState,
    actor_of,
    countryless,
    named_actor,
    new_memory,
    np_span,
    np_text,
    place_in_country,
    remember_subjects,
    span_actor,
)
from .orders import addressee, commands
from .parties import (
    CIVILIANS,
    answers_the_move,
    counted_people,
    doer_before,
    implied_doer,
    names_an_act,
    places_of,
    reacts_to_the_act_before,
    threatener,
    toll_of_same,
)
from .patterns import lemma, noun_code, purpose_clause, verb_code
from .predicates import noun_event, pair_of
from .reasons import answered_target
from .reciprocal import reciprocal_object
from .restatements import COUNTED, date_restatements
from .salience import sentence_events
from .sides import adjective_side, aimed_elsewhere, comma_side
from .syntax import agent_of, has_own_subject
from .verbal import by_doer

Token = Any


def code_doc(
    doc: Any, *, published: dt.date | None = None, context_country: str | None = None
) -> list[Event]:
    """Events of every sentence of a parsed ``Doc``, sentence order, main event first per sentence."""
    state = DocState(
        published=published, context_country=context_country, memory=new_memory(published)
    )
    events: list[Event] = []
    try:
        for sent in doc.sents:
            coded = _code_sentence(sent, state)
            # "Rebels met no resistance ...": still who a later "they" may be; where the sentence
            # coded events, a named person who said them ("President Irfaan Ali said that
            # Venezuela had moved troops") is still who a later "Ali" is
            remember_subjects(sent, state, persons_only=bool(coded))
            events.extend(coded)
    finally:
        forget_token_caches(doc)
    return date_restatements(events)


def code_sentence(
    sent: Any, *, published: dt.date | None = None, context_country: str | None = None
) -> list[Event]:
    """Events of one parsed sentence (a spaCy ``Span``), main event first."""
    state = DocState(
        published=published, context_country=context_country, memory=new_memory(published)
    )
    return _code_sentence(sent, state)


def _code_sentence(sent: Any, state: DocState) -> list[Event]:
    founds = sentence_events(sent)
    phrases = date_phrases(sent)
    anchor = state.anchor
    told = state.told if not phrases and _same_scene(sent, state.told_end) else None
    state.anchor = sentence_anchor(phrases, state.published, anchor)
    state.told = state.anchor if state.anchor is not anchor else None
    state.told_end = sent.start_char + len(_doc_text(sent.doc)[sent.start_char : sent.end_char].rstrip())
    if not founds:
        return []
    evidence = _evidence(sent)
    text = evidence.text
    location = _location(sent)
    place_country = location.country if location is not None else None
    state.places.update(_countries_named(sent))  # the article's country when no doer names one
    according = _according_to(sent) if "ccording to" in text else None
    events: list[Event] = []
    seen: set[tuple[str, int]] = set()
    emitted: set[tuple[int, str]] = set()
    for i, f in enumerate(founds):
        key = (f.code, f.trigger.i)
        if key in seen:
            continue
        seen.add(key)
        # "the two leaders met in Washington" are not American: a venue gives no actor a country
        state.place_country = None if f.code[:3] in VENUE else place_country
        state.victims = victimizes(f.code)
        event = _to_event(f, sent, state, evidence, location, according, phrases, anchor, told)
        if (
            event is not None
            and (i > 0 or _remarked(f.trigger))
            and (i > 0 and _partyless(event) or _known_act(f, event, emitted, state))
        ):
            # a secondary act with no party is background, not a report (_partyless); one told
            # before, named again with no party, is no new act, nor the subject of a remark
            continue
        if event is not None and _purpose_of_same(f, event, emitted):
            continue
        if event is not None and toll_of_same(f, event, events):
            continue
        if event is not None:
            events.append(event)
            emitted.add((f.trigger.i, event.cameo))
            state.force_told = state.force_told or event.cameo[:2] in FORCE_ROOTS
            state.last_doer = event.source or state.last_doer
    return events


def _same_scene(sent: Any, told_end: int) -> bool:
    """Does ``sent`` follow the previous sentence within one paragraph (no blank line between)?"""
    if told_end < 0:
        return False
    return "\n\n" not in _doc_text(sent.doc)[told_end : sent.start_char]


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


def _trigger_text(f: Found) -> str:
    return _phrase(f.trigger)


def _phrase(tok: Token) -> str:
    """Trigger words: the predicate with its particle ("step up", "call off")."""
    parts = [tok]
    for c in children_of(tok):
        if c.dep_ == "prt":
            parts.append(c)
    parts.sort(key=lambda t: t.i)
    return " ".join(t.text for t in parts)


def _to_event(
    f: Found,
    sent: Any,
    state: DocState,
    evidence: Span,
    location: Location | None,
    according: str | None,
    phrases: list[tuple[Any, str]],
    anchor: EventDate | None,
    told: EventDate | None,
) -> Event | None:
    try:
        meta = tables.info(f.code)
    except ConfigError:  # an unknown code from a bad table row must not lose a whole article
        return None
    when = relative_date(f.trigger, phrases, state.published, anchor) or event_date(
        sent, f.trigger, state.published, future=f.future, phrases=phrases
    )
    if (
        when.date is None
        and told is not None
        and not f.future
        and f.modality in COUNTED
        and meta.quad_class in MATERIAL_QUADS
    ):
        when = continued(f.trigger, told) or when  # "... on Tuesday. Police fired tear gas."
    adjunct = when.date is not None and any(
        text == when.text and _adjunct_of(root, f.trigger) for root, text in phrases
    )  # a date of another clause ("since X split with Y in 1961") dates no actor
    state.on = _actor_date(when.date if adjunct else None, state.published)
    source_tok = f.source
    if (
        source_tok is not None
        and f.speaker is not None
        and source_tok.lower_ in PRONOUNS_PERSON | PRONOUNS_GROUP
        and state.memory.may_name(source_tok, np_span(f.speaker))
    ):
        source_tok = f.speaker  # "Farc said it will release ...": the pronoun is the speaker
    by_act = None  # the doer an act named as the subject implies, in its own place
    if source_tok is not None and names_an_act(source_tok):
        # "Fighting in Darfur has forced millions from their homes": no doer named; "a march
        # in Accra to oppose the levy": the march's people, in the march's place
        act = replace(
            f, trigger=source_tok, code=noun_code(source_tok) or f.code, targets=places_of(source_tok)
        )  # "talks in Istanbul" imply no Turk: a venue (_acted_in)
        by_act, source_tok = implied_doer(act, _acted_in(act, state)), None
    source = actor_of(source_tok, state, role="source")
    if _act_as_doer(source, source_tok):
        # "Protests forced the closure of schools", "buildings damaged by bombing": an act named
        # as the doer, owned by no one the text names, is not an actor; its people may be implied
        act = replace(
            f, trigger=source_tok, code=noun_code(source_tok) or f.code, targets=places_of(source_tok)
        )
        by_act = by_act or implied_doer(act, _acted_in(act, state) or state.country())
        source, source_tok = None, None
    if source is None and by_act is None and _weapon(f.source):
        # "Russia fired a barrage of missiles ... The missiles struck a building": who fired them
        source = state.memory.doer_of(f.source)
    placeable = not countryless(source_tok)  # "Western governments": no country on purpose
    if (
        source is not None
        and placeable
        and not source.country
        and source.sector
        and f.speaker is not None
        and f.speaker is not source_tok
    ):
        speaker = actor_of(f.speaker, state, role="source")
        if speaker is not None and speaker.country:
            # "officials in Kabul said fighters will ...": the speaker's side. Who reports an act
            # is never its doer (ACLED's rule): "20 were killed, the health ministry said" keeps
            # no source.
            source = place_in_country(source, speaker.country)
    if (source is None or not source.code) and f.code[:2] in FAMILY_ROOTS["threaten"] and f.future:
        # a forecast ("the fighting would resume"), not "the macaque is threatened by hunting"
        source = threatener(f.speaker, state) or source
    if (source is None or not source.code) and f.code[:2] in FORCE_ROOTS:
        named = armed_name(source_tok)  # "the Three Brotherhood Alliance captured Lashio"
        if named is not None and state.place_country:  # where the event is, as "rebels" are
            named = place_in_country(named, state.place_country)
        source = named or source
    if source is not None and placeable and not source.country and source.sector:
        # where it acted ("protesters rallied in central Yerevan" are Armenian in an article
        # about Azerbaijan), else the article's main country
        country = _acted_in(f, state) or state.country()
        if country:
            source = place_in_country(source, country)
    implied = None
    if source is None and f.source is None:
        source = implied = implied_doer(f, _acted_in(f, state) or state.country())
    source = source or by_act
    target, target_tok = _target(f, source, state, location)
    if target is None or (source is not None and target.country and target.country == source.country):
        # "froze 5 billion Swiss francs of Russian assets": the goods' country
        target = measure_target(f.code, f.trigger, source, state) or target
    if implied is not None and source is implied and _implied_is_target(f, source, target):
        source = None  # "new sanctions against Russia": not Russia's own
    if (source is None or not source.code) and _deployed_forces(f, target, target_tok):
        # "1,500 Italian troops have been deployed": their state deployed them
        source, target, target_tok = target, None, None
    state.memory.learn_deed(f.trigger, source)
    if target is None and source is not None:  # "vowed to retaliate", "protested after X ..."
        target = answered_target(f, source, state)
    if target is None and source is not None and answers_the_move(f):
        target = _other_country(state.last_doer, source)  # "Manila called the move illegal"
    if f.code[:2] in FORCE_ROOTS and f.modality in COUNTED and not f.negated:
        state.memory.learn_attack(source, target)
    if victimizes(f.code):  # "20 were killed, Lebanon's health ministry said": LBNCVL
        reporter = actor_of(f.speaker, state, role="source") if f.speaker is not None else None
        if reporter is None and according:
            reporter = state.memory.resolve(according)
        target = victims(target, source, reporter, state.country())
        _learn_victim(target, target_tok, state)
    if target is None:  # "Yoon declared martial law": on his own country
        target = own_people(f.code, source, _trigger_text(f))
    if source is not None and unarmed_doer(f.code, lemma(f.trigger), source.sector):
        return None  # "students who organised online" show no force, passengers boarding a ship take none
    if source is not None:  # "a judge opened investigations against Chilean officials": CHLJUD
        source = at_home(source, target)
    if target is not None and coerced_at_home(f.code):  # "police dispersed them"
        target = at_home(target, source)
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
    exchanged = f.trigger.lemma_.lower() in EXCHANGE_VERBS  # "X and Y traded accusations"
    if f.source is not None and (f.code[:2] in SYMMETRIC_ROOTS or exchanged) and f.code[:3] not in VISIT:
        # "X and Y agreed", "the leaders of X and Y met (in Washington)": the second conjunct is
        # the counterpart, before any place (of an act two sides do together; "X and Y called on
        # both sides" has none)
        heads = [f.source] + [
            g
            for c in children_of(f.source)
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in children_of(c)
            if g.dep_ == "pobj"
        ] + [c for c in children_of(f.source) if c.dep_ == "appos"]  # "President X and President Y"
        conj = next((c for h in heads for c in conjuncts_of(h) if c.i > h.i), None)
        conj = conj if conj is not None else comma_side(f.source)  # "Ethiopia, Somalia agree"
        # "Russian and Ukrainian delegations met": the second adjective's side
        second = adjective_side(f.source) if conj is None else None
        side = span_actor(second, state) if second is not None else None
        if side is not None and (not side.country or source is None or side.country == source.country):
            side = None
        if (conj is not None or side is not None) and (
            _acted_on(f) or f.code[:3] in THIRD_PARTY or aimed_elsewhere(f.trigger, f.code)
        ):
            pass  # "soldiers and allied militiamen killed him", "X and Y offered to mediate": two doers
        elif conj is not None or side is not None:
            target = side or actor_of(conj, state, role="target") or target
            state.memory.learn_pair(source, target)  # "X and Y agreed": the two sides
        elif target is None:  # "the two sides would meet again": the other side
            # ("Baku says it will sign": the side the article paired Azerbaijan with)
            target = state.memory.other_side(f.source.i) or state.memory.counterpart(source)
    if source is not None and reciprocal_object(f.trigger, f.source) is not None:
        # "X and Y accused each other", "each side accused the other": the other side
        conj = next((c for c in conjuncts_of(f.source) if c.i > f.source.i), None)
        second = adjective_side(f.source) if conj is None else None  # "Indian and Pakistani troops"
        if conj is not None or second is not None:
            other = actor_of(conj, state, role="target") if conj is not None else span_actor(second, state)
        else:
            other = state.memory.other_side(f.source.i)
        if other is not None:
            target = other
            state.memory.learn_pair(source, target)
    if source is not None and target is not None and pair_of(f.trigger, f.code) is not None:
        state.memory.learn_pair(source, target)  # "talks between X and Y": the two sides
    other = state.memory.other_side(target_tok.i) if source is None and target_tok is not None else None
    if other is not None and f.code[:3] not in THIRD_PARTY:
        source, target = target, other  # "talks between the two sides": one side, then the other
    if (
        target is not None
        and source is not None
        and f.code[:2] in OWN_FORCE_ROOTS
        and target.country
        and target.country == source.country
    ):
        # "reinforced its military presence": its own forces are no target; a foreign place
        # where they are is ("strengthened its forces in Lebanon")
        target = None
        if location is not None and location.country and location.country != source.country:
            target = Actor(text=location.text, code=location.country, country=location.country)
    if source is not None and target is not None and source.code == target.code and (
        source.country or (target_tok is not None and target_tok.pos_ == "PRON")
    ):
        target = None  # "police arrested the men before questioning THEM": not the police
    attribution = f.attribution_text or (np_text(f.speaker) if f.speaker is not None else None)
    if attribution is None:
        attribution = according
    code, modality, trigger = by_doer(f.code, f.trigger, source, f.source), f.modality, _trigger_text(f)
    if code != f.code:  # "Opposition leaders attacked the government": criticism
        meta = tables.info(code)
    if f.order is not None:  # "the court ordered Venezuela to refrain": a demand of Venezuela
        ordered_tok = addressee(f.order)
        ordered = actor_of(ordered_tok, state, role="target") if ordered_tok is not None else None
        # a bare "troops" is the orderer's own, whatever country the article gives a bare role
        named = named_actor(ordered_tok, state) if ordered_tok is not None else None
        if named is not None and named.country is None and not is_org(named):
            named_ordered = named
        else:
            named_ordered = ordered
        if not commands(source, named_ordered, ordered_tok):
            code, target, modality = tables.compose("demand", f.code), ordered, "asserted"
            trigger, meta = _phrase(f.order), tables.info(tables.compose("demand", f.code))
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
        modality=modality,  # type: ignore[arg-type]
        trigger=trigger,
    )


_PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "dative", "conj"})
_NUMBERS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


def _target(
    f: Found, source: Actor | None, state: DocState, location: Location | None
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
    (``place_is_target``) targets the country where it happened. What is taken is no party: the
    one it is taken from is (``taken_from``: "recaptured the town from the RSF")."""
    fallback = None
    fallback_tok = None
    queue = list(f.targets)
    taken: set[int] = set()  # whom a place was taken from: a party, even a compatriot
    if f.code[:3] in TAKEN_FROM:
        losers = [t for t in queue if t.head.dep_ == "prep" and t.head.lower_ == "from"]
        losers += [t for t in _taken_from_object(queue) if t not in losers]
        queue = losers + [t for t in queue if t not in losers]
        taken = {t.i for t in losers}
    if reacts_to_the_act_before(f):
        doer = doer_before(f.trigger.head)  # "..., a move Belgrade has never recognised"
        if doer is not None:
            queue.insert(0, doer)
    opened: set[int] = set()
    while queue:
        cand = queue.pop(0)
        if counted_people(f, cand):  # "gunmen killed 26", "forced millions from their homes"
            return Actor(text=_phrase(cand), code=CIVILIANS, sector=CIVILIANS), cand
        if cand.ent_type_ in _NUMBERS and not any(c.lower_ == "of" for c in children_of(cand)):
            continue
        counts = cand.pos_ == "NUM" or lemma(cand) in PARTITIVE_HEADS  # "a round of talks"
        if counts and cand.i not in opened:  # "shot down 45 OF THE 60 DRONES launched by"
            opened.add(cand.i)
            queue[0:0] = [g for c in children_of(cand) if c.lower_ == "of" for g in children_of(c)]
        if f.code[:2] in OWN_FORCE_ROOTS and _own_forces(cand):
            # "Israel moves troops into the buffer zone": its own; a place after them is the
            # target, else they stand as the source's own (which a foreign location replaces)
            if fallback_tok is None:
                fallback, fallback_tok = source, cand
            continue
        if cand.pos_ == "NOUN" and cand.i not in opened and noun_code(cand):
            # an event noun names its parties: "the removal of X", "restrictions on French
            # arms sales TO MALI" (each party in turn, the owner first)
            opened.add(cand.i)
            deed = noun_event(cand, noun_code(cand) or "")
            parties = ([deed.source] if deed.source is not None else []) + list(deed.targets)
            if not parties:  # "condemned the strikes": who struck, if the article said so
                doer = state.memory.doer_of(cand)
                if doer is not None and (source is None or doer.code != source.code):
                    return doer, cand
                continue
            queue[0:0] = parties
            continue
        if f.source is not None and cand.i == f.source.i:
            continue
        place = _is_place(cand)
        if f.code[:3] in VENUE and (place or _at_venue(cand)):
            continue  # "met in Washington", "met at the Foreign Ministry": where, not with whom
        target = actor_of(cand, state, role="target")
        if (target is None or not target.code) and cand.pos_ == "NOUN":
            owner = _owner(cand)
            if owner is not None and (f.source is None or owner.i != f.source.i):
                target = actor_of(owner, state, role="target")
            elif owner is None:  # "condemned the launch": who launched
                target = state.memory.doer_of(cand) or target
        if target is not None and target.country and place:
            target = Actor(text=target.text, code=target.country, country=target.country)
        possessor = _pronoun_owner(cand, source, state)
        if possessor is not None and possessor.country and (target is None or not target.country):
            # "Sweden said protesters had stormed ITS embassy": Sweden's, not the protesters'
            target = place_in_country(target, possessor.country) if target is not None else possessor
        own = source is not None and cand.i not in taken and (
            (possessor is None and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in children_of(cand)))
            or (target is not None and target.code == source.code)
            or (target is not None and bool(source.country) and target.country == source.country)
        )
        if target is not None and target.code and not own:
            return target, cand
        weaker = fallback is None or (source is not None and fallback.code == source.code)
        coded = target is not None and bool(target.code)
        if (fallback_tok is None or (target is not None and weaker)) and (coded or not place):
            fallback, fallback_tok = target, cand  # a compatriot before the source; "in the Red Sea": none
    if (
        (fallback is None or not fallback.code)
        and location is not None
        and location.country
        and f.code[:2] in PLACE_IS_TARGET
    ):
        c = location.country
        return Actor(text=location.text, code=c, country=c), None
    return fallback, fallback_tok


def _learn_victim(target: Actor | None, tok: Token | None, state: DocState) -> None:
    """A named person force was done to is remembered as its victim: "Local journalist Samuel
    Okafor was shot ... He died of his wounds" (``DocActors.learn_victim``)."""
    if target is None or tok is None:
        return
    name = entity_at(tok.doc, tok.i)
    if name is None or name.label_ != "PERSON":
        span = np_span(tok)
        name = next((e for e in ents_within(tok.doc, span.start, span.end) if e.label_ == "PERSON"), None)
    if name is not None:
        state.memory.learn_victim(target, tok.i, name.text)


def _acted_on(f: Found) -> bool:
    """Does a symmetric act (fighting, agreeing, meeting) have a direct object that is its
    patient? Then its conjoined doers did it together to that patient ("soldiers and allied
    militiamen KILLED HIM", "Britain and France urged IRAN to"), not to each other as in "X and Y
    clashed" or "X and Y signed an agreement", or "both X and Y violated the ceasefire": only
    when the object names someone (a pronoun or an actor the tables know), and never for an
    exchange, whose patients pass between the two ("X and Y swapped prisoners":
    ``exchange_verbs``)."""
    if f.trigger.lemma_.lower() in EXCHANGE_VERBS:
        return False
    objects = [c for c in children_of(f.trigger) if c.dep_ in ("dobj", "obj")]
    return any(
        o.lower_ in PRONOUNS_PERSON | PRONOUNS_GROUP or resolve_span(np_span(o)) is not None
        for o in objects
    )


def _own_forces(tok: Token) -> bool:
    """Is the direct object of a show of force (15x) a bare force of no country named ("moves
    TROOPS into", "deployed SOLDIERS to")? They are the doer's own, never its target, whatever
    force of another country the article named before (read from the tables alone, not the
    article memory, which would recall that other force)."""
    if tok.dep_ not in ("dobj", "obj"):
        return False
    actor = resolve_span(np_span(tok))
    return (
        actor is not None
        and not actor.country
        and not is_org(actor)
        and (actor.sector or "") in DEPLOYED_SECTORS
    )


def _purpose_of_same(f: Found, event: Event, emitted: set[tuple[int, str]]) -> bool:
    """Is this act the purpose of an act already emitted? An infinitive of purpose in words or
    cooperation says what the act was for, not a second act ("sent troops to back up the
    gendarmes", "will meet officials to discuss it"); one of protest or force is how it was done
    ("ignored a curfew to march on the parliament"); an open complement of the same code is the same act
    ("riot police fired rubber bullets to scatter the crowd": one 175), unless its clause has a doer of its own ("struck
    the port hours after WARPLANES bombed the capital": two acts). ``emitted``: (trigger index,
    code) pairs."""
    head = f.trigger.head.i
    if (
        purpose_clause(f.trigger)
        and event.cameo[:2] not in CONFLICT_ROOTS
        and any(i == head for i, _ in emitted)
    ):
        return True  # an aim in words or cooperation; "defied a ban to take to the streets" is done
    return (
        f.trigger.dep_ in ("advcl", "xcomp")
        and (head, event.cameo) in emitted
        and not has_own_subject(f.trigger)
    )


# a scene's narrative goes on in deeds; words ("said", "urged") are mostly reported as current
MATERIAL_QUADS = frozenset({2, 4})
PEACEKEEPING_AID = "074"  # troops sent for peacekeeping (predicates._peacekeeping)


def _deployed_forces(f: Found, target: Actor | None, target_tok: Token | None) -> bool:
    """Are the target the passive subject of a deployment or show of force with no agent, and
    armed forces of a country? Then their own state is the doer (OWN_FORCE_ROOTS, peacekeeping
    074), not the place's or the article's."""
    return (
        (f.code[:2] in OWN_FORCE_ROOTS or f.code == PEACEKEEPING_AID)
        and target is not None
        and bool(target.country)
        and (target.sector or "") in DEPLOYED_SECTORS
        and target_tok is not None
        and target_tok.dep_ == "nsubjpass"
    )


def _partyless(event: Event) -> bool:
    """Words or cooperation (01-13) that name no party at all. An event is an actor doing
    something to another actor (PETRARCH, NGEC); a secondary predicate with neither a source nor
    a target ("... once the truce ends", "the pact must still go before parliament", "the
    second release of the truce") mentions an act in passing and is not emitted. The main
    predicate is what the sentence reports and stays, with its parties null when none is named
    ("declining to sit on the pact's joint commission"). Force (14-20) happened even when no party is
    named ("a roadside bomb went off outside Gao"): ACLED codes it with an
    unidentified actor, and so it is kept; so is a negated act ("the talks produced no
    agreement"): that it did not happen is what the sentence reports."""
    return (
        event.source is None
        and event.target is None
        and not event.negated
        and event.cameo[:2] not in CONFLICT_ROOTS
    )


def _known_act(
    f: Found, event: Event, emitted: set[tuple[int, str]], state: DocState
) -> bool:
    """A secondary act of force named by a noun, with no party at all, that points back to an act
    already told: a definite one after the article coded an act of force ("THE attack came a week
    after militants ambushed a convoy", "after THE invasion", "SUCH attacks are rare":
    ``reference_determiners``; with nothing told before, "noted that the attacks on its members'
    property had an impact" is the report), or the doer of an act the sentence coded ("Fighting between the two sides has KILLED thousands": the killing is
    the report). It is that act mentioned again, not a second one; an indefinite act with no
    party ("a roadside bomb went off outside Gao") stays, as ``_partyless`` says.
    The doer of a coded act of force is that act even when it names a place or victims, if it
    names no doer ("SHELLING killed 19 people at a market in El Fasher": one act, the killing)."""
    noun = f.trigger
    if event.negated or event.cameo[:2] not in FORCE_ROOTS:
        return False
    if (
        event.source is None
        and noun.dep_ in ("nsubj", "csubj")
        and any(i == noun.head.i and code[:2] in FORCE_ROOTS for i, code in emitted)
    ):
        # "Shelling killed 19 people at a market in El Fasher": the shelling is the killing
        # told, whatever place it names ("fighting BETWEEN the army and the rebels killed
        # hundreds" names its two sides, an act of its own)
        return True
    if noun.dep_ in ("nsubj", "csubj") and any(i == noun.head.i for i, _ in emitted):
        return event.source is None and event.target is None  # "Fighting ... has killed thousands"
    placed_only = event.source is None and not f.targets and _remarked(noun)
    if (event.source is not None or event.target is not None) and not placed_only:
        return False  # a remark's act targeted only by the sentence's place names no party
    if noun.pos_ != "NOUN" or not state.force_told:
        return False
    return any(
        (c.dep_ in ("det", "predet") and c.lower_ in REFERENCE_DETERMINERS)
        or (c.dep_ == "amod" and c.lower_ == "such")
        for c in children_of(noun)
    )


def _taken_from_object(queue: list[Any]) -> list[Any]:
    """The one a place was taken from, when the parser hung "from" on the place itself: "took
    control of a town FROM THE MILITARY", "seized the base from the rebels" (``taken_from``)."""
    out = []
    for cand in queue:  # the object, or what it is control of ("control OF a town")
        held = [cand] + [g for p in children_of(cand) if p.lower_ == "of" for g in children_of(p)]
        for place in held:
            for prep in children_of(place):
                if prep.dep_ == "prep" and prep.lower_ == "from":
                    out.extend(g for g in children_of(prep) if g.dep_ == "pobj")
    return out


def _implied_is_target(f: Found, source: Actor, target: Actor | None) -> bool:
    """Is the doer implied for an act between states (16x: sanctions, embargoes, expulsions)
    the target's own state? One state does it to another: "new sanctions against Russia took
    effect" names no doer, never Russia (a curfew or a crackdown, 17x, is a state's own)."""
    return f.code[:2] == "16" and target is not None and target.country == source.country


def _other_country(actor: Actor | None, source: Actor) -> Actor | None:
    """``actor`` when it is of another country than ``source`` (one answers another's act)."""
    if actor is None or not actor.country or actor.country == source.country:
        return None
    return actor


def _remarked(noun: Any) -> bool:
    """Is the act the subject of a remark about it ("THE ATTACK was the deadliest since 2022",
    "the strikes caused a fire": ``remark_verbs``)? Then, named again with no party, it is the
    act told before even as the sentence's main act (``_known_act``)."""
    return noun.dep_ == "nsubj" and noun.head.lemma_.lower() in REMARK_VERBS


def _countries_named(sent: Any) -> list[str]:
    """The countries of the places a sentence names ("Haiti's largest prison", "in Deir ez-Zor,
    Syria"): GPE names that resolve to a country alone and are not themselves a party (a
    subject or object: "Iran trained hackers" names an actor, not where hackers are from). A
    nationality ("Ethiopian Christians") is whose people were hit, not where the story is."""
    out = []
    for ent in ents_within(sent.doc, sent.start, sent.end):
        if ent.label_ != "GPE" or ent.root.dep_ in _PARTY_DEPS:
            continue
        actor = resolve_span(whole_place(ent))
        if actor is not None and actor.country and actor.code == actor.country:
            out.append(actor.country)
    return out


def _weapon(tok: Token | None) -> bool:
    """Is the doer a weapon with no owner ("THE MISSILES struck")? Then it names no actor, but
    a definite one may be the weapons the article said someone fired (``doer_of``)."""
    if tok is None or tok.pos_ != "NOUN":
        return False
    return (not_an_actor(np_span(tok)) or "").startswith("weapon:")


def _act_as_doer(source: Actor | None, tok: Token | None) -> bool:
    """Is the doer an event noun that resolved to no actor ("PROTESTS forced the closure",
    "damaged by BOMBING", "CLASHES left dozens injured")? An act is nobody: the mention would
    otherwise stand as a source with no code. An act with an owner ("US drone attacks") has
    resolved to that owner and is kept."""
    return (
        source is not None
        and not source.code
        and tok is not None
        and tok.pos_ == "NOUN"
        and noun_code(tok) is not None
    )


def _political(actor: Actor | None, tok: Token | None) -> bool:
    """Is a target a political actor (a sector, an organisation, a named country, people or
    person), not a thing or a place that only lies in a country ("refineries in Iran", "the
    Houston Ship Channel": a name that gives no more than a country)?"""
    if actor is None or not actor.code or tok is None:
        return False
    return bool(actor.sector) or is_org(actor) or tok.ent_type_ in ("GPE", "NORP", "PERSON")


def _pronoun_owner(noun: Token, source: Actor | None, state: DocState) -> Actor | None:
    """The actor a possessive pronoun on a target names when it is not the doer: "protesters
    stormed ITS embassy" after "Sweden said" is Sweden's embassy. ``None`` when the noun has no
    possessive pronoun or it names the doer or the doer's country (their own, as before)."""
    pron = next((c for c in children_of(noun) if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    if pron is None or source is None:
        return None
    owner = actor_of(pron, state, role="target")
    if owner is None or not owner.code or owner.code == source.code:
        return None
    if owner.country and owner.country == source.country:
        return None
    return owner


def _owner(noun: Token) -> Token | None:
    """Who a thing or a deed belongs to: "Serbia's suppression", "crimes committed by X"; never
    the third party that brokered or hosted it ("the ceasefire brokered by Qatar was violated":
    Qatar is no party to it, ``third_party``)."""
    owner = noun_event(noun, "").source
    for a in children_of(noun) if owner is None else ():
        if a.dep_ == "acl" and a.tag_ == "VBN" and not _third_party_act(a):
            owner = agent_of(a)
    return owner


def _third_party_act(verb: Token) -> bool:
    """Is the verb an act done between two others (mediate, broker, host: ``third_party``)?"""
    found = verb_code(verb)
    return found is not None and found[0][:3] in THIRD_PARTY


def _acted_in(f: Found, state: DocState) -> str | None:
    """The country of the place the doer acted in ("rallied in central Yerevan"), when a
    locative target candidate names one; ``None`` when none does, and for meetings ("the two
    delegations will meet in Geneva" are not Swiss: ``VENUE``)."""
    if f.code[:3] in VENUE:
        return None
    for cand in f.targets:
        if _is_place(cand):
            actor = actor_of(cand, state, role="target")
            if actor is not None and actor.country:
                return actor.country
    return None


def _at_venue(tok: Token) -> bool:
    """ "at the Foreign Ministry": the building a meeting was held in (for ``VENUE`` roots)."""
    return tok.dep_ == "pobj" and tok.head.lower_ in VENUE_PREPS


def _is_place(tok: Token) -> bool:
    """ "in Algiers": a place where something happens, not the government of it."""
    return (
        (tok.ent_type_ in ("GPE", "LOC") or tok.pos_ == "PROPN")
        and tok.dep_ == "pobj"
        and tok.head.lower_ in LOCATIVE_PREPS
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


def _according_to(sent: Any) -> str | None:
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
            for c in tok.nbor().children:
                if c.dep_ == "pobj":
                    return np_text(c)
    return None


def _location(sent: Any) -> Location | None:
    return find_location(sent)


__all__ = ["code_doc", "code_sentence", "np_span"]

"""The parties of an act where the text leaves them implicit.

The coder (``coder``) asks here when the parse names no doer or no counterpart: an event noun
implies its doer ("the protests began": civilians; "a crackdown": the state), a side that
forecasts force is threatening ("the fighting would resume", said a defence minister), a
reaction to "a move" targets the doer of the act told before it, and a toll "killed in the
fighting" counts the victims of an act the sentence already coded. The word lists are data
(``data/grammar.json``: ``implied_doers``, ``force_bearing_sectors``, ``act_reference_nouns``,
``count_words``).
"""

from __future__ import annotations

from typing import Any

from ..actors import resolve_span
from ..actors.codes import make
from ..nlp import children_of, sentence_of
from ..records import Actor, Event
from .found import Found
from .grammar import (
    ACT_REFERENCE,
    AIM_PREPS,
    COUNT_WORDS,
    DOCUMENT_NOUNS,
    FORCE_BEARING,
    FORCE_ROOTS,
    IMPLIED_DOERS,
    LOCATIVE_PREPS,
    PLACE_IS_TARGET,
    REACTION_ROOTS,
    REFERENCE_DETERMINERS,
)
from .mentions import DocState, actor_of, np_text
from .patterns import noun_code
from .syntax import subject_of

Token = Any


def reacts_to_the_act_before(f: Found) -> bool:
    """Is this act a relative clause on "a move"/"a step" that names the act told just before
    ("..., a MOVE most countries condemned", ``act_reference_nouns``), with no object of its
    own, or a reaction whose object is a "which" after a comma that can only be that act
    ("fired two missiles on Sunday, WHICH Japan condemned": ``_sentential_which``)? Then it
    reacts to that act's doer."""
    if f.trigger.dep_ != "relcl":
        return False
    noun = f.trigger.head
    if _sentential_which(f, noun):
        return True
    return (
        noun.lemma_.lower() in ACT_REFERENCE
        and not any(c.dep_ == "poss" for c in children_of(noun))
        and not any(c.dep_ in ("dobj", "obj") for c in children_of(f.trigger))
    )


def _sentential_which(f: Found, noun: Token) -> bool:
    """A reaction (``reaction`` roots: praise, criticism, rejection) whose object is "which"
    set off by a comma, hung on a noun that is no act and no document: spaCy attaches the
    clause to the nearest noun ("on Sunday, which Japan condemned", "an attack on Kyiv, which
    Poland denounced"), but one condemns an act, not a day or a city. "the resolution, which
    Russia vetoed" reacts to the resolution."""
    if f.code[:2] not in REACTION_ROOTS or noun_code(noun) or noun.lemma_.lower() in DOCUMENT_NOUNS:
        return False
    which = next((c for c in children_of(f.trigger) if c.dep_ in ("dobj", "obj") and c.lower_ == "which"), None)
    return which is not None and which.i > 0 and which.doc[which.i - 1].text == ","


def answers_the_move(f: Found) -> bool:
    """Does this act answer an act told in an earlier sentence, named only as "the move", "this
    step", "the decision" (``act_reference_nouns``, ``reference_determiners``), its object with
    nothing of its own but what it is called ("Manila called THE MOVE illegal", "Seoul
    condemned the step as hostile")? Then
    its target is that act's doer (``DocState.last_doer``). "the decision to close the border"
    or "Israel's move" say whose act it is themselves."""
    return any(
        c.dep_ in ("dobj", "obj")
        and c.lemma_.lower() in ACT_REFERENCE
        and any(d.dep_ == "det" and d.lower_ in REFERENCE_DETERMINERS for d in children_of(c))
        and all(d.dep_ in ("det", "amod") or d.lower_ == "as" for d in children_of(c))
        for c in children_of(f.trigger)
    )


def doer_before(noun: Token) -> Token | None:
    """The subject of the nearest clause before ``noun`` ("Russia annexed Crimea in 2014, a
    move ...": Russia; "Kosovo, which declared independence, a move ...": Kosovo)."""
    for i in range(noun.i - 1, sentence_of(noun).start - 1, -1):
        verb = noun.doc[i]
        if verb.pos_ in ("VERB", "AUX"):
            subject, passive = subject_of(verb)
            if subject is not None and not passive:
                return subject
    return None


def toll_of_same(f: Found, event: Event, earlier: list[Event]) -> bool:
    """Is this a toll of an act of force the sentence already coded ("Taliban forces attacked
    army posts, the military said, adding that 23 soldiers had been killed IN THE FIGHTING")?
    Killing or wounding with no doer, placed "in" a definite event noun, counts the victims of
    that act; it is no second act. A toll of its own ("27 people were killed, the ombudsman
    said") or one in another act ("killed by landmines") stays an event."""
    if event.source is not None or event.cameo[:2] not in FORCE_ROOTS:
        return False
    if not any(e.source is not None and e.cameo[:2] in FORCE_ROOTS for e in earlier):
        return False
    for prep in children_of(f.trigger):
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for noun in children_of(prep):
            if noun.dep_ == "pobj" and noun_code(noun) and _referring(noun):
                return True
    return False


def _referring(noun: Token) -> bool:
    """A definite noun ("the fighting", "its attack"): it names an act already told."""
    return any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
        for c in children_of(noun)
    )


def implied_doer(f: Found, country: str | None) -> Actor | None:
    """The doer an event noun implies when the text names none ("the protests began in July":
    civilians; "after a violent crackdown": the state), in the country where it happened, else
    the article's (``implied_doers``). Verbs name their doer or leave it unknown; a noun with an
    owner ("Russia's offensive") or of another kind ("the offensive") implies no one.
    ``country``: where the act happened, else the article's (the coder knows both)."""
    sector = IMPLIED_DOERS.get(f.code[:3], IMPLIED_DOERS.get(f.code[:2]))
    if not sector or f.trigger.pos_ != "NOUN":
        return None
    if any(c.dep_ == "poss" for c in children_of(f.trigger)):
        return None  # "their protests": the owner, resolved (or not) as the source
    return make(np_text(f.trigger), country, sector) if country else None


def threatener(speaker: Token | None, state: DocState) -> Actor | None:
    """Who threatens when force is forecast with no doer named ("Ukraine's army chief
    warned that the shelling would start again at full strength"): the speaker, when the speaker is a side
    that could carry it out (a state or its organs, an armed group: ``force_bearing_sectors``).
    A court, a reporter, an aid group or the UN forecasting fighting threatens no one."""
    if speaker is None:
        return None
    actor = actor_of(speaker, state, role="source")
    if actor is None or not actor.country or (actor.sector or "") not in FORCE_BEARING:
        return None
    return actor


CIVILIANS = "CVL"


def counted_people(f: Found, cand: Token) -> bool:
    """Is the object of an act done to people (``place_is_target``: killing, wounding,
    displacing, detaining) a bare count ("gunmen killed 26", "troops killed dozens", "forced
    millions from their homes")? Those counted are people; with no country of their own the
    victims rule places them. A count of anything named ("fired 200 shells") is no bare count."""
    return (
        f.code[:2] in PLACE_IS_TARGET
        and cand.dep_ in ("dobj", "obj")
        and cand.head.i == f.trigger.i
        and cand.ent_type_ in ("CARDINAL", "")
        and (cand.like_num or cand.lower_ in COUNT_WORDS)
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in children_of(cand))
    )


def names_an_act(tok: Token) -> bool:
    """Is the subject an act named only with its place or its aim ("FIGHTING in Darfur has
    forced millions", "CLASHES in the north killed 40", "a drone ATTACK on a market in Sumy
    killed nine")? Neither is its doer (``not_an_actor``'s rule for things): the place of an
    attack is its victims'. An act with an owner ("US drone attacks", "the deployment of NATO
    troops") names its doer, and a word that is also a role ("protesters") its people."""
    if tok.pos_ == "PROPN" or not noun_code(tok):
        return False
    if not any(c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS | AIM_PREPS for c in children_of(tok)):
        return False
    return resolve_span(tok.doc[tok.left_edge.i : tok.i + 1]) is None


def places_of(noun: Token) -> list[Token]:
    """The objects of a noun's locative prepositions ("a rally IN LAGOS")."""
    return [
        g
        for c in children_of(noun)
        if c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS
        for g in children_of(c)
        if g.dep_ == "pobj"
    ]


__all__ = [
    "CIVILIANS",
    "counted_people",
    "doer_before",
    "implied_doer",
    "names_an_act",
    "places_of",
    "reacts_to_the_act_before",
    "threatener",
    "toll_of_same",
]

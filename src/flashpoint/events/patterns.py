"""Which CAMEO code a word carries: the verb, noun and role tables applied to one token.

A verb's best pattern is chosen by what hangs on it (particle, objects: ``verb_code``), an event
noun's by its modifiers (``noun_code``), a wrapper's role by its lemma (``roles_of``). The tables
are ``data/verb_patterns.tsv``, ``noun_patterns.tsv`` and ``predicate_roles.tsv``.
"""

from __future__ import annotations

from typing import Any

from ..actors import resolve_span
from ..actors.codes import is_org
from ..nlp import children_of, conjuncts_of, per_token
from . import tables
from .grammar import (
    AIM_PREPS,
    CHARGE_NOUNS,
    CLASSIFIED_HEADS,
    COMPLEMENT,
    NEGATIVE_SUBJECTS,
    OBJ,
    OBJECT_IDIOMS,
    PARTICLES,
    PARTITIVE_HEADS,
    PASS_SUBJ,
    REFLEXIVES,
    SELF_DIRECTED,
    TIME_PREPS,
    TOPIC_HEADS,
    TRANSITIVE_ONLY,
)

Token = Any


def lemma(tok: Token) -> str:
    return tok.lemma_.lower()


@per_token
def preps_of(tok: Token) -> frozenset[str]:
    """Particles and prepositions hanging on a predicate ("call off", "call on"). A preposition
    of a time is none of them: "launched two missiles ON TUESDAY" is no launch on a target,
    "called ON MONDAY for talks" no call on anyone."""
    out = set()
    for c in children_of(tok):
        pobjs = [g for g in children_of(c) if g.dep_ == "pobj"] if c.dep_ == "prep" else []
        if pobjs and all(is_time(g) for g in pobjs):
            continue
        if (
            c.dep_ in ("prt", "prep", "agent", "dative")
            and c.pos_ in ("ADP", "PART", "ADV")
            or c.dep_ == "prt"
            or (c.dep_ == "advmod" and c.lower_ in PARTICLES)
        ):
            out.add(c.lower_)
    return frozenset(out)


def modifier_lemmas(tok: Token) -> set[str]:
    """A noun's lemma and form with those of its modifiers (what a verb row's objects match)."""
    out = {lemma(tok), tok.lower_}
    if lemma(tok) in TOPIC_HEADS:
        return out  # "using the GAS issue": what the issue is about is no thing used
    if lemma(tok) in PARTITIVE_HEADS:  # "froze part of its development assistance": the assistance
        for c in children_of(tok):
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in children_of(c):
                    if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"):
                        out |= modifier_lemmas(g)
    for c in children_of(tok):
        if c.dep_ in ("compound", "amod", "nmod", "npadvmod", "poss", "nummod") or (
            c.dep_ == "prep" and c.lower_ in ("of", "in", "against")  # "measures AGAINST X"
        ):
            out.add(lemma(c))
            out.add(c.lower_)
            if c.dep_ == "prep":
                for g in children_of(c):
                    if g.dep_ == "pobj":
                        out.add(lemma(g))
        elif c.dep_ == "prep":  # "set the building ON FIRE": the verb's idiom on its object
            out.update(
                lemma(g) for g in children_of(c) if g.dep_ == "pobj" and f"{c.lower_} {g.lower_}" in OBJECT_IDIOMS
            )
    if "-" in tok.text:
        out.update(p.lower() for p in tok.text.split("-"))
    return out


@per_token
def arg_tokens(tok: Token) -> tuple[Token, ...]:
    """Argument heads of a predicate: objects, prepositional objects, passive subject, complements."""
    out: list[Token] = []
    for c in children_of(tok):
        named = named_by(c) if c.dep_ in COMPLEMENT else None
        if named is not None:  # "halted what it called anti-terrorist MEASURES"
            out.append(named)
        elif (c.dep_ in OBJ and not _dative_preposition(c)) or c.dep_ in PASS_SUBJ or c.dep_ in COMPLEMENT:
            out.append(c)
            out.extend(x for x in conjuncts_of(c) if x.i > c.i)
            if c.pos_ == "PROPN":  # "seized the MSC Aries, a container SHIP": what the name is
                out.extend(a for a in children_of(c) if a.dep_ == "appos" and a.pos_ == "NOUN")
        elif c.dep_ in ("prep", "agent", "prt") or _dative_preposition(c):
            objs = [g for g in children_of(c) if g.dep_ in ("pobj", "pcomp")]
            if not objs and c.lower_ in PARTICLES:  # "pulled out OF the deal", "away FROM"
                objs = [
                    g
                    for p in children_of(c)
                    if p.dep_ == "prep" and p.i == c.i + 1
                    for g in children_of(p)
                    if g.dep_ in ("pobj", "pcomp")
                ]
            for g in objs:
                out.append(g)
                out.extend(x for x in conjuncts_of(g) if x.i > g.i)
    return tuple(out)


def _dative_preposition(tok: Token) -> bool:
    """ "sent tanks TO the border": spaCy labels a "to" of the recipient dative; its object is an
    argument as a preposition's is, the word "to" none."""
    return tok.dep_ == "dative" and tok.pos_ == "ADP"


def named_by(clause: Token) -> Token | None:
    """What a free relative of naming names: "what it called limited security MEASURES",
    "what officials described as an OPERATION" stand for that thing; the naming is the
    writer's or speaker's label (no act of its own); so does a reported free relative, "struck
    what it said WAS a command CENTRE", "what Iran said were militant BASES" (spaCy: the copula
    a complement of "said", "what" its subject). None when ``clause`` is no such clause."""
    what_above = any(c.dep_ in ("dobj", "obj") and c.lower_ == "what" for c in children_of(clause.head))
    for c in children_of(clause):
        if c.dep_ != "ccomp" or c.lemma_ != "be":
            continue
        subjects = [g for g in children_of(c) if g.dep_ in ("nsubj", "expl")]
        if any(g.lower_ == "what" for g in subjects) or (what_above and not subjects):
            return next((g for g in children_of(c) if g.dep_ == "attr"), None)
    if not any(c.dep_ in ("dobj", "obj") and c.lower_ == "what" for c in children_of(clause)):
        return None
    for c in children_of(clause):
        if c.dep_ == "oprd":
            return c
        if c.dep_ == "prep" and c.lower_ == "as":
            return next((g for g in children_of(c) if g.dep_ == "pobj"), None)
    return None


def purpose_clause(tok: Token) -> bool:
    """Is the verb an adverbial infinitive of purpose ("sent troops TO BACK UP the
    gendarmes", "will meet officials TO DISCUSS the handover")? It says what an act is for."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(tok))


def arg_lemmas(tok: Token) -> tuple[set[str], set[str]]:
    """Lemmas of the core arguments (objects, complements) and of prepositional objects; the
    object of a preposition of time is when, not what ("withdrew from the town AFTER THE
    AGREEMENT": ``time_preps``)."""
    core: set[str] = set()
    oblique: set[str] = set()
    for a in arg_tokens(tok):
        if a.dep_ in ("pobj", "pcomp") and a.head.dep_ == "prep" and a.head.lower_ in TIME_PREPS:
            continue
        (oblique if a.dep_ in ("pobj", "pcomp") else core).update(modifier_lemmas(a))
    for c in children_of(tok):
        if c.dep_ in ("prt", "acomp", "advmod"):
            core.add(lemma(c))
    gap = relative_object(tok)
    if gap is not None:  # "restrictions that Congress imposed": imposed restrictions
        core.update(modifier_lemmas(gap))
    return core, oblique


def relative_object(tok: Token) -> Token | None:
    """The noun a relative clause's verb takes as its object when the clause has a subject of
    its own and no object but the relative word ("restrictions THAT CONGRESS IMPOSED in 1992":
    restrictions)."""
    if tok.dep_ != "relcl" or tok.head.pos_ not in ("NOUN", "PROPN"):
        return None
    relative = ("who", "whom", "which", "that")
    kids = list(children_of(tok))
    if any(c.dep_ == "nsubjpass" for c in kids):
        return None
    if any(c.dep_ in ("dobj", "obj") and c.lower_ not in relative for c in kids):
        return None  # an object of its own: "the men who attacked THE EMBASSY"
    if not any(c.dep_ == "nsubj" and c.lower_ not in relative for c in kids):
        return None
    return tok.head


def verb_code(tok: Token) -> tuple[str, int] | None:
    """Best verb pattern for a predicate: (code, score) or None."""
    patterns = tables.verb_patterns().get(lemma(tok))
    if not patterns or no_event_sense(tok):
        return None
    preps = preps_of(tok) | _aim_of_object(tok)
    args: tuple[set[str], set[str]] | None = None
    best: tuple[int, int, int, str] | None = None
    for order, p in enumerate(patterns):
        score = 1
        if p.prep:
            if p.prep not in preps:
                continue
            score += 2
        if p.objects:
            if args is None:
                args = arg_lemmas(tok)
            core, oblique = args
            best_alt = 0
            for alt in p.objects:
                if alt & WILDCARDS:
                    best_alt = max(best_alt, _wildcard_fits(tok, alt))
                elif alt <= core:
                    best_alt = max(best_alt, 3 * len(alt))
                elif alt <= core | oblique and not (alt & p.core_only):
                    best_alt = max(best_alt, 2 * len(alt))
            if not best_alt:
                continue
            score += best_alt
        key = (score, len(p.code), -order, p.code)
        if best is None or key > best:
            best = key
    if best is None:
        return None
    return best[3], best[0]


def _aim_of_object(tok: Token) -> set[str]:
    """The aim the parser hung on the direct object instead of the verb ("launched [rockets
    AGAINST northern Israel]", "fired [shells AT the town]"): the verb's own aim preposition
    (``aim_preps``), as in "launched rockets at ..." parsed the other way."""
    return {
        c.lower_
        for o in children_of(tok)
        if o.dep_ in ("dobj", "obj")
        for c in children_of(o)
        if c.dep_ == "prep" and c.lower_ in AIM_PREPS
        and any(g.dep_ == "pobj" and not is_time(g) for g in children_of(c))
    }


WILDCARDS = frozenset({"*", "@", "@med"})


def no_event_sense(tok: Token) -> bool:
    """Is the verb used in a sense that is no event, by its direct object ("a drone captured
    footage", "stocks hit a record"; ``data/no_event_senses.tsv``)?"""
    if _self_directed(tok) or _gone_back(tok) or _nominal_participle(tok):
        return True
    objects = tables.no_event_senses().get(lemma(tok))
    if not objects:
        return False
    return any(
        c.dep_ in ("dobj", "obj", "attr") and (lemma(c) in objects or c.lower_ in objects)
        for c in children_of(tok)
    ) or any(  # "dismissed Defence MINISTER Oleksii Reznikov": a name read with its title
        c.dep_ in ("dobj", "obj") and c.pos_ == "PROPN" and g.dep_ == "compound"
        and g.lower_ in objects
        for c in children_of(tok)
        for g in children_of(c)
    ) or any(
        f"{lemma(m)}+{lemma(c)}" in objects  # "declared a HEALTH emergency": no martial law
        for c in children_of(tok)
        if c.dep_ in ("dobj", "obj", "attr")
        for m in children_of(c)
        if m.dep_ in ("amod", "compound")
    ) or any(
        f"{c.lower_} {lemma(g)}" in objects  # "signed the bill INTO LAW"
        for c in children_of(tok)
        if c.dep_ == "prep"
        for g in children_of(c)
        if g.dep_ == "pobj"
    )


def _nominal_participle(tok: Token) -> bool:
    """ "Medics treating THE WOUNDED were arrested", "counting the dead": a participle with a
    determiner of its own is a noun naming people, and reports no act."""
    return (
        tok.pos_ == "VERB"
        and tok.tag_ in ("VBN", "VBD")
        and tok.dep_ in ("dobj", "obj", "pobj", "nsubj", "nsubjpass", "conj")
        and any(c.dep_ == "det" for c in children_of(tok))
    )


def _gone_back(tok: Token) -> bool:
    """ "Negotiators return to Geneva", "refugees returned home": a verb that is an act only
    done to something (``transitive_only_verbs``) with nothing done to tells where someone went."""
    return (
        tok.pos_ == "VERB"
        and lemma(tok) in TRANSITIVE_ONLY
        and not any(c.dep_ in ("dobj", "obj", "dative", "nsubjpass") for c in children_of(tok))
    )


def _self_directed(tok: Token) -> bool:
    """Is the verb done to its own doer ("barricaded THEMSELVES in a monastery", "is defending
    ITSELF against a militia": ``self_directed_verbs``)? It names no other party and is no
    event; defending oneself against words ("against ACCUSATIONS", ``charge_nouns``) is still
    verbal defence (052)."""
    if lemma(tok) not in SELF_DIRECTED:
        return False
    if not any(c.dep_ in ("dobj", "obj") and c.lower_ in REFLEXIVES for c in children_of(tok)):
        return False
    return not any(
        c.dep_ == "prep" and c.lower_ == "against" and lemma(g) in CHARGE_NOUNS
        for c in children_of(tok)
        for g in children_of(c)
        if g.dep_ == "pobj"
    )


NAME_ENTITIES = frozenset({"ORG", "NORP", "GPE", "PERSON", "FAC"})


def _wildcard_fits(tok: Token, alt: frozenset[str]) -> int:
    """``*``: the verb has a direct object ("India struck nine sites"); ``@``: that object is a
    named actor ("the AU suspended Niger"); ``@med``: a named news outlet ("the junta suspended
    the BBC"). Scores below any listed object lemma."""
    objects = [c for c in children_of(tok) if c.dep_ in ("dobj", "obj")]
    # "struck what it said was a command centre": the thing a free relative names
    objects += [n for c in children_of(tok) if c.dep_ in COMPLEMENT for n in [named_by(c)] if n is not None]
    if "@med" in alt:  # a named news outlet ("suspended the BBC"), not a state's membership
        objects = [o for o in objects if o.ent_type_ in NAME_ENTITIES and _media(o)]
    elif "@" in alt:
        objects = [o for o in objects if o.ent_type_ in NAME_ENTITIES]
    return 1 if objects else 0


def _media(tok: Token) -> bool:
    """Does the name the token ends (or is) resolve to a news outlet (sector MED)?"""
    actor = resolve_span(tok.doc[tok.left_edge.i : tok.i + 1]) or resolve_span(tok.doc[tok.i : tok.i + 1])
    return actor is not None and actor.sector == "MED"


def _inside_name(tok: Token) -> bool:
    """A word inside a multi-word name ("the Rapid SUPPORT Forces") names no event."""
    if tok.pos_ != "PROPN" or tok.ent_type_ not in NAME_ENTITIES:
        return False
    doc = tok.doc
    after = tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I"
    return after or tok.ent_iob_ == "I"


def _classifies(tok: Token) -> bool:
    """An event noun after "of" that only says what kind of people its head names ("prisoners OF
    WAR", "prisoners of conscience") is no event (``classified_heads``)."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "of" and lemma(prep.head) in CLASSIFIED_HEADS


def _governor(tok: Token) -> set[str]:
    """The verb an event noun is the object of, as ``^lemma`` and ``^word`` ("STAGED a strike",
    "went ON strike": ``^stage``, ``^go``): what is done with a noun tells its sense."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif tok.dep_ not in ("dobj", "obj", "nsubjpass"):
        return set()
    return {"^" + lemma(head), "^" + head.lower_} if head.pos_ in ("VERB", "AUX") else set()


def hyphenated(tok: Token) -> str | None:
    """The whole hyphenated word a token ends, lower-cased, its last part lemmatised ("sit-in"
    for the "in" of "staged a sit-in" and the "ins" of "sit-ins", "cease-fire"), or None. The tokenizer splits at hyphens, so a compound
    whose parts mean nothing alone ("sit", "in") is looked up as one word, written with or
    without its hyphens ("walk-out" is the table's "walkout")."""
    doc = tok.doc
    i = tok.i
    parts = [lemma(tok)]
    while i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        parts[:0] = [doc[i - 2].lower_, "-"]
        i -= 2
    return "".join(parts) if len(parts) > 1 else None


# entity labels of a time ("on Monday", "last month", "at dawn")
TIME_LABELS = frozenset({"DATE", "TIME"})


def is_time(tok: Token) -> bool:
    """Does the token name a time? A time is nobody ("last month's attack": no doer) and no
    party ("called Thursday", "on Monday")."""
    return tok.ent_type_ in TIME_LABELS


def names_nobody(tok: Token) -> bool:
    """Does the mention say there is no one or nothing ("NO group", "NOBODY", "NONE of the
    parties", "NO damage", "NO authority": ``negative_subjects`` and a determiner "no")? It is
    no party: the act it stands in is negated or did not happen (``mood.none_done``)."""
    return tok.lower_ in NEGATIVE_SUBJECTS or any(
        d.dep_ == "det" and d.lower_ == "no" for d in children_of(tok)
    )


@per_token
def noun_code(tok: Token) -> str | None:
    """Code of an event noun ("attack", "talks", "air strike"), modifiers considered."""
    if tok.ent_type_ == "DATE" or _inside_name(tok) or _classifies(tok):
        return None  # "in March" is no march; "Rapid Support Forces" is no support
    table = tables.noun_patterns()
    whole = hyphenated(tok)
    patterns = (
        (whole and (table.get(whole) or table.get(whole.replace("-", ""))))
        or table.get(lemma(tok))
        or table.get(tok.lower_)
    )
    if not patterns and "-" in tok.text:
        patterns = table.get(tok.text.lower().split("-")[-1].rstrip("s"))
    if not patterns:
        return _deverbal_code(tok)
    mods = (modifier_lemmas(tok) - {lemma(tok)}) | _governor(tok)
    if any(":" in m for p in patterns for m in p.modifiers):
        mods |= _prep_objects(tok)  # "withdrawal FROM ECOWAS": from:@org
    for p in patterns:
        if not p.modifiers or p.modifiers & mods:
            return p.code if p.code != tables.NO_EVENT else None  # "a health emergency": none
    return None


def _prep_objects(tok: Token) -> set[str]:
    """A noun's prepositional objects as ``prep:lemma`` ("withdrawal from the TREATY":
    ``from:treaty``), and ``prep:@org`` for one the actor tables know as an international body
    ("withdrawal from ECOWAS"): the noun rows that need them (``noun_patterns.tsv``)."""
    out: set[str] = set()
    for c in children_of(tok):
        if c.dep_ != "prep":
            continue
        for g in children_of(c):
            if g.dep_ != "pobj":
                continue
            out.add(f"{c.lower_}:{lemma(g)}")
            if g.pos_ == "PROPN" and is_org(resolve_span(g.doc[g.left_edge.i : g.right_edge.i + 1])):
                out.add(f"{c.lower_}:@org")
    return out


def _deverbal_code(tok: Token) -> str | None:
    """A noun of a verb whose table row names its object, read as that verb with its "of"
    object ("the capture of the city of Bakhmut" as "captured the city": 192). Only rows
    with listed objects: "the capture of a soldier" matches none and stays uncoded."""
    rows = tables.verb_patterns().get(lemma(tok))
    if not rows:
        return None
    objects = {
        lemma(g)
        for c in children_of(tok)
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in children_of(c)
        if g.dep_ == "pobj"
    }
    if not objects:
        return None
    for p in rows:
        if not p.prep and any(alt <= objects and not alt & WILDCARDS for alt in p.objects):
            return p.code
    return None


@per_token
def roles_of(tok: Token) -> tuple[str, ...]:
    rows = tables.predicate_roles().get(lemma(tok))
    if not rows:
        return ()
    preps = None
    out = []
    for role, prep in rows:
        if prep:
            if preps is None:
                preps = preps_of(tok) | {lemma(c) for c in children_of(tok) if c.dep_ in OBJ}
            if prep not in preps:
                continue
        if role not in out:
            out.append(role)
    return tuple(out)


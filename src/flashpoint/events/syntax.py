"""Who does what to whom on the parse: subjects (through control, coordination and
relative clauses), agents, targets, complements and addressees of a predicate."""

from __future__ import annotations

from typing import Any

from ..actors import resolve_span
from ..nlp import children_of, conjuncts_of, per_token
from .blame import blame_of
from .grammar import (
    AIM_NOUNS,
    BUNDLE_HEADS,
    CLAUSE_PREPS,
    COMPLEMENT,
    DOCUMENT_NOUNS,
    DOER_OF,
    ENDING_VERBS,
    GERUND_ADJUNCT_PREPS,
    OBJECT_CONTROL,
    ORDER_NOUNS,
    OWNED_ACT_PREPS,
    PASS_SUBJ,
    SEQUENCE_PREPS,
    STATIVE_PARTICIPLES,
    SUBJ,
    TARGET_PREPS,
    WRAPPERS,
)
from .inserted import fronted_subject, inserted_speaker
from .patterns import (
    arg_tokens,
    is_time,
    lemma,
    named_by,
    noun_code,
    relative_object,
    roles_of,
    verb_code,
)
from .speakers_acts import appealing_speaker
from .tripped import tripped

Token = Any
GOING_SECTORS = ("mil", "reb", "img", "cop")  # armed men who withdraw (goer_of)


def subject_of(tok: Token) -> tuple[Token | None, bool]:
    """The grammatical subject of a predicate, climbing through control and coordination.

    Returns (token, passive) where passive says the token is a passive subject (a target).
    """
    second = _second_clause_subject(tok)
    if second is not None:  # "Armenia released X and AZERBAIJAN freed Y"
        return second, False
    inserted = inserted_speaker(tok) or fronted_subject(tok)
    if inserted is not None:  # "Russian forces, the MILITARY said, struck": each its own
        return inserted, False
    node = tok
    patient = False  # "which is yet TO BE SIGNED": the controller of a passive infinitive
    for _ in range(6):
        for c in children_of(node):
            if c.dep_ in SUBJ:
                return _relative(c), patient
        for c in children_of(node):
            if c.dep_ in PASS_SUBJ:  # "Israel is opposed to ...": a stance, Israel holds it
                return _relative(c), not _stative(node)
        hung = _subject_on_subordinator(node)
        if hung is not None:  # "a day after Azerbaijan launched": Azerbaijan, not the matrix's
            return hung, False
        head = node.head
        if head.i == node.i:
            return None, False
        if node.dep_ == "xcomp":
            patient = patient or (
                any(c.dep_ == "auxpass" for c in children_of(node)) and lemma(head) in ("be", "due")
            )
            if "say" in roles_of(head):
                for c in children_of(head):
                    if c.dep_ in PASS_SUBJ:
                        return _relative(c), False  # "the rebels are believed to have abducted"
            if lemma(head) in OBJECT_CONTROL:
                for c in children_of(head):
                    if c.dep_ in ("dobj", "obj", "dative"):
                        return c, False
                for c in children_of(head):
                    if c.dep_ == "prep" and c.lower_ in ("on", "upon"):
                        for g in children_of(c):
                            if g.dep_ == "pobj":
                                return g, False
            node = head
            continue
        speaker = appealing_speaker(node)
        if speaker is not None:  # "said Israel was committing genocide and URGED": who said
            node = speaker
            continue
        if node.dep_ == "conj" and (_ended_report(head) or _reported_blame(head)):
            node = head.head  # "said the agreement had collapsed and ordered troops": who said
            continue
        if node.dep_ == "conj" or node.dep_ == "advcl" and node.tag_ in ("VBG", "VBN"):
            node = head
            continue
        if (
            node.dep_ == "acl"
            and node.tag_ == "VBN"
            and not any(c.dep_ == "dobj" for c in children_of(node))
        ):
            return head, True  # "money donated by the Irish": the head is the patient
        if node.dep_ == "acl" and lemma(head) in DOCUMENT_NOUNS and head.head.i != head.i:
            node = head.head  # "Amnesty put out a report accusing X": Amnesty accuses
            continue
        if node.dep_ == "acl" and node.tag_ == "VBN":
            carrier = _misread_main_verb(node)
            if carrier is not None:  # "Gunmen traveling in two trucks killed five soldiers"
                return carrier, False
        if node.dep_ in ("relcl", "acl"):
            return head, False
        if node.dep_ == "pcomp" and _predicative(node.head.head):
            adjective = node.head.head
            if adjective.dep_ == "amod":  # "hackers capable of launching": the hackers
                return adjective.head, False
            node = adjective  # "X are guilty of violating", "is responsible for killing": X
            continue
        if _adjunct_gerund(node):
            node = node.head.head  # "Russia responded by EXPELLING ten diplomats": Russia
            continue
        if _adjunct_gerund(node, passive=True):  # "killed two before BEING SHOT by police"
            matrix = node.head.head
            return next((_relative(c) for c in children_of(matrix) if c.dep_ in SUBJ), None), True
        if node.dep_ in ("ccomp", "pcomp"):
            return _left_name(tok), False
        node = head
    return _left_name(tok), False


def _adjunct_gerund(node: Token, *, passive: bool = False) -> bool:
    """Is ``node`` a gerund after a preposition of ``gerund_adjunct_preps`` hung on an active
    verb ("responded BY EXPELLING", "killed five soldiers WHILE ATTACKING")? Its doer is
    that verb's subject. Not on a passive verb, whose subject is a patient that may or may not
    do the gerund's act ("the convoy was ambushed while crossing": it crossed; "the town was
    taken by shelling it": it did not), nor on a noun ("the case for expelling"). ``passive``: a
    passive gerund, "killed two people before BEING SHOT dead by police", whose PATIENT is that
    subject (its doer the "by" agent)."""
    prep = node.head
    verb = prep.head
    return (
        node.dep_ == "pcomp"
        and (
            node.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in children_of(node))
            if passive
            else node.tag_ == "VBG"
        )
        and prep.dep_ == "prep"
        and prep.lower_ in GERUND_ADJUNCT_PREPS
        and verb.pos_ in ("VERB", "AUX")
        and verb.i != prep.i
        and not any(c.dep_ in PASS_SUBJ for c in children_of(verb))
    )


def _second_clause_subject(verb: Token) -> Token | None:
    """The subject of the second of two coordinated clauses that spaCy joined to the first
    one's object: in "Armenia released two soldiers and Azerbaijan freed 32 servicemen" it
    reads "two soldiers and Azerbaijan" as one phrase, the subject of "freed"; in "the army
    shelled the town and the rebels attacked a base" it makes "the rebels" a second object of
    "shelled", leaving "attacked" the army's. A conjunct of the first verb's object (or of a
    noun lying between the two verbs, when the first has no object) that ends right before the
    second verb, with no subject of its own there, is that verb's subject; so is one spaCy
    joined to the object of a preposition ("released X on Sunday and ISRAEL freed Y").
    ``None`` otherwise."""
    if verb.dep_ not in ("conj", "ccomp") or verb.pos_ != "VERB":
        return None
    first = verb.head
    if first.i >= verb.i or first.pos_ != "VERB":
        return None
    own = [c for c in children_of(verb) if c.dep_ in SUBJ or c.dep_ in PASS_SUBJ]
    objects = [c for c in children_of(first) if c.dep_ in ("dobj", "obj")]
    # "released three hostages on Sunday and Israel freed 90 prisoners": joined to the time
    objects += [g for c in children_of(first) if c.dep_ == "prep" for g in children_of(c) if g.dep_ == "pobj"]
    if own and not objects and verb.dep_ == "ccomp":
        objects = [c for c in own if first.i < c.i < verb.i]  # "released [two soldiers and X] freed"
    elif own:
        return None
    for obj in objects:
        for conj in conjuncts_of(obj):
            between = conj.doc[conj.right_edge.i + 1 : verb.i]
            if (
                obj.i < conj.i < verb.i
                and conj.pos_ in ("PROPN", "NOUN")
                and all(t.pos_ in ("ADV", "AUX", "PART") for t in between)
            ):
                return conj
    return None


def _misread_main_verb(verb: Token) -> Token | None:
    """The subject of a past verb spaCy read as a reduced relative on the noun before it:
    "Gunmen traveling in two trucks KILLED five soldiers" hangs "killed" on "trucks" as if the
    trucks were killed, and the sentence is left with the noun "Gunmen" as its root. A participle
    with a direct object is no passive modifier; when its noun lies inside the modifier of the
    sentence's root or subject noun, that noun is the doer. ``None`` otherwise."""
    if not any(c.dep_ in ("dobj", "obj") for c in children_of(verb)):
        return None
    node = verb.head
    for _ in range(6):
        if node.pos_ in ("NOUN", "PROPN", "PRON") and node.dep_ in ("ROOT", *SUBJ):
            return node if node.i < verb.i else None
        if node.head.i == node.i or node.dep_ not in ("pobj", "prep", "acl", "relcl", "dobj"):
            return None
        node = node.head
    return None


def _ended_report(clause: Token) -> bool:
    """Is ``clause`` a reported ending of a known event ("said the 1974 agreement HAD COLLAPSED
    and ordered troops to ..."), a clause spaCy often gives the matrix verb's conjunct? An act
    coordinated with it is then the speaker's: an agreement that collapsed orders nothing."""
    if clause.dep_ != "ccomp" or clause.lemma_.lower() not in ENDING_VERBS:
        return False
    return any(c.dep_ == "nsubj" and noun_code(c) for c in children_of(clause))


def _reported_blame(clause: Token) -> bool:
    """Is ``clause`` blame someone reports ("Islamabad said Kabul WAS to blame for the attack
    and summoned its envoy")? spaCy gives the speaker's next act to the blame clause as its
    conjunct; the one blamed does nothing there (``blame.blame_of``), so the act is the
    speaker's, as with a reported ending."""
    return clause.dep_ == "ccomp" and "say" in roles_of(clause.head) and blame_of(clause, None) is not None


def _subject_on_subordinator(verb: Token) -> Token | None:
    """The subject spaCy hangs on the subordinating word of an adverbial clause ("a day after
    Azerbaijan launched an offensive": "Azerbaijan" parsed as the object of "after", the verb
    left without a subject). A noun left of the verb under its "after"/"before"/"since"/"until"/
    "as" is the clause's own subject, never the main clause's. spaCy also reads the subordinator
    as a preposition of the main verb ("arrested 200 people AFTER SUPPORTERS of Khan attacked army
    buildings"): an adverbial clause with no subject of its own right after such a phrase
    (``clause_prepositions``) has that phrase's object as its subject."""
    for c in children_of(verb):
        if c.dep_ != "mark" or c.i > verb.i:
            continue
        for g in children_of(c):
            if g.dep_ in ("pobj", "nsubj") and g.i < verb.i and g.pos_ in ("PROPN", "NOUN", "PRON"):
                return g
    if verb.dep_ != "advcl" or not _finite(verb):  # "after four years TO ALLOW": no clause
        return None
    if any(c.dep_ in SUBJ or c.dep_ in PASS_SUBJ for c in children_of(verb)):
        return None
    for c in children_of(verb.head):
        if c.dep_ == "prep" and c.lower_ in CLAUSE_PREPS and c.i < verb.i and _adjacent(c, verb):
            for g in children_of(c):
                if (
                    g.dep_ == "pobj"
                    and g.pos_ in ("PROPN", "NOUN", "PRON")
                    and not is_time(g)
                ):
                    return g
    return None


def _finite(verb: Token) -> bool:
    """A verb that can have a subject of its own: a tensed form, or one with a tensed auxiliary."""
    if verb.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in children_of(verb))


def _adjacent(phrase: Token, verb: Token) -> bool:
    """Does ``verb``'s clause begin right where ``phrase`` ends ("after supporters of Khan |
    had attacked")? A comma or other words between make the phrase the main clause's own."""
    return phrase.right_edge.i + 1 == verb.left_edge.i


def has_own_subject(verb: Token) -> bool:
    """Does a subordinate verb have a subject of its own ("hours after WARPLANES bombed ...")?
    Then it is a second act, never the purpose or manner of the act it hangs on."""
    if any(c.dep_ in SUBJ or c.dep_ in PASS_SUBJ for c in children_of(verb)):
        return True
    return _subject_on_subordinator(verb) is not None


def _stative(tok: Token) -> bool:
    """A participle of stance with no agent ("is opposed to", "is committed to")."""
    return tok.lower_ in STATIVE_PARTICIPLES and not any(c.dep_ == "agent" for c in children_of(tok))


def _predicative(tok: Token) -> bool:
    """An adjective said of the subject ("are GUILTY of", "is RESPONSIBLE for", "CAPABLE of"):
    the act in its complement is the subject's."""
    return tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "amod") and tok.head.i != tok.i


def _left_name(tok: Token) -> Token | None:
    """A name left of a subjectless verb that the parser mislabelled ("USAID deployed ...")."""
    for c in tok.lefts:
        if c.dep_ in ("advmod", "npadvmod", "dep", "nmod", "compound", "amod") and (
            c.ent_type_ in ("ORG", "GPE", "NORP", "PERSON")
            or (c.text[:1].isupper() and c.text.isalpha() and c.i > 0 and c.text.isupper())
        ):
            return c
    return None


def _relative(tok: Token) -> Token:
    """Replace a relative pronoun subject ("who", "which") by the noun the clause modifies."""
    if tok.lower_ in ("who", "which", "that", "whom") and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def doer_of(tok: Token) -> Token | None:
    """Who does the predicate ``tok``: its subject, or its agent when it is passive (the
    subject of a passive is its target)."""
    subj, passive = subject_of(tok)
    return agent_of(tok) if passive else subj


def agent_of(tok: Token) -> Token | None:
    """The doer of a passive predicate: "by X", else whoever ordered it ("was freed on his
    orders", "were arrested on the orders of the governor": ``order_nouns``)."""
    for c in children_of(tok):
        if c.dep_ == "agent":
            for g in children_of(c):
                if g.dep_ == "pobj":
                    return g
    for c in children_of(tok):
        if c.dep_ != "prep" or c.lower_ not in ("on", "under", "upon"):
            continue
        for noun in children_of(c):
            if noun.dep_ != "pobj" or noun.lemma_.lower() not in ORDER_NOUNS:
                continue
            for g in children_of(noun):
                if g.dep_ == "poss":
                    return g
                if g.dep_ == "prep" and g.lower_ == "of":
                    return next((o for o in children_of(g) if o.dep_ == "pobj"), None)
    return doer_in_act(tok)


# what names an act's owner before it: "ISRAELI strikes", "a RUSSIAN drone attack", "ISRAEL's raid"
_OWNER_DEPS = ("amod", "nmod", "compound", "poss")
_OWNER_ENTITIES = ("NORP", "GPE", "ORG")


def doer_in_act(tok: Token) -> Token | None:
    """The act whose owner did a passive act: "were killed in ISRAELI STRIKES on villages",
    "wounded during a RUSSIAN DRONE ATTACK" (``owned_act_preps``). Only an event noun with a
    named owner before it, or its own "by" doer ("killed in an ambush by militants"), counts:
    "killed in the fighting" or "in a blast" name no doer."""
    for c in children_of(tok):
        if c.dep_ != "prep" or c.lower_ not in OWNED_ACT_PREPS:
            continue
        for noun in children_of(c):
            if noun.dep_ != "pobj" or noun.pos_ != "NOUN" or noun_code(noun) is None:
                continue
            if any(m.dep_ in _OWNER_DEPS and m.ent_type_ in _OWNER_ENTITIES for m in children_of(noun)):
                return noun
            by = next((b for b in children_of(noun) if b.dep_ == "prep" and b.lower_ == "by"), None)
            doer = next((o for o in children_of(by) if o.dep_ == "pobj"), None) if by is not None else None
            if doer is not None:
                return doer  # "killed in an ambush BY MILITANTS"
    return None


def target_candidates(tok: Token) -> list[Token]:
    """Possible targets of a predicate, most likely first."""
    children = list(children_of(tok))
    out: list[Token] = []
    for c in children:
        if c.dep_ == "dative" and c.pos_ == "ADP":  # "offered rice TO North Korea": whom it names
            out.extend(g for g in children_of(c) if g.dep_ == "pobj")
        elif c.dep_ in ("dobj", "obj", "dative"):
            out.append(c)
        named = named_by(c) if c.dep_ in COMPLEMENT else None
        if named is not None:  # "carried out what it called STRIKES on Hezbollah positions"
            out = [o for o in out if o.lower_ != "what"] + [named]
    gap = relative_object(tok)  # "restrictions that Congress imposed": the object it bears on
    if gap is not None:
        out.insert(0, gap)
    by_prep: dict[str, list[Token]] = {}
    for c in children:
        if c.dep_ == "prep":
            by_prep.setdefault(c.lower_, []).extend(g for g in children_of(c) if g.dep_ == "pobj")
    if by_prep:
        for prep in TARGET_PREPS:
            out.extend(by_prep.get(prep, ()))
    out.extend(c for c in children if c.dep_ in PASS_SUBJ)
    # objects of an embedded noun ("sanctions on Iran", "accusations by the US"), and phrases the
    # parser hung on the object ("shared evidence with Mexico", "sanctions imposed on China")
    for c in list(out):
        event_noun = c.pos_ == "NOUN" and noun_code(c)
        preps = TARGET_PREPS + ("by", "of") if event_noun else TARGET_PREPS
        holders = [c, *(a for a in children_of(c) if a.dep_ == "acl" and a.tag_ == "VBN")]
        for holder in holders:
            for p in children_of(holder):
                if p.dep_ == "prep" and p.lower_ in preps and p.lower_ != "in":
                    out.extend(g for g in children_of(p) if g.dep_ == "pobj")
    return out + _aimed_at(children)


def _aimed_at(children: list[Token]) -> list[Token]:
    """Whom an act is aimed at, last: the object of its purpose ("opened fire to disperse THE
    DEMONSTRATORS", "a hunger strike to protest SWEDEN's decision") and of "in protest of",
    "in defiance of", "in retaliation for" (``aim_nouns``)."""
    out: list[Token] = []
    has_object = any(c.dep_ in ("dobj", "obj") for c in children)
    for c in children:
        purpose = c.dep_ == "advcl" or (c.dep_ == "xcomp" and has_object)  # "a strike to protest"
        if purpose and any(a.dep_ == "aux" and a.lower_ == "to" for a in children_of(c)):
            out.extend(g for g in children_of(c) if g.dep_ in ("dobj", "obj"))
            for p in children_of(c):
                if p.dep_ == "prep" and p.lower_ in TARGET_PREPS:
                    out.extend(g for g in children_of(p) if g.dep_ == "pobj")
        if c.dep_ == "prep" and c.lower_ == "in":
            for noun in children_of(c):
                if noun.dep_ == "pobj" and noun.lemma_.lower() in AIM_NOUNS:
                    for p in children_of(noun):
                        if p.dep_ == "prep" and p.lower_ in ("of", "against", "at", "for", "to"):
                            out.extend(g for g in children_of(p) if g.dep_ == "pobj")
    return out


@per_token
def complement_of(tok: Token) -> Token | None:
    for dep in COMPLEMENT:
        for c in children_of(tok):
            if c.dep_ == dep and c.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
                return c
    return None


def intended_act(tok: Token) -> Token | None:
    """The act a verb of intention governs: its complement, or the infinitive right after it
    that spaCy hung on it as an adverbial clause ("have sworn TO FIGHT until ...")."""
    comp = complement_of(tok)
    if comp is not None:
        return comp
    after = tok.i + 2
    if after >= len(tok.doc) or tok.doc[tok.i + 1].lower_ != "to":
        return None
    act = tok.doc[after]
    return act if act.head.i == tok.i and act.dep_ == "advcl" and act.pos_ == "VERB" else None


def event_noun_arg(tok: Token, *, preps: tuple[str, ...] | None = None) -> Token | None:
    """An event noun among the predicate's objects ("launched an ATTACK", "called for TALKS")."""
    bundled = any(
        a.dep_ in ("dobj", "obj") and lemma(a) in BUNDLE_HEADS for a in children_of(tok)
    )
    for a in arg_tokens(tok):
        if a.dep_ in PASS_SUBJ:
            continue
        if preps is not None and a.dep_ == "pobj" and a.head.lower_ not in preps:
            continue
        if a.dep_ == "pobj" and a.head.lower_ in SEQUENCE_PREPS and bundled:
            continue  # "approved a sanctions package AFTER the drone attacks": the package
        if a.pos_ in ("NOUN", "PROPN") and (
            noun_code(a) or any(r in WRAPPERS for r in roles_of(a))
        ):
            return a
    for a in arg_tokens(tok):
        if a.dep_ in ("dobj", "obj") and a.pos_ in ("NOUN", "NUM", "SYM", "PROPN"):
            if lemma(a) in BUNDLE_HEADS:  # "announced a military AID package"
                for c in children_of(a):
                    if c.dep_ == "compound" and c.pos_ == "NOUN" and noun_code(c):
                        return c
            for p in children_of(a):
                if p.dep_ == "prep" and p.lower_ in ("of", "in"):
                    for g in children_of(p):
                        if g.dep_ == "pobj" and g.pos_ == "NOUN" and noun_code(g):
                            return g
    return None


def bundle_preps(noun: Token) -> list[Token]:
    """The prepositions of the bundle an event noun names ("military aid package FOR UKRAINE",
    ``bundle_heads``): the noun's own parties, as in "aid for Ukraine"."""
    if noun.dep_ != "compound" or lemma(noun.head) not in BUNDLE_HEADS:
        return []
    return [c for c in children_of(noun.head) if c.dep_ == "prep"]


def goer_of(noun: Token) -> Token | None:
    """Armed men named as who goes away by a noun of going ("the withdrawal OF 2,000 U.S.
    TROOPS from Iraq", ``doer_of_nouns``): the doer, as the verb's subject would be; anything
    else withdrawn ("the withdrawal of its ambassador") is whom the act concerns."""
    if lemma(noun) not in DOER_OF:
        return None
    for c in children_of(noun):
        for g in children_of(c) if c.dep_ == "prep" and c.lower_ == "of" else ():
            actor = resolve_span(noun.doc[g.left_edge.i : g.i + 1]) if g.dep_ == "pobj" else None
            if actor is not None and (actor.sector or "").lower() in GOING_SECTORS:
                return g
    return None


def event_noun_subject(tok: Token) -> Token | None:
    for c in children_of(tok):
        if c.dep_ in SUBJ | PASS_SUBJ and c.pos_ in ("NOUN", "PROPN") and noun_code(c):
            return c
    return None


def same_actor(a: Token | None, b: Token | None) -> bool:
    if a is None or b is None:
        return a is None
    if a.pos_ == "PRON" or a.lower_ in ("they", "we", "it", "he", "she"):
        return True
    return a.i == b.i or a.lower_ == b.lower_


def patient_owner(subj: Token | None) -> Token | None:
    """ "UN sanctions were lifted": the owner of an event noun is who lifted it."""
    if subj is None or subj.pos_ != "NOUN" or not noun_code(subj):
        return None
    for c in children_of(subj):
        if c.dep_ in ("compound", "poss", "amod") and c.ent_type_ in ("ORG", "GPE", "NORP"):
            return c
    return None


def from_place(tok: Token, *, prep: str = "from") -> Token | None:
    """ "inspectors were expelled from North Korea": the country they leave acted; "X was
    arrested in Rwanda": the state where it happened."""
    for c in children_of(tok):
        if c.dep_ == "prep" and c.lower_ == prep:
            for g in children_of(c):
                if g.dep_ == "pobj" and g.ent_type_ == "GPE":
                    return g
    return None


def clause_agent(tok: Token) -> Token | None:
    """Who did it when a passive names no agent: "were killed when Boko Haram raided the village";
    an event is nobody's agent ("have been deployed since the WAR ended"), nor the subject of a
    clause that reports no act ("since the MISSION began")."""
    for c in children_of(tok):
        if c.dep_ == "advcl" and c.pos_ == "VERB" and (verb_code(c) or "light" in roles_of(c)):
            if tripped(c):
                continue  # "wounded when their patrol hit a roadside bomb": the patrol was hit
            subj, passive = subject_of(c)
            if (
                subj is not None
                and not passive
                and subj.pos_ in ("PROPN", "NOUN")
                and not noun_code(subj)
            ):
                return subj
    return None


def addressee_of(tok: Token) -> Token | None:
    """Who is asked/told: "urged THE GOVERNMENT to", "called on THE MILITARY to"."""
    for c in children_of(tok):
        if c.dep_ in ("dobj", "obj", "dative") and c.pos_ in ("PROPN", "NOUN", "PRON"):
            return c
    for c in children_of(tok):
        if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to"):
            for g in children_of(c):
                if g.dep_ == "pobj" and not is_time(g):  # not "on Monday"
                    return g
    return None


def subjunctive(tok: Token) -> Token | None:
    """The subject of a subjunctive the small parser read as a noun ("demanded that the prime
    minister RESIGN": "resign" a noun compounded with "minister"), or None when ``tok`` is no
    such verb: a noun complement introduced by "that" with a verb lemma is one."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "ccomp":
        return None
    if not any(c.dep_ == "mark" for c in children_of(tok)):
        return None
    heads = [c for c in children_of(tok) if c.dep_ in ("compound", "nmod", "nsubj") and c.i < tok.i]
    return heads[-1] if heads else None


"""Which predicates of a sentence are events, and in what order (salience).

The main event comes from the root predicate (through statement and intention wrappers, see
``predicates``); other coded predicates follow in order of their distance from the root, with
background clauses ("after security forces fired on protesters") after the main clause. Where
the rules are unsure the optional classifier picks the main event's class (``classifier``);
victims, judged things and crowds then take their roles (``happenings``, ``wrappers``,
``crowds``). The coder turns what this module finds into ``Event`` records.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..actors import resolve
from ..nlp import children_of
from . import classifier, tables
from .advances import ADVANCE_VERBS
from .blame import speaker_blames
from .charges import is_charge
from .crowds import as_protest
from .defiance import with_defiance
from .found import Found
from .frames import manner_doer
from .grammar import (
    DESCRIPTIVE_PARTICIPLES,
    DOCUMENT_NOUNS,
    ENDING_VERBS,
    FAMILY_MODALITY,
    FORCE_ROOTS,
    KIT_HEADS,
    PREVENTION_VERBS,
    REFERENCE_PREPS,
    TOPIC_HEADS,
    WRAPPERS,
)
from .guesses import guessed
from .happenings import victim_subject
from .joint import together
from .mood import (
    averted,
    feared,
    is_future,
    is_hypothetical,
    is_negated,
    not_done_gerund,
    told_done,
)
from .patrols import craft_verbs
from .patterns import (
    lemma,
    named_by,
    no_event_sense,
    noun_code,
    purpose_clause,
    roles_of,
    verb_code,
)
from .predicates import analyze, noun_event, own_event
from .syntax import has_own_subject
from .wrappers import judged_subject, names_its_object

Token = Any


def sentence_events(sent: Any) -> list[Found]:
    """The coded predicates of a sentence, main event first, with their roles settled."""
    founds = classifier.adjust(
        sent, list(found_events(sent)), analyze=_guessed, weak_trigger=weak_trigger
    )
    founds = with_defiance(sent, founds)  # "will not be intimidated by China": defiance
    for f in founds:
        manner_doer(f)  # "knocked websites offline in a wave of cyber attacks": the hackers'
        victim_subject(f)
        judged_subject(f)
        speaker_blames(f, f.speaker)
        together(f)
    return as_protest(founds, sent)


def _guessed(root: Token, code: str) -> Found | None:
    """The model's guess on the root verb, never on a verb used in a sense the tables say is
    no event ("barricaded themselves", "captured footage": ``patterns.no_event_sense``)."""
    return None if no_event_sense(root) else guessed(root, code)


_MAX_SECONDARY = 3


def found_events(sent: Any) -> Iterator[Found]:
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
            if _in_background(tok, root_i) is not wanted or _describes(tok) or is_charge(tok):
                continue
            if tok.pos_ == "ADJ" and _names_a_kind(tok):
                continue
            holder = _wrapper_noun(tok)
            main = analyze(holder if holder is not None else tok)
            if main is not None:
                break
        if main is not None:
            break
    if main is None:
        for tok in order:
            if (
                tok.pos_ in ("NOUN", "PROPN")
                and noun_code(tok)
                and not _ended(tok)
                and not _topic(tok)
                and not _names_a_kind(tok)
                and not _bare_reference(tok)
            ):
                main = analyze(tok)
                if main is not None:
                    break
    if main is None:
        return
    if main.code == "010":
        # "X said the country was at war and warned that ...": the statement's coordinated
        # predicate carries the event; so does what its document does, "issued a statement
        # CONDEMNING the attack"; the bare statement comes after it
        for conj in (*children_of(main.trigger), *_document_acts(main.trigger)):
            if conj.dep_ not in ("conj", "acl") or conj.pos_ != "VERB":
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
    _prevented(main)
    yield main
    used |= _alleged(main)
    count = 0
    if main.embedded is not None and main.embedded.code != main.code:
        used |= main.embedded.used
        emb = main.embedded
        if emb.modality == "asserted" and main.family in _WRAPPER_MODALITY:
            emb.modality = _WRAPPER_MODALITY[main.family]  # type: ignore[assignment]
        elif main.family == "reject":
            emb.negated = True
        if main.negated and main.family != "reject":
            emb.negated = True  # "Iran does not seek war": no war is sought either
        yield emb
        count += 1
    for tok in order:
        if count >= _MAX_SECONDARY:
            break
        if tok.i in used or tok.pos_ not in ("VERB", "NOUN", "PROPN"):
            continue
        if tok.pos_ != "VERB" and (not _free_noun(tok) or _known_event(tok)):
            continue
        if _under_negation(tok, root_i):
            continue
        if tok.dep_ == "amod":
            continue  # "a proposed tax increase" reports no proposing
        if tok.pos_ == "VERB" and not _known(tok):
            continue  # its conjuncts and complements are visited on their own
        if _describes(tok) or is_charge(tok):  # "sentenced him for killing": the charge
            continue
        f = analyze(tok)
        if f is None or f.trigger.i in used or f.code.startswith("01"):
            continue
        used |= f.used | _alleged(f)
        _inherit(f, f.trigger)
        _governed_mood(f)
        _prevented(f)
        _same_report(f, main)
        yield f
        count += 1


def _same_report(f: Found, main: Found) -> None:
    """A participle clause of a reported act with no subject of its own is told by the same
    speaker ("troops opened fire on Armenian positions, KILLING two soldiers, the Armenian
    defence ministry said"): the killing is reported by the ministry too, whose people the
    victims are (``actors.home.victims``)."""
    tok = f.trigger
    if main.speaker is None or f.speaker is not None or tok.head.i != main.trigger.i:
        return
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or has_own_subject(tok):
        return
    f.speaker, f.attribution_text = main.speaker, main.attribution_text
    if f.modality == "asserted":
        f.modality = main.modality


def _topic(noun: Token) -> bool:
    """ "a pension REFORM bill", "the nuclear WEAPONS issue": a noun naming what a bill or an
    issue is about names no act (``topic_heads``)."""
    return noun.dep_ == "compound" and lemma(noun.head) in TOPIC_HEADS


def _names_a_kind(noun: Token) -> bool:
    """ "RIOT police", "ANTI-RIOT units", "PROTEST leaders", "the WAR crimes court", "in RIOT
    gear": a noun compounded into the name of an actor or of its kit says what kind they are,
    not that the act happened (``kit_heads``). The modifier chain is climbed to its head; a
    participle is no kind ("PROTESTING farmers" are protesting)."""
    if noun.tag_ in ("VBG", "VBN"):
        return False
    head = noun
    while head.dep_ in ("compound", "amod") and head.head.i != head.i:
        head = head.head
    if head.i == noun.i:
        return False
    return lemma(head) in KIT_HEADS or resolve(head.text) is not None


def _document_acts(verb: Token) -> list[Token]:
    """What the document a statement verb puts out does: "issued a statement CONDEMNING the
    attack", "published a declaration DEMANDING changes" (``document_nouns``)."""
    return [
        act
        for obj in children_of(verb)
        if obj.dep_ in ("dobj", "obj") and lemma(obj) in DOCUMENT_NOUNS
        for act in children_of(obj)
        if act.dep_ == "acl" and act.tag_ == "VBG"
    ]


def _describes(tok: Token) -> bool:
    """A participle that describes its noun ("personnel armed with knives", "troops stationed on
    the ship"), reporting no act (``descriptive_participles`` in ``data/grammar.json``), or a
    free relative that names a thing ("halted what it CALLED anti-terrorist measures")."""
    if tok.dep_ in ("ccomp", "xcomp") and named_by(tok) is not None:
        return True
    if tok.dep_ == "amod" and tok.tag_ in ("VBN", "JJ"):
        return True  # "fled the OCCUPIED town", "a DESTROYED tank": a state, not this act
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lower_ in DESCRIPTIVE_PARTICIPLES


def _alleged(f: Found) -> set[int]:
    """What someone is accused of (or denies) is alleged, not reported: no events from it
    ("rallied, accusing Pashinyan of failing to defend ..."), whether the accusation is the
    main event or a secondary one; a coordinated predicate is an act of its own ("denied the
    accusations and rebuffed calls to resign"); its arguments are read through it."""
    if not (f.code[:2] == "11" or f.code in ("015", "016")):
        return set()
    own = {
        t.i
        for c in children_of(f.trigger)
        if (c.dep_ == "conj" and c.pos_ == "VERB") or told_done(c)
        for t in c.subtree
    }  # "lodged a protest AFTER a Chinese aircraft VIOLATED its airspace": told as done
    return {t.i for t in f.trigger.subtree if t.i > f.trigger.i and t.i not in own}


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
    return (
        lem in tables.verb_patterns()
        or lem in tables.predicate_roles()
        or lem == "be"
        or lem in ADVANCE_VERBS
        or lem in craft_verbs()
    )


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
    """An event inside "agreed to ...", "called on X to ...", "refused to ..." is not asserted;
    one coordinated with the wrapper is an act of its own ("called for marches AND DEMANDED that
    Ruto resign": the demand was made), though it shares what wraps the wrapper."""
    if f.modality != "asserted":
        return
    prev = start if start.i != f.trigger.i else f.trigger
    node = prev.head
    for _ in range(8):
        if node.i == prev.i or told_done(prev):
            return  # "ordered troops to ... after gunmen stormed": the storming was done
        through = prev.dep_ in ("xcomp", "ccomp", "dobj", "acl", "conj") or (
            prev.dep_ == "prep" and prev.lower_ in ("for", "to")
        )
        beside = prev.dep_ == "conj" and prev.pos_ in ("VERB", "AUX") and node.pos_ == "VERB"
        if through and not beside and node.i not in f.used:  # a wrapper read already decided
            if names_its_object(node):
                return  # "X moves troops; Biden calls it 'a crime'": naming wraps no act
            for role in roles_of(node):
                if role in _WRAPPER_MODALITY:
                    f.modality = _WRAPPER_MODALITY[role]  # type: ignore[assignment]
                    return
                if role == "reject":
                    f.negated = True
                    return
        prev, node = node, node.head


def _governed_mood(f: Found) -> None:
    """An event noun under a future or hypothetical predicate is not reported as done: "said
    the defence pact WOULD APPLY to any armed ATTACK on its ships" mentions a possible attack; nor is
    the purpose of such a predicate ("would rely on diplomacy TO PROTECT its territory"); under a
    gerund after "without" it did not happen ("without declaring WAR")."""
    if f.modality != "asserted":
        return
    if f.trigger.pos_ not in ("NOUN", "PROPN") and not purpose_clause(f.trigger):
        return
    node = f.trigger
    for _ in range(6):
        if node.head.i == node.i:
            return
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            if node.i not in f.used and (is_hypothetical(node) or is_future(node)):
                f.modality = "hypothetical"
            elif not_done_gerund(node):  # "attacked without DECLARING war": no war declared
                f.negated = True
            return


def _prevented(f: Found) -> None:
    """An act someone is kept from is not reported as done ("did not bar Venezuela FROM
    HOLDING the vote", "prevented aid trucks from entering"): hypothetical (``prevention_verbs``),
    whether or not the keeping is negated; so is an act named as the object of a verb that
    kept it from being ("police PREVENTED a demonstration", "FOILED an attack":
    ``averting_verbs``)."""
    tok = f.trigger
    if tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ == "from":
        keeper = tok.head.head
        if keeper.pos_ in ("VERB", "AUX") and keeper.lemma_.lower() in PREVENTION_VERBS:
            f.modality = "hypothetical"
    elif averted(tok) or feared(tok):  # "amid fears of an offensive": feared, not done
        f.modality = "hypothetical"


def weak_trigger(sent: Any, klass: int) -> Found | None:
    """The first predicate of the class the model chose, wherever it sits in the parse."""
    for tok in _bfs(sent):
        code = None
        if tok.pos_ in ("VERB", "ADJ"):
            hit = verb_code(tok)
            code = hit[0] if hit else None
        elif tok.pos_ == "NOUN" and not _names_speaker(tok):
            code = noun_code(tok)
        if code and tables.info(code).class5 == klass:
            return own_event(tok, (code, 0)) if tok.pos_ != "NOUN" else noun_event(tok, code)
    return None


def _names_speaker(tok: Token) -> bool:
    """ "RELIEF officials said ...", "AID workers reported ...": a noun that says who a speaker is
    names no act of the sentence (the reporter is attribution, never a party)."""
    head = tok.head
    return (
        tok.dep_ in ("compound", "amod")
        and head.dep_ in ("nsubj", "nsubjpass")
        and "say" in roles_of(head.head)
    )


def _free_noun(tok: Token) -> bool:
    """A noun event worth reporting beside the main one: a clause argument, not a modifier nor a
    reference to an event already known: a definite noun after a reference preposition ("lost
    his thumb in THE clash", "under THE agreement"; but "after A chlorine gas attack" is news)."""
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "ROOT", "appos"):
        return True
    return (
        tok.dep_ == "pobj"
        and tok.head.dep_ == "prep"
        and tok.head.head.pos_ == "VERB"
        and not (tok.head.lower_ in REFERENCE_PREPS and _definite(tok))
    )


def _known_event(tok: Token) -> bool:
    """Does the event noun refer to an event already known rather than report one: a definite
    noun after a reference preposition ("after THE bloodiest BATTLE of the campaign"), or the subject of
    a verb saying it ended ("since the WAR ended", "the 1974 AGREEMENT had collapsed")?"""
    if tok.dep_ == "pobj" and tok.head.lower_ in REFERENCE_PREPS and _definite(tok):
        return True
    return _ended(tok)


def _ended(tok: Token) -> bool:
    """Is the event noun the subject of a verb saying it ended ("since the WAR ended")? Then it
    names a past event, never the sentence's news (a referring noun after "after" may still be
    the only news of a sentence: "came after HIS MEETING with the cleric")."""
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ENDING_VERBS


def _bare_reference(tok: Token) -> bool:
    """Is the noun a bare reference to a use of force the reader knows, with nothing that says
    who or where ("since the start of THE WAR", "friction over the conduct of THE WAR", "during
    the conflict")? It reports no event, not even as the only one of its sentence: "the war in
    Gaza", "Russia's war", "the 2020 war" say whose or where, and stay; so does an agreement
    referred to ("under the accord": what it says is still told)."""
    return tok.dep_ == "pobj" and (noun_code(tok) or "")[:2] in FORCE_ROOTS and all(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in children_of(tok)
    ) and any(c.dep_ == "det" for c in children_of(tok))


def _definite(tok: Token) -> bool:
    """Does the noun name something already known ("the war", "its offensive", "this clash")?"""
    return any(
        c.dep_ == "poss"
        or (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those"))
        for c in children_of(tok)
    )


def _under_negation(tok: Token, root_i: int) -> bool:
    """Is a secondary predicate inside a negated one ("did not treat the collision as an ARMED
    ATTACK", "did not invoke its defence TREATY")? What did not happen reports nothing."""
    node = tok
    for _ in range(12):
        own_clause = node.dep_ in ("advcl", "relcl", "conj") and not purpose_clause(node)
        if own_clause or node.i == root_i or node.head.i == node.i:
            # a clause of its own ("would not sign it, a day after they STORMED"); an infinitive
            # is not ("did not order the army TO SHELL the town", spaCy's advcl)
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX") and is_negated(node):
            return True
    return False


def _bfs(sent: Any) -> list[Token]:
    out = [sent.root]
    i = 0
    while i < len(out):
        out.extend(children_of(out[i]))  # spaCy yields children in text order
        i += 1
    return out


__all__ = ["found_events", "sentence_events", "weak_trigger"]

"""Threats made by an alternative: "join the group or be killed" (``data/threats.json``).

A demand joined by "or" to what befalls the one asked if it is refused is a threat: "told the
villagers to join the group OR BE KILLED", "the junta must release the prisoners OR FACE
SANCTIONS, the bloc said", "either the government resigns OR WE WILL TAKE UP ARMS", "pay the
ransom OR THE HOSTAGES WILL DIE". The grammar decides, not the words: the first member is a
demanded act (the complement of an appeal, demand, order or warning; a clause under "must"; an
imperative someone says; the first of "either ... or"), the second a hostile act (a conflict
act, a harm with no doer, "die", or facing force, sanctions or consequences). The threat (CAMEO
13x, the threatened act's code composed with ``compose.tsv``'s threaten rows) is made by the one
who demands, against the one asked, and it is what happened; the hostile act has not. Threats
on an "if"/"unless" condition are ``mood.conditional_threat``; the same threat said through a
frame of necessity is read here (``compelled_threat``): "could be FORCED TO go on strike IF the
government fails", "would have NO CHOICE BUT TO attack IF talks fail", "would HAVE TO impose a
curfew IF the violence continued". The one driven is the threatener; the act is threatened,
not done. A warning addressed to someone against an act of theirs ("warned Taiwan AGAINST
declaring independence") is a threat of the warner's (130), the act the one warned's, not done
(``warning_against``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from ..nlp import children_of
from . import tables
from .found import Found
from .grammar import PARTICLES, words
from .mood import aux_words, conditional, is_negated
from .patterns import lemma, noun_code, roles_of
from .syntax import (
    addressee_of,
    agent_of,
    complement_of,
    doer_in_act,
    event_noun_arg,
    intended_act,
    subject_of,
)
from .tables import data_json

Token = Any
Analyze = Callable[[Token, int], Found | None]
HARM_NOUNS = words("harm_nouns")  # "avenge the DEATH of": what a response answers


@functools.lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    data = data_json("threats.json")
    return {
        "or": frozenset(data["disjunctions"]["words"]),
        "roles": frozenset(data["demand_roles"]["words"]),
        "modals": frozenset(data["demand_modals"]["words"]),
        "harm": frozenset(data["harm_verbs"]["words"]),
        "harm_code": str(data["harm_verbs"]["code"]),
        "facing": frozenset(data["facing_verbs"]["words"]),
        "consequences": dict(data["consequence_nouns"]["map"]),
        "hostile": frozenset(data["hostile_roots"]["roots"]),
        "compulsion": frozenset(data["compulsion_verbs"]["words"]),
        "choice": frozenset(data["choice_nouns"]["words"]),
        "obligation": frozenset(data["obligation_verbs"]["words"]),
        "frame_modals": frozenset(data["frame_modals"]["words"]),
        "warning": frozenset(data["warning_verbs"]["words"]),
        "against": str(data["warning_verbs"]["prep"]),
        "warning_code": str(data["warning_verbs"]["code"]),
        "response_verbs": frozenset(data["vowed_responses"]["verbs"]),
        "response_nouns": frozenset(data["vowed_responses"]["nouns"]),
        "response_roles": frozenset(data["vowed_responses"]["roles"]),
        "response_code": str(data["vowed_responses"]["code"]),
        "wronged": frozenset(data["vowed_responses"]["wronged_verbs"]["words"]),
        "adjuncts": frozenset(data["vowed_responses"]["adjunct_nouns"]["words"]),
        "adjectives": frozenset(data["vowed_responses"]["adjectives"]["words"]),
    }


def alternative_threat(tok: Token, analyze: Analyze, depth: int) -> Found | None:
    """The threat ``tok`` makes by an alternative (module docstring), or None. ``tok`` is the
    demanding predicate ("told", "said") whose complement is the demanded act, or the demanded
    act itself ("Either the government resigns or we will take up arms")."""
    comp = complement_of(tok) or _fronted_imperative(tok)
    if comp is not None and comp.pos_ in ("VERB", "AUX") and _demands(tok, comp):
        demanded, maker = comp, tok
    elif _demanded_alone(tok):
        demanded, maker = tok, None
    else:
        return None
    alternative = _alternative(demanded)
    if alternative is None and maker is not None:
        alternative = _alternative(maker)  # "told them to leave OR THEY WOULD BE KILLED"
    if alternative is None:
        return None
    if maker is None and lemma(alternative) in _data()["harm"] | _data()["facing"]:
        return None  # "either we win or we die": a fate, no one's act
    code = _hostile_code(alternative, analyze, depth)
    if code is None:
        return None
    asked = _asked(demanded, maker)
    if maker is not None:
        subj, passive = subject_of(maker)
        source = None if passive else subj
    else:
        source = _own_subject(alternative)  # "or WE will take up arms"
        if source is None or (asked is not None and source.lower_ == asked.lower_):
            return None  # "either they agree or they leave": no one threatens them
    trigger = maker if maker is not None else alternative
    used = {trigger.i, demanded.i} | {t.i for t in alternative.subtree}
    return Found(
        tables.compose("threaten", code),
        trigger,
        source=source,
        targets=[asked] if asked is not None else [],
        family="threaten",
        used=used,
    )


def warning_against(tok: Token, analyze: Analyze, depth: int) -> Found | None:
    """A warning addressed to someone against an act of theirs ("China warned Taiwan AGAINST
    declaring independence", "warned Israel AGAINST a unilateral strike on Iran"): 130 by the
    one who warns against the one warned; the act is the one warned's, and hypothetical (it has
    not happened, and the warner does not threaten to do it). None for anything else."""
    data = _data()
    if tok.pos_ != "VERB" or lemma(tok) not in data["warning"]:
        return None
    act = None
    for c in children_of(tok):
        if c.dep_ == "prep" and c.lower_ == data["against"]:
            act = next((g for g in children_of(c) if g.dep_ in ("pcomp", "pobj")), None)
    if act is None:
        return None
    warned = addressee_of(tok)
    subj, passive = subject_of(tok)
    found = Found(
        data["warning_code"],
        tok,
        source=None if passive else subj,
        targets=[warned] if warned is not None else [],
        family="threaten",
        used={tok.i},
    )
    against = analyze(act, depth + 1)
    if against is not None:
        against.source = warned if warned is not None else against.source
        against.modality = "hypothetical"
        found.embedded = against
        found.used |= against.used
    return found


def vowed_response(tok: Token, analyze: Analyze, depth: int) -> Found | None:
    """A response vowed with nothing named to respond to but a harm ("vowed to respond", "swore
    to avenge the death of their leader", "vowed revenge for the killing"; also said ready,
    "is ready to respond to any provocation", an adjective of the vowing roles): the vower's
    threat of force (``vowed_responses``, 138), the response not done. None for anything else, and for a
    response to what is no harm ("vowed to respond to the demands")."""
    data = _data()
    if tok.pos_ not in ("VERB", "ADJ") or not set(roles_of(tok)) & data["response_roles"]:
        return None
    response = _vowed(tok)
    if response is None:
        return None
    if "intend" in roles_of(tok) and response.pos_ == "VERB":
        coded = analyze(response, depth + 1)
        if coded is not None and coded.code[:2] in data["hostile"]:
            return None  # "vowed to retaliate": the intention composes its own 13x (1384)
    subj, passive = subject_of(tok)
    targets = [
        g
        for c in children_of(response)
        if c.dep_ == "prep" and c.lower_ in ("against", "at")
        for g in children_of(c)
        if g.dep_ == "pobj"
    ] or _harm_doers(response)
    return Found(
        data["response_code"],
        tok,
        source=None if passive else subj,
        targets=targets,
        family="threaten",
        # "would NOT seek revenge", "pledged NOT to retaliate": no threat made
        negated=is_negated(tok) or is_negated(response),
        used={tok.i} | {t.i for t in response.subtree},
    )


def _harm_doers(response: Token) -> list[Token]:
    """Who did the harm a response answers, when the sentence names it: "to avenge the
    civilians killed in the INDIAN STRIKES", "the deaths of soldiers killed by REBELS"."""
    out = []
    for t in response.subtree:
        if t.i == response.i or t.pos_ != "VERB":
            continue
        doer = agent_of(t) if t.tag_ == "VBN" else None
        doer = doer or doer_in_act(t)
        if doer is not None:
            out.append(doer)
    return out


def _vowed(tok: Token) -> Token | None:
    """The response ``tok`` vows: an infinitive response verb whose only object is a harm
    ("to respond", "to avenge the killing") or a response noun object ("vowed REVENGE")."""
    data = _data()
    comp = intended_act(tok)
    if comp is not None and comp.pos_ == "VERB":
        prt = next((c.lower_ for c in children_of(comp) if c.lower_ in PARTICLES), "")
        word = f"{lemma(comp)} {prt}".strip()
        if word in data["response_verbs"] or lemma(comp) in data["response_verbs"]:
            return comp if _answers_harm(comp) else None
        return None
    for c in children_of(tok):
        if c.dep_ in ("dobj", "obj") and lemma(c) in data["response_nouns"]:
            return c
    return None


def answers_harm(tok: Token) -> bool:
    """Is ``tok`` a response to a harm, vowed or done ("VOWED to retaliate", "vowed revenge",
    "RETALIATED", "hit back")? Its target is whoever did the harm."""
    data = _data()
    if tok.pos_ == "NOUN":
        return lemma(tok) in data["response_nouns"] or _response_kind(tok)
    if tok.pos_ != "VERB":
        return False
    if lemma(tok) in data["response_verbs"]:
        return _answers_harm(tok)
    if any(_answers_harm(n) for n in _response_adjuncts(tok)):
        return True  # "fired rockets at a base IN RESPONSE"
    if any(c.dep_ in ("dobj", "obj") and _response_kind(c) for c in children_of(tok)):
        return True  # "launched RETALIATORY raids"
    return bool(set(roles_of(tok)) & data["response_roles"]) and _vowed(tok) is not None


def is_hostile(code: str | None) -> bool:
    """Is a code's root one of ``hostile_roots`` (threats.json): an act a response answers?"""
    return code is not None and code[:2] in _data()["hostile"]


def _response_kind(noun: Token) -> bool:
    """Is the act's noun said to be a response by its modifier ("RETALIATORY strikes",
    "REPRISAL attacks": ``vowed_responses.adjectives``)?"""
    adjectives = _data()["adjectives"]
    return any(c.dep_ in ("amod", "compound") and lemma(c) in adjectives for c in children_of(noun))


def _response_adjuncts(verb: Token) -> list[Token]:
    """The response nouns of the verb's "in" phrases ("IN RESPONSE", "in retaliation for the
    strike": ``adjunct_nouns``), also where spaCy hangs the phrase on the verb's last object
    ("fired rockets at a base IN RESPONSE"), never in a clause of its own."""
    return [
        g
        for c in verb.subtree
        if c.dep_ == "prep" and c.lower_ == "in" and _clause_of(c) == verb.i
        for g in children_of(c)
        if g.dep_ == "pobj" and lemma(g) in _data()["adjuncts"]
    ]


def _clause_of(tok: Token) -> int:
    """The index of the nearest verb above ``tok``."""
    node = tok.head
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node.i


def _answers_harm(response: Token) -> bool:
    """Does the response answer nothing, or only a harm ("to respond", "to avenge the DEATH of
    their leader", "to respond to the ATTACK")? Not "to respond to the DEMANDS"."""
    answered = [
        g
        for c in children_of(response)
        if c.dep_ in ("dobj", "obj") or (c.dep_ == "prep" and c.lower_ == "to")
        for g in ([c] if c.dep_ in ("dobj", "obj") else children_of(c))
        if g.dep_ in ("dobj", "obj", "pobj")
    ]
    if lemma(response) in _data()["wronged"]:
        return True  # "to avenge the CIVILIANS killed": the wronged name the harm too
    for g in answered:
        code = noun_code(g)
        harm = (code is not None and code[:2] in _data()["hostile"]) or lemma(g) in HARM_NOUNS
        if not harm and g.pos_ != "PRON":
            return False
    return True


def compelled_threat(tok: Token, analyze: Analyze, depth: int) -> Found | None:
    """The threat of a conflict act ``tok`` announces it would be driven to on a condition
    (module docstring), or None. ``tok`` is the frame: "forced", "compelled", "have"."""
    act = _compelled_act(tok)
    if act is None or not aux_words(tok) & _data()["frame_modals"]:
        return None
    if not (conditional(tok) or conditional(act)):
        return None
    found = analyze(act, depth + 1)
    if found is None:
        noun = event_noun_arg(act)  # "forced to embark ON A STRIKE"
        found = analyze(noun, depth + 1) if noun is not None else None
    if found is None or found.negated or found.code[:2] not in _data()["hostile"]:
        return None
    subj, _ = subject_of(tok)  # the one driven: "its MEMBERS could be forced"
    return Found(
        tables.compose("threaten", found.code),
        found.trigger,
        source=subj,
        targets=list(found.targets),
        family="threaten",
        used=found.used | {tok.i, act.i},
    )


def _compelled_act(tok: Token) -> Token | None:
    """The act of a frame of necessity: "be forced TO STRIKE" (a passive compulsion verb),
    "have no choice but TO ATTACK", "have TO IMPOSE"."""
    data = _data()
    word = lemma(tok)
    kids = list(children_of(tok))
    if word in data["compulsion"] and any(c.dep_ == "auxpass" for c in kids):
        return next((c for c in kids if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if word not in data["obligation"]:
        return None
    for c in kids:
        if c.dep_ == "xcomp" and c.pos_ == "VERB" and any(a.lower_ == "to" for a in children_of(c)):
            return c  # "would have to impose"
        if c.dep_ in ("dobj", "obj") and lemma(c) in data["choice"] and _none(c):
            for g in c.subtree:  # "no choice but to attack": the verb after "but"
                if g.dep_ in ("pcomp", "xcomp", "acl") and g.pos_ == "VERB":
                    return g
    for c in kids:  # spaCy may hang "but to leave" on "have" itself
        if c.dep_ == "cc" and c.lower_ == "but":
            return next(
                (g for g in kids if g.dep_ in ("pcomp", "xcomp") and g.pos_ == "VERB"), None
            )
    return None


def _none(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "no" for c in children_of(noun))


def _demands(maker: Token, comp: Token) -> bool:
    """Is ``comp`` an act ``maker`` demands: the complement of an appeal, demand, order or
    warning ("TOLD them to join"), or a clause said as an order ("the bloc SAID the junta must
    release them", "'Pay the ransom', the kidnappers SAID")?"""
    roles = set(roles_of(maker))
    if roles & _data()["roles"]:
        return True
    return "say" in roles and (bool(aux_words(comp) & _data()["modals"]) or _imperative(comp))


def _fronted_imperative(tok: Token) -> Token | None:
    """The quoted order a statement follows, which spaCy may hang on the statement verb as an
    adverbial clause: "SURRENDER or face annihilation, the commander told the rebels", "LAY
    DOWN your weapons or be killed, the general said"."""
    for c in children_of(tok):
        if c.i < tok.i and c.dep_ in ("advcl", "parataxis") and _imperative(c):
            return c
    return None


def _demanded_alone(tok: Token) -> bool:
    """Is ``tok`` a demand with no wrapper: "EITHER the government resigns or ...", "the junta
    MUST release them or ..."?"""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    either = any(c.dep_ == "preconj" and c.lower_ == "either" for c in children_of(tok))
    return either or bool(aux_words(tok) & _data()["modals"])


def _imperative(tok: Token) -> bool:
    """A bare verb with no subject of its own and no "to": "PAY the ransom or ..."."""
    return tok.tag_ == "VB" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "mark") for c in children_of(tok)
    )


def _alternative(demanded: Token) -> Token | None:
    """The verb joined to the demanded act by "or" ("join ... OR be KILLED"). spaCy hangs the
    "or" on the verb or on its object ("return to talks OR face sanctions"), so it is looked
    for between the two verbs."""
    doc = demanded.doc
    for conj in children_of(demanded):
        if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX", "NOUN") or conj.i < demanded.i:
            continue
        between = doc[demanded.i + 1 : conj.i]
        if any(t.dep_ == "cc" and t.lower_ in _data()["or"] for t in between):
            return conj
        return None
    return None


def _hostile_code(alternative: Token, analyze: Analyze, depth: int) -> str | None:
    """The CAMEO code of what the alternative threatens, or None when it threatens nothing."""
    data = _data()
    word = lemma(alternative)
    if alternative.pos_ in ("VERB", "AUX"):
        if word in data["harm"]:
            return str(data["harm_code"])  # "or the hostages will DIE"
        if word in data["facing"]:
            for c in children_of(alternative):
                if c.dep_ in ("dobj", "obj"):
                    return _faced(c)
            return None
        found = analyze(alternative, depth + 1)
        if found is not None and found.code[:2] in data["hostile"] and not found.negated:
            return found.code
        return None
    # spaCy reads an imperative "face" as a noun: "Surrender or FACE annihilation", "to
    # surrender or FACE annihilation" (the noun "face" with its object)
    if any(c.dep_ == "compound" and lemma(c) in data["facing"] for c in children_of(alternative)):
        return _faced(alternative)
    if word in data["facing"]:
        for c in children_of(alternative):
            if c.dep_ in ("dobj", "obj"):
                return _faced(c)
    return None


def _faced(noun: Token) -> str | None:
    """The code of what one faces: a conflict noun ("sanctions", "military action") or a
    consequence the noun table does not code ("consequences", "a crushing response")."""
    code = noun_code(noun)
    if code and code[:2] in _data()["hostile"]:
        return code
    return _data()["consequences"].get(noun.lower_) or _data()["consequences"].get(lemma(noun))


def _asked(demanded: Token, maker: Token | None) -> Token | None:
    """Who is asked: the demanded act's own subject ("the JUNTA must release"), else whom the
    demand is addressed to ("told THE VILLAGERS to join")."""
    own = _own_subject(demanded)
    if own is not None:
        return own
    return addressee_of(maker) if maker is not None else None


def _own_subject(tok: Token) -> Token | None:
    return next((c for c in children_of(tok) if c.dep_ in ("nsubj", "nsubjpass")), None)


__all__ = [
    "alternative_threat",
    "answers_harm",
    "compelled_threat",
    "is_hostile",
    "vowed_response",
    "warning_against",
]

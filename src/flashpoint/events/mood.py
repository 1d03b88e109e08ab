"""Negation, future, hypotheticals and wrapper modality: how CAMEO codes what did not (yet)
happen ("will not lift the ban" is a rejection, "will attack" a threat)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..nlp import children_of, per_token
from . import tables
from .found import Found
from .grammar import (
    AVERTING_VERBS,
    CEASING_NOUNS,
    CEASING_VERBS,
    CONFLICT_ROOTS,
    CONTINUING_VERBS,
    COOPERATIVE_ROOTS,
    DONE_MARKS,
    FAMILY_MODALITY,
    FAMILY_ROOTS,
    FEARED_NOUNS,
    FORCE_ROOTS,
    FUTURE,
    HYPOTHETICAL,
    NEG,
    NEGATIVE_GERUND_PREPS,
    NEGATIVE_SUBJECTS,
    THREAT_MODALS,
    WRAPPER_EVENT_ROOTS,
)
from .patterns import lemma, names_nobody, noun_code

Token = Any
FIRST_PERSON = frozenset({"i", "we"})


@per_token
def is_negated(tok: Token) -> bool:
    for c in children_of(tok):
        if c.dep_ == "neg" or (c.lower_ in NEG and c.dep_ in ("advmod", "neg", "det")):
            return True
    return False


def averted(tok: Token) -> bool:
    """Is the noun an act another verb kept from being ("police PREVENTED a demonstration",
    "FOILED an attack", "BANNED protests", "DELAYED the release": ``averting_verbs``)? Then it
    is not reported as done."""
    keeper = tok.head
    return (
        tok.dep_ in ("dobj", "obj", "nsubjpass")
        and tok.pos_ in ("NOUN", "PROPN")
        and keeper.pos_ == "VERB"
        and (lemma(keeper) in AVERTING_VERBS or _phrasal(keeper) in AVERTING_VERBS)
    ) or ceased(tok)


def feared(tok: Token) -> bool:
    """Is the noun an act only feared or foreseen ("amid FEARS OF an Israeli offensive", "the
    RISK OF a war", "war FEARS": ``feared_nouns``)? Then it is not reported as done."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in ("of", "about", "over"):
        head = head.head
    elif tok.dep_ != "compound":
        return False
    return head.pos_ == "NOUN" and lemma(head) in FEARED_NOUNS


def _phrasal(verb: Token) -> str:
    """The verb with its particle, "hold up" for "HELD UP the release"."""
    particle = next((c.lower_ for c in children_of(verb) if c.dep_ == "prt"), None)
    return f"{lemma(verb)} {particle}" if particle else lemma(verb)


def not_done_gerund(tok: Token) -> bool:
    """Is the predicate a gerund after "without" ("attacked Ukraine without DECLARING war":
    ``negative_gerund_preps``)? The act did not happen; nobody refused it."""
    return tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ in NEGATIVE_GERUND_PREPS


def ceased(tok: Token) -> bool:
    """Is the act of force said to come to a stop ("FIGHTING paused in Gaza", "the SHELLING
    stopped": ``ceasing_verbs``; "a pause in the BOMBING", "an end to the FIGHTING":
    ``ceasing_nouns``)? Then it is not reported as going on, like the object of "halted". Talks,
    a withdrawal or a protest that ended took place: only force counts."""
    if tok.pos_ not in ("NOUN", "PROPN") or (noun_code(tok) or "")[:2] not in FORCE_ROOTS:
        return False  # "the talks ended", "the withdrawal ended": they took place
    head = tok.head
    if tok.dep_ == "nsubj" and head.pos_ == "VERB" and lemma(head) in CEASING_VERBS:
        return not any(c.dep_ in ("dobj", "obj") for c in children_of(head))  # "ended the war": its doer
    if tok.dep_ == "pobj" and head.lower_ in ("to", "in", "of"):
        # "a pause in the bombing"; "brought an end to the fighting", the "to" on the verb
        nouns = [head.head] + [c for c in children_of(head.head) if c.dep_ in ("dobj", "obj")]
        return any(n.pos_ == "NOUN" and n.lemma_.lower() in CEASING_NOUNS for n in nouns)
    return False


def _refusal(tok: Token) -> bool:
    """Is a negated act refused rather than reported as not done? Not with a simple or past
    perfect ("did not sign", "had not met"): that reports what did not happen; "will not",
    "would not", "cannot", "never", "has not agreed", "does not recognise" are refusals, a
    stance that holds."""
    words = {c.lower_ for c in children_of(tok) if c.dep_ in ("aux", "neg", "advmod")}
    return "never" in words or not ({"did", "had"} & words)


def _agentless_passive(tok: Token) -> bool:
    """A passive with no doer ("a referendum will not be held before the elections"): nobody
    is named who refuses, so its negation is no refusal (12x), only an act that will not happen."""
    kids = list(children_of(tok))
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in kids) and not any(
        c.dep_ == "agent" for c in kids
    )


def none_done(tok: Token) -> bool:
    """An act whose patient, object or doer is "no" ("NO measures had been taken", "took NO
    action", "no one was killed", "NO group claimed responsibility", "NOBODY was hurt":
    ``negative_subjects``): nothing of it happened, or nobody did it. Only the act's own mood:
    "produced no agreement" negates the agreement noun itself, not a predicate above it."""
    return any(
        c.dep_ in ("nsubjpass", "dobj", "nsubj")
        and names_nobody(c)
        and (c.dep_ != "dobj" or c.lower_ not in NEGATIVE_SUBJECTS)  # an object: only "no X"
        for c in children_of(tok)
    )


@per_token
def aux_words(tok: Token) -> frozenset[str]:
    return frozenset(c.lower_ for c in children_of(tok) if c.dep_ in ("aux", "auxpass"))


def told_done(clause: Token) -> bool:
    """Is an adverbial clause a past act of its own subject ("ordered the army to hunt them down
    AFTER GUNMEN STORMED a studio", "vowed to respond after militants HAD KILLED nine")? Its act
    happened, whatever the verb it hangs on asks or intends, when a subordinator of what came
    before or caused it opens it (``done_marks``); a present or future one ("after the truce
    takes effect") is not told as done. A past participle after a noun says what was done to it
    ("the civilians KILLED in the strikes"), whatever wraps the noun."""
    kids = children_of(clause)
    if clause.dep_ == "acl" and clause.tag_ == "VBN" and not any(c.dep_ == "aux" for c in kids):
        return True  # "vowed to avenge the civilians KILLED in the strikes": they were killed
    if clause.dep_ != "advcl" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids):
        return False
    if not any(c.dep_ == "mark" and c.lower_ in DONE_MARKS for c in kids):
        return False  # "agreed to pause WHILE hostages were exchanged": part of what was agreed
    if clause.tag_ == "VBD":
        return True
    aux = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
    return clause.tag_ == "VBN" and bool(aux & {"had", "was", "were"})


def is_future(tok: Token) -> bool:
    words = aux_words(tok)
    if words & FUTURE:
        return True
    if "would" in words and not conditional(tok):
        return True  # reported future: "said it would allow access"
    # "is going to attack", "is set to meet", "is about to", "was supposed to withdraw"; and
    # "be to": "under the deal, Hezbollah WAS TO withdraw its fighters" is what was agreed, not
    # what was done ("is YET TO be ratified" is not done at all: yet_to, a hypothetical)
    head = tok.head
    if tok.dep_ == "conj" and head.i != tok.i and not any(c.dep_ in ("aux", "auxpass") for c in children_of(tok)):
        return is_future(head)  # "is to be signed and RATIFIED": the same future
    if tok.dep_ != "xcomp" or head.i == tok.i or yet_to(tok):
        return False
    if lemma(head) in ("go", "set", "due", "expect", "poise", "suppose"):
        return True
    return lemma(head) == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(tok))


def yet_to(tok: Token) -> bool:
    """ "is YET TO be ratified", "has yet to sign": the act has not happened (hypothetical); its
    conjunct shares it ("yet to be signed and RATIFIED")."""
    if tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    return (
        tok.dep_ == "xcomp"
        and head.i != tok.i
        and lemma(head) in ("be", "have")
        and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in children_of(head))
    )


def conditional(tok: Token) -> bool:
    """Does an "if"/"unless" clause hang on the word ("would attack UNLESS ...",
    "warned of military action IF ...")?"""
    for c in children_of(tok):
        if c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in children_of(c)
        ):
            return True
    return False


def condition_subjects(tok: Token) -> list[Token]:
    """The subjects of the "if"/"unless" clauses hanging on the word: who must act for a threat
    not to be carried out ("threatened tariffs IF THE EUROPEAN UNION did not scrap its duty",
    "unless ISRAEL improved ..."), the one threatened. A passive subject acts on no one."""
    return [
        s
        for c in children_of(tok)
        if c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in children_of(c))
        for s in children_of(c)
        if s.dep_ == "nsubj"
    ]


def conditional_threat(tok: Token) -> bool:
    """Is the act announced on a condition ("the Community MAY HALT mediation IF cooperation
    founders", "the rebels WOULD ATTACK the city UNLESS the prisoners are released")? For a
    conflict act that is a threat (CAMEO 13x: "threaten to halt mediation", "threaten attack"):
    the announcing happened, the act is only threatened. Not a past that did not happen
    ("would HAVE attacked if"), nor what is owed ("must act if": ``conditional_threat_aux``),
    nor the narrator's own speculation ("the army could attack the city if the talks fail"):
    only what someone says (``_announced``)."""
    words = aux_words(tok)
    return (
        bool(words & THREAT_MODALS)
        and "have" not in words
        and conditional(tok)
        and _announced(tok)
    )


def _announced(tok: Token) -> bool:
    """Is the clause of ``tok`` someone's words: the complement of a verb ("the minister SAID
    the Community may halt ..."), beside a parenthetical "officials said", or in the first
    person ("WE could strike back if ...")?"""
    while tok.dep_ in ("conj", "xcomp") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "ccomp" and tok.head.pos_ in ("VERB", "AUX"):
        return True
    if any(c.dep_ == "parataxis" and c.pos_ == "VERB" for c in (*children_of(tok), *children_of(tok.head))):
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in FIRST_PERSON for c in children_of(tok))


def is_hypothetical(tok: Token) -> bool:
    words = aux_words(tok)
    if words & HYPOTHETICAL or ("would" in words and conditional(tok)) or yet_to(tok):
        return True
    for c in children_of(tok):
        if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
            return True
    return False


def wrapper_modality(role: str, code: str, wrapped: str | None = None) -> str:
    """Modality of a wrapper's event coded ``code``.

    When the code is the family's own CAMEO event (an expression of intent 03x, a threat 13x,
    an appeal 02x, a demand 10x, a rejection 12x), the expressing IS the event and it happened:
    "asserted". Otherwise the code still names the wrapped act, which is only intended or
    demanded.
    """
    roots = FAMILY_ROOTS.get(role, ())
    primary = roots[0] if roots else None
    # "called for sanctions" (an appeal turned demand, 10x) is as much the event as 02x
    if code[:2] in WRAPPER_EVENT_ROOTS and (code != wrapped or code[:2] == primary):
        return "asserted"  # ("plans to threaten" keeps its threat code, but only intended)
    return FAMILY_MODALITY.get(role, "asserted")


def with_mood(found: Found, tok: Token) -> Found:
    """Mood of ``tok`` applied to its event. Continuing an act ("will continue to support the
    mission") is doing it: the future is kept for the date, but no intention is coded
    (grammar.json continuing_verbs)."""
    future = is_future(tok)
    continuing = future and lemma(tok) in CONTINUING_VERBS
    agentless = _agentless_passive(tok)
    without = not_done_gerund(tok)
    negated = is_negated(tok) or without or (found.trigger.i == tok.i and none_done(tok))
    # a conflict act on a condition is threatened: coded as its future is (13x), and asserted
    threat = not negated and found.code[:2] in CONFLICT_ROOTS and conditional_threat(tok)
    found = apply_mood(
        found,
        negated=negated,
        refused=_refusal(tok) and not agentless and not without,
        agentless=agentless,
        future=(future or threat) and not continuing,
        hypothetical=is_hypothetical(tok) and not threat,
    )
    if continuing:
        found.future = True
    return found


def apply_mood(
    found: Found,
    *,
    negated: bool,
    future: bool,
    hypothetical: bool,
    refused: bool = True,
    agentless: bool = False,
) -> Found:
    """Negation, intention and hypotheticals of the trigger, as CAMEO codes them. A negated
    cooperative act is a refusal (12x) when ``refused`` ("will not release", "has never
    recognised"); "did not sign the treaty itself" only reports that it did not happen, and so
    does an ``agentless`` passive ("will not be held": no one is named who refuses)."""
    root = found.code[:2]
    if negated:
        if found.code == "010":
            # "state media did not comment", "did not say what steps": declining to comment
            return replace(found, code=tables.compose("reject", "010"), negated=False)
        if root in COOPERATIVE_ROOTS and (refused or (future and not agentless)):
            return replace(
                found, code=tables.compose("reject", found.code), negated=False, modality="asserted"
            )
        found.negated = True
    if future:
        found.future = True
        intent = found.code
        if root in COOPERATIVE_ROOTS - {"03"} or root in CONFLICT_ROOTS:
            intent = tables.compose("intend", found.code)
        if intent != found.code:
            # "will hold talks" is an expression of intent to meet (036), "will attack" a threat
            # (138): announcing it is the event, which happened (asserted, future kept for dates)
            found = replace(found, code=intent)
        elif found.modality == "asserted":
            found.modality = "intended"
    if hypothetical and found.modality in ("asserted", "reported"):
        found.modality = "hypothetical"
    return found


def refused_intention(found: Found, role: str) -> Found:
    """ "has NO intention of releasing the hostages": a negated intention (a wrapper noun with
    "no") of a cooperative act is a refusal of it, as "will not release" is (12x, asserted, the
    act carried negated); of anything else it stays a negated intention ("no intention of
    invading")."""
    emb = found.embedded
    if not found.negated or role not in ("intend", "offer") or emb is None:
        return found
    refused = apply_mood(
        replace(found, code=emb.code, negated=False), negated=True, future=True, hypothetical=False
    )
    if refused.code[:2] != tables.compose("reject", emb.code)[:2] or refused.negated:
        return found
    refused.family = "reject"
    return refused

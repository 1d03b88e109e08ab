"""Who did it to whom: the agent and patient of a verb, compared between statement and article.

Swapping roles keeps every word of a sentence ("the USA accused North Korea" / "North Korea
accused the USA"), so word overlap cannot see it; the dependency parse can. For each verb we
take its *agent* (active subject, or the "by" phrase of a passive) and its *patient* (direct
object, or passive subject; the "on" phrase of "blamed the blasts on the rebels"), so that "X
arrested Y" and "Y was arrested by X" line up. A
relative pronoun stands for the noun its clause modifies ("an American who fell" -> American);
a third-person pronoun for the nearest earlier subject that agrees with it, in its sentence or
the one before ("... personnel rammed the boats. He said they seized eight rifles": the
personnel); a pronoun with no such subject is unknown, never a mismatch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..nlp import entity_at, ents_within
from .lexicon import lexicon
from .units import (
    NAME_LABELS,
    actor_key,
    canonical_entity,
    capital_country,
    org_initials,
    person_name_keys,
    token_key,
)

_RELATIVE = frozenset({"who", "which", "that", "whom"})
_PLURAL = frozenset({"they", "them", "their"})
_PERSONAL = frozenset({"he", "she", "him", "her", "his"})
_NEUTER = frozenset({"it", "its"})
_MAX_ARG_TOKENS = 12
_INHERIT_DEPS = frozenset({"conj", "xcomp", "advcl"})
_BODY_DEPS = frozenset({"compound", "amod", "poss", "nmod"})  # "the Israeli military", "Iran's ministry"


@dataclass(frozen=True)
class Frame:
    """A verb occurrence in the article with the keys of its arguments (None = unknown)."""

    sentence: int
    verb: str
    agent: frozenset[str] | None
    patient: frozenset[str] | None
    agent_text: str | None
    patient_text: str | None
    # The argument is a pronoun's antecedent (``antecedent``): a guess, so it names another actor
    # only with evidence as strong as another country (``findings.roles._other_country``).
    agent_resolved: bool = False
    patient_resolved: bool = False
    # The act a controlling verb is about: "extend" in "agreed to extend the truce" (``complement``).
    complement: str | None = None
    # Who receives what a transfer verb moves: "Eritrea" in "handed two towns to Eritrea" (``recipient``).
    recipient: frozenset[str] | None = None
    recipient_text: str | None = None


def _resolve(arg: Any, verb: Any, resolve: bool = False) -> Any | None:
    """The noun an argument stands for, or None when it is a personal pronoun or owned by one:
    "its warplanes struck" says the warplanes of an actor named elsewhere, as unknown as "it
    struck" (a named owner, "Israel's warplanes", is kept: ``arg_keys`` reads it). With
    ``resolve`` a third-person pronoun is read as its antecedent (``antecedent``) and a noun
    owned by a pronoun as itself ("their foreign ministers initialled" is about the ministers)."""
    if arg.lower_ in _RELATIVE and verb.dep_ == "relcl":
        return verb.head
    if arg.pos_ == "PRON":
        return antecedent(arg) if resolve else None
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in arg.children):
        return arg if resolve else None
    return arg


def _agrees(pronoun: str, noun: Any) -> bool:
    """Whether a subject noun can be what a pronoun stands for: "they" a plural noun (a named
    group only when there is none: ``antecedent``), "he"/"she" a person or one person's title ("the chief"),
    "it"/"its" a named country or organisation, or a body of one ("the Israeli military")."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    group = noun.ent_type_
    if pronoun in _PLURAL:
        return noun.tag_ in ("NNS", "NNPS")
    if pronoun in _PERSONAL:
        return group == "PERSON" or (not group and noun.tag_ == "NN")
    # a body of a named country or organisation: "The Israeli military said it ...", "The UAE
    # foreign ministry said it had mediated ..."
    return group in ("GPE", "ORG") or (noun.tag_ in ("NN", "NNP") and any(
        c.ent_type_ in ("GPE", "ORG", "NORP") for c in noun.children if c.dep_ in _BODY_DEPS))


def antecedent(pronoun: Any) -> Any | None:
    """The subject a third-person pronoun most likely stands for: the nearest earlier subject
    that agrees with it (``_agrees``), in its own sentence or the one before. "Chinese coast guard
    personnel rammed the boats ... He said they seized eight rifles": "they" is the personnel
    ("He", a pronoun, and "the chief", one person, do not agree). A first- or second-person
    pronoun, or none found, gives None: unknown, never a mismatch."""
    word = pronoun.lower_
    if word not in _PLURAL | _PERSONAL | _NEUTER:
        return None
    sent = pronoun.sent
    doc = pronoun.doc
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    subjects = [doc[i] for i in range(pronoun.i - 1, start - 1, -1) if doc[i].dep_ in ("nsubj", "nsubjpass")]
    found = next((t for t in subjects if _agrees(word, t)), None)
    if found is None and word in _PLURAL:  # a named group, only when no plural noun is there
        found = next((t for t in subjects if t.ent_type_ in ("ORG", "NORP") and t.pos_ in ("NOUN", "PROPN")), None)
    return found


def possessor(pronoun: Any) -> Any | None:
    """The owner a possessive "its" or "their" stands for: the nearest earlier subject of its own
    sentence of the same number ("The army said its air force struck RSF positions": the army's
    air force). Only its own sentence: a guess, read only against a statement that names another
    owner for the same thing (``findings.actors``). None for any other token."""
    word = pronoun.lower_
    if pronoun.dep_ != "poss" or word not in ("its", "their") or pronoun.head.pos_ != "NOUN":
        return None
    plural = word == "their"
    for i in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
        tok = pronoun.doc[i]
        agrees = (tok.tag_ in ("NNS", "NNPS")) == plural or tok.ent_type_ in ("GPE", "ORG", "NORP")
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("NOUN", "PROPN") and agrees:
            return tok
    return None


def _score_object(verb: Any) -> Any | None:
    """The name right after a verb that the parse made an adverbial noun phrase, as it does
    before a score ("Arsenal beat Everton 2-1": "Everton" npadvmod): the object. A date ("won
    Sunday") is none."""
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if (after is not None and after.head.i == verb.i and after.dep_ == "npadvmod" and after.pos_ == "PROPN"
            and after.ent_type_ not in ("DATE", "TIME")):
        return after
    return None


def arguments(verb: Any, *, resolve: bool = False) -> tuple[Any | None, Any | None, bool, bool]:
    """(agent, patient, agent_is_unknown, patient_is_unknown) of a verb token; with ``resolve``
    a third-person pronoun is read as its antecedent (``antecedent``), else it is unknown."""
    agent = patient = None
    agent_unknown = patient_unknown = False
    # A passive verb that shares its head's subject ("Assad fled and was granted asylum") takes
    # that subject as its patient: he was granted it, he did not grant it.
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    # "Four officers died": the subject is the one the act befalls (as of "killed four officers")
    undergoes = verb.lemma_.lower() in lexicon().undergoer_verbs
    node = verb
    for _ in range(3):  # a coordinated or controlled verb shares its head's subject
        for child in node.children:
            if (passive and node is not verb and child.dep_ in ("nsubj", "nsubjpass")) or (
                undergoes and child.dep_ == "nsubj"
            ):
                if patient is None and not patient_unknown:
                    patient = _resolve(child, node, resolve)
                    patient_unknown = patient is None
            elif child.dep_ == "nsubj" and agent is None and not agent_unknown:
                agent = _resolve(child, node, resolve)
                agent_unknown = agent is None
            elif child.dep_ == "nsubjpass" and patient is None and not patient_unknown and node is verb:
                patient = _resolve(child, node, resolve)
                patient_unknown = patient is None
            elif child.dep_ == "agent" and agent is None:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        agent = _resolve(pobj, node, resolve)
                        agent_unknown = agent is None
        if node is verb:
            on = _on_patient(verb)
            if on is not None:  # "blamed the blasts on saboteurs": the saboteurs are blamed
                patient = _resolve(on, verb, resolve)
                patient_unknown = patient is None
            for child in verb.children:
                if child.dep_ == "dobj" and patient is None and not patient_unknown:
                    patient = _resolve(child, verb, resolve)
                    patient_unknown = patient is None
            if patient is None and not patient_unknown and not passive:
                patient = _score_object(verb)
        if agent is not None or agent_unknown or node.dep_ not in _INHERIT_DEPS:
            break
        if passive and node is not verb and (patient is not None or patient_unknown):
            break
        node = node.head
    return agent, patient, agent_unknown, patient_unknown


def _on_patient(verb: Any) -> Any | None:
    """The object of an "on" phrase that names who a verb of ``lexicon.json`` on_patient_verbs is
    aimed at ("blamed the landmine blasts on the rebels": the rebels are the ones blamed, as in
    "blamed the rebels for the blasts"); None for other verbs ("struck on Monday")."""
    if verb.lemma_.lower() not in lexicon().on_patient_verbs:
        return None
    # the parser often hangs the phrase on the object ("the blasts on the rebels")
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    for prep in (c for h in heads for c in h.children):
        if prep.dep_ == "prep" and prep.lower_ == "on":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def recipient(verb: Any) -> Any | None:
    """The one a transfer is made to: the object of the "to" phrase of a verb of ``lexicon.json``
    recipient_verbs ("handed two border towns to Eritrea", "were returned to Armenia"); None for
    other verbs, and for a pronoun ("handed them to it"), which says no one."""
    if verb.lemma_.lower() not in lexicon().recipient_verbs:
        return None
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # "to" often hangs on the object
    for prep in (c for h in heads for c in h.children):
        if prep.dep_ in ("prep", "dative") and prep.lower_ == "to":
            found = next((c for c in prep.children if c.dep_ == "pobj"), None)
            return None if found is None or found.pos_ == "PRON" else found
    return None


def arg_keys(arg: Any, *, ents: Sequence[Any] | None = None) -> frozenset[str]:
    """Keys of an argument phrase: its content words and the names in it.

    ``ents`` are the entities of the sentence; when None, the document's entities inside the
    phrase are found by bisection (``nlp.ents_within``), not by building ``Doc.ents`` anew.
    """
    keys: set[str] = set()
    for i, tok in enumerate(arg.subtree):
        if i >= _MAX_ARG_TOKENS:
            break
        if tok.is_punct or tok.is_stop:
            continue
        keys.add(token_key(tok))
        if tok.pos_ == "PROPN" or tok.ent_type_:
            keys.add(canonical_entity(tok.text))
    left, right = arg.left_edge.i, arg.right_edge.i + 1
    for ent in ents_within(arg.doc, left, right) if ents is None else ents:
        if left <= ent.start and ent.end <= right and ent.label_ in NAME_LABELS:
            keys.add(canonical_entity(ent.text))
            keys.update(k for k in (capital_country(ent.text), actor_key(ent.text)) if k)
            if ent.label_ == "PERSON":
                keys.update(person_name_keys(ent))
            keys.update(org_initials(ent))  # "the OSCE" is this organisation spelled out
    keys.discard("")
    return frozenset(keys)


def arg_text(arg: Any, *, ents: Sequence[Any] | None = None) -> str:
    """A short name for an argument: the entity it is in, or its compound head (``ents``: the
    sentence's entities; when None, the document's entity holding it, ``nlp.entity_at``)."""
    if arg.ent_type_:
        if ents is None:
            held = entity_at(arg.doc, arg.i)
        else:
            held = next((e for e in ents if e.start <= arg.i < e.end), None)
        if held is not None:
            return held.text
    left = [c for c in arg.lefts if c.dep_ in ("compound", "amod", "poss")]
    start = min([arg.i, *(c.left_edge.i for c in left)])
    return arg.doc[start : arg.i + 1].text.strip()  # a blanked dateline is a leading space token


def complement(verb: Any) -> Any | None:
    """The verb a controlling verb governs ("agreed to extend", "ordered the army to leave"): its
    open clausal complement, when that is a verb."""
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)


def frames_of(span: Any, sentence: int, *, ents: Sequence[Any] | None = None) -> list[Frame]:
    """Every verb of an article sentence with its arguments (``ents``: the sentence's entities)."""
    out = []
    for tok in span:
        if tok.pos_ != "VERB":
            continue
        agent, patient, agent_unknown, patient_unknown = arguments(tok)
        agent_resolved = patient_resolved = False
        if agent_unknown or patient_unknown:
            r_agent, r_patient, _, _ = arguments(tok, resolve=True)
            if agent is None and r_agent is not None:
                agent, agent_resolved = r_agent, True
            if patient is None and r_patient is not None:
                patient, patient_resolved = r_patient, True
        # A pronoun's antecedent may stand in the sentence before: its own entities are read.
        a_ents = ents if agent is None or span.start <= agent.i < span.end else None
        p_ents = ents if patient is None or span.start <= patient.i < span.end else None
        out.append(
            Frame(
                sentence=sentence,
                verb=token_key(tok),
                agent=None if agent is None else arg_keys(agent, ents=a_ents),
                patient=None if patient is None else arg_keys(patient, ents=p_ents),
                agent_text=None if agent is None else arg_text(agent, ents=a_ents),
                patient_text=None if patient is None else arg_text(patient, ents=p_ents),
                agent_resolved=agent_resolved,
                patient_resolved=patient_resolved,
                complement=None if (c := complement(tok)) is None else token_key(c),
                recipient=None if (r := recipient(tok)) is None else arg_keys(r, ents=ents),
                recipient_text=None if r is None else arg_text(r, ents=ents),
            )
        )
    return out


__all__ = ["Frame", "antecedent", "arg_keys", "arg_text", "arguments", "complement", "frames_of", "possessor", "recipient"]

"""Two sides named by one noun: "Russian and Ukrainian delegations met", "Indian and Chinese
troops clashed", "the Armenian and Azerbaijani foreign ministers held talks".

Wire news names the two parties of a meeting, a clash or an agreement by two coordinated
nationality adjectives on one head noun. The parser gives the head a single noun (no noun
conjunct), so the whole phrase would resolve to the first adjective's country alone and the act
would lose its counterpart. The second adjective with the words after it up to the head ("Ukrainian
delegations", "Azerbaijani foreign ministers") is the second side, a mention of its own: the
coder resolves it like any other and keeps it only when it names another country.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from ..actors import resolve_span
from ..nlp import children_of, conjuncts_of
from .grammar import AIMED_PREPS, FORCE_ROOTS
from .mentions import np_span

# how the parser hangs a nationality word on its head: "Russian" amod, "Thai" nmod, "US" compound
_MODIFIERS = ("amod", "nmod", "compound")
# how the parser hangs the first of two comma-joined names of a headline on their verb
_LOOSE = ("dep", "npadvmod", "nsubj")


def adjective_side(head: Token) -> Any | None:
    """The span naming the second side of a head modified by two coordinated adjectives
    ("UKRAINIAN DELEGATIONS" of "Russian and Ukrainian delegations"), or None. Only an
    adjective before the head whose conjunct also stands before it counts, so "Chinese troops
    and police" (a noun conjunct, read elsewhere) and "Russian troops, tired and hungry" (no
    second side) give nothing."""
    for adj in children_of(head):
        if adj.dep_ not in _MODIFIERS or adj.i > head.i:
            continue
        second = next((c for c in conjuncts_of(adj) if adj.i < c.i < head.i), None)
        if second is not None:
            return head.doc[second.i : head.i + 1]
    return None


def aimed_elsewhere(trigger: Token, code: str) -> bool:
    """Is an act of force aimed, by "on"/"against", at a named actor? Then the doers conjoined in
    its subject struck it together ("Kenyan and Somali troops carried out joint raids ON
    al-Shabaab bases", "Iraqi forces and Kurdish fighters launched an offensive AGAINST Islamic
    State"), not each other as in "X and Y clashed". The aim may hang on the verb or on the act
    noun it carries."""
    if code[:2] not in FORCE_ROOTS:
        return False
    carriers = [trigger] + [c for c in children_of(trigger) if c.dep_ in ("dobj", "obj")]
    carriers += [k for c in carriers[1:] for k in conjuncts_of(c)]  # "air and artillery STRIKES on"
    return any(
        resolve_span(np_span(o)) is not None
        for c in carriers
        for p in children_of(c)
        if p.dep_ == "prep" and p.lower_ in AIMED_PREPS
        for o in children_of(p)
        if o.dep_ == "pobj"
    )


def comma_side(subject: Token) -> Token | None:
    """The other side a headline names beside the subject with a bare comma ("ETHIOPIA, Somalia
    agree to ...", "India, PAKISTAN agree to ceasefire", "Serbia, KOSOVO LEADERS meet"):
    headlines drop "and", and the parser hangs the other name on the verb as a loose dependent or
    a second subject, or on the subject as an appositive. Only a name right before ", subject"
    or right after "subject ," counts, and after it only a name or a noun a name modifies, so "In
    Addis Ababa, Somalia agreed" (a preposition's object) and "Israel, a close ally, ..." (a
    description) give nothing."""
    doc = subject.doc
    i = subject.i
    if i >= 2 and doc[i - 1].text == ",":  # "Armenia, Azerbaijan agree": a bare name just before
        first = doc[i - 2]
        hangs = first.dep_ in _LOOSE and first.head.i == subject.head.i
        if first.pos_ == "PROPN" and first.ent_type_ == "GPE" and hangs and first.left_edge.i == first.i:
            return first
    for c in children_of(subject):  # "India, Pakistan agree": the parser's appositive
        # a bare country name, not "Israel, a close U.S. ally" nor "its president, Ruto"
        bare = c.right_edge.i == c.i == subject.i + 2 and doc[subject.i + 1].text == ","
        if c.dep_ == "appos" and c.ent_type_ == "GPE" and bare:
            return c
    j = subject.right_edge.i  # the comma may be the subject's own last word
    j = j if doc[j].text == "," else j + 1
    if j + 1 < len(doc) and doc[j].text == ",":
        after = doc[j + 1]
        while after.head.i != after.i and after.head.i not in (subject.i, subject.head.i):
            after = after.head
        named = after.pos_ == "PROPN" or any(
            c.pos_ == "PROPN" and c.dep_ == "compound" for c in children_of(after)
        )
        loose = (after.head.i == subject.i and after.dep_ == "appos") or (
            after.head.i == subject.head.i and after.dep_ in _LOOSE and after.i != subject.i
        )
        if named and loose and after.left_edge.i == j + 1:
            return after
    return None


__all__ = ["adjective_side", "comma_side"]

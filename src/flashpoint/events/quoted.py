"""Whose words a first-person pronoun is: the speaker of the quotation it stands in.

'"If we allow Ukraine to be carved up, is the independence of any nation secure?" Biden
asked': "we" is the United States, Biden's side. Without this the pronoun took the side the
article had named last (there, North Korea). The speaker is the subject of the verb of saying
the quotation hangs on in its own sentence, or, when the parser closed the sentence at the
quotation's "?" or "!", of the short sentence that follows it ('Biden asked.'). A pronoun with
no speaker found is no one: the article's last side is no guess for "we".
"""

from __future__ import annotations

from typing import Any

from ..nlp import children_of, sentence_of
from .grammar import FIRST_PERSON, QUOTING_VERBS, SUBJ
from .patterns import lemma, roles_of

Token = Any

_MAX_CLAUSES_UP = 8
_QUOTES = frozenset({'"', "“", "”", "'", "’", "‘"})


def first_person(tok: Token) -> bool:
    """Is ``tok`` a pronoun of the speaker ("we", "us", "our", "I")? "US" in capitals is a name."""
    return tok.lower_ in FIRST_PERSON and not (tok.text.isupper() and len(tok.text) > 1)


def quoted_speaker(tok: Token) -> Token | None:
    """The subject of the verb of saying whose quotation holds ``tok``, else None."""
    node = tok
    for _ in range(_MAX_CLAUSES_UP):
        if node.head.i == node.i:
            break
        node = node.head
        speaker = _speaker_of(node, tok)
        if speaker is not None:
            return speaker
    return _closing_attribution(tok)


def _speaker_of(verb: Token, tok: Token) -> Token | None:
    if verb.pos_ not in ("VERB", "AUX") or not (lemma(verb) in QUOTING_VERBS or "say" in roles_of(verb)):
        return None
    for c in children_of(verb):
        if c.dep_ in SUBJ and not (c.left_edge.i <= tok.i <= c.right_edge.i) and not first_person(c):
            return c
    return None


def _closing_attribution(tok: Token) -> Token | None:
    """'"... secure?" Biden asked.': the sentence after a quotation the parser closed at its
    question or exclamation mark, when that sentence is only the attribution."""
    sent = sentence_of(tok)
    doc = tok.doc
    if sent.end >= len(doc) or doc[sent.end - 1].text not in _QUOTES:
        return None
    after = sentence_of(doc[sent.end])
    root = after.root
    if len(after) > 8 or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in children_of(root)):
        return None
    return _speaker_of(root, tok)


__all__ = ["first_person", "quoted_speaker"]

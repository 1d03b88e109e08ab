"""A named person's gender, only as far as the article shows it, and whether a pronoun fits.

"She" must not name a person the article shows to be a man, and "he" not a woman; a person of
unknown gender is left as the pronoun's candidate, except for a marked pronoun (``gender_marked``
in ``data/words.tsv``) when the article showed someone of that gender. The article shows a
gender in two ways, and nothing else is guessed (no first-name lists: "Jaishankar" or "Kim" say
nothing by themselves):
- an honorific in the mention ("Ms Ardern", "Queen Rania", "Mr Sunak": ``titles_feminine``,
  ``titles_masculine``);
- a pronoun the sentence itself gives the person when it names no one else: "Sheikh Hasina
  resigned ... after weeks of protests against her rule" (a sentence with one named person, and
  pronouns of one gender outside any reported clause; "X told parliament that she had asked"
  says nothing of X: the pronoun is inside what X said).
"""

from __future__ import annotations

from typing import Any

from ..nlp import ents_within
from .tables import get_tables
from .text import fold

FEMININE = "f"
MASCULINE = "m"
_REPORTED = frozenset({"ccomp", "parataxis"})


def pronoun_gender(word: str) -> str | None:
    """``"f"`` for she/her, ``"m"`` for he/his, None for any other word."""
    words = get_tables().words
    key = fold(word)
    if key in words["pronouns_feminine"]:
        return FEMININE
    if key in words["pronouns_masculine"]:
        return MASCULINE
    return None


def marked(word: str) -> bool:
    """Is the pronoun one whose unknown-gender candidate yields to a person shown to fit?"""
    return fold(word) in get_tables().words["gender_marked"]


def shown_gender(span: Any) -> str | None:
    """The gender the article shows for the person a mention (a spaCy span) names, else None."""
    words = get_tables().words
    for t in span:
        key = fold(t.text).rstrip(".")
        if key in words["titles_feminine"]:
            return FEMININE
        if key in words["titles_masculine"]:
            return MASCULINE
    return _told_in_sentence(span)


def _told_in_sentence(span: Any) -> str | None:
    sent = span.sent
    persons = [e for e in ents_within(sent.doc, sent.start, sent.end) if e.label_ == "PERSON"]
    if len({e.start for e in persons}) > 1 or any(
        e.start != span.start and not _inside(e, span) for e in persons
    ):
        return None
    found = {
        g
        for t in sent
        if t.i >= span.end and (g := pronoun_gender(t.text)) is not None and not _reported(t, sent)
    }
    return found.pop() if len(found) == 1 else None


def _inside(ent: Any, span: Any) -> bool:
    return span.start <= ent.start and ent.end <= span.end


def _reported(tok: Any, sent: Any) -> bool:
    """Is the token inside a reported clause ("told parliament that SHE had asked")?"""
    node = tok
    while node.head.i != node.i and node.i != sent.root.i:
        if node.dep_ in _REPORTED:
            return True
        node = node.head
    return False


__all__ = ["FEMININE", "MASCULINE", "marked", "pronoun_gender", "shown_gender"]

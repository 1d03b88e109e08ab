"""Attribution inserted inside a sentence: "Russian forces, Ukraine's military said on Sunday,
struck a power plant"; "The army, a spokesman told reporters, had pushed the rebels out".

The small parser hangs the fronted subject ("Russian forces", "The army") on the verb of saying
as a second subject, beside the speaker (or makes the speaker its apposition), and leaves the
reported verb with none. The subject
set off by a comma before the speaker's own is the reported act's doer; the one after it is who
spoke (``syntax.subject_of`` asks both here).
"""

from __future__ import annotations

from typing import Any

from ..nlp import children_of
from .grammar import SUBJ
from .patterns import roles_of

Token = Any


def _split_subjects(verb: Token) -> tuple[Token, Token] | None:
    """(fronted doer, speaker) of a verb of saying with two subjects, the first one closed by
    a comma before the second ("Russian forces , Ukraine's military said"); else None."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subjects = [c for c in children_of(verb) if c.dep_ in SUBJ]
    if len(subjects) == 1 and "say" in roles_of(verb):
        return _appositive_speaker(verb, subjects[0])
    if len(subjects) != 2 or "say" not in roles_of(verb):
        return None
    first, second = sorted(subjects, key=lambda t: t.i)
    between = first.doc[first.i + 1 : second.left_edge.i]
    if not any(t.text == "," for t in between):
        return None
    return first, second


def _appositive_speaker(verb: Token, subject: Token) -> tuple[Token, Token] | None:
    """(fronted doer, speaker) when the parser made the speaker an apposition of the fronted
    subject, right before the verb of saying, and the reported verb after it has no subject of
    its own ("Israeli jets, Lebanon's health MINISTRY said on Monday, struck ..."); "Ahmed, a
    spokesman, said the army struck" has a comma before "said" and a subject in its report."""
    speaker = next((c for c in children_of(subject) if c.dep_ == "appos"), None)
    if speaker is None or speaker.right_edge.i + 1 != verb.i:
        return None
    reported = [c for c in children_of(verb) if c.dep_ == "ccomp" and c.i > verb.i]
    if not reported or any(c.dep_ in SUBJ for c in reported[0].children):
        return None
    return subject, speaker


def inserted_speaker(verb: Token) -> Token | None:
    """The speaker of an inserted attribution with a fronted subject, when ``verb`` is it."""
    split = _split_subjects(verb)
    return split[1] if split is not None else None


def fronted_subject(verb: Token) -> Token | None:
    """The doer of a reported verb left with no subject by an inserted attribution: the
    fronted subject the parser hung on the verb of saying that governs it ("The army, a
    spokesman told reporters, had PUSHED": ccomp) or that it governs ("Russian forces, the
    military said, STRUCK": parataxis)."""
    if any(c.dep_ in SUBJ for c in children_of(verb)):
        return None
    if verb.dep_ == "ccomp":
        split = _split_subjects(verb.head)
        if split is not None:
            return split[0]
    for c in children_of(verb):
        if c.dep_ == "parataxis":
            split = _split_subjects(c)
            if split is not None:
                return split[0]
    return None


__all__ = ["fronted_subject", "inserted_speaker"]

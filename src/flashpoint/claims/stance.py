"""The side an actor takes: "Kano's governor praised the strike" against "the governor called it
a crime".

A statement may give an actor the opposite side of what the article reports it said: praise
where it condemned, an admission where it denied. The words differ ("praised" / "called the march
treason", "admitted organising it" / "rejected the accusation"), so neither the antonym list nor
the model sees it, and what the act was taken about is often named differently ("the march" /
"the mutiny"). What stays is the actor and the axis of the act (``lexicon.json`` stance: approval,
acceptance), each word positive or negative; a noun of the list gives its side after a naming verb
("called the deal a betrayal"). The article's report must come from the same actor, asserted (not
negated), in the sentences the statement's clause was aligned with (for an admission or a denial,
anywhere in the article: ``_STORY_WIDE``). The result is what the article
says instead: a finding that names a contradiction when the statement is not supported, never a
verdict on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .index import ArticleIndex, Sentence, is_negated
from .lexicon import lexicon
from .roles import Frame, arg_text, arguments
from .units import token_key

# Axes read in every sentence of the article, not only those aligned with the clause: an actor's
# admission or denial answers the accusation the story is about, whose wording ("rejected the
# accusation") shares nothing with the statement's ("admitted organising the attack"). Praise and
# condemnation are said of many things in one story: only the aligned sentences answer.
_STORY_WIDE = frozenset({"acceptance"})


@dataclass(frozen=True)
class StanceClash:
    """The article's actor taking the other side: what it says, what the statement says, where."""

    article_says: str
    statement_says: str
    sentence: Sentence


def side(verb: Any) -> tuple[str, int] | None:
    """(axis, +1 / -1) of a statement verb: its own word ("praised"), or for a naming verb the
    listed noun it gives its object ("called the deal a betrayal"); None when it takes no side
    or is negated ("did not condemn")."""
    lex = lexicon()
    if is_negated(verb):
        return None
    own = lex.stance.get(token_key(verb))
    if own is not None:
        return own
    if verb.lemma_.lower() in lex.naming_verbs:
        for tok in verb.subtree:
            if tok is not verb and tok.pos_ in ("NOUN", "ADJ") and not is_negated(tok):
                found = lex.stance.get(token_key(tok))
                if found is not None:
                    return found
    return None


def _article_side(frame: Frame, sentence: Sentence) -> tuple[str, int, str] | None:
    """(axis, sign, word) of an article frame: its verb, or a naming verb's listed noun in the
    same sentence; None when the sentence negates the verb."""
    lex = lexicon()
    if frame.verb in sentence.negated:
        return None
    own = lex.stance.get(frame.verb)
    if own is not None:
        return (*own, frame.verb)
    if frame.verb in lex.naming_verbs:
        for key in sorted(sentence.keys - sentence.negated):
            found = lex.stance.get(key)
            if found is not None and key not in lex.naming_verbs:
                return (*found, key)
    return None


def clashes(
    index: ArticleIndex, tokens: Iterable[Any], window: list[Sentence], wanted: Callable[[Any], set[str]]
) -> list[StanceClash]:
    """Every verb of the clause ``tokens`` that takes a side, against the opposite side the same
    actor (``wanted``: the keys an argument is found under) takes in a ``window`` sentence."""
    verbs = [(tok, ours) for tok in tokens if tok.pos_ == "VERB" and (ours := side(tok)) is not None]
    if not verbs:
        return []
    order = {s.index: i for i, s in enumerate(window)}
    frames = sorted((f for fs in index.frames.values() for f in fs if f.agent is not None),
                    key=lambda f: (order.get(f.sentence, len(order)), f.sentence))
    out: list[StanceClash] = []
    for tok, ours in verbs:
        agent = arguments(tok)[0]
        if agent is None:
            continue
        keys = wanted(agent)
        for frame in frames:
            if frame.sentence not in order and ours[0] not in _STORY_WIDE:
                continue
            sentence = index.sentences[frame.sentence]
            theirs = _article_side(frame, sentence)
            if theirs is None or theirs[0] != ours[0] or theirs[1] == ours[1] or not keys & (frame.agent or set()):
                continue
            said = f"{frame.agent_text} {frame.verb}" + (f" it {theirs[2]}" if theirs[2] != frame.verb else "")
            out.append(StanceClash(said, f"{arg_text(agent)} {tok.lemma_.lower()}", sentence))
            break
    return out


__all__ = ["StanceClash", "clashes", "side"]

"""Non-political happenings: disasters, accidents, epidemics, markets and sport give no conflict.

A conflict event needs a political doer. "A strong earthquake killed eight people" has a doer
that is a force of nature; "five people were killed after a volcano erupted" has none, in a
sentence about a disaster; "Spain beat England in the final" is a match report. Each gives no
conflict event (CAMEO roots 13-20); the words are data (``data/happenings.json``, with where
they came from).
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

from ..errors import ConfigError

Token = Any
CONFLICT_ROOTS = frozenset({"13", "14", "15", "16", "17", "18", "19", "20"})
ACTOR_ENTITIES = frozenset({"NORP", "GPE", "ORG", "PERSON"})
NAME_ENTITIES = ACTOR_ENTITIES | {"FAC", "LOC", "PRODUCT"}
PROTEST_ROOT = "14"


@functools.lru_cache(maxsize=1)
def word_lists() -> dict[str, frozenset[str]]:
    """name -> its lower-cased words (``forces``, ``happenings``, ``sport``, ``sport_verbs``)."""
    try:
        text = (
            resources.files("flashpoint.events")
            .joinpath("data", "happenings.json")
            .read_text(encoding="utf-8")
        )
    except (FileNotFoundError, ModuleNotFoundError) as e:
        raise ConfigError("E404", name="happenings.json") from e
    data = json.loads(text)
    return {
        name: frozenset(w.lower() for w in entry["words"])
        for name, entry in data.items()
        if isinstance(entry, dict) and "words" in entry
    }


def _names(tok: Token) -> set[str]:
    """The word, its lemma, and the two-word phrase it ends ("flash flood", "bird flu"); none
    for a word inside a name ("the Storm Corps")."""
    if tok.ent_type_ in NAME_ENTITIES:
        return set()
    out = {tok.lower_, tok.lemma_.lower()}
    if tok.i > 0:
        prev = tok.doc[tok.i - 1]
        out.add(f"{prev.lower_} {tok.lemma_.lower()}")
        out.add(f"{prev.lower_} {tok.lower_}")
    return out


def is_force(tok: Token | None) -> bool:
    """Is this doer a force of nature, an accident, a disease, a vehicle or a market, owned by
    no actor ("artillery fire" and "Israeli fire" are acts of someone)?"""
    if tok is None:
        return False
    names = _names(tok) & word_lists()["forces"]
    if not names and _names(tok) & word_lists()["accidents"]:
        names = set() if _mentions(tok.sent, "armed") else _names(tok) & word_lists()["accidents"]
    if not names:
        return False
    if any(" " in n for n in names):
        return True  # "forest fire", "flash flood": the modifier is part of the name
    return not any(
        c.dep_ == "compound"
        or (c.dep_ in ("poss", "amod", "nmod") and c.ent_type_ in ACTOR_ENTITIES)
        for c in tok.children
    )


def _mentions(sent: Any, name: str) -> bool:
    words = word_lists()[name]
    return any(_names(t) & words for t in sent)


def victim_subject(found: Any) -> None:
    """ "159 people died of poisoning": the subject of a victim verb is a target, not a doer."""
    if found.source is not None and found.trigger.lemma_.lower() in word_lists()["victim_verbs"]:
        found.targets = [found.source, *found.targets]
        found.source = None


def non_political(
    code: str, trigger: Token, source: Token | None, *, actor: bool, sent: Any
) -> bool:
    """Is a predicate coded ``code`` a non-political happening (module docstring)? ``source`` is
    its doer token, ``actor`` whether that doer resolved to an actor code."""
    if code[:2] not in CONFLICT_ROOTS:
        return False
    if is_force(source):
        return True
    if (
        not actor
        and code[:2] != PROTEST_ROOT
        and _mentions(sent, "happenings")
        and not _mentions(sent, "armed")
    ):
        return True
    return trigger.lemma_.lower() in word_lists()["sport_verbs"] and _mentions(sent, "sport")


__all__ = ["is_force", "non_political", "victim_subject", "word_lists"]

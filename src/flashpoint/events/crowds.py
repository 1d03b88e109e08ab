"""Crowds in the street: what protesters, rioters and strikers do is part of a protest.

CAMEO codes a demonstration as 141 and a riot as 145, but news reports the acts of a crowd
with verbs of every kind: "rioters fought with police" (a fight, 190, unless the doer is read),
"protesters poured into the streets, denouncing ..." (a denunciation), "a group of strikers
gathered outside" (no coded verb at all). Here the doer decides: a crowd's violence is a riot,
a crowd gathering is demonstrating, a crowd speaking was demonstrating too (added after its
words), and a crowd that
security forces fire at, beat or disperse was demonstrating (added after). The words are data
(``data/crowds.json``).
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import Any

from ..nlp import children_of
from .found import Found
from .grammar import CROWD_SPOKEN_ROOTS, CROWD_VIOLENT_ROOTS
from .mood import averted
from .patterns import is_time
from .syntax import subject_of, target_candidates
from .tables import data_json

Token = Any
DEMONSTRATE, RIOT, COMPLAIN_OFFICIALLY = "141", "145", "114"


@functools.lru_cache(maxsize=1)
def word_lists() -> dict[str, frozenset[str]]:
    """``crowds`` (doer nouns) and ``gathering_verbs``, lower-cased lemmas."""
    data = data_json("crowds.json")
    return {k: frozenset(w.lower() for w in v) for k, v in data.items() if isinstance(v, list)}


def is_crowd(tok: Token | None) -> bool:
    """Protesters, rioters, strikers; also "a group of strikers", "thousands of protesters"."""
    if tok is None or is_time(tok):
        return False  # "arrested in March": a month, no march
    crowds = word_lists()["crowds"]
    if tok.lemma_.lower() in crowds or tok.lower_ in crowds:
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(g.dep_ == "pobj" and g.lemma_.lower() in crowds for g in children_of(c))
        for c in children_of(tok)
    )


def _gathering(sent: Any) -> Found | None:
    """A crowd gathering with no coded verb: "a group of strikers gathered outside"."""
    verbs = word_lists()["gathering_verbs"]
    for tok in sent:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in verbs:
            subj, passive = subject_of(tok)
            if not passive and is_crowd(subj):
                return Found(DEMONSTRATE, tok, source=subj, targets=target_candidates(tok))
    return None


def as_protest(founds: list[Found], sent: Any) -> list[Found]:
    """The sentence's events with the acts of crowds read as protest (module docstring)."""
    founds = _protest_first([_official(f) for f in founds])
    if any(f.code[:2] == "14" for f in founds):
        return founds
    verbs = word_lists()["gathering_verbs"]
    for i, f in enumerate(founds):
        if not is_crowd(f.source) or f.negated:
            continue
        if f.code[:2] in CROWD_VIOLENT_ROOTS:
            return [*founds[:i], replace(f, code=RIOT), *founds[i + 1 :]]
        demo = Found(DEMONSTRATE, f.trigger, source=f.source, targets=list(f.targets))
        if f.trigger.lemma_.lower() in verbs:
            return [*founds[:i], demo, *founds[i:]]  # gathering is demonstrating
        if f.code[:2] in CROWD_SPOKEN_ROOTS:
            return [*founds[: i + 1], demo, *founds[i + 1 :]]  # the demand, then its rally
    for i, f in enumerate(founds):
        crowd = next((t for t in f.targets if is_crowd(t)), None)
        if (
            crowd is not None
            and f.code[:2] in CROWD_VIOLENT_ROOTS
            and not f.negated
            and not averted(crowd)  # "banned protests": none took place
        ):
            # "police fired tear gas at demonstrators": they were demonstrating
            demo = Found(DEMONSTRATE, crowd, source=crowd, used={crowd.i})
            return [*founds[: i + 1], demo, *founds[i + 1 :]]
    gathering = _gathering(sent)
    if gathering is None:
        return founds
    return [*founds[:1], gathering, *founds[1:]] if founds else [gathering]


def _official(f: Found) -> Found:
    """ "China protested against the arms sale", "the foreign ministry protested": a state
    protests by a formal complaint (114), never in the street; no crowd is named. Only the verb:
    the doer given to a noun ("ordered patrols after protests by Muslim groups") may not be its own."""
    src = f.source
    if f.code != DEMONSTRATE or src is None or f.trigger.pos_ != "VERB" or is_crowd(src):
        return f
    if src.ent_type_ == "GPE" or src.lemma_.lower() in word_lists()["state_bodies"]:
        return replace(f, code=COMPLAIN_OFFICIALLY)
    return f


def _protest_first(founds: list[Found]) -> list[Found]:
    """ "Thousands marched, demanding ...": the protest is the event, the demand its content."""
    if len(founds) > 1 and founds[0].code[:2] in ("02", "10"):
        for i, f in enumerate(founds[1:], start=1):
            if f.code[:2] == "14":
                if f.source is None:
                    f.source = founds[0].source  # the demonstrators are who demand
                return [f, *founds[:i], *founds[i + 1 :]]
    return founds


__all__ = ["as_protest", "is_crowd", "word_lists"]

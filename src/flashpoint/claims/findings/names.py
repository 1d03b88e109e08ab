"""Who a statement's argument is, as the checks look it up in the article: the keys a name or
a word is found under (``head_keys``, ``wanted_keys``), which spaCy labels are actors and of what
group (``ACTOR_GROUPS``), and whether an article mention is one of the statement's own actors."""

from __future__ import annotations

from typing import Any

from ..align import entity_key, entity_text, person_keys
from ..index import ArticleIndex, Mention
from ..units import (
    NAME_LABELS,
    actor_country,
    actor_key,
    canonical_entity,
    capital_country,
    token_key,
    token_kind,
)

ACTOR_GROUPS = {"GPE": "place", "NORP": "place", "LOC": "place", "PERSON": "person", "ORG": "org"}


def head_keys(arg: Any) -> frozenset[str]:
    """The keys an argument must be found under: its name when it is a name, else its lemma."""
    if is_name(arg):
        ent = entity_key(arg)
        keys = {ent} if ent else {token_key(arg)}
        keys |= person_keys(arg)
        country = actor_key(entity_text(arg))
        if country:
            keys.add(country)  # "Japan" is the actor the article calls "Tokyo", "UN" the United Nations
    else:
        keys = {token_key(arg)}
    keys.discard("")
    return frozenset(keys)


def is_name(arg: Any) -> bool:
    """Whether an argument is a name (an entity or a proper noun), not a description."""
    return arg.ent_type_ in NAME_LABELS or arg.pos_ == "PROPN"


def wanted_keys(index: ArticleIndex, arg: Any) -> set[str]:
    heads = head_keys(arg)
    wanted = set(heads)
    for k in heads:
        wanted |= index.variants(k, exact=token_kind(arg) in ("entity", "number"))
        wanted |= index.synonyms_in(k)
    return wanted


def written_as_name(ent: Any) -> bool:
    """A name is written with a capital; in lower-cased text the tagger only guesses."""
    return any(not t.is_lower for t in ent if t.is_alpha)


def is_stated(mention: Mention, stated: set[str]) -> bool:
    """True when an article mention is one of the statement's actors (Seoul for South Korea).

    ``stated`` holds the statement actors' canonical names and their countries.
    """
    if mention.key in stated or capital_country(mention.text) in stated:
        return True
    country = actor_key(mention.text)
    return country is not None and country in stated


def is_actor(mention: Mention) -> bool:
    """A place name counts as another actor only when the actors tables know it: a village or
    a province they do not know ("near Banjska", "in Roraima") is where something happened, not
    who did it. People and organisations always count."""
    return ACTOR_GROUPS.get(mention.label) != "place" or actor_country(mention.text) is not None


def stated_keys(ents: Any) -> set[str]:
    out: set[str] = set()
    for e in ents:
        out.add(canonical_entity(e.text))
        country = actor_key(e.text)
        if country:
            out.add(country)
    return out

"""Named actors: an actor the aligned sentence lacks where it names another of the same kind,
and an actor attached to a thing ("South Korea's security policy goals") where the article's
sentence about that thing names another (``substitute`` when it owns the same noun)."""

from __future__ import annotations

from typing import Any

from ..aliases import is_place
from ..align import event_sentence
from ..casing import is_lowercased
from ..index import ATTACHING_DEPS, ArticleIndex, Sentence
from ..lexicon import weights
from ..results import ClauseResult, Finding
from ..units import (
    actor_country,
    actor_key,
    canonical_entity,
    country_names,
    person_query_keys,
    token_key,
)
from .names import ACTOR_GROUPS, is_actor, is_stated, stated_keys, written_as_name


def _names_country(sentence: Sentence, country: str | None) -> bool:
    """True when the sentence names ``country`` some way: its name, capital or demonym, or a body
    of it ("Philippine navy boats" names the Philippines)."""
    return country is not None and any(
        m.label in ACTOR_GROUPS and actor_country(m.text) == country for m in sentence.entities
    )


def actor_findings(index: ArticleIndex, result: ClauseResult, window: list[Sentence]) -> list[Finding]:
    """A named actor the best sentence lacks, where it names another of the same kind.

    Actors the article never names are left to ``not_in_source``: the article does not talk
    about them, it does not contradict them. An actor another sentence of the clause's window
    names is not missing: a summary joins what the article says in two sentences ("Cesc
    Fabregas scored ... Chelsea keeper Thibaut Courtois saved ..."), and the best sentence holds
    only one of them.
    """
    best = window[0]
    tokens = result.clause.tokens
    if not tokens:
        return []
    doc = tokens[0].doc
    clause_ids = {t.i for t in tokens}
    ents = [e for e in doc.ents if e.start in clause_ids and written_as_name(e)]
    stated = stated_keys(ents)
    found: list[Finding] = []
    seen: set[str] = set()
    for ent in ents:
        group = ACTOR_GROUPS.get(ent.label_)
        key = canonical_entity(ent.text)
        if group is None or not key or key in seen:
            continue
        seen.add(key)
        person = person_query_keys(ent) if ent.label_ == "PERSON" else set()
        if any(key in sent.names or person & sent.names for sent in window):
            continue
        # A country named another way counts as named; a place where something happened ("in
        # Washington") is left to the name itself, as before.
        country = actor_country(ent.text) if group == "place" and not is_place(ent) else None
        named = index.has_name(key) or any(index.has_name(k) for k in person)
        if not named and not any(_names_country(sent, country) for sent in index.sentences):
            continue  # neither "Vietnamese" nor "Vietnam": the article never names it
        if _names_country(best, country):
            continue  # "a Filipino sailor" where the sentence says "Philippine navy boats"
        others = [m for m in best.entities if ACTOR_GROUPS.get(m.label) == group and not is_stated(m, stated)
                  and is_actor(m)]
        if others:
            found.append(Finding("actor", _describe(others[0]), ent.text, best))
    return found


def attached_actor_findings(index: ArticleIndex, result: ClauseResult) -> list[Finding]:
    """"South Korea's security policy goals" where the article's sentence about "security
    policy goals" names another actor (and not South Korea). When that sentence attaches the
    other actor to the same noun ("Varnia's foreign minister" for "Ostland's foreign minister")
    the finding is a substitution (decisive, ``verdict._DECISIVE``); an actor merely named in the
    sentence may own something else, so that one only weighs in the score."""
    tokens = result.clause.tokens
    if not tokens:
        return []
    doc = tokens[0].doc
    clause_ids = {t.i for t in tokens}
    out: list[Finding] = []
    for ent in doc.ents:
        group = ACTOR_GROUPS.get(ent.label_)
        if group is None or ent.start not in clause_ids or ent.root.dep_ not in ATTACHING_DEPS:
            continue
        if not written_as_name(ent):
            continue
        head = ent.root.head
        key = canonical_entity(ent.text)
        if head.pos_ != "NOUN":
            continue
        # an actor the article never names counts only against another attached to the same
        # noun: "Chinese flags" where the article has "Russian flags"
        unnamed = not index.has_name(key)
        parts = [head]
        frontier = [head]
        while frontier:  # "security policy goals": compounds of compounds
            node = frontier.pop()
            for c in node.lefts:
                if c.dep_ == "compound" and c.pos_ == "NOUN":
                    parts.append(c)
                    frontier.append(c)
        needed = [index.variants(token_key(p)) | {token_key(p)} for p in parts]
        holders = [sent for sent in (result.window + index.sentences) if all(n & sent.keys for n in needed)]
        if not holders:
            continue
        sent = holders[0]
        owner = sent.pronoun_owners.get(token_key(head))
        # a place is an owner only as an actor the tables know: "its European division" is where;
        # a described owner ("the company said its Dutch branch") answers only a possessive
        # ("Shell's branch"), a name before the noun ("Netherlands branch") may say where
        whose = (group != "place" or actor_key(ent.text) is not None) and (
            owner is not None and (owner[2] or ent.root.dep_ == "poss"))
        # and only in the sentence reporting what the statement reports: "Beijing said its
        # vessels acted" owns no "Philippine resupply vessel" that a Chinese ship hit, as told by
        # another sentence
        if owner is not None and whose and not _same_owner(ent, key, owner[1]) and _reports_it(result, sent):
            # "The RSF's air force struck" where "The army said its air force struck RSF positions":
            # another named owner is as decisive as one the sentence attaches itself; a described
            # one ("the army") only weighs
            thing = doc[min(p.i for p in parts) : head.i + 1].text
            kind = "substitute" if owner[2] and not is_lowercased(doc.text) else "actor"
            out.append(Finding(kind, f"{thing} of {owner[0]}", f"{ent.text} {thing}", sent))
            continue
        if key in sent.names or (ent.label_ == "PERSON" and person_query_keys(ent) & sent.names):
            continue
        # Another actor of the kind, even one the statement names elsewhere in another role;
        # attached to the same noun, or only named in the sentence.
        unstated = [m for m in sent.entities if ACTOR_GROUPS.get(m.label) == group and not is_stated(m, stated_keys([ent]))]
        owned = [m for k in needed[0] for m in sent.owners.get(k, ()) if m in unstated]
        if unnamed and not owned:
            continue
        if not owned and len(needed) < 2 and index.idf_of(token_key(head)) <= weights().anchor_min_idf:
            continue  # a bare common noun ("Seoul's decision") no other actor owns is too weak an anchor
        if not owned and _titled_person_named(head, sent):
            continue  # "spokesman Jay Ortiz", the man the sentence names: whose he is, it does not say
        others = owned or unstated
        if others:
            thing = doc[min(p.i for p in parts) : head.i + 1].text
            kind = "substitute" if owned and not is_lowercased(doc.text) else "actor"
            out.append(Finding(kind, f"{thing} of {_describe(others[0])}", f"{ent.text} {thing}", sent))
    return out


def _reports_it(result: ClauseResult, sentence: Sentence) -> bool:
    """Whether ``sentence`` is the article's report of what the clause reports: the window
    sentence ``align.event_sentence`` picks, or, outside the window, one that holds as large a
    share of the clause's content words."""
    event = event_sentence(result, result.window)
    return event is not None and (event is sentence or event_sentence(result, [sentence, event]) is sentence)


def _same_owner(ent: Any, key: str, owner_keys: frozenset[str]) -> bool:
    """Whether the owner a possessive pronoun stands for ("its" = the army) is the statement's
    actor ``ent``: its name, its country, or a person's partial name among the owner's keys."""
    wanted = {key, *(k for k in (actor_key(ent.text), actor_country(ent.text)) if k)}
    if ent.label_ == "PERSON":
        wanted |= person_query_keys(ent)
    return bool(wanted & owner_keys)


def _titled_person_named(noun: Any, sentence: Sentence) -> bool:
    """Whether ``noun`` is the title of a person the statement names ("Philippine coast guard
    spokesman Jay Ortiz") and ``sentence`` names that person: the sentence is about the person,
    and an actor it merely names ("the Chinese ship came within 50 metres") is no other owner
    of the title."""
    person = noun.head if noun.dep_ == "compound" else None
    if person is None or person.ent_type_ != "PERSON":
        return False
    ent = next((e for e in person.doc.ents if e.start <= person.i < e.end), None)
    return ent is not None and bool((person_query_keys(ent) | {canonical_entity(ent.text)}) & sentence.names)


def _describe(mention: Any) -> str:
    """"Pyongyang (North Korea)" when the mention stands for a country it does not name."""
    name = mention.text.lower().strip().removesuffix("'s")
    canon = country_names().names.get(name) or country_names().seats.get(name)
    if canon and canon.replace(" ", "") != mention.text.lower().replace(" ", ""):
        return f"{mention.text} ({canon.title()})"
    return mention.text

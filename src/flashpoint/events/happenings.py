"""Non-political happenings: disasters, accidents, epidemics, animals, markets, sport and private
criminal cases give no conflict.

A conflict event needs a political doer. "A strong earthquake killed eight people" has a doer
that is a force of nature; "five people were killed after a volcano erupted" has none, in a
passage about a disaster; "a cold storage container exploded" is an accident; "a tanker was
struck by a bulk carrier" a collision; "stags battle for mating rights" no politics at all;
"firefighters battled the blaze" fights a force; "authorities closed the ship channel after
chemicals leaked" is a safety measure with no political target; "Spain beat England in the final" is a match report;
"a court sentenced a man for the murder of his neighbour" a private criminal case.
Each gives no conflict event (GDELT quad classes 3 and 4); the words are data
(``data/happenings.json``, with where they came from).
"""

from __future__ import annotations

import functools
from typing import Any

from ..actors import resolve
from ..actors.tables import load_things
from ..nlp import children_of, sentence_of
from . import tables
from .patterns import noun_code, roles_of

Token = Any
CONFLICT_QUADS = frozenset({3, 4})
MATERIAL_QUAD = 4
ACTOR_ENTITIES = frozenset({"NORP", "GPE", "ORG", "PERSON"})
NAME_ENTITIES = ACTOR_ENTITIES | {"FAC", "LOC", "PRODUCT"}
PROTEST_ROOT = "14"
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


@functools.lru_cache(maxsize=1)
def word_lists() -> dict[str, frozenset[str]]:
    """name -> its lower-cased words (``forces``, ``markets``, ``vehicles``, ``animals``, ``happenings``,
    ``sites``, ``sport``, ``sport_verbs``, ``armed``, ``accidents``, ``explosion_verbs``,
    ``victim_verbs``, ``consequence_verbs``, ``named_forces``)."""
    data = tables.data_json("happenings.json")
    return {
        name: frozenset(w.lower() for w in entry["words"])
        for name, entry in data.items()
        if isinstance(entry, dict) and "words" in entry
    }


@functools.lru_cache(maxsize=1)
def _weapons() -> frozenset[str]:
    """The words the actor tables class as weapons (``actors/data/things.tsv``): a vehicle among
    them (aircraft, jet, helicopter) is a warplane where the passage names something armed."""
    return frozenset(word.lower() for word, cls, _source in load_things() if cls == "weapon")


def _names(tok: Token) -> frozenset[str]:
    """The word, its lemma, and the two-word phrase it ends ("flash flood", "bird flu"); none
    for a word inside a name ("the Storm Corps"). Made once per token of a document: every
    word list and every sentence whose passage holds the token asks again."""
    cache = tok.doc.user_data.setdefault("flashpoint_names", {})
    names = cache.get(tok.i)
    if names is None:
        names = cache[tok.i] = _names_uncached(tok)
    return names


def _names_uncached(tok: Token) -> frozenset[str]:
    if tok.ent_type_ in NAME_ENTITIES and not _capitalised_by_position(tok):
        return frozenset()
    out = {tok.lower_, tok.lemma_.lower()}
    if tok.lemma_.lower() == tok.lower_ and tok.lower_.endswith("s") and tok.tag_.startswith("NN"):
        # "Wildfires killed ...": spaCy reads a capitalised plural it does not know as a name and
        # leaves it unlemmatised; its singular is the word the lists hold
        out.add(tok.lower_[:-1])
    if tok.i > 0:
        prev = tok.doc[tok.i - 1]
        out.add(f"{prev.lower_} {tok.lemma_.lower()}")
        out.add(f"{prev.lower_} {tok.lower_}")
    return frozenset(out)


def _capitalised_by_position(tok: Token) -> bool:
    """ "Wildfires killed 20 people": a one-word "name" opening its sentence is a common word
    spaCy took for a name because the sentence capitalised it; a name of two words or more ("the
    Storm Corps", "Operation Flood") or one inside the sentence is a name."""
    return tok.i == sentence_of(tok).start and tok.ent_iob_ == "B" and (
        tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I"
    )


def _owned(tok: Token) -> bool:
    """Has the word an actor as owner ("Israeli fire", "the army's trucks")?"""
    return any(
        c.dep_ in ("poss", "amod", "nmod", "compound") and c.ent_type_ in ACTOR_ENTITIES
        for c in children_of(tok)
    )


def _armed_modifier(tok: Token) -> bool:
    """Is the word modified by an armed word ("navy ship", "police car", "artillery fire")?"""
    armed = word_lists()["armed"]
    return any(c.dep_ in ("compound", "amod", "nmod") and _names(c) & armed for c in children_of(tok))


def is_force(tok: Token | None) -> bool:
    """Is this doer (or target) a force of nature, an accident, a disease, an animal, a vehicle,
    a market or a thing that burst, owned by no actor ("artillery fire" and "Israeli fire" are
    acts of someone)?"""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    lists = word_lists()
    if tok.pos_ == "PROPN" and any(
        c.dep_ == "compound" and c.lower_ in lists["named_forces"] for c in children_of(tok)
    ):
        return True  # "Typhoon Yagi", "Cyclone Freddy": a named storm
    names = _names(tok)
    if names & (lists["vehicles"] | lists["animals"]):
        if _owned(tok) or _armed_modifier(tok):
            return False
        # "aircraft struck houses in the camp, killing 22" in a report of fighting is an air
        # strike by an unnamed side; "a plane hit a building" with nothing armed near is a crash
        return not (names & _weapons() and _passage_armed(sentence_of(tok)))
    if _bursts(tok):
        return True
    hit = names & (lists["forces"] | lists["markets"])
    if not hit and names & lists["accidents"] and not _passage_armed(sentence_of(tok)):
        hit = names & lists["accidents"]
    if not hit:
        return False
    if any(" " in n for n in hit):
        return True  # "forest fire", "flash flood": the modifier is part of the name
    return not any(
        c.dep_ == "compound"
        or (c.dep_ in ("poss", "amod", "nmod") and c.ent_type_ in ACTOR_ENTITIES)
        for c in children_of(tok)
    )


def _natural(tok: Token | None) -> bool:
    """A target that is a force of nature or a disease ("firefighters battled the blaze",
    "fight the virus"); vehicles and animals can be attacked."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN") or _owned(tok) or _armed_modifier(tok):
        return False
    return bool(_names(tok) & word_lists()["forces"])


def _bursts(tok: Token) -> bool:
    """The subject of an explosion verb that is a thing, not a weapon or an actor ("a cold
    storage container exploded"; not "a car bomb exploded" nor "the militants blew up")."""
    head = tok.head
    if tok.dep_ not in SUBJECTS or head.lemma_.lower() not in word_lists()["explosion_verbs"]:
        return False
    if tok.pos_ != "NOUN" or tok.ent_type_ in NAME_ENTITIES:
        return False
    armed = word_lists()["armed"]
    if _names(tok) & armed or _armed_modifier(tok) or _owned(tok):
        return False
    return resolve(tok.lemma_) is None and resolve(tok.text) is None


def _passage(sent: Any) -> list[Any]:
    """The sentence with the one before and the one after it."""
    doc = sent.doc
    out = [sent]
    if sent.start > 0:
        out.insert(0, sentence_of(doc[sent.start - 1]))
    if sent.end < len(doc):
        out.append(sentence_of(doc[sent.end]))
    return out


def _reporter(tok: Token) -> bool:
    """Is the word only who reports ("..., said police")?"""
    return tok.dep_ in SUBJECTS and "say" in roles_of(tok.head)


def _mentions(sent: Any, name: str) -> bool:
    """Does the sentence's passage name a word of list ``name`` (reporters aside for 'armed';
    accidents that happen count as 'happenings')? Cached per document and sentence."""
    cache = sent.doc.user_data.setdefault("flashpoint_happenings", {})
    key = (name, sent.start)
    if key not in cache:
        words = word_lists()[name]
        cache[key] = any(
            _names(t) & words
            and not (name == "armed" and _reporter(t))
            and (name == "armed" or _literal(t))
            or name == "happenings"
            and _happens(t)
            for part in _passage(sent)
            for t in part
        )
    return bool(cache[key])


def _literal(tok: Token) -> bool:
    """Is a happening word used for a happening: as a verb only when it is one of the
    'happening_verbs' ("the boat capsized", not "protesters stormed parliament"), as a noun
    inside a compound only of another happening or force ("flash flood", not "a lightning
    offensive"); adjectives count ("flooded fields", "torrential rain")?"""
    lists = word_lists()
    if tok.pos_ in ("VERB", "AUX"):
        return tok.lemma_.lower() in lists["happening_verbs"]
    if tok.dep_ == "compound" and tok.head.i != tok.i:
        head = _names(tok.head)
        return bool(head & (lists["happenings"] | lists["forces"] | lists["sites"]))
    return True


def _happens(tok: Token) -> bool:
    """An accident word as the subject of its clause, owned by no actor ("more than 200 fires
    are burning", "an explosion occurred"; not "opened fire", "Israeli fire") or a thing that
    burst names a happening."""
    if tok.pos_ != "NOUN" or tok.dep_ not in SUBJECTS or _owned(tok) or _armed_modifier(tok):
        return False  # "Israeli fire killed three", "artillery fire hit the town"
    return bool(_names(tok) & word_lists()["accidents"]) or _bursts(tok)


def _passage_armed(sent: Any) -> bool:
    return _mentions(sent, "armed")


def victim_subject(found: Any) -> None:
    """ "159 people died of poisoning": the subject of a victim verb is a target, not a doer."""
    if found.source is not None and found.trigger.lemma_.lower() in word_lists()["victim_verbs"]:
        found.targets = [found.source, *found.targets]
        found.source = None


def _doer_word(verb: Token) -> Token | None:
    """The word the verb's subject names, through a relative pronoun ("clashes THAT have
    displaced": clashes)."""
    subj = next((c for c in children_of(verb) if c.dep_ == "nsubj"), None)
    if subj is not None and subj.tag_ == "WDT" and verb.dep_ == "relcl":
        return verb.head
    return subj


def _an_act(tok: Token | None) -> bool:
    """Does the doer token name an act or a happening ("FIGHTING", "the CLASHES", "floods")?"""
    if tok is None or tok.pos_ not in ("NOUN", "VERB"):  # "FIGHTING has displaced": a gerund
        return False
    return noun_code(tok) is not None or is_force(tok)


def non_political(
    code: str,
    trigger: Token,
    source: Token | None,
    *,
    actor: bool,
    sent: Any,
    target: Token | None = None,
    target_actor: bool = False,
) -> bool:
    """Is a predicate coded ``code`` a non-political happening (module docstring)? ``source`` is
    its doer token, ``actor`` whether that doer resolved to an actor code; ``target`` its first
    target token, ``target_actor`` whether that resolved to a political actor."""
    if tables.info(code).quad_class not in CONFLICT_QUADS:
        # "Oil prices fell as fears of a wider war eased": no one yields in a market report
        return not actor and target is None and _mentions(sent, "markets")
    if is_force(source) or _natural(target) or _consequence_of_happening(trigger):
        return True
    if _private_case(trigger):
        return True  # "a court sentenced a man for the murder of his neighbour"
    if trigger.lemma_.lower() in word_lists()["consequence_verbs"] and _an_act(_doer_word(trigger)):
        return True  # "fighting has displaced 100,000 people": no one expelled them
    if code[:2] != PROTEST_ROOT and not _passage_armed(sent):
        if not target_actor and _mentions(sent, "happenings"):
            return True  # what authorities do about a disaster: close, ban, investigate
        material = tables.info(code).quad_class == MATERIAL_QUAD
        if not actor and material and (_mentions(sent, "happenings") or _mentions(sent, "sites")):
            return True  # "five people were killed after a volcano erupted"
    return trigger.lemma_.lower() in word_lists()["sport_verbs"] and (_mentions(sent, "sport") or _score(trigger))


def _consequence_of_happening(trigger: Token) -> bool:
    """Is the act a participle of what a happening verb did ("a jet COLLIDED with a coast guard
    plane, KILLING five", "the ferry capsized, drowning 20")? It is the accident's toll, whoever
    owned the vehicle (``happening_verbs``)."""
    return (
        trigger.dep_ == "advcl"
        and trigger.tag_ == "VBG"
        and trigger.head.lemma_.lower() in word_lists()["happening_verbs"]
    )


def _private_case(trigger: Token) -> bool:
    """Is the act a court's judgment of a private person for an ordinary crime ("sentenced A MAN
    to 15 years for the MURDER of his neighbour", "jailed the FOUNDER of a lender for
    DEFRAUDING investors": ``judicial_verbs``, ``private_persons``, ``ordinary_crimes``)? A
    named person, an official or a reporter judged, or any other charge, keeps the event."""
    lists = word_lists()
    if trigger.lemma_.lower() not in lists["judicial_verbs"]:
        return False
    judged = [c for c in children_of(trigger) if c.dep_ in ("dobj", "obj", "nsubjpass")]
    if not judged or judged[0].ent_type_ in ACTOR_ENTITIES:
        return False
    if judged[0].lemma_.lower() not in lists["private_persons"]:
        return False
    return any(t.lemma_.lower() in lists["ordinary_crimes"] for t in trigger.subtree)


_SCORE_DASHES = frozenset({"-", "\u2013", "\u2014"})


def _score(trigger: Token) -> bool:
    """Does a match score follow the verb within its clause ("Poland beat Scotland 3-2", "Spain
    edged England 2\u20131")? Two numbers of one or two digits joined by a dash that count no
    noun: a result, not "hit 2-3 targets"."""
    doc = trigger.doc
    end = min(sentence_of(trigger).end, trigger.i + 8)
    for i in range(trigger.i + 1, end):
        tok = doc[i]
        parts = tok.text.replace("\u2013", "-").replace("\u2014", "-").split("-")
        if len(parts) == 2 and all(p.isdigit() and len(p) <= 2 for p in parts) and tok.dep_ != "nummod":
            return True  # "3-2" as one token (not "2-3 targets", a count)
        if (
            i + 2 < end
            and tok.text.isdigit()
            and len(tok.text) <= 2
            and tok.dep_ != "nummod"
            and doc[i + 1].text in _SCORE_DASHES
            and doc[i + 2].text.isdigit()
            and len(doc[i + 2].text) <= 2
            and doc[i + 2].dep_ != "nummod"
        ):
            return True
    return False


__all__ = ["is_force", "non_political", "victim_subject", "word_lists"]

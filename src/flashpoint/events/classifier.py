"""A small five-way classifier that decides the class where the rules are unsure.

The rules know roles, actors and evidence, but a sentence whose predicate is in no pattern table
("Germany is adding an evacuation airplane to the pool") gets no event or only the bare
statement code 010. There a linear model over the parse (lemmas, verbs with their objects,
particles, complements, negation; trained on the ConfliBERT train split only, by
``python -m flashpoint.events.train``) says which of the five classes (0 statement/appeal ...
4 material conflict) the sentence reports. ``adjust`` turns that into the sentence's main event:
it promotes a coded predicate of that class found elsewhere in the sentence, or codes the root
predicate with the class's general code. The model is a JSON file of weights (no pickle), read
once; when it is absent the rules alone decide.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import json
import math
from collections.abc import Mapping
from importlib import resources
from typing import Any

from ..nlp import children_of
from . import tables
from .grammar import VERBAL_ROOTS

MODEL_FILE = "classifier.json"
# the general code a model-decided event gets when no predicate of its class is in the sentence;
# verbal conflict with no word to say which is disapproval (110): rejecting (12x) needs something
# proposed to reject, threatening (13x) an act threatened, and the rules code those words
CLASS_DEFAULT = {1: "030", 2: "070", 3: "110", 4: "190"}
# When the model may act (``adjust``): ``fill`` is the probability a sentence with no rule event
# needs before the model's class is looked for among its words; ``invent`` the probability an
# event resting on the model alone needs (no word of the class in the sentence: the root verb
# gets the class's general code). The model file's ``policy`` (chosen by cross-validation in
# ``events/train.py``) overrides these; they are the behaviour of a model file without one.
DEFAULT_POLICY = {"fill": 0.5, "invent": 0.5}
# classes a speaker's own words can be: a bare statement (010) whose content no table codes but
# which the model reads as verbal conflict is the speaker's disapproval ("the group says the
# agency improperly approved the projects" -> 110); material classes need a doer, never a speaker
SPOKEN_CLASSES = frozenset({3})
# prepositions of accompaniment: a word under them is how an act was done (``_accompaniment``)
ACCOMPANIMENT_PREPS = frozenset({"with"})
# parts of speech whose lemma is looked up in the verb roots ("the attack" names the act too);
# verbs and nouns chosen over verbs alone by 5-fold CV on the train split (events/train.py)
ROOTED_POS = frozenset({"VERB", "NOUN"})
FEATURE_DEPS = ("dobj", "prt", "xcomp", "ccomp", "neg", "aux", "acomp", "attr", "agent")


def features(sent: Any, verb_roots: Mapping[str, list[str]] | None = None) -> str:
    """The model's input for a sentence: lemmas, then verb and verb-dependent pairs, then the
    CAMEO roots PETRARCH2's verb dictionary gives each verb or noun lemma (``verb_roots``, from
    the model file: ``events/petrarch.py``), so that words the train split never shows still
    count for the kind of act they name."""
    # one pass over the tokens (each spaCy attribute read builds a Python object), the three
    # parts kept apart so that they come out in the order the model was trained on
    lemmas: list[str] = []
    extra: list[str] = []
    rooted: list[str] = []
    for t in sent:
        lemma = t.lemma_.lower()
        if not t.is_punct and not t.is_space:
            lemmas.append(lemma)
        pos = t.pos_
        if pos == "VERB":
            extra.append("V_" + lemma)
            for c in children_of(t):
                dep = c.dep_
                if dep in FEATURE_DEPS:
                    extra.append(f"{lemma}_{dep}_{c.lemma_.lower()}")
        if verb_roots and pos in ROOTED_POS:
            rooted += ["P_" + root for root in verb_roots.get(lemma, ())]
    return " ".join(lemmas + extra + rooted)


def analyzer(text: str) -> list[str]:
    """Unigrams and bigrams of whitespace tokens (the vectoriser's analyzer, train and predict)."""
    tokens = text.lower().split()
    return tokens + [f"{a} {b}" for a, b in itertools.pairwise(tokens)]


@functools.lru_cache(maxsize=1)
def load_model() -> dict[str, Any] | None:
    """The shipped model, or None when no model file is in the package."""
    try:
        text = (
            resources.files("flashpoint.events")
            .joinpath("data", MODEL_FILE)
            .read_text(encoding="utf-8")
        )
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    model = json.loads(text)
    model["weights"] = {k: (v[0], v[1:]) for k, v in model["weights"].items()}
    model["policy"] = {**DEFAULT_POLICY, **model.get("policy", {})}
    return model


def predict(sent: Any) -> tuple[int, float] | None:
    """(class, probability) for a sentence, or None without a model."""
    model = load_model()
    if model is None:
        return None
    counts: dict[str, int] = {}
    for gram in analyzer(features(sent, model.get("verb_roots"))):
        if gram in model["weights"]:
            counts[gram] = counts.get(gram, 0) + 1
    k = len(model["intercepts"])
    if not counts:
        scores = list(model["intercepts"])
    else:
        values = {g: (1.0 + math.log(n)) * model["weights"][g][0] for g, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        scores = list(model["intercepts"])
        for g, v in values.items():
            w = model["weights"][g][1]
            for c in range(k):
                scores[c] += w[c] * v / norm
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    best = max(range(k), key=lambda c: scores[c])
    return best, exps[best] / total


def unsure(founds: list[Any]) -> bool:
    """The rules found no event, or only a statement whose content they could not code."""
    return not founds or (founds[0].code == "010" and founds[0].score <= 1)


def adjust(sent: Any, founds: list[Any], *, analyze: Any, weak_trigger: Any) -> list[Any]:
    """Let the model pick the class of the main event where the rules are unsure.

    This decides when the model is confident enough to act (the ``policy`` thresholds);
    ``analyze(root, code)`` decides whether the root verb it would code is an event at all,
    returning None when not (``events.guesses``: an act between actors)."""
    if not unsure(founds):
        return founds
    guess = predict(sent)
    if guess is None:
        return founds
    klass, probability = guess
    policy = load_model()["policy"]  # type: ignore[index]
    # a sentence with no event at all gets one only on a confident guess: most sentences of a
    # news article report no event, and the model has only seen sentences that do
    if klass == 0 or (not founds and probability < policy["fill"]):
        return founds
    chosen = None
    rest = list(founds)
    for i, f in enumerate(founds):
        if tables.info(f.code).class5 == klass:
            chosen = rest.pop(i)
            break
    if chosen is None:
        chosen = weak_trigger(sent, klass)
        if chosen is not None and _accompaniment(chosen.trigger):
            chosen = None
    if chosen is None:
        if founds:
            if _spoken(founds[0], klass, probability, policy):
                return [dataclasses.replace(founds[0], code=CLASS_DEFAULT[klass]), *rest[1:]]
            return founds  # no word of that class to show for it: keep what the rules can evidence
        root = sent.root
        # no word of the class anywhere: the event would rest on the model alone ("authorities
        # close shops" -> 190), so it needs the probability chosen by CV in events/train.py
        if root.pos_ not in ("VERB", "AUX") or probability < policy["invent"]:
            return founds
        # and ``analyze`` (``events.guesses``) keeps it only as an act between actors
        chosen = analyze(root, CLASS_DEFAULT[klass])
        if chosen is None:
            return founds
    if founds and chosen.source is None:
        if klass in (2, 4) or chosen.code[:2] not in VERBAL_ROOTS:
            # "..., his lawyer said": who reports a material act is no party to it, nor to an
            # act of the verbal classes that is no speech ("the Kremlin said the SANCTIONS would
            # not change its position": sanctions, 16x, are someone else's)
            chosen.speaker = chosen.speaker or founds[0].source
        else:
            chosen.source = founds[0].source  # the speaker's own words: the appeal, the accusation
    return [chosen, *rest]


def _accompaniment(tok: Any) -> bool:
    """Is the word the model would promote an adjunct of accompaniment ("tightened the blockade
    WITH Albania's HELP", "retook the city with the SUPPORT of air strikes")? It says how the
    sentence's act was done, so it is never the sentence's main event."""
    return tok.dep_ == "pobj" and tok.head.lower_ in ACCOMPANIMENT_PREPS


def _spoken(statement: Any, klass: int, probability: float, policy: dict[str, float]) -> bool:
    """Is the rules' bare statement the speaker's own act of the model's class (``SPOKEN_CLASSES``)?
    The words are there (the statement verb and its content); the model only says what they
    are, so it needs the ``fill`` probability, not the ``invent`` one of an event with no word."""
    return (
        klass in SPOKEN_CLASSES
        and statement.code == "010"
        and statement.source is not None
        and probability >= policy["fill"]
    )


__all__ = ["adjust", "analyzer", "features", "load_model", "predict", "unsure"]

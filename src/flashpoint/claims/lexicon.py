"""The claims stage's word lists and fitted weights, loaded once from ``claims/data``.

Why data files: the checker's behaviour is set by hand-written word lists (negation cues,
synonym clusters, antonym pairs), the word-level alignment settings (weights.json) and the
verdict combiner with its thresholds (verdict.json, chosen by ``flashpoint bench claims --fit``
on sets that are never reported on). Keeping them out of the code means a re-fit changes a JSON
file, and a reviewer can read what the checker believes.

``FLASHPOINT_CLAIMS_VERDICT`` names another verdict file: a candidate combiner written by
``flashpoint bench claims --fit --out FILE`` is tried with the whole checker (seed tests,
development pages) before it replaces the shipped one.
"""

from __future__ import annotations

import functools
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .datafiles import read_data

LEXICON_FILE = "lexicon.json"
WEIGHTS_FILE = "weights.json"
VERDICT_FILE = "verdict.json"
VERDICT_ENV = "FLASHPOINT_CLAIMS_VERDICT"


@dataclass(frozen=True)
class Lexicon:
    """Word lists as fast lookup tables (all lemmas lower-cased)."""

    negation: frozenset[str]
    hedges: frozenset[str]
    commentary_verbs: frozenset[str]
    symmetric_verbs: frozenset[str]
    light_words: frozenset[str]
    synonyms: dict[str, frozenset[str]]  # word -> every word sharing a cluster with it
    antonyms: dict[str, frozenset[str]]  # word -> its direct antonyms
    number_words: dict[str, float]
    number_scales: dict[str, float]
    number_tens: dict[str, float] = field(default_factory=dict)  # "twenty" of "twenty-seven"
    number_units: dict[str, float] = field(default_factory=dict)  # "seven" of "twenty-seven"
    duration_units: frozenset[str] = frozenset()  # "year" in "10-year": a length, not a date
    month_names: frozenset[str] = frozenset()  # "jan", "january": its number is a day of month
    commentary_objects: frozenset[str] = frozenset()  # "sparking fears": a reaction, not an event
    interpretation_verbs: frozenset[str] = frozenset()  # "seen as a warning": a reading of the act
    commentators: frozenset[str] = frozenset()  # "analysts say": an unnamed source's view
    attribution_verbs: frozenset[str] = frozenset()
    negative_implicatives: frozenset[str] = frozenset()  # "declined to sign": the signing did not happen
    prospective_heads: frozenset[str] = frozenset()  # "has to be signed": the signing has not happened yet
    demand_verbs: frozenset[str] = frozenset()  # "demanded his resignation": asked for, not done
    demand_for_verbs: frozenset[str] = frozenset()  # "called for his release": asked for, not done
    negative_prefixes: tuple[str, ...] = ()  # "unsuccessful" is the opposite of "successful"
    on_patient_verbs: frozenset[str] = frozenset()  # "blamed the blasts on X": X is the one blamed
    undergoer_verbs: frozenset[str] = frozenset()  # "four officers died": the officers are the patient
    recipient_verbs: frozenset[str] = frozenset()  # "handed the towns to X": X is the one who receives
    naming_verbs: frozenset[str] = frozenset()  # "called the mutiny treason": the noun takes a side
    casualty_fates: dict[str, str] = field(default_factory=dict)  # "wounded" -> "wounded", "die" -> "killed"
    stance: dict[str, tuple[str, int]] = field(default_factory=dict)  # word -> (axis, +1 / -1)
    pending_auxiliaries: frozenset[str] = frozenset()  # "will leave", "could be signed": not done
    mediation_verbs: frozenset[str] = frozenset()  # "mediated by the AU": a third party's act
    hosting_verbs: frozenset[str] = frozenset()  # "talks hosted by China": mediation when ...
    hosted_acts: frozenset[str] = frozenset()  # ... what is hosted is talks


@dataclass(frozen=True)
class Weights:
    """The word-level comparison's settings (how words align; see weights.json)."""

    window_top_k: int
    min_evidence_score: float
    contradiction_min_alignment: float
    kind_weights: dict[str, float]
    synonym_match: float
    anchor_min_idf: float
    decisive_score: float


def _word(text: str) -> str:
    """Lexicon words written as the checker keys them ("de-escalate" -> "deescalate")."""
    return text.lower().replace("-", "")


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Return the word lists (loaded on first use)."""
    data = read_data(LEXICON_FILE)
    synonyms: dict[str, set[str]] = {}
    for cluster in data["synonyms"]:
        words = {_word(w) for w in cluster}
        for w in words:
            synonyms.setdefault(w, set()).update(words - {w})
    antonyms: dict[str, set[str]] = {}
    for a, b in data["antonyms"]:
        antonyms.setdefault(_word(a), set()).add(_word(b))
        antonyms.setdefault(_word(b), set()).add(_word(a))
    return Lexicon(
        negation=frozenset(w.lower() for w in data["negation"]),
        hedges=frozenset(w.lower() for w in data["hedges"]),
        commentary_verbs=frozenset(w.lower() for w in data["commentary_verbs"]),
        symmetric_verbs=frozenset(w.lower() for w in data["symmetric_verbs"]),
        light_words=frozenset(w.lower() for w in data["light_words"]),
        synonyms={k: frozenset(v) for k, v in synonyms.items()},
        antonyms={k: frozenset(v) for k, v in antonyms.items()},
        number_words={k.lower(): float(v) for k, v in data["number_words"].items()},
        number_scales={k.lower(): float(v) for k, v in data["number_scales"].items()},
        number_tens={k: float(v) for k, v in data["number_compounds"]["tens"].items()},
        number_units={k: float(v) for k, v in data["number_compounds"]["units"].items()},
        duration_units=frozenset(w.lower() for w in data["duration_units"]),
        month_names=frozenset(w.lower() for w in data["month_names"]),
        commentary_objects=frozenset(w.lower() for w in data["commentary_objects"]),
        interpretation_verbs=frozenset(w.lower() for w in data["interpretation_verbs"]),
        commentators=frozenset(w.lower() for w in data["commentators"]),
        attribution_verbs=frozenset(w.lower() for w in data["attribution_verbs"]),
        negative_implicatives=frozenset(_word(w) for w in data["negative_implicatives"]),
        prospective_heads=frozenset(_word(w) for w in data["prospective_heads"]),
        demand_verbs=frozenset(_word(w) for w in data["demand_verbs"]),
        demand_for_verbs=frozenset(_word(w) for w in data["demand_for_verbs"]),
        negative_prefixes=tuple(data["negative_prefixes"]),
        on_patient_verbs=frozenset(_word(w) for w in data["on_patient_verbs"]),
        undergoer_verbs=frozenset(_word(w) for w in data["undergoer_verbs"]),
        recipient_verbs=frozenset(_word(w) for w in data["recipient_verbs"]),
        casualty_fates={_word(w): fate for fate, words in data["casualty_fates"].items() if not fate.startswith("_")
                        for w in words},
        naming_verbs=frozenset(_word(w) for w in data["naming_verbs"]),
        stance=_stance(data["stance"]),
        pending_auxiliaries=frozenset(w.lower() for w in data["pending_auxiliaries"]),
        mediation_verbs=frozenset(_word(w) for w in data["mediation_verbs"]),
        hosting_verbs=frozenset(_word(w) for w in data["hosting_verbs"]),
        hosted_acts=frozenset(_word(w) for w in data["hosted_acts"]),
    )


def _stance(data: dict[str, dict[str, list[str]]]) -> dict[str, tuple[str, int]]:
    """``lexicon.json`` stance, word -> (axis, +1 or -1); a word on both sides of an axis or on
    two axes is an error, since its side would depend on the order of the file."""
    out: dict[str, tuple[str, int]] = {}
    for axis, sides in data.items():
        for side, sign in (("positive", 1), ("negative", -1)):
            for w in sides[side]:
                if _word(w) in out:
                    raise ConfigError("E406", name=LEXICON_FILE, cause=ValueError(f"stance word {w!r} listed twice"))
                out[_word(w)] = (axis, sign)
    return out


@functools.lru_cache(maxsize=1)
def weights() -> Weights:
    """Return the fitted model and thresholds (loaded on first use)."""
    data = read_data(WEIGHTS_FILE)
    try:
        return Weights(
            window_top_k=int(data["window_top_k"]),
            min_evidence_score=float(data["min_evidence_score"]),
            contradiction_min_alignment=float(data["contradiction_min_alignment"]),
            kind_weights={k: float(v) for k, v in data["kind_weights"].items()},
            synonym_match=float(data["synonym_match"]),
            anchor_min_idf=float(data["anchor_min_idf"]),
            decisive_score=float(data["decisive_score"]),
        )
    except (KeyError, TypeError, ValueError) as e:
        raise ConfigError("E407", name=WEIGHTS_FILE, cause=e) from e


@dataclass(frozen=True)
class WordCombiner:
    """The word-level combiner (verdict.json ``word_combiner``): a logit over the comparison's
    findings and ``word_*`` features, which ``verdict.with_word_score`` gives as ``word_score``."""

    intercept: float
    coef: dict[str, float]


def word_combiner() -> WordCombiner:
    """The word-level combiner of the verdict settings in force (``verdict.json``'s
    ``word_combiner``, or that of ``$FLASHPOINT_CLAIMS_VERDICT``): kept in the same file as the
    combiner that weighs it, so a candidate is tried and installed as one piece."""
    return verdict_settings().word


@dataclass(frozen=True)
class VerdictSettings:
    """How probabilities and findings become a verdict (verdict.json; see its _doc)."""

    intercept: float
    coef: dict[str, float]
    supported_threshold: float
    contradiction_threshold: float
    finding_contradiction_min: float
    fitted_on: str
    word: WordCombiner = WordCombiner(0.0, {})  # the word-level combiner ``word_score`` is the logit of


@functools.lru_cache(maxsize=1)
def verdict_settings() -> VerdictSettings:
    """Return the verdict combiner and thresholds (loaded on first use): the shipped
    verdict.json, or the file ``$FLASHPOINT_CLAIMS_VERDICT`` names."""
    other = os.environ.get(VERDICT_ENV)
    return read_verdict(Path(other)) if other else parse_verdict(read_data(VERDICT_FILE), VERDICT_FILE)


def read_verdict(path: Path) -> VerdictSettings:
    """The verdict settings stored in ``path`` (E406 unreadable, E407 malformed)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ConfigError("E406", name=str(path), cause=e) from e
    return parse_verdict(data, str(path))


def parse_verdict(data: dict[str, Any], name: str = VERDICT_FILE) -> VerdictSettings:
    """Verdict settings from their JSON form (verdict.json's keys)."""
    try:
        return VerdictSettings(
            intercept=float(data["intercept"]),
            coef={k: float(v) for k, v in data["coef"].items()},
            supported_threshold=float(data["supported_threshold"]),
            contradiction_threshold=float(data["contradiction_threshold"]),
            finding_contradiction_min=float(data["finding_contradiction_min"]),
            fitted_on=str(data.get("fitted_on", "")),
            word=_word_combiner(data.get("word_combiner", {"intercept": 0.0, "coef": {}})),
        )
    except (AttributeError, KeyError, TypeError, ValueError) as e:
        raise ConfigError("E407", name=name, cause=e) from e


def _word_combiner(data: dict[str, Any]) -> WordCombiner:
    return WordCombiner(float(data["intercept"]), {k: float(x) for k, x in data["coef"].items()})


__all__ = [
    "VERDICT_ENV", "Lexicon", "VerdictSettings", "Weights", "WordCombiner", "lexicon", "parse_verdict", "read_verdict",
    "verdict_settings", "weights", "word_combiner",
]

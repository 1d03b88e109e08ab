"""The coder's grammar words and CAMEO root groups, from ``data/grammar.json``.

Which verbs pass their object on as the subject of their complement, which auxiliaries make
an act future or hypothetical, which roots a negation turns into a rejection: facts a
political scientist may need to change, so they are data, loaded once at import, each list with
why it exists. The names below are the ones the coder's modules use.
"""

from __future__ import annotations

from typing import Any

from .tables import data_json


def _load() -> dict[str, Any]:
    data: dict[str, Any] = data_json("grammar.json")
    return data


DATA = _load()


def words(name: str) -> frozenset[str]:
    return frozenset(DATA["words"][name]["words"])


def ordered(name: str) -> tuple[str, ...]:
    return tuple(DATA["words"][name]["words"])


def roots(name: str) -> frozenset[str]:
    return frozenset(DATA["roots"][name]["roots"])


def sectors(name: str) -> frozenset[str]:
    """A list of actor sectors, upper-cased as actor codes write them ("mil" -> "MIL")."""
    return frozenset(s.upper() for s in words(name))


SUBJ = words("subject_deps")
PASS_SUBJ = words("passive_subject_deps")
OBJ = words("object_deps")
COMPLEMENT = ordered("complement_deps")
TARGET_PREPS = ordered("target_preps")
AIMED_PREPS = words("aimed_preps")
CLASSIFIED_HEADS = words("classified_heads")
DONE_MARKS = words("done_marks")
LEAVING_VERBS = words("leaving_verbs")
WITHDRAWING_FORCES = words("withdrawing_forces")
ENVOYS = words("envoys")
DEADLINE_VERBS = words("deadline_verbs")
SUFFERER_VERBS = words("sufferer_verbs")
OBJECT_CONTROL = words("object_control")
AIM_NOUNS = words("aim_nouns")
DOCUMENT_NOUNS = words("document_nouns")
PARTICLES = words("particles")
FUTURE = words("future_aux")
HYPOTHETICAL = words("hypothetical_aux")
THREAT_MODALS = words("conditional_threat_aux")
NEG = words("negators")
NEGATIVE_SUBJECTS = words("negative_subjects")
REFERENCE_PREPS = words("reference_preps")
SEQUENCE_PREPS = words("sequence_preps")
PAIR_PREPS = words("pair_preps")
REFERENCE_DETERMINERS = words("reference_determiners")
CLAUSE_PREPS = words("clause_prepositions")
GERUND_ADJUNCT_PREPS = words("gerund_adjunct_preps")
NEGATIVE_GERUND_PREPS = words("negative_gerund_preps")
POLICY_NOUNS = words("policy_nouns")
PEACEKEEPING = words("peacekeeping")
CLAIM_VERBS = words("claim_verbs")
ALLEGING_VERBS = words("alleging_verbs")
WRAPPERS = ordered("wrappers")
MOOD_ROLES = ordered("mood_roles")
VERBAL_ROOTS = roots("verbal")
COOPERATIVE_ROOTS = roots("cooperative")
CONFLICT_ROOTS = roots("conflict")
WRAPPER_EVENT_ROOTS = roots("wrapper_event")
PURPOSE_FROM = roots("purpose_from")
PURPOSE_ACTS = roots("purpose_acts")
UNARMED_PURPOSE_ACTS = roots("unarmed_purpose_acts")
PLACE_IS_TARGET = roots("place_is_target")
VENUE = roots("venue")
REACTION_ROOTS = roots("reaction")
TAKEN_FROM = roots("taken_from")
STATE_ACTS = roots("state_acts")
SYMMETRIC_ROOTS = roots("symmetric")
THIRD_PARTY = roots("third_party")
VISIT = roots("visit")
OWN_FORCE_ROOTS = roots("own_force")
HOME_COERCION_ROOTS = roots("home_coercion")
FORCE_ROOTS = roots("force")
PROPERTY_HARM = roots("property_harm")
MANNER_ROOTS = roots("manner")
ATTEMPTED_ROOTS = roots("attempted_acts")
CROWD_VIOLENT_ROOTS = roots("crowd_violent")
CROWD_SPOKEN_ROOTS = roots("crowd_spoken")
DOMESTIC_SECTORS = sectors("domestic_sectors")
STATELESS_SECTORS = sectors("stateless_sectors")
ORDER_NOUNS = words("order_nouns")
OWNED_ACT_PREPS = words("owned_act_preps")
ATTEMPT_VERBS = words("attempt_verbs")
ASSISTING_VERBS = words("assisting_verbs")
MEANS_VERBS = words("means_verbs")
EXCHANGE_VERBS = words("exchange_verbs")
ACCORD_VERBS = words("accord_verbs")
ANSWERING_VERBS = words("answering_verbs")
CONTINUING_VERBS = words("continuing_verbs")
ENDING_VERBS = words("ending_verbs")
SPEAKER_APPEALS = words("speaker_appeals")
DESCRIPTIVE_PARTICIPLES = words("descriptive_participles")
STATIVE_PARTICIPLES = words("stative_participles")
OBJECT_PREDICATE = words("object_predicate_deps")
QUOTE_MARKS = words("quote_marks")
NAMING_VERBS = words("naming_verbs")
ARMED_SECTORS = sectors("armed_sectors")
DEPLOYED_SECTORS = sectors("deployed_sectors")
FORCE_BEARING = sectors("force_bearing_sectors")
ARMED_DOER_VERBS = words("armed_doer_verbs")
VERBAL_ATTACK_VERBS = words("verbal_attack_verbs")
WORDS_ONLY_SECTORS = sectors("words_only_sectors")
STATE_BOMBERS = sectors("state_bombers")
OBJECT_IDIOMS = words("object_idioms")
SUBJECTIVE_OF = words("subjective_of_nouns")
DOER_OF = words("doer_of_nouns")
PREVENTION_VERBS = words("prevention_verbs")
AVERTING_VERBS = words("averting_verbs")
CEASING_VERBS = words("ceasing_verbs")
CEASING_NOUNS = words("ceasing_nouns")
REFLEXIVES = words("reflexives")
SELF_DIRECTED = words("self_directed_verbs")
TRANSITIVE_ONLY = words("transitive_only_verbs")
TOPIC_HEADS = words("topic_heads")
KIT_HEADS = words("kit_heads")
PARTITIVE_HEADS = words("partitive_heads")
BUNDLE_HEADS = words("bundle_heads")
REMARK_VERBS = words("remark_verbs")
FEARED_NOUNS = words("feared_nouns")
CHARGE_NOUNS = words("charge_nouns")
ELLIPTICAL = words("elliptical_pronouns")
COUNT_WORDS = words("count_words")
ACT_REFERENCE = words("act_reference_nouns")
# the doer an event noun implies when none is named, by CAMEO root (upper-cased sector codes)
IMPLIED_DOERS: dict[str, str] = {k: v.upper() for k, v in DATA["implied_doers"]["map"].items()}
PRONOUNS_PERSON = words("pronouns_person")
PRONOUNS_GROUP = words("pronouns_group")
FIRST_PERSON = words("first_person_pronouns")
QUOTING_VERBS = words("quoting_verbs")
PLACE_HEADS = words("place_heads")
LOCATIVE_PREPS = words("locative_preps")
AIM_PREPS = words("aim_preps")
TIME_PREPS = words("time_preps")
VENUE_PREPS = words("venue_preps")
FAMILY_ROOTS: dict[str, tuple[str, ...]] = {
    k: tuple(v) for k, v in DATA["family_roots"]["map"].items()
}
FAMILY_MODALITY: dict[str, str] = dict(DATA["family_modality"]["map"])
# the sectors each orderer's sector commands ("" = a state named by itself), upper-cased codes
CHAIN_OF_COMMAND: dict[str, frozenset[str]] = {
    k.upper(): frozenset(s.upper() for s in v) for k, v in DATA["chain_of_command"]["map"].items()
}


def victimizes(code: str) -> bool:
    """Is the act's target a victim (force, or harm to property: ``force``, ``property_harm``)?"""
    return code[:2] in FORCE_ROOTS or code in PROPERTY_HARM


def coerced_at_home(code: str) -> bool:
    """Does the act's bare target take its doer's country ("police dispersed them",
    ``home_coercion``)? Not a victim of harm to property, which ``actors.home.victims`` places."""
    return code[:2] in HOME_COERCION_ROOTS and not victimizes(code)


def unarmed_doer(code: str, verb: str, sector: str | None) -> bool:
    """Is the doer one that bears no arms doing what only armed doers do: a show of force
    (``own_force``) or ``armed_doer_verbs`` ("passengers boarded the ship": no taking)?"""
    armed_act = code[:2] in OWN_FORCE_ROOTS or verb in ARMED_DOER_VERBS
    return armed_act and (sector or "") not in FORCE_BEARING

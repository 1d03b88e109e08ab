"""Predicates that wrap another event: statements pass the reported event through with the
speaker as attribution; intentions, offers, appeals, demands, refusals, threats and orders
compose its code (``data/compose.tsv``); light, aspect and occurrence verbs lend their subject
to the event noun they carry."""

from __future__ import annotations

from typing import Any

from ..nlp import children_of
from . import blame, predicates, tables
from .blame import speaker_blames
from .found import Found
from .grammar import (
    ACCORD_VERBS,
    ALLEGING_VERBS,
    ATTEMPT_VERBS,
    ATTEMPTED_ROOTS,
    CLAIM_VERBS,
    CONFLICT_ROOTS,
    NAMING_VERBS,
    OBJECT_PREDICATE,
    QUOTE_MARKS,
    VERBAL_ROOTS,
    WRAPPER_EVENT_ROOTS,
    WRAPPERS,
)
from .mood import aux_words, condition_subjects, conditional, is_negated, wrapper_modality
from .orders import WITHDRAW, expulsion, ultimatum, withdrawal
from .patterns import is_time, lemma, noun_code, roles_of
from .syntax import (
    addressee_of,
    agent_of,
    complement_of,
    doer_of,
    event_noun_arg,
    event_noun_subject,
    goer_of,
    intended_act,
    same_actor,
    subject_of,
    target_candidates,
)

Token = Any


def by_role(tok: Token, role: str, own: tuple[str, int] | None, depth: int) -> Found | None:
    comp = intended_act(tok) if role in ("intend", "offer") else complement_of(tok)
    if role == "say":
        return say(tok, comp, own, depth)
    if role in WRAPPERS:
        if role == "appeal" and names_its_object(tok):
            # "calls fall of regime 'an act of justice'": naming, whatever clause precedes it
            named = own if own is not None and own[0][:2] != "02" else ("010", 1)
            return predicates.own_event(tok, named)
        if lemma(tok) == "seek" and role == "intend" and comp is None:
            return None  # "seek talks" is an appeal; "seek to" an intention
        emb = predicates.analyze(comp, depth + 1) if comp is not None else None
        expelled = expulsion(tok, comp) if role == "order" and emb is None else None
        if expelled is not None:  # "ordered the ambassador to leave": expelled him
            return Found(expelled[0], tok, source=doer_of(tok), targets=[expelled[1]], used={tok.i})
        forces = withdrawal(tok, comp) if role == "order" and emb is None else None
        if forces is not None and comp is not None:  # "ordered French troops to leave": to withdraw
            emb = Found(WITHDRAW, comp, source=forces, used={comp.i})
        if emb is None:
            noun = event_noun_arg(tok)
            if noun is not None:
                emb = predicates.analyze_noun(noun, depth + 1)
                if emb is not None and role == "threaten" and forecast(tok, noun, own):
                    return predicates.own_event(tok, own)  # type: ignore[arg-type]
        if emb is None and _opinion(tok, comp):
            return predicates.own_event(tok, (ACCORD, 1))  # "agreed there was a need": accord
        if emb is None:
            if role in ("order", "pass", "intend", "offer") and not own:
                return None
            bare = predicates.own_event(tok, own or (tables.compose(role, ""), 1))
            if role == "threaten":  # "threatened to block the pipeline UNLESS BAGHDAD paid"
                bare.targets += [t for t in _conditions(tok, comp) if t not in bare.targets]
            return bare
        source = doer_of(tok)
        if role in ("order", "pass"):
            emb.source = source or emb.source
            if role == "order":
                emb.modality = "demanded"
                emb.order = tok  # to whom: one's own forces do the act, others are asked (orders)
            emb.used.add(tok.i)
            if is_negated(tok):
                emb.negated = True  # "did not order the army to attack": no attack was ordered
            return emb
        code = tables.compose(role, emb.code)
        if (
            role in ("appeal", "demand")
            and emb.code[:2] in ("16", "17", "18", "19", "20")
            and addressee_of(tok) is None
        ):
            # "X called for sanctions against Y": a demand aimed at Y (CAMEO 10), not an appeal
            code = tables.compose("demand", emb.code)
        if role in ("appeal", "demand"):
            addressee = addressee_of(tok)
            # "demanded that UGANDA withdraw": who is asked to act, after any addressee
            asked = [emb.source] if emb.source is not None and emb.source is not source else []
            targets = ([addressee] if addressee is not None else []) + asked + emb.targets
        else:
            # "threatened SOUTH KOREA with military action", "offered aid TO NEPAL": the
            # wrapper's own object is the counterpart (first for a threat, after the event's own)
            own_targets = [t for t in target_candidates(tok) if t.i not in emb.used]
            if role == "threaten":
                # "threatened tariffs IF the EU did not scrap its duty": the EU is threatened
                own_targets += [t for t in _conditions(tok, comp) if t not in own_targets]
                targets = own_targets + [t for t in emb.targets if t not in own_targets]
            else:
                targets = list(emb.targets) + [t for t in own_targets if t not in emb.targets]
            if (
                role in ("reject", "offer")
                and emb.trigger.pos_ == "NOUN"
                and emb.source is not None
            ):
                targets.insert(0, emb.source)  # "rejected a U.S. REQUEST": the one who asked
        if role == "intend" and lemma(tok) in ATTEMPT_VERBS and emb.code[:2] in ATTEMPTED_ROOTS:
            # "tried to overrun the base": the attempted attack is the attack, and it happened
            emb.source = emb.source or source
            emb.used.add(tok.i)
            return emb
        modality = wrapper_modality(role, code, emb.code)
        if role == "intend" and code == emb.code and emb.code[:2] != "03":
            # "plans to criticise": a verbal event keeps its code, now as an intention; but
            # "vowed that the culprits WOULD be punished" is a threat made (its own future
            # already made it one, 13x): the vow is the threat, asserted
            emb.source = emb.source or source
            emb.used.add(tok.i)
            made = emb.future and emb.code[:2] in WRAPPER_EVENT_ROOTS
            if emb.modality == "asserted" and not made:
                emb.modality = "intended"
            return emb
        found = Found(
            code,
            tok,
            source=source if source is not None else emb.source,
            targets=targets,
            modality=modality,
            embedded=emb,
            family=role,
            used={tok.i} | emb.used,
        )
        if emb.source is None or emb.source.i == (source.i if source is not None else -1):
            emb.source = source
        return found
    if role in ("light", "aspect"):
        given = ultimatum(tok) if role == "light" else None
        if given is not None:  # "gave the ambassador 72 hours to leave": expelled him
            return Found(given[0], tok, source=doer_of(tok), targets=[given[1]], used={tok.i})
        noun = event_noun_arg(tok)
        if noun is not None:
            found = predicates.analyze_noun(noun, depth + 1)
            if found is None:
                code = noun_code(noun)
                if not code:
                    return None  # "give and take with the plan": a noun that names no event
                found = predicates.noun_event(noun, code)
            gov = predicates.noun_event(noun, found.code, governor=tok)
            if (
                found.source is None
                or (found.source.pos_ == "PRON" and gov.source is not None)
                or (gov.source is not None and found.source.i == getattr(goer_of(noun), "i", -1))
            ):  # "Russia began the withdrawal of its peacekeepers": Russia withdraws
                found.source = gov.source
            found.targets = found.targets + [t for t in gov.targets if t not in found.targets]
            if found.embedded is not None and found.embedded.source is None:
                found.embedded.source = found.source  # "has no intention of invading": its own
            found.used.add(tok.i)
            return found
        if role == "aspect" and comp is not None:
            emb = predicates.analyze(comp, depth + 1)
            if emb is not None:
                emb.used.add(tok.i)
                if emb.source is None:
                    emb.source = subject_of(tok)[0]
                return emb
        return None
    if role == "occur":
        noun = event_noun_subject(tok)
        if noun is not None:
            code = noun_code(noun)
            if not code:
                return None
            found = predicates.noun_event(noun, code)
            found.targets.extend(t for t in target_candidates(tok) if t.i != noun.i)
            found.used.add(tok.i)
            if found.source is None and any(c.dep_ in ("compound", "amod") for c in children_of(noun)):
                found.source = (
                    noun  # "Boko Haram suicide bombers killed ...": the phrase names the actor
                )
            return found
    return None


ACCORD = "019"  # express accord


def _conditions(tok: Token, comp: Token | None) -> list[Token]:
    """Who a threat's condition asks to act, on the threatening verb or its complement
    ("threatened tariffs IF THE EU did not scrap its duty": ``mood.condition_subjects``)."""
    return [t for n in (tok, comp) if n is not None for t in condition_subjects(n)]


def _opinion(tok: Token, comp: Token | None) -> bool:
    """ "agreed (that) there was an urgent need", "agreed the problems would be resolved": an
    accord verb (``accord_verbs``) with a finite clause that codes no act states a shared
    view; "agreed to talk", "agreed on a deal" have no such clause."""
    return (
        lemma(tok) in ACCORD_VERBS
        and comp is not None
        and comp.dep_ == "ccomp"
        and comp.pos_ in ("VERB", "AUX")
        and not any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(comp))
    )


def say(tok: Token, comp: Token | None, own: tuple[str, int] | None, depth: int) -> Found | None:
    """A statement: the event it reports, or the statement itself (01x)."""
    if _directive(tok, comp):
        return by_role(tok, "order", own, depth)  # "told the soldiers to lay down their arms"
    subj, passive = subject_of(tok)
    speaker = agent_of(tok) or (None if passive and comp is not None else subj)
    subjects = [c for c in children_of(tok) if c.dep_ == "nsubj"]
    if comp is None and len(subjects) > 1:
        # "Israeli airstrikes killed 30 people, officials said" misparsed with two subjects: the
        # last is the speaker, the first holds the reported clause
        speaker = subj = subjects[-1]
        content = subjects[0]
        comp = next(
            (c for c in children_of(content) if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"),
            content,
        )
    if comp is not None:
        emb = predicates.analyze(comp, depth + 1)
        if emb is None and "must" in aux_words(comp):
            return Found(
                "100",
                tok,
                source=speaker,
                targets=[t for t in [subject_of(comp)[0]] if t is not None],
                modality="demanded",
                used={tok.i, comp.i},
            )
        if emb is not None:
            if "must" in aux_words(comp) and emb.code[:2] not in ("10", "12", "13"):
                # "X said the government must release them": a demand by X
                demand = Found(
                    tables.compose("demand", emb.code),
                    tok,
                    source=speaker,
                    targets=[emb.source, *emb.targets]
                    if emb.source is not None
                    else list(emb.targets),
                    modality="demanded",
                    embedded=emb,
                    family="demand",
                    used={tok.i} | emb.used,
                )
                return demand
            if (
                lemma(tok) in CLAIM_VERBS
                and emb.code[:2] in CONFLICT_ROOTS
                and same_actor(emb.source, speaker)
            ):
                # "the rebels claimed that they had attacked": a claim of responsibility
                return Found(
                    "015",
                    tok,
                    source=speaker,
                    targets=list(emb.targets),
                    embedded=emb,
                    used={tok.i} | emb.used,
                )
            if lemma(tok) in ALLEGING_VERBS and not same_actor(emb.source, speaker):
                return _allegation(tok, speaker, emb)
            emb.speaker = emb.speaker or speaker
            speaker_blames(emb, speaker)  # "said Iran was to blame": the speaker accuses
            if is_negated(tok):
                emb.negated = True  # "has not confirmed it carried out the strike"
            own_words = emb.code[:2] in VERBAL_ROOTS and emb.source is not None
            if own_words and same_actor(emb.source, speaker):
                # "the army said it would respond to any provocation": saying it is the threat
                # (or the intent, the appeal ...) itself, made by the speaker: asserted
                pass
            elif emb.modality == "asserted":
                emb.modality = "reported"
            emb.used.add(tok.i)
            return emb
    if own:
        return predicates.own_event(tok, own)
    noun = event_noun_arg(tok)
    if noun is not None:
        found = predicates.analyze_noun(noun, depth + 1)
        if found is not None:
            if found.source is None or found.source.pos_ == "PRON":
                found.source = subj
            found.used.add(tok.i)
            return found
    found = predicates.own_event(tok, ("010", 1))
    found.source = subj  # the speaker, also of a passive "was quoted as saying"
    found.targets = [t for t in [addressee_of(tok)] if t is not None]
    for node in [tok, *[c for c in children_of(tok) if c.dep_ == "prep"]]:
        for c in node.subtree:
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                for g in children_of(c):
                    if g.dep_ == "pobj":
                        found.speaker = g
                break
    return found


def _allegation(tok: Token, speaker: Token | None, emb: Found) -> Found:
    """ "Rights groups alleged that the police tortured detainees": the speaker's accusation
    (112) of the doer (``alleging_verbs``); the act alleged is no event of its own, as for
    "accused X of torturing" (``salience._alleged``)."""
    accused = [emb.source] if emb.source is not None else []
    return Found(
        blame.ACCUSE,
        tok,
        source=speaker,
        targets=accused + list(emb.targets),
        family="allege",
        negated=is_negated(tok),
        used={tok.i} | emb.used,
    )


def forecast(tok: Token, noun: Token, own: tuple[str, int] | None) -> bool:
    """Is "warned OF an attack" a forecast of the act rather than a threat of it? A warning of
    an act names what the speaker fears from others ("warned of a terrorist attack", "warned of
    more strikes"): the verb's own statement code (012, ``verb_patterns.tsv``), as PETRARCH2's
    WARN reads "* OF DISASTROUS CONSEQUENCES" and "* OFFENSIVE HEIGHTEN RISK ATTACKS" (012). It
    is the speaker's threat only when the warned act is the speaker's response (the 138 rows:
    "warned of retaliation", never a 01x own code) or hangs on a condition the addressee can
    meet ("warned of military action IF the troops stay": ``mood.conditional``)."""
    return (
        own is not None
        and own[0][:2] == "01"
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.i == tok.i
        and not conditional(tok)
        and not conditional(noun)
    )


def names_its_object(tok: Token) -> bool:
    """ "called it a mistake", "calls fall of regime 'an act of justice'": an object predicate
    (``object_predicate_deps``), or with a naming verb (``naming_verbs``) a second direct
    object or a quoted phrase after the object (``quote_marks``; spaCy parses a headline's
    quoted name either way), names or judges the object; it asks nothing."""
    kids = [c for c in children_of(tok) if not is_time(c)]  # "called Thursday"
    if any(c.dep_ in OBJECT_PREDICATE for c in kids):
        return True
    if lemma(tok) not in NAMING_VERBS:
        return False  # "urged Uganda to repatriate “all criminals”" asks (``naming_verbs``)
    objects = [c for c in kids if c.dep_ in ("dobj", "obj")]
    if len(objects) >= 2:
        return True
    return bool(objects) and any(t.i > objects[0].i and t.text in QUOTE_MARKS for t in tok.subtree)


def _directive(tok: Token, comp: Token | None) -> bool:
    """ "told the soldiers TO lay down their arms": a statement verb with an addressee and an
    infinitive is an order given to the addressee, not a report of the act."""
    return (
        comp is not None
        and comp.dep_ == "xcomp"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(comp))
        and any(c.dep_ in ("dobj", "obj", "dative") for c in children_of(tok))
        and "order" in roles_of(tok)
    )


JUDGMENT_CODE = "111"  # criticize or denounce


def judged_subject(found: Found) -> None:
    """ "The Iranian claim is nonsense", Ellison said: what is judged is the target, the doer
    is who judges it (the speaker), never the thing judged (verb_patterns.tsv, "be" rows)."""
    if found.code == JUDGMENT_CODE and found.trigger.lemma_.lower() == "be":
        if found.source is not None:
            found.targets = [found.source, *found.targets]
        found.source = found.speaker

"""Which CAMEO code a predicate carries: the walk over the parse that finds it.

A sentence's event is found by walking its dependency tree from the root. A predicate either
carries a code itself ("accused" -> 112, "imposed sanctions" -> 163), names the event in its
object ("launched an attack") or subject ("clashes broke out"), or wraps another predicate whose
code it transforms (``wrappers``). The walk returns a ``Found``: code, trigger and the tokens
that hold source, target and attribution; actors are resolved later, once per sentence. Word
and pattern lookup live in ``patterns``, roles on the parse in ``syntax``, mood in ``mood``.
"""

from __future__ import annotations

from typing import Any

from ..nlp import children_of, conjuncts_of
from . import frames, tables, wrappers
from .advances import advance_code
from .blame import blame_of, owned_act
from .fates import foretold_fate
from .found import Found
from .grammar import (
    MOOD_ROLES,
    OWN_FORCE_ROOTS,
    PAIR_PREPS,
    PEACEKEEPING,
    POLICY_NOUNS,
    PURPOSE_ACTS,
    PURPOSE_FROM,
    SEQUENCE_PREPS,
    STATE_ACTS,
    SUBJECTIVE_OF,
    TARGET_PREPS,
    THIRD_PARTY,
    UNARMED_PURPOSE_ACTS,
    VENUE,
    WRAPPERS,
)
from .mood import is_hypothetical, refused_intention, with_mood, wrapper_modality
from .patrols import armed_arrival, patrol_code, sighted_craft
from .patterns import arg_tokens, is_time, lemma, noun_code, roles_of, verb_code
from .purposes import act_with_aim, deployment_aim, frame_aim, is_frame, under_aim
from .syntax import (
    agent_of,
    bundle_preps,
    clause_agent,
    complement_of,
    from_place,
    goer_of,
    has_own_subject,
    patient_owner,
    subject_of,
    subjunctive,
    target_candidates,
)
from .threats import alternative_threat, compelled_threat, vowed_response, warning_against
from .tripped import victim_roles

Token = Any


def analyze(tok: Token, depth: int = 0) -> Found | None:
    """Code the predicate ``tok`` (see module docstring); None when it carries no event. An act
    in a purpose adjunct ("in a bid TO SEIZE") or named as an aim ("aimed at FORCING") was meant,
    not done (``purposes.under_aim``)."""
    found = _analyze(tok, depth)
    if found is not None and found.modality == "asserted" and under_aim(tok):
        found.modality = "intended"
    return found


def _analyze(tok: Token, depth: int) -> Found | None:
    if depth > 6:
        return None
    aimed = act_with_aim(tok)  # "the PROTESTS were aimed at forcing ...": a protest
    if aimed is not None:
        return _aimed_act(tok, *aimed, depth)
    if tok.pos_ == "NOUN" and is_frame(tok):  # "in a BID to seize": what was meant
        aim = frame_aim(tok)
        return analyze(aim, depth + 1) if aim is not None else None
    if tok.pos_ in ("NOUN", "PROPN") and subjunctive(tok) is None:
        return analyze_noun(tok, depth)
    if lemma(tok) == "be":
        subject = subject_of(tok)[0]
        blame = blame_of(tok, subject)  # "Washington said Iran was to blame": Iran is accused
        if blame is not None:
            return with_mood(blame, tok)
        act = owned_act(tok)  # "X is responsible for the killings, according to a report"
        if act is not None:
            found = noun_event(act, noun_code(act) or "")
            found.source = found.source or subject
            found.used.add(tok.i)
            return with_mood(found, tok)
        for c in children_of(tok):
            if c.dep_ in ("acomp", "attr") and c.pos_ in ("ADJ", "NOUN", "VERB"):
                inner = analyze(c, depth + 1)
                if inner is not None:
                    inner.used.add(tok.i)
                    if inner.source is None:
                        inner.source = subject_of(tok)[0]
                    return with_mood(inner, tok)
    # "told them to join or be killed", "would be forced to strike if ...": threats (threats.py)
    threat = (
        alternative_threat(tok, analyze, depth)
        or compelled_threat(tok, analyze, depth)
        or warning_against(tok, analyze, depth)
        or vowed_response(tok, analyze, depth)
        or foretold_fate(tok)  # "said Israel will pay a heavy price"
    )
    if threat is not None:
        return threat
    # "helped plan the attack", "using the issue to launch attacks": the act governed
    helped = (
        frames.assisted_act(tok, depth)
        or frames.means_act(tok, depth)
        or frames.answered_with(tok, depth)
    )
    if helped is not None:
        return with_mood(helped, tok)
    sighted = sighted_craft(tok)  # "Japan spotted three Chinese warships": China shows force
    if sighted is not None:
        return with_mood(sighted, tok)
    # "rebels entered Damascus": armed men take it; "a destroyer sailed near": force shown
    own = verb_code(tok) or advance_code(tok) or patrol_code(tok)
    if own and frames.attempts(tok):
        own = None  # "tried to win sympathy": an attempt, no trial
    roles = roles_of(tok)
    found: Found | None = None
    mood_applies = True

    if own and own[1] >= 4:
        found = own_event(tok, own)
        comp = complement_of(tok)
        if (
            comp is not None
            and any(r in WRAPPERS for r in roles)
            and analyze(comp, depth + 1) is not None
        ):
            for role in roles:
                if role in WRAPPERS:
                    wrapped = wrappers.by_role(tok, role, own, depth)
                    if wrapped is not None:
                        found = wrapped
                        mood_applies = found.trigger.i == tok.i or role in MOOD_ROLES
                        break
    else:
        for role in roles:
            found = wrappers.by_role(tok, role, own, depth)
            if found is not None:
                mood_applies = found.trigger.i == tok.i or role in MOOD_ROLES
                break
        if found is None and own:
            found = own_event(tok, own)
    if found is None:
        for c in children_of(tok):
            if c.dep_ == "conj" and c.pos_ in ("VERB", "ADJ"):
                found = analyze(c, depth + 1)
                if found is not None:
                    return found
        return None
    if (
        found.code[:2] in ("08", "18", "19", "20")
        and found.source is not None
        and lemma(found.source) in POLICY_NOUNS
    ):
        return None  # "sanctions targeting banks", "a law that hits migrants": no violence
    found.used.add(tok.i)
    found = victim_roles(tok, found)  # "their patrol hit a roadside bomb": the patrol was hit
    found = _purpose(tok, found, depth)
    found = _peacekeeping(tok, armed_arrival(tok, found))  # "troops arrived in Mali": deployed
    if mood_applies:
        found = with_mood(found, tok)
    elif is_hypothetical(tok) and found.modality == "asserted":
        found.modality = "hypothetical"
    return found


def _aimed_act(tok: Token, act: Token, aim: Token, depth: int) -> Found | None:
    """The act named as the subject of a verb of aim, with its aim as the intended act it
    carries ("the protests were aimed at forcing the prime minister to resign")."""
    found = analyze(act, depth + 1)
    if found is None:
        return None
    purpose = analyze(aim, depth + 1)
    if purpose is not None:
        purpose.modality = "intended"
        purpose.source = purpose.source or found.source
        found.embedded = purpose
        found.used |= purpose.used
    found.used.add(tok.i)
    return with_mood(found, tok)


def _peacekeeping(tok: Token, found: Found) -> Found:
    """Troops sent, deployed or arriving for a peacekeeping mission are aid (074), not force."""
    if found.code[:2] != "15" and found.code != "042":
        return found
    clauses = [c for c in children_of(tok) if c.dep_ == "advcl" and has_own_subject(c)]
    other = {t.i for c in clauses for t in c.subtree}
    if any(t.lower_ in PEACEKEEPING for t in tok.subtree if t.i not in other):
        found.code = "074"  # not "on alert after Serbs clashed with NATO PEACEKEEPERS": another act
    return found


def _purpose(tok: Token, found: Found, depth: int) -> Found:
    """ "sent experts to investigate", "sent troops to distribute supplies": a purpose that is a
    deed of its own names the act; one that only says whom forces serve ("sent troops to help
    the government") leaves the deployment the act (``purposes.deployment_aim``)."""
    if found.code[:2] not in PURPOSE_FROM or found.trigger.i != tok.i:
        return found
    for c in children_of(tok):
        if (
            c.dep_ in ("advcl", "xcomp")
            and c.pos_ == "VERB"
            and any(a.lower_ == "to" for a in children_of(c))
        ):
            deployed = deployment_aim(found, c)
            if deployed is not None:
                return deployed
            emb = analyze(c, depth + 1)
            unarmed = found.code[:2] in OWN_FORCE_ROOTS and found.score <= 1
            if (
                emb is not None
                and (
                    emb.code[:2] in PURPOSE_ACTS
                    or (unarmed and emb.code[:2] in UNARMED_PURPOSE_ACTS)
                )
                and emb.code[:2] != found.code[:2]
            ):
                emb.source = found.source
                emb.targets = emb.targets + found.targets
                emb.used |= found.used
                return emb
    return found


def analyze_noun(tok: Token, depth: int) -> Found | None:
    """An event noun, or a noun that wraps one ("plans to impose", "a plea to talk")."""
    for role in roles_of(tok):
        if role not in WRAPPERS:
            continue
        emb = None
        for c in children_of(tok):
            if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX"):
                emb = analyze(c, depth + 1)
                if emb is not None:
                    break
        if emb is None:
            for c in children_of(tok):
                if c.dep_ == "prep" and c.lower_ in ("for", "of", "to"):
                    for g in children_of(c):
                        if g.dep_ == "pobj" and g.pos_ == "NOUN" and noun_code(g):
                            emb = noun_event(g, noun_code(g) or "")
                            break
                        if g.dep_ == "pcomp" and g.pos_ == "VERB":  # "intention OF INVADING"
                            emb = analyze(g, depth + 1)
        if emb is None:
            continue
        if emb.source is not None and emb.source.i == tok.i:
            emb.source = None  # "the intention to invade": spaCy's acl hangs on the noun
        if role in ("order", "pass"):
            emb.used.add(tok.i)
            return emb
        found = noun_event(tok, tables.compose(role, emb.code))
        found.embedded = emb
        found.family = role
        found.used |= emb.used
        found.modality = wrapper_modality(role, found.code, emb.code)
        if not found.targets:
            found.targets = list(emb.targets)
        if found.source is None:
            found.source = emb.source
        return refused_intention(found, role)  # "has NO intention of releasing them": refuses
    code = noun_code(tok)
    if not code:
        return None
    found = noun_event(tok, code)
    head = tok.head
    if not found.targets and tok.dep_ == "nsubj" and head.pos_ == "VERB" and not verb_code(head):
        # "a Saudi air campaign pushed Houthi fighters back": whom the act's verb acts on
        found.targets = [c for c in children_of(head) if c.dep_ in ("dobj", "obj")]
    if found.source is None and code[:3] in VENUE and _came_for(tok):
        # "negotiators returned to Geneva FOR TALKS": who came for the meeting holds it
        found.source = subject_of(head.head)[0]
    return found


def _came_for(noun: Token) -> bool:
    """Is the noun the purpose "for X" of a verb that codes nothing itself ("went to Geneva
    for talks", "returned to Cairo for consultations")?"""
    verb = noun.head.head
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "for"
        and verb.pos_ == "VERB"
        and not verb_code(verb)
    )


def own_event(tok: Token, own: tuple[str, int]) -> Found:
    subj, passive = subject_of(tok)
    if subj is None:
        subj = subjunctive(tok)  # "demanded that the prime MINISTER resign"
    source = agent_of(tok) if passive else subj
    targets = target_candidates(tok)
    if passive and subj is not None:
        targets.insert(0, subj)
    if passive and source is None:
        source = (
            clause_agent(tok)
            or from_place(tok)
            or patient_owner(subj)
            or (from_place(tok, prep="in") if own[0][:2] in STATE_ACTS else None)
        )
    pair = pair_of(tok, own[0])
    if pair is not None and (source is None or source.i == tok.i):
        # "Fighting between the army and the RSF entered its second month" (a gerund spaCy
        # makes its own clause's subject), "a deal was agreed between X and Y"
        source = pair[0]
        targets = [pair[1]] + [t for t in targets if t.i not in (pair[0].i, pair[1].i)]
    comp = complement_of(tok)
    if comp is not None and comp.pos_ in ("VERB", "AUX"):
        # "demanded that PYONGYANG forsake ...", "allowed THE LEADER to hold ...": who is to act
        targets.extend(c for c in children_of(comp) if c.dep_ == "nsubj")
        targets.extend(target_candidates(comp))
    used = {tok.i} | {a.i for a in arg_tokens(tok) if a.pos_ in ("NOUN", "PROPN") and noun_code(a)}
    return Found(own[0], tok, source=source, targets=targets, score=own[1], used=used)


def _another_act(noun: Token) -> bool:
    """ "took place AFTER a summit between the leaders": an event noun placed before or after the
    clause's act (``SEQUENCE_PREPS``) is not done by the clause's subject, unless it names that
    subject's partner ("spoke after talks WITH Xi": the speaker took part)."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in SEQUENCE_PREPS:
        return False
    return not any(c.dep_ == "prep" and c.lower_ in ("with", "alongside") for c in children_of(noun))


def noun_event(noun: Token, code: str, *, governor: Token | None = None) -> Found:
    """An event named by a noun; actors come from its possessor/"by" phrase or its governor."""
    source = None
    targets: list[Token] = []
    places: list[Token] = []
    goer = goer_of(noun)  # "the withdrawal of U.S. troops": they withdraw
    for c in [*children_of(noun), *bundle_preps(noun)]:  # "aid package FOR UKRAINE"
        if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            source = c if (c.pos_ != "PRON" or governor is None) else None
        if c.dep_ == "prep" and c.lower_ == "of" and lemma(noun) in SUBJECTIVE_OF:
            # "at the request of Qatar": who asked (subjective_of_nouns)
            source = source or next((g for g in children_of(c) if g.dep_ == "pobj"), None)
            continue
        if c.dep_ == "prep" and (c.lower_ in TARGET_PREPS or c.lower_ == "of"):
            for g in children_of(c):
                if g.dep_ == "pobj":
                    # "blockade of Yemen", "talks with Japan"; "ceasefire in X" only as a last resort
                    (places if c.lower_ == "in" else targets).append(g)
        if c.dep_ == "prep" and c.lower_ == "by":
            for g in children_of(c):
                if g.dep_ == "pobj" and not is_time(g):  # "by the end of next year": when
                    source = g
    pair = pair_of(noun, code)
    if source is None and pair is not None:  # "talks between Armenia and Azerbaijan"
        source = pair[0]
        targets = [pair[1]] + [t for t in targets if t.i not in (pair[0].i, pair[1].i)]
    if source is None:
        for c in children_of(noun):
            if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"):
                source = c
                break
    if governor is not None:
        subj, passive = subject_of(governor)
        if source is None and not passive and not _another_act(noun):
            source = subj
        targets.extend(t for t in target_candidates(governor) if t.i != noun.i)
    source = source if source is not None else goer
    # "the talks produced no agreement": the event named is one that did not happen
    negated = any(c.dep_ == "det" and c.lower_ == "no" for c in children_of(noun))
    return Found(
        code, noun, source=source, targets=targets + places, used={noun.i}, negated=negated
    )


def pair_of(noun: Token, code: str) -> tuple[Token, Token] | None:
    """The two sides an event names with "between X and Y" (``pair_preps``): X, Y; none for an
    act done between two others ("mediation between Israel and Hamas", ``third_party``)."""
    if code[:3] in THIRD_PARTY:
        return None
    for c in children_of(noun):
        if c.dep_ == "prep" and c.lower_ in PAIR_PREPS:
            for g in children_of(c):
                if g.dep_ == "pobj" and conjuncts_of(g):
                    return g, conjuncts_of(g)[0]
    return None


__all__ = ["Found", "analyze", "analyze_noun", "noun_event", "own_event", "pair_of"]

"""Who did what to whom: a statement verb's agent and patient against the article's reports
of the same act (``index.frames``). Counts matches, mismatches, unknowns and reversals per clause
(``ClauseResult.roles``) and records the findings: ``swap`` (roles reversed), ``substitute``
(another named actor, or another country's people, in the role), ``role`` (another argument),
``act`` (the same actor's same controlling act about another act)."""

from __future__ import annotations

from typing import Any

from ..align import entity_text
from ..casing import is_lowercased
from ..index import ATTACHING_DEPS, ArticleIndex, Sentence
from ..lexicon import lexicon, weights
from ..results import ClauseResult, Finding
from ..roles import Frame, arg_text, arguments, complement, recipient
from ..units import actor_country, norm, token_key, token_kind
from .names import (
    ACTOR_GROUPS,
    head_keys,
    is_actor,
    is_name,
    is_stated,
    stated_keys,
    wanted_keys,
    written_as_name,
)


def _own_keys(frame: Frame, role: str) -> frozenset[str] | None:
    """The keys of one of a frame's arguments less those it shares with the other: "Sudan's army
    accused the Rapid Support Forces" gives both sides Sudan (SDN), which says nothing about who
    accused whom ("the RSF accused the army" is the reverse)."""
    keys, other = (frame.agent, frame.patient) if role == "agent" else (frame.patient, frame.agent)
    if keys is None or other is None:
        return keys
    return keys - other


def _swap_finding(
    index: ArticleIndex, verb: Any, agent: Any | None, patient: Any | None, frames: list[Frame]
) -> Finding | None:
    """"Y accused X" where the article says "X accused Y": who did it to whom, reversed."""
    if agent is None or patient is None or verb.lemma_.lower() in lexicon().symmetric_verbs:
        return None
    want_agent, want_patient = wanted_keys(index, agent), wanted_keys(index, patient)
    if not want_agent or not want_patient or want_agent & want_patient:
        return None
    for f in frames:
        if f.agent is None or f.patient is None:
            continue
        f_agent, f_patient = _own_keys(f, "agent"), _own_keys(f, "patient")
        if want_agent & f_patient and want_patient & f_agent and not want_agent & f_agent:
            lemma = verb.lemma_.lower()
            return Finding(
                "swap",
                f"{f.agent_text} {lemma} {f.patient_text}",
                f"{arg_text(agent)} {lemma} {arg_text(patient)}",
                index.sentences[f.sentence],
            )
    return None


def check_roles(index: ArticleIndex, result: ClauseResult) -> None:
    """Count verbs whose agent/patient the article gives the same, another, or unknown."""
    if result.alignment < weights().contradiction_min_alignment:
        return
    window_ids = {s.index for s in result.window}
    for tok in result.clause.tokens:
        kind = token_kind(tok)
        if tok.pos_ != "VERB" or kind is None:
            continue
        vkey = token_key(tok)
        verbs = index.variants(vkey) | index.synonyms_in(vkey) | {vkey}
        frames = [f for k in verbs for f in index.frames.get(k, ())]
        if not frames:
            continue
        agent, patient, _, _ = arguments(tok)
        if kind == "light":  # "the ICRC said": only who said it can be another actor
            if (tok.lemma_.lower() in lexicon().attribution_verbs and agent is not None
                    and not any(index.has(k) or index.has_name(k) for k in head_keys(agent))):
                best = result.window[0].index
                found = _unnamed_actor(index, result, tok, "agent", agent, patient, [f for f in frames if f.sentence == best])
                if found is not None:
                    result.findings.append(found)
                    result.roles["mismatch"] += 1
            continue
        other_act = _other_act(index, tok, agent, [f for f in frames if f.sentence in window_ids])
        if other_act is not None:
            result.findings.append(other_act)
        given = _recipient_finding(index, tok, patient, [f for f in frames if f.sentence in window_ids])
        if given is not None:
            result.findings.append(given)
            result.roles["swap" if given.kind == "swap" else "mismatch"] += 1
            continue
        swap = _swap_finding(index, tok, agent, patient, [f for f in frames if f.sentence in window_ids])
        if swap is not None:
            result.findings.append(swap)
            result.roles["swap"] += 1
            continue
        for role, arg in (("agent", agent), ("patient", patient)):
            if arg is None or arg.is_stop or token_kind(arg) in (None, "light"):
                continue
            heads = head_keys(arg)
            if not any(index.has(k) or index.has_name(k) for k in heads):
                # An actor the article never names: not in the source, not a role swap -- unless
                # the article's report of this act names another actor of its kind in the role.
                found = _unnamed_actor(index, result, tok, role, arg, patient if role == "agent" else agent, frames)
                if found is not None:
                    result.findings.append(found)
                    result.roles["mismatch"] += 1
                continue
            wanted = set(heads)
            for k in heads:
                wanted |= index.variants(k, exact=token_kind(arg) in ("entity", "number"))
                wanted |= index.synonyms_in(k)
            slots = [(f, _own_keys(f, role)) for f in frames]
            if tok.lemma_.lower() in lexicon().symmetric_verbs:  # X met Y = Y met X
                slots += [(f, _own_keys(f, "patient" if role == "agent" else "agent")) for f in frames]
            other = patient if role == "agent" else agent
            other_wanted = None if other is None else frozenset(wanted_keys(index, other))
            # The reports of the act by the same actor (or on the same patient) decide when the
            # article has them: "UN experts accused Rwanda" answers "UN experts accused Congo",
            # whatever "Western governments accuse the rebels" says.
            slots = [p for p in slots if _other_role_matches(p[0], role, other_wanted)] or slots
            named = is_name(arg)
            matched = [f for f, keys in slots if keys is not None and wanted & keys
                       and (named or not _synonym_in_a_name(index, f, heads, wanted & keys))]
            if matched and all(_other_country(arg, _full_keys(f, role)) for f in matched):
                # the same kind of actor of another country, or a country named by a word of
                # another's name: "Russian drones struck" where the article's drones that struck
                # are Ukrainian, "Guinea recalled" where "Equatorial Guinea recalled"
                found = _another_country(index, tok, role, arg, other, other_wanted, matched, window_ids)
                result.roles["mismatch"] += 1
                if found is not None:
                    result.findings.append(found)
            elif matched:
                result.roles["match"] += 1
            elif any(keys is None or (named and not keys & index.entity_keys) or (named and _titles(arg) & keys)
                     or (_resolved(f, keys) and not _other_country(arg, keys)) for f, keys in slots):
                # unknown, a description ("fled the country") that may be the name, the title the
                # statement gives the name ("the Rovers keeper" for "Rovers keeper Niall
                # Barrett"), or a pronoun's antecedent, a guess that only another country's people
                # outweighs
                result.roles["unknown"] += 1
            else:
                result.roles["mismatch"] += 1
                frame = min(
                    slots,
                    key=lambda p: (p[0].sentence not in window_ids, not _other_role_matches(p[0], role, other_wanted),
                                   p[0].sentence),
                )[0]
                said = frame.agent_text if role == "agent" else frame.patient_text
                verb = tok.lemma_.lower()
                if frame.sentence in window_ids and said:
                    sentence = index.sentences[frame.sentence]
                    keys = frame.agent if role == "agent" else frame.patient
                    other_actor = _other_actor(arg, said, sentence) if named else _other_country(arg, keys)
                    # Another actor only for the same act: the article's report must share the
                    # statement's other argument ("Turkey shelled Kurdish-held villages" is no
                    # answer to "France bombed jihadist camps").
                    same_act = other is None or _other_role_matches(frame, role, other_wanted)
                    kind = "substitute" if other_actor and same_act else "role"
                    found = Finding(
                        kind,
                        f"{said} as {role} of '{verb}'",
                        f"{arg_text(arg)} as {role}",
                        sentence,
                    )
                    result.findings.append(found)


def _synonym_in_a_name(index: ArticleIndex, frame: Frame, heads: frozenset[str], hits: set[str]) -> bool:
    """Whether a description ("the army") meets the article's argument only through a listed
    synonym that is a word of a longer name there ("Forces" of "the Rapid Support Forces"): the
    name is another actor, not the army. A word of the description itself ("the forces" for "the
    Israel Defense Forces") or its variant still meets it."""
    direct = set(heads).union(*(index.variants(k) for k in heads))
    if hits & direct:
        return False
    words = {norm(w.lower()) for m in index.sentences[frame.sentence].entities
             if m.label in ACTOR_GROUPS and len(m.text.split()) > 1 for w in m.text.split()}
    return all(k in words for k in hits)


def _titles(arg: Any) -> set[str]:
    """The common nouns a statement puts beside a name as its title or role: "keeper" and
    "spokesman" in "Rovers keeper Niall Barrett", "coast guard spokesman Jay Ortiz", "the
    envoy" in "Karim Haddad, the envoy". The article may name the person by that role alone."""
    nouns = [c for c in arg.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
    nouns += [c for c in arg.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    return {token_key(n) for n in nouns} - {""}


def _full_keys(frame: Frame, role: str) -> frozenset[str] | None:
    """All the keys of one of a frame's arguments: the country both share is still its country
    ("Pakistani jets struck hideouts of the Pakistani Taliban")."""
    return frame.agent if role == "agent" else frame.patient


def _another_country(
    index: ArticleIndex, verb: Any, role: str, arg: Any, other: Any | None, other_wanted: frozenset[str] | None,
    matched: list[Frame], window_ids: set[int],
) -> Finding | None:
    """A described actor whose head word the article's report of the act has in the role, but
    of another country ("Afghan jets struck" where "Pakistani jets struck"; ``_other_country``):
    another actor when that report is in the clause's window and is of the same act -- it shares
    the statement's other argument, the statement has none, or the other argument is of another
    country too (both sides' nationalities swapped: "Serbian police arrested Kosovo Albanians"
    where "Kosovo police arrested Serbs")."""
    other_role = "patient" if role == "agent" else "agent"
    for f in sorted(matched, key=lambda f: f.sentence):
        said = f.agent_text if role == "agent" else f.patient_text
        if f.sentence not in window_ids or not said:
            continue
        if (other is not None and not _other_role_matches(f, role, other_wanted)
                and not _other_country(other, _full_keys(f, other_role))):
            continue
        return Finding("substitute", f"{said} as {role} of '{verb.lemma_.lower()}'", f"{arg_text(arg)} as {role}",
                       index.sentences[f.sentence])
    return None


def _recipient_finding(index: ArticleIndex, verb: Any, patient: Any | None, frames: list[Frame]) -> Finding | None:
    """Who receives what a transfer verb moves (``roles.recipient``), against the article's report
    of the same transfer (the same thing moved, when the statement says what): "were handed to
    Ethiopia" where "Ethiopia handed them to Eritrea" reverses the transfer (``swap``), and "to
    Georgia" where the article's receiver is Armenia is another actor (``substitute``). Only
    names are compared: "to the rebels" may describe the article's named receiver."""
    to = recipient(verb)
    if to is None or not is_name(to) or is_lowercased(verb.doc.text):
        return None
    want = wanted_keys(index, to)
    thing = None if patient is None else frozenset(wanted_keys(index, patient))
    same = [f for f in frames if f.recipient is not None and (thing is None or (f.patient is not None and thing & f.patient))]
    if not want or not same or any(want & f.recipient for f in same):
        return None
    lemma = verb.lemma_.lower()
    for f in same:
        said = f"{f.agent_text} {lemma} to {f.recipient_text}" if f.agent_text else f"{lemma} to {f.recipient_text}"
        if f.agent is not None and want & f.agent:
            return Finding("swap", said, f"{lemma} to {arg_text(to)}", index.sentences[f.sentence])
        if f.recipient & index.entity_keys and not (f.agent is not None and want & f.agent):
            return Finding("substitute", said, f"{lemma} to {arg_text(to)}", index.sentences[f.sentence])
    return None


def _other_act(index: ArticleIndex, verb: Any, agent: Any | None, frames: list[Frame]) -> Finding | None:
    """The same actor's same controlling act about another act: "Sudan and Chad agreed to reopen
    the border" where the article's "Sudan and Chad agreed" is "to swap prisoners". The article
    speaks of that agreement and says what it was about: it says something else, not nothing
    (a finding named in the reason; it weighs nothing in the score)."""
    act = complement(verb)
    if act is None or agent is None:
        return None
    wanted = wanted_keys(index, agent)
    same = [f for f in frames if f.complement is not None and f.agent is not None and wanted & f.agent]
    if not same:
        return None
    key = token_key(act)
    ours = index.variants(key) | index.synonyms_in(key) | {key}
    if any(f.complement in ours for f in same):
        return None
    f = same[0]
    lemma = verb.lemma_.lower()
    return Finding("act", f"{f.agent_text} {lemma} to {f.complement}", f"{arg_text(agent)} {lemma} to {act.text}",
                   index.sentences[f.sentence])


def _unnamed_actor(
    index: ArticleIndex, result: ClauseResult, verb: Any, role: str, arg: Any, other: Any | None, frames: list[Frame]
) -> Finding | None:
    """A named actor the article never names, in a role a sentence of the clause's window gives to
    another named actor of the same kind for the same act: "the ICRC said" where that sentence
    has "the International Rescue Committee said", "the court ordered Peru" where it ordered
    Chile; or an actor described by its country ("Somali fishermen seized") where the sentence
    gives the role to another country's ("Kenyan border guards", ``_other_country``). The article does speak of the act, and names someone else in the statement's place:
    another actor (decisive), not a fact the article lacks. The other argument, when the
    statement has one, must be the article's too, so a sentence about another act of the verb
    never answers."""
    group = ACTOR_GROUPS.get(arg.ent_type_)
    if is_lowercased(arg.doc.text) or not result.window:
        return None
    if group == "place" and actor_country(entity_text(arg)) is None:
        return None  # a village or province the tables do not know is where, not who
    rank = {s.index: i for i, s in enumerate(result.window)}
    other_wanted = None if other is None else frozenset(wanted_keys(index, other))
    stated = stated_keys(e for e in arg.doc.ents if written_as_name(e))
    for f in sorted((f for f in frames if f.sentence in rank), key=lambda f: rank[f.sentence]):
        if other is not None and not _other_role_matches(f, role, other_wanted):
            continue
        best = index.sentences[f.sentence]
        said = f.agent_text if role == "agent" else f.patient_text
        resolved = f.agent_resolved if role == "agent" else f.patient_resolved
        if group is None:  # a description: "Somali fishermen" where the article has Kenyan guards
            if said and _other_country(arg, f.agent if role == "agent" else f.patient):
                return Finding("substitute", f"{said} as {role} of '{verb.lemma_.lower()}'",
                               f"{arg_text(arg)} as {role}", best)
            continue
        if resolved:
            continue  # a pronoun's antecedent is a guess: not enough to name another actor
        mention = next((m for m in best.entities if m.text == said), None)
        if mention is None or ACTOR_GROUPS.get(mention.label) != group or is_stated(mention, stated):
            continue
        if not is_actor(mention):
            continue
        return Finding("substitute", f"{said} as {role} of '{verb.lemma_.lower()}'", f"{arg_text(arg)} as {role}", best)
    return None


def _other_country(arg: Any, keys: frozenset[str] | None) -> bool:
    """Whether a described actor ("Philippine sailors") and the article's argument for the same
    role ("Chinese coast guard personnel") belong to different countries: both phrases name a
    country (a people, a place: ``actor_country``) and share none. Descriptions alone ("the
    sailors" / "the personnel") tell nothing, and neither does a lower-cased statement."""
    if keys is None or is_lowercased(arg.doc.text):
        return False
    modifiers = [c for c in arg.lefts if c.dep_ in ATTACHING_DEPS]  # "Somali" in "Somali fishermen"
    named = [arg] if is_name(arg) else []  # "Israel" itself, against the article's "it" (Hezbollah)
    ours = {c for c in map(actor_country, [entity_text(m) for m in [*modifiers, *named]]) if c}
    theirs = {k for k in keys if _is_country_code(k)}
    return bool(ours) and bool(theirs) and not ours & theirs


def _is_country_code(key: str) -> bool:
    """``actor_country``'s ISO-3 codes are the only upper-case keys (``canonical_entity`` and
    ``token_key`` give lower case)."""
    return len(key) == 3 and key.isupper()


def _resolved(frame: Frame, keys: frozenset[str] | None) -> bool:
    """Whether ``keys`` (one of ``frame``'s arguments) came from a pronoun's antecedent."""
    if keys is None:
        return False
    in_agent = frame.agent is not None and keys <= frame.agent  # ``_own_keys`` may have trimmed it
    in_patient = frame.patient is not None and keys <= frame.patient
    return (frame.agent_resolved and in_agent) or (frame.patient_resolved and in_patient)


def _other_role_matches(frame: Frame, role: str, other_wanted: frozenset[str] | None) -> bool:
    """Whether the article's ``frame`` has the statement's argument in the role other than
    ``role`` (``other_wanted``: the keys it is found under, ``wanted_keys``): the report of the same
    act by the same actor ("UN experts accused ...") is the one whose ``role`` the statement gets
    wrong, not another report of the verb ("Western governments accuse ...") that comes first."""
    if other_wanted is None:
        return False
    keys = frame.patient if role == "agent" else frame.agent
    return keys is not None and bool(other_wanted & keys)


def _other_actor(arg: Any, said: str, sentence: Sentence) -> bool:
    """Whether the article's argument ``said`` is another actor than the statement's named
    ``arg``: both written as names of actors (a country, people, a person, an organisation; in a
    statement that is not lower-cased, where the tagger only guesses names), sharing no word
    ("Bayer" is "Bayer Leverkusen"). "accused Congo" where the article's "accused" has Rwanda is
    one; "the Tottenham forward posted" (a description) or "Tagalog" (a language) is not."""
    if is_lowercased(arg.doc.text) or ACTOR_GROUPS.get(arg.ent_type_) is None:
        return False
    mention = next((m for m in sentence.entities if m.text == said), None)
    if mention is None or ACTOR_GROUPS.get(mention.label) is None:
        return False
    countries = actor_country(entity_text(arg)), actor_country(said)
    if None not in countries and countries[0] != countries[1]:
        return True  # "South Korea" is not "North Korea", though they share a word
    ours = {w.lower() for w in entity_text(arg).split()}
    return not ours & {w.lower() for w in said.split()}

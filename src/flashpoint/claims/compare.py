"""Align a statement's clauses with article sentences and record what does not match.

For every clause the article sentences are ranked by how much of the clause's (rarity-weighted)
content they contain; the top few form the clause's *window*. Each content word of the clause
is then found in the window, found only elsewhere in the article, found only as a listed
synonym, or not found at all. On top of these word statuses come the explicit mismatches a
person would name: a negation the article does not have, an antonym of the article's word, a
different number where the article gives one, a different actor where the article names one,
the same actor taking the other side (``stance``).
The statuses and mismatches become the numeric features that ``score`` weighs.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any, Literal

from .aliases import is_place
from .clauses import Clause, split_clauses
from .dates import calendar, conflict, date_mentions
from .index import (
    ATTACHING_DEPS,
    ArticleIndex,
    Mention,
    Sentence,
    is_negated,
    is_prospective,
    token_keys,
)
from .lexicon import lexicon, weights
from .roles import Frame, arg_text, arguments, complement
from .stance import clashes
from .units import (
    NAME_LABELS,
    Kind,
    actor_country,
    actor_key,
    canonical_entity,
    capital_country,
    counted_noun,
    country_names,
    duration_unit,
    number_form,
    person_query_keys,
    same_kind_of_count,
    token_key,
    token_kind,
)

Status = Literal["best", "window", "synonym", "doc", "novel"]
FindingKind = Literal[
    "negation", "antonym", "number", "actor", "role", "swap", "date", "substitute", "act", "stance", "unrealised"
]

KINDS: tuple[Kind, ...] = ("entity", "number", "noun", "adj", "verb", "adv", "light")
_ACTOR_GROUPS = {"GPE": "place", "NORP": "place", "LOC": "place", "PERSON": "person", "ORG": "org"}


@dataclass
class WordStatus:
    """Where one content word of a statement was found."""

    token: Any
    key: str
    kind: Kind
    status: Status
    commentary: bool


@dataclass
class Finding:
    """An explicit mismatch between a statement and an aligned article sentence."""

    kind: FindingKind
    article_says: str
    statement_says: str
    sentence: Sentence


@dataclass
class ClauseResult:
    clause: Clause
    window: list[Sentence]
    alignment: float  # share of the clause's weighted content found in its best sentence
    coverage: float  # share found anywhere in the window
    words: list[WordStatus] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    roles: dict[str, int] = field(default_factory=lambda: {"match": 0, "mismatch": 0, "unknown": 0, "swap": 0})


@dataclass
class Comparison:
    """Everything the scorer and the reason writer need about one statement."""

    clauses: list[ClauseResult]
    features: dict[str, float]
    words: list[WordStatus]
    findings: list[Finding]

    @property
    def best_sentence(self) -> Sentence | None:
        factual = [c for c in self.clauses if not c.clause.commentary and c.window] or [
            c for c in self.clauses if c.window
        ]
        if not factual:
            return None
        best = max(factual, key=lambda c: c.alignment)
        return best.window[0]

    @property
    def best_alignment(self) -> float:
        factual = [c.alignment for c in self.clauses if not c.clause.commentary]
        return max(factual or [c.alignment for c in self.clauses] or [0.0])


@dataclass
class _Word:
    token: Any
    keys: list[str]
    kind: Kind
    weight: float
    plain: str | None = None  # a one-word name's plain-word key ("defense" for "Defense")


def _match(index: ArticleIndex, word: _Word, keys: frozenset[str], names: frozenset[str]) -> float:
    """1 when the word (or a variant of it) is in the sentence, ``synonym_match`` for a listed
    synonym (weights.json), else 0.

    Names match whole names only; numbers exactly; other words also by a shared stem.
    """
    if word.kind == "entity":
        if any(k in names for k in word.keys):
            return 1.0
        # A one-word name that is also a plain word ("the Defense industry" / "defense").
        return 1.0 if word.plain is not None and word.plain in keys else 0.0
    exact = word.kind == "number"
    for key in word.keys:
        if key in keys or any(v in keys for v in index.variants(key, exact=exact)):
            return 1.0
    for key in word.keys:
        if any(s in keys for s in index.synonyms_in(key)):
            return weights().synonym_match
    return 0.0


def _content_words(index: ArticleIndex, clause: Clause) -> list[_Word]:
    words: list[_Word] = []
    for tok in clause.tokens:
        if tok.ent_iob_ == "I" and tok.ent_type_ in NAME_LABELS and tok.pos_ == "PROPN":
            continue  # one word per name: "Kim Jong Un" counts once, under its first token
        kind = token_kind(tok)
        if kind is None:
            continue
        keys = token_keys(tok)
        if kind == "entity":
            ent_key = _entity_key(tok)
            if ent_key:
                keys = [ent_key] if tok.ent_type_ in NAME_LABELS else [ent_key, *keys]
                keys.extend(sorted(_person_keys(tok)))
                code = actor_key(_entity_text(tok))
                if code and len(code) > 3:  # "the UN" is "the United Nations" (IGOUNO)
                    keys.append(code)
        if not keys:
            continue
        idf = max(index.idf_of(k) for k in keys) if any(index.has(k) for k in keys) else index.idf_of("")
        plain = None
        if kind == "entity" and tok.is_alpha and not tok.is_upper and len(tok) > 3 and not _in_long_name(tok):
            plain = tok.lemma_.lower()
            if not any(index.has_name(k) for k in keys) and index.has(plain):
                # A capitalised common word ("the Defense industry") the article writes plainly
                # ("civilian defense sectors"): a noun, not a name.
                kind, keys, plain = "noun", [plain], None
                idf = index.idf_of(keys[0])
        words.append(_Word(tok, keys, kind, weights().kind_weights[kind] * idf, plain))
    return words


def _entity_key(token: Any) -> str | None:
    """The canonical name of the entity a token belongs to ("Kim Jong-un's" -> "kimjongun")."""
    if token.ent_type_ in NAME_LABELS:
        doc = token.doc
        for ent in doc.ents:
            if ent.start <= token.i < ent.end:
                return canonical_entity(ent.text)
    return canonical_entity(token.text) or None


def _in_long_name(token: Any) -> bool:
    return any(ent.start <= token.i < ent.end and len(ent) > 1 for ent in token.doc.ents)


def _entity_text(token: Any) -> str:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent.text
    return token.text


def _person_keys(token: Any) -> set[str]:
    """Partial-name keys of the person a token names (see ``units.person_name_keys``)."""
    if token.ent_type_ != "PERSON":
        return set()
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return person_query_keys(ent)
    return set()


def _rank(index: ArticleIndex, words: list[_Word], top_k: int) -> list[tuple[float, Sentence]]:
    total = sum(w.weight for w in words) or 1.0
    candidates: set[int] = set()
    for w in words:
        for k in w.keys:
            if w.kind == "entity":
                candidates |= index.name_postings.get(k, set())
                continue
            candidates |= index.sentences_with(index.variants(k, exact=w.kind == "number"))
            candidates |= index.sentences_with(index.synonyms_in(k))
    scored = []
    for i in candidates:
        sent = index.sentences[i]
        score = sum(w.weight * _match(index, w, sent.keys, sent.names) for w in words) / total
        scored.append((score, sent))
    scored.sort(key=lambda p: (-p[0], p[1].index))
    return scored[:top_k]


def compare_clause(index: ArticleIndex, clause: Clause, *, top_k: int) -> ClauseResult:
    """Align one clause and classify its words; see module docstring."""
    words = _content_words(index, clause)
    ranked = _rank(index, words, top_k) if words else []
    window = [s for _, s in ranked]
    window_keys = frozenset().union(*(s.keys for s in window))
    window_names = frozenset().union(*(s.names for s in window))
    alignment = ranked[0][0] if ranked else 0.0
    total = sum(w.weight for w in words) or 1.0
    coverage = sum(w.weight * _match(index, w, window_keys, window_names) for w in words) / total
    result = ClauseResult(clause, window, alignment, coverage if words else 0.0)
    for w in words:
        m = _match(index, w, window_keys, window_names)
        if w.kind == "number" and m == 1.0 and not _same_number(index, w, window):
            # "three months" is not backed by the 3 of "March 3": found only as another kind
            status: Status = "doc" if _same_number(index, w, index.sentences) else "novel"
        elif m == 1.0:
            best = _match(index, w, window[0].keys, window[0].names) == 1.0
            status = "best" if best else "window"
        elif m > 0 or _match(index, w, index.title_keys, index.title_names) > 0:
            status = "synonym"  # a listed synonym, or a word only the headline gives
        elif w.kind == "entity":
            status = "doc" if any(index.has_name(k) for k in w.keys) else "novel"
        elif any(index.variants(k, exact=w.kind == "number") for k in w.keys) or any(
            index.synonyms_in(k) for k in w.keys
        ):
            status = "doc"
        else:
            status = "novel"
        result.words.append(WordStatus(w.token, w.keys[0], w.kind, status, clause.commentary))
    if window and not clause.commentary:
        result.findings.extend(_findings(index, result, window))
        _check_roles(index, result)
    return result


# Kinds of number (``units.number_form``) that may write the same quantity: a count and a length
# of time are often told apart wrongly ("a 4-day truce" / "the truce's 4 days"); a day of the
# month, a year or an ordinal never stands for either.
_COMPATIBLE_FORMS = frozenset({"count", "duration"})


def _same_number(index: ArticleIndex, word: _Word, sentences: list[Sentence]) -> bool:
    """Whether the sentences may give the statement's number (or a variant of it) as the same
    kind: False only when every mention of it there is another kind ("64million" matched as
    written, with no mention of its own, stays found)."""
    form = number_form(word.token, word.keys[0])
    keys = set(word.keys).union(*(index.variants(k, exact=True) for k in word.keys))
    found = [(m.form, sent) for sent in sentences for m in sent.numbers if m.key in keys]
    # A length of time is a count only beside its unit: "the three largest towns" backs "three
    # days" no more than it backs "three months" (the unit's words differ: "a 4-day truce" / "the
    # truce's four days" share "day").
    unit = duration_unit(word.token) if form == "duration" else None
    return not found or any(
        f == form or ({f, form} <= _COMPATIBLE_FORMS and (unit is None or unit in sent.keys)) for f, sent in found
    )


def _head_keys(arg: Any) -> frozenset[str]:
    """The keys an argument must be found under: its name when it is a name, else its lemma."""
    if _is_name(arg):
        ent = _entity_key(arg)
        keys = {ent} if ent else {token_key(arg)}
        keys |= _person_keys(arg)
        country = actor_key(_entity_text(arg))
        if country:
            keys.add(country)  # "Japan" is the actor the article calls "Tokyo", "UN" the United Nations
    else:
        keys = {token_key(arg)}
    keys.discard("")
    return frozenset(keys)


def _is_name(arg: Any) -> bool:
    """Whether an argument is a name (an entity or a proper noun), not a description."""
    return arg.ent_type_ in NAME_LABELS or arg.pos_ == "PROPN"


def _wanted(index: ArticleIndex, arg: Any) -> set[str]:
    heads = _head_keys(arg)
    wanted = set(heads)
    for k in heads:
        wanted |= index.variants(k, exact=token_kind(arg) in ("entity", "number"))
        wanted |= index.synonyms_in(k)
    return wanted


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
    want_agent, want_patient = _wanted(index, agent), _wanted(index, patient)
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


def _check_roles(index: ArticleIndex, result: ClauseResult) -> None:
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
                    and not any(index.has(k) or index.has_name(k) for k in _head_keys(agent))):
                best = result.window[0].index
                found = _unnamed_actor(index, result, tok, "agent", agent, patient, [f for f in frames if f.sentence == best])
                if found is not None:
                    result.findings.append(found)
                    result.roles["mismatch"] += 1
            continue
        other_act = _other_act(index, tok, agent, [f for f in frames if f.sentence in window_ids])
        if other_act is not None:
            result.findings.append(other_act)
        swap = _swap_finding(index, tok, agent, patient, [f for f in frames if f.sentence in window_ids])
        if swap is not None:
            result.findings.append(swap)
            result.roles["swap"] += 1
            continue
        for role, arg in (("agent", agent), ("patient", patient)):
            if arg is None or arg.is_stop or token_kind(arg) in (None, "light"):
                continue
            heads = _head_keys(arg)
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
            other_wanted = None if other is None else frozenset(_wanted(index, other))
            # The reports of the act by the same actor (or on the same patient) decide when the
            # article has them: "UN experts accused Rwanda" answers "UN experts accused Congo",
            # whatever "Western governments accuse the rebels" says.
            slots = [p for p in slots if _other_role_matches(p[0], role, other_wanted)] or slots
            named = _is_name(arg)
            if any(keys is not None and wanted & keys for _, keys in slots):
                result.roles["match"] += 1
            elif any(keys is None or (named and not keys & index.entity_keys)
                     or (_resolved(f, keys) and not _other_country(arg, keys)) for f, keys in slots):
                # unknown, a description ("fled the country") that may be the name, or a pronoun's
                # antecedent, a guess that only another country's people outweighs
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


def _other_act(index: ArticleIndex, verb: Any, agent: Any | None, frames: list[Frame]) -> Finding | None:
    """The same actor's same controlling act about another act: "Sudan and Chad agreed to reopen
    the border" where the article's "Sudan and Chad agreed" is "to swap prisoners". The article
    speaks of that agreement and says what it was about: it says something else, not nothing
    (a finding named in the reason; it weighs nothing in the score)."""
    act = complement(verb)
    if act is None or agent is None:
        return None
    wanted = _wanted(index, agent)
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
    group = _ACTOR_GROUPS.get(arg.ent_type_)
    if is_lowercased(arg.doc.text) or not result.window:
        return None
    if group == "place" and actor_country(_entity_text(arg)) is None:
        return None  # a village or province the tables do not know is where, not who
    rank = {s.index: i for i, s in enumerate(result.window)}
    other_wanted = None if other is None else frozenset(_wanted(index, other))
    stated = _stated(e for e in arg.doc.ents if _written_as_name(e))
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
        if mention is None or _ACTOR_GROUPS.get(mention.label) != group or _is_stated(mention, stated):
            continue
        if not _is_actor(mention):
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
    named = [arg] if _is_name(arg) else []  # "Israel" itself, against the article's "it" (Hezbollah)
    ours = {c for c in map(actor_country, [_entity_text(m) for m in [*modifiers, *named]]) if c}
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
    ``role`` (``other_wanted``: the keys it is found under, ``_wanted``): the report of the same
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
    if is_lowercased(arg.doc.text) or _ACTOR_GROUPS.get(arg.ent_type_) is None:
        return False
    mention = next((m for m in sentence.entities if m.text == said), None)
    if mention is None or _ACTOR_GROUPS.get(mention.label) is None:
        return False
    ours = {w.lower() for w in _entity_text(arg).split()}
    return not ours & {w.lower() for w in said.split()}


def _findings(index: ArticleIndex, result: ClauseResult, window: list[Sentence]) -> list[Finding]:
    """Every explicit mismatch of one clause with its window (see module docstring)."""
    aligned = result.alignment >= weights().contradiction_min_alignment
    found = _negation_findings(index, result, window)
    found += _unrealised_findings(result, window)
    found += _antonym_findings(index, result, window)
    found += _date_findings(index, result, window)
    if aligned:
        found += _number_findings(result, window[0])
    found += _attached_actor_findings(index, result)
    if aligned and not any(f.kind == "actor" for f in found):
        found += _actor_findings(index, result, window[0])
    found += [Finding("stance", c.article_says, c.statement_says, c.sentence)
              for c in clashes(index, result.clause.tokens, window, lambda arg: _wanted(index, arg))]
    return found


def _negation_findings(index: ArticleIndex, result: ClauseResult, window: list[Sentence]) -> list[Finding]:
    """The statement negates a word the article asserts, or the reverse.

    Every word counts here, light ones too: "did not say" contradicts "said". A negation may sit
    on the verb or on its argument with the same meaning ("found no proof" = "did not find any
    evidence"), so a side that carries a negation elsewhere in the clause (the statement) or the
    sentence (the article) is not a mismatch of polarity; so does a negative implicative verb
    ("declined to sign" = "would not sign", ``lexicon.json`` negative_implicatives).
    """
    found: list[Finding] = []
    lex = lexicon()
    clause_negated = any(
        is_negated(t) or t.lower_ in lex.negation or token_key(t) in lex.negative_implicatives
        for t in result.clause.tokens
    )
    for tok in result.clause.tokens:
        if tok.is_punct or (tok.is_stop and tok.pos_ not in ("VERB", "AUX")):
            continue
        keys = set(token_keys(tok))
        for k in list(keys):
            keys |= index.variants(k)
        holders = [s for s in window if keys & s.keys]
        word = tok.text
        if not holders:
            # the word itself is not there: a listed synonym stands for it ("afraid" / "nothing to fear")
            keys = set().union(*(index.synonyms_in(k) for k in keys))
            holders = [s for s in window if keys & s.keys]
            word = min(keys & holders[0].keys).replace("_", " ") if holders else word
        if not holders:
            continue
        sent = _same_act_holder(index, tok, keys, holders)
        negated_here = bool(keys & sent.negated)
        asserted_here = bool(keys & sent.asserted)
        sentence_negates = bool(sent.negated or sent.keys & lex.negative_implicatives)
        if is_negated(tok) and asserted_here and not negated_here and not sentence_negates:
            found.append(Finding("negation", word, f"not {tok.text}", sent))
        elif not is_negated(tok) and negated_here and not asserted_here and not clause_negated:
            found.append(Finding("negation", f"not {word}", tok.text, sent))
    return found


def _unrealised_findings(result: ClauseResult, window: list[Sentence]) -> list[Finding]:
    """The statement asserts an act the aligned article sentences only put ahead or attempt
    ("brokered a ceasefire" where the article says they "tried to broker" one, "annexed" where it
    "threatened to annex"): the article does not say it happened. Only where no window sentence
    asserts or negates the same verb."""
    found: list[Finding] = []
    for tok in result.clause.tokens:
        if tok.pos_ != "VERB" or is_negated(tok) or is_prospective(tok):
            continue
        keys = set(token_keys(tok))
        if any(keys & (s.asserted | s.negated) for s in window):
            continue
        for sent in window:
            said = next((sent.unrealised[k] for k in sorted(keys) if k in sent.unrealised), None)
            if said is not None:
                found.append(Finding("unrealised", said, tok.text, sent))
                break
    return found


def _same_act_holder(index: ArticleIndex, tok: Any, keys: set[str], holders: list[Sentence]) -> Sentence:
    """The sentence whose polarity a statement verb is read against: the article's report of the
    same act -- its same verb with the statement's object, and no other agent -- first among the
    window's sentences, else anywhere in the article ("did not sign the peace treaty" answers
    "signed the peace treaty", not an earlier "signing a joint declaration"); with none, the
    first window sentence holding the word."""
    if tok.pos_ != "VERB":
        return holders[0]
    agent, patient, _, _ = arguments(tok)
    # "signed and ratified the treaty": the first verb shares its conjunct's object
    patient = patient or next((p for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"
                               for p in [arguments(c)[1]] if p is not None), None)
    if patient is None:
        return holders[0]
    wanted = _wanted(index, patient)
    by = None if agent is None else _wanted(index, agent)
    same = {f.sentence for k in keys for f in index.frames.get(k, ())
            if f.patient is not None and wanted & f.patient
            and (by is None or f.agent is None or f.agent_resolved or by & f.agent)}  # a pronoun's guess names no one
    found = next((s for s in holders if s.index in same), None)
    if found is None and same:
        found = index.sentences[min(same)]
    return found or holders[0]


def _antonym_findings(index: ArticleIndex, result: ClauseResult, window: list[Sentence]) -> list[Finding]:
    """The statement's word is missing from the window but its opposite is there, said of the
    same thing (``_same_act``)."""
    lex = lexicon()
    found: list[Finding] = []
    for ws in result.words:
        if ws.status in ("best", "window", "synonym"):
            continue
        opposite = lex.antonyms.get(ws.key, frozenset()) | lex.antonyms.get(ws.token.lower_, frozenset())
        if ws.token.pos_ in ("ADJ", "ADV"):
            opposite |= _prefixed_opposites(ws.key, lex.negative_prefixes)
        for sent in window:
            hit = opposite & sent.keys
            if hit and _same_act(index, result, window, ws.token, hit, sent):
                found.append(Finding("antonym", min(hit).replace("_", " "), ws.token.text, sent))
                break
    return found


_MIN_STEM = 4  # "unable" / "able": shorter stems ("in" + "to") are not words of their own


def _prefixed_opposites(key: str, prefixes: tuple[str, ...]) -> frozenset[str]:
    """The word with a negative prefix, or without the one it has ("successful" <->
    "unsuccessful", "legal" <-> "illegal"; ``lexicon.json`` negative_prefixes)."""
    out = {p + key for p in prefixes if len(key) >= _MIN_STEM}
    out |= {key[len(p):] for p in prefixes if key.startswith(p) and len(key) - len(p) >= _MIN_STEM}
    return frozenset(out)


def _same_act(
    index: ArticleIndex, result: ClauseResult, window: list[Sentence], token: Any, opposite: set[str], sent: Sentence
) -> bool:
    """Whether the article's opposite word in ``sent`` is said of what the statement's ``token``
    is said of. For a verb, the article's opposite verb must share its object ("Turkey closed its
    border crossings" against "reopened its border crossings"), or its subject when the
    statement's verb has no object; where the parse gives the article's verb no such argument,
    the sentence must name it at least: "Israel will resume its offensive" is no opposite of
    "Israel stopped aid deliveries". For other words (and verbs without arguments) ``sent`` must
    be the sentence reporting the clause's event (``_event_sentence``)."""
    if token.pos_ == "VERB":
        agent, patient, _, _ = arguments(token)
        arg, slot = (patient, "patient") if patient is not None else (agent, "agent")
        if arg is not None:
            wanted = _wanted(index, arg)
            frames = [f for k in opposite for f in index.frames.get(k, ()) if f.sentence == sent.index]
            slots = [getattr(f, slot) for f in frames if getattr(f, slot) is not None]
            return any(wanted & keys for keys in slots) if slots else bool(wanted & sent.keys)
    return _event_sentence(result, window) is sent


def _event_sentence(result: ClauseResult, window: list[Sentence]) -> Sentence | None:
    """The window sentence that reports what the clause reports, its dates left aside: the one
    holding most of the clause's other content words (at least ``contradiction_min_alignment``
    of them). "Netanyahu said on Monday that Israel was at war" is about the sentence with
    Netanyahu, said and war, not the one that shares "Israel" and "Monday"."""
    calendar_words = set(calendar().weekdays) | set(calendar().months) | set(calendar().relative_days)
    content = [w for w in result.words if w.kind != "light" and not w.commentary and w.token.ent_type_ != "DATE"
               and w.token.lower_.rstrip(".") not in calendar_words]
    if not content or not window:
        return None
    shares = [sum(1 for w in content if w.key in s.keys or w.key in s.names) / len(content) for s in window]
    best = max(range(len(window)), key=lambda i: (shares[i], -i))
    return window[best] if shares[best] >= weights().contradiction_min_alignment else None


def _date_findings(index: ArticleIndex, result: ClauseResult, window: list[Sentence]) -> list[Finding]:
    """A date of the statement that cannot be any date given by the sentence reporting the same
    event or speaker ("on Monday" where that sentence says "on Sunday"; ``dates``).

    A statement date compatible with any date of that sentence, or comparable with none of
    them, is no finding.
    """
    said = date_mentions(result.clause.tokens, index.published)
    event = _event_sentence(result, window) if said else None
    if event is None:
        return []
    found: list[Finding] = []
    for mention in said:
        comparable = [(c, other) for other in event.dates if (c := conflict(mention, other)) is not None]
        if comparable and all(c for c, _ in comparable):
            found.append(Finding("date", comparable[0][1].text, mention.text, event))
    return found


def _number_findings(result: ClauseResult, best: Sentence) -> list[Finding]:
    """A number the article lacks, where the best sentence gives another of the same kind.

    A number the article states elsewhere is no mismatch ("each freed 1,000 prisoners" is not
    contradicted by a sentence about the 303 freed on the last day when 1,000 is in the text).
    """
    found: list[Finding] = []
    # a number and its form: "the first coup in three years" states no "third" ("#3", ordinal)
    stated = {(w.key, number_form(w.token, w.key)) for w in result.words if w.kind == "number"}
    for ws in result.words:
        if ws.kind != "number" or ws.status != "novel":
            continue
        label = ws.token.ent_type_ or "CARDINAL"
        form = number_form(ws.token, ws.key)
        counts = counted_noun(ws.token)
        others = [m for m in best.numbers if m.label == label and m.form == form
                  and (m.key, m.form) not in stated and same_kind_of_count(m.counts, counts)]
        if others:
            found.append(Finding("number", others[0].text, ws.token.text, best))
    return found


def _written_as_name(ent: Any) -> bool:
    """A name is written with a capital; in lower-cased text the tagger only guesses."""
    return any(not t.is_lower for t in ent if t.is_alpha)


def _is_stated(mention: Mention, stated: set[str]) -> bool:
    """True when an article mention is one of the statement's actors (Seoul for South Korea).

    ``stated`` holds the statement actors' canonical names and their countries.
    """
    if mention.key in stated or capital_country(mention.text) in stated:
        return True
    country = actor_key(mention.text)
    return country is not None and country in stated


def _names_country(sentence: Sentence, country: str | None) -> bool:
    """True when the sentence names ``country`` some way: its name, capital or demonym, or a body
    of it ("Philippine navy boats" names the Philippines)."""
    return country is not None and any(
        m.label in _ACTOR_GROUPS and actor_country(m.text) == country for m in sentence.entities
    )


def _is_actor(mention: Mention) -> bool:
    """A place name counts as another actor only when the actors tables know it: a village or
    a province they do not know ("near Banjska", "in Roraima") is where something happened, not
    who did it. People and organisations always count."""
    return _ACTOR_GROUPS.get(mention.label) != "place" or actor_country(mention.text) is not None


def _stated(ents: Any) -> set[str]:
    out: set[str] = set()
    for e in ents:
        out.add(canonical_entity(e.text))
        country = actor_key(e.text)
        if country:
            out.add(country)
    return out


def _actor_findings(index: ArticleIndex, result: ClauseResult, best: Sentence) -> list[Finding]:
    """A named actor the best sentence lacks, where it names another of the same kind.

    Actors the article never names are left to ``not_in_source``: the article does not talk
    about them, it does not contradict them.
    """
    tokens = result.clause.tokens
    if not tokens:
        return []
    doc = tokens[0].doc
    clause_ids = {t.i for t in tokens}
    ents = [e for e in doc.ents if e.start in clause_ids and _written_as_name(e)]
    stated = _stated(ents)
    found: list[Finding] = []
    seen: set[str] = set()
    for ent in ents:
        group = _ACTOR_GROUPS.get(ent.label_)
        key = canonical_entity(ent.text)
        if group is None or not key or key in seen:
            continue
        seen.add(key)
        person = person_query_keys(ent) if ent.label_ == "PERSON" else set()
        if key in best.names or person & best.names:
            continue
        # A country named another way counts as named; a place where something happened ("in
        # Washington") is left to the name itself, as before.
        country = actor_country(ent.text) if group == "place" and not is_place(ent) else None
        named = index.has_name(key) or any(index.has_name(k) for k in person)
        if not named and not any(_names_country(sent, country) for sent in index.sentences):
            continue  # neither "Vietnamese" nor "Vietnam": the article never names it
        if _names_country(best, country):
            continue  # "a Filipino sailor" where the sentence says "Philippine navy boats"
        others = [m for m in best.entities if _ACTOR_GROUPS.get(m.label) == group and not _is_stated(m, stated)
                  and _is_actor(m)]
        if others:
            found.append(Finding("actor", _describe(others[0]), ent.text, best))
    return found


def _attached_actor_findings(index: ArticleIndex, result: ClauseResult) -> list[Finding]:
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
        group = _ACTOR_GROUPS.get(ent.label_)
        if group is None or ent.start not in clause_ids or ent.root.dep_ not in ATTACHING_DEPS:
            continue
        if not _written_as_name(ent):
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
        if key in sent.names or (ent.label_ == "PERSON" and person_query_keys(ent) & sent.names):
            continue
        # Another actor of the kind, even one the statement names elsewhere in another role;
        # attached to the same noun, or only named in the sentence.
        unstated = [m for m in sent.entities if _ACTOR_GROUPS.get(m.label) == group and not _is_stated(m, _stated([ent]))]
        owned = [m for k in needed[0] for m in sent.owners.get(k, ()) if m in unstated]
        if unnamed and not owned:
            continue
        if not owned and len(needed) < 2 and index.idf_of(token_key(head)) <= weights().anchor_min_idf:
            continue  # a bare common noun ("Seoul's decision") no other actor owns is too weak an anchor
        others = owned or unstated
        if others:
            thing = doc[min(p.i for p in parts) : head.i + 1].text
            kind = "substitute" if owned and not is_lowercased(doc.text) else "actor"
            out.append(Finding(kind, f"{thing} of {_describe(others[0])}", f"{ent.text} {thing}", sent))
    return out


def _describe(mention: Any) -> str:
    """"Pyongyang (North Korea)" when the mention stands for a country it does not name."""
    name = mention.text.lower().strip().removesuffix("'s")
    canon = country_names().names.get(name) or country_names().seats.get(name)
    if canon and canon.replace(" ", "") != mention.text.lower().replace(" ", ""):
        return f"{mention.text} ({canon.title()})"
    return mention.text


# Name evidence that rests on casing. Machine summaries often come lower-cased ("prof anna lindqvist
# , of the karolinska institute ...") and the tagger then only guesses which words are names, so in a
# lower-cased statement these count under their own "<name>_lowercased" weights: fitted on the
# lower-cased summaries of the tuning data, they no longer drag the weights of written names.
CASE_FEATURES = ("entity_doc", "entity_window", "actor_mismatch")
LOWERCASED = "_lowercased"
_MIN_LETTERS = 12  # shorter statements carry too little to tell that they were lower-cased


def is_lowercased(text: str) -> bool:
    """True when a statement has no capital letter at all (over enough letters to tell)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= _MIN_LETTERS and not any(c.isupper() for c in letters)


def compare(index: ArticleIndex, statement_doc: Any) -> Comparison:
    """Compare one parsed statement with an indexed article."""
    top_k = weights().window_top_k
    clauses = [compare_clause(index, c, top_k=top_k) for c in split_clauses(statement_doc)]
    words = [w for c in clauses for w in c.words]
    findings = [f for c in clauses for f in c.findings]
    f = features(index, statement_doc, clauses)
    lowered = is_lowercased(statement_doc.text)
    for name in CASE_FEATURES:
        value = f.pop(name)
        f[name] = 0.0 if lowered else value
        f[name + LOWERCASED] = value if lowered else 0.0
    f["lowercased"] = 1.0 if lowered else 0.0
    return Comparison(clauses, f, words, findings)


def _lcs(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """Length of the longest common subsequence of two word sequences."""
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def _copied(clause: ClauseResult) -> float:
    """Share of the clause's words that appear, in order, in one window sentence.

    Summaries that splice two sentences keep most words but lose their order; an extract or a
    close paraphrase keeps it.
    """
    words = tuple(t.lower_ for t in clause.clause.tokens if not (t.is_punct or t.is_space))
    if not words:
        return 1.0
    return max((_lcs(words, s.words[:80]) for s in clause.window[:2]), default=0) / len(words)


_CORE = ("entity", "number", "noun", "adj")
def _share(clause: ClauseResult, kinds: tuple[str, ...]) -> float:
    """Share of a clause's words of the given kinds that its window contains."""
    words = [w for w in clause.words if w.kind in kinds]
    if not words:
        return 1.0
    found = {"best": 1.0, "window": 1.0, "synonym": weights().synonym_match}
    return sum(found.get(w.status, 0.0) for w in words) / len(words)


def features(index: ArticleIndex, statement_doc: Any, clauses: list[ClauseResult]) -> dict[str, float]:
    """The named numeric features the logistic model weighs (see ``claims/data/weights.json``)."""
    f: dict[str, float] = {}
    for kind in KINDS:
        for status in ("window", "doc", "novel"):
            f[f"{kind}_{status}"] = 0.0
    f["synonym"] = 0.0
    f["commentary_novel"] = 0.0
    for c in clauses:
        for w in c.words:
            if w.commentary:
                if w.status == "novel":
                    f["commentary_novel"] += 1
                continue
            if w.status == "synonym":
                f["synonym"] += 1
            elif w.status in ("window", "doc", "novel"):
                f[f"{w.kind}_{w.status}"] += 1
    for kind in ("negation", "antonym", "number", "actor", "date"):
        f[f"{kind}_mismatch"] = float(sum(1 for c in clauses for x in c.findings if x.kind == kind))
    # The four signals that are nearly always right on every benchmark (a name or number the
    # article never gives, a negation or an antonym against the aligned sentence) count as one
    # feature: pooled, the fit can see how reliable they are instead of shrinking each alone.
    f["hard_evidence"] = (
        f.pop("entity_novel") + f.pop("number_novel") + f.pop("negation_mismatch") + f.pop("antonym_mismatch")
    )
    for outcome in ("match", "mismatch", "unknown", "swap"):
        f[f"role_{outcome}"] = float(sum(c.roles[outcome] for c in clauses))
    factual = [c for c in clauses if not c.clause.commentary and c.words] or [c for c in clauses if c.words]
    f["coverage_min"] = min((c.coverage for c in factual), default=0.0)
    f["copy_min"] = min((_copied(c) for c in factual), default=0.0)
    f["core_coverage_min"] = min((_share(c, _CORE) for c in factual), default=0.0)
    f["verb_coverage_min"] = min((_share(c, ("verb",)) for c in factual), default=1.0)
    f["alignment_min"] = min((c.alignment for c in factual), default=0.0)
    f["alignment_mean"] = sum(c.alignment for c in factual) / len(factual) if factual else 0.0
    f["core_coverage_mean"] = sum(_share(c, _CORE) for c in factual) / len(factual) if factual else 0.0
    words = [t.lower_ for t in statement_doc if not (t.is_punct or t.is_space)]
    pairs = list(itertools.pairwise(words))
    f["bigram_novel"] = (sum(1 for p in pairs if p not in index.bigrams) / len(pairs)) if pairs else 0.0
    hedges = lexicon().hedges
    f["hedge"] = float(sum(1 for t in statement_doc if t.lemma_.lower() in hedges or t.lower_ in hedges))
    n = sum(len(c.words) for c in factual)
    f["n_content"] = float(n)
    return f


__all__ = ["CASE_FEATURES", "LOWERCASED", "ClauseResult", "Comparison", "Finding", "WordStatus", "compare", "compare_clause", "features", "is_lowercased"]

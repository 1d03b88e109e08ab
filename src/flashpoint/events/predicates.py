"""Which CAMEO code a predicate carries: pattern lookup and wrapper composition on the parse.

A sentence's event is found by walking its dependency tree from the root. A predicate either
carries a code itself ("accused" -> 112, "imposed sanctions" -> 163), names the event in its
object ("launched an attack") or subject ("clashes broke out"), or wraps another predicate whose
code it transforms: statements pass the embedded event through with the speaker as attribution,
"vowed to attack" becomes a threat (138), "refused to release" a rejection (1243), "urged X to
negotiate" an appeal (026). The walk returns a ``Found``: code, trigger and the tokens that
hold source, target and attribution; actors are resolved later, once per sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from . import tables

Token = Any

SUBJ = {"nsubj", "csubj"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
OBJ = {"dobj", "obj", "dative", "attr", "oprd", "acomp"}
COMPLEMENT = ("xcomp", "ccomp")
TARGET_PREPS = (
    "against",
    "on",
    "with",
    "at",
    "to",
    "toward",
    "towards",
    "into",
    "upon",
    "over",
    "for",
    "from",
    "between",
    "in",
)
OBJECT_CONTROL = {
    "urge",
    "order",
    "ask",
    "call",
    "tell",
    "force",
    "invite",
    "encourage",
    "allow",
    "instruct",
    "direct",
    "command",
    "press",
    "persuade",
    "request",
    "advise",
    "authorize",
    "authorise",
    "help",
    "compel",
    "pressure",
    "implore",
    "beg",
    "warn",
}
DOCUMENT_NOUNS = {
    "report",
    "statement",
    "letter",
    "resolution",
    "communique",
    "declaration",
    "message",
    "document",
    "note",
    "decree",
    "order",
    "appeal",
    "petition",
    "bill",
    "motion",
    "ruling",
}
PARTICLES = {"forward", "back", "out", "down", "up", "off", "away", "over", "ahead", "in"}
FUTURE = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL = {"could", "may", "might", "can", "should", "must", "ought"}
NEG = {"not", "n't", "never", "no"}
VERBAL_ROOTS = {"02", "03", "04", "05", "09", "10", "11", "12", "13"}
COOPERATIVE_ROOTS = {"03", "04", "05", "06", "07", "08"}
CONFLICT_ROOTS = {"14", "15", "16", "17", "18", "19", "20"}


@dataclass
class Found:
    """A coded predicate before actor resolution."""

    code: str
    trigger: Token
    source: Token | None = None
    targets: list[Token] = field(default_factory=list)
    modality: str = "asserted"
    negated: bool = False
    speaker: Token | None = None  # attribution: who said it
    attribution_text: str | None = None
    future: bool = False
    score: int = 1
    embedded: Found | None = None  # the wrapped event, kept as a secondary event
    family: str | None = None
    used: set[int] = field(default_factory=set)


def lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def preps_of(tok: Token) -> set[str]:
    """Particles and prepositions hanging on a predicate ("call off", "call on")."""
    out = set()
    for c in tok.children:
        if (
            c.dep_ in ("prt", "prep", "agent", "dative")
            and c.pos_ in ("ADP", "PART", "ADV")
            or c.dep_ == "prt"
            or (c.dep_ == "advmod" and c.lower_ in PARTICLES)
        ):
            out.add(c.lower_)
    return out


def _modifier_lemmas(tok: Token) -> set[str]:
    out = {lemma(tok), tok.lower_}
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "npadvmod", "poss", "nummod") or (
            c.dep_ == "prep" and c.lower_ in ("of", "in")
        ):
            out.add(lemma(c))
            out.add(c.lower_)
            if c.dep_ == "prep":
                for g in c.children:
                    if g.dep_ == "pobj":
                        out.add(lemma(g))
    if "-" in tok.text:
        out.update(p.lower() for p in tok.text.split("-"))
    return out


def arg_tokens(tok: Token) -> list[Token]:
    """Argument heads of a predicate: objects, prepositional objects, passive subject, complements."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in OBJ or c.dep_ in PASS_SUBJ or c.dep_ in COMPLEMENT:
            out.append(c)
            out.extend(x for x in c.conjuncts if x.i > c.i)
        elif c.dep_ in ("prep", "agent", "prt"):
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if not objs and c.lower_ in PARTICLES:  # "pulled out OF the deal", "away FROM"
                objs = [
                    g
                    for p in c.children
                    if p.dep_ == "prep" and p.i == c.i + 1
                    for g in p.children
                    if g.dep_ in ("pobj", "pcomp")
                ]
            for g in objs:
                out.append(g)
                out.extend(x for x in g.conjuncts if x.i > g.i)
    return out


def arg_lemmas(tok: Token) -> tuple[set[str], set[str]]:
    """Lemmas of the core arguments (objects, complements) and of prepositional objects."""
    core: set[str] = set()
    oblique: set[str] = set()
    for a in arg_tokens(tok):
        (oblique if a.dep_ in ("pobj", "pcomp") else core).update(_modifier_lemmas(a))
    for c in tok.children:
        if c.dep_ in ("prt", "acomp", "advmod"):
            core.add(lemma(c))
    return core, oblique


def verb_code(tok: Token) -> tuple[str, int] | None:
    """Best verb pattern for a predicate: (code, score) or None."""
    patterns = tables.verb_patterns().get(lemma(tok))
    if not patterns:
        return None
    preps = preps_of(tok)
    args: tuple[set[str], set[str]] | None = None
    best: tuple[int, int, int, str] | None = None
    for order, p in enumerate(patterns):
        score = 1
        if p.prep:
            if p.prep not in preps:
                continue
            score += 2
        if p.objects:
            if args is None:
                args = arg_lemmas(tok)
            core, oblique = args
            best_alt = 0
            for alt in p.objects:
                if alt & WILDCARDS:
                    best_alt = max(best_alt, _wildcard_fits(tok, alt))
                elif alt <= core:
                    best_alt = max(best_alt, 3 * len(alt))
                elif alt <= core | oblique and not (alt & p.core_only):
                    best_alt = max(best_alt, 2 * len(alt))
            if not best_alt:
                continue
            score += best_alt
        key = (score, len(p.code), -order, p.code)
        if best is None or key > best:
            best = key
    if best is None:
        return None
    return best[3], best[0]


WILDCARDS = frozenset({"*", "@"})
NAME_ENTITIES = frozenset({"ORG", "NORP", "GPE", "PERSON", "FAC"})


def _wildcard_fits(tok: Token, alt: frozenset[str]) -> int:
    """``*``: the verb has a direct object ("India struck nine sites"); ``@``: that object is a
    named actor ("the AU suspended Niger"). Scores below any listed object lemma."""
    objects = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if "@" in alt:
        objects = [o for o in objects if o.ent_type_ in NAME_ENTITIES]
    return 1 if objects else 0


def _inside_name(tok: Token) -> bool:
    """A word inside a multi-word name ("the Rapid SUPPORT Forces") names no event."""
    if tok.pos_ != "PROPN" or tok.ent_type_ not in NAME_ENTITIES:
        return False
    doc = tok.doc
    after = tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I"
    return after or tok.ent_iob_ == "I"


def noun_code(tok: Token) -> str | None:
    """Code of an event noun ("attack", "talks", "air strike"), modifiers considered."""
    if tok.ent_type_ == "DATE" or _inside_name(tok):
        return None  # "in March" is no march; "Rapid Support Forces" is no support
    patterns = tables.noun_patterns().get(lemma(tok)) or tables.noun_patterns().get(tok.lower_)
    if not patterns and "-" in tok.text:
        patterns = tables.noun_patterns().get(tok.text.lower().split("-")[-1].rstrip("s"))
    if not patterns:
        return None
    mods = _modifier_lemmas(tok) - {lemma(tok)}
    for p in patterns:
        if not p.modifiers or p.modifiers & mods:
            return p.code
    return None


def roles_of(tok: Token) -> list[str]:
    rows = tables.predicate_roles().get(lemma(tok))
    if not rows:
        return []
    preps = None
    out = []
    for role, prep in rows:
        if prep:
            if preps is None:
                preps = preps_of(tok) | {lemma(c) for c in tok.children if c.dep_ in OBJ}
            if prep not in preps:
                continue
        if role not in out:
            out.append(role)
    return out


def is_negated(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (c.lower_ in NEG and c.dep_ in ("advmod", "neg", "det")):
            return True
    return False


def aux_words(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def is_future(tok: Token) -> bool:
    words = aux_words(tok)
    if words & FUTURE:
        return True
    if "would" in words and not _conditional(tok):
        return True  # reported future: "said it would allow access"
    # "is going to attack", "is set to meet", "is about to"
    head = tok.head
    return (
        tok.dep_ == "xcomp"
        and lemma(head) in ("go", "set", "due", "expect", "poise")
        and head.i != tok.i
    )


def _conditional(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children
        ):
            return True
    return False


def is_hypothetical(tok: Token) -> bool:
    words = aux_words(tok)
    if words & HYPOTHETICAL or ("would" in words and _conditional(tok)):
        return True
    for c in tok.children:
        if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
            return True
    return False


def subject_of(tok: Token) -> tuple[Token | None, bool]:
    """The grammatical subject of a predicate, climbing through control and coordination.

    Returns (token, passive) where passive says the token is a passive subject (a target).
    """
    node = tok
    for _ in range(6):
        for c in node.children:
            if c.dep_ in SUBJ:
                return _relative(c), False
        for c in node.children:
            if c.dep_ in PASS_SUBJ:
                return _relative(c), True
        head = node.head
        if head.i == node.i:
            return None, False
        if node.dep_ == "xcomp":
            if "say" in roles_of(head):
                for c in head.children:
                    if c.dep_ in PASS_SUBJ:
                        return _relative(c), False  # "the rebels are believed to have abducted"
            if lemma(head) in OBJECT_CONTROL:
                for c in head.children:
                    if c.dep_ in ("dobj", "obj", "dative"):
                        return c, False
                for c in head.children:
                    if c.dep_ == "prep" and c.lower_ in ("on", "upon"):
                        for g in c.children:
                            if g.dep_ == "pobj":
                                return g, False
            node = head
            continue
        if node.dep_ == "conj" or node.dep_ == "advcl" and node.tag_ in ("VBG", "VBN"):
            node = head
            continue
        if (
            node.dep_ == "acl"
            and node.tag_ == "VBN"
            and not any(c.dep_ == "dobj" for c in node.children)
        ):
            return head, True  # "money donated by the Irish": the head is the patient
        if node.dep_ == "acl" and lemma(head) in DOCUMENT_NOUNS and head.head.i != head.i:
            node = head.head  # "Amnesty put out a report accusing X": Amnesty accuses
            continue
        if node.dep_ in ("relcl", "acl"):
            return head, False
        if node.dep_ in ("ccomp", "pcomp"):
            return _left_name(tok), False
        node = head
    return _left_name(tok), False


def _left_name(tok: Token) -> Token | None:
    """A name left of a subjectless verb that the parser mislabelled ("USAID deployed ...")."""
    for c in tok.lefts:
        if c.dep_ in ("advmod", "npadvmod", "dep", "nmod", "compound", "amod") and (
            c.ent_type_ in ("ORG", "GPE", "NORP", "PERSON")
            or (c.text[:1].isupper() and c.text.isalpha() and c.i > 0 and c.text.isupper())
        ):
            return c
    return None


def _relative(tok: Token) -> Token:
    """Replace a relative pronoun subject ("who", "which") by the noun the clause modifies."""
    if tok.lower_ in ("who", "which", "that", "whom") and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def agent_of(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def target_candidates(tok: Token) -> list[Token]:
    """Possible targets of a predicate, most likely first."""
    children = list(tok.children)
    out: list[Token] = [c for c in children if c.dep_ in ("dobj", "obj", "dative")]
    by_prep: dict[str, list[Token]] = {}
    for c in children:
        if c.dep_ == "prep":
            by_prep.setdefault(c.lower_, []).extend(g for g in c.children if g.dep_ == "pobj")
    if by_prep:
        for prep in TARGET_PREPS:
            out.extend(by_prep.get(prep, ()))
    out.extend(c for c in children if c.dep_ in PASS_SUBJ)
    # objects of an embedded noun ("sanctions on Iran", "accusations by the US"), and phrases the
    # parser hung on the object ("shared evidence with Mexico", "sanctions imposed on China")
    for c in list(out):
        event_noun = c.pos_ == "NOUN" and noun_code(c)
        preps = TARGET_PREPS + ("by", "of") if event_noun else TARGET_PREPS
        holders = [c, *(a for a in c.children if a.dep_ == "acl" and a.tag_ == "VBN")]
        for holder in holders:
            for p in holder.children:
                if p.dep_ == "prep" and p.lower_ in preps and p.lower_ != "in":
                    out.extend(g for g in p.children if g.dep_ == "pobj")
    return out


def complement_of(tok: Token) -> Token | None:
    for dep in COMPLEMENT:
        for c in tok.children:
            if c.dep_ == dep and c.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
                return c
    return None


def event_noun_arg(tok: Token, *, preps: tuple[str, ...] | None = None) -> Token | None:
    """An event noun among the predicate's objects ("launched an ATTACK", "called for TALKS")."""
    for a in arg_tokens(tok):
        if a.dep_ in PASS_SUBJ:
            continue
        if preps is not None and a.dep_ == "pobj" and a.head.lower_ not in preps:
            continue
        if a.pos_ in ("NOUN", "PROPN") and (
            noun_code(a) or any(r in WRAPPERS for r in roles_of(a))
        ):
            return a
    for a in arg_tokens(tok):
        if a.dep_ in ("dobj", "obj") and a.pos_ in ("NOUN", "NUM", "SYM", "PROPN"):
            for p in a.children:
                if p.dep_ == "prep" and p.lower_ in ("of", "in"):
                    for g in p.children:
                        if g.dep_ == "pobj" and g.pos_ == "NOUN" and noun_code(g):
                            return g
    return None


def event_noun_subject(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in SUBJ | PASS_SUBJ and c.pos_ in ("NOUN", "PROPN") and noun_code(c):
            return c
    return None


WRAPPERS = ("intend", "offer", "appeal", "demand", "reject", "threaten", "order", "pass")
# The CAMEO root a wrapper family's own events belong to: "proposed talks" (036), "threatened to
# attack" (138), "urged X to talk" (026), "demanded the release" (1043), "refused to" (12x).
# An intention to use force is a threat (13x) whichever verb announces it ("vowed to retaliate").
FAMILY_ROOTS = {
    "intend": ("03", "13"),
    "offer": ("03", "13"),
    "threaten": ("13",),
    "appeal": ("02",),
    "demand": ("10",),
    "reject": ("12",),
}
WRAPPER_EVENT_ROOTS = frozenset({"02", "03", "10", "12", "13"})
# The modality of the wrapped event, when the wrapper's code is not itself the event.
FAMILY_MODALITY = {
    "intend": "intended",
    "offer": "intended",
    "threaten": "intended",
    "appeal": "demanded",
    "demand": "demanded",
    "order": "demanded",
}


def wrapper_modality(role: str, code: str, wrapped: str | None = None) -> str:
    """Modality of a wrapper's event coded ``code``.

    When the code is the family's own CAMEO event (an expression of intent 03x, a threat 13x,
    an appeal 02x, a demand 10x, a rejection 12x), the expressing IS the event and it happened:
    "asserted". Otherwise the code still names the wrapped act, which is only intended or
    demanded.
    """
    roots = FAMILY_ROOTS.get(role, ())
    primary = roots[0] if roots else None
    # "called for sanctions" (an appeal turned demand, 10x) is as much the event as 02x
    if code[:2] in WRAPPER_EVENT_ROOTS and (code != wrapped or code[:2] == primary):
        return "asserted"  # ("plans to threaten" keeps its threat code, but only intended)
    return FAMILY_MODALITY.get(role, "asserted")


MOOD_ROLES = ("light", "aspect", "occur", "pass")
# Acts only a state does, so that where they happen names who did them ("X was arrested in
# Rwanda", "was expelled from Iran"); a killing in Ukraine names no killer.
STATE_ACTS = frozenset({"16", "17"})
CLAIM_VERBS = {"claim", "admit", "acknowledge", "boast"}
PURPOSE_FROM = {"04", "07", "15"}


def analyze(tok: Token, depth: int = 0) -> Found | None:
    """Code the predicate ``tok`` (see module docstring); None when it carries no event."""
    if depth > 6:
        return None
    if tok.pos_ in ("NOUN", "PROPN"):
        return _analyze_noun(tok, depth)
    if lemma(tok) == "be":
        for c in tok.children:
            if c.dep_ in ("acomp", "attr") and c.pos_ in ("ADJ", "NOUN", "VERB"):
                inner = analyze(c, depth + 1)
                if inner is not None:
                    inner.used.add(tok.i)
                    if inner.source is None:
                        inner.source = subject_of(tok)[0]
                    return _with_mood(inner, tok)
    own = verb_code(tok)
    roles = roles_of(tok)
    found: Found | None = None
    mood_applies = True

    if own and own[1] >= 4:
        found = _own(tok, own)
        comp = complement_of(tok)
        if (
            comp is not None
            and any(r in WRAPPERS for r in roles)
            and analyze(comp, depth + 1) is not None
        ):
            for role in roles:
                if role in WRAPPERS:
                    wrapped = _by_role(tok, role, own, depth)
                    if wrapped is not None:
                        found = wrapped
                        mood_applies = found.trigger.i == tok.i or role in MOOD_ROLES
                        break
    else:
        for role in roles:
            found = _by_role(tok, role, own, depth)
            if found is not None:
                mood_applies = found.trigger.i == tok.i or role in MOOD_ROLES
                break
        if found is None and own:
            found = _own(tok, own)
    if found is None:
        for c in tok.children:
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
    found = _purpose(tok, found, depth)
    found = _peacekeeping(tok, found)
    if mood_applies:
        found = _with_mood(found, tok)
    elif is_hypothetical(tok) and found.modality == "asserted":
        found.modality = "hypothetical"
    return found


POLICY_NOUNS = {
    "sanction",
    "sanctions",
    "package",
    "measure",
    "measures",
    "law",
    "bill",
    "rule",
    "rules",
    "policy",
    "program",
    "programme",
    "campaign",
    "tariff",
    "tariffs",
    "ban",
    "decision",
    "plan",
    "regulation",
    "reform",
    "tax",
    "order",
    "decree",
    "resolution",
    "price",
    "prices",
    "inflation",
}
PEACEKEEPING = {"peacekeeping", "peacekeeper", "peace-keeping", "peacekeepers"}


def _peacekeeping(tok: Token, found: Found) -> Found:
    """Troops sent, deployed or arriving for a peacekeeping mission are aid (074), not force."""
    if found.code[:2] != "15" and found.code != "042":
        return found
    if any(t.lower_ in PEACEKEEPING for t in tok.subtree):
        found.code = "074"
    return found


def _with_mood(found: Found, tok: Token) -> Found:
    return _apply_mood(
        found, negated=is_negated(tok), future=is_future(tok), hypothetical=is_hypothetical(tok)
    )


def _purpose(tok: Token, found: Found, depth: int) -> Found:
    """ "sent troops to help", "deployed experts to investigate": the purpose names the act."""
    if found.code[:2] not in PURPOSE_FROM or found.trigger.i != tok.i:
        return found
    for c in tok.children:
        if (
            c.dep_ in ("advcl", "xcomp")
            and c.pos_ == "VERB"
            and any(a.lower_ == "to" for a in c.children)
        ):
            emb = analyze(c, depth + 1)
            if (
                emb is not None
                and emb.code[:2] in ("06", "07", "09")
                and emb.code[:2] != found.code[:2]
            ):
                emb.source = found.source
                emb.targets = emb.targets + found.targets
                emb.used |= found.used
                return emb
    return found


def _analyze_noun(tok: Token, depth: int) -> Found | None:
    """An event noun, or a noun that wraps one ("plans to impose", "a plea to talk")."""
    for role in roles_of(tok):
        if role not in WRAPPERS:
            continue
        emb = None
        for c in tok.children:
            if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX"):
                emb = analyze(c, depth + 1)
                if emb is not None:
                    break
        if emb is None:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("for", "of", "to"):
                    for g in c.children:
                        if g.dep_ == "pobj" and g.pos_ == "NOUN" and noun_code(g):
                            emb = _noun_found(g, noun_code(g) or "")
                            break
        if emb is None:
            continue
        if role in ("order", "pass"):
            emb.used.add(tok.i)
            return emb
        found = _noun_found(tok, tables.compose(role, emb.code))
        found.embedded = emb
        found.family = role
        found.used |= emb.used
        found.modality = wrapper_modality(role, found.code, emb.code)
        if not found.targets:
            found.targets = list(emb.targets)
        if found.source is None:
            found.source = emb.source
        return found
    code = noun_code(tok)
    if not code:
        return None
    return _noun_found(tok, code)


def _own(tok: Token, own: tuple[str, int]) -> Found:
    subj, passive = subject_of(tok)
    source = agent_of(tok) if passive else subj
    targets = target_candidates(tok)
    if passive and subj is not None:
        targets.insert(0, subj)
    if passive and source is None:
        source = (
            _clause_agent(tok)
            or _from_place(tok)
            or _patient_owner(subj)
            or (_from_place(tok, prep="in") if own[0][:2] in STATE_ACTS else None)
        )
    comp = complement_of(tok)
    if comp is not None and comp.pos_ in ("VERB", "AUX"):
        targets.extend(target_candidates(comp))
    used = {tok.i} | {a.i for a in arg_tokens(tok) if a.pos_ in ("NOUN", "PROPN") and noun_code(a)}
    return Found(own[0], tok, source=source, targets=targets, score=own[1], used=used)


def _noun_found(noun: Token, code: str, *, governor: Token | None = None) -> Found:
    """An event named by a noun; actors come from its possessor/"by" phrase or its governor."""
    source = None
    targets: list[Token] = []
    places: list[Token] = []
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            source = c if (c.pos_ != "PRON" or governor is None) else None
        if c.dep_ == "prep" and (c.lower_ in TARGET_PREPS or c.lower_ == "of"):
            for g in c.children:
                if g.dep_ == "pobj":
                    # "blockade of Yemen", "talks with Japan"; "ceasefire in X" only as a last resort
                    (places if c.lower_ == "in" else targets).append(g)
        if c.dep_ == "prep" and c.lower_ == "by":
            for g in c.children:
                if g.dep_ == "pobj":
                    source = g
    if source is None:
        for c in noun.children:
            if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"):
                source = c
                break
    if governor is not None:
        subj, passive = subject_of(governor)
        if source is None and not passive:
            source = subj
        targets.extend(t for t in target_candidates(governor) if t.i != noun.i)
    # "the talks produced no agreement": the event named is one that did not happen
    negated = any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
    return Found(
        code, noun, source=source, targets=targets + places, used={noun.i}, negated=negated
    )


def _by_role(tok: Token, role: str, own: tuple[str, int] | None, depth: int) -> Found | None:
    comp = complement_of(tok)
    if role == "say":
        return _say(tok, comp, own, depth)
    if role in WRAPPERS:
        if lemma(tok) == "seek" and role == "intend" and comp is None:
            return None  # "seek talks" is an appeal; "seek to" an intention
        emb = analyze(comp, depth + 1) if comp is not None else None
        if emb is None:
            noun = event_noun_arg(tok)
            if noun is not None:
                emb = _analyze_noun(noun, depth + 1)
        if emb is None:
            if own:
                return _own(tok, own)
            if role in ("order", "pass", "intend", "offer"):
                return None
            return _own(tok, (tables.compose(role, ""), 1))
        subj, passive = subject_of(tok)
        source = agent_of(tok) if passive else subj
        if role in ("order", "pass"):
            emb.source = source or emb.source
            if role == "order":
                emb.modality = "demanded"
            emb.used.add(tok.i)
            return emb
        code = tables.compose(role, emb.code)
        if (
            role in ("appeal", "demand")
            and emb.code[:2] in ("16", "17", "18", "19", "20")
            and _addressee(tok) is None
        ):
            # "X called for sanctions against Y": a demand aimed at Y (CAMEO 10), not an appeal
            code = tables.compose("demand", emb.code)
        if role in ("appeal", "demand"):
            addressee = _addressee(tok)
            targets = ([addressee] if addressee is not None else []) + emb.targets
        else:
            # "threatened SOUTH KOREA with military action", "offered aid TO NEPAL": the
            # wrapper's own object is the counterpart (first for a threat, after the event's own)
            own_targets = [t for t in target_candidates(tok) if t.i not in emb.used]
            if role == "threaten":
                targets = own_targets + [t for t in emb.targets if t not in own_targets]
            else:
                targets = list(emb.targets) + [t for t in own_targets if t not in emb.targets]
        modality = wrapper_modality(role, code, emb.code)
        if role == "intend" and code == emb.code and emb.code[:2] != "03":
            # "plans to criticise": a verbal event keeps its code, now as an intention
            emb.source = emb.source or source
            emb.used.add(tok.i)
            if emb.modality == "asserted":
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
        noun = event_noun_arg(tok)
        if noun is not None:
            found = _analyze_noun(noun, depth + 1)
            if found is None:
                code = noun_code(noun)
                if not code:
                    return None  # "give and take with the plan": a noun that names no event
                found = _noun_found(noun, code)
            gov = _noun_found(noun, found.code, governor=tok)
            if found.source is None or (found.source.pos_ == "PRON" and gov.source is not None):
                found.source = gov.source
            found.targets = found.targets + [t for t in gov.targets if t not in found.targets]
            found.used.add(tok.i)
            return found
        if role == "aspect" and comp is not None:
            emb = analyze(comp, depth + 1)
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
            found = _noun_found(noun, code)
            found.targets.extend(t for t in target_candidates(tok) if t.i != noun.i)
            found.used.add(tok.i)
            if found.source is None and any(c.dep_ in ("compound", "amod") for c in noun.children):
                found.source = (
                    noun  # "Boko Haram suicide bombers killed ...": the phrase names the actor
                )
            return found
    return None


def _say(tok: Token, comp: Token | None, own: tuple[str, int] | None, depth: int) -> Found | None:
    """A statement: the event it reports, or the statement itself (01x)."""
    subj, passive = subject_of(tok)
    speaker = agent_of(tok) or (None if passive and comp is not None else subj)
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if comp is None and len(subjects) > 1:
        # "Israeli airstrikes killed 30 people, officials said" misparsed with two subjects: the
        # last is the speaker, the first holds the reported clause
        speaker = subj = subjects[-1]
        content = subjects[0]
        comp = next(
            (c for c in content.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"),
            content,
        )
    if comp is not None:
        emb = analyze(comp, depth + 1)
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
                and _same_actor(emb.source, speaker)
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
            emb.speaker = emb.speaker or speaker
            if is_negated(tok):
                emb.negated = True  # "has not confirmed it carried out the strike"
            own_words = emb.code[:2] in VERBAL_ROOTS and emb.source is not None
            if own_words and _same_actor(emb.source, speaker):
                # "the army said it would respond to any provocation": saying it is the threat
                # (or the intent, the appeal ...) itself, made by the speaker: asserted
                pass
            elif emb.modality == "asserted":
                emb.modality = "reported"
            emb.used.add(tok.i)
            return emb
    if own:
        return _own(tok, own)
    noun = event_noun_arg(tok)
    if noun is not None:
        found = _analyze_noun(noun, depth + 1)
        if found is not None:
            if found.source is None or found.source.pos_ == "PRON":
                found.source = subj
            found.used.add(tok.i)
            return found
    found = _own(tok, ("010", 1))
    found.source = subj  # the speaker, also of a passive "was quoted as saying"
    found.targets = [t for t in [_addressee(tok)] if t is not None]
    for node in [tok, *[c for c in tok.children if c.dep_ == "prep"]]:
        for c in node.subtree:
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        found.speaker = g
                break
    return found


def _same_actor(a: Token | None, b: Token | None) -> bool:
    if a is None or b is None:
        return a is None
    if a.pos_ == "PRON" or a.lower_ in ("they", "we", "it", "he", "she"):
        return True
    return a.i == b.i or a.lower_ == b.lower_


def _patient_owner(subj: Token | None) -> Token | None:
    """ "UN sanctions were lifted": the owner of an event noun is who lifted it."""
    if subj is None or subj.pos_ != "NOUN" or not noun_code(subj):
        return None
    for c in subj.children:
        if c.dep_ in ("compound", "poss", "amod") and c.ent_type_ in ("ORG", "GPE", "NORP"):
            return c
    return None


def _from_place(tok: Token, *, prep: str = "from") -> Token | None:
    """ "inspectors were expelled from North Korea": the country they leave acted; "X was
    arrested in Rwanda": the state where it happened."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == prep:
            for g in c.children:
                if g.dep_ == "pobj" and g.ent_type_ == "GPE":
                    return g
    return None


def _clause_agent(tok: Token) -> Token | None:
    """Who did it when a passive names no agent: "were killed when ISIL launched an attack"."""
    for c in tok.children:
        if c.dep_ == "advcl" and c.pos_ == "VERB":
            subj, passive = subject_of(c)
            if subj is not None and not passive and subj.pos_ in ("PROPN", "NOUN"):
                return subj
    return None


def _addressee(tok: Token) -> Token | None:
    """Who is asked/told: "urged THE GOVERNMENT to", "called on THE MILITARY to"."""
    for c in tok.children:
        if c.dep_ in ("dobj", "obj", "dative") and c.pos_ in ("PROPN", "NOUN", "PRON"):
            return c
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to"):
            for g in c.children:
                if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME"):  # not "on Monday"
                    return g
    return None


def _apply_mood(found: Found, *, negated: bool, future: bool, hypothetical: bool) -> Found:
    """Negation, intention and hypotheticals of the trigger, as CAMEO codes them."""
    root = found.code[:2]
    if negated:
        if found.code == "010":
            # "state media did not comment", "did not say what steps": declining to comment
            return replace(found, code=tables.compose("reject", "010"), negated=False)
        if root in COOPERATIVE_ROOTS:
            return replace(
                found, code=tables.compose("reject", found.code), negated=False, modality="asserted"
            )
        found.negated = True
    if future:
        found.future = True
        intent = found.code
        if root in COOPERATIVE_ROOTS - {"03"} or root in CONFLICT_ROOTS:
            intent = tables.compose("intend", found.code)
        if intent != found.code:
            # "will hold talks" is an expression of intent to meet (036), "will attack" a threat
            # (138): announcing it is the event, which happened (asserted, future kept for dates)
            found = replace(found, code=intent)
        elif found.modality == "asserted":
            found.modality = "intended"
    if hypothetical and found.modality in ("asserted", "reported"):
        found.modality = "hypothetical"
    return found


__all__ = ["Found", "analyze", "noun_code", "verb_code"]

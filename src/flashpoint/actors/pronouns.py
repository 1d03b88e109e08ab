"""Pronouns read against the article memory: "he", "it", "they", "which", "themselves".

A pronoun names whom the grammar of its sentence points to before whom the article named
earlier: a relative pronoun is the noun its clause hangs on ("the strikes, which ..."), a
reflexive its clause's subject ("barricaded themselves"), any other the subject of a clause
that governs it in the same sentence ("King Hassan was quoted as saying he would host"),
else the latest clause subject of the article memory (the main verb's subject before an
embedded one). An object pronoun is never its own clause's subject ("riot police used water
cannon to scatter them"), and an object "it" may be the thing a clause before it is about ("the
wording of the pact was settled in May, but Quito says it will review it"). Each function takes the article's
``DocActors``, whose memory (``Remembered``) it reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..nlp import children_of, conjuncts_of, sentence_of
from ..records import Actor
from .codes import in_country, renamed
from .genders import marked, pronoun_gender
from .spans import SUBJECT_DEPS, is_place_adjunct, is_pronoun, read_span
from .tables import get_tables
from .text import fold, singular

if TYPE_CHECKING:
    from .memory import DocActors

_OBJECTS = frozenset({"dobj", "pobj", "dative", "iobj", "obj"})
# How far up the parse a pronoun looks for the subject of a governing clause.
_MAX_CLAUSES_UP = 8


def pronoun(
    memory: DocActors, word: str, *, before: int | None = None, token: Any = None
) -> Actor | None:
    """The remembered antecedent of a pronoun ("he", "it", "they"), None when there is none.

    ``before`` (a token index) keeps the search to mentions earlier in the text; a clause
    subject is preferred to any other mention, the latest one first. Given the parsed
    ``token``, the grammar narrows it: a relative pronoun is the noun its clause hangs on
    ("the strikes, which ..."), a reflexive is its clause's subject ("barricaded
    themselves"), and an object pronoun is never its own clause's subject ("riot police
    used water cannon to scatter them" are not the police).
    """
    words = get_tables().words
    key = fold(word)
    if token is not None and key in words["pronouns_relative"]:
        return _relative(memory, token, word)
    earlier = memory.remembered.earlier(before)
    if key in words["pronouns_person"]:
        fits = [s for s in earlier if s.person]
    elif key in words["pronouns_group"]:
        fits = [s for s in earlier if not s.person]
    else:
        return None
    if token is not None and key in words["reflexives"]:
        own = [s for s in fits if s.subject and s.clause == token.head.i]
        return renamed(own[-1].actor, word) if own else None
    gender = pronoun_gender(word)
    if gender is not None:  # "she" never names a person the article showed to be a man
        fits = [s for s in fits if memory.remembered.gender_of(s.name) in (None, gender)]
    if token is not None and key in words["pronouns_person"] and _suffering(token):
        victim = memory.remembered.last_victim(token.i, gender)
        if victim is not None:  # "He died of his wounds, his family said": the victim
            return renamed(victim.actor, word)
    if token is not None:
        near = _governing_subject(memory, token, person=key in words["pronouns_person"], gender=gender)
        if near is not None:
            return renamed(near, word)
    if gender is not None and marked(word):
        shown = [s for s in fits if memory.remembered.gender_of(s.name) == gender]
        fits = shown or fits  # "she": the woman the article named, before anyone of unknown gender
    if token is not None and token.dep_ in _OBJECTS and refers_to_thing(memory, token):
        return None  # "the wording was settled, but Quito says it will review IT": the wording
    if token is not None and token.dep_ in _OBJECTS:
        verbs = _governing_verbs(token)
        fits = [s for s in fits if not (s.subject and s.clause in verbs)]
    subjects = [s for s in fits if s.subject]
    # the latest sentence with a subject; in it, the main verb's subject before an embedded
    # one ("the ministry said ... Seoul would pay dearly. It accused ...": the ministry)
    last = [s for s in subjects if s.sentence == subjects[-1].sentence] if subjects else []
    pick = ([s for s in last if s.main] or last or fits or [None])[-1]
    return renamed(pick.actor, word) if pick is not None else None


def _suffering(token: Any) -> bool:
    """Does the pronoun's sentence say a person pronoun suffered ("HE died of his wounds", "he
    was shot as he left", ``victim_predicates``/``victim_passives``)? Then its person pronouns
    are the victim's, not the latest speaker's."""
    words = get_tables().words
    for t in sentence_of(token):
        if t.dep_ not in ("nsubj", "nsubjpass") or fold(t.text) not in words["pronouns_person"]:
            continue
        verb = t.head.lemma_.lower()
        if t.dep_ == "nsubj" and verb in words["victim_predicates"]:
            return True
        if t.dep_ == "nsubjpass" and verb in words["victim_passives"]:
            return True
    return False


def may_name(memory: DocActors, token: Any, span: Any) -> bool:
    """May the pronoun ``token`` name the mention ``span`` (a speaker the coder would give a
    pronoun subject of what it said: "X told parliament that she had asked")? A gendered
    pronoun refuses by the person's gender as the article showed it (``_may_be``), and a
    pronoun of one person refuses a plural speaker ("Petrenko's colleagues said he had
    refused": not the colleagues) or a body of people ("Police said he had assaulted an
    officer": ``collective_heads``)."""
    words = get_tables().words
    if fold(token.text) in words["pronouns_person"] and (
        span.root.tag_ in ("NNS", "NNPS")
        or conjuncts_of(span.root)
        or singular(fold(span.root.text)) in words["collective_heads"]  # "Police said he ..."
    ):
        return False
    gender = pronoun_gender(token.text)
    if gender is None:
        return True
    res = read_span(span, on=memory.on, context_country=None, side=memory.side())
    return _may_be(memory, res.person, gender, token)


def ruled_out(memory: DocActors, word: str, *, before: int | None = None) -> bool:
    """Has the article named persons before, all of them shown to be of the other gender than
    the pronoun ("Mr Putin met Mr Xi ... She ordered")? Then the pronoun names no one the
    article knows, and is left unresolved rather than given the last person named."""
    gender = pronoun_gender(word)
    if gender is None:
        return False
    people = [s for s in memory.remembered.earlier(before) if s.person]
    shown = [memory.remembered.gender_of(s.name) for s in people]
    return bool(people) and all(g is not None and g != gender for g in shown)


def refers_to_thing(memory: DocActors, token: Any) -> bool:
    """Is an object "it" the thing a clause before it in its sentence is about ("the wording
    of the pact was settled in May, but Quito says it will review IT")? A common noun subject
    that names no actor is the nearer antecedent than any actor of earlier sentences."""
    if token.lower_ != "it":
        return False
    for t in sentence_of(token):
        if t.i >= token.i:
            break
        if t.dep_ in SUBJECT_DEPS and t.pos_ == "NOUN":
            span = t.doc[t.left_edge.i : t.i + 1]
            if read_span(span, on=memory.on, context_country=None).actor is None:
                return True
    return False


def _governing_subject(
    memory: DocActors, token: Any, *, person: bool, gender: str | None = None
) -> Actor | None:
    """The subject of a clause that governs the pronoun in its own sentence, the nearest
    first: "King Hassan was quoted as saying he would host" (he: King Hassan), "the deposed
    president landed in Havana, where Cuba offered him refuge" (him: the president, never the
    subject of the pronoun's own clause), "Israel said its army ..." (its: Israel). A person
    pronoun takes a named person, a group pronoun anyone else; a subject that resolves to
    no actor, or is a pronoun itself, is passed over for the next clause up. Written as a
    grammar rule (an embedded clause's pronoun refers to the matrix subject, Binding
    Theory's principle B) before the article memory, which only knows earlier sentences."""
    doc = token.doc
    own = _governing_verbs(token) if token.dep_ in _OBJECTS else set()
    if any(is_pronoun(c) for v in own for c in doc[v].children if c.dep_ in SUBJECT_DEPS):
        return None  # "Baku says it will sign it": not what its clause's "it" is
    done_by = _orderer_of(token)
    singular = fold(token.text) in get_tables().words["pronouns_singular"]
    node = token
    for _ in range(_MAX_CLAUSES_UP):
        if node.head.i == node.i:
            return None
        clause, node = node, node.head
        if node.pos_ not in ("VERB", "AUX") or node.i in own:
            continue
        blamed = _blamed_doer(memory, token, clause, node) if not person else None
        if blamed is not None:  # "condemned Israel after ITS warplanes struck": Israel's
            return blamed
        subjects = [c for c in children_of(node) if c.dep_ in SUBJECT_DEPS]
        if not subjects and node.dep_ == "xcomp":  # "urged the North to stop its threats"
            subjects = [c for c in children_of(node.head) if c.dep_ in ("dobj", "obj")]
        for subj in subjects:
            if subj.i > token.i:
                continue
            if subj.dep_ == "nsubjpass" and node.i == done_by:
                continue  # "Zia was freed on his orders": not Zia
            if subj.left_edge.i <= token.i <= subj.right_edge.i or is_pronoun(subj):
                continue
            if singular and subj.tag_ == "NNS":
                continue  # "Sweden said protesters had stormed ITS embassy": not the protesters
            owner = _named_owner(memory, subj, gender, token) if person else None
            if owner is not None:  # "Petrenko's colleagues said he ...": Petrenko
                return owner
            span = doc[subj.left_edge.i : subj.right_edge.i + 1]
            res = read_span(span, on=memory.on, context_country=None, side=memory.side())
            # "Assad and his family ... granted them": a pair is a group
            # (spaCy's PERSON label is not trusted: it gives it to "Armenia" too)
            named = bool(res.person) and not conjuncts_of(subj)
            if res.actor is None or not res.actor.code or named != person:
                continue
            if gender is not None and not _may_be(memory, res.person, gender, token):
                continue  # "Mr X said she ...": not X; unknown X yields to a woman named before
            actor = memory.remembered.recall(res, span.text, span.start) or res.actor
            if not res.has_country and memory.context_country and actor is res.actor:
                actor = in_country(actor, memory.context_country, text=span.text)
            return actor
    return None


def _blamed_doer(memory: DocActors, token: Any, clause: Any, verb: Any) -> Actor | None:
    """The object of a verb of reproach whose reason clause a possessive names the doer of:
    "Iran condemned Israel after ITS warplanes destroyed the consulate", "Seoul summoned
    Tokyo's envoy after ITS coast guard seized a boat" (``words.tsv`` reproach_verbs). The
    clause says what the one reproached did; its suffering ("after its soldiers were killed",
    "died": victim_predicates) stays the subject's."""
    words = get_tables().words
    owned = token.head
    if (
        token.dep_ != "poss"
        or clause.dep_ != "advcl"
        or owned.dep_ != "nsubj"
        or owned.head.i != clause.i
        or clause.lemma_.lower() in words["victim_predicates"]
        or verb.lemma_.lower() not in words["reproach_verbs"]
    ):
        return None
    for obj in children_of(verb):
        if obj.dep_ not in ("dobj", "obj") or obj.i > token.i:
            continue
        span = obj.doc[obj.left_edge.i : obj.right_edge.i + 1]
        res = read_span(span, on=memory.on, context_country=None, side=memory.side())
        if res.actor is not None and res.actor.country and not res.person:
            return res.actor
    return None


def _named_owner(
    memory: DocActors, subj: Any, gender: str | None, token: Any
) -> Actor | None:
    """The person the article named whose kin, colleagues or lawyer speak of "he": "Petrenko's
    colleagues said he had refused to leave", "Navalny's lawyer said he was moved". A person
    pronoun inside what they say is the owner, not whoever the article named last; the owner
    must be a name the article taught (``Remembered.names``) and may not be of the other
    gender."""
    for c in children_of(subj):
        if c.dep_ != "poss" or c.pos_ != "PROPN" or is_pronoun(c):
            continue
        span = subj.doc[c.left_edge.i : c.i + 1]
        res = read_span(span, on=memory.on, context_country=None, side=memory.side())
        if not res.person:
            continue
        if gender is not None and not _may_be(memory, res.person, gender, token):
            continue
        hit = memory.remembered.recall(res, span.text, span.start)
        if hit is not None:
            return renamed(hit, token.text)
    return None


def _may_be(memory: DocActors, name: str | None, gender: str, token: Any) -> bool:
    """May a clause's subject named ``name`` be the pronoun of ``gender``? Not when the article
    showed the other gender; when it showed none, not for a marked pronoun ("she") while the
    article named earlier a person it showed to be of that gender (``genders``)."""
    shown = memory.remembered.gender_of(name)
    if shown is not None:
        return shown == gender
    if not marked(token.text):
        return True
    return not any(
        memory.remembered.gender_of(s.name) == gender
        for s in memory.remembered.earlier(token.i)
        if s.person and s.name != " ".join(fold(name or "").split())
    )


def _relative(memory: DocActors, token: Any, word: str) -> Actor | None:
    """ "the rebels, who ...": the actor of the noun the relative clause hangs on."""
    clause = token.head
    while clause.dep_ in ("conj", "ccomp") and clause.head.i != clause.i:
        clause = clause.head  # "which ... said had targeted": up to the relative clause
    if clause.dep_ != "relcl":
        return None
    noun = clause.head
    span = noun.doc[noun.left_edge.i : noun.i + 1]
    if is_place_adjunct(span):
        return None  # "the strikes in Kabul, which ...": the clause is the strikes', not Kabul's
    if read_span(span, on=memory.on, context_country=None).reason:
        return None  # "the drones, which ...": a thing, whatever its tail names
    starts = (noun.left_edge.i, noun.i)
    hit = [s for s in memory.remembered.seen if s.clause != -1 and s.at in starts]
    if hit:
        return renamed(hit[-1].actor, word)
    actor = memory.resolve_span(noun.doc[noun.left_edge.i : noun.i + 1])
    return renamed(actor, word) if actor is not None else None


def _orderer_of(token: Any) -> int | None:
    """The verb whose doer the pronoun names, when it does: "was freed on HIS orders", "were
    killed by THEM" (an agent phrase or ``words.tsv`` agent_nouns on the way up to the first
    verb); None otherwise. Who orders or does an act is not whom it is done to."""
    nouns = get_tables().words["agent_nouns"]
    node = token
    agentive = False
    for _ in range(4):
        if node.head.i == node.i:
            return None
        if node.dep_ == "agent" or (node.dep_ == "pobj" and node.lemma_.lower() in nouns):
            agentive = True
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node.i if agentive else None
    return None


def _governing_verbs(token: Any) -> set[int]:
    """The verbs whose subject an object pronoun cannot be ("to disperse them": disperse and
    the verb it completes), up to the first with a subject of its own: "protesters rallied, and
    police used batons to disperse THEM" are the protesters, the subject of the clause before."""
    out: set[int] = set()
    node = token.head
    for _ in range(3):
        if node.pos_ in ("VERB", "AUX"):
            out.add(node.i)
            own = any(c.dep_ in SUBJECT_DEPS for c in children_of(node))
            if node.dep_ not in ("xcomp", "advcl", "conj") or own:
                break
        if node.head.i == node.i:
            break
        node = node.head
    return out


__all__ = ["may_name", "pronoun", "refers_to_thing", "ruled_out"]

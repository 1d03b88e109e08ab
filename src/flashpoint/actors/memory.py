"""The article memory: actors named earlier resolve later short mentions of them.

``DocActors`` reads an article's mentions in order (through :mod:`flashpoint.actors.spans`,
which reads one span) and remembers who was named: a later "Shin", "the minister", "he"/"it"/
"they", "the militia", "the North", "the two sides", "the launch" resolve to the actor the
article named. ``find_actors`` lists every actor mention of a parsed text with one memory.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..records import Actor
from .codes import in_country, is_bare_sector, is_international, make, renamed
from .resolve import Resolution, _as_date, resolve_tokens
from .spans import (
    SUBJECT_DEPS,
    actor_like,
    candidates,
    capitals,
    doer_of_verb,
    is_place_adjunct,
    is_pronoun,
    pronoun_owner,
    read_span,
    whole_name,
    with_service,
    with_title,
)
from .tables import get_tables
from .text import fold, singular, tokenize


def find_actors(
    doc_or_span: Any,
    *,
    on: dt.date | dt.datetime | None = None,
    context_country: str | None = None,
) -> list[tuple[Any, Actor]]:
    """Every actor mention in a parsed doc or span, in text order, as (span, actor) pairs."""
    return DocActors(on=on, context_country=context_country).find_actors(doc_or_span)


@dataclass(frozen=True, slots=True)
class _Seen:
    """One remembered mention: its actor, where it stood and what kind of antecedent it is."""

    actor: Actor
    at: int  # token index of the mention (its order of learning for plain strings)
    person: bool  # a named person: "he", "she", a surname or a title recall it
    subject: bool  # the subject of its clause: the likeliest antecedent of a pronoun
    plural: bool
    clause: int = -1  # token index of the word it depends on (its verb, for a subject)
    sentence: int = -1  # token index where its sentence starts
    main: bool = False  # the subject of its sentence's main verb ("X said ...": X)


class DocActors:
    """Per-document actor memory: later short mentions resolve to the actors named earlier.

    Use one instance per article, in reading order. Every mention that resolves to a country or
    an organisation is remembered; a named person also teaches their names and titles
    ("Defence Minister Shin Won-sik" teaches "Shin" and "minister"). Later:

    - a bare "Shin", "Kim" or "the president" is the remembered person;
    - "he"/"she" is the last person named, "it"/"they" the last body, country or group,
      a clause subject before any other (``words.tsv`` pronouns_person / pronouns_group);
    - "the militia", "the rebels", "the group" is the last group of that kind the article
      named (``words.tsv`` remembered_sectors / group_heads);
    - "the North" / "the South" is read with the divided country the article named
      (``sides.tsv``), even without a ``context_country``;

    and only then does a bare role fall back on ``context_country``.
    """

    def __init__(
        self, *, on: dt.date | dt.datetime | None = None, context_country: str | None = None
    ) -> None:
        self.on = _as_date(on)
        self.context_country = context_country
        self._names: dict[str, Actor] = {}
        self._titles: dict[str, Actor] = {}
        self._seen: list[_Seen] = []
        self._deeds: dict[str, Actor] = {}  # lemma of an act -> who did it last
        self._pair: tuple[Actor, Actor] | None = None  # the last two sides that acted together
        self._organs: dict[str, Actor] = {}  # "ministry", "military" -> the last one named
        self._pair_mentions: dict[int, Actor] = {}  # "the two sides" (its head) -> the other

    # -- memory ---------------------------------------------------------------------------
    def _learn(self, res: Resolution, span: Any = None) -> None:
        actor = res.actor
        if actor is None or not (actor.country or is_international(actor)):
            return
        root = span.root if span is not None else None
        at = span.start if span is not None else len(self._seen)
        person = bool(res.person) or (root is not None and root.ent_type_ == "PERSON")
        subject = root is not None and root.dep_ in ("nsubj", "nsubjpass")
        plural = root is not None and root.tag_ in ("NNS", "NNPS")
        clause = root.head.i if root is not None else -1
        sentence = root.sent.start if root is not None else -1
        main = subject and root is not None and root.head.dep_ == "ROOT"
        self._seen.append(_Seen(actor, at, person, subject, plural, clause, sentence, main))
        if span is not None and actor.country:
            organs = get_tables().words["organ_heads"]
            for t in span:
                if t.pos_ in ("NOUN", "PROPN") and singular(fold(t.text)) in organs:
                    self._organs[singular(fold(t.text))] = actor
        if not res.person:
            return  # only a named person teaches names and titles ("officials" teaches nothing)
        parts = [p for p in fold(res.person).split() if p.isalpha() or "-" in p]
        if parts:
            self._names[" ".join(parts)] = actor
            self._names[parts[-1]] = actor
            self._names[parts[0]] = actor
        for title in res.titles:
            self._titles[title] = actor

    def _recall(self, res: Resolution, text: str, before: int | None) -> Actor | None:
        """A remembered actor for a mention that resolved to no country (or nothing)."""
        if res.actor is not None and res.has_country:
            return None
        if res.person:
            key = " ".join(fold(res.person).split())
            hit = (
                self._names.get(key)
                or self._names.get(key.split()[-1])
                or self._names.get(key.split()[0])
            )
            if hit is not None:
                return renamed(hit, text)
        words = fold(text).split()
        if len(words) == 1 and singular(words[0]) != words[0]:
            # "Rebels met no resistance": a bare plural of a remembered kind is the group the
            # article named ("Syrian rebels ..."), not a new one of no country
            return self._recall_group(res, text, words, before, kind_only=True)
        if len(words) < 2 or words[0] != "the":
            return None
        # "the president", "the minister": a definite, singular title names one person
        for title in reversed(res.titles):
            if words[-1] != title.split()[-1]:
                continue  # written in the plural ("the ministers" is a group)
            hit = self._titles.get(title)
            if hit is not None:
                return renamed(hit, text)
        return self._recall_group(res, text, words, before)

    def _recall_group(
        self,
        res: Resolution,
        text: str,
        words: list[str],
        before: int | None,
        *,
        kind_only: bool = False,
    ) -> Actor | None:
        """ "the militia", "the rebels", "the group": the last group of that kind named
        (``kind_only``: of a remembered sector only, never a bare "groups")."""
        tables = get_tables()
        sector = res.actor.sector if res.actor is not None else None
        if sector in tables.words["remembered_sectors"]:
            fits = [s for s in self._earlier(before) if s.actor.sector == sector]
        elif kind_only:
            return None
        elif res.actor is None and singular(words[-1]) in tables.words["group_heads"]:
            fits = [s for s in self._earlier(before) if not s.person and _is_group(s.actor)]
        else:
            return None
        return renamed(fits[-1].actor, text) if fits else None

    def _earlier(self, before: int | None) -> list[_Seen]:
        if before is None:
            return list(self._seen)
        return [s for s in self._seen if s.at < before]

    def pronoun(self, word: str, *, before: int | None = None, token: Any = None) -> Actor | None:
        """The remembered antecedent of a pronoun ("he", "it", "they"), None when there is none.

        ``before`` (a token index) keeps the search to mentions earlier in the text; a clause
        subject is preferred to any other mention, the latest one first. Given the parsed
        ``token``, the grammar narrows it: a relative pronoun is the noun its clause hangs on
        ("the strikes, which ..."), a reflexive is its clause's subject ("barricaded
        themselves"), and an object pronoun is never its own clause's subject ("police fired
        tear gas to disperse them" are not the police).
        """
        words = get_tables().words
        key = fold(word)
        if token is not None and key in words["pronouns_relative"]:
            return self._relative(token, word)
        if key in words["pronouns_person"]:
            fits = [s for s in self._earlier(before) if s.person]
        elif key in words["pronouns_group"]:
            fits = [s for s in self._earlier(before) if not s.person]
        else:
            return None
        if token is not None and key in words["reflexives"]:
            own = [s for s in fits if s.subject and s.clause == token.head.i]
            return renamed(own[-1].actor, word) if own else None
        if token is not None:
            near = self._governing_subject(token, person=key in words["pronouns_person"])
            if near is not None:
                return renamed(near, word)
        if token is not None and token.dep_ in _OBJECTS and self.refers_to_thing(token):
            return None  # "the text had been agreed, but Baku says it will sign IT": the text
        if token is not None and token.dep_ in _OBJECTS:
            verbs = _governing_verbs(token)
            fits = [s for s in fits if not (s.subject and s.clause in verbs)]
        subjects = [s for s in fits if s.subject]
        # the latest sentence with a subject; in it, the main verb's subject before an embedded
        # one ("the ministry said ... Seoul would pay dearly. It accused ...": the ministry)
        last = [s for s in subjects if s.sentence == subjects[-1].sentence] if subjects else []
        pick = ([s for s in last if s.main] or last or fits or [None])[-1]
        return renamed(pick.actor, word) if pick is not None else None

    def refers_to_thing(self, token: Any) -> bool:
        """Is an object "it" the thing a clause before it in its sentence is about ("the text
        of the treaty had been agreed, but Baku says it will sign IT")? A common noun subject
        that names no actor is the nearer antecedent than any actor of earlier sentences."""
        if token.lower_ != "it":
            return False
        for t in token.sent:
            if t.i >= token.i:
                break
            if t.dep_ in SUBJECT_DEPS and t.pos_ == "NOUN":
                span = t.doc[t.left_edge.i : t.i + 1]
                if read_span(span, on=self.on, context_country=None).actor is None:
                    return True
        return False

    def _governing_subject(self, token: Any, *, person: bool) -> Actor | None:
        """The subject of a clause that governs the pronoun in its own sentence, the nearest
        first: "King Hassan was quoted as saying he would host" (he: King Hassan), "Assad
        arrived in Moscow, where Russia granted them asylum" (them: Assad, never the subject
        of the pronoun's own clause), "Israel said its army ..." (its: Israel). A person
        pronoun takes a named person, a group pronoun anyone else; a subject that resolves to
        no actor, or is a pronoun itself, is passed over for the next clause up. Written as a
        grammar rule (an embedded clause's pronoun refers to the matrix subject, Binding
        Theory's principle B) before the article memory, which only knows earlier sentences."""
        doc = token.doc
        own = _governing_verbs(token) if token.dep_ in _OBJECTS else set()
        if any(is_pronoun(c) for v in own for c in doc[v].children if c.dep_ in SUBJECT_DEPS):
            return None  # "Baku says it will sign it": not what its clause's "it" is
        done_by = _orderer_of(token)
        node = token
        for _ in range(_MAX_CLAUSES_UP):
            if node.head.i == node.i:
                return None
            node = node.head
            if node.pos_ not in ("VERB", "AUX") or node.i in own:
                continue
            subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
            if not subjects and node.dep_ == "xcomp":  # "urged the North to stop its threats"
                subjects = [c for c in node.head.children if c.dep_ in ("dobj", "obj")]
            for subj in subjects:
                if subj.i > token.i:
                    continue
                if subj.dep_ == "nsubjpass" and node.i == done_by:
                    continue  # "Zia was freed on his orders": not Zia
                if subj.left_edge.i <= token.i <= subj.right_edge.i or is_pronoun(subj):
                    continue
                span = doc[subj.left_edge.i : subj.right_edge.i + 1]
                res = read_span(span, on=self.on, context_country=None, side=self._side())
                # "Assad and his family ... granted them": a pair is a group
                # (spaCy's PERSON label is not trusted: it gives it to "Armenia" too)
                named = bool(res.person) and not subj.conjuncts
                if res.actor is None or not res.actor.code or named != person:
                    continue
                actor = self._recall(res, span.text, span.start) or res.actor
                if not res.has_country and self.context_country and actor is res.actor:
                    actor = in_country(actor, self.context_country, text=span.text)
                return actor
        return None

    def _relative(self, token: Any, word: str) -> Actor | None:
        """ "the rebels, who ...": the actor of the noun the relative clause hangs on."""
        clause = token.head
        while clause.dep_ in ("conj", "ccomp") and clause.head.i != clause.i:
            clause = clause.head  # "which ... said had targeted": up to the relative clause
        if clause.dep_ != "relcl":
            return None
        noun = clause.head
        span = noun.doc[noun.left_edge.i : noun.i + 1]
        if is_place_adjunct(span):
            return (
                None  # "the strikes in Kabul, which ...": the clause is the strikes', not Kabul's
            )
        if read_span(span, on=self.on, context_country=None).reason:
            return None  # "the drones, which ...": a thing, whatever its tail names
        starts = (noun.left_edge.i, noun.i)
        hit = [s for s in self._seen if s.clause != -1 and s.at in starts]
        if hit:
            return renamed(hit[-1].actor, word)
        actor = self.resolve_span(noun.doc[noun.left_edge.i : noun.i + 1])
        return renamed(actor, word) if actor is not None else None

    def _side(self) -> str | None:
        """The divided country the article named ("the North" in Korea news), if any."""
        if self.context_country:
            return self.context_country
        sided = {c for side in get_tables().sides for c in side.contexts}
        for s in reversed(self._seen):
            if s.actor.country in sided:
                return s.actor.country
        return None

    def _recall_organ(self, res: Resolution, span: Any) -> Actor | None:
        """ "the military said", "a ministry spokesperson": a state organ with no country of
        its own is of the country whose organ of that name the article named last ("South
        Korea's military held drills ... the military said"), before the article's context."""
        if span is None or res.has_country or not is_bare_sector(res.actor):
            return None
        for t in reversed(span):  # the head first, then its modifiers ("ministry spokesperson")
            named = self._organs.get(singular(fold(t.text)))
            if named is not None and named.country:
                return in_country(res.actor, named.country, text=span.text)  # type: ignore[arg-type]
        return None

    def _finish(self, res: Resolution, text: str, span: Any = None) -> Actor | None:
        recalled = self._recall(res, text, span.start if span is not None else None)
        if recalled is not None:
            # remembered again where it stands now: "the rebels ... They said" is the rebels
            again = Resolution(recalled, person=res.person, titles=res.titles, has_country=True)
            self._learn(again, span)
            return recalled
        organ = self._recall_organ(res, span)
        if organ is not None:
            return organ
        self._learn(res, span)
        actor = res.actor
        if actor is not None and not res.has_country and self.context_country:
            return in_country(actor, self.context_country, text=text)
        return actor

    # -- pairs: "the two sides" are the two the article had act together -----------------
    def learn_pair(self, one: Actor | None, other: Actor | None) -> None:
        """Remember two sides of different countries that acted together ("Pakistan and
        Afghanistan agreed to a ceasefire"): a later "the two sides" are they."""
        if one is None or other is None or not (one.country and other.country):
            return
        if one.country != other.country:
            self._pair = (one, other)

    def counterpart(self, actor: Actor | None) -> Actor | None:
        """The other side of the last pair the article had act together, for one of its sides
        ("Armenia and Azerbaijan committed to peace ... Baku says it will sign": Armenia)."""
        if actor is None or self._pair is None or not actor.country:
            return None
        one, other = self._pair
        if actor.country == one.country:
            return other
        if actor.country == other.country:
            return one
        return None

    def other_side(self, head: int) -> Actor | None:
        """The second side of a pair mention whose head is token ``head`` ("the two sides would
        meet again": the one the mention did not stand for), None for any other mention."""
        return self._pair_mentions.get(head)

    def _pair_mention(self, span: Any) -> Actor | None:
        """ "the two sides", "both countries": the first side of the last pair, remembered with
        the second (``other_side``); None when the mention is no pair or no pair is known."""
        words = get_tables().words
        keys = [t.lower_ for t in span if t.lower_ not in words["articles"]]
        if self._pair is None or len(keys) != 2 or keys[0] not in words["pair_numbers"]:
            return None
        if keys[1] not in words["pair_heads"]:
            return None
        sector = resolve_tokens(keys[1], tokenize(keys[1])).actor
        first, second = (
            make(span.text, side.country, sector.sector if sector else None) for side in self._pair
        )
        self._pair_mentions[span.root.i] = second
        return first

    # -- deeds: "condemned the launch" targets who launched -----------------------------
    def learn_deed(self, trigger: Any, doer: Actor | None) -> None:
        """Remember who did an act, under the lemma of its word ("launched" -> "launch") and of
        the act it names as its object ("carried out strikes", "launched an attack")."""
        if doer is None or not (doer.country or is_international(doer)):
            return
        self._deeds[fold(trigger.lemma_)] = doer
        for c in trigger.children:
            if c.dep_ == "dobj" and c.pos_ == "NOUN":
                self._deeds[fold(c.lemma_)] = doer

    def doer_of(self, noun: Any) -> Actor | None:
        """Who did the act a definite noun with no owner refers back to: "the launch" after
        "North Korea launched a satellite" is North Korea's; "a launch" or "its launch" is not
        a reference back (``words.tsv`` deed_determiners)."""
        dets = [c for c in noun.children if c.dep_ == "det"]
        if any(c.dep_ == "poss" for c in noun.children) or not dets:
            return None
        if dets[0].lower_ not in get_tables().words["deed_determiners"]:
            return None
        doer = self._deeds.get(fold(noun.lemma_))
        return renamed(doer, noun.text) if doer is not None else None

    # -- API ------------------------------------------------------------------------------
    def resolve(self, text: str) -> Actor | None:
        if fold(text.strip()) in get_tables().words["pronouns_person"] | get_tables().words[
            "pronouns_group"
        ] and not capitals(text.strip()):
            return self.pronoun(text.strip())
        res = resolve_tokens(
            text, tokenize(text), on=self.on, context_country=None, side_context=self._side()
        )
        return self._finish(res, text)

    def resolve_span(self, span: Any) -> Actor | None:
        if len(span) == 1 and is_pronoun(span[0]):
            return self.pronoun(span[0].text, before=span.start, token=span[0])
        doer = doer_of_verb(span)
        if doer is not None:  # "The Red Cross operating in Iraq said": the Red Cross
            return self.resolve_span(doer)
        pair = self._pair_mention(span)
        if pair is not None:  # "the two sides would meet again"
            return pair
        res = read_span(span, on=self.on, context_country=None, side=self._side())
        whole = whole_name(span) if res.actor is None and not res.reason else None
        if whole is not None:  # "the Organization" + "for Security and Co-operation in Europe"
            named = read_span(whole, on=self.on, context_country=None, side=self._side())
            if named.actor is not None and (named.has_country or is_international(named.actor)):
                res = named
        serving = with_service(span) if not res.has_country and not res.reason else None
        if serving is not None:  # "13 foreign soldiers serving with the UN mission"
            text = serving.text  # read whole: read_span would cut the participle off
            more = resolve_tokens(text, tokenize(text), on=self.on, side_context=self._side())
            if more.actor is not None and (more.has_country or is_international(more.actor)):
                more.actor = renamed(more.actor, span.text)
                res = more
        titled = with_title(span) if res.person and not res.has_country else None
        if titled is not None:  # "Salaheddine Sidhoum, Algeria's leading rights activist"
            named = read_span(titled, on=self.on, context_country=None, side=self._side())
            if named.has_country and named.actor is not None:
                named.actor = renamed(named.actor, span.text)
                res = named
        owner = pronoun_owner(span) if not res.has_country else None
        if owner is not None and res.actor is None and res.reason:
            # "their effort to overthrow ...": a thing of theirs names them
            return self.pronoun(owner.text, before=owner.i, token=owner)
        if owner is not None and res.actor is not None and res.actor.sector:
            # "his family", "their leaders": the role of the owner's country
            whose = self.pronoun(owner.text, before=owner.i, token=owner)
            if whose is not None and whose.country:
                return in_country(res.actor, whose.country, text=span.text)
        return self._finish(res, span.text, span)

    def find_actors(self, doc_or_span: Any) -> list[tuple[Any, Actor]]:
        out = []
        for span in candidates(doc_or_span):
            if is_place_adjunct(span) or not actor_like(span):
                continue
            actor = self.resolve_span(span)
            if actor is not None:
                out.append((span, actor))
        return out


_OBJECTS = frozenset({"dobj", "pobj", "dative", "iobj", "obj"})
# How far up the parse a pronoun looks for the subject of a governing clause.
_MAX_CLAUSES_UP = 8


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
    the verb it completes)."""
    out: set[int] = set()
    node = token.head
    for _ in range(3):
        if node.pos_ in ("VERB", "AUX"):
            out.add(node.i)
            if node.dep_ not in ("xcomp", "advcl", "conj"):
                break
        if node.head.i == node.i:
            break
        node = node.head
    return out


def _is_group(actor: Actor) -> bool:
    """An organisation or a non-state group, not a bare country or a state organ."""
    return is_international(actor) or actor.sector in get_tables().words["remembered_sectors"]


__all__ = ["DocActors", "find_actors"]

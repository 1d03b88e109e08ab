"""The article memory: actors named earlier resolve later short mentions of them.

``DocActors`` reads an article's mentions in order (through :mod:`flashpoint.actors.spans`,
which reads one span) and remembers who was named: a later "Shin", "the minister", "he"/"it"/
"they", "the militia", "the North", "the two sides", "the launch" resolve to the actor the
article named. It is the one object the coder holds per article; the work is done by three
modules it joins: ``remembered`` (the actors the article named, their names, titles and
organs), ``pronouns`` (what a pronoun names) and ``implied`` (the sides of "the two sides",
the doer of "the launch"). ``find_actors`` lists every actor mention of a parsed text with one
memory.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..records import Actor
from . import pronouns
from .codes import in_country, is_international, make, renamed
from .implied import ImpliedParties
from .remembered import Remembered
from .resolve import Resolution, _as_date, resolve_tokens
from .spans import (
    actor_like,
    candidates,
    capitals,
    doer_of_verb,
    is_place_adjunct,
    is_pronoun,
    of_several_countries,
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
        self.remembered = Remembered()
        self.implied = ImpliedParties()

    # -- pronouns (``pronouns``) ------------------------------------------------------------
    def pronoun(self, word: str, *, before: int | None = None, token: Any = None) -> Actor | None:
        """The remembered antecedent of a pronoun ("he", "it", "they"), None when there is none
        (``pronouns.pronoun``)."""
        return pronouns.pronoun(self, word, before=before, token=token)

    def may_name(self, pronoun: Any, span: Any) -> bool:
        """May the pronoun token name the person or body of ``span`` ("she" of a man the
        article showed, or of someone of unknown gender while it named a woman: no;
        ``pronouns.may_name``)?"""
        return pronouns.may_name(self, pronoun, span)

    def ruled_out(self, word: str, *, before: int | None = None) -> bool:
        """Is every person named before of the other gender than the pronoun
        (``pronouns.ruled_out``)? Then no fallback may name one of them."""
        return pronouns.ruled_out(self, word, before=before)

    def refers_to_thing(self, token: Any) -> bool:
        """Is an object "it" the thing a clause before it is about (``pronouns``)?"""
        return pronouns.refers_to_thing(self, token)

    def side(self) -> str | None:
        """The divided country the article named ("the North" in Korea news), if any."""
        return self.remembered.side(self.context_country)

    # -- implied parties (``implied``) -------------------------------------------------------
    def learn_pair(self, one: Actor | None, other: Actor | None) -> None:
        """Remember two sides that acted together: a later "the two sides" are they."""
        self.implied.learn_pair(one, other)

    def counterpart(self, actor: Actor | None) -> Actor | None:
        """The other side of the last pair the article had act together."""
        return self.implied.counterpart(actor)

    def other_side(self, head: int) -> Actor | None:
        """The second side of the pair mention whose head is token ``head``."""
        return self.implied.other_side(head)

    def learn_deed(self, trigger: Any, doer: Actor | None) -> None:
        """Remember who did an act ("launched" -> "launch")."""
        self.implied.learn_deed(trigger, doer)

    def learn_victim(self, actor: Actor, at: int, name: str) -> None:
        """Remember a named person force was done to (``Remembered.learn_victim``)."""
        self.remembered.learn_victim(actor, at, name)

    def doer_of(self, noun: Any) -> Actor | None:
        """Who did the act a definite noun refers back to ("the launch")."""
        return self.implied.doer_of(noun)

    def learn_attack(self, doer: Actor | None, victim: Actor | None) -> None:
        """Remember who used force on a country (``ImpliedParties.learn_attack``)."""
        self.implied.learn_attack(doer, victim)

    def attacker_of(self, actor: Actor | None) -> Actor | None:
        """Who last used force on the actor's country ("vowed to retaliate": against them)."""
        return self.implied.attacker_of(actor)

    # -- resolving a mention ---------------------------------------------------------------
    def _finish(self, res: Resolution, text: str, span: Any = None) -> Actor | None:
        recalled = self.remembered.recall(res, text, span.start if span is not None else None)
        if recalled is not None:
            # remembered again where it stands now: "the rebels ... They said" is the rebels
            again = Resolution(recalled, person=res.person, titles=res.titles, has_country=True)
            self.remembered.learn(again, span)
            return recalled
        organ = self.remembered.recall_organ(res, span)
        if organ is not None:
            return organ
        actor = res.actor
        if actor is not None and not res.has_country and self.context_country:
            # remembered as placed: "The army said ... It accused the militia" is the army of
            # the article's country, and the later pronoun its (it was skipped for an actor
            # named before, which then accused itself)
            actor = in_country(actor, self.context_country, text=text)
            res = Resolution(actor, person=res.person, titles=res.titles, has_country=True)
        self.remembered.learn(res, span)
        return actor

    def resolve(self, text: str) -> Actor | None:
        if fold(text.strip()) in get_tables().words["pronouns_person"] | get_tables().words[
            "pronouns_group"
        ] and not capitals(text.strip()):
            return self.pronoun(text.strip())
        res = resolve_tokens(
            text, tokenize(text), on=self.on, context_country=None, side_context=self.side()
        )
        return self._finish(res, text)

    def resolve_span(self, span: Any) -> Actor | None:
        if len(span) == 1 and is_pronoun(span[0]):
            return self.pronoun(span[0].text, before=span.start, token=span[0])
        doer = doer_of_verb(span)
        if doer is not None:  # "The Red Cross working in Yemen said": the Red Cross
            return self.resolve_span(doer)
        pair = self.implied.pair_mention(span)
        if pair is not None:  # "the two sides would meet again"
            return pair
        nouns = get_tables().words["doer_nouns"]
        if any(w.startswith(f"{span.root.lemma_.lower()}=") for w in nouns):
            doer = self.implied.doer_of(span.root)  # "The attackers fled": who attacked
            if doer is not None:
                return doer
        res = read_span(span, on=self.on, context_country=None, side=self.side())
        whole = whole_name(span) if res.actor is None and not res.reason else None
        if whole is not None:  # "the Organization" + "for Security and Co-operation in Europe"
            named = read_span(whole, on=self.on, context_country=None, side=self.side())
            if named.actor is not None and (named.has_country or is_international(named.actor)):
                res = named
        serving = with_service(span) if not res.has_country and not res.reason else None
        if serving is not None:  # "nine foreign officers serving with the AU mission"
            text = serving.text  # read whole: read_span would cut the participle off
            more = resolve_tokens(text, tokenize(text), on=self.on, side_context=self.side())
            if more.actor is not None and (more.has_country or is_international(more.actor)):
                more.actor = renamed(more.actor, span.text)
                res = more
        titled = with_title(span) if res.person and not res.has_country else None
        if titled is not None:  # "Salaheddine Sidhoum, Algeria's leading rights activist"
            named = read_span(titled, on=self.on, context_country=None, side=self.side())
            if named.has_country and named.actor is not None:
                named.actor = renamed(named.actor, span.text)
                res = named
        if of_several_countries(span):
            return res.actor  # "European leaders said": no one country on purpose, nor a recalled one
        owner = pronoun_owner(span) if not res.has_country else None
        neighbour = self._neighbour(span, owner) if owner is not None else None
        if neighbour is not None:  # "Eritrea ... accused its neighbour": not Eritrea
            return neighbour
        home = self._own_country(span, owner) if owner is not None else None
        if home is not None:  # "Guyana's president said his country would ...": Guyana
            return home
        if owner is not None and res.actor is None and res.reason:
            # "their effort to overthrow ...": a thing of theirs names them
            return self.pronoun(owner.text, before=owner.i, token=owner)
        if owner is not None and res.actor is not None and res.actor.sector:
            # "his family", "their leaders": the role of the owner's country
            whose = self.pronoun(owner.text, before=owner.i, token=owner)
            if whose is not None and whose.code and whose.sector and _weak_head(span):
                # "his aides", "her spokesman": a generic role is on its owner's side (an
                # opposition leader's aides are the opposition's, not the government's)
                return Actor(text=span.text, code=whose.code, country=whose.country, sector=whose.sector)
            if whose is not None and whose.country:
                return in_country(res.actor, whose.country, text=span.text)
        return self._finish(res, span.text, span)

    def _neighbour(self, span: Any, owner: Any) -> Actor | None:
        """ "its neighbour", "its western neighbour" (``words.tsv`` neighbour_heads): the last
        country named before it other than the owner's, as a state; a mention of its owner's
        own country is never its neighbour. None for any other mention."""
        if span.root.lower_ not in get_tables().words["neighbour_heads"]:
            return None
        whose = self.pronoun(owner.text, before=owner.i, token=owner)
        if whose is None or not whose.country:
            return None
        for seen in reversed(self.remembered.earlier(span.start)):
            if seen.actor.country and seen.actor.country != whose.country:
                return make(span.text, seen.actor.country, None)
        return None

    def _own_country(self, span: Any, owner: Any) -> Actor | None:
        """ "his country", "their nation" (``words.tsv`` country_heads): the country of the one
        the possessive pronoun names, as a state; None for any other mention."""
        if span.root.lemma_.lower() not in get_tables().words["country_heads"]:
            return None
        whose = self.pronoun(owner.text, before=owner.i, token=owner) or self._speaker_of(owner)
        if whose is None or not whose.country:
            return None
        return make(span.text, whose.country, None)

    def _speaker_of(self, owner: Any) -> Actor | None:
        """The subject of the nearest clause above the pronoun, named before it, whatever it is
        ("the Malian foreign minister said HIS country ...": a title with no name is no person
        the memory can give "his", but it has a country)."""
        node = owner
        while node.head.i != node.i:
            node = node.head
            subj = next((c for c in node.children if c.dep_ == "nsubj" and c.i < owner.i), None)
            if subj is not None and not is_pronoun(subj) and node.pos_ in ("VERB", "AUX"):
                found = self.resolve_span(subj.doc[subj.left_edge.i : subj.i + 1])
                return found if found is not None and found.country else None
        return None

    def learn_speaker_names(self, span: Any) -> None:
        """ "President Irfaan Ali said that Venezuela had moved troops. Ali called on ...": a
        named person who only reported the sentence's events teaches the names a later surname
        or title recalls, but is no antecedent of a later pronoun (what was reported is)."""
        res = read_span(span, on=self.on, context_country=None, side=self.side())
        if res.person and res.actor is not None and res.has_country:
            self.remembered.learn_names(res, span)

    def find_actors(self, doc_or_span: Any) -> list[tuple[Any, Actor]]:
        out = []
        for span in candidates(doc_or_span):
            if is_place_adjunct(span) or not actor_like(span):
                continue
            actor = self.resolve_span(span)
            if actor is not None:
                out.append((span, actor))
        return out


def _weak_head(span: Any) -> bool:
    """Is the mention's head a generic role whose sector yields to what qualifies it
    (``sector_words.tsv`` weak: "aide", "adviser", "spokesman", "official")?"""
    word = get_tables().sector_words.get((singular(fold(span.root.text)),))
    return word is not None and word.role == "weak"


__all__ = ["DocActors", "find_actors"]

"""The actors an article has named, in reading order: what its later short mentions recall.

``Remembered`` keeps every mention that resolved to a country or an organisation (``Seen``:
where it stood, whether it was a named person, a clause subject, plural), the names and
titles a named person teaches ("Defence Minister Shin Won-sik" teaches "Shin" and
"minister") and the state organs named per country ("South Korea's military"). It answers
a bare "Shin", "the president", "the militia", "Rebels" and "the military" with the actor
the article named. Pronouns are read over it by :mod:`flashpoint.actors.pronouns`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..nlp import sentence_of
from ..records import Actor
from .codes import in_country, is_bare_sector, is_international, renamed
from .genders import shown_gender
from .resolve import Resolution
from .tables import get_tables
from .text import fold, singular

# Sectors of armed groups and the opposition: "the Arakan Army", "the Free Syrian Army" hold no
# organ of a state that a later bare "the army" could be (``organ_heads``).
_NOT_STATE = frozenset({"REB", "OPP", "IMG"})


@dataclass(frozen=True, slots=True)
class Seen:
    """One remembered mention: its actor, where it stood and what kind of antecedent it is."""

    actor: Actor
    at: int  # token index of the mention (its order of learning for plain strings)
    person: bool  # a named person: "he", "she", a surname or a title recall it
    subject: bool  # the subject of its clause: the likeliest antecedent of a pronoun
    plural: bool
    clause: int = -1  # token index of the word it depends on (its verb, for a subject)
    sentence: int = -1  # token index where its sentence starts
    main: bool = False  # the subject of its sentence's main verb ("X said ...": X)
    name: str = ""  # a named person's name, folded (its gender is kept by name: ``gender_of``)


class Remembered:
    """The article's named actors, names, titles and state organs, in reading order."""

    def __init__(self) -> None:
        self.names: dict[str, Actor] = {}
        self.titles: dict[str, Actor] = {}
        self.seen: list[Seen] = []
        self.organs: dict[str, Actor] = {}  # "ministry", "military" -> the last one named
        self.organ_sectors: dict[str, Actor] = {}  # "MIL" -> the last armed force named
        self.genders: dict[str, str] = {}  # a person's name parts -> the gender the article shows
        self.victims: list[Seen] = []  # persons the coder saw force done to, in reading order

    def learn(self, res: Resolution, span: Any = None) -> None:
        """Remember a mention that resolved to a country, an organisation or a named person
        (and, for a named person, the names and titles it teaches)."""
        actor = res.actor
        root = span.root if span is not None else None
        subject = root is not None and root.dep_ in ("nsubj", "nsubjpass")
        if actor is None or not (
            actor.country or is_international(actor) or res.person or (subject and is_bare_sector(actor))
        ):
            return  # a named person is remembered without a country too: "the aid worker,
            # Oleksandr Petrenko ... He died": a victim the pronoun names, not the last leader;
            # so is a role as a clause subject ("The army said ... It accused"): the pronoun's
            # antecedent, not an actor named before it
        at = span.start if span is not None else len(self.seen)
        # spaCy's PERSON on a name the tables know as a group ("Al-Shabaab") is no person: a
        # later "the group" is it
        person = bool(res.person) or (root is not None and root.ent_type_ == "PERSON" and not _is_group(actor))
        plural = root is not None and root.tag_ in ("NNS", "NNPS")
        clause = root.head.i if root is not None else -1
        sentence = sentence_of(root).start if root is not None else -1
        main = subject and root is not None and root.head.dep_ == "ROOT"
        name = " ".join(fold(res.person).split()) if res.person else ""
        self.seen.append(Seen(actor, at, person, subject, plural, clause, sentence, main, name))
        if span is not None and actor.country and actor.sector not in _NOT_STATE:
            # a state's organ; "the Arakan Army" is a rebel group, and no later "the army" is it
            organs = get_tables().words["organ_heads"]
            for t in span:
                if t.pos_ in ("NOUN", "PROPN") and singular(fold(t.text)) in organs:
                    self.organs[singular(fold(t.text))] = actor
                    if actor.sector:
                        self.organ_sectors[actor.sector] = actor
        self.learn_names(res, span)

    def learn_names(self, res: Resolution, span: Any = None) -> None:
        """Remember the names, gender and titles a named person's mention teaches, so that a
        later surname or title recalls the person (alone, for a speaker the coder reads only
        for them: no antecedent of a later pronoun)."""
        actor = res.actor
        if actor is None or not res.person:
            return  # only a named person teaches names and titles ("officials" teaches nothing)
        parts = [p for p in fold(res.person).split() if p.isalpha() or "-" in p]
        if parts:
            self.names[" ".join(parts)] = actor
            self.names[parts[-1]] = actor
            self.names[parts[0]] = actor
        gender = shown_gender(span) if span is not None else None
        if gender is not None and parts:
            for key in (" ".join(parts), parts[-1], parts[0]):
                self.genders[key] = gender
        for title in res.titles:
            self.titles[title] = actor

    def recall(self, res: Resolution, text: str, before: int | None) -> Actor | None:
        """A remembered actor for a mention that resolved to no country (or nothing)."""
        if res.actor is not None and res.has_country:
            return None
        if res.person:
            key = " ".join(fold(res.person).split())
            hit = (
                self.names.get(key)
                or self.names.get(key.split()[-1])
                or self.names.get(key.split()[0])
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
            hit = self.titles.get(title)
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
            fits = [s for s in self.earlier(before) if s.actor.sector == sector]
        elif kind_only:
            return None
        elif res.actor is None and singular(words[-1]) in tables.words["group_heads"]:
            fits = [s for s in self.earlier(before) if not s.person and _is_group(s.actor)]
        else:
            return None
        return renamed(fits[-1].actor, text) if fits else None

    def learn_victim(self, actor: Actor, at: int, name: str) -> None:
        """Remember a named person force was done to ("Local journalist Samuel Okafor was
        shot"): a later "he died of his wounds" is that person (``pronouns``)."""
        key = " ".join(fold(name).split())
        self.victims.append(Seen(actor, at, True, False, False, name=key))

    def last_victim(self, before: int, gender: str | None) -> Seen | None:
        """The last person force was done to before token ``before``, of a gender the article
        did not show to be the other one."""
        for s in reversed(self.victims):
            if s.at < before and (gender is None or self.gender_of(s.name) in (None, gender)):
                return s
        return None

    def gender_of(self, name: str | None) -> str | None:
        """The gender the article showed for a person's name (full, surname or first name)."""
        if not name:
            return None
        key = " ".join(fold(name).split())
        parts = key.split()
        if not parts:
            return None
        return self.genders.get(key) or self.genders.get(parts[-1]) or self.genders.get(parts[0])

    def earlier(self, before: int | None) -> list[Seen]:
        """The mentions remembered before token ``before`` (all of them when None)."""
        if before is None:
            return list(self.seen)
        return [s for s in self.seen if s.at < before]

    def side(self, context_country: str | None) -> str | None:
        """The divided country the article named ("the North" in Korea news), if any."""
        if context_country:
            return context_country
        sided = {c for side in get_tables().sides for c in side.contexts}
        for s in reversed(self.seen):
            if s.actor.country in sided:
                return s.actor.country
        return None

    def recall_organ(self, res: Resolution, span: Any) -> Actor | None:
        """ "the military said", "a ministry spokesperson": a state organ with no country of
        its own is of the country whose organ of that name the article named last ("South
        Korea's military held drills ... the military said"), else whose organ of the same
        sector under another name ("the Israeli military said ... The army said"), before the
        article's context."""
        if span is None or res.has_country or not is_bare_sector(res.actor):
            return None
        for t in reversed(span):  # the head first, then its modifiers ("ministry spokesperson")
            named = self.organs.get(singular(fold(t.text)))
            if named is not None and named.country:
                return in_country(res.actor, named.country, text=span.text)  # type: ignore[arg-type]
        # "the Israeli military said ... The army said": the same organ under another name
        named = self.organ_sectors.get(res.actor.sector) if res.actor is not None else None
        if named is not None and named.country and any(
            singular(fold(t.text)) in get_tables().words["organ_heads"] for t in span
        ):
            return in_country(res.actor, named.country, text=span.text)  # type: ignore[arg-type]
        return None


def _is_group(actor: Actor) -> bool:
    """An organisation or a non-state group, not a bare country or a state organ."""
    return is_international(actor) or actor.sector in get_tables().words["remembered_sectors"]


__all__ = ["Remembered", "Seen"]

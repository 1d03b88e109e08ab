"""A statement's names for a country, rewritten to the article's names before the model reads them.

News writes one actor many ways: "Japan", "Tokyo", "Japanese"; "the United States",
"Washington", "US"; "North Korea", "Pyongyang", "North Korean". The word-level comparison
already knows this (``units.actor_country``), but the cross-encoder was trained on general NLI
and often misses it: against "Pyongyang fired two ballistic missiles", "North Korea fired two
missiles" gets P(entailment) 0.29 and "Pyongyang fired two missiles" 0.73; against "Washington
imposed new sanctions", "The United States imposed sanctions" 0.50 and "Washington ..." 0.84. So each claim is read against each candidate
premise with the names the premise uses: a country name the premise does not write, where the
premise names the same country another way, is written as the premise writes it ("Japan
summoned ..." read against "Tokyo summoned ..." becomes "Tokyo summoned ..."). Per premise, not
per article: the article may write "Japan" in one sentence and "Tokyo" in the one that matters.

Which names are the same actor is the actors stage's knowledge (its country, capital, demonym
and institution tables, through ``actors.resolve``), never a second list here. Only names that
stand for a country as a whole are rewritten (the country, its capital or government:
``aliases.json`` ``sectors``): "the Japanese navy" is not "Tokyo", and two people of one
government are not one actor, so people's names are left alone. A name after a locative
preposition ("talks in Tokyo") is a place, not an actor, and is left as written.

The form follows the statement's grammar: a demonym before a noun ("North Korean missiles")
takes the premise's demonym if it has one, else its name as a possessive ("North Korea's
missiles", the determiner dropped: "the Japanese minister" -> "Japan's minister"); a name used
as a noun takes only the premise's names used as nouns.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import ConfigError
from .datafiles import read_data

ALIASES_FILE = "aliases.json"
_ADJECTIVAL_DEPS = frozenset({"amod", "compound", "nmod"})


@dataclass(frozen=True)
class AliasSettings:
    """``aliases.json``: which names may be rewritten and how (see its ``_doc``)."""

    labels: frozenset[str]
    sectors: frozenset[str]
    locative_preps: frozenset[str]
    determiners: frozenset[str]


@functools.lru_cache(maxsize=1)
def alias_settings() -> AliasSettings:
    """The settings in ``claims/data/aliases.json`` (E406 unreadable, E407 malformed)."""
    data = read_data(ALIASES_FILE)
    try:
        return AliasSettings(
            labels=frozenset(data["labels"]),
            sectors=frozenset(data["sectors"]),
            locative_preps=frozenset(w.lower() for w in data["locative_preps"]),
            determiners=frozenset(w.lower() for w in data["determiners"]),
        )
    except (KeyError, TypeError, AttributeError) as e:
        raise ConfigError("E407", name=ALIASES_FILE, cause=e) from e


@functools.lru_cache(maxsize=4096)
def country_of(name: str) -> str | None:
    """The country (ISO-3) ``name`` stands for as a whole -- the country itself, its capital or
    its government -- by the actors stage's tables; None for anything else (a ministry's navy,
    an international body, a name no table knows).

    The actors stage places a town in its country with no sector, as it does the country
    ("Los Angeles" and "the United States" both resolve to USA): a name with no sector stands
    for the country only when it is one of the country's own names or demonyms
    (``units.country_names``), so "its US grocery chain" is never read as "its Los Angeles's
    grocery chain" against a premise that names the city."""
    from ..actors import resolve  # actors sits left of claims: allowed, loaded lazily
    from .units import country_names

    actor = resolve(name)
    sector = "" if actor is None else actor.sector or ""
    if actor is None or not actor.country or sector not in alias_settings().sectors:
        return None
    bare = name.lower().strip().removeprefix("the ").strip()
    if not sector and bare not in country_names().names:
        return None  # a town or region of the country, not the country
    return actor.country


@dataclass(frozen=True)
class Name:
    """One way a text writes a country: the text (without a possessive "'s"), the country, and
    whether it is a demonym (an adjective such as "Japanese") or a name used as a noun."""

    text: str
    country: str
    adjectival: bool


@dataclass(frozen=True)
class Slot:
    """A statement's name for a country (as written), that may be read as the article writes it."""

    text: str
    country: str
    adjectival: bool


_POSSESSIVE = re.compile(r"\s*['’]s?$")


class ArticleNames:
    """The article's names for countries, per sentence, resolved lazily (an article whose
    statements name no country costs nothing)."""

    def __init__(self, sentence_mentions: Sequence[Sequence[tuple[str, str]]]) -> None:
        labels = alias_settings().labels
        self._mentions = [[(t, lab) for t, lab in ms if lab in labels] for ms in sentence_mentions]
        self._resolved: dict[int, list[Name]] = {}

    def _sentence(self, i: int) -> list[Name]:
        if i not in self._resolved:
            out = []
            for text, label in self._mentions[i] if 0 <= i < len(self._mentions) else ():
                bare = _POSSESSIVE.sub("", text)
                country = country_of(bare)
                if country is not None:
                    out.append(Name(bare, country, label == "NORP"))
            self._resolved[i] = out
        return self._resolved[i]

    def in_window(self, window: Iterable[int]) -> list[Name]:
        """The names the window's sentences write, most frequent first (first seen on ties)."""
        found = [n for i in window for n in self._sentence(i)]
        counts = Counter(found)
        return sorted(dict.fromkeys(found), key=lambda n: -counts[n])

    def other_names(self, claim: str, claim_slots: Sequence[Slot]) -> list[str]:
        """The article's names, anywhere in it, for the countries ``claim`` names, that the
        claim does not write ("Tokyo" for a claim saying "Japan"): retrieval reads them with the
        claim (``judge.plan_many``), so the sentence that names the country as its capital is
        among the premises the claim is read against (and then ``localise``d to), not only
        those that share its other words."""
        low = claim.lower()
        wanted = {s.country for s in claim_slots if re.search(_word(s.text.lower()), low)}
        if not wanted:
            return []
        found = self.in_window(range(len(self._mentions)))
        texts = (n.text for n in found if n.country in wanted)
        return [t for t in dict.fromkeys(texts) if not re.search(_word(t.lower()), low)]


def article_names(index: Any) -> ArticleNames:
    """The ``ArticleNames`` of an indexed article (``claims.index.ArticleIndex``)."""
    return ArticleNames([[(m.text, m.label) for m in s.entities] for s in index.sentences])


def is_place(ent: Any) -> bool:
    """True when a name is where something happened ("talks in Tokyo"), not who did it."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in alias_settings().locative_preps


def slots(statement_doc: Any) -> tuple[Slot, ...]:
    """The statement's names that stand for a country as a whole, in order (places after a
    locative preposition and demonyms used as nouns -- "the Japanese" -- left out)."""
    settings = alias_settings()
    out: list[Slot] = []
    for ent in statement_doc.ents:
        if ent.label_ not in settings.labels or is_place(ent):
            continue
        nominal_norp = ent.label_ == "NORP" and ent.root.dep_ not in _ADJECTIVAL_DEPS and ent.root.pos_ != "ADJ"
        if nominal_norp:
            continue  # "the Japanese" as a people: no noun form says the same
        text = _POSSESSIVE.sub("", ent.text)
        country = country_of(text)
        if country is not None:
            out.append(Slot(text, country, ent.label_ == "NORP" or ent.root.dep_ in _ADJECTIVAL_DEPS))
    return tuple(out)


def _word(text: str) -> str:
    return r"(?<!\w)" + re.escape(text) + r"(?!\w)"


def _choose(names: Sequence[Name], adjectival: bool) -> tuple[str, bool] | None:
    """The premise's text for a name in this position, and whether it is a possessive."""
    if adjectival:
        for n in names:
            if n.adjectival:
                return n.text, False
    for n in names:
        if not n.adjectival:
            return (n.text + "'s", True) if adjectival else (n.text, False)
    return None


def localise(claim: str, claim_slots: Sequence[Slot], premise: str, names: Sequence[Name]) -> str:
    """``claim`` with each of its country names that ``premise`` does not write replaced by the
    premise's own name for that country (``names``: the premise's names, ``in_window``).

    A name used as a noun replaces the statement's name with its determiner ("the United States"
    -> "Washington") and keeps the article's ("Russia" -> "the Kremlin" where the premise writes
    "the Kremlin"); a possessive replaces a demonym and its determiner ("the Japanese minister"
    -> "Japan's minister"); a demonym replaces a demonym, keeping the determiner ("the Japanese
    ship" -> "the Nipponese ship" if the premise wrote so). The claim is otherwise unchanged.
    """
    low = premise.lower()
    dets = "|".join(re.escape(d) for d in sorted(alias_settings().determiners))
    for slot in claim_slots:
        if re.search(_word(slot.text.lower()), low):
            continue  # the premise writes the statement's own name
        chosen = _choose([n for n in names if n.country == slot.country], slot.adjectival)
        if chosen is None:
            continue
        text, possessive = chosen
        keep_det = slot.adjectival and not possessive
        if not keep_det and not possessive:
            det = re.search(r"(?<!\w)(" + dets + r")\s+" + re.escape(text.lower()) + r"(?!\w)", low)
            if det:
                text = f"{det.group(1)} {text}"
        pattern = _word(slot.text) if keep_det else r"(?<!\w)(?:(?:" + dets + r")\s+)?" + re.escape(slot.text) + r"(?!\w)"
        match = re.search(pattern, claim, flags=re.IGNORECASE)
        if match is None:
            continue
        if match.start() == 0:
            text = text[:1].upper() + text[1:]
        claim = claim[: match.start()] + text + claim[match.end() :]
    return claim


__all__ = [
    "ALIASES_FILE", "AliasSettings", "ArticleNames", "Name", "Slot", "alias_settings", "article_names", "country_of",
    "localise", "slots",
]

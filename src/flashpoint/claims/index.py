"""An article turned into something a statement can be aligned with, built once per article.

A statement is checked against the few article sentences that say the most about it, so the
article is indexed once: per sentence its match keys (lemmas, numbers, phrasal verbs, joined
compounds such as "cliff top" -> "clifftop"), which of those words are negated, its named
entities and numbers; per article the inverse sentence frequency of each key (rare words decide
the alignment) and an index of word prefixes so that "preparation" finds "prepare".
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..nlp import ents_starting_within
from .dates import DateMention, date_mentions
from .lexicon import lexicon
from .roles import Frame, arg_keys, arg_text, frames_of, possessor
from .units import (
    NAME_LABELS,
    actor_key,
    canonical_entity,
    capital_country,
    counted_noun,
    fate_of,
    norm,
    number_form,
    org_initials,
    person_name_keys,
    phrasal_key,
    token_key,
    token_kind,
)

PREFIX_LEN = 5


@dataclass(frozen=True)
class Mention:
    """A named entity or number in an article sentence or a statement."""

    text: str
    label: str
    key: str  # canonical entity name, or "#<value>" for numbers
    form: str = "name"  # "name", or a number's form: "count", "year", "ordinal", "calendar"
    counts: str | None = None  # a count's noun ("nine people" -> "people"), ``units.counted_noun``
    fate: str | None = None  # what befell those counted ("killed", "wounded"), ``units.fate_of``


@dataclass
class Sentence:
    """One article sentence: where it is and what it contains."""

    index: int
    start: int
    end: int
    text: str
    keys: frozenset[str]
    negated: frozenset[str]  # keys of words that carry a negation in this sentence
    asserted: frozenset[str]  # keys of words that occur without a negation
    entities: tuple[Mention, ...]
    numbers: tuple[Mention, ...]
    words: tuple[str, ...] = ()  # lower-cased words in order, for copy (LCS) measures
    names: frozenset[str] = frozenset()  # names as whole names: "kimjongun", "~un", "un" (the UN)
    dates: tuple[DateMention, ...] = ()  # weekdays, month-days, years (``dates``), read with the publication date
    # the names attached to a noun, by the noun's key: "Varnia's foreign minister" -> minister: Varnia
    owners: dict[str, tuple[Mention, ...]] = field(default_factory=dict)
    # acts put ahead or only attempted, by key, as written: broker -> "tried to broker"
    unrealised: dict[str, str] = field(default_factory=dict)
    # acts a modal or future auxiliary leaves undone, by key, as written: leave -> "will leave";
    # only those the sentence does not also assert plainly (they stay in ``asserted`` too)
    pending: dict[str, str] = field(default_factory=dict)
    # keys of words the sentence has only inside a date or time ("end" in "by the end of
    # February"): no act and no state, so no opposite of one (``findings.polarity``)
    timed: frozenset[str] = frozenset()
    # the owner a possessive pronoun stands for, by the owned noun's key: "The army said its air
    # force struck" -> force: ("army", its keys, whether it is a name) (``roles.possessor``)
    pronoun_owners: dict[str, tuple[str, frozenset[str], bool]] = field(default_factory=dict)


@dataclass
class ArticleIndex:
    """Sentences plus article-wide statistics; see module docstring."""

    sentences: list[Sentence]
    postings: dict[str, set[int]]
    idf: dict[str, float]
    entity_keys: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    name_postings: dict[str, set[int]] = field(default_factory=dict)
    frames: dict[str, list[Frame]] = field(default_factory=dict)
    title_keys: frozenset[str] = frozenset()
    title_names: frozenset[str] = frozenset()
    published: dt.date | None = None  # the article's publication date (fixes "on Sunday" to a day)
    title: str = ""  # the headline as written: the model reads it before each premise (``judge``)
    _prefix: dict[str, set[str]] = field(default_factory=dict)
    _variants: dict[str, frozenset[str]] = field(default_factory=dict)
    _derived: dict[str, set[str]] = field(default_factory=dict)

    @property
    def keys(self) -> Iterable[str]:
        return self.postings.keys()

    def has(self, key: str) -> bool:
        return key in self.postings or key in self.title_keys

    def has_name(self, key: str) -> bool:
        return key in self.name_postings or key in self.title_names

    def variants(self, key: str, *, exact: bool = False) -> frozenset[str]:
        """Article keys that are the same word as ``key`` (itself, or a shared long prefix).

        Names (keys in ``entity_keys`` or never seen as a word) match exactly only: "Sydney
        beach" is not "Sydney" and "Austria" is not "Australia".
        """
        if exact:
            return frozenset((key,)) if self.has(key) else frozenset()
        cached = self._variants.get(key)
        if cached is not None:
            return cached
        found = {key} if self.has(key) else set()
        if len(key) >= PREFIX_LEN and not key.startswith("#") and key not in self.entity_keys:
            for other in self._prefix.get(key[:PREFIX_LEN], ()):
                if other != key and other not in self.entity_keys and _same_stem(key, other):
                    found.add(other)
            found.update(k for k in self._derived.get(derived_form(key), ()) if k not in self.entity_keys)
        result = frozenset(found)
        self._variants[key] = result
        return result

    def synonyms_in(self, key: str) -> frozenset[str]:
        """Article keys that are listed synonyms of ``key``."""
        syn = set(lexicon().synonyms.get(key, ()))
        return frozenset(k for k in syn if self.has(k))

    def sentences_with(self, keys: Iterable[str]) -> set[int]:
        out: set[int] = set()
        for k in keys:
            out |= self.postings.get(k, set())
        return out

    def idf_of(self, key: str) -> float:
        return self.idf.get(key, math.log(1.0 + 2.0 * max(len(self.sentences), 1)))


# Derivational endings written back to the verb they come from ("collision" -> "collide",
# "invasion" -> "invade", "admission" -> "admit"), so a noun meets its verb.
_DERIVATIONS = (("ision", "ide"), ("asion", "ade"), ("usion", "ude"), ("ission", "it"), ("ation", "ate"))


def derived_form(key: str) -> str:
    """The verb a derived noun comes from, or the key itself."""
    for ending, base in _DERIVATIONS:
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            return key[: -len(ending)] + base
    return key


def _same_stem(a: str, b: str) -> bool:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n >= PREFIX_LEN and n >= 0.75 * min(len(a), len(b))


def token_keys(token: Any) -> list[str]:
    """Every key a token can be found under (its key plus its phrasal-verb key)."""
    keys = [token_key(token)]
    phrasal = phrasal_key(token)
    if phrasal:
        keys.append(phrasal)
    return [k for k in keys if k]


# How a name attaches to a noun it owns or qualifies: "Varnia's minister", "the Varnia minister",
# "Varnian troops".
ATTACHING_DEPS = frozenset({"poss", "compound", "nmod", "amod"})
TIME_LABELS = frozenset({"DATE", "TIME"})


def is_negated(token: Any) -> bool:
    """True when the token carries a negation ("not known", "no evidence", "never met"), or is
    the act a negative pronoun leaves nothing of ("had nothing to fear", "there was nobody to
    blame": no fear, no one blamed)."""
    neg = lexicon().negation
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return True
        if child.dep_ in ("advmod", "neg") and child.lower_ in neg:
            return True
    head = token.head
    return (
        token.dep_ in ("relcl", "acl") and head.pos_ == "PRON" and head.lower_ in neg
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    )


def _governor(token: Any) -> Any:
    """The verb whose to-complement a prospective act is ("TRIED to broker")."""
    node = token
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    return node.head


def is_prospective(token: Any) -> bool:
    """True when the token is an act the sentence puts ahead, not one that happened: the
    to-complement of a ``prospective_heads`` verb ("must still be put to a vote", "is yet
    to sign", "plans to sign"; ``lexicon.json``), or one only attempted or promised ("tried to
    broker a ceasefire", "vowed to retaliate": it may never have happened). A past "had to" is left out: "residents had to
    flee" says they fled."""
    node = token
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    if node.dep_ != "xcomp":
        return False
    head = node.head
    heads = lexicon().prospective_heads
    if head.lemma_.lower() == "have" and head.tag_ == "VBD":
        return False
    return head.lemma_.lower() in heads or any(c.dep_ == "advmod" and c.lower_ in heads for c in head.children)


def demanded_by(token: Any) -> str | None:
    """How an act named by a noun is only asked for, as written ("demanding" in "demanding his
    resignation", "called for" in "called for the release of"), or None: the noun is the object
    of a ``demand_verbs`` verb or the "for" object of a ``demand_for_verbs`` one (``lexicon.json``).
    The sentence does not say the act happened."""
    if token.pos_ != "NOUN":
        return None
    head = token.head
    if token.dep_ == "dobj" and head.lemma_.lower() in lexicon().demand_verbs:
        return head.text
    if token.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in lexicon().demand_for_verbs:
        return f"{head.head.text} for"
    return None


def pending_auxiliaries(token: Any) -> list[Any]:
    """The modal or future auxiliaries that leave a verb undone ("WILL leave", "COULD be signed",
    "MAY have fired"; ``lexicon.json`` pending_auxiliaries), its own or, for a verb coordinated
    with another, that verb's ("will meet and sign"); empty when there is none. Such a verb is put
    ahead or only allowed for: the sentence does not say it happened."""
    aux = lexicon().pending_auxiliaries
    node = token
    for _ in range(4):
        found = [c for c in node.children if c.dep_ == "aux" and (c.lower_ in aux or c.lemma_.lower() in aux)]
        # only a bare verb shares its head's auxiliary: "the army will withdraw and rebels seized"
        if found or node.dep_ != "conj" or node.head is node or token.tag_ != "VB":
            return found
        node = node.head
    return []


def _pending_text(token: Any) -> str:
    """"could be signed": the verb with its auxiliaries, as written."""
    words = [c for c in token.children if c.dep_ in ("aux", "auxpass")] or pending_auxiliaries(token)
    return " ".join(t.text for t in sorted([*words, token], key=lambda t: t.i))


def _segments(doc: Any) -> Iterable[Any]:
    """Sentences, further cut at line breaks (headlines and captions run into sentences)."""
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                if tok.i > start:
                    yield doc[start : tok.i]
                start = tok.i + 1
        if start < sent.end:
            yield doc[start : sent.end]


def build_index(doc: Any, *, title_doc: Any | None = None, published: dt.date | None = None) -> ArticleIndex:
    """Index a parsed article (a spaCy ``Doc`` of ``Article.text``).

    ``published`` turns the article's weekdays and month-days into calendar days (``dates``).

    ``title_doc``, the parsed headline, adds its words to every window (a headline sums up its
    article) but never serves as evidence: evidence spans index ``Article.text`` only.
    """
    sentences: list[Sentence] = []
    postings: dict[str, set[int]] = defaultdict(set)
    bigrams: set[tuple[str, str]] = set()
    entity_keys: set[str] = set()
    frames: dict[str, list[Frame]] = defaultdict(list)
    name_postings: dict[str, set[int]] = defaultdict(set)
    full_text = doc.text  # once: Doc.text joins every token
    for span in _segments(doc):
        words = [t for t in span if not (t.is_punct or t.is_space)]
        if not words:
            continue
        idx = len(sentences)
        keys: set[str] = set()
        negated: set[str] = set()
        asserted: set[str] = set()
        unrealised: dict[str, str] = {}
        pending: dict[str, str] = {}
        plain: set[str] = set()  # asserted with no modal or future auxiliary
        numbers: list[Mention] = []
        timed: set[str] = set()
        untimed: set[str] = set()
        previous = None
        for tok in span:
            if tok.is_space:
                continue
            if tok.is_punct and tok.text != "-":
                previous = None
                continue
            if tok.text == "-":
                continue
            tks = token_keys(tok)
            keys.update(tks)
            (timed if tok.ent_type_ in TIME_LABELS else untimed).update(tks)
            if previous is not None:
                keys.add(previous.lower_ + tok.lower_)  # "cliff top" -> "clifftop"
                bigrams.add((previous.lower_, tok.lower_))
            previous = tok
            if is_negated(tok):
                negated.update(tks)
            elif (asker := demanded_by(tok)) is not None:
                unrealised.update({k: f"{asker} {tok.text}" for k in tks})
            elif not is_prospective(tok):
                asserted.update(tks)  # a pending act too: the negation check reads it as before
                if tok.pos_ == "VERB" and pending_auxiliaries(tok):
                    pending.update({k: _pending_text(tok) for k in tks if k not in pending})
                else:
                    plain.update(tks)
            elif tok.pos_ == "VERB":
                unrealised.update({k: f"{_governor(tok).text} to {tok.text}" for k in tks})
            if token_kind(tok) == "number" and tks:  # "²³" is a number with no key
                form = number_form(tok, tks[0])
                numbers.append(Mention(tok.text, tok.ent_type_ or "CARDINAL", tks[0], form, counted_noun(tok), fate_of(tok)))
        entities = []
        names: set[str] = set()
        in_long_name: set[int] = set()
        span_ents = ents_starting_within(doc, span.start, span.end)  # by bisection, not a scan per sentence
        owners: dict[str, list[Mention]] = defaultdict(list)
        for ent in span_ents:
            if ent.label_ in NAME_LABELS:
                canon = canonical_entity(ent.text)
                entities.append(Mention(ent.text, ent.label_, canon))
                if ent.root.dep_ in ATTACHING_DEPS and ent.root.head.pos_ == "NOUN":
                    owners[token_key(ent.root.head)].append(entities[-1])
                plain = norm(ent.text.removesuffix("'s"))
                names.update((canon, plain))
                country = capital_country(ent.text)
                if country:  # "activists in London" backs "U.K. activists"
                    names.add(country)
                if ent.label_ == "PERSON":
                    names.update(person_name_keys(ent))
                names.update(org_initials(ent))  # "the OSCE" backs the spelled-out name
                code = actor_key(ent.text)
                if code and len(code) > 3:  # "The United Nations" backs "the UN" (IGOUNO)
                    names.add(code)
                if len(ent) > 1:
                    in_long_name.update(range(ent.start, ent.end))
        for tok in span:
            if (tok.pos_ == "PROPN" or tok.ent_type_ in NAME_LABELS) and tok.i not in in_long_name:
                names.update(k for k in (canonical_entity(tok.text), token_key(tok)) if k)
        names.discard("")
        entity_keys.update(names)
        keys.update(names)
        keys.discard("")
        for k in keys:
            postings[k].add(idx)
        for name in names:
            name_postings[name].add(idx)
        pronoun_owners = {
            token_key(tok.head): (arg_text(owner, ents=span_ents), arg_keys(owner, ents=span_ents),
                                  owner.ent_type_ in NAME_LABELS)
            for tok in span if (owner := possessor(tok)) is not None
        }
        for frame in frames_of(span, idx, ents=span_ents):
            frames[frame.verb].append(frame)
        solid = [t for t in span if not t.is_space]
        start, end = solid[0].idx, solid[-1].idx + len(solid[-1].text)
        sentences.append(
            Sentence(
                index=idx,
                start=start,
                end=end,
                text=full_text[start:end],
                keys=frozenset(keys),
                negated=frozenset(negated),
                asserted=frozenset(asserted),
                entities=tuple(entities),
                numbers=tuple(numbers),
                words=tuple(t.lower_ for t in words),
                names=frozenset(names),
                dates=tuple(date_mentions(list(span), published)),
                owners={k: tuple(v) for k, v in owners.items()},
                unrealised=unrealised,
                pending={k: v for k, v in pending.items() if k not in plain},
                timed=frozenset(timed - untimed),
                pronoun_owners=pronoun_owners,
            )
        )
    n = max(len(sentences), 1)
    idf = {k: math.log(1.0 + n / len(v)) for k, v in postings.items()}
    prefix: dict[str, set[str]] = defaultdict(set)
    derived: dict[str, set[str]] = defaultdict(set)
    for k in postings:
        if len(k) >= PREFIX_LEN and not k.startswith("#"):
            prefix[k[:PREFIX_LEN]].add(k)
            derived[derived_form(k)].add(k)
    title_keys: frozenset[str] = frozenset()
    title_names: frozenset[str] = frozenset()
    if title_doc is not None:
        headline = build_index(title_doc)
        title_keys = frozenset().union(*(t.keys for t in headline.sentences))
        title_names = frozenset().union(*(t.names for t in headline.sentences))
        entity_keys.update(title_names)
        for k in title_keys:
            if len(k) >= PREFIX_LEN and not k.startswith("#"):
                prefix[k[:PREFIX_LEN]].add(k)
                derived[derived_form(k)].add(k)
    return ArticleIndex(
        published=published,
        title=title_doc.text.strip() if title_doc is not None else "",
        title_keys=title_keys,
        title_names=title_names,
        sentences=sentences,
        postings=dict(postings),
        idf=idf,
        entity_keys=frozenset(entity_keys),
        bigrams=frozenset(bigrams),
        frames=dict(frames),
        name_postings=dict(name_postings),
        _prefix=dict(prefix),
        _derived=dict(derived),
    )


__all__ = [
    "ATTACHING_DEPS", "ArticleIndex", "Mention", "Sentence", "build_index", "demanded_by", "is_negated", "is_prospective",
    "pending_auxiliaries", "token_keys",
]

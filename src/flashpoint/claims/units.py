"""What a token contributes to a comparison: its match key and its kind.

Statements and article sentences are compared token by token on *keys*, not surface forms, so
that "pleaded"/"pleads", "U.K."/"UK", "35"/"thirty-five" and "$5bn"/"5 billion" meet. Every
content token also gets a *kind* (entity, number, noun, adjective, verb, adverb, light), because
a swapped name or number is far stronger evidence of an unsupported statement than a swapped
verb: paraphrases mostly change verbs and common nouns, errors mostly change names and numbers.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Literal

from .lexicon import lexicon

Kind = Literal["entity", "number", "noun", "adj", "verb", "adv", "light"]

# Entity labels that name actors, places and things (as opposed to quantities).
NAME_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
NUMBER_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
CONTENT_POS = frozenset({"NOUN", "PROPN", "NUM", "ADJ", "VERB", "ADV"})
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_NUMBER = re.compile(r"^(\d+(?:[.,]\d+)*)([a-z]*)$")


def norm(text: str) -> str:
    """Lower-case and drop everything but letters and digits ("U.K." -> "uk")."""
    return _NON_ALNUM.sub("", text.lower())


_ARTICLES = frozenset({"a", "an"})


def _word_scale(token: Any) -> float | None:
    """The scale a spelled-out scale word writes ("million", "thousand"; not the "m" of "5m")."""
    if not token.is_alpha or len(token.lower_) < 4:
        return None
    return lexicon().number_scales.get(token.lower_)


def _scale_after_article(token: Any) -> float | None:
    """The value of a scale word right after "a"/"an" ("a million people" is 1,000,000), never
    the scale of "half a million", whose value the fraction carries (``token_key``)."""
    scale = _word_scale(token)
    doc, i = token.doc, token.i
    if scale is None or i < 1 or doc[i - 1].lower_ not in _ARTICLES:
        return None
    if i >= 2 and (doc[i - 2].like_num or doc[i - 2].lower_ in lexicon().number_words):
        return None  # "half a million": the fraction's
    return scale


def _scales_a_number(token: Any) -> bool:
    """Is ``token`` a scale word that multiplies the number before it ("2.5 MILLION", "two
    THOUSAND", "half a MILLION")? That number's key holds the product (``token_key``); the
    scale alone is no second number, so "1 million" is not found in "2.5 million"."""
    doc, i = token.doc, token.i
    if _word_scale(token) is None or i < 1:
        return False
    before = doc[i - 1]
    if before.lower_ in _ARTICLES and i >= 2:
        before = doc[i - 2]
    text = before.lower_.replace("$", "").replace("%", "")
    return text in lexicon().number_words or bool(_NUMBER.match(text))


def _hyphenated_number(token: Any) -> float | None:
    """The whole of a number written in words with a hyphen, read from either part ("Twenty" and
    "seven" of "Twenty-seven" are both 27: the tokenizer splits it, and the parts alone are
    numbers the article never gives); None for any other token."""
    lex, doc, i = lexicon(), token.doc, token.i
    word = token.lower_
    if word in lex.number_tens and i + 2 < len(doc) and doc[i + 1].text == "-":
        unit = lex.number_units.get(doc[i + 2].lower_)
        return None if unit is None else lex.number_tens[word] + unit
    if word in lex.number_units and i >= 2 and doc[i - 1].text == "-":
        tens = lex.number_tens.get(doc[i - 2].lower_)
        return None if tens is None else tens + lex.number_units[word]
    return None


def number_value(token: Any) -> float | None:
    """The numeric value a token writes, if any ("35", "1,000", "5bn", "thirty", "fourth", the
    "million" of "a million")."""
    text = token.lower_.replace("$", "").replace("%", "")
    lex = lexicon()
    if _scales_a_number(token):
        return None  # the "million" of "2.5 million" / "half a million": that number's scale
    compound = _hyphenated_number(token)
    if compound is not None:
        return compound
    if text in lex.number_words:
        return lex.number_words[text]
    after_article = _scale_after_article(token)
    if after_article is not None:
        return after_article
    match = _NUMBER.match(text)
    if not match:
        return None
    digits, suffix = match.groups()
    try:
        value = float(digits.replace(",", ""))
    except ValueError:
        return None
    if value == float("inf"):  # "1,1,1,...": 1,200 digits overflow a float (int(inf) raised)
        return None
    if suffix in ("", "st", "nd", "rd", "th", "s"):
        return value
    if suffix in lex.number_scales:
        return value * lex.number_scales[suffix]
    return None


def token_key(token: Any) -> str:
    """The key two tokens must share to count as the same word."""
    value = number_value(token)
    if value is not None:
        doc, i = token.doc, token.i
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is not None and nxt.lower_ in _ARTICLES and i + 2 < len(doc):
            nxt = doc[i + 2]  # "half a million": the fraction of the scale
        if nxt is not None and nxt.lower_ in lexicon().number_scales and nxt.lower_ not in ("b", "m"):
            value *= lexicon().number_scales[nxt.lower_]
        return "#" + (str(int(value)) if value == int(value) else f"{value:g}")
    lemma = token.lemma_.lower() if token.pos_ != "PROPN" else token.lower_
    key = norm(lemma) or norm(token.lower_)
    prefix = hyphen_prefix(token)
    return prefix + key if prefix else key


_PREFIXES = frozenset({"de", "non", "anti", "counter", "un", "ex", "pre", "post", "re", "co", "mis", "over", "under"})


def hyphen_prefix(token: Any) -> str | None:
    """"de" for "escalate" in "de-escalate": the tokenizer splits the prefix off, we join it back."""
    i = token.i
    doc = token.doc
    joined = i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_
    if joined and doc[i - 2].lower_ in _PREFIXES:
        return doc[i - 2].lower_
    return None


def is_bound_prefix(token: Any) -> bool:
    """True for the "de" of "de-escalate" (its meaning lives in the joined word)."""
    i = token.i
    doc = token.doc
    return (
        token.lower_ in _PREFIXES
        and i + 2 < len(doc)
        and doc[i + 1].text == "-"
        and not token.whitespace_
        and not doc[i + 1].whitespace_
    )


_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")


def number_form(token: Any, key: str) -> str:
    """What sort of number a token writes, so that only like is compared with like.

    "year" (2023), "ordinal" (fourth, 3rd), "calendar" (April, Tuesday), "day" (the 18 of
    "Jan. 18"), "age" (``_written_as_age``), "duration" (the 10 of "10-year", "three days") or
    "count" (35, $5bn): "fourth
    quarter" and "2023" are both dates, and "10-year bonds ... since Jan. 18" holds two numbers,
    but none of these can be a wrong version of another.
    """
    if not key.startswith("#"):
        return "calendar"
    lower = token.lower_
    # "thousand" ends like "second" but is a scale, a cardinal ("over a thousand trucks")
    if token.ent_type_ == "ORDINAL" or (lower.endswith(_ORDINAL_SUFFIXES) and not lower.isdigit()
                                        and lower not in lexicon().number_scales):
        return "ordinal"
    if lower.isdigit() and len(lower) == 4 and 1800 <= int(lower) <= 2100:
        return "year"
    if _next_to_month(token):
        return "day"
    if _written_as_age(token):
        return "age"
    if _before_unit(token):
        return "duration"
    return "count"


_MAX_AGE = 120
_AGE_WORDS = frozenset({"aged", "age"})


def _written_as_age(token: Any) -> bool:
    """Whether a number is a person's age, however written: "the 72-year-old", "72 years old",
    "aged 72", "age: 72", "turned 72", or set beside a name between commas or brackets, "Al-Douri, 72, led"
    (CLIFF val, FRANK valid: summaries write the article's "Haugh, 25," as "a 25-year-old"). An
    age meets only an age; as a length of time ("72-year") or a count it met nothing."""
    if not token.is_digit or not 0 < int(token.text) <= _MAX_AGE:
        return False
    doc, i = token.doc, token.i
    after = [t.lower_ for t in doc[i + 1 : i + 5] if t.text not in ("-", "–")]
    if after[:2] in (["year", "old"], ["years", "old"]):
        return True
    before = [t for t in doc[max(0, i - 2) : i] if t.text != ":"]
    if before and (before[-1].lower_ in _AGE_WORDS or before[-1].lemma_.lower() == "turn"):
        return True  # "aged 72", "AGE: 27", "she turned 51"
    if i < 2 or i + 1 >= len(doc):
        return False
    opened, name, closed = doc[i - 1], doc[i - 2], doc[i + 1]
    # "Al-Douri, 72,", "the woman, 25,", lower-cased "alexander soumbadze , 26 ," (a name the
    # tagger may call anything)
    return (opened.text, closed.text) in ((",", ","), ("(", ")")) and name.is_alpha and not name.is_stop


def counted_noun(token: Any) -> str | None:
    """The lemma of the noun a number counts ("at least NINE people" -> "people", "300 rockets" ->
    "rocket"), or None when it counts no noun of its own ("the toll rose to 30")."""
    head = token
    while head.dep_ in ("quantmod", "compound", "nummod") and head.head.i != head.i:
        head = head.head
        if head.pos_ in ("NOUN", "PROPN"):
            return head.lemma_.lower()
    return None


def fate_of(token: Any) -> str | None:
    """What befell the people a number counts, by the word that says it (``casualty_fates``):
    "killed" for "at least 12 people were killed", "killing 12", "the 12 dead"; "wounded" for
    "30 were wounded"; None when no such word is the counted noun, its modifier or the verb it is
    the subject or object of ("12 soldiers said"; "the toll rose to 12"). The same number with
    another fate is another fact about those people, which the number check alone cannot see."""
    fates = lexicon().casualty_fates
    head = token
    while head.dep_ in ("quantmod", "compound", "nummod") and head.head.i != head.i:
        head = head.head
    words = [head, *(c for c in head.children if c.dep_ in ("amod", "acl", "relcl"))]
    if head.dep_ in ("nsubj", "nsubjpass", "dobj") and head.head.i != head.i:
        words.append(head.head)
    for word in words:
        fate = fates.get(word.lemma_.lower()) or fates.get(word.lower_)
        if fate is not None:
            return fate
    return None


def same_kind_of_count(a: str | None, b: str | None) -> bool:
    """Whether two counted nouns may count the same thing: unknown on either side may; people
    may be counted under another name ("30 people" / "20 civilians", both actors in the actors
    tables), but people and things never ("nine people" is no count of "300 rockets")."""
    if a is None or b is None or a == b:
        return True
    from ..actors import resolve  # actors sits left of claims: allowed, and loaded lazily

    return (resolve(a) is not None) == (resolve(b) is not None)


def _word(doc: Any, i: int) -> str:
    return doc[i].lower_.rstrip(".") if 0 <= i < len(doc) else ""


def _next_to_month(token: Any) -> bool:
    """"Jan. 18", "18 January", "January 18th": a day of the month."""
    months = lexicon().month_names
    doc, prev = token.doc, token.i - 1
    if prev >= 0 and doc[prev].text == ".":
        prev -= 1
    return _word(doc, prev) in months or _word(doc, token.i + 1) in months


def _before_unit(token: Any) -> bool:
    """"10-year", "three days", "a 5-day truce": a length of time."""
    return duration_unit(token) is not None


def duration_unit(token: Any) -> str | None:
    """The unit lemma of a length of time ("month" for the 3 of "three months", "day" for the 5
    of "a 5-day truce"), or None when the number is not one."""
    units = lexicon().duration_units
    doc, i = token.doc, token.i
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is not None and nxt.text in ("-", "–") and i + 2 < len(doc):
        nxt = doc[i + 2]
    return nxt.lemma_.lower() if nxt is not None and nxt.lemma_.lower() in units else None


def token_kind(token: Any) -> Kind | None:
    """The kind of a content token, or None for function words and punctuation."""
    if token.is_punct or token.is_space or is_bound_prefix(token) or _scales_a_number(token):
        return None  # the "million" of "one million" is part of that number, no word of its own
    lower = token.lower_
    if token.ent_type_ in NUMBER_LABELS and (token.like_num or number_value(token) is not None):
        return "number"
    if token.pos_ == "NUM" or token.like_num:
        return "number" if number_value(token) is not None else None
    if lower in _MONTHS:
        return "number"  # dates behave like numbers: a swapped month is a factual error
    if token.pos_ not in CONTENT_POS:
        return None
    if token.is_stop:
        return None
    key = token.lemma_.lower()
    if key in lexicon().light_words or lower in lexicon().light_words:
        return "light"
    if (token.pos_ == "PROPN" or token.ent_type_ in NAME_LABELS) and not token.is_lower:
        return "entity"  # a lower-cased "name" is the tagger guessing on lower-cased text
    if token.pos_ == "PROPN":
        return "noun"
    if token.pos_ == "NOUN":
        return "noun"
    if token.pos_ == "ADJ":
        return "adj"
    if token.pos_ == "VERB":
        return "verb"
    return "adv"


def phrasal_key(token: Any) -> str | None:
    """``speed_up`` for "speed up": a verb joined with its particle, as the word lists write it."""
    if token.pos_ != "VERB":
        return None
    for child in token.children:
        if child.dep_ == "prt":
            return f"{token.lemma_.lower()}_{child.lower_}"
    return None


def _strip_name(text: str) -> str:
    lower = text.lower().strip()
    for prefix in ("the ",):
        lower = lower.removeprefix(prefix)
    for suffix in ("'s", "’s", "'"):
        lower = lower.removesuffix(suffix)
    return lower.strip()


@dataclass(frozen=True)
class CountryNames:
    """The actors stage's names for countries, lower-cased, each to its canonical name."""

    names: dict[str, str]  # a country's names, abbreviations and demonyms ("u.s.", "american")
    seats: dict[str, str]  # its capitals and seats of government ("seoul", "kremlin")


@functools.lru_cache(maxsize=1)
def country_names() -> CountryNames:
    """Read from the actors tables (countries.tsv: names and adjectives, capitals;
    institutions.tsv: a country's own government bodies), never a second list here."""
    from ..actors.tables import country_rows, org_rows  # actors sits left of claims: allowed

    canonical: dict[str, str] = {}
    names: dict[str, str] = {}
    seats: dict[str, str] = {}
    for code, canon, aliases, adjectives, capitals, _regions, _peoples in country_rows():
        canonical[code] = canon.lower()
        for name in (canon, *aliases.split("|"), *adjectives.split("|")):
            if name.strip():
                names.setdefault(_strip_name(name), canon.lower())
        for capital in capitals.split("|"):
            if capital.strip():
                seats.setdefault(_strip_name(capital), canon.lower())
    for aliases_, country, sector, org, _start, _end in org_rows("institutions.tsv"):
        if sector == "GOV" and country in canonical and org is None:
            for name in aliases_:
                seats.setdefault(_strip_name(name), canonical[country])
    return CountryNames(names, seats)


def canonical_entity(text: str) -> str:
    """An entity name reduced so that spelling variants meet ("the U.K.'s" -> "unitedkingdom")."""
    lower = _strip_name(text)
    table = country_names().names
    country = table.get(lower) or table.get(lower.replace(".", ""))
    return norm(country or lower)


def _name_words(ent: Any) -> list[str]:
    return [norm(t.lower_) for t in ent if not t.is_punct and t.lower_ not in ("'s", "’s") and norm(t.lower_)]


def person_name_keys(ent: Any) -> set[str]:
    """Keys under which an article names a person, beyond the full name.

    A name matches another when the words of one are a subset of the other's ("Kim" and
    "Kim Jong Un", "White" and "Scott White") but not when they merely share a word ("Scott
    White" and "Scott Johnson"). So a one-word name is stored as "~kim" and each word of a
    longer name as "^kim"; ``person_query_keys`` asks for the matching side. The prefixes also
    keep "Un" of "Kim Jong Un" from meeting "UN", the United Nations.
    """
    words = _name_words(ent)
    if len(words) == 1:
        return {"~" + words[0]}
    return {"^" + w for w in words}


def person_query_keys(ent: Any) -> set[str]:
    """Keys a statement's person name is looked up under (see ``person_name_keys``)."""
    words = _name_words(ent)
    if len(words) == 1:
        return {"~" + words[0], "^" + words[0]}
    return {"~" + w for w in words}


@functools.lru_cache(maxsize=8192)
def actor_country(name: str) -> str | None:
    """The country (ISO-3) an actor mention stands for, from the actors stage's tables.

    "Pyongyang", "North Korea" and "Kim Jong Un" all give PRK: an article naming any of them
    for a statement naming another is the same actor, not a mismatch.
    """
    from ..actors import resolve  # actors sits left of claims: allowed, and loaded lazily

    actor = resolve(name)
    return actor.country if actor is not None else None


# The answers of ``actor_key`` while one article is checked (``one_article``), else None.
_ARTICLE_ACTOR_KEYS: ContextVar[dict[str, str | None] | None] = ContextVar("article_actor_keys", default=None)


@contextmanager
def one_article() -> Iterator[None]:
    """While one article and its statements are checked, ``actor_key`` reads each name once.

    An article names the same few actors again and again, and its index, its frames and every
    statement's comparison ask the key of each mention (on the development pages, 2026-12-06:
    1,303 asks, 267 distinct names per article). ``actor_key`` is a function of the name and the
    actors tables alone, so the memo changes no answer. It lives for one article, not the
    process: what a later article costs does not depend on what an earlier one named (``flashpoint
    bench speed`` reads the same articles again in every pass).
    """
    token = _ARTICLE_ACTOR_KEYS.set({})
    try:
        yield
    finally:
        _ARTICLE_ACTOR_KEYS.reset(token)


def actor_key(name: str) -> str | None:
    """The key that makes two names one actor: the country (ISO-3, ``actor_country``), or for an
    actor of no country the actors tables' own code ("UN" and "the United Nations" are both
    IGOUNO, "AU" and "the African Union" IGOAFU). Two-letter initials give no key of their own
    (``acronym``), so without the tables "the UN called" against "The United Nations called"
    read as another actor. A bare sector ("the group": REB) is no name and gives none.
    Remembered per name while one article is checked (``one_article``)."""
    memo = _ARTICLE_ACTOR_KEYS.get()
    if memo is None:
        return _actor_key(name)
    if name not in memo:
        memo[name] = _actor_key(name)
    return memo[name]


def _actor_key(name: str) -> str | None:
    from ..actors import resolve  # actors sits left of claims: allowed, and loaded lazily

    actor = resolve(name)
    if actor is None:
        return None
    if actor.country:
        return actor.country
    code = actor.code or ""
    return code if len(code) > 3 else None


def capital_country(text: str) -> str | None:
    """The country a capital or seat of government stands for ("Seoul" -> "southkorea",
    "the Kremlin" -> "russia"), else None."""
    country = country_names().seats.get(_strip_name(text))
    return norm(country) if country else None


def acronym(text: str) -> str | None:
    """The initials an organisation's full name is abbreviated to ("Organization for Security
    and Co-operation in Europe" -> "osce", "North Atlantic Treaty Organization" -> "nato"), so a
    statement's "OSCE" meets an article that spells the name out. Capitalised words give their
    first letter (a hyphenated one only its capitalised parts; one in capitals, all of them);
    lower-case words ("for", "and") are skipped. None for fewer than three initials: two-letter initials ("GS", "BA") stand for
    too many names to say that an article names the statement's."""
    letters = [
        part if part.isupper() and part.isalpha() else part[0]  # "UN Security Council" -> "unsc"
        for word in text.split() for part in word.split("-") if part[:1].isupper()
    ]
    out = "".join(letters).lower()
    return out if len(out) >= 3 else None


_NAME_PREPS = frozenset({"in", "of", "for", "on"})


def org_initials(ent: Any) -> set[str]:
    """The initials an organisation entity may be written as (``acronym``), from its name as
    tagged and as continued by a prepositional tail of capitalised words the tagger left out
    ("the Organization for Security and Co-operation" + "in Europe" -> "osc", "osce"). One place
    for article sentences (``index``) and verb arguments (``roles``), so "invited the OSCE" meets
    "invited the Organization for Security and Co-operation in Europe" as the same actor; other
    initials ("IRC" against the "International Committee of the Red Cross", "icrc") do not."""
    if ent.label_ not in NAME_LABELS or len(ent) <= 2:
        return set()  # any name: the tagger calls "the Tigray People's Liberation Front" a PERSON
    text = ent.text.removeprefix("the ").removeprefix("The ")
    forms = [text]
    doc, end = ent.doc, ent.end
    if end + 1 < len(doc) and doc[end].lower_ in _NAME_PREPS and doc[end + 1].text[:1].isupper():
        tail = end + 1
        while tail < len(doc) and doc[tail].text[:1].isupper() and not doc[tail].is_sent_start:
            tail += 1
        forms.append(f"{text} {doc[end:tail].text}")
    return {k for k in map(acronym, forms) if k}


__all__ = [
    "NAME_LABELS",
    "NUMBER_LABELS",
    "Kind",
    "acronym",
    "actor_country",
    "actor_key",
    "canonical_entity",
    "capital_country",
    "counted_noun",
    "country_names",
    "duration_unit",
    "fate_of",
    "hyphen_prefix",
    "is_bound_prefix",
    "norm",
    "number_form",
    "number_value",
    "one_article",
    "org_initials",
    "person_name_keys",
    "person_query_keys",
    "phrasal_key",
    "same_kind_of_count",
    "token_key",
    "token_kind",
]

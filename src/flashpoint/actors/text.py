"""Tokens and lookup keys shared by the actor tables and the resolver.

A mention and a table alias are cut into tokens by the same rule and compared on normalised
keys, so "Kim Jong-un", "Kim Jong Un" and "KIM JONG UN" meet on one key while a table row is
written once. Hyphens are not tokens of their own: they only mark that two words are joined
("pro-Iranian", "Israeli-occupied"), which the resolver uses to drop countries that are not
the actor's own.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# Abbreviations whose final period belongs to the word ("Lt. Gen. Avril", "St. John's").
_ABBREV = r"(?:Lt|Gen|Col|Maj|Capt|Cpt|Sgt|Adm|Brig|Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Pres|Prof|Rev|Jr|Sr|Mt|Ft)\."
_TOKEN = re.compile(
    rf"""
    (?:[A-Za-z]\.){{2,}}          # U.S., U.N., D.P.R.K.
    |{_ABBREV}
    |['\u2019]s\b                 # possessive 's
    |\w+(?:['\u2019](?!s\b)\w+)*  # words, incl. N'Djamena, B'Tselem
    |[^\w\s]                      # any other single character
    """,
    re.VERBOSE,
)

_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a mention: surface form, lookup key, character offsets and hyphen links."""

    text: str
    key: str
    start: int
    end: int
    hyphen_before: bool = False  # "Iranian" in "pro-Iranian"
    hyphen_after: bool = False  # "Israeli" in "Israeli-occupied"

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


def fold(text: str) -> str:
    """Lower-case, strip accents, unify apostrophes: the form every lookup key uses.

    Most words are ASCII, where NFKD changes nothing and no character combines: they skip the
    per-character pass (the same result; every token of every mention is folded)."""
    if text.isascii():
        return text.replace("`", "'").lower()
    text = text.translate(_APOS)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens; hyphens (and dashes between words) become flags, not tokens."""
    raw = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    out: list[Token] = []
    pending_hyphen = False
    for i, (surface, start, end) in enumerate(raw):
        if surface in ("-", "\u2010", "\u2011"):
            # joined only when it touches words on both sides ("pro-Iranian", not "a - b")
            prev_touch = i > 0 and raw[i - 1][2] == start
            next_touch = i + 1 < len(raw) and raw[i + 1][1] == end
            if prev_touch and next_touch and out:
                last = out[-1]
                out[-1] = Token(last.text, last.key, last.start, last.end, last.hyphen_before, True)
                pending_hyphen = True
            continue
        out.append(Token(surface, fold(surface), start, end, pending_hyphen, False))
        pending_hyphen = False
    return out


@functools.lru_cache(maxsize=65536)
def key_of(text: str) -> tuple[str, ...]:
    """The lookup key of an alias or a mention: the folded token keys in order."""
    return tuple(t.key for t in tokenize(text))


_IRREGULAR = {
    "people": "people",
    "police": "police",
    "press": "press",
    "media": "media",
    "aircraft": "aircraft",
    "personnel": "personnel",
    "staff": "staff",
    "children": "child",
    "women": "woman",
    "men": "man",
    "militia": "militia",
    "chiefs": "chief",
    "news": "news",
    "series": "series",
    "species": "species",
}


@functools.lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """Crude English singular of a folded word ("militiamen" -> "militiaman", "parties" -> "party").

    Good enough for the generic role nouns of sector_words.tsv, which is all it is used for.
    Cached: the resolver asks it for the same few thousand words over and over.
    """
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 4 and word.endswith("men"):
        return word[:-3] + "man"
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def is_acronym(alias: str) -> bool:
    """True for aliases that must match case-sensitively ("US" is not "us", "WHO" not "who")."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and len(letters) <= 5 and all(c.isupper() for c in letters)

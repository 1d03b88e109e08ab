"""The lookup keys of the actor tables: the fast paths give exactly what the general rule gives."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flashpoint.actors.tables import get_tables
from flashpoint.actors.text import fold, singular

_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})


def _fold_by_the_general_rule(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@given(st.text(max_size=20))
def test_actors_fold_equals_the_general_rule_on_any_text(text):
    assert fold(text) == _fold_by_the_general_rule(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [("Kim Jong`un", "kim jong'un"), ("Côte d\u2019Ivoire", "cote d'ivoire"), ("N'DJAMENA", "n'djamena")],
)
def test_actors_fold_ascii_and_accented_names(text, key):
    assert fold(text) == key


def test_actors_match_lengths_bound_every_alias_and_role_word():
    """The matcher tries no window longer than ``*_len_by_first`` at a key: every alias and every
    role word of two or more tokens must fit under the bound of its first key."""
    tables = get_tables()
    assert tables.name_len_by_first and tables.sector_len_by_first
    for key in tables.names:
        assert len(key) <= tables.name_len_by_first[key[0]], key
    for key in tables.sector_words:
        if len(key) > 1:
            assert len(key) <= tables.sector_len_by_first[key[0]], key
    assert max(tables.name_len_by_first.values()) == tables.max_name_len


@pytest.mark.parametrize(("word", "one"), [("militiamen", "militiaman"), ("parties", "party"), ("police", "police")])
def test_actors_singular_cached_gives_the_rule(word, one):
    assert singular(word) == one
    assert singular(word) == one  # the second call is served by the cache


def _longest_first_everywhere(tokens, tables):
    """The matcher's first step without the per-key bounds: every window size at every token."""
    from flashpoint.actors.reading import _case_ok

    found = []
    i, n = 0, len(tokens)
    while i < n:
        best = None
        for size in range(min(tables.max_name_len, n - i), 0, -1):
            window = tokens[i : i + size]
            if [e for e in tables.names.get(tuple(t.key for t in window)) or () if _case_ok(e, window)]:
                best = (i, i + size)
                break
        for size in range(min(tables.max_sector_len, n - i), 0, -1):
            if best is not None and size <= best[1] - best[0]:
                break
            window = tokens[i : i + size]
            if tuple(t.key for t in window[:-1]) + (singular(window[-1].key),) in tables.sector_words:
                best = (i, i + size)
                break
        if best is None:
            i += 1
            continue
        found.append(best)
        i = best[1]
    return found


@pytest.mark.parametrize(
    "mention",
    [
        "the Democratic People's Republic of Korea",
        "Foreign Minister Julie Bishop of Australia",
        "pro-Iranian militiamen in the Gaza Strip",
        "the United Nations Security Council and the European Union",
        "Rapid Support Forces paramilitaries loyal to General Mohamed Hamdan Dagalo",
        "U.S. Secretary of State Antony Blinken",
        "hundreds of protesters in Port-au-Prince",
    ],
)
def test_actors_bounded_matching_finds_what_trying_every_window_finds(mention):
    from flashpoint.actors.reading import _match_tokens
    from flashpoint.actors.text import tokenize

    tables = get_tables()
    tokens = tokenize(mention)
    matched = [(m.start, m.end) for m in _match_tokens(tokens, tables)]
    reference = _longest_first_everywhere(tokens, tables)
    # _match_tokens then drops surnames after titles; every match it keeps is the reference's
    assert matched and set(matched) <= set(reference)


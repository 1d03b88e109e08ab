"""Commentary is told from fact by its grammar, so the checker asks the article for the facts only.

Sentences written for these tests (not from any benchmark): each kind of commentary
(``claims.clauses``) with a factual clause beside it, and look-alikes that are facts.
"""

from __future__ import annotations

import pytest

from flashpoint.claims.clauses import split_clauses
from flashpoint.claims.judge import units
from flashpoint.claims.lexicon import lexicon


def _commentary(nlp, text: str) -> list[str]:
    return [" ".join(t.text for t in c.tokens if not t.is_punct) for c in split_clauses(nlp(text)) if c.commentary]


@pytest.mark.parametrize(
    ("statement", "commentary", "fact"),
    [
        ("Rebels seized the town of Goma on Sunday, sparking fears of a wider war.", "sparking fears", "Rebels seized"),
        ("The army shelled the port, raising concerns about civilian casualties.", "raising concerns", "shelled the port"),
        ("The army shelled the port, adding to tensions in the region.", "adding to tensions", "shelled the port"),
        ("The navy seized two tankers, fuelling speculation about a blockade.", "fuelling speculation", "seized two tankers"),
        ("The army shelled the port in a move widely seen as a warning to Kyiv.", "seen as a warning", "shelled the port"),
        ("Rebels seized the town of Goma on Sunday, analysts say.", "analysts say", "Rebels seized"),
        ("Experts believe the ceasefire will collapse within weeks.", "Experts believe", "ceasefire will collapse"),
    ],
)
def test_claims_commentary_is_marked_and_the_fact_is_what_the_model_reads(nlp, statement, commentary, fact):
    marked = _commentary(nlp, statement)
    assert any(commentary in m for m in marked), marked
    claims = units(nlp(statement))
    assert any(fact in u for u in claims), claims
    assert not any(commentary in u for u in claims), claims


@pytest.mark.parametrize(
    "statement",
    [
        "The army shelled the port, killing 12 civilians.",  # a participle that reports an event
        "The army shelled the port, sparking protests in the capital.",  # protests happen; fears do not
        "Police said the protesters were seen as a threat.",  # a named source's words, reported
        "The minister said the army had shelled the port.",  # a named speaker, not commentators
    ],
)
def test_claims_facts_that_look_like_commentary_stay_facts(nlp, statement):
    assert _commentary(nlp, statement) == []


def test_claims_commentary_lists_are_lemmas_and_do_not_overlap():
    lex = lexicon()
    lists = {
        "commentary_verbs": lex.commentary_verbs, "commentary_objects": lex.commentary_objects,
        "interpretation_verbs": lex.interpretation_verbs, "commentators": lex.commentators,
        "attribution_verbs": lex.attribution_verbs,
    }
    for name, words in lists.items():
        assert words, name
        assert all(w == w.lower().strip() and " " not in w for w in words), name
    assert not lex.commentary_objects & lex.commentators
    assert {"see", "view"} <= lex.interpretation_verbs
    assert "say" in lex.attribution_verbs

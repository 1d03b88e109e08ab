"""Names and dates the statement or the article writes otherwise: "it" for a body of a named
country ("the Israeli military said it"); a date written as another name of the same calendar
day; a state that ended against one that remains (claims/align.py, claims/roles.py,
lexicon.json)."""

from __future__ import annotations

import datetime as dt

import pytest


def _statuses(nlp, article, statement, published=None):
    from flashpoint.claims.compare import compare
    from flashpoint.claims.index import build_index

    comparison = compare(build_index(nlp(article), published=published), nlp(statement))
    return {w.token.text: w.status for w in comparison.words}, comparison.findings


@pytest.mark.parametrize(("text", "body"), [
    ("The Israeli military said it struck a weapons depot overnight.", "military"),
    ("Iran's foreign ministry said it had summoned the envoy.", "ministry"),
])
def test_claims_it_is_the_body_of_a_named_country(nlp, text, body):
    from flashpoint.claims.roles import antecedent

    doc = nlp(text)
    pronoun = next(t for t in doc if t.lower_ == "it")
    assert antecedent(pronoun) is not None and antecedent(pronoun).text == body


@pytest.mark.parametrize(("statement", "found"), [
    ("The crossing reopened on Sept. 2.", True),
    ("The crossing reopened on Sept. 1.", False),
])
def test_claims_a_date_written_as_another_name_of_the_same_day(nlp, statement, found):
    statuses, findings = _statuses(nlp, "The border crossing reopened on Monday after a nine-day closure.",
                                   statement, published=dt.date(2024, 9, 3))
    date_words = [s for word, s in statuses.items() if word in ("Sept.", "1", "2")]
    assert date_words and all((s in ("best", "window")) == found for s in date_words), statuses
    assert bool([f for f in findings if f.kind == "date"]) != found, findings


def test_claims_a_state_that_ended_against_one_that_remains(nlp):
    """"remained severe" is no "ended" (lexicon.json antonyms end/remain)."""
    _, findings = _statuses(nlp, "Aid agencies said fuel shortages in the northern province remained severe.",
                            "Fuel shortages in the northern province ended, aid agencies said.")
    assert [f for f in findings if f.kind == "antonym"], findings

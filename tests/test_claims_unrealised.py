"""An act the article only attempts, promises or puts ahead is not supported when a statement
says it happened ("tried to broker a ceasefire" against "brokered a ceasefire")."""

from __future__ import annotations

import pytest

from flashpoint.claims import check_text

UNREALISED = [
    (
        (
            "Norway and Qatar tried to broker a truce between the two militias, but the talks "
            "broke down within a week."
        ),
        "Norway and Qatar brokered a truce between the two militias.",
        "tried to broker",
    ),
    (
        "The governor vowed to rebuild the flooded bridge before the elections in March.",
        "The governor rebuilt the flooded bridge before the elections in March.",
        "vowed to rebuild",
    ),
    (
        "Ankara threatened to expel the Dutch ambassador over the remarks on Friday.",
        "Ankara expelled the Dutch ambassador over the remarks on Friday.",
        "threatened to expel",
    ),
]

REALISED = [
    # the act asserted in the article too; or only the statement hedges it
    (
        "Norway tried to broker a truce in May and brokered one in June between the militias.",
        "Norway brokered a truce between the militias.",
    ),
    (
        "Ankara expelled the Dutch ambassador over the remarks on Friday.",
        "Ankara threatened to expel the Dutch ambassador over the remarks.",
    ),
]


@pytest.mark.parametrize(("article", "statement", "said"), UNREALISED)
def test_claims_an_attempted_act_is_not_a_done_one(nlp, article, statement, said):
    verdict = check_text(article, statement)
    assert verdict.verdict != "supported", verdict


@pytest.mark.parametrize(("article", "statement", "said"), UNREALISED)
def test_claims_the_unrealised_finding_names_what_the_article_says(nlp, article, statement, said):
    from flashpoint.claims.compare import compare
    from flashpoint.claims.index import build_index

    found = compare(build_index(nlp(article)), nlp(statement)).findings
    assert [f for f in found if f.kind == "unrealised" and f.article_says == said], found


@pytest.mark.parametrize(("article", "statement"), REALISED)
def test_claims_an_act_the_article_also_asserts_is_no_unrealised_finding(nlp, article, statement):
    from flashpoint.claims.compare import compare
    from flashpoint.claims.index import build_index

    found = compare(build_index(nlp(article)), nlp(statement)).findings
    assert not [f for f in found if f.kind == "unrealised"], found


MARCH = ("Thousands of opposition supporters marched through Lilongwe on Saturday demanding the resignation of the "
         "electoral commission chairman. Church leaders called for the release of two activists detained last week.")


@pytest.mark.parametrize(
    "statement",
    ["The electoral commission chairman resigned after the march.", "The two detained activists were released."],
)
def test_claims_an_act_only_demanded_is_not_done(nlp, statement):
    """"demanding the resignation of", "called for the release of": the article names the act as
    asked for (``lexicon.json`` demand_verbs, demand_for_verbs), so a statement that it happened
    is not supported."""
    verdict = check_text(MARCH, statement)
    assert verdict.verdict != "supported" and verdict.reason.startswith("not said to have happened"), verdict


@pytest.mark.parametrize(
    "statement",
    ["Opposition supporters demanded the chairman's resignation.", "Church leaders called for the activists to be released."],
)
def test_claims_the_demand_itself_stays_supported(nlp, statement):
    assert check_text(MARCH, statement).verdict == "supported"

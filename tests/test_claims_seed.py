"""The seed page's six "Read also" statements (acceptance of the end-to-end issue)."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def checks(seed_page, nlp):
    try:
        from flashpoint.ingest import read_text
    except ImportError as e:  # pragma: no cover - only while ingest is missing
        pytest.skip(f"flashpoint.ingest not importable: {e}")
    from flashpoint.claims import check_statements
    from flashpoint.records import Article

    article = read_text(seed_page, published=dt.date(2023, 12, 27))
    assert isinstance(article, Article)
    assert len(article.statements) == 6
    docs = list(nlp.pipe([article.text, *article.statements]))
    return article, check_statements(article, docs[0], article.statements, statement_docs=docs[1:])


def test_claims_seed_orders_statement_is_supported(checks):
    _, results = checks
    second = results[1]
    assert second.text.startswith("Kim Jong-un's orders for intensified war preparations")
    assert second.verdict == "supported", second.reason
    assert second.evidence is not None


@pytest.mark.parametrize("position", [2, 3, 4, 5])
def test_claims_seed_unsupported_statements_have_reasons(checks, position):
    _, results = checks
    result = results[position]
    assert result.verdict in ("contradicted", "not_in_source"), (result.text, result.reason)
    assert result.score < 0.5
    assert result.reason and not result.reason.startswith("supported")


def test_claims_seed_south_korean_goals_is_an_actor_mismatch(checks):
    _, results = checks
    third = results[2]
    assert "security policy goals" in third.text
    assert third.reason.startswith("actor mismatch"), third.reason
    assert "South Korea" in third.reason


@pytest.mark.parametrize(("position", "word"), [(3, "Seoul"), (5, "UN")])
def test_claims_seed_reasons_name_what_the_article_lacks(checks, position, word):
    _, results = checks
    assert word in results[position].reason, results[position].reason


def test_claims_seed_evidence_comes_from_the_cleaned_body(checks):
    article, results = checks
    for r in results:
        if r.evidence is not None:
            assert article.text[r.evidence.start : r.evidence.end] == r.evidence.text
            assert not any(r.evidence.text in s or s in r.evidence.text for s in article.statements)

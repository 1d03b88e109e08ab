"""An act a modal or future auxiliary leaves undone ("will sign", "could be lifted", "may have
resumed") is not a done one: a statement saying it happened is not supported (finding
``unrealised``); a statement that keeps it ahead, or an article that also says anywhere that it
happened, is no finding (claims/index.py pending_auxiliaries, claims/findings/polarity.py)."""

from __future__ import annotations

import datetime as dt

import pytest

PENDING = [
    (
        "The two governments will sign the border agreement in Ankara next month, officials said.",
        "The two governments signed the border agreement in Ankara.",
        "will sign",
    ),
    (
        "The ministry said the fuel embargo could be lifted only after the regional elections.",
        "The fuel embargo was lifted after the regional elections.",
        "could be lifted",
    ),
    (
        "Port officials said the ferry service to the islands may have resumed on some routes.",
        "The ferry service to the islands has resumed on some routes.",
        "may have resumed",
    ),
    (
        "The junta announced that it would expel the French ambassador within 48 hours.",
        "The junta expelled the French ambassador.",
        "would expel",
    ),
]

NOT_PENDING = [
    # the statement keeps the act ahead too
    (
        "The two governments will sign the border agreement in Ankara next month, officials said.",
        "The two governments will sign the border agreement in Ankara.",
    ),
    # the article also says it happened
    (
        "The governments signed the border agreement on Monday and will ratify it next year.",
        "The governments signed the border agreement.",
    ),
    # a verb with its own tense does not share a coordinated verb's auxiliary
    (
        "The army will withdraw from the valley, and the rebels seized the airport on Friday.",
        "The rebels seized the airport on Friday.",
    ),
]


def _findings(nlp, article, statement):
    from flashpoint.claims.compare import compare
    from flashpoint.claims.index import build_index

    return compare(build_index(nlp(article)), nlp(statement)).findings


@pytest.mark.parametrize(("article", "statement", "said"), PENDING)
def test_claims_a_pending_act_said_to_be_done_is_unrealised(nlp, article, statement, said):
    found = _findings(nlp, article, statement)
    assert [f for f in found if f.kind == "unrealised" and f.article_says == said], found


@pytest.mark.parametrize(("article", "statement", "said"), PENDING)
def test_claims_a_pending_act_said_to_be_done_is_never_supported(nlp, article, statement, said):
    from flashpoint.claims import check_text

    result = check_text(article, statement, published=dt.date(2025, 5, 14))
    assert result.verdict != "supported", result


@pytest.mark.parametrize(("article", "statement"), NOT_PENDING)
def test_claims_a_pending_act_kept_ahead_or_also_done_is_no_finding(nlp, article, statement):
    found = _findings(nlp, article, statement)
    assert not [f for f in found if f.kind == "unrealised"], found


def test_claims_a_pending_act_is_recorded_apart(nlp):
    """Recorded as pending; still read as asserted by the negation check, as before; a sentence
    that also says it was done, or negates it, leaves no pending act."""
    from flashpoint.claims.index import build_index

    sent = build_index(nlp("Officials said the talks will resume in Doha on Sunday.")).sentences[0]
    assert sent.pending.get("resume") == "will resume" and "resume" in sent.asserted
    both = build_index(nlp("The talks resumed on Monday and will resume again in June.")).sentences[0]
    assert "resume" not in both.pending
    negated = build_index(nlp("Officials said the talks will not resume in Doha.")).sentences[0]
    assert "resume" in negated.negated and "resume" not in negated.pending

"""Scoring rules of `flashpoint bench pages` (pages/README.md), on hand-built records."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.bench.pages import (
    actor_code,
    counts_for_precision,
    matches,
    precise_match,
    score_article,
    sentence_of,
    violates,
)
from flashpoint.records import Actor, Analysis, Article, Event, Span, StatementCheck

TEXT = (
    "Ethiopia began shelling villages along the front line on Tuesday. "
    "Protesters rallied in central Asmara. The sides will meet in Djibouti."
)


def _event(src, cameo, tgt, evidence, *, date=None, negated=False, modality="asserted"):
    start = TEXT.index(evidence)
    return Event(
        source=Actor(src, src, src, None) if src else None,
        target=Actor(tgt, tgt, tgt, None) if tgt else None,
        cameo=cameo,
        cameo_root=cameo[:2],
        plover=None,
        quad_class=4,
        goldstein=-10.0,
        evidence=Span(evidence, start, start + len(evidence)),
        date=date,
        negated=negated,
        modality=modality,
    )


SHELL = {
    "id": "shelling",
    "source": "ETH",
    "target": ["ERI", None],
    "roots": ["19"],
    "date": "2024-05-14",
    "evidence_contains": "began shelling",
    "negated": False,
    "modality": "asserted",
}


@pytest.mark.parametrize(
    ("actor", "code"),
    [
        (Actor("Addis Ababa", "ETHGOV", "ETH", "GOV"), "ETH"),
        (Actor("the UN", "IGOUNOXYZ", None, None), "IGOUNO"),
        (Actor("police", "COP", None, "COP"), None),
        (None, None),
    ],
)
def test_events_pages_actor_code_is_country_else_organisation(actor, code):
    assert actor_code(actor) == code


def test_events_pages_match_needs_roles_root_date_evidence_and_negation():
    sentence = "Ethiopia began shelling villages along the front line on Tuesday."
    good = _event("ETH", "190", None, sentence, date=dt.date(2024, 5, 14))
    assert matches(good, SHELL)
    assert not matches(_event("ETH", "190", None, sentence), SHELL)  # no date
    assert not matches(_event("ERI", "190", None, sentence, date=dt.date(2024, 5, 14)), SHELL)
    assert not matches(_event("ETH", "173", None, sentence, date=dt.date(2024, 5, 14)), SHELL)
    negated = _event("ETH", "190", None, sentence, date=dt.date(2024, 5, 14), negated=True)
    assert not matches(negated, SHELL)


def test_events_pages_sym_allows_swapped_roles():
    entry = {"source": "ERI", "target": "ETH", "roots": ["04"], "sym": True}
    event = _event("ETH", "040", "ERI", "The sides will meet in Djibouti.")
    assert matches(event, entry)
    assert not matches(event, {**entry, "sym": False})


def test_events_pages_intended_key_event_counts_for_precision_only_as_intent():
    entry = {"source": None, "target": None, "roots": ["04", "03"], "modality": "intended"}
    meet = _event("ERI", "040", "ETH", "The sides will meet in Djibouti.")
    intent = _event("ERI", "036", "ETH", "The sides will meet in Djibouti.")
    assert matches(meet, entry) and not precise_match(meet, entry)
    assert precise_match(intent, entry)


def test_events_pages_precision_excludes_bare_statements_negations_and_intentions():
    ev = "Protesters rallied in central Asmara."
    assert counts_for_precision(_event(None, "141", None, ev))
    assert counts_for_precision(_event(None, "141", None, ev, modality="reported"))
    assert not counts_for_precision(_event(None, "010", None, ev))
    assert not counts_for_precision(_event(None, "141", None, ev, negated=True))
    assert not counts_for_precision(_event(None, "141", None, ev, modality="intended"))


def test_events_pages_must_not_wildcards_and_modality_list():
    entry = {"source": "*", "target": "*", "roots": ["14"], "modality": ["asserted"]}
    ev = "Protesters rallied in central Asmara."
    assert violates(_event("ERI", "141", None, ev), entry)
    assert not violates(_event("ERI", "141", None, ev, modality="intended"), entry)
    assert not violates(_event("ERI", "190", None, ev), entry)


def test_events_pages_score_article_counts_every_figure():
    shell = "Ethiopia began shelling villages along the front line on Tuesday."
    protest = "Protesters rallied in central Asmara."
    article = Article(
        id="x",
        text=TEXT,
        title="T",
        published=dt.date(2024, 5, 15),
        statements=("Eritrea shelled Mekelle.",),
    )
    events = (
        _event("ETH", "190", None, shell, date=dt.date(2024, 5, 14)),  # key hit
        _event("ERI", "190", "ETH", protest),  # wrong, and a must_not
    )
    key = {
        "title": "T",
        "expect_published": "2024-05-15",
        "not_in_text": ["Cookie settings", "Asmara"],
        "at_most_once": ["Ethiopia"],
        "statements": [
            {"text_contains": "shelled Mekelle", "supported": False, "verdict": "contradicted"}
        ],
        "events": [SHELL, {"id": "protest", "roots": ["14"], "evidence_contains": "rallied"}],
        "also_acceptable": [],
        "must_not": [{"source": "ERI", "target": "*", "roots": ["19"], "why": "no"}],
    }
    checks = (StatementCheck("Eritrea shelled Mekelle.", "not_in_source", 0.1, None, "r"),)
    score = score_article("p", Analysis(article, events, checks), key)
    assert (score.title_ok, score.published_ok) == (True, True)
    assert (score.boilerplate_removed, score.boilerplate_total) == (1, 2)
    assert (score.at_most_once_ok, score.at_most_once_total) == (1, 1)
    assert (score.verdicts_right, score.supported_right) == (0, 1)
    assert (score.key_found, score.key_events) == (1, 2)
    assert (score.precision_right, score.precision_counted) == (1, 2)
    assert score.must_not == 1
    assert score.missed[0]["id"] == "protest" and score.missed[0]["sentence"] == protest


def test_events_pages_sentence_of_finds_the_holding_sentence():
    assert sentence_of(TEXT, "central asmara") == "Protesters rallied in central Asmara."
    assert sentence_of(TEXT, "absent words").startswith("(not in the article text")

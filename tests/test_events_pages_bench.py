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
    "Azerbaijan began shelling positions across the region on Tuesday. "
    "Protesters rallied in central Yerevan. The sides will meet in Yevlakh."
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
    "source": "AZE",
    "target": ["ARM", None],
    "roots": ["19"],
    "date": "2023-09-19",
    "evidence_contains": "began shelling",
    "negated": False,
    "modality": "asserted",
}


@pytest.mark.parametrize(
    ("actor", "code"),
    [
        (Actor("Baku", "AZEGOV", "AZE", "GOV"), "AZE"),
        (Actor("the UN", "IGOUNOXYZ", None, None), "IGOUNO"),
        (Actor("police", "COP", None, "COP"), None),
        (None, None),
    ],
)
def test_events_pages_actor_code_is_country_else_organisation(actor, code):
    assert actor_code(actor) == code


def test_events_pages_match_needs_roles_root_date_evidence_and_negation():
    sentence = "Azerbaijan began shelling positions across the region on Tuesday."
    good = _event("AZE", "190", None, sentence, date=dt.date(2023, 9, 19))
    assert matches(good, SHELL)
    assert not matches(_event("AZE", "190", None, sentence), SHELL)  # no date
    assert not matches(_event("ARM", "190", None, sentence, date=dt.date(2023, 9, 19)), SHELL)
    assert not matches(_event("AZE", "173", None, sentence, date=dt.date(2023, 9, 19)), SHELL)
    negated = _event("AZE", "190", None, sentence, date=dt.date(2023, 9, 19), negated=True)
    assert not matches(negated, SHELL)


def test_events_pages_sym_allows_swapped_roles():
    entry = {"source": "ARM", "target": "AZE", "roots": ["04"], "sym": True}
    event = _event("AZE", "040", "ARM", "The sides will meet in Yevlakh.")
    assert matches(event, entry)
    assert not matches(event, {**entry, "sym": False})


def test_events_pages_intended_key_event_counts_for_precision_only_as_intent():
    entry = {"source": None, "target": None, "roots": ["04", "03"], "modality": "intended"}
    meet = _event("ARM", "040", "AZE", "The sides will meet in Yevlakh.")
    intent = _event("ARM", "036", "AZE", "The sides will meet in Yevlakh.")
    assert matches(meet, entry) and not precise_match(meet, entry)
    assert precise_match(intent, entry)


def test_events_pages_precision_excludes_bare_statements_negations_and_intentions():
    ev = "Protesters rallied in central Yerevan."
    assert counts_for_precision(_event(None, "141", None, ev))
    assert counts_for_precision(_event(None, "141", None, ev, modality="reported"))
    assert not counts_for_precision(_event(None, "010", None, ev))
    assert not counts_for_precision(_event(None, "141", None, ev, negated=True))
    assert not counts_for_precision(_event(None, "141", None, ev, modality="intended"))


def test_events_pages_must_not_wildcards_and_modality_list():
    entry = {"source": "*", "target": "*", "roots": ["14"], "modality": ["asserted"]}
    ev = "Protesters rallied in central Yerevan."
    assert violates(_event("ARM", "141", None, ev), entry)
    assert not violates(_event("ARM", "141", None, ev, modality="intended"), entry)
    assert not violates(_event("ARM", "190", None, ev), entry)


def test_events_pages_score_article_counts_every_figure():
    shell = "Azerbaijan began shelling positions across the region on Tuesday."
    protest = "Protesters rallied in central Yerevan."
    article = Article(
        id="x",
        text=TEXT,
        title="T",
        published=dt.date(2023, 9, 20),
        statements=("Armenia shelled Baku.",),
    )
    events = (
        _event("AZE", "190", None, shell, date=dt.date(2023, 9, 19)),  # key hit
        _event("ARM", "190", "AZE", protest),  # wrong, and a must_not
    )
    key = {
        "title": "T",
        "expect_published": "2023-09-20",
        "not_in_text": ["Cookie settings", "Yerevan"],
        "at_most_once": ["Azerbaijan"],
        "statements": [
            {"text_contains": "shelled Baku", "supported": False, "verdict": "contradicted"}
        ],
        "events": [SHELL, {"id": "protest", "roots": ["14"], "evidence_contains": "rallied"}],
        "also_acceptable": [],
        "must_not": [{"source": "ARM", "target": "*", "roots": ["19"], "why": "no"}],
    }
    checks = (StatementCheck("Armenia shelled Baku.", "not_in_source", 0.1, None, "r"),)
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
    assert sentence_of(TEXT, "central yerevan") == "Protesters rallied in central Yerevan."
    assert sentence_of(TEXT, "absent words").startswith("(not in the article text")

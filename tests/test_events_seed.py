"""Issue 2 acceptance for the event coder on the seed page (skips without ../shared)."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.events import code_doc

PUBLISHED = dt.date(2023, 12, 27)


@pytest.fixture(scope="module")
def seed_events(seed_page, nlp):
    ingest = pytest.importorskip("flashpoint.ingest", reason="flashpoint.ingest not importable yet")
    actors = pytest.importorskip("flashpoint.actors", reason="flashpoint.actors not importable yet")
    if not hasattr(actors, "resolve_span"):
        pytest.skip("flashpoint.actors.resolve_span not written yet: actor codes unavailable")
    article = ingest.read_text(seed_page, published=PUBLISHED)
    assert article.text, "seed page cleaned to nothing"
    return article, code_doc(nlp(article.text), published=PUBLISHED)


def _country(actor):
    return actor.country if actor is not None else None


def test_events_seed_war_preparations_are_mobilization_by_north_korea(seed_events):
    _, events = seed_events
    assert any(
        e.cameo_root == "15" and e.plover == "MOBILIZE" and _country(e.source) == "PRK"
        for e in events
    )


def test_events_seed_kim_accuses_the_usa(seed_events):
    _, events = seed_events
    assert any(
        e.cameo_root == "11" and _country(e.source) == "PRK" and _country(e.target) == "USA"
        for e in events
    )


def test_events_seed_south_korea_usa_cooperation_and_april_agreement(seed_events):
    _, events = seed_events
    coop = [e for e in events if e.cameo_root in ("03", "05", "06")]
    assert any({_country(e.source), _country(e.target)} == {"KOR", "USA"} for e in coop)
    assert any(
        e.date == dt.date(2023, 4, 1)
        and e.date_precision == "month"
        and {_country(e.source), _country(e.target)} == {"KOR", "USA"}
        for e in coop
    )


def test_events_seed_missile_tests_by_north_korea(seed_events):
    _, events = seed_events
    assert any(
        e.cameo_root in ("13", "15")
        and _country(e.source) == "PRK"
        and "missile" in e.evidence.text
        for e in events
    )


def test_events_seed_august_order_is_dated(seed_events):
    _, events = seed_events
    assert any(
        e.date == dt.date(2023, 8, 1)
        and e.date_precision == "month"
        and "ordered" in e.evidence.text
        for e in events
    )


def test_events_seed_evidence_indexes_the_clean_text_and_no_read_also(seed_events):
    article, events = seed_events
    for e in events:
        assert article.text[e.evidence.start : e.evidence.end] == e.evidence.text
        assert "Read also" not in e.evidence.text

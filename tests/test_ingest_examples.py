"""The bundled sample corpus reads cleanly: every article titled and dated, one German skip."""

from __future__ import annotations

import collections
import datetime as dt
import re

import pytest

from flashpoint.ingest import read_path
from flashpoint.records import Article, Skipped


@pytest.fixture(scope="module")
def results(examples_dir):
    return list(read_path(examples_dir))


@pytest.fixture(scope="module")
def articles(results):
    return [r for r in results if isinstance(r, Article)]


def test_ingest_examples_counts(results, articles):
    skips = [r for r in results if isinstance(r, Skipped)]
    assert len(articles) >= 24
    assert [(s.reason, s.origin.rsplit("/", 1)[-1]) for s in skips] == [
        ("not_english", "2023-12-19_rheinischer-beobachter_nordkorea-rakete.txt")
    ]


def test_ingest_examples_titled_dated_and_sized(articles):
    for article in articles:
        assert article.title, article.origin
        assert article.published is not None, article.origin
        assert dt.date(2023, 1, 1) <= article.published <= dt.date(2024, 3, 31), article.origin
        assert 120 <= len(article.text.split()) <= 350, article.origin


def test_ingest_examples_no_boilerplate_left(articles):
    pattern = re.compile(
        r"Skip to|Jump to|Share this|Follow us|Advertisement|Copyright|©|cookie|"
        r"Sample article|Photo:|Image:|Posted on|Published:|Read also|^Related",
        re.IGNORECASE | re.MULTILINE,
    )
    for article in articles:
        assert not pattern.search(article.text), (article.origin, pattern.search(article.text))
        assert "  " not in article.text
        for statement in article.statements:
            assert statement not in article.text


def test_ingest_examples_cover_the_demo(articles):
    korean = [a for a in articles if re.search(r"North Korea|Pyongyang|Seoul", a.text)]
    late_2023 = [a for a in korean if dt.date(2023, 11, 15) <= a.published <= dt.date(2024, 1, 31)]
    assert len(korean) >= 12
    assert len(late_2023) >= 5
    assert sum(1 for a in articles if a.statements) >= 4
    ids = collections.Counter(a.id for a in articles)
    assert max(ids.values()) == 1  # the syndicated copy differs slightly: not an exact duplicate
    assert all(a.source is None or a.source.startswith("Flashpoint sample: ") for a in articles)


def test_ingest_examples_escalation_week(articles):
    """The demo's alert week (20-26 Nov 2023) holds several distinct Korean conflict reports."""
    week = [
        a
        for a in articles
        if dt.date(2023, 11, 20) <= a.published <= dt.date(2023, 11, 26)
        and re.search(r"North Korea|Pyongyang", a.text)
    ]
    assert len(week) >= 6
    assert len({a.title for a in week}) == len(week)
    # The eight weeks before it stay calm for the Korean dyad: no artillery, missiles, threats.
    before = [
        a
        for a in articles
        if dt.date(2023, 9, 25) <= a.published < dt.date(2023, 11, 20)
        and re.search(r"North Korea|Pyongyang", a.text)
    ]
    assert not any(re.search(r"artillery|fired|ultimatum|scrapp", a.text) for a in before)


def test_ingest_examples_leads_have_no_wire_dateline(articles):
    dateline = re.compile(r"^[A-Z][A-Z .'/-]{2,}(?:,[^-–—\n]{0,40})?(?:\([^()]*\))?\s*[-–—]")
    for article in articles:
        assert not dateline.match(article.text), (article.origin, article.text[:60])


@pytest.mark.slow
def test_ingest_examples_demo_raises_the_korean_alert(examples_dir, tmp_path):
    """End to end, as `flashpoint demo` shows it: the samples must still raise their alert.

    The alert depends on the whole chain (cleaning, event coding, actor codes, modality), so a
    change anywhere that silently drops it fails here, naming the week's counted events.
    """
    from flashpoint.analytics.alerts import alerts
    from flashpoint.store import connect_readonly
    from flashpoint.store.ingest import ingest

    db = tmp_path / "examples.duckdb"
    ingest([examples_dir], db=db, workers=1)
    con = connect_readonly(db)
    found = [a for a in alerts(con, dyad="KOR-PRK") if a["period"] == "2023-11-20"]
    assert found, alerts(con, dyad="KOR-PRK", explain=False)
    alert = found[0]
    assert alert["conflict_events"] >= 6
    titles = {e["title"] for e in alert["top_events"]}
    assert len(titles) >= 4  # the explanation lists events from several distinct reports
    assert all(
        e["day"] and "2023-11-20" <= str(e["day"]) <= "2023-11-26" for e in alert["top_events"]
    )
    assert not any(
        re.match(r"[A-Z]{3,}\b.{0,40}[-–—]", e["evidence_text"]) for e in alert["top_events"]
    )

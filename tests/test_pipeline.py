"""The pipeline contract: order, skips, provenance of every evidence span."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint import ingest
from flashpoint.pipeline import analyze, analyze_many, check, code
from flashpoint.records import Analysis, Article, Skipped

PAGE = """Skip to content

Navy ships collide near disputed islands

Published 12 March 2024

Japan accused China on Monday of ramming a Japanese coast guard vessel near the Senkaku islands.
Tokyo summoned the Chinese ambassador and demanded an apology, officials said.

Read also:
1. China apologised to Japan for the collision on Monday.
2. Japan summoned the Chinese ambassador after the collision.
"""


@pytest.fixture(scope="module")
def examples_results(examples_dir) -> list[Analysis]:
    items = list(ingest.read_path(examples_dir))
    return list(analyze_many(items, batch_size=8))


def test_pipeline_evidence_offsets_index_the_cleaned_text(examples_results):
    spans = 0
    for result in examples_results:
        if result.article is None:
            continue
        text = result.article.text
        for event in result.events:
            assert text[event.evidence.start : event.evidence.end] == event.evidence.text
            spans += 1
        for verdict in result.statements:
            if verdict.evidence is not None:
                assert text[verdict.evidence.start : verdict.evidence.end] == verdict.evidence.text
    assert spans > 20


def test_pipeline_statements_are_checked_never_coded(examples_results):
    with_statements = [r for r in examples_results if r.article and r.article.statements]
    assert with_statements, "the sample corpus should have pages with a 'Read also' block"
    for result in with_statements:
        assert len(result.statements) == len(result.article.statements)
        for statement in result.article.statements:
            assert statement not in result.article.text
            assert all(statement not in e.evidence.text for e in result.events)


def test_pipeline_analyze_many_keeps_input_order_and_skips():
    items = [
        Article(id="a", text="Russia shelled Kharkiv on Tuesday.", published=dt.date(2024, 1, 5)),
        Skipped(reason="empty", detail="no bytes", origin="x.txt"),
        Article(id="b", text="Germany sent tanks to Ukraine.", published=dt.date(2024, 1, 6)),
    ]
    results = list(analyze_many(items, batch_size=2))
    assert [r.article.id if r.article else r.skipped.reason for r in results] == ["a", "empty", "b"]


def test_pipeline_analyze_splits_and_checks_read_also_block():
    result = analyze(PAGE)
    assert result.article is not None
    assert result.article.title == "Navy ships collide near disputed islands"
    assert result.article.published == dt.date(2024, 3, 12)
    assert "Read also" not in result.article.text
    assert len(result.statements) == 2
    assert result.statements[1].verdict == "supported"
    assert result.statements[0].verdict != "supported"
    accusations = [e for e in result.events if e.cameo_root == "11"]
    assert accusations and accusations[0].source.country == "JPN"
    assert accusations[0].date == dt.date(2024, 3, 11)


def test_pipeline_code_resolves_relative_dates():
    events = code("North Korea fired two ballistic missiles on Tuesday.", published="2023-12-28")
    assert events and events[0].source.country == "PRK"
    assert events[0].date == dt.date(2023, 12, 26)


def test_pipeline_check_returns_a_verdict_with_reason():
    article = "Israel and Hamas agreed to a four-day truce on Wednesday, Qatari mediators said."
    verdict = check(article, "Hamas and Israel rejected a truce.")
    assert verdict.verdict != "supported"
    assert verdict.reason


def test_pipeline_parallel_equals_serial(examples_results, examples_dir):
    items = list(ingest.read_path(examples_dir))
    parallel = list(analyze_many(items, batch_size=5, n_process=2))
    assert [r.to_dict() for r in parallel] == [r.to_dict() for r in examples_results]


def test_pipeline_text_beyond_the_model_limit_is_a_skip(nlp, monkeypatch):
    monkeypatch.setattr(nlp, "max_length", 50)
    long = Article(id="long", text="Police arrested protesters in Minsk. " * 5, origin="long.txt")
    short = Article(id="short", text="Police arrested protesters.", origin="short.txt")
    results = list(analyze_many([long, short]))
    assert results[0].skipped is not None and results[0].skipped.reason == "too_large"
    assert results[0].skipped.origin == "long.txt"
    assert results[1].article is not None


def test_pipeline_batches_close_at_a_character_budget():
    """Long articles are parsed a few at a time (a parsed batch is held whole); short ones 32."""
    from flashpoint.pipeline import BATCH_CHARS, article_batches

    def article(chars: int, statements: tuple[str, ...] = ()) -> Article:
        return Article(id=f"a{chars}", text="x" * chars, statements=statements)

    short = [article(450) for _ in range(40)]
    assert [len(b) for b in article_batches(short, 32)] == [32, 8]
    long = [article(BATCH_CHARS // 4) for _ in range(10)]
    assert [len(b) for b in article_batches(long, 32)] == [4, 4, 2]
    huge = [article(BATCH_CHARS * 2), article(10)]
    assert [len(b) for b in article_batches(huge, 32)] == [1, 1]
    with_statements = [article(BATCH_CHARS // 2 - 10, ("s" * 10,)) for _ in range(3)]
    assert [len(b) for b in article_batches(with_statements, 32)] == [2, 1]
    skips = [Skipped(origin="o", reason="empty", detail="") for _ in range(3)]
    assert [len(b) for b in article_batches(skips, 2)] == [2, 1]


@pytest.mark.parametrize(
    ("title", "statements", "parsed"),
    [
        ("Navy ships collide", (), ["Body."]),
        (None, ("Ships collided.",), ["Body.", "Ships collided."]),
        ("Navy ships collide", ("Ships collided.", "Tokyo protested."),
         ["Body.", "Navy ships collide", "Ships collided.", "Tokyo protested."]),
    ],
)
def test_pipeline_parses_the_title_only_for_the_checker(title, statements, parsed):
    """What one batch's nlp.pipe pass reads (and what `bench speed` gives plain spaCy)."""
    from flashpoint.pipeline import texts_to_parse

    article = Article(id="a", text="Body.", title=title, statements=statements)
    assert [text for text, _ in texts_to_parse([article])] == parsed

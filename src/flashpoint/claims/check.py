"""The claims stage's entry points: check statements against an article.

The article is parsed and indexed once; every statement about it is then judged by the model
(``judge``: one batched call per article) and aligned with that index for the explicit checks
(``compare``), so checking many statements about one article costs one article parse (done by
the pipeline, in the same ``nlp.pipe`` batch as the statements) plus a small per-statement cost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from ..events import code_doc
from ..ingest.datelines import blank_lead_dateline
from ..records import Article, Event, StatementCheck
from .aliases import article_names
from .compare import compare
from .index import ArticleIndex, build_index
from .judge import Judgement, judge_many
from .units import one_article
from .verdict import decide, features


def check_statements(
    article: Article,
    article_doc: Any,
    statements: Sequence[str],
    *,
    statement_docs: Sequence[Any] | None = None,
    article_events: Sequence[Event] | None = None,
    title_doc: Any | None = None,
) -> list[StatementCheck]:
    """Check each statement against ``article`` and return one verdict per statement, in order.

    ``article_doc`` is the spaCy ``Doc`` of ``article.text``; evidence spans index that text.
    ``statement_docs`` are the parsed statements (parsed here in one batch when None).
    ``article_events`` are the article's coded events (coded here when None); they name the
    event a statement reports that the article does not ("no sentence reports protests").
    ``title_doc`` is the parsed ``article.title`` (parsed here when None and there is a title;
    the pipeline parses it in its batch, where it costs less than a call of its own).
    """
    if not statements:
        return []
    if statement_docs is None:
        from ..nlp import parse_many

        statement_docs = list(parse_many(statements))
    if article_events is None:
        article_events = code_doc(article_doc, published=article.published)
    if title_doc is None and article.title:
        from ..nlp import parse

        title_doc = parse(article.title)
    with one_article():  # the names it repeats are read once (``units.one_article``)
        index = build_index(article_doc, title_doc=title_doc, published=article.published)
        return [
            check
            for check, _ in assess_parsed(
                article.text, index, statements, statement_docs, article_events=article_events
            )
        ]


def assess_parsed(
    article_text: str,
    index: ArticleIndex,
    statements: Sequence[str],
    statement_docs: Sequence[Any],
    *,
    article_events: Sequence[Event] | None = None,
) -> list[tuple[StatementCheck, dict[str, float]]]:
    """Each statement's verdict with the features it was scored on (``verdict.features``).

    The model judges all statements about the article in one batched call. The features let
    ``flashpoint bench claims --fit`` choose the verdict settings without re-running the model.
    """
    judgements: list[Judgement | None] = list(
        judge_many([s.text for s in index.sentences], statement_docs, article_names(index), title=index.title)
        if index.sentences else [None] * len(statements)
    )
    return [
        _assess(article_text, index, text, doc, judgement, article_events=article_events)
        for text, doc, judgement in zip(statements, statement_docs, judgements)
    ]


def check_parsed(
    article_text: str,
    index: ArticleIndex,
    statement: str,
    statement_doc: Any,
    judgement: Judgement | None,
    *,
    article_events: Sequence[Event] | None = None,
) -> StatementCheck:
    """Check one parsed statement against an already indexed article and its model judgement."""
    return _assess(article_text, index, statement, statement_doc, judgement, article_events=article_events)[0]


def _assess(
    article_text: str,
    index: ArticleIndex,
    statement: str,
    statement_doc: Any,
    judgement: Judgement | None,
    *,
    article_events: Sequence[Event] | None = None,
) -> tuple[StatementCheck, dict[str, float]]:
    if not index.sentences or not statement.strip() or judgement is None:
        return StatementCheck(statement, "not_in_source", 0.0, None, "the article has no text to check against"), {}
    comparison = compare(index, statement_doc)
    check = decide(article_text, statement, comparison, judgement, index.sentences, article_events=article_events)
    if check.verdict == "not_in_source" and article_events is not None:
        # The statement's own events shape only a not_in_source reason (the event the article
        # never reports): they are coded for that verdict alone, which they cannot change.
        check = decide(
            article_text, statement, comparison, judgement, index.sentences,
            statement_events=code_doc(statement_doc), article_events=article_events,
        )
    return check, features(judgement, comparison)


def check_many(
    pairs: Iterable[tuple[str, str]], *, published: dt.date | None = None
) -> list[StatementCheck]:
    """Check ``(article_text, statement)`` pairs, parsing and indexing each distinct article once.

    For batch checking (``flashpoint check --input pairs.jsonl``): pairs that share an article
    share its parse, its index and its coded events. Results come back in input order.
    """
    from ..nlp import parse_many
    from ..records import content_id

    items = list(pairs)
    order: dict[str, list[int]] = {}
    for i, (article_text, _) in enumerate(items):
        order.setdefault(article_text, []).append(i)
    texts = list(order)
    statements = [items[i][1] for t in texts for i in order[t]]
    # an article as the user gave it may open with a wire dateline the page reader would have
    # taken off: blanked, never cut, so offsets into the given text hold
    docs = parse_many([*map(blank_lead_dateline, texts), *statements])
    article_docs = [next(docs) for _ in texts]
    results: list[StatementCheck | None] = [None] * len(items)
    for text, article_doc in zip(texts, article_docs):
        idx = order[text]
        article = Article(id=content_id(text), text=text, published=published)
        checks = check_statements(
            article, article_doc, [items[i][1] for i in idx], statement_docs=[next(docs) for _ in idx]
        )
        for i, result in zip(idx, checks):
            results[i] = result
    return [r for r in results if r is not None]


def check_text(article_text: str, statement: str, *, published: dt.date | None = None) -> StatementCheck:
    """Check one statement against an article given as plain text (both parsed here)."""
    from ..nlp import parse_many
    from ..records import content_id

    article_doc, statement_doc = parse_many([blank_lead_dateline(article_text), statement])
    article = Article(id=content_id(article_text), text=article_text, published=published)
    return check_statements(article, article_doc, [statement], statement_docs=[statement_doc])[0]


__all__ = ["assess_parsed", "check_many", "check_parsed", "check_statements", "check_text"]

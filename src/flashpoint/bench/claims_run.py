"""Run labelled cases through the statement checker, as the pipeline would, and time it.

Each distinct article is cleaned (scraped pages only), parsed with its statements in one
``nlp.pipe`` batch, indexed once, and its statements assessed by ``claims.assess_parsed`` -- the
checker's own path, which returns the verdict and the features it was scored on. Timing covers
everything from the raw article to the verdicts (cleaning, parsing, the model, the explicit
checks), in one process with the model on one thread: ``statements_per_s`` is the figure for
"statements per second on one core including the article parse".
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..claims import assess_parsed
from ..claims.index import build_index
from ..nlp import get_nlp
from .claims_cases import Case

BATCH_SIZE = 32


@dataclass(frozen=True)
class Row:
    """A case with the checker's verdict, score and the features the score came from."""

    case: Case
    verdict: str
    score: float
    reason: str
    values: dict[str, float] | None  # None: the article had no sentences (never supported)


@dataclass(frozen=True)
class RunStats:
    rows: list[Row]
    seconds: float
    articles: int

    @property
    def statements_per_s(self) -> float:
        return len(self.rows) / self.seconds if self.seconds > 0 else float("inf")


def clean_article(text: str) -> str:
    """The article body the pipeline would check against (boilerplate removed)."""
    from ..ingest import read_text
    from ..records import Article

    item = read_text(text)
    return item.text if isinstance(item, Article) and item.text.strip() else text


def run(cases: Sequence[Case]) -> RunStats:
    """Check every case, each distinct article parsed and indexed once; time the whole run."""
    nlp = get_nlp()
    from ..claims.model import load

    load()  # the model session and the place tables are loaded once per process, before the clock
    build_index(nlp("Officials in Paris met on Monday."))
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, case in enumerate(cases):
        by_article[case.article].append(i)
    rows: list[Row | None] = [None] * len(cases)
    start = time.perf_counter()
    for article, idx in by_article.items():
        body = clean_article(article) if cases[idx[0]].clean else article
        statements = [cases[i].statement for i in idx]
        docs = list(nlp.pipe([body, *statements], batch_size=BATCH_SIZE))
        index = build_index(docs[0])
        for i, (check, values) in zip(idx, assess_parsed(body, index, statements, docs[1:])):
            rows[i] = Row(cases[i], check.verdict, check.score, check.reason, values)
    seconds = time.perf_counter() - start
    return RunStats([r for r in rows if r is not None], seconds, len(by_article))


__all__ = ["Row", "RunStats", "clean_article", "run"]

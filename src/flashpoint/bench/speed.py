"""Speed of the whole analysis against the spaCy ceiling on the same text, in one run.

The ceiling is plain ``nlp.pipe`` over the article bodies: no coder, no checker. The ratio
says how much Flashpoint's own stages cost on top of parsing.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from pathlib import Path

from .. import ingest
from ..nlp import get_nlp
from ..pipeline import analyze_many
from ..records import Article


@dataclass(frozen=True)
class SpeedReport:
    articles: int
    words: int
    statements: int
    spacy_seconds: float
    flashpoint_seconds: float
    repeat: int

    @property
    def spacy_words_per_s(self) -> float:
        return self.words * self.repeat / self.spacy_seconds

    @property
    def flashpoint_words_per_s(self) -> float:
        return self.words * self.repeat / self.flashpoint_seconds

    @property
    def ms_per_article(self) -> float:
        return 1000 * self.flashpoint_seconds / (self.articles * self.repeat)

    @property
    def ratio(self) -> float:
        return self.flashpoint_words_per_s / self.spacy_words_per_s

    def to_dict(self) -> dict[str, float | int]:
        data: dict[str, float | int] = asdict(self)
        data.update(
            spacy_words_per_s=round(self.spacy_words_per_s),
            flashpoint_words_per_s=round(self.flashpoint_words_per_s),
            ms_per_article=round(self.ms_per_article, 1),
            ratio_to_spacy=round(self.ratio, 3),
        )
        return data


def measure(corpus: str | Path, *, repeat: int = 3) -> SpeedReport:
    """Time ``analyze_many`` and plain ``nlp.pipe`` on the articles of ``corpus``.

    Ingest (reading, cleaning) is done once beforehand and not timed: both sides get the
    same cleaned texts. The model is loaded and warmed up before timing.
    """
    articles = [a for a in ingest.read_path(corpus) if isinstance(a, Article)]
    if not articles:
        raise ValueError(f"no articles in {corpus}")
    nlp = get_nlp()
    texts = [a.text for a in articles]
    list(nlp.pipe(texts[:2]))  # warm-up
    list(analyze_many(articles[:2]))

    started = time.perf_counter()
    for _ in range(repeat):
        for _doc in nlp.pipe(texts, batch_size=32):
            pass
    spacy_seconds = time.perf_counter() - started

    started = time.perf_counter()
    for _ in range(repeat):
        for _result in analyze_many(articles):
            pass
    flashpoint_seconds = time.perf_counter() - started

    return SpeedReport(
        articles=len(articles),
        words=sum(len(t.split()) for t in texts),
        statements=sum(len(a.statements) for a in articles),
        spacy_seconds=spacy_seconds,
        flashpoint_seconds=flashpoint_seconds,
        repeat=repeat,
    )

"""Speed of the whole analysis against the spaCy ceiling on the same text, in one run.

The ceiling is plain ``nlp.pipe`` with spaCy's pipeline as the model package ships it
(``nlp.plain_pipeline``: none of Flashpoint's own components, whose cost is Flashpoint's), no
coder, no checker, over exactly the texts ``analyze`` parses (``pipeline.texts_to_parse``: each body, the
title of an article with statements, each statement), in the same batches
(``pipeline.article_batches``): the ratio says how much Flashpoint's own stages cost on top of
that parse. The older ceiling, the bodies alone in batches of 32, is timed too and printed
beside it (``bodies_ratio``). It is no fairer and not always harder: it leaves the parse of
titles and statements on flashpoint's side, but on long articles its batches of 32 cost more
CPU than ``analyze``'s batches of ~8 (100 CNN/DM articles, 2026-12-05: 9.7 s at 32, 8.4 s at 8).
The figures are the steady state of a long ingest: each side first makes one untimed pass
over the corpus, so that what either loads once per process (the spaCy model on one side; the
statement model, the gazetteer and the rule tables on the other, ~0.7 s) is not counted in the
passes that are timed. That one-time cost is reported apart (``first_pass_seconds``).

Every pass reads the corpus as new: the statement model's memo of scored pairs
(``claims.model.Scorer.memo``) is emptied before each flashpoint pass, else a pass after the
first would find every pair scored and the model, a fifth of the work on ``examples/``, would
cost nothing; a real corpus seldom repeats a (premise, claim) pair. Caches over the vocabulary
(``actors.text.key_of`` of table aliases, ``singular``) are kept: a long ingest has them filled as
well. So is the parse's table of the answers of spaCy's attribute ruler (``token_rules``: per
word class, tag and dependency; the classes of at most 100,000 lowercase forms); on texts never
seen it costs a third of what the ruler costs. So is its table of the lemmatizer's answers
(``lemma_table``: per form, part of speech, tag and morphology, at most 50,000): on 100 CNN/DM
articles never seen (63,434 tokens, 2026-12-05) it cost 0.94 CPU-s where spaCy's lemmatizer with
its own cache emptied cost 1.11, and 0.04 when they were read again. A cache of whole
mention texts would need emptying per pass too: on 100 CNN/DM articles only 3% of the texts the
actor reader cuts recur within a pass (2026-12-05), so none is kept.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from pathlib import Path

from .. import ingest
from ..claims.model import Usage
from ..claims.model import load as load_statement_model
from ..nlp import plain_pipeline
from ..pipeline import StageSeconds, analyze_many, article_batches, texts_to_parse
from ..records import Article


@dataclass(frozen=True)
class SpeedReport:
    """Seconds of ``repeat`` timed passes per side: wall clock and the process's CPU time, and
    flashpoint's CPU time by stage. ``spacy_*`` is plain spaCy on the texts flashpoint parses
    (``parsed_texts`` of them), ``bodies_*`` plain spaCy on the article bodies alone.

    The CPU ratio is the one to trust on a shared machine: wall time also counts the moments
    other processes held the core, and they fall unevenly on the two sides.
    """

    articles: int
    words: int
    statements: int
    spacy_seconds: float
    flashpoint_seconds: float
    repeat: int
    first_pass_seconds: float
    spacy_cpu_seconds: float
    flashpoint_cpu_seconds: float
    # the flashpoint passes' CPU seconds by stage (``pipeline.StageSeconds``)
    parse_cpu_seconds: float
    code_cpu_seconds: float
    check_cpu_seconds: float
    parsed_texts: int
    bodies_seconds: float
    bodies_cpu_seconds: float
    # of the checking: the statement model's runs (``claims.model.Usage``) in the timed passes
    model_runs: int = 0
    model_cpu_seconds: float = 0.0

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

    @property
    def cpu_ratio(self) -> float:
        return self.spacy_cpu_seconds / self.flashpoint_cpu_seconds

    @property
    def bodies_ratio(self) -> float:
        """Wall-clock ratio against spaCy on the bodies alone in batches of 32 (the older ceiling)."""
        return self.bodies_seconds / self.flashpoint_seconds

    @property
    def bodies_cpu_ratio(self) -> float:
        return self.bodies_cpu_seconds / self.flashpoint_cpu_seconds

    def to_dict(self) -> dict[str, float | int]:
        data: dict[str, float | int] = asdict(self)
        data.update(
            spacy_words_per_s=round(self.spacy_words_per_s),
            flashpoint_words_per_s=round(self.flashpoint_words_per_s),
            ms_per_article=round(self.ms_per_article, 1),
            ratio_to_spacy=round(self.ratio, 3),
            cpu_ratio_to_spacy=round(self.cpu_ratio, 3),
            ratio_to_spacy_bodies=round(self.bodies_ratio, 3),
            cpu_ratio_to_spacy_bodies=round(self.bodies_cpu_ratio, 3),
        )
        return data


def measure(corpus: str | Path, *, repeat: int = 3) -> SpeedReport:
    """Time ``analyze_many`` and plain ``nlp.pipe`` on the articles of ``corpus``.

    Ingest (reading, cleaning) is done once beforehand and not timed: every side gets the
    same cleaned texts. Each side first runs once over the whole corpus untimed (the
    warm-up, see the module's docstring); flashpoint's warm-up pass is timed on its own as
    ``first_pass_seconds``, which includes loading everything it reads lazily. The timed
    passes alternate between the sides, so that a change in the machine's load falls on all.
    """
    articles = [a for a in ingest.read_path(corpus) if isinstance(a, Article)]
    if not articles:
        raise ValueError(f"no articles in {corpus}")
    nlp = plain_pipeline()
    bodies = [a.text for a in articles]
    # what analyze_many parses, batch by batch
    batches = [
        [text for text, _ in texts_to_parse([a for a in batch if isinstance(a, Article)])]
        for batch in article_batches(articles)
    ]

    def spacy_pass() -> None:
        for texts in batches:
            for _doc in nlp.pipe(texts, batch_size=max(len(texts), 1)):
                pass

    def bodies_pass() -> None:
        for _doc in nlp.pipe(bodies, batch_size=32):
            pass

    stages = StageSeconds()

    def flashpoint_pass() -> None:
        if any(a.statements for a in articles):
            load_statement_model().memo.clear()  # see the module's docstring
        for _result in analyze_many(articles, stage_seconds=stages):
            pass

    spacy_pass()  # warm-up
    bodies_pass()
    started = time.perf_counter()
    flashpoint_pass()  # warm-up: loads the lazily read models and tables
    first_pass_seconds = time.perf_counter() - started
    stages.parse = stages.code = stages.check = 0.0  # the timed passes' only
    usage = load_statement_model().usage if any(a.statements for a in articles) else Usage()
    runs_before, model_before = usage.runs, usage.cpu_seconds

    wall = {spacy_pass: 0.0, flashpoint_pass: 0.0, bodies_pass: 0.0}
    cpu = dict(wall)
    for _ in range(repeat):
        for run in (spacy_pass, flashpoint_pass, bodies_pass):
            wall_started, cpu_started = time.perf_counter(), time.process_time()
            run()
            wall[run] += time.perf_counter() - wall_started
            cpu[run] += time.process_time() - cpu_started

    return SpeedReport(
        articles=len(articles),
        words=sum(len(t.split()) for t in bodies),
        statements=sum(len(a.statements) for a in articles),
        spacy_seconds=wall[spacy_pass],
        flashpoint_seconds=wall[flashpoint_pass],
        repeat=repeat,
        first_pass_seconds=first_pass_seconds,
        spacy_cpu_seconds=cpu[spacy_pass],
        flashpoint_cpu_seconds=cpu[flashpoint_pass],
        parse_cpu_seconds=stages.parse,
        code_cpu_seconds=stages.code,
        check_cpu_seconds=stages.check,
        parsed_texts=sum(len(b) for b in batches),
        bodies_seconds=wall[bodies_pass],
        bodies_cpu_seconds=cpu[bodies_pass],
        model_runs=usage.runs - runs_before,
        model_cpu_seconds=usage.cpu_seconds - model_before,
    )

"""The one path from an article to its coded events and checked statements.

``analyze_many`` is the stage function every surface calls: the CLI, the corpus ingest, the
API and each Dask partition. It parses an article's body and its appended statements in the
same ``nlp.pipe`` batch (one forward pass for both), codes events on the body, and checks the
statements against the body. Everything else here is a thin convenience over it.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from . import ingest
from .claims import check_many as _check_many
from .claims import check_statements, check_text
from .events import code_doc
from .nlp import get_nlp, parse, parse_with_context
from .records import Analysis, Article, Event, Skipped, StatementCheck, internal_error

DEFAULT_BATCH_SIZE = 32
# A batch also closes at this many characters of text: a parsed batch is held whole, and 32
# real articles of ~550 words took a one-process ingest to 0.9 GB where 8 took 0.65 GB (100
# `synth --words 550` reports, 2026-12-04); 32 short reports (~450 characters) stay one batch.
BATCH_CHARS = 24_000


@dataclass
class StageSeconds:
    """CPU seconds ``analyze_many`` spent in each stage in this process: the shared parse of
    bodies, titles and statements, event coding, statement checking. ``flashpoint bench speed``
    prints them, so a change of speed can be placed in its stage."""

    parse: float = 0.0
    code: float = 0.0
    check: float = 0.0


def analyze(
    text: str,
    *,
    published: dt.date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    kind: str = "auto",
) -> Analysis:
    """Analyse one page given as a string (scraped text, HTML or a JSON record).

    ``kind`` is ``"auto"`` (sniffed), ``"text"``, ``"html"`` or ``"json"``.
    """
    try:
        item = ingest.read_bytes(
            text.encode("utf-8", "surrogatepass"),  # lone surrogates: decoded as damage, noted
            kind=kind, published=published, title=title, url=url, source=source,
        )
    except Exception as e:  # noqa: BLE001 - a reader bug is this input's skip, as in a batch
        item = internal_error("read", e, url)
    return analyze_article(item) if isinstance(item, Article) else Analysis(None, skipped=item)


def analyze_article(article: Article) -> Analysis:
    """Analyse one already-ingested article."""
    return next(analyze_many([article]))


def analyze_many(
    items: Iterable[Article | Skipped],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
    stage_seconds: StageSeconds | None = None,
) -> Iterator[Analysis]:
    """Analyse a stream of ingested items, yielding one ``Analysis`` per item, in input order.

    Memory stays bounded: items are consumed ``batch_size`` at a time, fewer when they reach
    ``BATCH_CHARS`` characters. With ``n_process > 1``
    batches run in worker processes (each loads the spaCy model once) and at most
    ``2 * n_process`` batches are in flight. ``stage_seconds``, when given, accumulates the CPU
    time of each stage run in this process (so nothing with ``n_process > 1``).
    """
    batches = article_batches(items, batch_size)
    if n_process <= 1:
        for batch in batches:
            yield from _analyze_batch(batch, stage_seconds)
        return
    pool = ProcessPoolExecutor(max_workers=n_process, initializer=_warm_worker)
    pending: list[tuple[Any, list[Article | Skipped]]] = []

    def next_results() -> list[Analysis]:
        nonlocal pool, pending
        future, batch = pending.pop(0)
        results, broken = _collect(future, batch)
        if broken:  # the batches queued on the dead pool are innocent: run them again
            pool.shutdown(cancel_futures=True)
            pool = ProcessPoolExecutor(max_workers=n_process, initializer=_warm_worker)
            pending = [(pool.submit(_analyze_batch_list, b), b) for _, b in pending]
        return results

    finished = False
    try:
        for batch in batches:
            pending.append((pool.submit(_analyze_batch_list, batch), batch))
            if len(pending) >= 2 * n_process:
                yield from next_results()
        while pending:
            yield from next_results()
        finished = True
    finally:
        if finished:
            pool.shutdown(cancel_futures=True)
        else:
            _stop_workers(pool)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """End an interrupted run's workers now (Ctrl-C, an error, a consumer that stopped
    reading): ``shutdown`` alone waits for the batches in flight, which on long articles under
    load kept an interrupted ingest running for a minute and left its workers orphaned when
    the user then killed it. Their results would be thrown away anyway; the store only ever
    holds what was committed. Python 3.11 has no public way to end a pool's processes (3.14
    adds ``terminate_workers``), hence the private ``_processes``."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)


def _collect(future: Any, batch: list[Article | Skipped]) -> tuple[list[Analysis], bool]:
    """A worker batch's results, and whether the pool broke. If the worker died (killed, out
    of memory), the batch's articles become ``internal_error`` skips."""
    try:
        return future.result(), False
    except Exception as e:  # noqa: BLE001 - BrokenProcessPool, unpicklable results, ...
        skips = [
            Analysis(article=None, skipped=item if isinstance(item, Skipped)
                     else internal_error("analyse", e, item.origin))
            for item in batch
        ]
        return skips, isinstance(e, BrokenProcessPool)


def code(text: str, *, published: dt.date | str | None = None) -> list[Event]:
    """Code the events of a sentence or paragraph as given (no boilerplate cleaning)."""
    return code_doc(parse(text), published=_as_date(published))


def check(
    article_text: str, statement: str, *, published: dt.date | str | None = None
) -> StatementCheck:
    """Check one statement against an article's text."""
    return check_text(article_text, statement, published=_as_date(published))


def check_many(
    pairs: Iterable[tuple[str, str]], *, published: dt.date | str | None = None
) -> list[StatementCheck]:
    """Check ``(article_text, statement)`` pairs in input order, parsing each article once."""
    return _check_many(pairs, published=_as_date(published))


def default_workers() -> int:
    """Worker processes to use by default: one per available core."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def release_models() -> None:
    """Let go of the models this process loaded (the spaCy pipeline, the statement model's
    ONNX session, the language identifier) and hand the freed heap back to the system, so
    that work which needs none of them, such as a large ingest's final update of the derived
    tables, does not add its memory to theirs. A later analysis loads them again (~1-2 s)."""
    import gc

    from . import nlp
    from .claims import model
    from .ingest import language

    nlp.release()
    model.release()
    language.release()
    gc.collect()
    _trim_heap()


def _trim_heap() -> None:
    """glibc keeps freed memory in its arenas; ``malloc_trim`` returns it (elsewhere a no-op)."""
    import ctypes
    import sys

    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6").malloc_trim(0)
        except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
            pass


# --- internals -------------------------------------------------------------------------------


def _analyze_batch(
    batch: Sequence[Article | Skipped], stage_seconds: StageSeconds | None = None
) -> Iterator[Analysis]:
    """Parse bodies and statements of a batch in one ``nlp.pipe`` pass, then code and check.

    Fault isolation: an exception while analysing one article becomes that article's
    ``internal_error`` skip and the rest of the batch goes on. If the batched parse itself
    fails, the batch is parsed again one article at a time, so only the culprit is lost.
    """
    batch = [_refuse_oversized(item) for item in batch]
    articles = [item for item in batch if isinstance(item, Article)]
    started = time.process_time()
    try:
        parsed = _parse_articles(articles)
    except Exception:  # noqa: BLE001 - isolate the article that broke the shared pass
        parsed = []
        for article in articles:
            try:
                parsed.extend(_parse_articles([article]))
            except Exception as e:  # noqa: BLE001
                parsed.append(e)
    if stage_seconds is not None:
        stage_seconds.parse += time.process_time() - started
    a_idx = 0
    for item in batch:
        if isinstance(item, Skipped):
            yield Analysis(article=None, skipped=item)
            continue
        docs = parsed[a_idx]
        a_idx += 1
        if isinstance(docs, Exception):
            yield Analysis(article=None, skipped=internal_error("analyse", docs, item.origin))
            continue
        try:
            yield _analyze_parsed(item, *docs, stage_seconds=stage_seconds)
        except Exception as e:  # noqa: BLE001 - one article's bug must not cost the batch
            yield Analysis(article=None, skipped=internal_error("analyse", e, item.origin))


_BODY, _TITLE = -1, -2  # the context of an article's body and title in a batch's parse


def texts_to_parse(articles: Sequence[Article]) -> list[tuple[str, tuple[int, int]]]:
    """Every text the analysis of ``articles`` parses, with its place: ``(article index,
    _BODY | _TITLE | statement index)``. The body always; the title only when there are
    statements (the checker reads it; the coder does not); each statement. The one list of what
    is parsed: the batch's ``nlp.pipe`` pass reads it, and ``flashpoint bench speed`` gives
    plain spaCy exactly these texts."""
    texts: list[tuple[str, tuple[int, int]]] = []
    for a_idx, article in enumerate(articles):
        texts.append((article.text, (a_idx, _BODY)))
        if article.statements and article.title:
            texts.append((article.title, (a_idx, _TITLE)))
        texts.extend((s, (a_idx, s_idx)) for s_idx, s in enumerate(article.statements))
    return texts


def _parse_articles(articles: Sequence[Article]) -> list[tuple[Any, list[Any], Any] | Exception]:
    """``(body doc, statement docs, title doc)`` of each article, parsed in one ``nlp.pipe``
    pass over ``texts_to_parse``; the title doc is ``None`` when the title is not parsed."""
    texts = texts_to_parse(articles)
    bodies: dict[int, Any] = {}
    titles: dict[int, Any] = {}
    statement_docs: dict[int, list[Any]] = {i: [] for i in range(len(articles))}
    for doc, (a_idx, s_idx) in parse_with_context(texts, batch_size=max(len(texts), 1)):
        if s_idx == _BODY:
            bodies[a_idx] = doc
        elif s_idx == _TITLE:
            titles[a_idx] = doc
        else:
            statement_docs[a_idx].append(doc)
    return [(bodies[i], statement_docs[i], titles.get(i)) for i in range(len(articles))]


def _analyze_parsed(
    article: Article,
    doc: Any,
    statement_docs: list[Any],
    title_doc: Any,
    *,
    stage_seconds: StageSeconds | None = None,
) -> Analysis:
    started = time.process_time()
    events = code_doc(doc, published=article.published)
    coded = time.process_time()
    checks = check_statements(
        article, doc, article.statements, statement_docs=statement_docs, article_events=events,
        title_doc=title_doc,
    )
    if stage_seconds is not None:
        stage_seconds.code += coded - started
        stage_seconds.check += time.process_time() - coded
    return Analysis(article=article, events=tuple(events), statements=tuple(checks))


def _refuse_oversized(item: Article | Skipped) -> Article | Skipped:
    """An article longer than spaCy's ``max_length`` becomes a skip instead of an E088 crash."""
    if isinstance(item, Skipped):
        return item
    limit = get_nlp().max_length
    texts = (item.text, *item.statements, item.title or "")
    if all(len(text) <= limit for text in texts):
        return item
    return Skipped(
        reason="too_large",
        detail=f"{len(item.text):,} characters of text; the NLP model takes at most {limit:,}",
        origin=item.origin,
    )


def _analyze_batch_list(batch: Sequence[Article | Skipped]) -> list[Analysis]:
    return list(_analyze_batch(batch))


def _warm_worker() -> None:
    """Each worker: die with the parent (so a ``kill -9`` of an ingest leaves no worker
    parsing on for nobody), then load the spaCy model once."""
    _die_with_parent()
    get_nlp()


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _die_with_parent() -> None:
    """Ask Linux to send this process SIGTERM when its parent dies; elsewhere a no-op."""
    import sys

    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)


def article_batches(
    items: Iterable[Article | Skipped], size: int = DEFAULT_BATCH_SIZE, max_chars: int = BATCH_CHARS
) -> Iterator[list[Article | Skipped]]:
    """Batches of at most ``size`` items that stop once they hold ``max_chars`` characters of
    text (article and statements); an article longer than that is a batch of its own. Each is
    parsed in one ``nlp.pipe`` pass (``analyze_many``; ``flashpoint bench speed`` parses the
    same batches for plain spaCy)."""
    batch: list[Article | Skipped] = []
    chars = 0
    for item in items:
        batch.append(item)
        if isinstance(item, Article):
            chars += len(item.text) + sum(len(s) for s in item.statements)
        if len(batch) >= max(size, 1) or chars >= max_chars:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return ingest.parse_published(value)

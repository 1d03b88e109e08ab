"""Every kind of real text in ../shared goes through ``analyze`` (with ``check`` of its
statements) and ``code`` without an exception (issue 10).

Documents (FRANK and SummEdits articles, the claims training documents, the development pages)
are analysed with their summary appended as a statement, so one pass exercises ingest,
coding and statement checking; sentences (ConfliBERT, PLOVER, CASE 2021 snippets, VOA quotes)
are coded. CI time is kept to a few minutes: the default test takes an evenly spaced sample
of each source (``SAMPLE_DOCS`` documents, ``SAMPLE_SENTENCES`` sentences); the ``slow`` test
takes every distinct sentence and a larger document sample. Skipped with the reason when
../shared is absent. Nothing here is copied into the project: it is read where it lies.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from flashpoint import ingest, pipeline
from flashpoint.records import Article

SAMPLE_DOCS = 6
SAMPLE_SENTENCES = 40
SLOW_DOCS = 40

DOC_SOURCES = ("frank", "summedits", "claims_train", "pages")
SENTENCE_SOURCES = ("conflibert", "plover", "case2021", "voa_quotes")


def _spaced(items: list, n: int | None) -> list:
    """``n`` items spread evenly over ``items`` (all of them when ``n`` is None)."""
    if n is None or len(items) <= n:
        return items
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def _jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def documents(shared: Path, source: str, n: int | None) -> list[tuple[str, str, str]]:
    """``(origin, text, statement)`` of distinct documents of one source."""
    bench = shared / "benchmarks"
    rows: list[tuple[str, str, str]] = []
    if source == "frank":
        data = json.loads((bench / "claims" / "frank_cnndm.json").read_text(encoding="utf-8"))
        rows = [(f"frank:{r['hash']}", r["article"], r["summary"]) for r in data]
    elif source == "summedits":
        data = json.loads((bench / "claims" / "summedits_news_tune.json").read_text(encoding="utf-8"))
        rows = [(f"summedits:{r['id']}", r["doc"], r["summary"]) for r in data]
    elif source == "claims_train":
        for path in sorted((bench / "claims" / "train").glob("*.jsonl")):
            file_rows = [r for r in _jsonl(path) if isinstance(r.get("doc"), str)]
            picked = _spaced(file_rows, None if n is None else max(1, n // 2))
            rows += [(f"{path.name}:{i}", r["doc"], str(r.get("summary") or r.get("claim") or ""))
                     for i, r in enumerate(picked)]
        return rows
    elif source == "pages":
        return [(p.name, p.read_text(encoding="utf-8", errors="replace"), "")
                for p in sorted((bench / "pages").glob("d*.*"))]
    seen: dict[str, tuple[str, str, str]] = {}
    for row in rows:
        seen.setdefault(row[1], row)
    return _spaced(list(seen.values()), n)


def sentences(shared: Path, source: str, n: int | None) -> list[str]:
    """Distinct sentences of one source."""
    events = shared / "benchmarks" / "events"
    if source == "conflibert":
        texts = []
        for name in ("conflibert_cameo_class_train.tsv", "conflibert_cameo_class_test.tsv"):
            with (events / name).open(encoding="utf-8") as handle:
                texts += [line.split("\t")[0] for line in handle if line.strip()]
    elif source == "plover":
        data = json.loads((events / "plover_gsr_cameo.json").read_text(encoding="utf-8"))
        texts = [r["text"] for r in data[1:] if isinstance(r.get("text"), str)]
    elif source == "case2021":
        with (events / "case2021_task2_dev.tsv").open(encoding="utf-8", newline="") as handle:
            texts = [r["text"] for r in csv.DictReader(handle, delimiter="\t")]
    else:
        texts = [r["quote"] for r in _jsonl(events / "ngec_voa_quotes_dev.jsonl")]
    return _spaced(list(dict.fromkeys(t for t in texts if t.strip())), n)


def _analyse_documents(docs: list[tuple[str, str, str]]) -> None:
    items = []
    for origin, text, statement in docs:
        if origin.endswith((".html", ".xml", ".json", ".txt")):  # a development page file
            kind = {".html": "html", ".xml": "feed", ".json": "json"}.get(Path(origin).suffix, "text")
            items += list(ingest.read_bytes_many(text.encode("utf-8"), origin=origin, kind=kind))
        else:
            record = {"text": text, "statements": [statement] if statement else []}
            items.append(ingest.read_json_record(record, origin=origin))
    results = list(pipeline.analyze_many(items))
    assert len(results) == len(items)
    failures = [r.skipped for r in results if r.skipped and r.skipped.reason == "internal_error"]
    assert failures == []
    for item, result in zip(items, results, strict=True):
        if isinstance(item, Article) and result.article is not None:
            assert len(result.statements) == len(item.statements)
            for event in result.events:
                span = event.evidence
                assert item.text[span.start : span.end] == span.text


def _code_sentences(texts: list[str]) -> None:
    for text in texts:
        for event in pipeline.code(text):  # raises on a bug: the test names the sentence
            assert text[event.evidence.start : event.evidence.end] == event.evidence.text


@pytest.mark.shared
@pytest.mark.parametrize("source", DOC_SOURCES)
def test_robustness_shared_documents_analyse_and_check(shared_dir: Path, source: str) -> None:
    _analyse_documents(documents(shared_dir, source, SAMPLE_DOCS))


@pytest.mark.shared
@pytest.mark.parametrize("source", SENTENCE_SOURCES)
def test_robustness_shared_sentences_code(shared_dir: Path, source: str) -> None:
    _code_sentences(sentences(shared_dir, source, SAMPLE_SENTENCES))


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize("source", SENTENCE_SOURCES)
def test_robustness_shared_every_sentence_codes(shared_dir: Path, source: str) -> None:
    _code_sentences(sentences(shared_dir, source, None))


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize("source", DOC_SOURCES)
def test_robustness_shared_more_documents_analyse(shared_dir: Path, source: str) -> None:
    _analyse_documents(documents(shared_dir, source, SLOW_DOCS))

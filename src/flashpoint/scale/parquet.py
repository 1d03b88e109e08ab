"""Analyses to hive-partitioned Parquet and back, losslessly.

Workers never write DuckDB (one writer per file); they write Parquet, and one loader reads it
back. The round trip must be lossless so that the loader can hand the *same* ``Analysis``
records to the same store code as the local path: every field of every record type is a
column here (nested records are flattened: ``source_code``, ``evidence_start`` ...).

Layout, one directory per table, partitioned by the article's publication date::

    out/articles/day=2023-12-27/part-<key>.parquet
    out/events/day=2023-12-27/part-<key>.parquet
    out/statements/day=2023-12-27/part-<key>.parquet
    out/skips/day=__HIVE_DEFAULT_PARTITION__/part-<key>.parquet
    out/signatures/day=2023-12-27/part-<key>.parquet   (MinHash per article, for stories)

With ``granularity="month"`` the directories are ``month=2023-12`` (fewer, larger files for a
sparse corpus spread over years). Rows of one article share its date (events included: they
are what was *reported* that day; an event's own date is a column). Undated articles and all
skips go to Hive's default partition, which DuckDB reads as NULL. ``<key>`` is a hash of the partition's input
content, so a retried or repeated task overwrites its own files instead of adding new ones;
each file is written to a temporary name and renamed, so a killed writer leaves no half file
under a final name. ``part``/``pos`` columns keep the input order of the local path.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa
import pyarrow.parquet as pq

from ..columns import (
    ARTICLES,
    EVENTS,
    PART,
    POS,
    SIGNATURES,
    SKIPS,
    STATEMENTS,
    from_row,
)
from ..errors import InputError
from ..records import Analysis, Event, StatementCheck

Granularity = Literal["day", "month"]
SPEC = {s.table: s for s in (ARTICLES, EVENTS, STATEMENTS, SKIPS, SIGNATURES)}
TABLES = tuple(SPEC)
UNDATED = "__HIVE_DEFAULT_PARTITION__"
# The Hive key of a partition directory (the article's publication day or month). No column
# may bear it: a Hive reader (DuckDB's read_parquet) replaces a column by the directory value,
# so version 1's ``date=`` directories hid the events' own ``date`` from such readers.
PARTITION_COLUMNS: dict[str, str] = {"day": "day", "month": "month"}
# The Parquet layout, derived from the column specs (``flashpoint.columns``): version 2 since the
# specs replaced the hand-kept layout of version 1 (``migrate`` rewrites version-1 output).
SCHEMAS: dict[str, pa.Schema] = {t: spec.arrow_schema("parquet") for t, spec in SPEC.items()}
LAYOUT_VERSION = 2
# A signature row's article id and MinHash bytes (its key and its one BLOB column).
_SIGNATURE_KEY = SIGNATURES.primary_key[0]
_SIGNATURE_BYTES = next(c.name for c in SIGNATURES.columns if c.type == "BLOB")


def date_key(published: dt.date | None, *, granularity: Granularity = "day") -> str:
    """The Hive partition value of a publication date (``2023-12-27`` or ``2023-12``)."""
    if published is None:
        return UNDATED
    text = published.isoformat()
    return text if granularity == "day" else text[:7]


def to_rows(
    analyses: Iterable[Analysis],
    *,
    part: int,
    granularity: Granularity = "day",
    signatures: Mapping[str, bytes] | None = None,
) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Flatten analyses into ``{table: {date_key: [row, ...]}}``; ``pos`` is the input position.

    ``signatures`` maps article id to its MinHash bytes; articles without one get no row.
    """
    signatures = signatures or {}
    rows: dict[str, dict[str, list[dict[str, Any]]]] = {t: defaultdict(list) for t in TABLES}
    for pos, analysis in enumerate(analyses):
        if analysis.article is None:
            skip = analysis.skipped
            assert skip is not None, "an Analysis has an article or a skip"
            rows["skips"][UNDATED].append(SKIPS.row("parquet", skip, part=part, pos=pos))
            continue
        article = analysis.article
        key = date_key(article.published, granularity=granularity)
        rows["articles"][key].append(ARTICLES.row("parquet", article, part=part, pos=pos))
        if article.id in signatures:
            rows["signatures"][key].append(SIGNATURES.row(
                "parquet", None, part=part, pos=pos, article_id=article.id,
                published=article.published, minhash=signatures[article.id],
            ))
        for idx, event in enumerate(analysis.events):
            rows["events"][key].append(
                EVENTS.row("parquet", event, part=part, pos=pos, article_id=article.id, idx=idx)
            )
        for idx, check in enumerate(analysis.statements):
            rows["statements"][key].append(STATEMENTS.row(
                "parquet", check, part=part, pos=pos, article_id=article.id, idx=idx
            ))
    return rows


def write_partition(
    out: str | Path,
    key: str,
    analyses: Sequence[Analysis],
    *,
    part: int,
    granularity: Granularity = "day",
    signatures: Mapping[str, bytes] | None = None,
) -> list[Path]:
    """Write one partition's analyses under ``out``; return the final paths written.

    Every file is named ``part-<key>.parquet`` inside its table/date directory, written to a
    unique temporary name in the same directory and renamed (atomic on POSIX), so a retry of
    the same partition replaces its files and a crash never leaves a truncated final file.
    """
    out = Path(out)
    written: list[Path] = []
    for table, by_date in to_rows(
        analyses, part=part, granularity=granularity, signatures=signatures
    ).items():
        for date_value, rows in sorted(by_date.items()):
            if not rows:
                continue
            directory = out / table / f"{PARTITION_COLUMNS[granularity]}={date_value}"
            directory.mkdir(parents=True, exist_ok=True)
            final = directory / f"part-{key}.parquet"
            _write_file(pa.Table.from_pylist(rows, schema=SCHEMAS[table]), final)
            written.append(final)
    return written


def _write_file(data: pa.Table, final: Path) -> None:
    """Write ``data`` to a unique temporary name beside ``final``, then rename it (atomic)."""
    temp = final.parent / f".{final.stem}.{uuid.uuid4().hex}.tmp"
    try:
        pq.write_table(data, temp)
        os.replace(temp, final)
    finally:
        temp.unlink(missing_ok=True)


def migrate(out: str | Path) -> int:
    """Rewrite version-1 output under ``out`` in the current layout; returns files rewritten.

    Version 1 kept its own hand-written layout: ``date=`` directories, the event's date as
    ``event_date``, ``*_present`` flags beside nested records, ``quad_class`` as int8. Each
    file is rewritten atomically before its old copy is removed, so an interrupted migration
    is finished by the next call; output already in the current layout is left untouched.
    """
    root = Path(out)
    rewritten = 0
    for table in TABLES:
        schema = SCHEMAS[table]
        for file in sorted(root.glob(f"{table}/*/part-*.parquet")):
            hive, _, value = file.parent.name.partition("=")
            data = pq.read_table(file)
            if hive in PARTITION_COLUMNS.values() and sorted(data.schema.names) == sorted(schema.names):
                continue
            names = ["date" if n == "event_date" else n for n in data.column_names]
            data = data.rename_columns(names).select(schema.names).cast(schema)
            directory = root / table / f"{'day' if hive == 'date' else hive}={value}"
            directory.mkdir(parents=True, exist_ok=True)
            _write_file(data, directory / file.name)
            if directory != file.parent:
                file.unlink()
                if not any(file.parent.iterdir()):
                    file.parent.rmdir()
            rewritten += 1
    return rewritten


def parquet_glob(out: str | Path, table: str) -> str:
    """The glob DuckDB (or anyone) reads one table from: ``out/<table>/*/*.parquet``."""
    return str(Path(out) / table / "*" / "*.parquet")


def read_table(out: str | Path, table: str, *, files: Sequence[Path] | None = None) -> pa.Table:
    """Read one table of an output directory (all dates), in input order (part, pos, idx).

    ``files`` restricts it to those files (one partition's, from ``partition_files``). A file
    of another layout raises ``InputError`` (``migrate`` converts version-1 output).
    """
    if files is None:
        files = sorted(Path(out).glob(f"{table}/*/part-*.parquet"))
    if not files:
        return SCHEMAS[table].empty_table()
    data = pa.concat_tables(_read_file(f, table) for f in files)
    return data.sort_by([(name, "ascending") for name in SPEC[table].input_order])


def _read_file(path: Path, table: str) -> pa.Table:
    """One file's rows in the current layout. Columns are matched by name, so a file whose
    columns are the layout's in another order (written before a spec reordered them) reads
    the same; a file with other columns is of another layout version."""
    data = pq.read_table(path)
    schema = SCHEMAS[table]
    if sorted(data.schema.names) != sorted(schema.names):
        raise InputError("E117", path=path, version=LAYOUT_VERSION)
    return data.select(schema.names).cast(schema)


def partition_files(out: str | Path) -> dict[str, dict[str, list[Path]]]:
    """``{key: {table: [files]}}`` of every partition under ``out``, in input order.

    One directory walk for the whole output (a backfill has thousands of partitions spread
    over hundreds of date directories); the order is each partition's ``part`` index.
    """
    found: dict[str, dict[str, list[Path]]] = {}
    root = Path(out)
    for table in TABLES:
        for file in sorted(root.glob(f"{table}/*/part-*.parquet")):
            key = file.stem.removeprefix("part-")
            found.setdefault(key, {t: [] for t in TABLES})[table].append(file)
    index = {}
    for key, tables in found.items():
        first = next(files[0] for files in tables.values() if files)
        index[key] = pq.ParquetFile(first).read(columns=[PART]).column(PART)[0].as_py()
    return {key: found[key] for key in sorted(found, key=lambda k: (index[k], k))}


def partition_keys(out: str | Path) -> list[str]:
    """Keys of the partitions written under ``out``, in input order (their ``part`` index)."""
    return list(partition_files(out))


def read_analyses(out: str | Path) -> Iterator[Analysis]:
    """Rebuild the analyses of an output directory, in the local path's input order.

    Streams one partition at a time, so memory is bounded by the largest partition. Rows
    written twice under different keys (a directory reused for different inputs) come back
    twice: the store keeps the first, as it does for a re-ingest in the local path.
    """
    for analyses, _signatures in read_partitions(out):
        yield from analyses


def read_partitions(out: str | Path) -> Iterator[tuple[list[Analysis], dict[str, bytes]]]:
    """Each partition's analyses (input order) with the MinHash signatures its worker
    computed (article id -> bytes), one partition at a time: the loader hands both to the
    store's writer so that no signature is computed twice."""
    for files in partition_files(out).values():
        signatures = read_table(out, SIGNATURES.table, files=files[SIGNATURES.table])
        ids = signatures.column(_SIGNATURE_KEY).to_pylist()
        blobs = signatures.column(_SIGNATURE_BYTES).to_pylist()
        yield list(_partition_analyses(out, files)), dict(zip(ids, blobs, strict=True))


def _partition_analyses(out: str | Path, files: dict[str, list[Path]]) -> Iterator[Analysis]:
    events: dict[tuple[int, int], list[Event]] = defaultdict(list)
    for row in read_table(out, "events", files=files["events"]).to_pylist():
        events[(row[PART], row[POS])].append(from_row(EVENTS, row))
    statements: dict[tuple[int, int], list[StatementCheck]] = defaultdict(list)
    for row in read_table(out, "statements", files=files["statements"]).to_pylist():
        statements[(row[PART], row[POS])].append(from_row(STATEMENTS, row))
    items: list[tuple[tuple[int, int], Analysis]] = []
    for row in read_table(out, "articles", files=files["articles"]).to_pylist():
        order = (row[PART], row[POS])
        analysis = Analysis(
            from_row(ARTICLES, row), events=tuple(events[order]),
            statements=tuple(statements[order]),
        )
        items.append((order, analysis))
    for row in read_table(out, "skips", files=files["skips"]).to_pylist():
        items.append(((row[PART], row[POS]), Analysis(None, skipped=from_row(SKIPS, row))))
    items.sort(key=lambda item: item[0])
    for _order, analysis in items:
        yield analysis

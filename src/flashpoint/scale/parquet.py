"""Analyses to hive-partitioned Parquet and back, losslessly.

Workers never write DuckDB (one writer per file); they write Parquet, and one loader reads it
back. The round trip must be lossless so that the loader can hand the *same* ``Analysis``
records to the same store code as the local path: every field of every record type is a
column here (nested records are flattened: ``source_code``, ``evidence_start`` ...).

Layout, one directory per table, partitioned by the article's publication date::

    out/articles/date=2023-12-27/part-<key>.parquet
    out/events/date=2023-12-27/part-<key>.parquet
    out/statements/date=2023-12-27/part-<key>.parquet
    out/skips/date=__HIVE_DEFAULT_PARTITION__/part-<key>.parquet
    out/signatures/date=2023-12-27/part-<key>.parquet   (MinHash per article, for stories)

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

from ..records import (
    Actor,
    Analysis,
    Article,
    Event,
    Location,
    Skipped,
    Span,
    StatementCheck,
)

Granularity = Literal["day", "month"]
TABLES = ("articles", "events", "statements", "skips", "signatures")
UNDATED = "__HIVE_DEFAULT_PARTITION__"
PARTITION_COLUMNS: dict[str, str] = {"day": "date", "month": "month"}

_ORDER = [("part", pa.int32()), ("pos", pa.int32())]


def _actor_fields(prefix: str) -> list[tuple[str, pa.DataType]]:
    return [(f"{prefix}_{name}", pa.string()) for name in ("text", "code", "country", "sector")]


SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        _ORDER
        + [
            ("id", pa.string()),
            ("title", pa.string()),
            ("published", pa.date32()),
            ("url", pa.string()),
            ("source", pa.string()),
            ("language", pa.string()),
            ("text", pa.string()),
            ("statements", pa.list_(pa.string())),
            ("origin", pa.string()),
            ("notes", pa.list_(pa.string())),
        ]
    ),
    "events": pa.schema(
        _ORDER
        + [
            ("article_id", pa.string()),
            ("idx", pa.int32()),
            ("source_present", pa.bool_()),
            *_actor_fields("source"),
            ("target_present", pa.bool_()),
            *_actor_fields("target"),
            ("cameo", pa.string()),
            ("cameo_root", pa.string()),
            ("plover", pa.string()),
            ("quad_class", pa.int8()),
            ("goldstein", pa.float64()),
            ("evidence_text", pa.string()),
            ("evidence_start", pa.int32()),
            ("evidence_end", pa.int32()),
            ("event_date", pa.date32()),
            ("date_text", pa.string()),
            ("date_precision", pa.string()),
            ("attribution", pa.string()),
            ("location_present", pa.bool_()),
            ("location_text", pa.string()),
            ("location_country", pa.string()),
            ("location_lat", pa.float64()),
            ("location_lon", pa.float64()),
            ("negated", pa.bool_()),
            ("modality", pa.string()),
            ("trigger", pa.string()),
        ]
    ),
    "statements": pa.schema(
        _ORDER
        + [
            ("article_id", pa.string()),
            ("idx", pa.int32()),
            ("text", pa.string()),
            ("verdict", pa.string()),
            ("score", pa.float64()),
            ("evidence_present", pa.bool_()),
            ("evidence_text", pa.string()),
            ("evidence_start", pa.int32()),
            ("evidence_end", pa.int32()),
            ("reason", pa.string()),
        ]
    ),
    "skips": pa.schema(
        _ORDER
        + [
            ("reason", pa.string()),
            ("detail", pa.string()),
            ("origin", pa.string()),
        ]
    ),
    # MinHash of each article (store.dedup), computed on the workers for the story clustering.
    "signatures": pa.schema(
        _ORDER
        + [
            ("article_id", pa.string()),
            ("published", pa.date32()),
            ("minhash", pa.binary()),
        ]
    ),
}


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
        order = {"part": part, "pos": pos}
        if analysis.article is None:
            skip = analysis.skipped
            assert skip is not None, "an Analysis has an article or a skip"
            rows["skips"][UNDATED].append(
                {**order, "reason": skip.reason, "detail": skip.detail, "origin": skip.origin}
            )
            continue
        article = analysis.article
        key = date_key(article.published, granularity=granularity)
        rows["articles"][key].append(
            {
                **order,
                "id": article.id,
                "title": article.title,
                "published": article.published,
                "url": article.url,
                "source": article.source,
                "language": article.language,
                "text": article.text,
                "statements": list(article.statements),
                "origin": article.origin,
                "notes": list(article.notes),
            }
        )
        if article.id in signatures:
            rows["signatures"][key].append(
                {
                    **order,
                    "article_id": article.id,
                    "published": article.published,
                    "minhash": signatures[article.id],
                }
            )
        for idx, event in enumerate(analysis.events):
            rows["events"][key].append(
                {**order, "article_id": article.id, "idx": idx, **_event_row(event)}
            )
        for idx, check in enumerate(analysis.statements):
            rows["statements"][key].append(
                {**order, "article_id": article.id, "idx": idx, **_statement_row(check)}
            )
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
            temp = directory / f".part-{key}.{uuid.uuid4().hex}.tmp"
            try:
                pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[table]), temp)
                os.replace(temp, final)
            finally:
                temp.unlink(missing_ok=True)
            written.append(final)
    return written


def parquet_glob(out: str | Path, table: str) -> str:
    """The glob DuckDB (or anyone) reads one table from: ``out/<table>/*/*.parquet``."""
    return str(Path(out) / table / "*" / "*.parquet")


def read_table(out: str | Path, table: str, *, files: Sequence[Path] | None = None) -> pa.Table:
    """Read one table of an output directory (all dates), in input order (part, pos, idx).

    ``files`` restricts it to those files (one partition's, from ``partition_files``).
    """
    if files is None:
        files = sorted(Path(out).glob(f"{table}/*/part-*.parquet"))
    if not files:
        return SCHEMAS[table].empty_table()
    data = pa.concat_tables(pq.read_table(f, schema=SCHEMAS[table]) for f in files)
    keys = [("part", "ascending"), ("pos", "ascending")]
    if "idx" in data.column_names:
        keys.append(("idx", "ascending"))
    return data.sort_by(keys)


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
        index[key] = pq.ParquetFile(first).read(columns=["part"]).column("part")[0].as_py()
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
    for files in partition_files(out).values():
        yield from _partition_analyses(out, files)


def _partition_analyses(out: str | Path, files: dict[str, list[Path]]) -> Iterator[Analysis]:
    events: dict[tuple[int, int], list[Event]] = defaultdict(list)
    for row in read_table(out, "events", files=files["events"]).to_pylist():
        events[(row["part"], row["pos"])].append(_event_from_row(row))
    statements: dict[tuple[int, int], list[StatementCheck]] = defaultdict(list)
    for row in read_table(out, "statements", files=files["statements"]).to_pylist():
        statements[(row["part"], row["pos"])].append(_statement_from_row(row))
    items: list[tuple[tuple[int, int], Analysis]] = []
    for row in read_table(out, "articles", files=files["articles"]).to_pylist():
        order = (row["part"], row["pos"])
        article = Article(
            id=row["id"],
            text=row["text"],
            title=row["title"],
            published=row["published"],
            url=row["url"],
            source=row["source"],
            language=row["language"],
            statements=tuple(row["statements"] or ()),
            origin=row["origin"],
            notes=tuple(row["notes"] or ()),
        )
        analysis = Analysis(
            article, events=tuple(events[order]), statements=tuple(statements[order])
        )
        items.append((order, analysis))
    for row in read_table(out, "skips", files=files["skips"]).to_pylist():
        skip = Skipped(reason=row["reason"], detail=row["detail"], origin=row["origin"])
        items.append(((row["part"], row["pos"]), Analysis(None, skipped=skip)))
    items.sort(key=lambda item: item[0])
    for _order, analysis in items:
        yield analysis


# --- record <-> row ------------------------------------------------------------------------


def _actor_row(prefix: str, actor: Actor | None) -> dict[str, Any]:
    return {
        f"{prefix}_present": actor is not None,
        f"{prefix}_text": actor.text if actor else None,
        f"{prefix}_code": actor.code if actor else None,
        f"{prefix}_country": actor.country if actor else None,
        f"{prefix}_sector": actor.sector if actor else None,
    }


def _actor_from_row(prefix: str, row: dict[str, Any]) -> Actor | None:
    if not row[f"{prefix}_present"]:
        return None
    return Actor(
        text=row[f"{prefix}_text"],
        code=row[f"{prefix}_code"],
        country=row[f"{prefix}_country"],
        sector=row[f"{prefix}_sector"],
    )


def _event_row(event: Event) -> dict[str, Any]:
    location = event.location
    return {
        **_actor_row("source", event.source),
        **_actor_row("target", event.target),
        "cameo": event.cameo,
        "cameo_root": event.cameo_root,
        "plover": event.plover,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "evidence_text": event.evidence.text,
        "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end,
        "event_date": event.date,
        "date_text": event.date_text,
        "date_precision": event.date_precision,
        "attribution": event.attribution,
        "location_present": location is not None,
        "location_text": location.text if location else None,
        "location_country": location.country if location else None,
        "location_lat": location.lat if location else None,
        "location_lon": location.lon if location else None,
        "negated": event.negated,
        "modality": event.modality,
        "trigger": event.trigger,
    }


def _event_from_row(row: dict[str, Any]) -> Event:
    location = None
    if row["location_present"]:
        location = Location(
            text=row["location_text"],
            country=row["location_country"],
            lat=row["location_lat"],
            lon=row["location_lon"],
        )
    return Event(
        source=_actor_from_row("source", row),
        target=_actor_from_row("target", row),
        cameo=row["cameo"],
        cameo_root=row["cameo_root"],
        plover=row["plover"],
        quad_class=row["quad_class"],
        goldstein=row["goldstein"],
        evidence=Span(row["evidence_text"], row["evidence_start"], row["evidence_end"]),
        date=row["event_date"],
        date_text=row["date_text"],
        date_precision=row["date_precision"],
        attribution=row["attribution"],
        location=location,
        negated=row["negated"],
        modality=row["modality"],
        trigger=row["trigger"],
    )


def _statement_row(check: StatementCheck) -> dict[str, Any]:
    evidence = check.evidence
    return {
        "text": check.text,
        "verdict": check.verdict,
        "score": check.score,
        "evidence_present": evidence is not None,
        "evidence_text": evidence.text if evidence else None,
        "evidence_start": evidence.start if evidence else None,
        "evidence_end": evidence.end if evidence else None,
        "reason": check.reason,
    }


def _statement_from_row(row: dict[str, Any]) -> StatementCheck:
    evidence = None
    if row["evidence_present"]:
        evidence = Span(row["evidence_text"], row["evidence_start"], row["evidence_end"])
    return StatementCheck(
        text=row["text"],
        verdict=row["verdict"],
        score=row["score"],
        evidence=evidence,
        reason=row["reason"],
    )

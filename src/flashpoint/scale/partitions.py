"""Split the inputs of an ingest into balanced, ordered, deterministic partitions.

A partition is a run of *units* (a file, a line range of a large JSONL file, or one feed URL,
e.g. from an OPML feed list) that one Dask task ingests and analyses. Three properties matter:

* **the same order as the local path**: units follow ``read_path``'s walk (recursive, sorted
  by name, hidden files and README/LICENSE-like files left out), and partitions are contiguous
  runs of them, so (partition, position) orders records exactly as a local ingest would;
* **balance**: partitions are cut by bytes (the work is roughly proportional to text size), and
  a JSONL file larger than one partition's share is cut into line ranges;
* **determinism**: the plan depends only on the inputs, never on the number of workers, so a
  re-run (with 1 or 20 workers) writes the same partition files, which makes it idempotent.

A JSONL shard is read exactly as ``read_path`` reads the whole file (same decoding, notes,
``path:line`` origins); a test checks that the shards of a file concatenate to ``read_path``.
An OPML list is expanded into its feed URLs, each read by ``read_feed_url`` as ``read_path``
would (a feed is network-bound, so spreading feeds over workers is what balances them).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import math
import os
import stat
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..ingest import DEFAULT_MAX_BYTES, parse_published, read_feed_url, read_jsonl, read_path
from ..ingest.decode import decode
from ..ingest.feeds import opml_feed_urls
from ..ingest.paths import iter_files
from ..records import Article, Skipped

DEFAULT_TARGET_BYTES = 512_000
"""Bytes of input per partition: ~100-200 news articles, i.e. seconds of NLP per task, long
enough to dwarf Dask's per-task overhead (~1 ms), short enough that a lost worker costs little
and the progress bar moves."""

MIN_PARTITIONS = 16
"""A small corpus is still cut into this many partitions (when it has that many units), so
that 2-16 workers all get work; it depends on the inputs only, never on the cluster size."""

FEED_WEIGHT = 50_000
"""Planning weight of one feed URL (its size is unknown until fetched): a feed of ~20 entries."""

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})


@dataclass(frozen=True, slots=True)
class Unit:
    """One piece of input: a path as ``read_path`` is given it, a line range of a JSONL file,
    or a feed URL (``path`` is then the URL): ``kind="feed"`` for a ``--feed`` URL, and
    ``"opml_feed"`` for one listed in an OPML file (it gets the default ``published`` date,
    as ``read_path`` gives it).

    ``lines`` is ``(start, end)``: 0-based indices of ``str.splitlines()`` of the decoded file,
    ``end`` None meaning to the end. ``weight`` is its size in bytes (approximate for shards).
    """

    path: str
    weight: int
    lines: tuple[int, int | None] | None = None
    kind: Literal["path", "feed", "opml_feed"] = "path"


@dataclass(frozen=True, slots=True)
class Partition:
    """A contiguous run of units, processed by one task; ``index`` orders partitions."""

    index: int
    units: tuple[Unit, ...]

    @property
    def weight(self) -> int:
        return sum(u.weight for u in self.units)


def plan(
    inputs: Sequence[str | os.PathLike[str]],
    *,
    feeds: Sequence[str] = (),
    target_bytes: int = DEFAULT_TARGET_BYTES,
    min_partitions: int = MIN_PARTITIONS,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[Partition]:
    """Cut ``inputs`` (files and directories, in the order given, then ``feeds`` URLs) into
    partitions, in the order of the local path (``store.corpus.read_inputs``).

    The per-partition budget is ``target_bytes``, lowered for small corpora so that there
    are at least ``min_partitions`` (when there are enough units to go round).
    """
    files = [unit for path in inputs for unit in _units(Path(path), max_bytes=max_bytes)]
    files += [Unit(url, FEED_WEIGHT, kind="feed") for url in feeds]
    total = sum(u.weight for u in files)
    budget = max(1, min(target_bytes, math.ceil(total / max(1, min_partitions))))
    units: list[Unit] = []
    for unit in files:
        units.extend(_shard(unit, budget=budget, max_bytes=max_bytes))
    return _cut(units, budget=budget)


def read_unit(
    unit: Unit,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    published: dt.date | str | None = None,
) -> Iterator[Article | Skipped]:
    """Ingest one unit: what ``read_path`` yields for it (for a shard, for its lines only).

    ``published`` is the date for documents that show none, as in ``read_path``.
    """
    if unit.kind == "feed":
        yield from read_feed_url(unit.path)
        return
    if unit.kind == "path" and unit.lines is None:
        yield from read_path(unit.path, max_bytes=max_bytes, published=published)
        return
    day = parse_published(published) if published not in (None, "") else None
    if unit.kind == "opml_feed":
        results = read_feed_url(unit.path)
    else:
        results = _read_shard(unit, max_bytes=max_bytes, published=published)
    for result in results:
        if isinstance(result, Article) and day is not None and result.published is None:
            result = dataclasses.replace(result, published=day)
        yield result


def _read_shard(
    unit: Unit, *, max_bytes: int, published: dt.date | str | None
) -> Iterator[Article | Skipped]:
    assert unit.lines is not None
    start, end = unit.lines
    origin = unit.path
    try:
        data = Path(unit.path).read_bytes()
    except OSError as e:  # vanished since planning: say so once, from the first shard
        if start == 0:
            yield Skipped("unreadable", f"cannot read: {e.strerror or e}", origin)
        return
    if len(data) > max_bytes or not data.strip():
        # Grown past the limit or emptied since planning: read it whole from the first shard,
        # which gives exactly the local path's single skip.
        if start == 0:
            yield from read_path(unit.path, max_bytes=max_bytes, published=published)
        return
    decoded = decode(data, origin=origin)
    if isinstance(decoded, Skipped):
        if start == 0:
            yield decoded
        return
    text = decoded.text.lstrip("\ufeff")
    if not text.strip():
        if start == 0:
            yield from read_path(unit.path, max_bytes=max_bytes, published=published)
        return
    lines = text.splitlines()
    # Blank lines are skipped by read_jsonl but still counted, so padding with `start` empty
    # lines makes it number the shard's lines exactly as in the whole file.
    shard = "\n" * start + "\n".join(lines[start:end])
    for result in read_jsonl(shard, origin=origin):
        if isinstance(result, Article) and decoded.notes:
            result = dataclasses.replace(result, notes=tuple(decoded.notes) + result.notes)
        yield result


def partition_key(
    partition: Partition,
    items: Sequence[Article | Skipped] = (),
    *,
    elsewhere: Collection[str] = (),
) -> str:
    """A name for the partition's output derived from its input *content*.

    Hashes each unit's path, line range and bytes, then what was read from them (article
    ids, skip reasons and origins; this is what identifies a feed's content, fetched at run
    time): a retry or a re-run over unchanged inputs gets the same name and overwrites its
    files, a changed input gets a new one. ``elsewhere`` (the articles an earlier partition
    analyses, ``copies_elsewhere``) is part of the name too: when the earlier copy goes
    away, this partition's output, which holds no analysis of them, is not reused.
    """
    h = hashlib.sha256()
    if elsewhere:
        h.update(json.dumps(sorted(elsewhere)).encode("utf-8"))
    for unit in partition.units:
        h.update(json.dumps([unit.kind, unit.path, unit.lines]).encode("utf-8"))
        h.update(b"" if unit.kind != "path" else _digest(Path(unit.path)))
    for item in items:
        ident = [item.id] if isinstance(item, Article) else [item.reason, item.origin, item.detail]
        h.update(json.dumps(ident).encode("utf-8"))
    return h.hexdigest()[:20]


def copies_elsewhere(ids_by_partition: Sequence[Sequence[str]]) -> list[frozenset[str]]:
    """For each partition (in input order), the article ids an *earlier* partition also
    holds: that partition analyses them, this one only records where the copy was seen.

    The first partition in input order owns an article, which is the copy the local path
    analyses and stores (the writer keeps the first, later copies add a sighting), so the
    loaded database is the same whichever partition a worker finishes first.
    """
    owner: dict[str, int] = {}
    for index, ids in enumerate(ids_by_partition):
        for article_id in ids:
            owner.setdefault(article_id, index)
    return [
        frozenset(a for a in ids if owner[a] < index)
        for index, ids in enumerate(ids_by_partition)
    ]


# --- internals -------------------------------------------------------------------------------


def _units(root: Path, *, max_bytes: int) -> Iterator[Unit]:
    """The files ``read_path(root)`` would read, in its order; the root itself otherwise.

    A missing path, or a directory with no readable file, stays one unit: ``read_path`` gives
    it its own ``Skipped`` (missing, empty), exactly as in the local path.
    """
    try:
        is_dir = stat.S_ISDIR(root.stat().st_mode)
    except OSError:
        yield Unit(str(root), 1)
        return
    if not is_dir:
        yield from _file_units(root, max_bytes=max_bytes)
        return
    found = False
    for file in iter_files(root):
        found = True
        yield from _file_units(file, max_bytes=max_bytes)
    if not found:
        yield Unit(str(root), 1)


def _file_units(file: Path, *, max_bytes: int) -> Iterator[Unit]:
    """A file as one unit, or an OPML list as one unit per feed URL it lists."""
    weight = _weight(file, max_bytes=max_bytes)
    urls = _opml_urls(file, max_bytes=max_bytes) if file.suffix.lower() == ".opml" else None
    if urls:
        yield from (Unit(url, FEED_WEIGHT, kind="opml_feed") for url in urls)
    else:
        yield Unit(str(file), weight)


def _opml_urls(file: Path, *, max_bytes: int) -> list[str] | None:
    # Expanded only when read_path would read it as a good OPML list (size, decoding, XML);
    # anything else stays a file unit and gets read_path's own skip.
    try:
        data = file.read_bytes()
    except OSError:
        return None
    if len(data) > max_bytes or not data.strip():
        return None
    decoded = decode(data, origin=str(file))
    if isinstance(decoded, Skipped):
        return None
    text = decoded.text.lstrip("\ufeff")
    if not text.strip():
        return None
    return opml_feed_urls(text.encode("utf-8"))


def _weight(path: Path, *, max_bytes: int) -> int:
    try:
        size = path.stat().st_size
    except OSError:
        return 1
    return 1 if size > max_bytes else max(1, size)  # refused unread: next to no work


def _shard(unit: Unit, *, budget: int, max_bytes: int) -> list[Unit]:
    path = Path(unit.path)
    if unit.kind != "path" or path.suffix.lower() not in JSONL_SUFFIXES or unit.weight <= budget:
        return [unit]
    try:
        data = path.read_bytes()
    except OSError:
        return [unit]
    if len(data) > max_bytes:
        return [unit]
    n_lines = data.count(b"\n") + 1
    n_shards = min(n_lines, math.ceil(unit.weight / budget))
    if n_shards <= 1:
        return [unit]
    step = math.ceil(n_lines / n_shards)
    starts = list(range(0, n_lines, step))
    shards = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else None  # the last shard reads to the end
        shards.append(Unit(unit.path, max(1, unit.weight // len(starts)), lines=(start, end)))
    return shards


def _cut(units: Sequence[Unit], *, budget: int) -> list[Partition]:
    """Contiguous runs of units of about ``budget`` bytes each (order kept)."""
    partitions: list[Partition] = []
    current: list[Unit] = []
    weight = 0
    for unit in units:
        if current and weight + unit.weight > budget:
            partitions.append(Partition(len(partitions), tuple(current)))
            current, weight = [], 0
        current.append(unit)
        weight += unit.weight
    if current:
        partitions.append(Partition(len(partitions), tuple(current)))
    return partitions


def _digest(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").digest()
    except IsADirectoryError:
        return b"directory"
    except OSError as e:
        return f"unreadable:{type(e).__name__}".encode()

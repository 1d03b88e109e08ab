"""Near-duplicate stories across partitions: the local clustering, distributed.

The local path (``Store.refresh``) clusters every article's MinHash signature with
``store.dedup.cluster_signatures``: greedy leader clustering in (published, id) order, where an
article's candidates are the earlier articles sharing an LSH band key with it
(``dedup.band_keys``). Workers compute the signatures next to the NLP and write them as
Parquet; then:

1. **map**: each runner partition's signatures give ``dedup.band_keys`` (the very keys the
   local clustering bands with), split into buckets by key;
2. **band shuffle**: one reduce task per bucket (Dask futures) receives that bucket from every
   map task, so equal keys meet, and emits edges between the articles that share a key;
3. **components**: edges are joined (union-find) into connected components. Every group of
   articles sharing a band key lies inside one component, and articles of different components
   never share a key, so clustering each component alone, in the global order, gives the
   local function exactly the candidates it would see over everything (its per-group
   ``MAX_LINKS`` cap included: a whole key group, in the same order, is in one component);
4. **assignment**: ``cluster_signatures`` itself runs on every component of two or more
   articles, in Dask tasks; every other article is a story of its own.

The driver holds the article ids and dates of the whole output (for the order and the
singleton stories) and the signatures of component members only.
"""

from __future__ import annotations

import datetime as dt
import operator
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..columns import STORY_MEMBERS, member_rows
from ..store import dedup
from .parquet import read_table

STORY_SCHEMA = STORY_MEMBERS.arrow_schema("parquet")
STORIES_FILE = Path("stories") / "members.parquet"
MAX_BUCKETS = 8


def band_buckets(paths: Sequence[str], n_buckets: int) -> list[list[tuple[int, str]]]:
    """Map side: ``(band key, article id)`` of signature files, split into ``n_buckets`` by
    key, so that equal keys from every map task land in the same bucket."""
    if isinstance(paths, str):  # one file given as is
        paths = [paths]
    buckets: list[list[tuple[int, str]]] = [[] for _ in range(n_buckets)]
    for path in paths:
        table = pq.read_table(path, columns=["article_id", "minhash"])
        ids = table.column("article_id").to_pylist()
        if not ids:
            continue
        sigs = np.stack([dedup.from_bytes(b) for b in table.column("minhash").to_pylist()])
        keys = dedup.band_keys(sigs)
        for row, article_id in enumerate(ids):
            for key in keys[row].tolist():
                buckets[key % n_buckets].append((key, article_id))
    return buckets


def collisions(*pieces: Sequence[tuple[int, str]]) -> list[tuple[str, str]]:
    """Reduce side: edges ``(first, other)`` between distinct articles sharing a band key."""
    by_key: dict[int, set[str]] = {}
    for piece in pieces:
        for key, article_id in piece:
            by_key.setdefault(key, set()).add(article_id)
    edges: list[tuple[str, str]] = []
    for ids in by_key.values():
        if len(ids) > 1:
            first, *others = sorted(ids)
            edges.extend((first, other) for other in others)
    return edges


def components(edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected components (of two or more articles) of the collision graph."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for x in parent:
        groups.setdefault(find(x), []).append(x)
    return sorted((sorted(g) for g in groups.values() if len(g) > 1), key=lambda g: g[0])


def order_key(published: dt.date | None, article_id: str) -> tuple[bool, dt.date, str]:
    """The local clustering order: ``ORDER BY published NULLS LAST, id``."""
    return (published is None, published or dt.date.min, article_id)


def cluster_component(members: Sequence[tuple[str, dt.date | None, bytes]]) -> list[dedup.Story]:
    """Run the local clustering on one component ``(article_id, published, minhash)``."""
    ordered = sorted(members, key=lambda m: order_key(m[1], m[0]))
    return dedup.cluster_signatures((aid, dedup.from_bytes(blob)) for aid, _pub, blob in ordered)


def cluster_stories(
    out: str | Path, *, client: Any, shuffle_partitions: int | None = None
) -> list[dedup.Story]:
    """Cluster the articles of ``out`` into stories on the Dask cluster behind ``client``.

    Returns the stories the local clustering returns for the same articles, in its order
    (by the representative's published date, then id).
    """
    # One map task per runner partition (its signature files across dates), not per file:
    # a corpus spread over many days has many small files.
    files: dict[str, list[str]] = {}
    for path in sorted(Path(out).glob("signatures/*/part-*.parquet")):
        files.setdefault(path.name, []).append(str(path))
    if not files:
        return []
    n = shuffle_partitions or max(1, min(len(files) // 4, MAX_BUCKETS))
    mapped = [client.submit(band_buckets, tuple(files[k]), n, pure=False) for k in sorted(files)]
    reduced = [
        client.submit(
            collisions,
            *[client.submit(operator.getitem, m, j, pure=False) for m in mapped],
            pure=False,
        )
        for j in range(n)
    ]
    groups = components(edge for part in client.gather(reduced) for edge in part)

    dates = read_table(out, "signatures").select(["article_id", "published"])
    published: dict[str, dt.date | None] = {}
    for aid, day in zip(
        dates.column("article_id").to_pylist(), dates.column("published").to_pylist(), strict=True
    ):
        published.setdefault(aid, day)  # exact copies: one article
    blobs = _signatures_of(out, {aid for g in groups for aid in g})
    batches = _batches([[(aid, published[aid], blobs[aid]) for aid in g] for g in groups], size=64)
    stories: list[dedup.Story] = []
    for result in client.gather(client.map(_cluster_batch, batches, pure=False)):
        stories.extend(result)
    in_groups = {aid for g in groups for aid in g}
    stories.extend(
        dedup.Story(aid, (dedup.Member(aid, 1.0, None, "representative"),))
        for aid in published
        if aid not in in_groups
    )
    stories.sort(key=lambda s: order_key(published[s.story_id], s.story_id))
    return stories


def write_stories(out: str | Path, stories: Sequence[dedup.Story]) -> Path:
    """Write story membership as ``out/stories/members.parquet`` (replaced atomically)."""
    rows = member_rows(stories)
    final = Path(out) / STORIES_FILE
    final.parent.mkdir(parents=True, exist_ok=True)
    temp = final.with_name(f".members.{uuid.uuid4().hex}.tmp")
    try:
        pq.write_table(pa.Table.from_pylist(rows, schema=STORY_SCHEMA), temp)
        temp.replace(final)
    finally:
        temp.unlink(missing_ok=True)
    return final


def _signatures_of(out: str | Path, wanted: set[str]) -> dict[str, bytes]:
    """MinHash bytes of the ``wanted`` articles only (the driver never holds all of them)."""
    blobs: dict[str, bytes] = {}
    if not wanted:
        return blobs
    keep = pa.array(sorted(wanted))
    for path in sorted(Path(out).glob("signatures/*/part-*.parquet")):
        table = pq.read_table(path, columns=["article_id", "minhash"])
        table = table.filter(pc.is_in(table.column("article_id"), value_set=keep))
        for aid, blob in zip(
            table.column("article_id").to_pylist(), table.column("minhash").to_pylist(), strict=True
        ):
            blobs.setdefault(aid, blob)
    return blobs


def _cluster_batch(
    components_: Sequence[Sequence[tuple[str, dt.date | None, bytes]]],
) -> list[dedup.Story]:
    return [story for members in components_ for story in cluster_component(members)]


def _batches(items: Sequence[Any], *, size: int) -> list[list[Any]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]

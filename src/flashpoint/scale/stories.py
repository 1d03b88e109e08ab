"""Near-duplicate stories across partitions: the local clustering, distributed.

The local path (``Store.refresh``) clusters every article's MinHash signature with
``store.dedup.cluster_signatures``: greedy leader clustering in (published, id) order, where an
article's candidates are the earlier articles sharing at least one LSH band with it. Workers
compute the signatures (the costly part) next to the NLP and write them as Parquet; then:

1. **band keys**: each signature file gives one row per (article, band): a 64-bit hash of the
   band index and the band's ``r`` MinHash values (the same ``b`` x ``r`` banding the local
   ``MinHashLSH`` uses for its threshold);
2. **band shuffle**: a hash shuffle with Dask futures (map tasks split their keys into
   buckets, one reduce task per bucket) brings equal bands together on one worker, which
   emits the pairs of articles that collide;
3. **components**: collisions are joined (union-find) into connected components. Articles in
   different components never are LSH candidates of each other, so clustering each component
   alone, in the global order, gives exactly the stories of clustering everything at once;
4. **assignment**: ``cluster_signatures`` itself (the local function) runs on each component
   with more than one article, as Dask tasks; every other article is its own story.

A 64-bit key collision can only add a spurious member to a component, and the local function
re-checks real bands inside it, so it never changes the result; it cannot hide a true match.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import struct
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from ..store import dedup
from .parquet import read_table

STORY_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("story_id", pa.string()),
        ("similarity", pa.float64()),
        ("matched_id", pa.string()),
        ("method", pa.string()),
    ]
)
STORIES_FILE = Path("stories") / "members.parquet"


def banding(
    *, threshold: float = dedup.THRESHOLD, num_perm: int = dedup.NUM_PERM
) -> list[tuple[int, int]]:
    """The (start, end) slices of the signature that form LSH bands, as the local LSH has them."""
    from datasketch import MinHashLSH

    return list(MinHashLSH(threshold=threshold, num_perm=num_perm).hashranges)


def band_keys(signature: np.ndarray, ranges: Sequence[tuple[int, int]]) -> list[int]:
    """One signed 64-bit key per band (band index + its values): equal bands, equal keys."""
    values = signature.astype("<u4")
    keys = []
    for band, (start, end) in enumerate(ranges):
        digest = hashlib.blake2b(
            struct.pack("<I", band) + values[start:end].tobytes(), digest_size=8
        )
        keys.append(struct.unpack("<q", digest.digest())[0])
    return keys


def band_buckets(
    paths: Sequence[str], ranges: Sequence[tuple[int, int]], n_buckets: int
) -> list[list[tuple[int, str]]]:
    """The map side of the shuffle: ``(band key, article id)`` of signature files, split into
    ``n_buckets`` by key, so that equal keys from every file meet in the same bucket."""
    if isinstance(paths, str):  # one file given as is
        paths = [paths]
    buckets: list[list[tuple[int, str]]] = [[] for _ in range(n_buckets)]
    for path in paths:
        table = pq.read_table(path, columns=["article_id", "minhash"])
        for article_id, blob in zip(
            table.column("article_id").to_pylist(), table.column("minhash").to_pylist(), strict=True
        ):
            for key in band_keys(dedup.from_bytes(blob), ranges):
                buckets[key % n_buckets].append((key, article_id))
    return buckets


def collisions(*pieces: Sequence[tuple[int, str]]) -> list[tuple[str, str]]:
    """The reduce side: edges ``(first, other)`` between distinct articles sharing a band key."""
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


def signature_table(out: str | Path) -> pa.Table:
    """All signatures of an output directory, one row per article id (exact copies once)."""
    table = read_table(out, "signatures")
    seen: set[str] = set()
    keep = []
    for i, aid in enumerate(table.column("article_id").to_pylist()):
        if aid not in seen:
            seen.add(aid)
            keep.append(i)
    return table.take(keep)


def cluster_stories(
    out: str | Path, *, client: Any, shuffle_partitions: int | None = None
) -> list[dedup.Story]:
    """Cluster the articles of ``out`` into stories on the Dask cluster behind ``client``.

    Returns stories in the local order (by their representative's published date, then id);
    members inside a story are in the order they joined it, as in the local path.
    """
    import operator

    # One map task per runner partition (its signature files across dates), not per file:
    # a corpus spread over many days has many small files.
    by_key: dict[str, list[str]] = {}
    for path in sorted(Path(out).glob("signatures/*/part-*.parquet")):
        by_key.setdefault(path.name, []).append(str(path))
    if not by_key:
        return []
    ranges = banding()
    n = shuffle_partitions or max(1, min(len(by_key) // 4, 8))
    mapped = [
        client.submit(band_buckets, tuple(by_key[k]), ranges, n, pure=False) for k in sorted(by_key)
    ]
    reduced = [
        client.submit(
            collisions,
            *[client.submit(operator.getitem, m, j, pure=False) for m in mapped],
            pure=False,
        )
        for j in range(n)
    ]
    edges = [edge for part in client.gather(reduced) for edge in part]
    groups = components(edges)

    signatures = signature_table(out)
    published = dict(
        zip(
            signatures.column("article_id").to_pylist(),
            signatures.column("published").to_pylist(),
            strict=True,
        )
    )
    blobs = dict(
        zip(
            signatures.column("article_id").to_pylist(),
            signatures.column("minhash").to_pylist(),
            strict=True,
        )
    )
    batches = _batches([[(aid, published[aid], blobs[aid]) for aid in g] for g in groups], size=64)
    merged: list[dedup.Story] = []
    for result in client.gather(client.map(_cluster_batch, batches, pure=False)):
        merged.extend(result)
    in_groups = {aid for g in groups for aid in g}
    singles = [
        dedup.Story(aid, (dedup.Member(aid, 1.0, None, "representative"),))
        for aid in published
        if aid not in in_groups
    ]
    stories = merged + singles
    stories.sort(key=lambda s: order_key(published[s.story_id], s.story_id))
    return stories


def write_stories(out: str | Path, stories: Sequence[dedup.Story]) -> Path:
    """Write story membership as ``out/stories/members.parquet`` (replaced atomically)."""
    rows = [
        {
            "article_id": m.article_id,
            "story_id": s.story_id,
            "similarity": m.similarity,
            "matched_id": m.matched_id,
            "method": m.method,
        }
        for s in stories
        for m in s.members
    ]
    final = Path(out) / STORIES_FILE
    final.parent.mkdir(parents=True, exist_ok=True)
    temp = final.with_name(f".members.{id(rows)}.tmp")
    try:
        pq.write_table(pa.Table.from_pylist(rows, schema=STORY_SCHEMA), temp)
        temp.replace(final)
    finally:
        temp.unlink(missing_ok=True)
    return final


def _cluster_batch(
    components_: Sequence[Sequence[tuple[str, dt.date | None, bytes]]],
) -> list[dedup.Story]:
    return [story for members in components_ for story in cluster_component(members)]


def _batches(items: Sequence[Any], *, size: int) -> list[list[Any]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]

"""Stories across partitions: the band shuffle pairs every article sharing a band key, and the
distributed clustering equals the store's clustering of everything at once."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import numpy as np
import pytest

from flashpoint.records import Analysis, Article
from flashpoint.scale.parquet import write_partition
from flashpoint.scale.stories import (
    band_buckets,
    cluster_stories,
    collisions,
    components,
    order_key,
    write_stories,
)
from flashpoint.store import dedup

PLACES = [
    "the northern strait",
    "the river crossing",
    "the mountain pass",
    "the harbour",
    "the airbase",
]
ACTS = [
    "fired shells at",
    "sent drones over",
    "detained sailors near",
    "held talks about",
    "closed the road to",
]


def _story(i: int) -> str:
    rng = random.Random(i)
    sentences = []
    for k in range(7):
        who = rng.choice(["Northland", "Southland", "Westmark", "the alliance"])
        sentences.append(
            f"On day {rng.randint(1, 28)} {who} {rng.choice(ACTS)} {rng.choice(PLACES)} "
            f"according to report {i}-{k} by officer {rng.randint(100, 999)}."
        )
    return " ".join(sentences)


def _copy(text: str, seed: int) -> str:
    # A syndicated copy: a credit line and one sentence reworded.
    words = text.split()
    rng = random.Random(seed)
    at = rng.randrange(len(words))
    words[at] = words[at].upper() + "ly"
    return " ".join(words) + " (Wire report, edited by the desk)"


def _corpus() -> list[Article]:
    articles: list[Article] = []
    for i in range(30):
        base = _story(i)
        published = dt.date(2023, 1 + i % 12, 1 + i % 27) if i % 7 else None
        articles.append(Article(id=f"s{i:02d}", text=base, published=published))
        for c in range(i % 3):  # 0, 1 or 2 copies, dated the same or later
            later = published + dt.timedelta(days=c) if published else None
            articles.append(
                Article(id=f"s{i:02d}c{c}", text=_copy(base, 10 * i + c), published=later)
            )
    random.Random(7).shuffle(articles)
    return articles


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


def test_scale_stories_shuffle_pairs_every_shared_band_key(tmp_path: Path):
    rng = np.random.default_rng(3)
    base = rng.integers(0, 2**32, size=(30, dedup.NUM_PERM), dtype=np.uint64).astype(np.uint32)
    sigs = {f"x{i:02d}": base[i] for i in range(30)}
    for i in range(30):  # near copies: keep a random 70 % of the values
        mask = rng.random(dedup.NUM_PERM) < 0.7
        noise = rng.integers(0, 2**32, size=dedup.NUM_PERM)
        sigs[f"y{i:02d}"] = np.where(mask, base[i], noise).astype(np.uint32)
    analyses = [Analysis(Article(id=k, text=k)) for k in sigs]
    for part in range(3):  # copies and originals in different files
        chunk = analyses[part::3]
        blobs = {a.article.id: dedup.to_bytes(sigs[a.article.id]) for a in chunk}
        write_partition(tmp_path, f"k{part}", chunk, part=part, signatures=blobs)
    files = sorted(str(p) for p in tmp_path.glob("signatures/*/*.parquet"))
    pieces = [band_buckets(files[i : i + 1], 3) for i in range(len(files))]
    edges = [e for j in range(3) for e in collisions(*[p[j] for p in pieces])]
    ours = {frozenset(g) for g in components(edges)}
    keys = dedup.band_keys(np.stack(list(sigs.values())))
    ids = list(sigs)
    sharing = {
        frozenset((ids[i], ids[j]))
        for i in range(len(ids))
        for j in range(i)
        if set(keys[i].tolist()) & set(keys[j].tolist())
    }
    assert sharing  # the copies do share bands
    for pair in sharing:
        assert any(pair <= group for group in ours)
    assert all(len(g) >= 2 for g in ours)


def test_scale_stories_components_join_chains():
    edges = [("a", "b"), ("c", "d"), ("b", "e"), ("f", "f")]
    assert components(edges) == [["a", "b", "e"], ["c", "d"]]


def test_scale_stories_equal_the_local_clustering(tmp_path: Path, client):
    articles = _corpus()
    # spread over several partitions, copies mostly apart from their originals
    for part, start in enumerate(range(0, len(articles), 9)):
        chunk = [Analysis(a) for a in articles[start : start + 9]]
        sigs = {a.article.id: dedup.to_bytes(dedup.signature(a.article.text)) for a in chunk}
        write_partition(tmp_path, f"k{part:02d}", chunk, part=part, signatures=sigs)
    ours = cluster_stories(tmp_path, client=client, shuffle_partitions=3)
    ordered = sorted(articles, key=lambda a: order_key(a.published, a.id))
    local = dedup.cluster_signatures((a.id, dedup.signature(a.text)) for a in ordered)
    assert ours == local
    assert sum(len(s.members) > 1 for s in local) >= 15  # the corpus really has merged stories
    path = write_stories(tmp_path, ours)
    assert path.name == "members.parquet"


def test_scale_stories_equal_local_beyond_the_link_cap(tmp_path: Path, client):
    # More copies of one text than dedup.MAX_LINKS, spread over partitions and dates.
    text = _story(99)
    articles = [
        Article(
            id=f"d{i:03d}",
            text=_copy(text, i) if i % 2 else text + f" Update {i}.",
            published=dt.date(2023, 5, 1 + i % 20),
        )
        for i in range(dedup.MAX_LINKS + 20)
    ] + [Article(id=f"u{i}", text=_story(200 + i), published=None) for i in range(5)]
    for part, start in enumerate(range(0, len(articles), 17)):
        chunk = [Analysis(a) for a in articles[start : start + 17]]
        sigs = {a.article.id: dedup.to_bytes(dedup.signature(a.article.text)) for a in chunk}
        write_partition(tmp_path, f"k{part:02d}", chunk, part=part, signatures=sigs)
    ordered = sorted(articles, key=lambda a: order_key(a.published, a.id))
    local = dedup.cluster_signatures((a.id, dedup.signature(a.text)) for a in ordered)
    assert cluster_stories(tmp_path, client=client) == local
    assert max(len(s.members) for s in local) > dedup.MAX_LINKS

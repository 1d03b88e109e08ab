"""Near-duplicate detection: syndicated copies of one report become one story.

Exact copies need nothing here: they have the same content hash (``Article.id``) and share one
article row; each place they were seen is a *sighting*. Near copies (a wire story re-published
with another headline, a trimmed last paragraph, a changed byline) are found with MinHash LSH
over word shingles:

* shingles: ``SHINGLE_SIZE`` (3) consecutive lower-cased word tokens; 3 rather than 5 because
  an edit destroys as many shingles as the shingle is long, and syndicated copies are edited;
* signature: ``NUM_PERM`` (128) MinHash values, h(x) = (a*x + b) mod (2^61 - 1) over a 32-bit
  blake2b hash of each shingle: datasketch's MinHash family, computed here in numpy from a
  fixed seed so signatures made in different processes (Dask workers) are comparable and
  do not depend on datasketch's permutation-scheme API, which changed in 2.0;
* threshold: ``THRESHOLD`` (0.6) estimated Jaccard similarity. Distinct reports on the same
  pair of countries share names and stock phrases but stay below it: at most 0.52 on 5,000
  template-built synthetic reports, which are far more alike than real news; a copy with a
  new title and a trailer line added is above 0.8, one with its last short paragraph cut
  0.55-0.75 (most of them still merge). Every candidate is confirmed on the estimated
  Jaccard before merging;
* LSH banding: ``BANDS`` (32) bands of ``ROWS`` (4) values, so a pair at the threshold (0.6)
  is a candidate with probability 1 - (1 - 0.6^4)^32 = 0.99 (0.9999 at 0.7), at 0.2 with 0.05.
  Banding is done with numpy (sort each band's keys, pair equal neighbours) rather than with
  datasketch's ``MinHashLSH``, whose Python buckets took 566 MB for 50k articles (~1 GB at
  100k) against ~80 MB here. In a group of equal band keys each article is paired with at
  most ``MAX_LINKS`` (64) earlier ones, which bounds the work on degenerate input (thousands
  of empty or identical texts); it matters only when more than 64 earlier articles share a
  band.

Clustering is greedy "leader" clustering in the order given (the store orders by publication
date, then id): an article joins the story of its most similar earlier article when that
similarity reaches the threshold, otherwise it starts a story (every merge is justified by
one recorded pair: ``matched_id`` and ``similarity``). The result depends only on the set of
articles and their order, never on batch or partition boundaries.

``cluster`` and ``cluster_signatures`` are pure functions over plain tuples so that a Dask
runner can compute ``signature`` per partition and cluster the signatures in one place.
"""

from __future__ import annotations

import functools
import hashlib
import re
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

SHINGLE_SIZE = 3
NUM_PERM = 128
THRESHOLD = 0.6
BANDS, ROWS = 32, 4  # BANDS * ROWS == NUM_PERM
MAX_LINKS = 64
_BLOCK = 4096  # signatures are gathered in blocks, not one small array each
_SEED = 1
_WORD = re.compile(r"\w+", re.UNICODE)


def _hash32(data: bytes) -> int:
    # Stable across processes (unlike hash()); blake2b is faster than datasketch's sha1 here.
    return struct.unpack("<I", hashlib.blake2b(data, digest_size=4).digest())[0]


def shingles(text: str, *, size: int = SHINGLE_SIZE) -> set[bytes]:
    """Word ``size``-grams of ``text`` (lower-cased), as bytes ready for hashing."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


_MERSENNE = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)


@functools.lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    # The classic MinHash family h(x) = (a*x + b) mod (2^61 - 1), as in datasketch; drawn from
    # a fixed seed so that every process computes the same signature for the same text.
    gen = np.random.RandomState(_SEED)
    a = gen.randint(1, int(_MERSENNE), size=NUM_PERM, dtype=np.uint64)
    b = gen.randint(0, int(_MERSENNE), size=NUM_PERM, dtype=np.uint64)
    return a, b


def signature(text: str) -> np.ndarray:
    """MinHash signature of ``text`` (``NUM_PERM`` uint32 values); picklable and comparable."""
    sh = shingles(text)
    if not sh:
        return np.full(NUM_PERM, _MAX_HASH, dtype=np.uint32)
    a, b = _permutations()
    hv = np.fromiter((_hash32(x) for x in sh), dtype=np.uint64, count=len(sh))
    phv = np.bitwise_and((np.outer(hv, a) + b) % _MERSENNE, _MAX_HASH)
    return phv.min(axis=0).astype(np.uint32)


def to_bytes(sig: np.ndarray) -> bytes:
    """Signature as bytes for storage (512 bytes for 128 permutations)."""
    return sig.astype("<u4").tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


@dataclass(frozen=True, slots=True)
class Member:
    """One article in a story and why it is there."""

    article_id: str
    similarity: float  # estimated Jaccard to ``matched_id`` (1.0 for the representative)
    matched_id: str | None  # the earlier member it matched (None for the representative)
    method: str  # "representative" | "near_duplicate"


@dataclass(frozen=True, slots=True)
class Story:
    """A cluster of copies of one report; ``story_id`` is its first article's id."""

    story_id: str
    members: tuple[Member, ...]


def band_ranges() -> list[tuple[int, int]]:
    """The LSH bands: ``BANDS`` slices of ``ROWS`` signature values. Two articles are
    candidates when any band is equal. Public so that a distributed runner bands the same way."""
    return [(i * ROWS, (i + 1) * ROWS) for i in range(BANDS)]


@functools.lru_cache(maxsize=1)
def _band_multipliers() -> np.ndarray:
    gen = np.random.RandomState(_SEED + 1)
    return gen.randint(1, 2**62, size=ROWS, dtype=np.int64).astype(np.uint64) * 2 + 1


def band_keys(sigs: np.ndarray) -> np.ndarray:
    """``(n, BANDS)`` uint64 keys of a stack of signatures: equal band values, equal key.

    A random linear hash mod 2^64; an accidental collision only adds a candidate, which the
    similarity check then rejects, so it can never merge what should stay apart. Computed
    band by band so the temporaries stay small (n x ROWS, not n x NUM_PERM, 64-bit values).
    """
    mult = _band_multipliers()
    keys = np.empty((len(sigs), BANDS), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for band, (lo, hi) in enumerate(band_ranges()):
            block = sigs[:, lo:hi].astype(np.uint64)
            block *= mult
            keys[:, band] = block.sum(axis=1, dtype=np.uint64)
            keys[:, band] += np.uint64(band) * np.uint64(0x9E3779B97F4A7C15)
    return keys


CANDIDATE_BLOCK = 1024  # articles whose candidates are listed at once (bounded memory)


class _BandIndex:
    """Per band: the articles in key order (stable: equal keys stay in input order), each
    article's place in that order and how many earlier articles share its key (capped at
    ``MAX_LINKS``). 9 bytes per article and band, whatever the corpus; the candidate pairs
    themselves are listed a block of articles at a time (``candidates``).

    Listing every pair at once held up to n x BANDS x MAX_LINKS of them: on template-like
    text, where thousands of articles share a band, 89,000 articles took over 5 GB."""

    def __init__(self, keys: np.ndarray):
        n, bands = keys.shape
        self.n = n
        self.order = np.empty((bands, n), dtype=np.int32 if n < 2**31 else np.int64)
        self.pos = np.empty_like(self.order)
        self.rank = np.empty((bands, n), dtype=np.uint8)  # earlier articles with this key
        positions = np.arange(n)
        for band in range(bands):
            col = keys[:, band]
            order = np.argsort(col, kind="stable")
            sorted_keys = col[order]
            first = np.ones(n, dtype=bool)
            first[1:] = sorted_keys[1:] != sorted_keys[:-1]
            group_start = np.maximum.accumulate(np.where(first, positions, 0))
            self.order[band] = order
            self.pos[band, order] = positions
            self.rank[band, order] = np.minimum(positions - group_start, MAX_LINKS)

    def candidates(self, lo: int, hi: int) -> tuple[np.ndarray, np.ndarray]:
        """CSR of earlier candidates of articles ``lo..hi-1``: ``earlier[ptr[i-lo]:ptr[i-lo+1]]``
        are the positions < i sharing a band with i (the ``MAX_LINKS`` nearest earlier ones
        of each band group), sorted."""
        rows = np.arange(lo, hi)
        codes = []
        for band in range(self.order.shape[0]):
            pos, rank = self.pos[band, lo:hi], self.rank[band, lo:hi]
            for d in range(1, int(rank.max(initial=0)) + 1):
                has = rank >= d
                earlier = self.order[band, pos[has] - d].astype(np.int64)
                codes.append((rows[has] - lo) * self.n + earlier)
        pairs = np.unique(np.concatenate(codes)) if codes else np.empty(0, dtype=np.int64)
        later, earlier = pairs // self.n, pairs % self.n
        return np.searchsorted(later, np.arange(hi - lo + 1)), earlier


def stack_signatures(items: Iterable[tuple[str, np.ndarray]]) -> tuple[list[str], np.ndarray]:
    """Ids (first occurrence only: exact copies are one article) and their signatures as one
    ``(n, NUM_PERM)`` array, gathered in blocks rather than one small array each."""
    ids: list[str] = []
    blocks: list[np.ndarray] = []
    block = np.empty((_BLOCK, NUM_PERM), dtype=np.uint32)
    filled = 0
    seen: set[str] = set()
    for article_id, sig in items:
        if article_id in seen:
            continue
        seen.add(article_id)
        ids.append(article_id)
        block[filled] = sig
        filled += 1
        if filled == _BLOCK:
            blocks.append(block)
            block = np.empty((_BLOCK, NUM_PERM), dtype=np.uint32)
            filled = 0
    blocks.append(block[:filled])
    return ids, (blocks[0] if len(blocks) == 1 else np.concatenate(blocks))


def best_match(
    sig: np.ndarray, cand_sigs: np.ndarray, cand_ids: Sequence[str], *, threshold: float = THRESHOLD
) -> int:
    """Index (into the candidates) of the earlier article ``sig`` joins, or -1: the most
    similar candidate at or above ``threshold``, ties to the smallest id. The one rule of
    the full clustering and of the incremental step (``store.derive``)."""
    if not len(cand_ids):
        return -1
    sims = np.count_nonzero(cand_sigs == sig, axis=1) / NUM_PERM
    ok = sims >= threshold
    if not ok.any():
        return -1
    top = sims[ok].max()
    return min(np.flatnonzero(ok & (sims == top)).tolist(), key=lambda c: cand_ids[c])


def cluster_stack(
    ids: Sequence[str],
    stack: np.ndarray,
    *,
    keys: np.ndarray | None = None,
    threshold: float = THRESHOLD,
) -> list[Story]:
    """Cluster distinct ``ids`` with signatures ``stack`` (rows in the same order, which is
    the clustering order) into stories; ``keys`` are their ``band_keys`` when already made."""
    if not len(ids):
        return []
    index = _BandIndex(band_keys(stack) if keys is None else keys)
    story_of = np.arange(len(ids))
    members: dict[int, list[Member]] = {}
    for i, article_id in enumerate(ids):
        if i % CANDIDATE_BLOCK == 0:
            lo = i
            ptr, earlier = index.candidates(lo, min(lo + CANDIDATE_BLOCK, len(ids)))
        cands = earlier[ptr[i - lo] : ptr[i - lo + 1]]
        pick = best_match(stack[i], stack[cands], [ids[c] for c in cands], threshold=threshold)
        if pick < 0:
            members[i] = [Member(article_id, 1.0, None, "representative")]
        else:
            best = int(cands[pick])
            story_of[i] = story_of[best]
            sim = round(float(np.count_nonzero(stack[best] == stack[i]) / NUM_PERM), 4)
            members[int(story_of[i])].append(Member(article_id, sim, ids[best], "near_duplicate"))
    return [Story(ids[i], tuple(ms)) for i, ms in members.items()]


def cluster_signatures(
    items: Iterable[tuple[str, np.ndarray]], *, threshold: float = THRESHOLD
) -> list[Story]:
    """Cluster ``(article_id, signature)`` pairs, in the order given, into stories.

    Repeated ids are ignored after their first occurrence (exact copies are one article).
    Memory is the signatures themselves (512 bytes per article) plus the band keys (256).
    """
    ids, stack = stack_signatures(items)
    return cluster_stack(ids, stack, threshold=threshold)


def cluster(
    items: Iterable[tuple[str, str, str | None]], *, threshold: float = THRESHOLD
) -> list[Story]:
    """Cluster ``(article_id, text, source)`` tuples, in the order given, into stories.

    ``source`` is not used for matching (a copy in the same outlet is still a copy); it is in
    the tuple so callers can pass their rows as they are.
    """
    return cluster_signatures(((aid, signature(text)) for aid, text, _src in items), threshold=threshold)


def stories_by_member(stories: Sequence[Story]) -> dict[str, Story]:
    """Index: article id -> its story."""
    return {m.article_id: s for s in stories for m in s.members}

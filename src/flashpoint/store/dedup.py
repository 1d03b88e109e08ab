"""Near-duplicate detection: syndicated copies of one report become one story.

Exact copies need nothing here: they have the same content hash (``Article.id``) and share one
article row; each place they were seen is a *sighting*. Near copies (a wire story re-published
with another headline, a trimmed last paragraph, a changed byline) are found with MinHash LSH
over word shingles:

* shingles: ``SHINGLE_SIZE`` (3) consecutive lower-cased word tokens; 3 rather than 5 because
  an edit destroys as many shingles as the shingle is long, and syndicated copies are edited;
* signature: ``NUM_PERM`` (128) MinHash permutations (datasketch, fixed seed, so signatures
  computed in different processes, e.g. Dask workers, are comparable);
* threshold: ``THRESHOLD`` (0.6) estimated Jaccard similarity. Distinct reports on the same
  pair of countries share names and stock phrases but stay below it: at most 0.52 on 5,000
  template-built synthetic reports, which are far more alike than real news; a copy with a
  new title and a trailer line added is above 0.8, one with its last short paragraph cut
  0.55-0.75 (most of them still merge). LSH is tuned to a lower threshold
  (``THRESHOLD - 0.15``) so pairs just above the threshold are not lost to banding, and
  every candidate is confirmed on the estimated Jaccard before merging.

Clustering is greedy "leader" clustering in the order given (the store orders by publication
date, then id): an article joins the story of its most similar earlier article when that
similarity reaches the threshold, otherwise it starts a story. Unlike union-find over all
pairs, a chain of small edits cannot snowball unrelated reports into one story, and the
result depends only on the set of articles and their order, never on batch boundaries.

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
LSH_MARGIN = 0.15
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


def cluster_signatures(
    items: Iterable[tuple[str, np.ndarray]], *, threshold: float = THRESHOLD
) -> list[Story]:
    """Cluster ``(article_id, signature)`` pairs, in the order given, into stories.

    Repeated ids are ignored after their first occurrence (exact copies are one article).
    """
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=max(0.05, threshold - LSH_MARGIN), num_perm=NUM_PERM)
    sigs: dict[str, np.ndarray] = {}
    story_of: dict[str, str] = {}
    members: dict[str, list[Member]] = {}
    order: list[str] = []
    for article_id, sig in items:
        if article_id in sigs:
            continue
        best: tuple[float, str] | None = None
        for cand in lsh.query(_LshKey(sig)):
            s = similarity(sig, sigs[cand])
            if s >= threshold and (best is None or (s, _neg(cand)) > (best[0], _neg(best[1]))):
                best = (s, cand)
        sigs[article_id] = sig
        lsh.insert(article_id, _LshKey(sig))
        if best is None:
            story_of[article_id] = article_id
            members[article_id] = [Member(article_id, 1.0, None, "representative")]
            order.append(article_id)
        else:
            sid = story_of[best[1]]
            story_of[article_id] = sid
            members[sid].append(Member(article_id, round(best[0], 4), best[1], "near_duplicate"))
    return [Story(sid, tuple(members[sid])) for sid in order]


def cluster(
    items: Iterable[tuple[str, str, str | None]], *, threshold: float = THRESHOLD
) -> list[Story]:
    """Cluster ``(article_id, text, source)`` tuples, in the order given, into stories.

    ``source`` is not used for matching (a copy in the same outlet is still a copy); it is in
    the tuple so callers can pass their rows as they are.
    """
    return cluster_signatures(((aid, signature(text)) for aid, text, _src in items), threshold=threshold)


def _neg(article_id: str) -> tuple[int, ...]:
    # Tie-break on equal similarity: the smaller id wins, deterministically.
    return tuple(-ord(c) for c in article_id)


class _LshKey:
    """Adapter: datasketch's LSH reads ``.hashvalues`` and ``len()`` from what it is given."""

    __slots__ = ("hashvalues",)

    def __init__(self, sig: np.ndarray) -> None:
        self.hashvalues = sig.astype(np.uint64)

    def __len__(self) -> int:
        return len(self.hashvalues)


def stories_by_member(stories: Sequence[Story]) -> dict[str, Story]:
    """Index: article id -> its story."""
    return {m.article_id: s for s in stories for m in s.members}

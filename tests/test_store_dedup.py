"""Near-duplicate clustering: syndicated copies merge, distinct reports stay apart."""

from __future__ import annotations

import datetime as dt
import itertools
import subprocess
import sys

import numpy as np
import pytest

from flashpoint.records import Analysis, Article, content_id
from flashpoint.store import Store, dedup

WIRE = (
    "Border guards of Northland opened fire on a fishing boat from Southland near the disputed "
    "islands early on Thursday, wounding two crew members, the Southland coast guard said. "
    "The boat was towed back to port in the afternoon and the injured men were taken to a "
    "hospital in the harbour town. Southland summoned the Northland envoy and demanded an "
    "apology, while Northland said the vessel had ignored repeated warnings to leave its waters. "
    "Fishing crews in the area said patrols had become more aggressive since the spring."
)
# The same wire story re-published: a new lead-in word, a trailer line, one word changed.
COPY = (
    WIRE.replace("early on Thursday", "on Thursday morning")
    + " (Reporting by the Harbour Daily desk; editing by staff)"
)
# A different report on the same incident: shares names and facts, not the prose.
OTHER = (
    "Southland's foreign ministry protested on Friday after Northland guards shot at a fishing "
    "boat near the islands. Two fishermen were hurt. A ministry spokeswoman told reporters the "
    "shooting was a grave violation of maritime law and that Southland would raise it at the "
    "regional security forum next week. Northland's defence ministry said its guards had "
    "followed procedure."
)


def test_store_dedup_copy_merges_other_stays_apart():
    stories = dedup.cluster([("w", WIRE, "Wire"), ("o", OTHER, "Daily"), ("c", COPY, "Harbour")])
    assert [[m.article_id for m in s.members] for s in stories] == [["w", "c"], ["o"]]
    copy = stories[0].members[1]
    assert copy.method == "near_duplicate" and copy.matched_id == "w"
    assert dedup.THRESHOLD <= copy.similarity < 1.0


def test_store_dedup_similarity_separates_copy_from_other():
    w, c, o = (dedup.signature(t) for t in (WIRE, COPY, OTHER))
    assert dedup.similarity(w, c) >= 0.7
    assert dedup.similarity(w, o) < 0.3


@pytest.mark.parametrize("order", [("a", "b"), ("b", "a")])
def test_store_dedup_first_in_order_represents(order):
    texts = {"a": WIRE, "b": COPY}
    stories = dedup.cluster([(k, texts[k], None) for k in order])
    assert len(stories) == 1 and stories[0].story_id == order[0]


def test_store_dedup_repeated_id_is_one_member():
    stories = dedup.cluster([("w", WIRE, "A"), ("w", WIRE, "B")])
    assert len(stories) == 1 and len(stories[0].members) == 1


def test_store_dedup_signature_same_in_another_process():
    code = (
        "from flashpoint.store import dedup; import sys; "
        "sys.stdout.write(dedup.signature(sys.stdin.read()).tobytes().hex())"
    )
    out = subprocess.run([sys.executable, "-c", code], input=WIRE, capture_output=True,
                         text=True, check=True).stdout
    assert out == dedup.signature(WIRE).tobytes().hex()


def test_store_dedup_empty_text_has_a_signature():
    assert len(dedup.signature("")) == dedup.NUM_PERM


def test_store_refresh_builds_stories_with_sources(tmp_path):
    def art(text, day, url, source):
        return Analysis(article=Article(id=content_id(text), text=text, published=day, url=url,
                                        source=source, title=text[:20]))

    with Store(tmp_path / "t.duckdb") as store:
        store.write([
            art(COPY, dt.date(2024, 5, 3), "https://b.example/1", "Harbour"),
            art(WIRE, dt.date(2024, 5, 2), "https://a.example/1", "Wire"),
            art(WIRE, dt.date(2024, 5, 2), "https://c.example/9", "Courier"),  # exact copy
            art(OTHER, dt.date(2024, 5, 3), "https://d.example/2", "Daily"),
        ])
        refreshed = store.refresh()
        rows = store.con.execute(
            "SELECT story_id, num_articles, num_sources, num_members FROM stories "
            "ORDER BY num_articles DESC").fetchall()
    assert refreshed.stories == 2 and refreshed.articles_merged == 1
    # The earliest article (WIRE) represents the story: 3 copies seen, from 3 outlets.
    assert rows == [(content_id(WIRE), 3, 3, 2), (content_id(OTHER), 1, 1, 1)]


def test_store_dedup_bands_cover_the_signature():
    ranges = dedup.band_ranges()
    assert ranges[0][0] == 0 and ranges[-1][1] == dedup.NUM_PERM
    assert all(a[1] == b[0] for a, b in itertools.pairwise(ranges))
    keys = dedup.band_keys(np.vstack([dedup.signature(WIRE), dedup.signature(COPY)]))
    assert keys.shape == (2, len(ranges)) and (keys[0] == keys[1]).any()


def test_store_dedup_many_identical_signatures_stay_bounded():
    # 300 copies of one text under different ids: one story, each linked to an earlier copy.
    stories = dedup.cluster([(f"id{i:03d}", WIRE, None) for i in range(300)])
    assert len(stories) == 1 and len(stories[0].members) == 300
    assert all(m.similarity == 1.0 for m in stories[0].members)


def _nearest_earlier(keys: np.ndarray) -> list[list[int]]:
    """The rule, written plainly: article i's candidates are, in every band, the
    ``MAX_LINKS`` nearest earlier articles with the same band key."""
    out = []
    for i in range(len(keys)):
        cands: set[int] = set()
        for band in range(keys.shape[1]):
            same = [j for j in range(i) if keys[j, band] == keys[i, band]]
            cands.update(same[-dedup.MAX_LINKS:])
        out.append(sorted(cands))
    return out


@pytest.mark.parametrize(("max_links", "block"), [(dedup.MAX_LINKS, 7), (3, 1), (3, 1000)])
def test_store_dedup_candidates_listed_by_block_follow_the_rule(monkeypatch, max_links, block):
    # Band keys drawn from a few values, so groups are large (as on template-like text, where
    # thousands of articles share a band): every block of articles gets exactly the
    # candidates of the rule, whatever the block size.
    monkeypatch.setattr(dedup, "MAX_LINKS", max_links)
    rng = np.random.default_rng(5)
    keys = rng.integers(0, 6, size=(150, 4)).astype(np.uint64)
    keys[:, 1] = rng.integers(0, 40, size=150)  # one band of smaller groups
    expected = _nearest_earlier(keys)
    index = dedup._BandIndex(keys)
    got = []
    for lo in range(0, len(keys), block):
        ptr, earlier = index.candidates(lo, min(lo + block, len(keys)))
        got += [earlier[ptr[k] : ptr[k + 1]].tolist() for k in range(len(ptr) - 1)]
    assert got == expected
    assert max(map(len, expected)) > max_links  # more than one band window gives


def test_store_dedup_clustering_same_in_blocks_of_any_size(monkeypatch):
    # Four texts and their copies, interleaved: the stories do not depend on how many
    # articles' candidates are listed at once.
    texts = [WIRE, OTHER, WIRE.upper(), " ".join(reversed(WIRE.split()))]
    items = [(f"a{i:03d}", f"{texts[i % 4]} {'extra ' * (i % 3)}", None) for i in range(40)]
    stories = dedup.cluster(items)
    monkeypatch.setattr(dedup, "CANDIDATE_BLOCK", 3)
    assert dedup.cluster(items) == stories
    assert len(stories) < 40

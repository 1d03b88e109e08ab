"""Partitions of a corpus: the local path's order, JSONL shards read like whole files, stable keys."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from flashpoint.ingest import read_path
from flashpoint.scale.partitions import Unit, partition_key, plan, read_unit

STORY = (
    "Coast guards of Northland detained a cargo ship from Southland near the strait on {day}, "
    "the Southland transport ministry said. The crew of {n} sailors was held at the port for "
    "questioning while diplomats of both countries met to discuss the incident and its cause."
)


def _record(n: int, **extra: object) -> str:
    body = {
        "title": f"Ship {n} held",
        "text": STORY.format(day="Monday", n=n),
        "published": "2023-05-0" + str(1 + n % 9),
    }
    body.update(extra)
    return json.dumps(body)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A corpus with nesting, hidden and doc files, a big JSONL, an empty dir and odd lines."""
    root = tmp_path / "corpus"
    (root / "b_dir" / "deeper").mkdir(parents=True)
    (root / "a_empty_dir").mkdir()
    (root / ".hidden").mkdir()
    (root / ".hidden" / "x.txt").write_text(STORY.format(day="Friday", n=99))
    (root / ".dot.txt").write_text(STORY.format(day="Friday", n=98))
    (root / "README.md").write_text("How this corpus was collected.")
    (root / "c.txt").write_text(STORY.format(day="Tuesday", n=3))
    (root / "b_dir" / "z.txt").write_text(STORY.format(day="Wednesday", n=4))
    (root / "b_dir" / "deeper" / "y.txt").write_text(STORY.format(day="Thursday", n=5))
    lines = [_record(n) for n in range(40)]
    lines[7] = "{not json"
    lines[12] = ""  # blank lines are skipped but still counted
    lines[20] = json.dumps({"title": "no body"})
    (root / "d.jsonl").write_text("\n".join(lines) + "\n")
    (root / "e.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    return root


def _origins(items) -> list[tuple[str, str | None]]:
    return [(type(x).__name__, x.origin) for x in items]


@pytest.mark.parametrize("target", [400, 2_000, 10_000_000])
def test_scale_partitions_read_in_local_order(tree: Path, target: int):
    partitions = plan([tree, tree / "missing.txt"], target_bytes=target)
    assert [p.index for p in partitions] == list(range(len(partitions)))
    ours = [x for p in partitions for u in p.units for x in read_unit(u)]
    local = [*read_path(tree), *read_path(tree / "missing.txt")]
    assert _origins(ours) == _origins(local)
    assert ours == local  # same records, field by field


def test_scale_partitions_shard_a_large_jsonl(tree: Path):
    partitions = plan([tree / "d.jsonl"], target_bytes=1_000, min_partitions=1)
    shards = [u for p in partitions for u in p.units]
    assert len(shards) > 3 and all(u.lines is not None for u in shards)
    assert shards[0].lines[0] == 0 and shards[-1].lines[1] is None
    assert all(a.lines[1] == b.lines[0] for a, b in itertools.pairwise(shards))
    ours = [x for u in shards for x in read_unit(u)]
    assert ours == list(read_path(tree / "d.jsonl"))
    assert [x.origin for x in ours if x.origin.endswith(":8")] == [f"{tree / 'd.jsonl'}:8"]


def test_scale_partitions_shard_keeps_decoding_notes_and_default_date(tmp_path: Path):
    path = tmp_path / "latin.jsonl"
    lines = [json.dumps({"text": STORY.format(day="Monday", n=n)}) for n in range(30)]
    data = (
        ("\n".join(lines) + "\n").encode("utf-8") + b'{"text": "caf\xe9 ' + b"word " * 40 + b'"}\n'
    )
    path.write_bytes(data)
    shards = [u for p in plan([path], target_bytes=500, min_partitions=1) for u in p.units]
    assert len(shards) > 1
    ours = [x for u in shards for x in read_unit(u, published="2023-06-01")]
    assert ours == list(read_path(path, published="2023-06-01"))
    assert any(x.notes for x in ours)


def test_scale_partitions_balanced_and_worker_independent(tree: Path):
    first = plan([tree], target_bytes=600)
    assert first == plan([tree], target_bytes=600)  # depends on the inputs only
    for partition in first:
        assert len(partition.units) == 1 or partition.weight <= 600
    small = plan([tree])  # a small corpus still gives MIN_PARTITIONS-ish partitions
    assert len(small) >= 8


def test_scale_partitions_key_follows_content(tree: Path):
    partition = plan([tree / "c.txt"])[0]
    key = partition_key(partition)
    assert key == partition_key(plan([tree / "c.txt"])[0])
    (tree / "c.txt").write_text(STORY.format(day="Sunday", n=3))
    assert partition_key(partition) != key


def test_scale_partitions_feed_urls_are_units(tmp_path: Path):
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body>'
        '<outline text="a" xmlUrl="http://127.0.0.1:9/a.xml"/>'
        '<outline text="b" xmlUrl="http://127.0.0.1:9/b.xml"/></body></opml>'
    )
    units = [u for p in plan([opml], feeds=["http://127.0.0.1:9/c.xml"]) for u in p.units]
    assert [(u.path, u.kind) for u in units] == [
        ("http://127.0.0.1:9/a.xml", "opml_feed"),
        ("http://127.0.0.1:9/b.xml", "opml_feed"),
        ("http://127.0.0.1:9/c.xml", "feed"),
    ]


def test_scale_partitions_unit_of_missing_path_gives_the_local_skip(tmp_path: Path):
    missing = tmp_path / "nowhere"
    assert list(read_unit(Unit(str(missing), 1))) == list(read_path(missing))

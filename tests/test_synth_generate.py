"""Synthetic corpus: deterministic, marked as synthetic, varied, with syndicated copies."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import string

import pytest

from flashpoint import synth


def _digest(folder) -> str:
    h = hashlib.sha256()
    for f in sorted(folder.rglob("*")):
        if f.is_file():
            h.update(f.name.encode() + f.read_bytes())
    return h.hexdigest()


def test_synth_same_seed_same_files(tmp_path):
    synth.generate(300, tmp_path / "a", seed=5, shard_size=100)
    synth.generate(300, tmp_path / "b", seed=5, shard_size=100)
    synth.generate(300, tmp_path / "c", seed=6, shard_size=100)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    assert _digest(tmp_path / "a") != _digest(tmp_path / "c")
    assert len(list((tmp_path / "a").glob("synth-*.jsonl"))) == 3


def test_synth_records_are_marked_and_varied(tmp_path):
    stats = synth.generate(1000, tmp_path, seed=1, copy_rate=0.15)
    rows = [json.loads(line) for f in sorted(tmp_path.glob("*.jsonl")) for line in f.open()]
    assert len(rows) == stats.reports == 1000
    assert all(r["synthetic"] and r["source"].startswith(synth.SOURCE_PREFIX) for r in rows)
    assert all(r["url"].startswith(synth.URL_ROOT) for r in rows)
    assert len({r["text"] for r in rows}) > 0.85 * len(rows)  # few exact copies
    assert 0.08 < stats.copies / stats.reports < 0.22
    days = sorted(r["published"] for r in rows)
    assert days[0] == "2023-01-01" and days[-1] >= "2023-12-01"
    assert len({r["dyad"] for r in rows}) == len(synth.world()["dyads"])
    assert {r["kind"] for r in rows} == set(synth.templates()["kinds"])
    originals = {r["url"]: r for r in rows if "copy_of" not in r}
    for copy in (r for r in rows if "copy_of" in r):
        assert copy["source"] != originals[copy["copy_of"]]["source"]


def test_synth_txt_files_read_back_with_their_date(tmp_path):
    from flashpoint.ingest import read_path
    from flashpoint.records import Article

    synth.generate(5, tmp_path, seed=2, fmt="txt", start=dt.date(2024, 2, 10), days=3)
    items = list(read_path(tmp_path))
    assert len(items) == 5 and all(isinstance(a, Article) for a in items)
    assert {a.published for a in items} <= {dt.date(2024, 2, d) for d in (10, 11, 12, 13)}
    assert all(a.title for a in items)


def test_synth_tables_are_consistent():
    w, t = synth.world(), synth.templates()
    countries = set(w["countries"])
    assert all(d["a"] in countries and d["b"] in countries and 0 <= d["hostility"] <= 1
               for d in w["dyads"])
    known = {"ORG", "ORG_body", "on_day", "weekday", "month", "number", "topic", "ordinal"}
    known |= {f"{s}{suffix}" for s in "AB" for suffix in
              ("", "_adj", "_capital", "_place", "_media", "_gov", "_mil")}
    sentences = [s for k in t["kinds"].values() for s in k["titles"] + k["leads"]]
    for pool in ("reactions_conflict", "reactions_coop", "third_party", "context",
                 "context_conflict", "quotes_conflict", "quotes_coop"):
        sentences += t[pool]
    for s in sentences:
        fields = {f for _, f, _, _ in string.Formatter().parse(s) if f}
        assert fields <= known, (s, fields - known)
    assert any(k["conflict"] for k in t["kinds"].values())
    assert any(not k["conflict"] for k in t["kinds"].values())


def test_synth_rejects_bad_format(tmp_path):
    from flashpoint.errors import InputError

    with pytest.raises(InputError):
        synth.generate(1, tmp_path, fmt="xml")


def test_synth_episodes_are_where_conflict_concentrates():
    eps = synth.episodes(seed=4)
    assert eps and all(a < b for _, a, b in eps)
    rows = list(synth.reports(4000, seed=4))
    conflict = {k for k, v in synth.templates()["kinds"].items() if v["conflict"]}

    def inside(r):
        return any(r.dyad == d and a <= r.published <= b for d, a, b in eps)

    def share(rs):
        return sum(r.kind in conflict for r in rs) / max(1, len(rs))

    ins = [r for r in rows if inside(r) and not r.copy_of]
    outs = [r for r in rows if not inside(r) and not r.copy_of]
    assert share(ins) > share(outs) + 0.2


def test_synth_words_lengthens_reports_and_keeps_the_corpus():
    """--words gives reports of about that mean length (real news runs 500-600 words), and
    the same reports otherwise: titles, days, dyads, kinds and copies as without it."""
    from flashpoint.synth import reports

    short = list(reports(300, seed=3))
    long = list(reports(300, seed=3, words=500))
    assert [(r.title, r.published, r.dyad, r.kind, r.copy_of) for r in short] == \
        [(r.title, r.published, r.dyad, r.kind, r.copy_of) for r in long]
    assert all(b.text.startswith(a.text.split("\n\n")[0]) for a, b in zip(short, long, strict=True))
    mean = sum(len(r.text.split()) for r in long) / len(long)
    assert 425 <= mean <= 575, mean
    assert sum(len(r.text.split()) for r in short) / len(short) < 120


def test_synth_shards_stay_under_ingests_file_limit(tmp_path, monkeypatch):
    """Long reports close a shard before it passes ingest's per-file limit, so the corpus
    `synth --words 550` writes is read whole (not skipped as too_large)."""
    monkeypatch.setattr(synth, "DEFAULT_MAX_BYTES", 30_000)
    stats = synth.generate(40, tmp_path, seed=3, words=550)
    shards = sorted(tmp_path.glob("synth-*.jsonl"))
    assert stats.files == len(shards) > 1
    assert all(f.stat().st_size <= 30_000 for f in shards)
    assert sum(len(f.read_text(encoding="utf-8").splitlines()) for f in shards) == 40

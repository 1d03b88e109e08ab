"""Derived tables: the incremental step after each ingest equals the full rebuild.

Random interleavings (seeded): syndicated copies (near and exact), copies of copies, articles
that arrive late but are dated early (they can take over a story that was already formed),
undated articles, re-sightings of stored articles under another URL, and refreshes after some
batches only (an interrupted ingest catches up at the next one).
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from flashpoint.records import Actor, Analysis, Article, Event, Span, content_id
from flashpoint.store import Store, dedup, derive

ACTORS = (("NLDGOV", "NLD", "GOV"), ("SLD", "SLD", None), ("ESTMIL", "EST", "MIL"),
          ("IGOUNO", None, None))
CODES = (("112", 3, -2.0), ("190", 4, -10.0), ("036", 1, 4.0))
# (modality, negated): mostly counted, some left out unless uncertain events count
CERTAINTY = (*[("asserted", False)] * 6, ("reported", False), ("intended", False),
             ("hypothetical", False), ("asserted", True))
DERIVED = {
    "story_members": "SELECT * FROM story_members ORDER BY ALL",
    "stories": "SELECT * FROM stories ORDER BY ALL",
    "event_groups": "SELECT * FROM event_groups ORDER BY ALL",
    "unique_events": "SELECT * FROM unique_events ORDER BY ALL",
    "dyad_periods": "SELECT * FROM dyad_periods ORDER BY ALL",
    "article_story": "SELECT id, story_id FROM articles ORDER BY ALL",
    "signature_bands": "SELECT * FROM signature_bands ORDER BY ALL",
}


def _words(rng: random.Random, n: int) -> list[str]:
    vocab = [f"w{i}" for i in range(400)]
    return [rng.choice(vocab) for _ in range(n)]


def _edit(rng: random.Random, words: list[str], share: float) -> list[str]:
    """A syndicated copy: about ``share`` of the words replaced, sometimes a trailer added."""
    out = [rng.choice(("copyedit", "x", "y")) if rng.random() < share else w for w in words]
    return out + (["reporting", "by", "desk"] if rng.random() < 0.5 else [])


def _events(rng: random.Random, text: str, published: dt.date | None, spec: list) -> tuple:
    events = []
    for (src, tgt, code), date_shift, precision, (modality, negated) in spec:
        date = published + dt.timedelta(days=date_shift) if published and precision else None
        events.append(Event(
            source=Actor(src[0], src[0], src[1], src[2]) if src else None,
            target=Actor(tgt[0], tgt[0], tgt[1], tgt[2]) if tgt else None,
            cameo=code[0], cameo_root=code[0][:2], plover=None, quad_class=code[1],
            goldstein=code[2], evidence=Span(text[:12], 0, 12), date=date,
            date_precision=precision if date else None, modality=modality, negated=negated,
        ))
    return tuple(events)


def _corpus(rng: random.Random, n_reports: int) -> list[Analysis]:
    """Reports, near copies of them (and of the copies), each with a few events."""
    start = dt.date(2024, 1, 1)
    made: list[tuple[list[str], list]] = []
    out = []
    for i in range(n_reports * 3):
        if made and rng.random() < 0.55:
            words, spec = rng.choice(made)
            words = _edit(rng, words, rng.choice((0.02, 0.05, 0.1, 0.15)))
        else:
            words = _words(rng, rng.randint(40, 90))
            spec = [((rng.choice((*ACTORS, None)), rng.choice(ACTORS), rng.choice(CODES)),
                     -rng.randint(0, 2), rng.choice(("day", "month", None)),
                     rng.choice(CERTAINTY))
                    for _ in range(rng.randint(0, 3))]
        made.append((words, spec))
        text = " ".join(words)
        published = None if rng.random() < 0.1 else start + dt.timedelta(days=rng.randint(0, 9))
        art = Article(id=content_id(text), text=text, title=f"t{i}", published=published,
                      url=f"https://s{i % 5}.example/{i}", source=f"s{i % 5}")
        out.append(Analysis(article=art, events=_events(rng, text, published, spec)))
    return out


def _snapshot(store: Store) -> dict[str, list[tuple]]:
    return {name: store.con.execute(sql).fetchall() for name, sql in DERIVED.items()}


def _resighted(rng: random.Random, an: Analysis) -> Analysis:
    """The same article seen again elsewhere (an exact copy: a new sighting only)."""
    a = an.article
    again = Article(id=a.id, text=a.text, title=a.title, published=a.published,
                    url=f"{a.url}?copy={rng.randint(0, 9)}", source=f"other{rng.randint(0, 3)}")
    return Analysis(article=again, events=an.events)


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize(("max_links", "chunk", "day_slice"), [
    (dedup.MAX_LINKS, derive.RESTORY_CHUNK, derive.UNIQUE_SLICE_MENTIONS),
    (2, derive.RESTORY_CHUNK, derive.UNIQUE_SLICE_MENTIONS),
    (dedup.MAX_LINKS, 3, derive.UNIQUE_SLICE_MENTIONS),
    (dedup.MAX_LINKS, derive.RESTORY_CHUNK, 3),
])
def test_store_derive_incremental_equals_full(tmp_path, monkeypatch, seed, max_links, chunk,
                                              day_slice):
    # max_links=2 makes the per-band candidate window bind, as thousands of copies would;
    # chunk=3 clusters an update's new articles in passes of 3, as 100,000 go in passes;
    # day_slice=3 makes the full rebuild group unique events in runs of a few days each, as
    # millions of mentions are grouped.
    monkeypatch.setattr(dedup, "MAX_LINKS", max_links)
    monkeypatch.setattr(derive, "RESTORY_CHUNK", chunk)
    monkeypatch.setattr(derive, "UNIQUE_SLICE_MENTIONS", day_slice)
    rng = random.Random(seed)
    corpus = _corpus(rng, 14)
    rng.shuffle(corpus)  # arrival order is not publication order
    with Store(tmp_path / "d.duckdb") as store:
        i = 0
        while i < len(corpus):
            k = rng.randint(1, 6)
            batch = corpus[i : i + k]
            if i and rng.random() < 0.3:
                batch.append(_resighted(rng, rng.choice(corpus[:i])))
            store.write(batch)
            i += k
            if rng.random() < 0.7:
                store.refresh()
        incremental = store.refresh()
        after_steps = _snapshot(store)
        full = store.refresh(full=True)
        rebuilt = _snapshot(store)
    assert incremental == full
    assert full.articles_merged > 0 and full.unique_events < full.events  # copies did merge
    for name in DERIVED:
        assert after_steps[name] == rebuilt[name], name


def test_store_derive_late_early_article_takes_over_the_story(tmp_path):
    rng = random.Random(3)
    words = _words(rng, 80)
    first = " ".join(words)
    copy = " ".join(_edit(rng, words, 0.03))

    def art(text: str, day: int) -> Analysis:
        return Analysis(article=Article(id=content_id(text), text=text,
                                        published=dt.date(2024, 5, day), url=f"u{day}"))

    with Store(tmp_path / "d.duckdb") as store:
        store.write([art(copy, 9)])
        store.refresh()
        store.write([art(first, 2)])  # arrives later, published a week earlier
        store.refresh()
        members = store.con.execute(
            "SELECT article_id, story_id, method FROM story_members ORDER BY method DESC"
        ).fetchall()
    assert members == [(content_id(first), content_id(first), "representative"),
                       (content_id(copy), content_id(first), "near_duplicate")]


def test_store_derive_nothing_new_changes_nothing(tmp_path):
    rng = random.Random(5)
    with Store(tmp_path / "d.duckdb") as store:
        store.write(_corpus(rng, 4))
        first = store.refresh()
        before = _snapshot(store)
        assert store.refresh() == first
        assert _snapshot(store) == before


def test_store_derive_changed_layout_rebuilds_whole(tmp_path):
    rng = random.Random(7)
    with Store(tmp_path / "d.duckdb") as store:
        store.write(_corpus(rng, 4))
        store.refresh()
        expected = _snapshot(store)
        # A store written by another version of the derived tables: bookkeeping unusable.
        store.con.execute("UPDATE derive_state SET layout = 'older'")
        store.con.execute("DELETE FROM unique_events")
        store.refresh()
        assert _snapshot(store) == expected
        assert store.con.execute("SELECT layout FROM derive_state").fetchall() == [
            (derive.layout_fingerprint(),)
        ]


@pytest.mark.parametrize("flag", [[], ["--full"]])
def test_store_derive_cli_refresh(tmp_path, flag):
    from typer.testing import CliRunner

    from flashpoint.cli import app

    rng = random.Random(11)
    db = tmp_path / "d.duckdb"
    with Store(db) as store:
        store.write(_corpus(rng, 4))
    result = CliRunner().invoke(app, ["refresh", "--db", str(db), *flag])
    assert result.exit_code == 0, result.output
    assert ("rebuilt" if flag else "updated") in result.output
    with Store(db) as store:
        assert store.con.execute("SELECT count(*) FROM unique_events").fetchall()[0][0] > 0


@pytest.mark.parametrize("seed", range(3))
def test_store_derive_dyad_periods_equal_the_alerts_count(tmp_path, seed):
    """The summary the alerts read holds, in every counting mode, what they would count from
    the unique events and event groups (also with a dyad, and with a period cut short)."""
    from flashpoint.analytics import alerts
    from flashpoint.store.dyad_periods import MODES

    rng = random.Random(seed)
    corpus = _corpus(rng, 14)
    rng.shuffle(corpus)
    with Store(tmp_path / "d.duckdb") as store:
        for i in range(0, len(corpus), 5):
            store.write(corpus[i : i + 5])
            store.refresh()
        con = store.con

        def key(rows: list[dict]) -> list[tuple]:
            return sorted(tuple(r.values()) for r in rows)

        stories = 0
        for freq, uncertain in MODES:
            kept = alerts._dyad_periods(con, freq, dyad=None, until=None,
                                        include_uncertain=uncertain)
            counted = alerts._counted_periods(con, freq, dyad=None, since=None, until=None,
                                              include_uncertain=uncertain)
            assert key(kept) == key(counted), (freq, uncertain)
            stories += sum(r["conflict_stories"] for r in kept)
            for dyad in ("EST-NLD", "IGOUNO-SLD"):
                for until in (dt.date(2024, 1, 3), dt.date(2024, 1, 7), dt.date(2024, 1, 31)):
                    assert key(alerts._dyad_periods(
                        con, freq, dyad=dyad, until=until, include_uncertain=uncertain,
                    )) == key(alerts._counted_periods(
                        con, freq, dyad=dyad, since=None, until=until,
                        include_uncertain=uncertain,
                    )), (freq, uncertain, dyad, until)
        assert stories > 0  # conflict reports were counted


def test_store_derive_unique_events_full_rebuild_in_day_slices_keeps_day_order(tmp_path,
                                                                              monkeypatch):
    """The full rebuild groups unique events in runs of whole days (its aggregate does not
    spill): sliced, the table holds the same rows and stays in day order, undated last."""
    rng = random.Random(5)
    with Store(tmp_path / "s.duckdb") as store:
        store.write(_corpus(rng, 14))
        whole = store.refresh(full=True)
        rows = _snapshot(store)["unique_events"]
        assert len(derive._day_slices(store.con, 3)) > 3  # several slices, the undated last
        monkeypatch.setattr(derive, "UNIQUE_SLICE_MENTIONS", 3)
        assert store.refresh(full=True) == whole
        assert _snapshot(store)["unique_events"] == rows
        days = [d for (d,) in store.con.execute("SELECT day FROM unique_events ORDER BY rowid").fetchall()]
    dated = [d for d in days if d is not None]
    assert dated == sorted(dated) and days[len(dated):] == [None] * (len(days) - len(dated))


def test_store_derive_dyad_periods_full_rebuild_in_dyad_slices_counts_the_same(tmp_path,
                                                                              monkeypatch):
    """The full rebuild counts the dyad periods in slices of dyads (its distinct-story
    aggregate does not spill): a cell belongs to one dyad, so the counts are the same."""
    from flashpoint.store import dyad_periods

    rng = random.Random(7)
    with Store(tmp_path / "p.duckdb") as store:
        store.write(_corpus(rng, 14))
        store.refresh(full=True)
        whole = _snapshot(store)["dyad_periods"]
        assert whole  # some cells to count
        monkeypatch.setattr(dyad_periods, "SLICE_UNIQUE_EVENTS", 2)
        store.refresh(full=True)
        assert _snapshot(store)["dyad_periods"] == whole

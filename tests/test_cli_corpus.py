"""The corpus CLI: ingest, events, tension, alerts, plot, export, synth (one-line errors)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from typer.testing import CliRunner

from flashpoint.cli import app
from flashpoint.records import Actor, Analysis, Article, Event, Span, content_id
from flashpoint.store import Store
from flashpoint.store.queries import EVENT_COLUMNS

runner = CliRunner()

# Distinct reports (not copies of each other: dedup must keep them apart).
TEXTS = [
    "Aaa forces fired on Bbb outposts near the river crossing at dawn, officials said.",
    "Gunners from Aaa shelled a Bbb village overnight; two barns burned down.",
    "Bbb reported that Aaa drones struck a fuel depot close to its northern airfield.",
    "An Aaa patrol ambushed Bbb border guards in the mountain pass on Sunday evening.",
    "Aaa artillery hit the Bbb harbour, sinking a tugboat, according to local radio.",
    "Witnesses said Aaa tanks crossed into Bbb farmland and opened fire on a checkpoint.",
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "c.duckdb"
    analyses = []
    for i, text in enumerate(TEXTS):
        art = Article(id=content_id(text), text=text, published=dt.date(2024, 1, 1) + dt.timedelta(weeks=i),
                      title=f"Report {i}", url=f"https://x.example/{i}")
        ev = Event(source=Actor("Aaa forces", "AAAMIL", "AAA", "MIL"),
                   target=Actor("Bbb", "BBB", "BBB", None), cameo="190", cameo_root="19",
                   plover="ASSAULT", quad_class=4, goldstein=-10.0,
                   evidence=Span(text[:40], 0, 40))
        analyses.append(Analysis(article=art, events=(ev,)))
    with Store(path) as store:
        store.write(analyses)
        store.refresh()
    return str(path)


def test_cli_corpus_events_csv_and_json(db):
    res = runner.invoke(app, ["events", "--db", db, "--dyad", "BBB-AAA", "--since", "2024-01-08",
                              "--format", "csv"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert tuple(rows[0]) == EVENT_COLUMNS and len(rows) == 5
    res = runner.invoke(app, ["events", "--db", db, "--limit", "2", "--format", "json"])
    assert [r["title"] for r in json.loads(res.stdout)] == ["Report 5", "Report 4"]


def test_cli_corpus_tension_json(db):
    res = runner.invoke(app, ["tension", "--db", db, "--dyad", "AAA-BBB", "--freq", "week",
                              "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert [r["q4"] for r in rows] == [1, 1, 1, 1, 1, 1]
    assert rows[0]["period"] == "2024-01-01" and rows[0]["conflict_intensity"] == 10.0


def test_cli_corpus_table_outputs_render(db):
    for args in (["tension", "--dyad", "AAA-BBB"], ["events"], ["alerts"]):
        res = runner.invoke(app, [*args, "--db", db])
        assert res.exit_code == 0, res.output
    assert "no escalation alerts" in res.stdout  # a steady one attack a week is the baseline


def test_cli_corpus_export_plot_synth(db, tmp_path):
    res = runner.invoke(app, ["export", "--db", db, "--format", "gdelt", "-o", str(tmp_path)])
    assert res.exit_code == 0, res.output
    gdelt_rows = (tmp_path / "events.gdelt.tsv").read_text().splitlines()
    assert len(gdelt_rows[0].split("\t")) == 61 and not gdelt_rows[0].startswith("GLOBALEVENTID")
    res = runner.invoke(app, ["export", "--db", db, "--format", "gdelt", "--header",
                              "-o", str(tmp_path / "h")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "h" / "events.gdelt.tsv").read_text().startswith("GLOBALEVENTID\tSQLDATE")
    res = runner.invoke(app, ["plot", "--db", db, "--dyad", "AAA-BBB", "-o", str(tmp_path / "p.svg")])
    assert res.exit_code == 0 and (tmp_path / "p.svg").stat().st_size > 1000
    res = runner.invoke(app, ["synth", "--n", "20", "-o", str(tmp_path / "syn"), "--seed", "3"])
    assert res.exit_code == 0 and "20 synthetic reports" in res.stdout


@pytest.mark.parametrize("args", [
    ["events", "--db", "does-not-exist.duckdb"],
    ["tension", "--dyad", "PRK"],
    ["ingest", "--db", "x.duckdb"],
    ["plot", "-o", "x.png"],
])
def test_cli_corpus_errors_are_one_line(args, tmp_path, monkeypatch, db):
    monkeypatch.chdir(tmp_path)
    if args[0] == "tension":
        args = [*args, "--db", db]
    res = runner.invoke(app, args)
    assert res.exit_code == 2
    assert "Traceback" not in res.output and "error:" in res.output


@pytest.mark.slow
def test_cli_corpus_ingest_then_reingest_adds_nothing(tmp_path, nlp):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Border clash\n\nTroops of North Korea fired artillery at a "
                                "South Korean island on Tuesday, the military in Seoul said.\n")
    (news / "b.json").write_text(json.dumps({
        "title": "Talks", "published": "2024-03-02", "source": "Wire",
        "text": "Japan and South Korea agreed on Friday to resume defence talks in Tokyo."}))
    (news / "c.bin").write_bytes(b"\x00\x00binary\x00")
    db = str(tmp_path / "n.duckdb")
    first = runner.invoke(app, ["ingest", str(news), "--db", db, "--workers", "1",
                                "--published", "2024-03-01", "--format", "json"])
    assert first.exit_code == 3, first.output  # partly done: the binary file was not read
    stats = json.loads(first.stdout)
    assert (stats["articles_new"], stats["skips_by_reason"]) == (2, {"binary": 1})
    again = runner.invoke(app, ["ingest", str(news), "--db", db, "--workers", "1",
                                "--published", "2024-03-01", "--format", "json"])
    stats = json.loads(again.stdout)
    assert (stats["articles_new"], stats["articles_known"], stats["skips_new"]) == (0, 2, 0)


def test_cli_corpus_stories_show_exact_and_near_copies(tmp_path):
    wire = ("Aaa and Bbb signed a ceasefire in the border town on Friday after three days of "
            "talks, the mediators said, and both armies began to pull back heavy guns from the "
            "front line under the watch of observers from neighbouring states.")
    near = wire + " (Reporting by the Harbour desk)"
    def an(text, url, source, day):
        return Analysis(article=Article(id=content_id(text), text=text, url=url, source=source,
                                        title="Ceasefire", published=day))
    db = str(tmp_path / "s.duckdb")
    with Store(db) as store:
        store.write([an(wire, "https://a.example/1", "A", dt.date(2024, 2, 2)),
                     an(wire, "https://b.example/7", "B", dt.date(2024, 2, 2)),
                     an(near, "https://c.example/3", "C", dt.date(2024, 2, 3))])
        store.refresh()
    res = runner.invoke(app, ["stories", "--db", db, "--format", "json"])
    assert res.exit_code == 0, res.output
    (story,) = json.loads(res.stdout)
    assert (story["num_articles"], story["num_sources"], story["num_members"]) == (3, 3, 2)
    first, copy = story["members"]
    assert len(first["sightings"]) == 2 and copy["method"] == "near_duplicate"
    assert copy["matched_id"] == first["article_id"] and 0.6 <= copy["similarity"] < 1
    table = runner.invoke(app, ["stories", "--db", db])
    assert "exact copy" in table.stdout and "near copy" in table.stdout
    unique = runner.invoke(app, ["events", "--db", db, "--unique", "--format", "json"])
    assert unique.exit_code == 0 and json.loads(unique.stdout) == []


def test_cli_corpus_bench_alerts_scores_against_episodes(db):
    res = runner.invoke(app, ["bench", "alerts", "--db", db, "--seed", "1"])
    assert res.exit_code == 0, res.output
    from flashpoint.synth import episodes

    assert "alerts: 0" in res.stdout and f"episodes: {len(episodes(seed=1))}," in res.stdout


def test_cli_corpus_bench_tension_on_a_small_fill(tmp_path):
    res = runner.invoke(app, ["bench", "tension", "--events", "3000", "--repeat", "1",
                              "--db", str(tmp_path / "b.duckdb")])
    assert res.exit_code == 0, res.output
    assert "filled 3,000 events" in res.stdout and "tension PRK-KOR weekly" in res.stdout


def test_cli_corpus_ingest_engine_dask_writes_parquet_not_the_db(tmp_path):
    """`ingest --engine dask` is the scale-ingest path: Parquet out, the --db untouched."""
    page = tmp_path / "in" / "a.txt"
    page.parent.mkdir()
    page.write_text(
        "Border clash\n\nPublished 3 May 2024\n\n"
        "Indian and Chinese troops clashed in the Galwan valley on Friday, officials said.\n",
        encoding="utf-8",
    )
    out, db = tmp_path / "events", tmp_path / "never.duckdb"
    result = runner.invoke(
        app, ["ingest", str(page.parent), "--engine", "dask", "--workers", "1", "--out", str(out),
              "--db", str(db), "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    assert list((out / "articles").rglob("*.parquet"))
    assert not db.exists()


def test_cli_corpus_ingest_rejects_an_unknown_engine(tmp_path):
    result = runner.invoke(app, ["ingest", str(tmp_path), "--engine", "spark"])
    assert result.exit_code != 0
    assert "--engine must be local or dask" in result.output

"""kill -9 in the middle of `flashpoint ingest`, then a re-run: exactly the data of a clean run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from flashpoint.synth import generate

pytestmark = pytest.mark.slow

FLASHPOINT = [sys.executable, "-c", "from flashpoint.cli import main; main()"]


def _ingest(corpus: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [*FLASHPOINT, "ingest", str(corpus), "--db", str(db), "--workers", "1",
         "--batch-size", "4", "--commit-every", "4", "--progress-lines", "--format", "json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )


def _snapshot(db: Path) -> dict:
    from flashpoint.store import connect_readonly
    from flashpoint.store.queries import counts

    con = connect_readonly(db)
    try:
        keys = {
            "articles": "SELECT id FROM articles",
            "events": "SELECT id FROM events",
            "statements": "SELECT article_id || ':' || idx FROM statements",
            "sightings": "SELECT article_id || ' ' || key FROM sightings",
            "skips": "SELECT id FROM skips",
            "story_members": "SELECT article_id || ' ' || story_id || ' ' || similarity "
                             "FROM story_members",
            "unique_events": "SELECT id || ' ' || num_mentions || ' ' || num_articles "
                             "FROM unique_events",
        }
        return {
            "counts": counts(con),
            **{k: sorted(r[0] for r in con.execute(q).fetchall()) for k, q in keys.items()},
        }
    finally:
        con.close()


def test_cli_corpus_kill9_then_rerun_equals_clean_run(tmp_path):
    corpus = tmp_path / "corpus"
    generate(60, corpus, seed=7, copy_rate=0.2)
    (corpus / "broken.bin").write_bytes(b"\x00\x01\x02 not text \x00" * 10)
    with (corpus / "synth-00000.jsonl").open("a", encoding="utf-8") as f:
        f.write("{this line is not json\n")

    killed_db = tmp_path / "killed.duckdb"
    proc = _ingest(corpus, killed_db)
    batches = 0
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("progress:"):
            batches += 1
            if batches == 3:
                os.killpg(proc.pid, signal.SIGKILL)
                break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    partial = _snapshot(killed_db)["counts"]

    rerun = subprocess.run([*FLASHPOINT, "ingest", str(corpus), "--db", str(killed_db),
                            "--workers", "1", "--batch-size", "4", "--format", "json"],
                           capture_output=True, text=True, timeout=600, check=False)
    assert rerun.returncode == 3, rerun.stderr  # partly done: the .bin and the bad line (cli.exits)
    resumed = json.loads(rerun.stdout)
    assert resumed["articles_known"] > 0  # the committed batches were not analysed again

    clean_db = tmp_path / "clean.duckdb"
    clean = subprocess.run([*FLASHPOINT, "ingest", str(corpus), "--db", str(clean_db),
                            "--workers", "1", "--batch-size", "4", "--format", "json"],
                           capture_output=True, text=True, timeout=600, check=False)
    assert clean.returncode == 3, clean.stderr

    after_kill, reference = _snapshot(killed_db), _snapshot(clean_db)
    assert after_kill["counts"] == reference["counts"]
    assert after_kill == reference
    assert 0 < partial["articles"] < reference["counts"]["articles"]  # it really was cut short
    assert reference["counts"]["skips"] >= 2  # the binary file and the bad JSON line

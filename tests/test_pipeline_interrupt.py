"""An interrupted parallel analysis stops its workers instead of waiting for their batches, and
workers die with the process that started them: an ingest stopped by Ctrl-C or killed leaves no
worker parsing on for nobody. Neither test measures time: the verdict is the state of the
worker process (gone, never finished). A stand-in batch waits, with no deadline, for a
release the test gives only after its checks; a regression (a close that waits for the batch, a
worker that outlives its parent) hangs there, and pytest's own timeout (``timeout`` in
pyproject.toml's pytest options) turns the hang into a failure. No clock decides anything."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flashpoint import pipeline
from flashpoint.records import Analysis, Article, content_id

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="worker processes are forked and watched on Linux only")

def _article(text: str) -> Article:
    return Article(id=content_id(text), text=text)


def _batch(batch) -> list[Analysis]:
    """A stand-in for the analysis: 'fast' returns; 'slow' says it started, waits for the
    release the test gives after its checks, and says it finished (which only a worker left
    running gets to)."""
    if any(item.text.startswith("slow") for item in batch):
        marks = Path(os.environ["FLASHPOINT_TEST_MARKS"])
        (marks / f"started-{os.getpid()}").touch()
        while not (marks / "release").exists():
            time.sleep(0.01)
        (marks / f"finished-{os.getpid()}").touch()
    return [Analysis(item) for item in batch]


def test_pipeline_interrupted_run_stops_its_workers(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("FLASHPOINT_TEST_MARKS", str(tmp_path))
    monkeypatch.setattr(pipeline, "_warm_worker", lambda: None)  # forked: no model to load
    monkeypatch.setattr(pipeline, "_analyze_batch_list", _batch)
    items = [_article("fast one"), _article("slow two"), _article("slow three")]
    results = pipeline.analyze_many(items, batch_size=1, n_process=2)
    assert next(results).article.text == "fast one"
    while not list(tmp_path.glob("started-*")):  # a slow batch is in a worker's hands
        time.sleep(0.05)
    busy = [int(p.name.split("-")[1]) for p in tmp_path.glob("started-*")]
    results.close()  # what Ctrl-C in the consumer does
    assert not list(tmp_path.glob("finished-*")), "closing waited for the batches in flight"
    assert not [pid for pid in busy if Path(f"/proc/{pid}").exists()], "a busy worker still runs"
    (tmp_path / "release").touch()


_CHILD = """
import os, signal
from flashpoint import pipeline
pipeline._die_with_parent()
print(os.getpid(), flush=True)
signal.pause()  # until a signal: the one its parent's death sends
print("survived its parent", flush=True)
"""


def test_pipeline_worker_dies_with_its_parent() -> None:
    """A worker's parent killed with SIGKILL (no clean-up runs): the worker goes too. The
    worker shares the parent's stdout, so reading it to the end waits for the worker's end."""
    parent = subprocess.Popen(
        [sys.executable, "-c",
         ("import subprocess, sys; "
          f"child = subprocess.Popen([sys.executable, '-c', {_CHILD!r}]); child.wait()")],
        stdout=subprocess.PIPE, text=True,
    )
    assert int(parent.stdout.readline()) > 0  # the worker runs and has asked to die with it
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    assert parent.stdout.read() == ""  # end of output: the worker ended without surviving

"""An interrupted parallel analysis stops its workers instead of waiting for their batches, and
workers die with the process that started them: an ingest stopped by Ctrl-C or killed leaves no
worker parsing on for nobody."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
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
    """A stand-in for the analysis: 'fast' returns, 'slow' records its pid and hangs."""
    if any(item.text.startswith("slow") for item in batch):
        with Path(os.environ["FLASHPOINT_TEST_PIDS"]).open("a") as pids:
            pids.write(f"{os.getpid()}\n")
        time.sleep(600)
    return [Analysis(item) for item in batch]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as f:  # a zombie is dead, only not yet reaped
        return f.read().split(") ")[1][0] != "Z"


def _pids(path: Path) -> list[int]:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if path.exists() and path.read_text().strip():
            return [int(line) for line in path.read_text().split()]
        time.sleep(0.1)
    raise AssertionError("no worker started the slow batch")


def test_pipeline_interrupted_run_stops_its_workers(tmp_path: Path, monkeypatch) -> None:
    pids = tmp_path / "pids"
    monkeypatch.setenv("FLASHPOINT_TEST_PIDS", str(pids))
    monkeypatch.setattr(pipeline, "_warm_worker", lambda: None)  # forked: no model to load
    monkeypatch.setattr(pipeline, "_analyze_batch_list", _batch)
    items = [_article("fast one"), _article("slow two"), _article("slow three")]
    results = pipeline.analyze_many(items, batch_size=1, n_process=2)
    assert next(results).article.text == "fast one"
    workers = _pids(pids)
    closing = threading.Thread(target=results.close)  # what Ctrl-C in the consumer does
    closing.start()
    closing.join(timeout=60)  # a hang detector: the slow batches would hold it for 600 s
    assert not closing.is_alive(), "closing waited for the batches in flight"
    assert not any(_alive(pid) for pid in workers)


_ORPHAN = """
import os, sys, time
from flashpoint import pipeline
pipeline._die_with_parent()
print(os.getpid(), flush=True)
time.sleep(600)
"""


def test_pipeline_worker_dies_with_its_parent(tmp_path: Path) -> None:
    """A worker's parent killed with SIGKILL (no clean-up runs): the worker goes too."""
    parent = subprocess.Popen(
        [sys.executable, "-c",
         ("import subprocess, sys; "
          f"child = subprocess.Popen([sys.executable, '-c', {_ORPHAN!r}]); child.wait()")],
        stdout=subprocess.PIPE, text=True,
    )
    child = int(parent.stdout.readline())
    assert _alive(child)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 60
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(child)

"""The dashboard and an ingest on one DuckDB file at once (``store.replica``).

`flashpoint serve` and `flashpoint ingest` run as real processes on the same file: the server
answers every request while the ingest runs, the new articles appear without a restart, and the
served counts equal the main file's (nothing lost, nothing twice). The main file stays free for
other readers (pandas, the CLI) while the server is up.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

pytest_plugins = ["test_api_support"]  # build_db, crisis_analyses

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "flashpoint", *args]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("FLASHPOINT_TOKEN", None)
    return env


def _health(base: str) -> dict:
    """The server's health answer. No socket timeout: how long an answer takes on a loaded
    machine is no property of the server; one that never comes is pytest-timeout's to fail."""
    with urllib.request.urlopen(f"{base}/api/health") as response:
        assert response.status == 200
        return json.loads(response.read())


def _main_counts(db: Path) -> tuple[int, int, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(DISTINCT id) FROM articles),"
            " (SELECT count(*) FROM events)"
        ).fetchone()


@pytest.mark.parametrize("pages", [4])
def test_web_serve_and_ingest_on_one_file(tmp_path: Path, examples_dir: Path, pages: int) -> None:
    from test_api_support import build_db

    db = build_db(tmp_path / "crisis.duckdb")
    before = _main_counts(db)
    corpus = tmp_path / "new"
    corpus.mkdir()
    for page in sorted((examples_dir / "pages").glob("*.txt"))[:pages]:
        shutil.copy(page, corpus / page.name)

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        _cli("serve", "--db", str(db), "--port", str(port)), env=_env(),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        while True:  # until it answers; a hang is pytest-timeout's to fail
            try:
                first = _health(base)
                break
            except OSError:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                time.sleep(0.3)
        assert first["counts"]["articles"] == before[0]
        # The server does not hold the main file: another process can read it meanwhile.
        assert _main_counts(db) == before

        ingest = subprocess.Popen(
            _cli("ingest", str(corpus), "--db", str(db), "--workers", "1", "--format", "json"),
            env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        answered = 0
        while ingest.poll() is None:
            _health(base)  # raises if the dashboard went down or answered an error
            answered += 1
            time.sleep(0.2)
        out, errors = ingest.communicate()
        assert ingest.returncode == 0, errors
        added = json.loads(out)["articles_new"]
        assert added == pages
        assert answered > 0

        after = _main_counts(db)
        assert after[0] == after[1] == before[0] + pages, "nothing lost or duplicated"
        while (served := _health(base)["counts"])["articles"] != after[0]:  # pytest-timeout bounds it
            assert server.poll() is None, f"the dashboard went down before showing {after[0]}: {served}"
            time.sleep(0.3)
        assert served["events"] == after[2]
        assert server.poll() is None, "the dashboard stayed up"
    finally:
        server.terminate()
        server.wait(timeout=30)

"""Reading a store while another process writes it (``store.replica``, ``store.owner``).

DuckDB lets no other process open a file one process writes. `flashpoint ingest` keeps a read
replica, so `events`, `tension`, `alerts`, `export` and `events_frame` read its newest copy
meanwhile (with a note on stderr) instead of failing with "Conflicting lock"; a server with a
write token is the file's one writer, and an ingest on its file stops at once with E315 saying
where to send the pages. Every process here is real (subprocesses), as a user would run them.
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

pytest_plugins = ["test_api_support"]  # build_db

ROOT = Path(__file__).resolve().parents[1]
NOTE = "reading the replica of"


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "flashpoint", *args]


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("FLASHPOINT_TOKEN", None)
    env.update(extra)
    return env


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(_cli(*args), env=_env(), capture_output=True, text=True, timeout=300,
                          check=False)


def _counts(db: Path) -> tuple[int, int, int]:
    """(article rows, distinct article ids, event rows) of the main file."""
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(DISTINCT id) FROM articles),"
            " (SELECT count(*) FROM events)"
        ).fetchone()


def _locked(db: Path) -> bool:
    """True while another process writes ``db`` (a plain DuckDB reader is refused)."""
    try:
        duckdb.connect(str(db), read_only=True).close()
    except duckdb.IOException as e:
        assert "lock" in str(e).lower(), e
        return True
    return False


def _corpus(tmp_path: Path, examples_dir: Path, pages: int) -> Path:
    corpus = tmp_path / "new"
    corpus.mkdir()
    for page in sorted((examples_dir / "pages").glob("*.txt"))[:pages]:
        shutil.copy(page, corpus / page.name)
    return corpus


@pytest.mark.parametrize("pages", [4])
def test_replica_cli_reads_while_ingest_writes(
    tmp_path: Path, examples_dir: Path, pages: int
) -> None:
    from test_api_support import build_db

    from flashpoint.store import events_frame

    db = build_db(tmp_path / "crisis.duckdb")
    before = _counts(db)
    corpus = _corpus(tmp_path, examples_dir, pages)
    ingest = subprocess.Popen(
        _cli("ingest", str(corpus), "--db", str(db), "--workers", "1", "--format", "json"),
        env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    reads: list[tuple[str, subprocess.CompletedProcess[str]]] = []
    frames = []
    try:
        # No clock here: a hang is failed by pytest-timeout (pyproject), a dead ingest at once.
        while not _locked(db):  # the ingest opens the file before it loads the model
            assert ingest.poll() is None, f"the ingest ended before it was seen writing: {ingest.communicate()}"
            time.sleep(0.1)
        commands = [
            ("events", ("events", "--db", str(db), "--format", "json", "--limit", "10000")),
            ("tension", ("tension", "--db", str(db), "--dyad", "KOR-PRK", "--format", "json")),
            ("alerts", ("alerts", "--db", str(db), "--format", "json")),
            ("export", ("export", "--db", str(db), "--format", "csv", "-o", str(tmp_path / "x"))),
        ]
        i = 0
        while ingest.poll() is None or i < len(commands):
            name, args = commands[i % len(commands)]
            frames.append(events_frame(db))  # a notebook's read, in this process
            reads.append((name, _run(*args)))
            i += 1
        out, errors = ingest.communicate(timeout=300)
    finally:
        if ingest.poll() is None:
            ingest.kill()
            ingest.wait()
    assert ingest.returncode == 0, errors
    assert json.loads(out)["articles_new"] == pages

    for name, done in reads:
        assert done.returncode == 0, f"{name}: {done.stderr}"
        assert "Conflicting lock" not in done.stderr and "error:" not in done.stderr, done.stderr
    on_replica = [(name, done) for name, done in reads if NOTE in done.stderr]
    assert on_replica, "no read ran while the ingest held the file"
    assert f"{NOTE} {db} as of" in on_replica[0][1].stderr
    assert "an ingest" in on_replica[0][1].stderr
    # What a replica read shows is a committed state of the file: never less than before.
    for name, done in on_replica:
        if name == "events":
            assert len(json.loads(done.stdout)) >= before[2]
    assert any(f.attrs["replica_as_of"] is not None for f in frames), "a notebook read the copy"
    assert all(len(f) >= before[2] for f in frames)

    after = _counts(db)
    assert after[0] == after[1] == before[0] + pages, "nothing lost or duplicated"
    last = _run("events", "--db", str(db), "--format", "json", "--limit", "10000")
    assert last.returncode == 0 and NOTE not in last.stderr, "the free main file is read again"
    assert len(json.loads(last.stdout)) == after[2]


def test_replica_read_without_a_copy_is_a_clear_error(tmp_path: Path) -> None:
    """A file held by a writer that keeps no replica: one line, E313, exit 2, no traceback."""
    from test_api_support import build_db

    db = build_db(tmp_path / "crisis.duckdb")
    holder = subprocess.Popen(
        [sys.executable, "-c",
         ("import sys, duckdb; con = duckdb.connect(sys.argv[1]); print('held', flush=True); "
          "sys.stdin.read()"), str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        done = _run("events", "--db", str(db))
    finally:
        holder.communicate(input="", timeout=30)
    assert done.returncode == 2
    assert "E313" in done.stderr and "Traceback" not in done.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_replica_ingest_beside_a_writing_server_says_where_to_send(
    tmp_path: Path, examples_dir: Path
) -> None:
    """`serve` with a write token is the file's one writer: `ingest` on its file stops at once
    with E315 naming the server, CLI reads still work (the server keeps a replica, republished
    after each write), and once the server stops, the same ingest runs."""
    from test_api_support import TOKEN, build_db

    db = build_db(tmp_path / "crisis.duckdb")
    before = _counts(db)
    corpus = _corpus(tmp_path, examples_dir, 1)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        _cli("serve", "--db", str(db), "--port", str(port)), env=_env(FLASHPOINT_TOKEN=TOKEN),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        while True:  # until it answers; a hang is pytest-timeout's to fail
            try:
                with urllib.request.urlopen(f"{base}/api/health", timeout=10):
                    break
            except OSError:
                assert server.poll() is None, server.communicate()
                time.sleep(0.3)

        # E315 comes only from the server's note, read before any retry on the lock: the
        # ingest stops at once instead of waiting for a lock that will not come free.
        refused = _run("ingest", str(corpus), "--db", str(db), "--workers", "1")
        assert refused.returncode == 2, refused.stderr
        assert "E315" in refused.stderr and f"{base}/api/articles" in refused.stderr
        assert f"pid {server.pid}" in refused.stderr

        read = _run("events", "--db", str(db), "--format", "json", "--limit", "10000")
        assert read.returncode == 0, read.stderr
        assert NOTE in read.stderr and len(json.loads(read.stdout)) == before[2]
        assert f"a Flashpoint server (pid {server.pid}, {base}/) is writing it" in read.stderr

        page = next(corpus.iterdir()).read_text(encoding="utf-8")
        request = urllib.request.Request(
            f"{base}/api/articles", data=json.dumps({"text": page}).encode(), method="POST",
            headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            assert response.status in (200, 201)
        read = _run("events", "--db", str(db), "--format", "json", "--limit", "10000")
        assert read.returncode == 0 and NOTE in read.stderr
        assert len(json.loads(read.stdout)) > before[2], "the replica follows the server's writes"
    finally:
        server.terminate()
        server.wait(timeout=60)
    assert not (tmp_path / "crisis.duckdb.writer.json").exists(), "the note goes with the server"
    again = _run("ingest", str(corpus), "--db", str(db), "--workers", "1", "--format", "json")
    assert again.returncode == 0, again.stderr
    after = _counts(db)
    assert after[0] == after[1] == before[0] + 1, "the page posted once, the ingest added nothing twice"

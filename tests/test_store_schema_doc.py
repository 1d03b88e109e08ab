"""docs/SCHEMA.md cannot drift: every table and column of the DDL is documented (and nothing
else), and every Python example on the page runs against a real database."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from flashpoint.store.schema import TABLES

pytest_plugins = ["test_api_support"]  # build_db

DOC = Path(__file__).resolve().parents[1] / "docs" / "SCHEMA.md"


def _documented() -> dict[str, set[str]]:
    """table -> columns named in the first cell of its table rows."""
    tables: dict[str, set[str]] = {}
    current = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^### `(\w+)`", line):
            current = tables.setdefault(m.group(1), set())
        elif current is not None and line.startswith("| `"):
            first = line.split("|")[1]
            current.update(re.findall(r"`(\w+)`", first))
    return tables


def _ddl() -> dict[str, set[str]]:
    con = duckdb.connect()
    for ddl in TABLES.values():
        con.execute(ddl)
    return {name: {r[1] for r in con.execute(f"PRAGMA table_info('{name}')").fetchall()}
            for name in TABLES}


def test_schema_doc_lists_every_table_and_column():
    assert _documented() == _ddl()


def _examples() -> list[str]:
    return re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)


@pytest.mark.parametrize("index", range(len(_examples())))
def test_schema_doc_examples_run(index, tmp_path, monkeypatch):
    from test_api_support import build_db

    code = _examples()[index]
    needs_polars = re.search(r"\)\.pl\(\)", code) is not None
    if needs_polars and importlib.util.find_spec("polars") is None:
        pytest.skip("polars not installed (the `notebook` extra): its example is not run")
    build_db(tmp_path / "crisis.duckdb")
    monkeypatch.chdir(tmp_path)
    scope: dict[str, object] = {}
    exec(compile(code, f"SCHEMA.md example {index}", "exec"), scope)  # noqa: S102
    frames = [v for v in scope.values() if isinstance(v, pd.DataFrame)]
    if "events" in scope:
        events = scope["events"]
        assert isinstance(events, pd.DataFrame) and len(events) > 0
        assert str(events["day"].dtype).startswith("datetime64"), "dates as dates"
        assert events.attrs["read_from"].endswith("crisis.duckdb")
    if "frame" in scope:
        frame = scope["frame"]
        assert list(frame.columns[:5]) == ["article_id", "title", "published", "url", "source"]
        assert str(frame["date"].dtype).startswith("datetime64")
        assert set(frame.columns[5:]) <= _ddl()["events"], "same names as the events table"
    assert frames or "statements" in scope


HOLD = ("import sys, time; from flashpoint.store import Store; s = Store(sys.argv[1]); "
        "s.publish_replica(force=True); print('held', flush=True); time.sleep(60)")


def test_events_frame_reads_the_replica_while_a_writer_holds_the_file(tmp_path):
    import os
    import subprocess
    import sys

    from test_api_support import build_db

    from flashpoint.store import events_frame, replica

    db = build_db(tmp_path / "crisis.duckdb")
    replica.ensure(db)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    writer = subprocess.Popen([sys.executable, "-c", HOLD, str(db)], env=env,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "held"
        frame = events_frame(db, dyad="KOR-PRK")
    finally:
        writer.kill()
        writer.wait()
    assert len(frame) == 22
    assert Path(frame.attrs["read_from"]).parent == replica.replica_dir(db)
    assert events_frame(db, dyad="KOR-PRK").attrs["read_from"] == str(db)

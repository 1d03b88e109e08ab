"""The ingest's progress total: how many inputs a run will read, known before it starts."""

from __future__ import annotations

import pytest

from flashpoint.store.ingest import expected_inputs, read_inputs


@pytest.mark.parametrize(("files", "expected"), [
    ({"a.txt": "one", "b/c.html": "<p>two</p>", "d.jsonl": '{"text": "x"}\n{"text": "y"}\n'}, 4),
    ({"d.jsonl": '{"text": "x"}\n{"text": "y"}'}, 2),  # no newline after the last line
    ({"a.txt": "one", "list.json": "[]"}, None),  # a JSON list: counted only by parsing it
])
def test_store_ingest_expected_inputs(tmp_path, files, expected):
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert expected_inputs([tmp_path]) == expected
    if expected is not None:  # the total is what the readers then yield
        assert sum(1 for _ in read_inputs([tmp_path])) == expected

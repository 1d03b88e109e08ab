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


def test_cli_ingest_eta_follows_the_recent_rate_not_the_run_mean():
    """A resumed run: 5,000 stored inputs pass in 5 s, then one new article a second. The mean
    (5,100 in 105 s) would promise ~30 min for the 40,000 left; the recent rate gives ~11 h."""
    from flashpoint.cli.render.progress import RecentRate

    eta = RecentRate(total=45_000, window=60.0)
    assert eta.seconds_left(5_000, 5.0) is None  # one sample shows no rate yet
    left = None
    for second in range(6, 306):
        left = eta.seconds_left(5_000 + (second - 5), float(second))
    assert left == pytest.approx(45_000 - 5_300, rel=0.01)
    assert eta.seconds_left(5_300, 307.0) is not None  # a stall keeps the last window's rate

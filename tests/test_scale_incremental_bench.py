"""`flashpoint bench incremental`: a small ingest into stores of growing size."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from flashpoint.bench.incremental import IncrementalReport, SizeRun, measure
from flashpoint.cli import app


@pytest.mark.parametrize(("empty", "largest", "ratio"), [(10.0, 15.0, 1.5), (4.0, 12.0, 3.0)])
def test_scale_incremental_ratio_is_largest_over_empty(empty, largest, ratio):
    report = IncrementalReport(n=100, runs=(SizeRun(0, 100, empty, 0.1, 0.0),
                                            SizeRun(10, 100, largest, 0.2, 5.0)),
                               load_average=(1.0, 1.0, 1.0))
    assert report.ratio == pytest.approx(ratio)
    assert report.to_dict()["ratio_largest_over_empty"] == pytest.approx(ratio)


def test_scale_incremental_measures_each_size(tmp_path):
    report = measure((0, 2000), n=3, workdir=tmp_path)
    assert [r.events_before for r in report.runs] == [0, 2000]
    assert all(r.articles_new == 3 for r in report.runs)  # times are printed, not asserted
    assert not list(tmp_path.iterdir())  # the stores and corpus were temporary


@pytest.mark.parametrize("args", [["--sizes", "0,many"], ["--store", "100=/no/such.duckdb"]])
def test_scale_incremental_cli_rejects_bad_options(args):
    result = CliRunner().invoke(app, ["bench", "incremental", *args])
    assert result.exit_code == 2
    assert "error" in result.output

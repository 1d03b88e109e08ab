"""The scale bench's arithmetic: speed-up from wall-clock, efficiency per CPU-second."""

from __future__ import annotations

import pytest

from flashpoint.bench.scale import PathRun, ScaleReport


def _report(one: PathRun, two: PathRun) -> ScaleReport:
    local = PathRun("local", 1, 400, 30_000, 10.0, 9.0)
    return ScaleReport(400, 30_000, 16, 2, (local, one, two), 0.5, (1.0, 1.0, 1.0), 2)


@pytest.mark.parametrize(
    ("one", "two", "speedup", "cpu_eff"),
    [
        # free cores: twice the CPU, a bit less work per CPU-second
        ((12.0, 11.0), (6.5, 12.0), 12.0 / 6.5, 11.0 / 12.0),
        # a saturated machine: the second worker got almost no extra CPU
        ((12.0, 8.0), (11.0, 8.8), 12.0 / 11.0, 8.0 / 8.8),
    ],
)
def test_scale_bench_speedup_and_cpu_efficiency(one, two, speedup, cpu_eff):
    report = _report(
        PathRun("dask", 1, 400, 30_000, one[0], one[1]),
        PathRun("dask", 2, 400, 30_000, two[0], two[1]),
    )
    assert report.speedup == pytest.approx(speedup)
    assert report.efficiency == pytest.approx(speedup / 2)
    assert report.cpu_efficiency == pytest.approx(cpu_eff)
    assert report.words_per_core_s == pytest.approx(30_000 / one[1])
    assert report.run("dask", 2).cores_used == pytest.approx(two[1] / two[0])
    assert report.to_dict()["runs"][2]["workers"] == 2
    assert report.to_dict()["runs"][2]["cores_used"] == pytest.approx(two[1] / two[0], abs=0.01)

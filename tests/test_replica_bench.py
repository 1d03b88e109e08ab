"""The replica's cost benchmark runs the real publish path on a filled store."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("n_events", [2_000])
def test_replica_bench_times_each_publish(n_events, tmp_path):
    from flashpoint.bench.replica import measure
    from flashpoint.store import replica

    cost = measure(n_events, runs=2, workdir=tmp_path)
    assert len(cost.seconds) == 2  # one time per publish, printed by the bench, not asserted
    assert cost.megabytes > 0
    assert 0 < cost.share <= replica.COPY_SHARE

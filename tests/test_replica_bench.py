"""The replica's cost benchmark runs the real publish path on a filled store; the figures it
prints are computed from the times it measured, which no test bounds."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("n_events", [2_000])
def test_replica_bench_times_each_publish(n_events, tmp_path):
    from flashpoint.bench.replica import measure

    cost = measure(n_events, runs=2, workdir=tmp_path)
    assert len(cost.seconds) == 2 and len(cost.checkpoint_seconds) == 2  # printed, not asserted
    assert cost.megabytes > 0


@pytest.mark.parametrize(
    ("seconds", "share"),
    [
        ((0.2, 0.3, 0.4), 0.3 / 5.0),  # a quick publish, every PUBLISH_SECONDS (5 s)
        ((1.0, 2.0, 3.0), 0.1),  # a slow one: published less often, COPY_SHARE of the time
    ],
)
def test_replica_bench_share_of_an_ingest_spent_publishing(seconds, share, monkeypatch):
    from flashpoint.bench.replica import PublishCost
    from flashpoint.store import replica

    monkeypatch.setattr(replica, "PUBLISH_SECONDS", 5.0)
    monkeypatch.setattr(replica, "COPY_SHARE", 0.1)
    cost = PublishCost(megabytes=1.0, seconds=seconds, checkpoint_seconds=seconds)
    assert cost.share == pytest.approx(share)

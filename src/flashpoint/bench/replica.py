"""What keeping a read replica costs a writer: one publish (CHECKPOINT + copy) on a store of a
given size.

``flashpoint ingest`` keeps ``<db>.replica/`` so that CLI reads and notebooks work while it
writes (``store.replica``); it republishes at most every ``replica.PUBLISH_SECONDS`` and at
most ``replica.COPY_SHARE`` of its time. This measures one publish on a store bulk-filled by
``synth.fill`` (no NLP) to about the size asked, after a commit, so the figure is what each
republish of such a store costs and ``seconds / PUBLISH_SECONDS`` the share of an ingest it
takes. The copy lands in the page cache; the disk writes it back later.

    python -m flashpoint.bench.replica --events 400000      # ~106 MB
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PublishCost:
    """Publishes of one store: its size, each publish's seconds and, of them, the CHECKPOINT's
    (it writes the committed rows into the file and syncs it; the rest is the copy)."""

    megabytes: float
    seconds: tuple[float, ...]
    checkpoint_seconds: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def share(self) -> float:
        """Share of an ingest's time spent publishing at the minimum interval."""
        from ..store import replica

        return self.median / max(replica.PUBLISH_SECONDS, self.median / replica.COPY_SHARE)


def measure(n_events: int = 400_000, *, runs: int = 5, workdir: str | Path | None = None) -> PublishCost:
    """Fill a store with ``n_events`` synthetic events, then time ``runs`` publishes, each
    after a small committed write (as after an ingest's batch)."""
    from ..store import Store, replica
    from ..synth.fill import fill_store

    with tempfile.TemporaryDirectory(dir=workdir, prefix="flashpoint-bench-replica-") as tmp:
        db = Path(tmp) / "store.duckdb"
        fill_store(db, n_events=n_events)
        seconds, checkpoints = [], []
        with Store(db, replica=True) as store:
            for i in range(runs):
                store.con.execute("INSERT INTO skips (id, reason, detail, origin, \"at\") "
                                  "VALUES (?, 'bench', '', '', now())", [f"bench-{i}"])
                started = time.perf_counter()
                store.con.execute("CHECKPOINT")  # what publish runs first, timed apart
                checkpoints.append(time.perf_counter() - started)
                replica.publish(store.con, db)
                seconds.append(time.perf_counter() - started)
        size = db.stat().st_size / 1e6
    return PublishCost(megabytes=round(size, 1), seconds=tuple(seconds),
                       checkpoint_seconds=tuple(checkpoints))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=400_000, help="synthetic events to fill")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    from ..store import replica

    cost = measure(args.events, runs=args.runs)
    print(f"store {cost.megabytes} MB: publish median {cost.median:.3f} s (runs "
          f"{[round(s, 3) for s in cost.seconds]}), of which CHECKPOINT median "
          f"{statistics.median(cost.checkpoint_seconds):.3f} s; an ingest publishing at most "
          f"every {replica.PUBLISH_SECONDS:.0f} s and at most {replica.COPY_SHARE:.0%} of its "
          f"time spends {cost.share:.1%} of it publishing (load average "
          f"{os.getloadavg()[0]:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Command-line interface: `flashpoint <command>`. Only the CLI prints; the library never does.

Each command group lives in its own module and registers itself on ``cli.app.app``; this
module only imports them (order = order in ``--help``).
"""

from __future__ import annotations

import sys

from . import analyze as _analyze  # noqa: F401  analyze, code, check, demo
from . import bench_api as _bench_api  # noqa: F401  bench api
from . import bench_claims as _bench_claims  # noqa: F401  bench claims
from . import bench_events as _bench_events  # noqa: F401  bench accuracy
from . import bench_monitor as _bench_monitor  # noqa: F401  bench alerts, bench tension
from . import bench_scale as _bench_scale  # noqa: F401  bench scale
from . import bench_speed as _bench_speed  # noqa: F401  bench speed
from . import corpus as _corpus  # noqa: F401  ingest, events, tension, alerts, plot, export, synth
from . import scale as _scale  # noqa: F401  dask ingest runner, load
from . import serve as _serve  # noqa: F401  serve
from .app import app


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        raise SystemExit(130) from None

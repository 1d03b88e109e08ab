"""CLI: `flashpoint bench scale` (see docs/ARCHITECTURE.md)."""

from __future__ import annotations

from .app import bench_app  # noqa: F401

"""CLI: `flashpoint bench events` (see docs/ARCHITECTURE.md)."""

from __future__ import annotations

from .app import bench_app  # noqa: F401

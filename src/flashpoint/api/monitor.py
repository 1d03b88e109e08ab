"""GET routes over ``flashpoint.analytics``: tension series, escalation alerts, exports."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/api")

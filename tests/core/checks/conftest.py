"""Shared fixtures: one real Harper engine per test session (building it takes about a second)."""

from __future__ import annotations

import pytest

from workshop.core.checks.engines.harper_engine import HarperEngine
from workshop.core.checks.service import CheckService


@pytest.fixture(scope="session")
def harper_engine() -> HarperEngine:
    """A warmed Harper engine shared by the tests that need the real one."""
    engine = HarperEngine()
    engine.warm()
    return engine


@pytest.fixture()
def harper_service(harper_engine: HarperEngine) -> CheckService:
    """A fresh service (empty cache) over the shared engine."""
    return CheckService([harper_engine])


# The issue shape documented for `workshop check --format json` (issue 4), in order.
DOCUMENTED_KEYS = ("start", "end", "line", "column", "category", "severity", "rule", "message",
                   "suggestions", "engine")

"""Root fixtures. No Qt here: core tests run without a display."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import netguard


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
                   ) -> Path:
    """Point the app's data and config folders at a temporary folder for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("WORKSHOP_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def _no_network(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs offline unless marked ``allow_network`` (see tests/netguard.py)."""
    if request.node.get_closest_marker("allow_network") is None:
        netguard.install(monkeypatch)


@pytest.fixture
def ws_path(tmp_path: Path) -> Path:
    return tmp_path / "ws" / "applicant.workshop"

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from workshop.core.services import init_workspace
from workshop.core.storage.workspace import Workspace

TODAY = dt.date(2026, 12, 2)


@pytest.fixture
def sample_ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Workspace]:
    import workshop.core.sample as sample

    real = sample.load_sample
    monkeypatch.setattr("workshop.core.services.load_sample",
                        lambda ws: real(ws, today=TODAY))
    ws = init_workspace(tmp_path / "s.workshop", sample=True)
    yield ws
    ws.close()


@pytest.fixture
def empty_ws(tmp_path: Path) -> Iterator[Workspace]:
    ws = init_workspace(tmp_path / "e.workshop")
    yield ws
    ws.close()

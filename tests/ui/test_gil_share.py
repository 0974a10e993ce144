"""The app serves the GUI thread the GIL within about a millisecond (workshop.ui.gil_share)."""

from __future__ import annotations

import sys

import pytest

from workshop import app
from workshop.core import engine_head_start
from workshop.ui import gil_share


class Stop(Exception):
    pass


def test_run_app_shortens_the_switch_interval_before_any_worker_starts(
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = sys.getswitchinterval()
    sys.setswitchinterval(0.005)  # CPython's default, whatever ran before
    order: list[str] = []

    def head_start(*_args: object, **_kwargs: object) -> None:
        order.append(f"head start at {sys.getswitchinterval()}")
        raise Stop  # enough: the window is not what this test is about

    monkeypatch.setattr(app, "require_display", lambda: None)
    monkeypatch.setattr(engine_head_start, "begin", head_start)
    try:
        with pytest.raises(Stop):
            app.run_app()
        assert order == [f"head start at {gil_share.GUI_SWITCH_INTERVAL_S}"]
        assert gil_share.GUI_SWITCH_INTERVAL_S < 0.005  # shorter than CPython's default
    finally:
        sys.setswitchinterval(before)

"""MyERAS locks letter assignments from "applied" on."""

from __future__ import annotations

from workshop.core.letters import lock
from workshop.core.programs.model import STATUSES


def test_locked_from_applied_on_but_not_before_or_when_withdrawn() -> None:
    assert not lock.is_locked("researching")
    for status in ("applied", "interview-invited", "interviewed", "ranked", "matched"):
        assert lock.is_locked(status), status
    assert not lock.is_locked("withdrawn")
    assert set(STATUSES) >= lock.LOCKED_STATUSES


def test_messages_say_what_myeras_does() -> None:
    assert "personal statement" in lock.EXPLANATION and lock.MARK in lock.EXPLANATION
    text = lock.change_warning("Lakeview IM", assigned=True)
    assert "assigned to Lakeview IM" in text and "MyERAS will not allow" in text
    assert "removed from" in lock.change_warning("X", assigned=False)
    assert "Programs Applied To" in lock.SOURCE

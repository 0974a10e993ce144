from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workshop.core.autosave import AutosavePolicy


def test_saves_after_pause() -> None:
    policy = AutosavePolicy(idle_delay=0.7, max_delay=2.0)
    assert not policy.should_save(0.0)
    policy.edited(10.0)
    assert not policy.should_save(10.5)
    assert policy.should_save(10.7)
    policy.saved()
    assert not policy.dirty and not policy.should_save(99.0)


@given(st.lists(st.floats(min_value=0.01, max_value=0.6), min_size=1, max_size=200))
def test_continuous_typing_never_waits_longer_than_max_delay(gaps: list[float]) -> None:
    """However someone types, unsaved text is never older than max_delay when a tick comes."""
    policy = AutosavePolicy(idle_delay=0.7, max_delay=2.0)
    now = 0.0
    oldest_unsaved: float | None = None
    for gap in gaps:
        now += gap
        policy.edited(now)
        oldest_unsaved = now if oldest_unsaved is None else oldest_unsaved
        if policy.should_save(now):
            assert now - oldest_unsaved <= 2.0 + 0.6
            policy.saved()
            oldest_unsaved = None
        due = policy.due_at()
        if due is not None:
            assert oldest_unsaved is not None and due - oldest_unsaved <= 2.0 + 1e-9

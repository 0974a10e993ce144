"""The engines built ahead of the window are handed over only for the same settings."""

from __future__ import annotations

from workshop.core import engine_head_start as head_start


def test_taken_once_for_the_same_settings_only() -> None:
    head_start.begin("harper", "", learner_grammar=True)
    assert head_start.take("harper", "", learner_grammar=False) is None  # switched off since
    head_start.begin("harper", "", learner_grammar=True)
    service = head_start.take("harper", "", learner_grammar=True)
    assert service is not None
    assert head_start.take("harper", "", learner_grammar=True) is None  # handed over once
    names = set(service.availability())
    assert "learner-lm" in names  # the learner engine was asked for, so it is listed

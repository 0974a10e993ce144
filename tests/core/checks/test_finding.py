"""Finding: validation, JSON shape, positions and ignore keys."""

from __future__ import annotations

import json

import pytest

from tests.core.checks.conftest import DOCUMENTED_KEYS
from workshop.core.checks.finding import Finding, line_starts, sort_key, with_positions


def _finding(**kw: object) -> Finding:
    base: dict[str, object] = {
        "rule": "r",
        "category": "grammar",
        "severity": "warning",
        "message": "m",
        "start": 0,
        "end": 1,
    }
    base.update(kw)
    return Finding(**base)  # type: ignore[arg-type]


def test_to_dict_has_the_documented_keys_and_is_json() -> None:
    finding = _finding(suggestions=("a", "b"), engine="harper")
    data = finding.to_dict()
    assert tuple(data)[:10] == DOCUMENTED_KEYS
    assert data["suggestions"] == ["a", "b"]
    assert json.loads(json.dumps(data)) == data


@pytest.mark.parametrize(
    "kw", [{"category": "nonsense"}, {"severity": "fatal"}, {"start": 5, "end": 2}, {"start": -1}]
)
def test_bad_values_are_rejected(kw: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        _finding(**kw)


def test_positions_are_one_based_code_points() -> None:
    text = "😀 ab\nنص cd\n\nef"
    findings = [
        _finding(start=text.index("ab"), end=text.index("ab") + 2),
        _finding(start=text.index("cd"), end=text.index("cd") + 2),
        _finding(start=text.index("ef"), end=text.index("ef") + 2),
    ]
    placed = with_positions(findings, text)
    assert [(f.line, f.column) for f in placed] == [(1, 3), (2, 4), (4, 1)]
    assert [f.excerpt for f in placed] == ["ab", "cd", "ef"]
    assert line_starts("a\nb\n") == [0, 2, 4]


def test_key_ignores_case_and_offsets() -> None:
    one = _finding(excerpt="Teh", start=0, end=3)
    two = _finding(excerpt="teh", start=10, end=13)
    assert one.key == two.key == "r|teh"


def test_sort_puts_errors_first_at_the_same_place() -> None:
    advice = _finding(severity="advice")
    error = _finding(severity="error")
    assert sorted([advice, error], key=sort_key)[0] is error
